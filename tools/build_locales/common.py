"""Shared writers for the locale builders: one sort order, one CSV dialect, integer weights."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
FORBIDDEN_WORDS = ("demo", "fake", "test", "sample", "lorem", "example")
"""Tenant-visible text never contains these (DESIGN.md section 4), so rows containing them are dropped."""


def clean(value: str) -> bool:
    """True if the value contains none of the FORBIDDEN_WORDS (any case, any position)."""
    return not any(word in value.lower() for word in FORBIDDEN_WORDS)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a header and rows in the one locale dialect (UTF-8, `\\n` line ends, minimal quoting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def write_weighted_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write rows whose last column is an integer weight, weight-descending then by value; returns the row count.

    Rows with the same key (all columns but the weight) are merged by summing their weights, so builders may emit
    a value from several sources; rows with an empty first column, a forbidden word or no weight are dropped.
    """
    merged: dict[tuple[str, ...], int] = defaultdict(int)
    for *values, weight in rows:
        key = tuple(str(value).strip() for value in values)
        if key[0] and all(map(clean, key)) and int(weight) > 0:
            merged[key] += int(weight)
    ordered = sorted(merged.items(), key=lambda item: (-item[1], item[0]))
    write_csv(path, header, [(*key, weight) for key, weight in ordered])
    return len(ordered)
