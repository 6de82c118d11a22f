"""One transaction on the database with a time limit, and how its statements are planned: the helpers that the
push, the delete, the integrity checks and the read-back share.

A time limit is enforced by the database itself (PostgreSQL's statement and idle timeouts, SQLite's progress
handler), and whatever error the work then ends with is reported as the timeout it is (`time_limit`). Statements
over a tenant the planner's statistics do not know yet are planned so that they cannot degenerate into nested
loops (`set_wise`, `generic_plans`).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator

import psycopg
from sqlalchemy import Connection, Engine, select

from demogen.db.engine import is_sqlite
from demogen.db.schema import tenants


class DatabaseTimeout(TimeoutError):
    """Work on the database ran past its time limit; its transaction was rolled back."""


@contextlib.contextmanager
def transaction(
    engine: Engine, timeout: float | None = None, *, snapshot: bool = False, enforce_foreign_keys: bool = True
) -> Iterator[Connection]:
    """One transaction in which no statement may outlive `timeout` seconds (None: no limit).

    PostgreSQL stops a statement or an idle gap past the limit (SET LOCAL, so the limit ends with the
    transaction and reaches every node of a distributed database); SQLite interrupts its statement from a progress
    handler (every 10,000 instructions: measured free) and waits for another writer's lock no longer than the
    limit. Either way the error that follows rolls the transaction back; `time_limit` names it a timeout.
    `snapshot` makes every statement see the same snapshot: REPEATABLE READ on PostgreSQL, which other
    transactions can share (SET TRANSACTION SNAPSHOT); an explicit BEGIN on SQLite, whose driver otherwise opens no
    transaction for reads, so each SELECT would see the file as it is at that moment. Without
    `enforce_foreign_keys` SQLite checks no reference while the transaction lasts (`_sqlite_foreign_keys`).
    """
    with (
        engine.connect() as connection,
        _sqlite_foreign_keys(connection, enforce_foreign_keys),
        _begin(connection, snapshot),
    ):
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
def _sqlite_foreign_keys(connection: Connection, enforce: bool) -> Iterator[None]:
    """SQLite's foreign-key enforcement off for the transaction about to begin, unless `enforce`, and on again
    after it; the caller then verifies the references itself, set-wise, as a PostgreSQL bulk load does.

    The setting can only change outside a transaction. A connection on which it could not be restored is
    dropped from the pool, never handed to the next user with its references unchecked.
    """
    if enforce or not is_sqlite(connection.engine):
        yield
        return
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        restored = False
        with contextlib.suppress(sqlite3.Error):
            raw.execute("PRAGMA foreign_keys = ON")
            restored = raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        if not restored:
            connection.invalidate()


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


def tenant_id_of(connection: Connection, name: str) -> int | None:
    return connection.execute(select(tenants.c.id).where(tenants.c.name == name)).scalar()
