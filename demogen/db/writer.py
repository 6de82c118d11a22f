"""Push a planned tenant into the database in ONE transaction (tenant row, metadata, every block), and delete one.

PostgreSQL gets `COPY ... FROM STDIN (FORMAT csv)` fed block by block; SQLite gets executemany. Any failure, a
timeout included, rolls the whole tenant back: all or nothing. The data digest is computed from the very bytes
that stream past (spooled to anonymous temporary files), so it costs no second generation pass. The transaction
helpers here (time limits, set-wise and generic planning) serve the integrity checks too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import psycopg
from sqlalchemy import Connection, Engine, insert, select, text

from demogen import GENERATOR_VERSION, parallel
from demogen.dataset import Plan
from demogen.db.codec import sqlite_rows, with_tenant
from demogen.db.engine import is_sqlite
from demogen.db.schema import TENANT_TABLES, tenant_metadata, tenants
from demogen.export import CanonicalCsvSink
from demogen.tables import TABLE_ORDER, TABLES, Block

Progress = Callable[[int], None]


class DatabaseTimeout(TimeoutError):
    """Work on the database ran past its time limit; its transaction was rolled back."""


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


def _columns(table: str) -> list[str]:
    return ["tenant_id", *(c.name for c in TABLES[table])]


def _slices(count: int, batch_size: int | None) -> list[slice]:
    if not batch_size or count <= batch_size:
        return [slice(0, count)]
    return [slice(i, i + batch_size) for i in range(0, count, batch_size)]


def _load_input(sqlite: bool, tenant_id: int) -> Callable[[str, Block, bytes], list[tuple] | bytes]:
    """What the database is given for a block: executemany rows (SQLite) or COPY input (PostgreSQL)."""
    if sqlite:
        return lambda table, block, canonical: sqlite_rows(table, block, tenant_id)
    return lambda table, block, canonical: with_tenant(canonical, tenant_id)


def _write_block(connection: Connection, table: str, rows: list[tuple] | bytes, *, batch_size: int | None) -> None:
    """One COPY (PostgreSQL) or executemany (SQLite) per batch of at most `batch_size` rows."""
    if is_sqlite(connection.engine):
        names = _columns(table)
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        for part in _slices(len(rows), batch_size):
            connection.exec_driver_sql(sql, rows[part])
        return
    if batch_size:
        lines = rows.split(b"\n")[:-1]
        chunks = [b"\n".join(lines[part]) + b"\n" for part in _slices(len(lines), batch_size)]
    else:
        chunks = [rows]
    with connection.connection.driver_connection.cursor() as cursor:
        copy_in(cursor, table, chunks)


def copy_in(cursor: psycopg.Cursor, table: str, chunks: list[bytes]) -> None:
    """One COPY ... FROM STDIN (FORMAT csv) per chunk of COPY input (tenant_id first, see `codec.copy_csv`)."""
    for chunk in chunks:
        with cursor.copy(f"COPY {table} ({', '.join(_columns(table))}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(chunk)


def formatted_blocks(
    plan: Plan, prepare: Callable[[str, Block, bytes], object] | None = None, depth: int = 2, workers: int = 1
) -> Iterator[tuple[str, Block, bytes, object]]:
    """Blocks with their canonical CSV and `prepare(table, block, csv)`, produced on a thread, so that
    generation and formatting overlap the database's work.

    On PostgreSQL the writing thread mostly waits for the server (GIL released), so on two cores the push costs
    little more than the server's COPY. On SQLite binding each row's values holds the GIL, so the two threads
    mostly take turns (measured: process CPU about equal to wall time); only generation in other processes
    (`workers` > 1, `demogen.parallel`) overlaps there. Order is preserved; an error in the producer is re-raised.
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


@contextlib.contextmanager
def transaction(engine: Engine, timeout: float | None = None, *, snapshot: bool = False) -> Iterator[Connection]:
    """One transaction in which no statement may outlive `timeout` seconds (None: no limit).

    PostgreSQL stops a statement or an idle gap past the limit (SET LOCAL, so the limit ends with the
    transaction and reaches every node of a distributed database); SQLite interrupts its statement from a progress
    handler (every 10,000 instructions: measured free) and waits for another writer's lock no longer than the
    limit. Either way the error that follows rolls the transaction back; `time_limit` names it a timeout.
    `snapshot` makes every statement see the same snapshot: REPEATABLE READ on PostgreSQL, which other
    transactions can share (SET TRANSACTION SNAPSHOT); an explicit BEGIN on SQLite, whose driver otherwise opens no
    transaction for reads, so each SELECT would see the file as it is at that moment.
    """
    with engine.connect() as connection, _begin(connection, snapshot):
        if timeout is None:
            yield connection
        elif is_sqlite(engine):
            deadline = time.monotonic() + timeout
            raw = connection.connection.driver_connection
            busy = raw.execute("PRAGMA busy_timeout").fetchone()[0]
            raw.execute(f"PRAGMA busy_timeout = {min(max(int(timeout * 1000), 1), busy)}")
            raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
            try:
                yield connection
            finally:
                raw.set_progress_handler(None, 0)
                raw.execute(f"PRAGMA busy_timeout = {busy}")
        else:
            milliseconds = max(int(timeout * 1000), 1)
            connection.exec_driver_sql(f"SET LOCAL statement_timeout = {milliseconds}")
            connection.exec_driver_sql(f"SET LOCAL idle_in_transaction_session_timeout = {milliseconds}")
            yield connection


