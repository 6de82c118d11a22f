"""DataFrame views of generated blocks, for previews, the app, notebooks and tests (pandas lives here).

Typed columns (text as pandas strings, money as floats, timestamps as datetimes, nullable ids as Int64) for
analysis; the canonical text form is `demogen.export`'s. Kept apart so that the CSV sinks, which exports and
pushes use, do not import pandas (a third of a second at start-up).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from demogen.tables import NULL, TABLE_ORDER, TABLES, Block
from demogen.text import decode


def block_frame(table: str, block: Block) -> pd.DataFrame:
    """A typed DataFrame of one block for previews, the app and notebooks (internal columns dropped)."""
    data = {}
    for column in TABLES[table]:
        values = block[column.name]
        if column.kind == "text":
            data[column.name] = pd.array(decode(values), dtype="string")
        elif column.kind in {"money", "decimal2"}:
            data[column.name] = values / 100
        elif column.kind in {"timestamp", "date"}:
            unit = "s" if column.kind == "timestamp" else "D"
            stamps = np.where(values == NULL, np.datetime64("NaT"), values.astype(f"datetime64[{unit}]"))
            data[column.name] = pd.to_datetime(stamps)
        elif column.kind == "int" and column.nullable:
            data[column.name] = pd.array(np.where(values == NULL, None, values), dtype="Int64")
        else:
            data[column.name] = values
    return pd.DataFrame(data)


def preview_frames(blocks: Iterable[tuple[str, Block]], rows: int) -> dict[str, pd.DataFrame]:
    """The first `rows` rows of every table, stopping as soon as each table has them."""
    frames: dict[str, list[pd.DataFrame]] = {table: [] for table in TABLE_ORDER}
    have = dict.fromkeys(TABLE_ORDER, 0)
    for table, block in blocks:
        if have[table] < rows:
            frame = block_frame(table, block).head(rows - have[table])
            frames[table].append(frame)
            have[table] += len(frame)
        if all(count >= rows for count in have.values()):
            break
    return {
        table: pd.concat(parts, ignore_index=True) if parts else block_frame(table, _empty(table))
        for table, parts in frames.items()
    }


def _empty(table: str) -> Block:
    return {
        c.name: np.array([], dtype="S1" if c.kind == "text" else bool if c.kind == "bool" else np.int64)
        for c in TABLES[table]
    }


def collect_frames(blocks: Iterable[tuple[str, Block]]) -> dict[str, pd.DataFrame]:
    """Whole tables as DataFrames (for analysis of moderate tenants; the sinks above stream instead)."""
    parts: dict[str, list[pd.DataFrame]] = {table: [] for table in TABLE_ORDER}
    for table, block in blocks:
        parts[table].append(block_frame(table, block))
    return {
        table: pd.concat(frames, ignore_index=True) if frames else block_frame(table, _empty(table))
        for table, frames in parts.items()
    }
