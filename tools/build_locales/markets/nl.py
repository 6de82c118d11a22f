"""Netherlands (NL): nam_dict first-name bands, names-dataset surname ranks with Dutch particles, GeoNames postcodes
(4 digits, letters generated), Dutch business vocabulary. The generic steps are shared with it.py."""

from __future__ import annotations

import hashlib
import re

from tools.build_locales import market as m
from tools.build_locales import phones

CC = "NL"
VOCAB = m.vocabulary(CC)
PARTICLES = frozenset(VOCAB["particles"])
"""Lower case inside a Dutch surname written with the first name: Jan van der Berg, Els in 't Veld."""
JUNK = frozenset(["nl", "in gebruik", "niet", "onbekend", "familie", "fam"])
"""Profile text typed into the surname field (names-dataset keeps it)."""
HOME = frozenset(["NL", "BE", "DE", "ZA", "NA", "SR", "CW", "AW"])
"""Countries whose names-dataset surnames are kept when the Netherlands is not where most bearers live."""
PROVINCES = VOCAB["provinces"]
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
            out.append(m.name_case(word))
    return " ".join(out)


def surname_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset NL ranks (the only Dutch surname ranking in a package), Dutch casing, one spelling per name
    (Vandijk and Devries, typed without spaces, are dropped), no first names, no names mostly borne abroad."""
    first = m.names_dataset_ranks("first_names", CC)
    ranked = sorted(
        (r, n) for n, r in m.names_dataset_ranks("last_names", CC).items() if re.fullmatch(r"[A-Za-zÀ-ÿ' -]{2,}", n)
    )
    spaced = {re.sub(r"[^a-z]", "", n.lower()) for _, n in ranked if " " in n}
    names, seen, dropped = [], set(), 0
    for rank, name in ranked:
        key = re.sub(r"[^a-z]", "", name.lower())
        home = m.names_dataset("last_names")[name].get("country") or {}
        foreign = max(home, key=home.get, default=CC) not in HOME and home.get(CC, 0) < 0.25
        glued = " " not in name and key in spaced
        junk = len(key) < 3 or name.lower() in JUNK or not re.search(r"[aeiouy]", name.split()[-1].lower())
        if key in seen or glued or foreign or junk or first.get(name, 10**9) * 3 < rank:
            dropped += 1
            continue
        seen.add(key)
        names.append(dutch_surname(name))
    weights, covered = m.anchored_weights(len(names), TOP10, head_s=HEAD_S, tail_s=1.0, knee=KNEE)
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
    rows = m.city_rows(m.postal_places(CC), m.towns(CC), region_of=lambda p: PROVINCES.get(p.admin1, p.admin1),
                     city_of=lambda p: {"'s-Gravenhage": "Den Haag"}.get(p.place, p.place))  # fmt: skip
    out = []
    for city, region, code, weight in rows:
        for pair in postcode_letters(code, 3):
            out.append((city, region, f"{code} {pair}", max(1, weight // 3)))
    return out


def street_rows() -> list[tuple[str, int]]:
    """The most common Dutch street names (estimated number of streets), plus mimesis' Dutch street list as a flat
    tail carrying three quarters of all streets (no house numbers or initials in a name)."""
    head = m.rows_of(VOCAB["streets"])
    data = m.mimesis("nl", "address")
    tail = sorted({n[:1].upper() + n[1:] if n[:1] != "'" else n for n in data["street"]["name"]
                   if not re.search(r"\d|\b[A-Z]\.", n)})  # fmt: skip
    each = max(1, round(3 * sum(w for _, w in head) / len(tail)))
    return head + [(n, each) for n in tail]


def build() -> None:
    last, facts = surname_rows()
    m.build_band_market(CC, last, facts, cities(), lambda _: street_rows(), top=TOP10 * 100, s=HEAD_S)


PHONE_PLAN = phones.plan_of(CC)
