"""Names of people in their market: first name (which fixes gender), last name and their ASCII forms."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demogen.locales import STRINGS, LocaleData
from demogen.rng import BlockStreams, choose


@dataclass(frozen=True)
class People:
    first: np.ndarray
    last: np.ndarray
    gender: np.ndarray
    first_ascii: np.ndarray
    last_ascii: np.ndarray


def pick_people(streams: BlockStreams, market: np.ndarray, markets: tuple[LocaleData, ...]) -> People:
    """One person per row of `market` (index into `markets`); gender follows the market's name frequencies."""
    n = len(market)
    gender_raw = streams.raw("gender", n)
    first_raw = streams.raw("first_name", n)
    last_raw = streams.raw("last_name", n)
    out = {key: np.empty(n, dtype=STRINGS) for key in ("first", "last", "gender", "first_ascii", "last_ascii")}
    for index, locale in enumerate(markets):
        rows = np.flatnonzero(market == index)
        if rows.size == 0:
            continue
        female_total = int(locale.first_names["F"].cumulative[-1])
        total = female_total + int(locale.first_names["M"].cumulative[-1])
        is_female = (gender_raw[rows] % np.uint64(total)).astype(np.int64) < female_total
        for gender, chosen in (("F", is_female), ("M", ~is_female)):
            table = locale.first_names[gender]
            target = rows[chosen]
            picked = choose(first_raw[target], table.cumulative)
            out["first"][target] = table["name"][picked]
            out["first_ascii"][target] = table["ascii"][picked]
            out["gender"][target] = gender
        picked = choose(last_raw[rows], locale.last_names.cumulative)
        out["last"][rows] = locale.last_names["name"][picked]
        out["last_ascii"][rows] = locale.last_names["ascii"][picked]
    return People(**out)
