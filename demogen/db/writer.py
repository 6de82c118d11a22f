"""Push a planned tenant into the database in ONE transaction: tenant row, metadata, then every block.

PostgreSQL gets `COPY ... FROM STDIN (FORMAT csv)` fed block by block; SQLite gets executemany. Any failure, a
timeout included, rolls the whole tenant back: all or nothing. The data digest is computed from the very bytes
that stream past (spooled to anonymous temporary files), so it costs no second generation pass.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import psycopg
from sqlalchemy import Connection, Engine, insert, select, text

from demogen import GENERATOR_VERSION
from demogen.dataset import Plan, iter_blocks
from demogen.db.codec import sqlite_rows, with_tenant
from demogen.db.engine import is_sqlite
from demogen.db.schema import TENANT_TABLES, tenant_metadata, tenants
from demogen.export import CanonicalCsvSink, csv_bytes
from demogen.tables import TABLE_ORDER, TABLES

Progress = Callable[[int], None]


class PushTimeout(TimeoutError):
    """The push ran past its time limit; the transaction was rolled back."""


class TenantExists(ValueError):
    """A tenant of that name is already in the database."""


@dataclass(frozen=True)
class PushResult:
    tenant_id: int
    row_counts: dict[str, int]
    data_digest: str
    seconds: float


def _columns(table: str) -> list[str]:
    return ["tenant_id", *(c.name for c in TABLES[table])]


def _batches(block: dict, batch_size: int | None) -> list[dict]:
    n = len(block["id"])
    if not batch_size or n <= batch_size:
        return [block]
    return [{k: v[i : i + batch_size] for k, v in block.items()} for i in range(0, n, batch_size)]


def _write_block(
    connection: Connection, table: str, block: dict, *, canonical: bytes, tenant_id: int, batch_size: int | None
) -> None:
    """One COPY (PostgreSQL) or executemany (SQLite) per batch of at most `batch_size` rows."""
    names = _columns(table)
    if is_sqlite(connection.engine):
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        for batch in _batches(block, batch_size):
            connection.exec_driver_sql(sql, sqlite_rows(table, batch, tenant_id))
        return
    data = with_tenant(canonical, tenant_id)
    if batch_size:
        lines = data.split(b"\n")[:-1]
        chunks = [b"\n".join(lines[i : i + batch_size]) + b"\n" for i in range(0, len(lines), batch_size)]
    else:
        chunks = [data]
    with connection.connection.driver_connection.cursor() as cursor:
        for chunk in chunks:
            with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN (FORMAT csv)") as copy:
                copy.write(chunk)


def formatted_blocks(plan: Plan, depth: int = 2) -> Iterator[tuple[str, dict, bytes]]:
    """Blocks with their canonical CSV, produced on a thread so generation overlaps the database's work.

    numpy and the database driver release the GIL for most of their time, so on two cores the push costs little
    more than the slower of the two. Order is preserved; an error in the producer is re-raised here.
    """
    items: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce() -> None:
        try:
            for table, block in iter_blocks(plan):
                if stop.is_set():
                    return
                items.put((table, block, csv_bytes(table, block)))
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


def _limit_statements(connection: Connection, timeout: float | None) -> None:
    """On PostgreSQL no single statement or idle gap may outlive the push's time limit."""
    if is_sqlite(connection.engine) or timeout is None:
        return
    milliseconds = max(int(timeout * 1000), 1)
    connection.exec_driver_sql(f"SET LOCAL statement_timeout = {milliseconds}")
    connection.exec_driver_sql(f"SET LOCAL idle_in_transaction_session_timeout = {milliseconds}")


def _bulk_load_mode(connection: Connection) -> bool:
    """On PostgreSQL, skip the per-row foreign-key triggers for this transaction when the role may (superusers).

    pg_restore loads the same way. The references are then verified set-wise by `verify_references` before
    commit, so the transaction still never commits a dangling reference; the constraints keep guarding every
    other write. Roles that may not do this simply load with the triggers on.
    """
    if is_sqlite(connection.engine):
        return False
    if not connection.exec_driver_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar():
        return False
    connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
    return True


class DanglingReferences(ValueError):
    """Rows that point at a parent row that does not exist (the push is rolled back)."""


def verify_references(connection: Connection, tenant_id: int) -> None:
    """Check every composite foreign key of the tenant's rows with one anti-join each."""
    problems = []
    for table in TENANT_TABLES:
        for constraint in table.foreign_key_constraints:
            local = [c.name for c in constraint.columns if c.name != "tenant_id"]
            if not local:
                continue
            parent = constraint.referred_table.name
            column = local[0]
            sql = (
                f"SELECT COUNT(*) FROM {table.name} c WHERE c.tenant_id = :t AND c.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {parent} p WHERE p.tenant_id = c.tenant_id AND p.id = c.{column})"
            )
            missing = connection.execute(text(sql), {"t": tenant_id}).scalar()
            if missing:
                problems.append(f"{missing} {table.name}.{column} -> {parent}")
    if problems:
        raise DanglingReferences("dangling references: " + ", ".join(problems))


