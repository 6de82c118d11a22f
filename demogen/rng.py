"""Counter-based random streams: (seed, entity, block, column) -> Philox bits.

Every column of every block draws from its own keyed stream, one 64-bit word per row, so a row's values do
not depend on how many rows the block holds (prefix stability), on the order in which blocks are generated,
or on which other columns exist. Only raw bits are taken from numpy (Philox is specified bit for bit); every
conversion to choices and uniforms is done here with integer arithmetic, so results do not depend on numpy's
sampling algorithms or on the platform.
"""

from __future__ import annotations

import zlib

import numpy as np

ENTITY_IDS = {
    "users": 1,
    "companies": 2,
    "contacts": 3,
    "pipeline_stages": 4,
    "deals": 5,
    "activities": 6,
    "plan": 7,
}

_TWO_POW_MINUS_52 = 2.0**-52


def _column_id(column: str) -> int:
    """A stable integer key for a column name (crc32, never the salted built-in hash)."""
    return zlib.crc32(column.encode("utf-8"))


class BlockStreams:
    """The random streams of one block of one entity; `column` names the stream."""

    def __init__(self, seed: int, entity: str, block: int) -> None:
        self._seed = seed
        self._entity_id = ENTITY_IDS[entity]
        self._block = block

    def raw(self, column: str, n: int) -> np.ndarray:
        """n raw 64-bit words of the column's stream (row i always gets word i)."""
        sequence = np.random.SeedSequence(self._seed, spawn_key=(self._entity_id, self._block, _column_id(column)))
        return np.random.Philox(sequence).random_raw(n).astype(np.uint64, copy=False)

    def uniform(self, column: str, n: int) -> np.ndarray:
        """n floats in the open interval (0, 1), built exactly from the top 52 bits."""
        return uniform_from_raw(self.raw(column, n))

    def below(self, column: str, n: int, bound: int | np.ndarray) -> np.ndarray:
        """n integers in [0, bound) (bound may be per row)."""
        return below_from_raw(self.raw(column, n), bound)

    def choice(self, column: str, n: int, cumulative: np.ndarray) -> np.ndarray:
        """n indices into a table with integer cumulative weights."""
        return choose(self.raw(column, n), cumulative)


def uniform_from_raw(raw: np.ndarray) -> np.ndarray:
    """Map 64-bit words to (0, 1): (top 52 bits + 0.5) * 2**-52 is exact in binary64 and never 0 or 1."""
    return ((raw >> np.uint64(12)).astype(np.float64) + 0.5) * _TWO_POW_MINUS_52


def below_from_raw(raw: np.ndarray, bound: int | np.ndarray) -> np.ndarray:
    """Integers in [0, bound) by remainder; the bias is below bound / 2**64 (< 2**-24 for any table here)."""
    bound_arr = np.asarray(bound, dtype=np.uint64)
    return (raw % bound_arr).astype(np.int64)


def choose(raw: np.ndarray, cumulative: np.ndarray) -> np.ndarray:
    """Integer-exact weighted choice: a point in [0, total) located in the cumulative weights."""
    total = int(cumulative[-1])
    points = (raw % np.uint64(total)).astype(np.int64)
    return np.searchsorted(cumulative, points, side="right").astype(np.int64)


def cumulative_weights(weights: np.ndarray) -> np.ndarray:
    """Integer cumulative weights (int64) from positive integer weights."""
    weights = np.asarray(weights, dtype=np.int64)
    if weights.size == 0 or (weights <= 0).any():
        raise ValueError("weights must be a non-empty list of positive integers")
    return np.cumsum(weights, dtype=np.int64)


def integer_weights(shares: dict[str, float] | list[float], scale: int = 1_000_000) -> np.ndarray:
    """Turn user-facing float shares into integer weights (rounded per million, at least 1)."""
    values = np.asarray(list(shares.values()) if isinstance(shares, dict) else shares, dtype=np.float64)
    normalised = values / values.sum()
    return np.maximum(np.rint(normalised * scale), 1).astype(np.int64)
