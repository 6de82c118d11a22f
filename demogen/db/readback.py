"""Read a tenant back from the database into canonical blocks: the digest of what is really stored.

Each read is one snapshot (`transaction.transaction(snapshot=True)`): a delete or push that commits meanwhile is
not half seen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, Table, select

from demogen.db.codec import rows_to_block
from demogen.db.schema import TENANT_TABLES
from demogen.db.transaction import tenant_id_of, transaction
from demogen.export import csv_bytes, csv_header
from demogen.tables import TABLES, Block

READ_BATCH = 20_000


class UnknownTenant(LookupError):
    """No tenant of that name exists."""


def _table_blocks(connection: Connection, table: Table, tenant_id: int) -> Iterator[Block]:
    columns = [table.c[c.name] for c in TABLES[table.name]]
    query = select(*columns).where(table.c.tenant_id == tenant_id).order_by(table.c.id)
    for rows in connection.execution_options(yield_per=READ_BATCH).execute(query).partitions():
        yield rows_to_block(table.name, rows)


def iter_stored_blocks(engine: Engine, tenant_name: str) -> Iterator[tuple[str, Block]]:
    """Every stored row of the tenant, table by table in canonical order, rows by id."""
    with transaction(engine, snapshot=True) as connection:
        tenant_id = tenant_id_of(connection, tenant_name)
        if tenant_id is None:
            raise UnknownTenant(tenant_name)
        for table in TENANT_TABLES:
            for block in _table_blocks(connection, table, tenant_id):
                yield table.name, block


def stored_digest(engine: Engine, tenant_name: str) -> str:
    """The canonical dataset digest recomputed from the rows in the database."""
    sha = hashlib.sha256()
    with transaction(engine, snapshot=True) as connection:
        tenant_id = tenant_id_of(connection, tenant_name)
        if tenant_id is None:
            raise UnknownTenant(tenant_name)
        for table in TENANT_TABLES:
            sha.update(f"== {table.name}\n".encode() + csv_header(table.name))
            for block in _table_blocks(connection, table, tenant_id):
                sha.update(csv_bytes(table.name, block))
    return sha.hexdigest()
