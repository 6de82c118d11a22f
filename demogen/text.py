"""Vectorised text: UTF-8 byte-string arrays (numpy `S`), concatenation, templates, de-duplication, numbers.

Text columns are fixed-width UTF-8 byte strings: on the hot path numpy gathers and joins them several times
faster than variable-width string arrays, and sinks write them without re-encoding. Arrays are only ever built
whole (`scatter` sizes the result to its widest piece), never assigned into a narrower array, so nothing is
silently truncated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

POWERS_OF_TEN = np.array([10**k for k in range(19)], dtype=np.uint64)


def to_text(values: Iterable[str]) -> np.ndarray:
    """A byte-string array from Python strings."""
    encoded = [value.encode("utf-8") for value in values]
    return np.array(encoded, dtype=bytes) if encoded else np.array([], dtype="S1")


def decode(values: np.ndarray) -> list[str]:
    return [value.decode("utf-8") for value in values.tolist()]


def _part(part: np.ndarray | str | bytes) -> np.ndarray | bytes:
    return part.encode("utf-8") if isinstance(part, str) else part


def concat(*parts: np.ndarray | str | bytes) -> np.ndarray:
    """Element-wise concatenation of byte-string arrays and literals (at least one part is an array)."""
    out = _part(parts[0])
    for part in parts[1:]:
        out = np.strings.add(out, _part(part))
    return np.asarray(out)


def repeat(text: str, n: int) -> np.ndarray:
    return np.full(n, text.encode("utf-8"))


def scatter(n: int, pieces: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Assemble an array of n texts from (row indices, values) pieces, wide enough for every piece."""
    width = max([1, *(values.dtype.itemsize for _, values in pieces)])
    out = np.zeros(n, dtype=f"S{width}")
    for rows, values in pieces:
        out[rows] = values
    return out


def replace_rows(values: np.ndarray, rows: np.ndarray, replacement: np.ndarray) -> np.ndarray:
    """A copy of `values` with `rows` replaced, widened so that no replacement is truncated."""
    width = max(values.dtype.itemsize, np.asarray(replacement).dtype.itemsize, 1)
    out = values.astype(f"S{width}")
    out[rows] = replacement
    return out


def choose_text(condition: np.ndarray, if_true: np.ndarray, if_false: np.ndarray) -> np.ndarray:
    """np.where for byte strings of different widths."""
    width = max(np.asarray(if_true).dtype.itemsize, np.asarray(if_false).dtype.itemsize)
    return np.where(condition, np.asarray(if_true).astype(f"S{width}"), np.asarray(if_false).astype(f"S{width}"))


def digits_right_aligned(values: np.ndarray, pad: int) -> np.ndarray:
    """Decimal digits of non-negative integers as a (rows, width) byte matrix, right-aligned in the width of the
    largest (at least one digit), `pad` before them (vectorised; numpy's own int-to-bytes cast is slow)."""
    remaining = np.asarray(values, dtype=np.int64).copy()
    width = len(str(int(remaining.max()))) if remaining.size else 1
    digits = np.empty((len(remaining), width), dtype=np.uint8)
    for position in range(width - 1, -1, -1):
        digits[:, position] = np.where((remaining > 0) | (position == width - 1), 48 + remaining % 10, pad)
        remaining //= 10
    return digits


def int_text(values: np.ndarray) -> np.ndarray:
    """Decimal text of non-negative integers, in the narrowest byte-string dtype."""
    digits = digits_right_aligned(values, ord(" "))
    return tighten(np.strings.lstrip(digits.view(f"S{digits.shape[1]}").ravel(), b" "))


def tighten(values: np.ndarray) -> np.ndarray:
    """The same texts in the narrowest byte-string dtype (joins cost time in proportion to width)."""
    if values.size == 0:
        return values
    width = max(int(np.strings.str_len(values).max()), 1)
    return values if width == values.dtype.itemsize else values.astype(f"S{width}")


def partition(values: np.ndarray, separator: str, *, last: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sep = separator.encode("utf-8")
    if values.size == 0:
        return values, values, values
    return (np.strings.rpartition if last else np.strings.partition)(values, sep)


def fill_templates(templates: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """Replace the k-th `#` of each template with the k-th decimal digit of the row's 64-bit word.

    One word gives 19 digits; phone templates never hold more than 15 `#`.
    """
    templates = np.asarray(templates)
    n, width = len(templates), max(templates.dtype.itemsize, 1)
    chars = templates.astype(f"S{width}").view(np.uint8).reshape(n, width).copy()
    holes = chars == ord("#")
    rank = np.cumsum(holes, axis=1, dtype=np.int8) - 1
    rows, cols = np.nonzero(holes)
    chars[rows, cols] = (raw[rows] // POWERS_OF_TEN[rank[rows, cols]]) % np.uint64(10) + np.uint64(ord("0"))
    return chars.view(f"S{width}").ravel()


def occurrence(keys: list, groups: list | None = None) -> np.ndarray:
    """For each row, how many earlier rows (of the same contiguous group) share its key: 0 for the first.

    Groups must be contiguous runs (contacts are ordered by company), so one dictionary per run suffices.
    """
    out = np.zeros(len(keys), dtype=np.int64)
    seen: dict = {}
    previous = None
    for index, key in enumerate(keys):
        if groups is not None and groups[index] != previous:
            previous = groups[index]
            seen = {}
        count = seen.get(key, 0)
        if count:
            out[index] = count
        seen[key] = count + 1
    return out


def deduplicate(values: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
    """Suffix repeated values (within a contiguous group) with 2, 3, ... in row order: john.smith, john.smith2."""
    seen = occurrence(values.tolist(), None if groups is None else groups.tolist())
    repeated = np.flatnonzero(seen)
    if repeated.size == 0:
        return values
    return replace_rows(values, repeated, concat(values[repeated], int_text(seen[repeated] + 1)))


def contains_any(values: np.ndarray, words: Sequence[str]) -> np.ndarray:
    """Rows whose text contains any of the (lower-case) words."""
    hit = np.zeros(len(values), dtype=bool)
    for word in words:
        hit |= np.strings.find(values, word.encode("utf-8")) >= 0
    return hit


def nice_round(values: np.ndarray, lower: float = 0.0, upper: float = float("inf")) -> np.ndarray:
    """Round to what people type: 2,350 / 12,500 / 150,000 (steps of 5 at the third significant digit),
    stepping back inside [lower, upper] where rounding crossed a bound."""
    values = np.maximum(values, 1.0)
    step = np.maximum(5.0 * 10.0 ** (np.floor(np.log10(values)) - 2), 1.0)
    rounded = np.rint(values / step) * step
    rounded = np.where(rounded < lower, rounded + step, rounded)
    return np.where(rounded > upper, rounded - step, rounded)


def significant_round(values: np.ndarray, digits: int = 3) -> np.ndarray:
    values = np.maximum(values, 1.0)
    step = 10.0 ** np.maximum(np.floor(np.log10(values)) - (digits - 1), 0)
    return np.rint(values / step) * step
