"""Push a planned tenant into the database in ONE transaction (tenant row, metadata, every block), and delete one.

PostgreSQL gets `COPY ... FROM STDIN (FORMAT csv)` fed block by block; SQLite gets each block as one JSON array
of rows (`codec.json_rows`). Any failure, a timeout included, rolls the whole tenant back: all or nothing. The
data digest is computed from the very bytes that stream past (spooled to anonymous temporary files), so it costs
no second generation pass. The integrity report is made inside the same transaction, and its reference counts
are the push's verification (the per-row foreign-key checks are off while it loads): a dangling reference rolls
the tenant back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

import psycopg
from sqlalchemy import Connection, Engine, Table, insert

from demogen import GENERATOR_VERSION, parallel
from demogen.dataset import Plan
from demogen.db.codec import json_insert, json_rows, stored_columns, with_tenant
from demogen.db.engine import is_sqlite
from demogen.db.integrity import IntegrityReport, tenant_report
from demogen.db.schema import TENANT_TABLES, tenant_metadata, tenants
from demogen.db.transaction import DatabaseTimeout, generic_plans, tenant_id_of, time_limit, transaction
from demogen.export import CanonicalCsvSink, holds_a_word
from demogen.recipe import FORBIDDEN_WORDS
from demogen.tables import TABLE_ORDER, Block

Progress = Callable[[int], None]


class PushTimeout(DatabaseTimeout):
    """The push ran past its time limit; the transaction was rolled back."""


class DeleteTimeout(DatabaseTimeout):
    """The delete ran past its time limit; the transaction was rolled back and the tenant is still whole."""


class TenantExists(ValueError):
    """A tenant of that name is already in the database."""


@dataclass(frozen=True)
class PushResult:
    tenant_id: int
    row_counts: dict[str, int]
    data_digest: str
    seconds: float
    report: IntegrityReport
    """The integrity report, made inside the push's transaction."""


def _slices(count: int, batch_size: int | None) -> list[slice]:
    if not batch_size or count <= batch_size:
        return [slice(0, count)]
    return [slice(i, i + batch_size) for i in range(0, count, batch_size)]


def _load_input(
    sqlite: bool, tenant_id: int, batch_size: int | None
) -> Callable[[str, Block, bytes], list[str] | list[bytes]]:
    """What the database is given for a block, one item per statement of at most `batch_size` rows: JSON arrays
    of rows (SQLite, `codec.json_rows`) or COPY input (PostgreSQL, the canonical CSV with tenant_id in front)."""
    if sqlite:  # decoded here, on the generating thread: the writing thread only waits for SQLite
        return lambda table, block, canonical: [
            json_rows(table, {name: values[part] for name, values in block.items()}, tenant_id).decode("utf-8")
            for part in _slices(len(block["id"]), batch_size)
        ]

    def copy_input(table: str, block: Block, canonical: bytes) -> list[bytes]:
        rows, parts = with_tenant(canonical, tenant_id), _slices(len(block["id"]), batch_size)
        if len(parts) == 1:
            return [rows]
        lines = rows.split(b"\n")[:-1]
        return [b"\n".join(lines[part]) + b"\n" for part in parts]

    return copy_input


def _write_block(connection: Connection, table: str, chunks: list[str] | list[bytes]) -> None:
    """One INSERT ... SELECT FROM json_each (SQLite) or one COPY (PostgreSQL) per chunk."""
    if is_sqlite(connection.engine):
        for chunk in chunks:
            connection.exec_driver_sql(json_insert(table), (chunk,))
        return
    with connection.connection.driver_connection.cursor() as cursor:
        copy_in(cursor, table, chunks)


