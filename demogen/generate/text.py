"""Vectorised string assembly: concatenation, phone templates, per-group de-duplication, nice numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demogen.locales import STRINGS

TEMPLATE_WIDTH = 32


def concat(*parts: np.ndarray | str) -> np.ndarray:
    """Element-wise concatenation of string arrays and literals."""
    out = parts[0] if isinstance(parts[0], np.ndarray) else np.asarray(parts[0], dtype=STRINGS)
    for part in parts[1:]:
        out = np.strings.add(out, part)
    return out


def partition(values: np.ndarray, separator: str, *, last: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.strings.(r)partition for StringDType arrays (the separator must share the dtype)."""
    sep = np.asarray(separator, dtype=STRINGS)
    return (np.strings.rpartition if last else np.strings.partition)(values, sep)


def fill_templates(templates: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """Replace each `#` of each template with the digit at the same position (digits: (n, width) uint8)."""
    n = len(templates)
    raw = np.asarray(templates).astype(f"S{TEMPLATE_WIDTH}").view(np.uint8).reshape(n, TEMPLATE_WIDTH).copy()
    holes = raw == ord("#")
    raw[holes] = digits[:, :TEMPLATE_WIDTH][holes] + ord("0")
    return raw.view(f"S{TEMPLATE_WIDTH}").ravel().astype(STRINGS)


def occurrence(keys: np.ndarray) -> np.ndarray:
    """For each row, how many earlier rows share its key (0 for the first): deterministic de-duplication."""
    return pd.Series(keys).groupby(keys, sort=False).cumcount().to_numpy()


def deduplicate(values: np.ndarray, groups: np.ndarray | None = None, separator: str = "") -> np.ndarray:
    """Suffix repeated values (within a group) with 2, 3, ... in row order: john.smith, john.smith2."""
    keys = values if groups is None else concat(groups.astype(STRINGS), "|", values)
    seen = occurrence(keys)
    repeated = seen > 0
    if not repeated.any():
        return values
    out = values.copy()
    out[repeated] = concat(values[repeated], separator, (seen[repeated] + 1).astype(STRINGS))
    return out


def nice_round(values: np.ndarray) -> np.ndarray:
    """Round to what people type: 2,350 / 12,500 / 150,000 (steps of 5 at the second significant digit)."""
    values = np.maximum(values, 1.0)
    step = 5.0 * 10.0 ** (np.floor(np.log10(values)) - 2)
    step = np.maximum(step, 1.0)
    return np.rint(values / step) * step


def significant_round(values: np.ndarray, digits: int = 3) -> np.ndarray:
    values = np.maximum(values, 1.0)
    step = 10.0 ** np.maximum(np.floor(np.log10(values)) - (digits - 1), 0)
    return np.rint(values / step) * step
