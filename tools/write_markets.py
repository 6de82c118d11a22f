"""Measure every shipped market the way tests/test_markets.py checks it and publish the figures: docs/MARKETS.md.

For each market a one-market tenant of about 10,000 contacts (seed 5, the market's own vendor at home) is generated
and compared with the market's reference figures, which the locale builders computed from the source statistics
(`locale.toml` [reference]; how, in `locales/<CC>/SOURCES.md`). Nothing here is typed by hand.

    .venv/bin/python tools/write_markets.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path

import pandas as pd
import phonenumbers

from demogen import GENERATOR_VERSION, realism
from demogen.dataset import build_plan, iter_blocks
from demogen.export import collect_frames
from demogen.locales import available_markets, load_locale
from demogen.recipe import parse_recipe

ROOT = Path(__file__).resolve().parent.parent
SEED, COMPANIES, AS_OF = 5, 3200, dt.date(2026, 11, 28)
WRITTEN = {"ja": ("{last} {first}", "〒{postal} {region}{city}{street}")}
"""How a language writes a person and an address where it is not given name first and street first (Japan: family
name first, the address from the prefecture down)."""
DEFAULT_WRITTEN = ("{first} {last}", "{street}, {postal} {city}, {region}")


def tenant(code: str) -> dict[str, pd.DataFrame]:
    """The default recipe with one market, the vendor at home in it (what tests/test_markets.py generates)."""
    recipe = tomllib.loads((ROOT / "configs" / "default.toml").read_text(encoding="utf-8"))
    recipe["volume"]["companies"] = COMPANIES
    recipe["locales"] = {code: 1.0}
    recipe["tenant"]["country"] = code
    return collect_frames(iter_blocks(build_plan(parse_recipe(recipe, seed=SEED, as_of=AS_OF, today=AS_OF))))


def figures(code: str) -> dict[str, object]:
    locale, frames = load_locale(code), tenant(code)
    contacts, companies = frames["contacts"], frames["companies"]
    surnames = contacts["last_name"].str.split(" ").str[0] if locale.surnames == 2 else contacts["last_name"]
    phones = pd.concat([companies["phone"], contacts["phone"]])
    valid = sum(phonenumbers.is_valid_number(phonenumbers.parse(p, code)) for p in phones) / len(phones)
    cities = locale.cities
    known = set(zip(cities.texts("city"), cities.texts("region"), cities.texts("postal_code"), strict=True))
    triples = zip(companies["city"], companies["region"], companies["postal_code"], strict=True)
    agree = sum(triple in known for triple in triples) / len(companies)
    reference = locale.reference
    return {
        "code": code,
        "name": locale.name,
        "language": locale.language,
        "sources": ", ".join(f"{k}: {v}" for k, v in locale.sources.items()) or "see SOURCES.md",
        "contacts": len(contacts),
        "first_ref": reference.get("distinct_first_names_per_10k"),
        "first": realism.distinct_per_10k(contacts["first_name"]),
        "last_ref": reference.get("distinct_last_names_per_10k"),
        "last": realism.distinct_per_10k(surnames),
        "top_ref": reference.get("top10_surname_share"),
        "top": realism.top_share(surnames, 10),
        "phones": valid,
        "agree": agree,
        "unique_emails": contacts["email"].is_unique,
        "sample": contacts.iloc[0][["first_name", "last_name", "title", "email", "phone"]].tolist(),
        "address": companies.iloc[0][["name", "street", "postal_code", "city", "region"]].tolist(),
    }


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def page(rows: list[dict[str, object]]) -> str:
    lines = [
        "# Markets",
        "",
        f"Written by `tools/write_markets.py` (generator {GENERATOR_VERSION}, seed {SEED}, {COMPANIES:,} companies of "
        "one market each, the market's own vendor at home). Reference figures come from each market's source "
        "statistics (`locale.toml` [reference], computed by its builder; see `locales/<CC>/SOURCES.md`): expected "
        "distinct names among 10,000 people and the share of the ten most common surnames. tests/test_markets.py "
        "holds every market within 15% of them.",
        "",
        "| market | language | name lists | contacts | first names / 10k (ref) | surnames / 10k (ref) | top-10 "
        "surname share (ref) | valid phones | postcode-city-region agree | unique emails |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['code']} {r['name']} | {r['language']} | {r['sources']} | {r['contacts']:,} | "
            f"{_num(r['first'])} ({_num(r['first_ref'])}) | {_num(r['last'])} ({_num(r['last_ref'])}) | "
            f"{_share(r['top'])} ({_share(r['top_ref'])}) | {_share(r['phones'])} | {_share(r['agree'])} | "
            f"{'yes' if r['unique_emails'] else 'no'} |"
        )
    lines += ["", "## A first contact and company of each market", ""]
    for r in rows:
        first, last, title, email, phone = r["sample"]
        company, street, postal, city, region = r["address"]
        name, address = WRITTEN.get(str(r["language"]), DEFAULT_WRITTEN)
        person = name.format(first=first, last=last)
        place = address.format(street=street, postal=postal, city=city, region=region)
        lines.append(f"- **{r['code']}**: {person}, {title}, {email}, {phone} — {company}, {place}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Every shipped market, or the ones named: `python tools/write_markets.py US FR`."""
    rows = [figures(code) for code in argv or available_markets(ROOT / "locales")]
    (ROOT / "docs" / "MARKETS.md").write_text(page(rows), encoding="utf-8")
    print(f"docs/MARKETS.md: {len(rows)} markets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
