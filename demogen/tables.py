"""The tenant tables as generation sees them: column order, value kinds and nullability.

This is the single source of column order for blocks, the canonical export and the database schema. Values in
a block are numpy arrays: `text` as StringDType, `int`/`money`/`decimal2`/`date`/`timestamp` as int64 (money and
decimal2 in hundredths, dates as days and timestamps as seconds since 1970-01-01 UTC), `bool` as numpy bool.
Nullable integer-like columns hold `NULL` where the value is absent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NULL = np.iinfo(np.int64).min
"""Marks an absent value in an int64 column (timestamps, dates, optional ids and counts)."""

Block = dict[str, np.ndarray]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | int | money | decimal2 | date | timestamp | bool
    nullable: bool = False


def _cols(spec: str) -> tuple[Column, ...]:
    """Parse `name:kind[?]` pairs; `?` marks a nullable column."""
    columns = []
    for item in spec.split():
        name, kind = item.split(":")
        columns.append(Column(name, kind.rstrip("?"), kind.endswith("?")))
    return tuple(columns)


TABLES: dict[str, tuple[Column, ...]] = {
    "users": _cols("id:int first_name:text last_name:text email:text role:text created_at:timestamp"),
    "companies": _cols(
        "id:int name:text domain:text industry:text employees:int annual_revenue:money country:text region:text"
        " city:text postal_code:text street:text phone:text owner_id:int created_at:timestamp"
    ),
    "contacts": _cols(
        "id:int company_id:int first_name:text last_name:text gender:text title:text email:text phone:text"
        " country:text owner_id:int created_at:timestamp"
    ),
    "pipeline_stages": _cols("id:int name:text position:int probability:decimal2 is_closed:bool is_won:bool"),
    "deals": _cols(
        "id:int company_id:int contact_id:int owner_id:int stage_id:int name:text amount:money currency:text"
        " status:text created_at:timestamp expected_close_date:date closed_at:timestamp?"
    ),
    "activities": _cols(
        "id:int deal_id:int? contact_id:int owner_id:int kind:text subject:text due_at:timestamp"
        " completed_at:timestamp? duration_minutes:int?"
    ),
}
"""Tenant tables in canonical export order (tenant_id is added by the database layer)."""

TABLE_ORDER = tuple(TABLES)


def block_length(block: Block) -> int:
    return len(block["id"])
