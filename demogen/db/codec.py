"""Block columns <-> database values: CSV for PostgreSQL COPY, tuples for SQLite, and rows read back."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from demogen.export import csv_bytes, format_column
from demogen.tables import NULL, TABLES, Block
from demogen.text import concat, decode, repeat, to_text

EPOCH = dt.date(1970, 1, 1)


def copy_csv(table: str, block: Block, tenant_id: int) -> bytes:
    """The block as COPY ... (FORMAT csv) input, tenant_id first (canonical text: NULL is an unquoted empty)."""
    return with_tenant(csv_bytes(table, block), tenant_id)


def with_tenant(canonical: bytes, tenant_id: int) -> bytes:
    """Canonical CSV lines with the tenant_id column in front (values never span lines: no newlines in text)."""
    if not canonical:
        return b""
    prefix = f"{tenant_id},".encode()
    return prefix + canonical[:-1].replace(b"\n", b"\n" + prefix) + b"\n"


def sqlite_rows(table: str, block: Block, tenant_id: int) -> list[tuple]:
    """Rows for executemany on SQLite, in the storage formats SQLAlchemy reads back."""
    columns: list[list] = [[tenant_id] * len(block["id"])]
    for column in TABLES[table]:
        values = block[column.name]
        present = values != NULL if column.kind not in {"text", "bool"} else None
        if column.kind == "text":
            columns.append(decode(values))
        elif column.kind == "bool":
            columns.append([int(v) for v in values.tolist()])
        elif column.kind == "int":
            columns.append([v if ok else None for v, ok in zip(values.tolist(), present.tolist(), strict=True)])
        else:
            text = format_column(values, column)
            if column.kind == "timestamp":
                text = concat(np.strings.replace(np.strings.rstrip(text, b"Z"), b"T", b" "), ".000000")
            columns.append([v.decode() if ok else None for v, ok in zip(text.tolist(), present.tolist(), strict=True)])
    return list(zip(*columns, strict=True))


def _seconds(value: dt.datetime) -> int:
    if value.tzinfo is None:
        return calendar.timegm(value.timetuple())
    return int(value.timestamp())


def rows_to_block(table: str, rows: Sequence[tuple]) -> Block:
    """Rows read back (in schema column order, tenant_id excluded) as a block, for the canonical export."""
    block: Block = {}
    for index, column in enumerate(TABLES[table]):
        values = [row[index] for row in rows]
        if column.kind == "text":
            block[column.name] = to_text(values) if values else repeat("", 0)
        elif column.kind == "bool":
            block[column.name] = np.array(values, dtype=bool)
        elif column.kind == "int":
            block[column.name] = np.array([NULL if v is None else v for v in values], dtype=np.int64)
        elif column.kind in {"money", "decimal2"}:
            block[column.name] = np.array(
                [NULL if v is None else int((Decimal(v) * 100).to_integral_value()) for v in values], dtype=np.int64
            )
        elif column.kind == "date":
            block[column.name] = np.array([NULL if v is None else (v - EPOCH).days for v in values], dtype=np.int64)
        else:
            block[column.name] = np.array([NULL if v is None else _seconds(v) for v in values], dtype=np.int64)
    return block
