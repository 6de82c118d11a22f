"""Which process runs a job on the embedded SQLite database: a lock file the push holds for its whole life.

SQLite has one writer, the push itself, so a running job cannot write heartbeats while it pushes. The kernel
releases an flock when its process ends, however it ends, so "is the lease held?" tells a live push from a dead
one without any heartbeat. A cancel request is a second file beside it, which the push looks for between blocks.
PostgreSQL jobs need neither: their heartbeats and cancel requests go through the job row.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

from demogen.db.engine import is_sqlite


def _path(engine: Engine, job_id: int, kind: str) -> Path | None:
    database = engine.url.database
    if not is_sqlite(engine) or database in (None, "", ":memory:"):
        return None
    path = Path(database)
    return path.with_name(f"{path.name}.job-{job_id}.{kind}")


@contextlib.contextmanager
def hold(engine: Engine, job_id: int) -> Iterator[None]:
    """Hold the job's lease while the block runs (nothing to hold on PostgreSQL)."""
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
    """True while a live process holds the job's lease (always False on PostgreSQL)."""
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
