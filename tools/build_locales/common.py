"""Shared writers for the locale builders: one sort order, one CSV dialect, integer weights."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
FORBIDDEN_WORDS = ("demo", "fake", "test", "sample", "lorem", "example")
"""Tenant-visible text never contains these (DESIGN.md section 4), so rows containing them are dropped."""


def write_weighted_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write rows whose last column is an integer weight, sorted weight-descending then by value.

    Duplicate keys (all columns but the weight) are merged by summing their weights, so builders may
    emit the same value from several sources. Returns the number of rows written.
    """
    merged: dict[tuple[str, ...], int] = {}
    for row in rows:
        *key, weight = row
        key_t = tuple(str(value).strip() for value in key)
        if any(value == "" for value in key_t[:1]):
            continue
        if any(word in value.lower() for value in key_t for word in FORBIDDEN_WORDS):
            continue
        weight_i = int(weight)
        if weight_i <= 0:
            continue
        merged[key_t] = merged.get(key_t, 0) + weight_i
    ordered = sorted(merged.items(), key=lambda item: (-item[1], item[0]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for key, weight in ordered:
        writer.writerow([*key, weight])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return len(ordered)