def copy_in(cursor: psycopg.Cursor, table: str, chunks: list[bytes]) -> None:
    """One COPY ... FROM STDIN (FORMAT csv) per chunk of COPY input (tenant_id first, see `codec.copy_csv`)."""
    for chunk in chunks:
        with cursor.copy(f"COPY {table} ({', '.join(stored_columns(table))}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(chunk)


def formatted_blocks(
    plan: Plan, prepare: Callable[[str, Block, bytes], object] | None = None, depth: int = 2, workers: int = 1
) -> Iterator[tuple[str, Block, bytes, object]]:
    """Blocks with their canonical CSV and `prepare(table, block, csv)`, produced on a thread, so that
    generation and formatting overlap the database's work.

    The writing thread mostly waits for the database (PostgreSQL's COPY, SQLite unpacking a block's JSON rows),
    with the GIL released, so on two cores the push costs little more than the database's own work. Order is
    preserved; an error in the producer is re-raised.
    """
    items: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce() -> None:
        try:
            for table, block, canonical in parallel.iter_formatted(plan, workers):
                if stop.is_set():
                    return
                items.put((table, block, canonical, None if prepare is None else prepare(table, block, canonical)))
            items.put(done)
        except BaseException as error:  # handed to the consumer
            items.put(error)

    thread = threading.Thread(target=produce, daemon=True, name="demogen-generate")
    thread.start()
    try:
        while (item := items.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():
            with contextlib.suppress(queue.Empty):
                items.get_nowait()
            thread.join(timeout=0.05)


def _bulk_load_mode(connection: Connection) -> bool:
    """On PostgreSQL, skip the per-row foreign-key triggers for this transaction when the role may (superusers);
    SQLite's push transaction checks no foreign key anyway (`transaction(enforce_foreign_keys=False)`).

    pg_restore loads the same way. The references are then verified set-wise by the integrity report before
    commit, so the transaction still never commits a dangling reference; the constraints keep guarding every
    other write. Roles that may not do this simply load with the triggers on.
    """
    if is_sqlite(connection.engine):
        return False
    if not connection.exec_driver_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar():
        return False
    connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
    return True


SQLITE_PUSH_CACHE_KB = 64 * 1024
"""SQLite's page cache during a push (its default is 2 MB): the indexes of a large tenant stay in memory while it
is inserted, 5% faster for 629k rows (benchmarks/push.py); the connection's own setting is restored after."""


@contextlib.contextmanager
def _roomy_page_cache(connection: Connection) -> Iterator[None]:
    if not is_sqlite(connection.engine):
        yield
        return
    raw = connection.connection.driver_connection
    pages = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = -{SQLITE_PUSH_CACHE_KB}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):  # a push stopped by its time limit: the larger cache stays
            raw.execute(f"PRAGMA cache_size = {pages}")


class DanglingReferences(ValueError):
    """Rows that point at a parent row that does not exist (the push is rolled back)."""


def _verified_report(
    connection: Connection, plan: Plan, tenant_name: str, tenant_id: int, worded: Collection[str]
) -> IntegrityReport:
    """The tenant's integrity report, from inside the push's transaction; DanglingReferences if any reference
    points at a missing row (what the foreign-key triggers would have refused, had they been on).

    One pass per table both verifies the references and counts the other rules, so the check after the push
    costs nothing more than the verification alone would have; the text rule is answered by `worded`, the tables
    whose rows, as they were made, hold a forbidden word (see `tenant_report`).
    """
    as_of = plan.context.recipe.as_of
    report = tenant_report(connection, tenant_name, tenant_id, plan.row_counts(), as_of, worded=worded)
    problems = [f"{count} {reference}" for reference, count in report.dangling.items() if count]
    if problems:
        raise DanglingReferences("dangling references: " + ", ".join(problems))
    return report


def push(
    engine: Engine,
    plan: Plan,
    tenant_name: str,
    *,
    timeout: float | None = None,
    progress: Progress | None = None,
    batch_size: int | None = None,
    workers: int = 1,
) -> PushResult:
    """Write the whole tenant or nothing. Raises TenantExists, PushTimeout or the database's own error.

    `batch_size` caps the rows per COPY / INSERT statement and `workers` the processes that generate blocks;
    neither changes anything in the stored data. The result carries the integrity report (a broken reference
    raises DanglingReferences instead, with nothing written).
    """
    with time_limit(PushTimeout, "the push", timeout) as started:
        return _push(
            engine,
            plan,
            tenant_name,
            started=started,
            timeout=timeout,
            progress=progress,
            batch_size=batch_size,
            workers=workers,
        )


def _push(
    engine: Engine,
    plan: Plan,
    tenant_name: str,
    *,
    started: float,
    timeout: float | None,
    progress: Progress | None,
    batch_size: int | None,
    workers: int,
) -> PushResult:
    recipe = plan.context.recipe
    deadline = None if timeout is None else started + timeout
    done = 0
    with (
        contextlib.ExitStack() as stack,
        transaction(engine, timeout, enforce_foreign_keys=False) as connection,
    ):
        if tenant_id_of(connection, tenant_name) is not None:
            raise TenantExists(tenant_name)
        now = dt.datetime.now(dt.UTC)
        tenant_id = connection.execute(
            insert(tenants)
            .values(name=tenant_name, country=plan.context.home.code, currency=plan.context.currency, created_at=now)
            .returning(tenants.c.id)
        ).scalar_one()
        bulk = _bulk_load_mode(connection)
        if not bulk:
            generic_plans(connection)
        handles = {table: stack.enter_context(tempfile.TemporaryFile()) for table in TABLE_ORDER}
        sink = CanonicalCsvSink(handles)
        load_input = _load_input(is_sqlite(engine), tenant_id, batch_size)
        worded: set[str] = set()

        def prepare(table: str, block: Block, canonical: bytes) -> list[str] | list[bytes]:
            # On the generating thread: the tables whose text holds a word that gives the data away, for the check
            # (the CSV holds the texts the database is given, in COPY input or JSON rows).
            if table not in worded and holds_a_word(canonical, FORBIDDEN_WORDS):
                worded.add(table)
            return load_input(table, block, canonical)

        with _roomy_page_cache(connection):
            for table, block, canonical, rows in formatted_blocks(plan, prepare, workers=workers):
                _write_block(connection, table, rows)
                sink.write_bytes(table, canonical)
                done += len(block["id"])
                if progress is not None:
                    progress(done)
                if deadline is not None and time.monotonic() > deadline:
                    raise PushTimeout(f"the push took longer than {timeout:g} s")
        if bulk:
            connection.exec_driver_sql("SET LOCAL session_replication_role = origin")
        report = _verified_report(connection, plan, tenant_name, tenant_id, worded)
        digest = sink.digest()
        connection.execute(
            insert(tenant_metadata).values(
                tenant_id=tenant_id,
                is_demo=True,
                seed=recipe.seed,
                recipe=recipe.model_dump(mode="json", by_alias=True),
                recipe_digest=recipe.digest(),
                data_digest=digest,
                generator_version=GENERATOR_VERSION,
                as_of=recipe.as_of,
                row_counts=plan.row_counts(),
                created_at=now,
            )
        )
    return PushResult(tenant_id, plan.row_counts(), digest, time.monotonic() - started, report)


ANALYZE_AFTER_ROWS = 50_000
"""A push this large changes the tables' statistics enough to refresh them at once."""


FREE_TEXT = frozenset(
    ("first_name", "last_name", "name", "email", "domain", "street", "city", "postal_code", "phone", "title", "subject")
)
"""Columns of (nearly) unique text that no join or filter of ours reads: ANALYZE leaves them to autovacuum."""


def statistics_columns(table: Table) -> list[str]:
    """The columns `refresh_statistics` analyzes: keys, references, numbers, dates and the short lists of labels
    (status, kind, industry...) that queries join, filter and group on."""
    return [column.name for column in table.columns if column.name not in FREE_TEXT]


def refresh_statistics(engine: Engine, rows: int) -> None:
    """ANALYZE the tenant tables after a large push (PostgreSQL).

    Until autovacuum gets to it the planner believes the new tenant has no rows, and joins over it (the app's
    dashboards, the next push's checks) pick plans for one row. Only `statistics_columns` are analyzed (measured:
    0.25 s instead of 0.5-0.6 s for 629k rows, most of it spent sorting names and emails); an ANALYZE of some
    columns leaves the table's count of changes as it was, so autovacuum still analyzes every column soon after.
    A role that does not own the tables gets a warning from the server, not an error.
    """
    if is_sqlite(engine) or rows < ANALYZE_AFTER_ROWS:
        return
    tables = ", ".join(f"{table.name} ({', '.join(statistics_columns(table))})" for table in TENANT_TABLES)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"ANALYZE {tables}")


def delete_tenant(engine: Engine, tenant_name: str, *, timeout: float | None = None) -> bool:
    """Remove a tenant, its rows and its metadata in one transaction; False if unknown.

    Children go first, so each ON DELETE CASCADE trigger of a parent row finds nothing, through the index on its
    reference (migration 0003) and `generic_plans`: time linear in the tenant's size, about that of its push, also
    when the statistics predate the tenant. Raises DeleteTimeout past `timeout` seconds, with nothing removed.
    """
    with time_limit(DeleteTimeout, "the delete", timeout), transaction(engine, timeout) as connection:
        tenant_id = tenant_id_of(connection, tenant_name)
        if tenant_id is None:
            return False
        generic_plans(connection)
        for table in reversed(TENANT_TABLES):
            connection.execute(table.delete().where(table.c.tenant_id == tenant_id))
        connection.execute(tenant_metadata.delete().where(tenant_metadata.c.tenant_id == tenant_id))
        connection.execute(tenants.delete().where(tenants.c.id == tenant_id))
    return True