@contextlib.contextmanager
def _begin(connection: Connection, snapshot: bool) -> Iterator[None]:
    sqlite = is_sqlite(connection.engine)
    if snapshot and not sqlite:
        connection.execution_options(isolation_level="REPEATABLE READ")
    with connection.begin():
        if snapshot and sqlite:
            connection.exec_driver_sql("BEGIN")  # the commit or rollback at the end closes it as any other
        yield


@contextlib.contextmanager
def time_limit(kind: type[DatabaseTimeout], what: str, timeout: float | None) -> Iterator[float]:
    """Raise `kind` for whatever error the work ends with once `timeout` seconds have passed (see `_as_timeout`).

    Yields the start time.
    """
    started = time.monotonic()
    try:
        yield started
    except Exception as error:
        timed_out = _as_timeout(error, kind, what, timeout, time.monotonic() - started)
        if timed_out is None or timed_out is error:
            raise
        raise timed_out from (None if timed_out in _error_chain(error) else error)


SET_WISE_WORK_MEM_KB = 64 * 1024
"""Memory per hash table of a set-wise check: a million-row tenant's keys fit, a server's memory is not at risk."""


@contextlib.contextmanager
def set_wise(connection: Connection) -> Iterator[None]:
    """Plan the statements inside as set-wise joins (hash or merge), never as nested loops, on PostgreSQL.

    A tenant written in the current transaction has no statistics yet: once the tables hold analyzed tenants the
    planner estimates it at one row and picks a nested loop whose inner side scans the whole tenant for every
    outer row (minutes for a large tenant). Hash and merge joins cost one pass over each side whatever the
    estimate, and need no ANALYZE (measured: an ANALYZE in the transaction costs more than it saves, and would
    lock out concurrent pushes' own until commit). Their hash tables get up to SET_WISE_WORK_MEM_KB, so that a
    large tenant's do not spill to disk. The settings are local to the transaction and restored afterwards.
    """
    if is_sqlite(connection.engine):
        yield
        return
    nestloop, memory, kilobytes = connection.exec_driver_sql(
        "SELECT current_setting('enable_nestloop'), current_setting('work_mem'), setting::bigint "
        "FROM pg_settings WHERE name = 'work_mem'"
    ).one()
    connection.exec_driver_sql("SET LOCAL enable_nestloop = off")
    if kilobytes < SET_WISE_WORK_MEM_KB:
        connection.exec_driver_sql(f"SET LOCAL work_mem = '{SET_WISE_WORK_MEM_KB}kB'")
    yield
    connection.exec_driver_sql(f"SET LOCAL enable_nestloop = {nestloop}")
    connection.exec_driver_sql(f"SET LOCAL work_mem = '{memory}'")


def generic_plans(connection: Connection) -> None:
    """Plan the foreign-key triggers' statements for any tenant, not for the values at hand (PostgreSQL).

    Each per-row check or cascade (`... WHERE tenant_id = $1 AND id = $2`) is a cached plan that PostgreSQL
    re-plans for the values it gets. For a tenant the statistics do not know yet (estimated at one row) those
    custom plans may pick any index that starts with tenant_id and filter the rest, a scan of the whole tenant per
    row: quadratic. The generic plan uses the index that covers both columns, whatever the tenant. Local to the
    transaction.
    """
    if not is_sqlite(connection.engine):
        connection.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")


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


def _references() -> list[tuple[str, str, str]]:
    """(table, column, parent table) of every composite foreign key of the tenant tables, in a fixed order."""
    refs = []
    for table in TENANT_TABLES:
        for constraint in table.foreign_key_constraints:
            local = [c.name for c in constraint.columns if c.name != "tenant_id"]
            if local:
                refs.append((table.name, local[0], constraint.referred_table.name))
    return sorted(refs)


REFERENCES = _references()


