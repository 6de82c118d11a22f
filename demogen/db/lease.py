"""Which process runs a job: a lock the push holds for its whole life, released however its process ends.

SQLite has one writer, the push itself, so a running job cannot write heartbeats while it pushes: the lease is an
flock on a file beside the database, which the kernel releases when the process ends. A cancel request is a
second file beside it, which the push looks for between blocks. On PostgreSQL the lease is a session advisory
lock on a connection of its own, which the server releases when that connection ends (a killed process closes
its sockets; a vanished machine is noticed by TCP keepalives). Heartbeats can lag behind a busy process, a lease
cannot, so "is the lease held?" is what tells a live push from a dead one on both backends.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

from demogen.db.engine import is_sqlite

ADVISORY_NAMESPACE = 0x64656D6F
"""The first key of demogen's advisory locks ('demo'); the second is the job id."""


def _path(engine: Engine, job_id: int, kind: str) -> Path | None:
    database = engine.url.database
    if not is_sqlite(engine) or database in (None, "", ":memory:"):
        return None
    path = Path(database)
    return path.with_name(f"{path.name}.job-{job_id}.{kind}")


@contextlib.contextmanager
def hold(engine: Engine, job_id: int) -> Iterator[None]:
    """Hold the job's lease while the block runs."""
    if not is_sqlite(engine):
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            keys = {"space": ADVISORY_NAMESPACE, "job": job_id}
            connection.execute(text("SELECT pg_advisory_lock(:space, :job)"), keys)
            try:
                yield
            finally:
                with contextlib.suppress(Exception):  # a lost connection has released it already
                    connection.execute(text("SELECT pg_advisory_unlock(:space, :job)"), keys)
        return
    path = _path(engine, job_id, "lease")
    if path is None:
        yield
        return
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield
    finally:
        for leftover in (path, _path(engine, job_id, "cancel")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        os.close(descriptor)


def is_held(engine: Engine, job_id: int) -> bool:
    """True while a live process holds the job's lease."""
    if not is_sqlite(engine):
        with engine.connect() as connection:
            return bool(
                connection.execute(
                    text(
                        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        " AND classid = CAST(:space AS oid) AND objid = CAST(:job AS oid) AND objsubid = 2)"
                    ),
                    {"space": ADVISORY_NAMESPACE, "job": job_id},
                ).scalar()
            )
    path = _path(engine, job_id, "lease")
    if path is None:
        return False
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def request_cancel(engine: Engine, job_id: int) -> None:
    path = _path(engine, job_id, "cancel")
    if path is not None:
        path.touch()


def cancel_requested(engine: Engine, job_id: int) -> bool:
    path = _path(engine, job_id, "cancel")
    return path is not None and path.exists()
