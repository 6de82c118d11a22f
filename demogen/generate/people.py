"""Names of people in their market: first name (which fixes gender), last name and their ASCII forms."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from demogen.locales import LocaleData, matching
from demogen.rng import BlockStreams, choose
from demogen.text import concat, scatter


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
    first_raw = streams.raw("first_name", n)
    last_raw = streams.raw("last_name", n)
    second_raw = streams.raw("second_last_name", n) if any(m.surnames == 2 for m in markets) else last_raw
    if len(markets) == 1:
        return _people_of(markets[0], first_raw, last_raw, second_raw)
    parts = []
    for index, locale in enumerate(markets):
        rows = np.flatnonzero(market == index)
        if rows.size:
            parts.append((rows, _people_of(locale, first_raw[rows], last_raw[rows], second_raw[rows])))
    return People(**{f.name: scatter(n, [(rows, getattr(p, f.name)) for rows, p in parts]) for f in fields(People)})


def _first_names(locale: LocaleData, raw: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Rows of `locale.first_names`, each drawn among the first names of its surname's origin where known."""
    names = locale.first_names
    if "origin" not in names.columns or "origin" not in locale.last_names.columns:
        return choose(raw, names.cumulative)
    origin = locale.last_names["origin"][last]
    first = choose(raw, names.cumulative)
    for value in np.unique(origin).tolist():
        if value:
            at = np.flatnonzero(origin == value)
            pool = matching(names, "origin", value, blank_in_proportion=True)
            first[at] = pool["_row"][choose(raw[at], pool.cumulative)]
    return first


def _people_of(locale: LocaleData, first_raw: np.ndarray, last_raw: np.ndarray, second_raw: np.ndarray) -> People:
    """A market's people; where people carry two surnames (father's, then mother's) the email uses the first.

    Where both name lists say whose names they are (`origin`), the surname comes first and the first name is
    drawn among the names of its bearers' origin (a Hernández is mostly a José or a María, as in the population);
    first names of no stated origin go with any surname."""
    last = choose(last_raw, locale.last_names.cumulative)
    first = _first_names(locale, first_raw, last)
    surname = locale.last_names["name"][last]
    if locale.surnames == 2:
        surname = concat(surname, " ", locale.last_names["name"][choose(second_raw, locale.last_names.cumulative)])
    return People(
        first=locale.first_names["name"][first],
        last=surname,
        gender=locale.first_names["gender"][first],
        first_ascii=locale.first_names["ascii"][first],
        last_ascii=locale.last_names["ascii"][last],
    )