def reference_queries() -> list[str]:
    """Per table with references, one pass that counts, per composite foreign key in REFERENCES order, the
    tenant's (`:t`) rows whose parent row does not exist: one scan of the table instead of one per reference."""
    queries = []
    for table in sorted({table for table, _, _ in REFERENCES}):
        references = [(column, parent) for name, column, parent in REFERENCES if name == table]
        joins = "".join(
            f" LEFT JOIN {parent} p{i} ON p{i}.tenant_id = :t AND p{i}.id = c.{column}"
            for i, (column, parent) in enumerate(references)
        )
        counts = ", ".join(
            f"COUNT(CASE WHEN c.{column} IS NOT NULL AND p{i}.id IS NULL THEN 1 END)"
            for i, (column, _) in enumerate(references)
        )
        queries.append(f"SELECT {counts} FROM {table} c{joins} WHERE c.tenant_id = :t")
    return queries


def verify_references(connection: Connection, tenant_id: int) -> None:
    """Check every composite foreign key of the tenant's rows, one set-wise pass per table."""
    with set_wise(connection):
        missing = [n for sql in reference_queries() for n in connection.execute(text(sql), {"t": tenant_id}).one()]
    problems = [f"{n} {t}.{c} -> {p}" for n, (t, c, p) in zip(missing, REFERENCES, strict=True) if n]
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
    workers: int = 1,
) -> PushResult:
    """Write the whole tenant or nothing. Raises TenantExists, PushTimeout or the database's own error.

    `batch_size` caps the rows per COPY / executemany statement and `workers` the processes that generate blocks;
    neither changes anything in the stored data.
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


def _as_timeout(
    error: Exception, kind: type[DatabaseTimeout], what: str, timeout: float | None, elapsed: float
) -> DatabaseTimeout | None:
    """The timeout of `kind` that `error` really is, or None.

    The server ends work that ran out of time in several ways: a statement cancelled by statement_timeout, or
    the session closed by idle_in_transaction_session_timeout, which the client sees as that error or just as "the
    connection is lost" (depending on whether it read the server's last message before the socket closed). Any
    such server-side stop once the time limit has passed is the time limit: both server timers start after the
    work does, so they can only fire after `timeout` seconds. A rollback that fails on the dead connection after
    our own deadline check fired is also the timeout; so is SQLite's statement interrupted by `transaction`.
    Other errors (constraint violations...) stay what they are.
    """
    chain = _error_chain(error)
    own = next((e for e in chain if isinstance(e, kind)), None)
    if own is not None or timeout is None or elapsed < timeout:
        return own
    stopped = next((e for e in chain if isinstance(e, _SERVER_STOPS)), None)
    if stopped is None:
        return None
    reason = str(stopped).strip().splitlines()[0] if str(stopped).strip() else type(stopped).__name__
    return kind(f"{what} took longer than {timeout:g} s (stopped by the database: {reason})")


_SERVER_STOPS = (psycopg.OperationalError, psycopg.errors.IdleInTransactionSessionTimeout, sqlite3.OperationalError)
"""Cancelled statement, terminated session, lost connection, interrupted SQLite statement: how the database ends
work that ran out of time."""


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
    if is_sqlite(engine) and plan.blocks:  # its inserts hold the GIL: names made beside them only take turns
        plan.names.block(plan.blocks - 1)
    with contextlib.ExitStack() as stack, transaction(engine, timeout) as connection:
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
        load_input = _load_input(is_sqlite(engine), tenant_id)
        with _roomy_page_cache(connection):
            for table, block, canonical, rows in formatted_blocks(plan, load_input, workers=workers):
                _write_block(connection, table, rows, batch_size=batch_size)
                sink.write_bytes(table, canonical)
                done += len(block["id"])
                if progress is not None:
                    progress(done)
                if deadline is not None and time.monotonic() > deadline:
                    raise PushTimeout(f"the push took longer than {timeout:g} s")
        with ThreadPoolExecutor(1, thread_name_prefix="demogen-digest") as beside:
            digested = beside.submit(sink.digest)  # hashing releases the GIL: it overlaps the server's verification
            if bulk:
                connection.exec_driver_sql("SET LOCAL session_replication_role = origin")
                verify_references(connection, tenant_id)
            digest = digested.result()
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


ANALYZE_AFTER_ROWS = 50_000
"""A push this large changes the tables' statistics enough to refresh them at once."""


def refresh_statistics(engine: Engine, rows: int) -> None:
    """ANALYZE the tenant tables after a large push (PostgreSQL).

    Until autovacuum gets to it the planner believes the new tenant has no rows, and joins over it (the app's
    dashboards, the next push's checks) pick plans for one row. A role that does not own the tables gets a warning
    from the server, not an error.
    """
    if is_sqlite(engine) or rows < ANALYZE_AFTER_ROWS:
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE " + ", ".join(table.name for table in TENANT_TABLES))


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