def tenant_id_of(connection: Connection, name: str) -> int | None:
    return connection.execute(select(tenants.c.id).where(tenants.c.name == name)).scalar()


def push(
    engine: Engine,
    plan: Plan,
    tenant_name: str,
    *,
    timeout: float | None = None,
    progress: Progress | None = None,
    batch_size: int | None = None,
) -> PushResult:
    """Write the whole tenant or nothing. Raises TenantExists, PushTimeout or the database's own error.

    `batch_size` caps the rows per COPY / executemany statement; it changes nothing in the stored data.
    """
    started = time.monotonic()
    try:
        return _push(
            engine, plan, tenant_name, started=started, timeout=timeout, progress=progress, batch_size=batch_size
        )
    except Exception as error:
        timed_out = _as_timeout(error, timeout, time.monotonic() - started)
        if timed_out is None or timed_out is error:
            raise
        raise timed_out from (None if timed_out in _error_chain(error) else error)


def _error_chain(error: BaseException) -> list[BaseException]:
    """The error, the driver error it wraps, and the errors it was raised from or while handling."""
    chain: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        item = pending.pop()
        if item is None or any(item is seen for seen in chain):
            continue
        chain.append(item)
        pending += [getattr(item, "orig", None), item.__cause__, item.__context__]
    return chain


def _as_timeout(error: Exception, timeout: float | None, elapsed: float) -> PushTimeout | None:
    """The PushTimeout that `error` really is, or None.

    The server ends a push that ran out of time in several ways: a statement cancelled by statement_timeout, or
    the session closed by idle_in_transaction_session_timeout, which the client sees as that error or just as "the
    connection is lost" (depending on whether it read the server's last message before the socket closed). Any
    such server-side stop once the time limit has passed is the time limit: both server timers start after the
    push does, so they can only fire after `timeout` seconds. A rollback that fails on the dead connection after
    our own deadline check fired is also the timeout. Other errors (constraint violations...) stay what they are.
    """
    chain = _error_chain(error)
    own = next((e for e in chain if isinstance(e, PushTimeout)), None)
    if own is not None or timeout is None or elapsed < timeout:
        return own
    stopped = next((e for e in chain if isinstance(e, _SERVER_STOPS)), None)
    if stopped is None:
        return None
    reason = str(stopped).strip().splitlines()[0] if str(stopped).strip() else type(stopped).__name__
    return PushTimeout(f"the push took longer than {timeout:g} s (stopped by the server: {reason})")


_SERVER_STOPS = (psycopg.OperationalError, psycopg.errors.IdleInTransactionSessionTimeout)
"""Cancelled statement, terminated session, lost connection: how PostgreSQL ends a push that ran out of time."""


def _push(
    engine: Engine,
    plan: Plan,
    tenant_name: str,
    *,
    started: float,
    timeout: float | None,
    progress: Progress | None,
    batch_size: int | None,
) -> PushResult:
    recipe = plan.context.recipe
    deadline = None if timeout is None else started + timeout
    done = 0
    with contextlib.ExitStack() as stack, engine.begin() as connection:
        _limit_statements(connection, timeout)
        if tenant_id_of(connection, tenant_name) is not None:
            raise TenantExists(tenant_name)
        now = dt.datetime.now(dt.UTC)
        tenant_id = connection.execute(
            insert(tenants)
            .values(name=tenant_name, country=plan.context.home.code, currency=plan.context.currency, created_at=now)
            .returning(tenants.c.id)
        ).scalar_one()
        bulk = _bulk_load_mode(connection)
        handles = {table: stack.enter_context(tempfile.TemporaryFile()) for table in TABLE_ORDER}
        sink = CanonicalCsvSink(handles)
        for table, block, canonical in formatted_blocks(plan):
            _write_block(connection, table, block, canonical=canonical, tenant_id=tenant_id, batch_size=batch_size)
            sink.write_bytes(table, canonical)
            done += len(block["id"])
            if progress is not None:
                progress(done)
            if deadline is not None and time.monotonic() > deadline:
                raise PushTimeout(f"the push took longer than {timeout:g} s")
        digest = sink.digest()
        if bulk:
            connection.exec_driver_sql("SET LOCAL session_replication_role = origin")
            verify_references(connection, tenant_id)
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
    return PushResult(tenant_id, plan.row_counts(), digest, time.monotonic() - started)


def delete_tenant(engine: Engine, tenant_name: str) -> bool:
    """Remove a tenant, its rows and its metadata in one transaction (children first); False if unknown."""
    with engine.begin() as connection:
        tenant_id = tenant_id_of(connection, tenant_name)
        if tenant_id is None:
            return False
        for table in reversed(TENANT_TABLES):
            connection.execute(table.delete().where(table.c.tenant_id == tenant_id))
        connection.execute(tenant_metadata.delete().where(tenant_metadata.c.tenant_id == tenant_id))
        connection.execute(tenants.delete().where(tenants.c.id == tenant_id))
    return True
