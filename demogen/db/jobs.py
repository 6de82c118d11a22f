"""Generation jobs: one row per push in demogen_admin.generation_jobs, shared by the CLI, the worker and the app.

The database enforces at most one queued or running job per tenant name (a partial unique index), so double
clicks and retry storms create one job. A job stores its resolved recipe, so a retry regenerates the same data.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, and_, insert, select, update
from sqlalchemy.exc import IntegrityError

from demogen.dataset import build_plan
from demogen.db.engine import is_sqlite
from demogen.db.integrity import check_tenant
from demogen.db.schema import generation_jobs
from demogen.db.writer import push
from demogen.recipe import Recipe

ACTIVE = ("queued", "running")
HEARTBEAT_SECONDS = 2.0
STALE_AFTER_SECONDS = 30.0


class JobConflict(ValueError):
    """A queued or running job for the tenant already exists."""

    def __init__(self, tenant: str, job_id: int | None) -> None:
        super().__init__(f"job {job_id} for tenant {tenant!r} is already queued or running")
        self.tenant, self.job_id = tenant, job_id


class UnknownJob(LookupError):
    pass


@dataclass(frozen=True)
class Job:
    id: int
    tenant_name: str
    status: str
    seed: int
    rows_total: int
    rows_done: int
    attempts: int
    error: str | None
    report: dict | None
    created_at: dt.datetime
    started_at: dt.datetime | None
    heartbeat_at: dt.datetime | None
    finished_at: dt.datetime | None
    recipe: dict


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _job(row) -> Job:
    return Job(**{name: row._mapping[name] for name in Job.__dataclass_fields__})


def active_job_id(engine: Engine, tenant_name: str) -> int | None:
    with engine.connect() as connection:
        return connection.execute(
            select(generation_jobs.c.id).where(
                and_(generation_jobs.c.tenant_name == tenant_name, generation_jobs.c.status.in_(ACTIVE))
            )
        ).scalar()


def submit(engine: Engine, recipe: Recipe, tenant_name: str, rows_total: int) -> int:
    """Queue a push; raises JobConflict when the tenant already has a queued or running job."""
    try:
        with engine.begin() as connection:
            return connection.execute(
                insert(generation_jobs)
                .values(
                    tenant_name=tenant_name,
                    status="queued",
                    recipe=recipe.model_dump(mode="json", by_alias=True),
                    seed=recipe.seed,
                    rows_total=rows_total,
                    created_at=_now(),
                )
                .returning(generation_jobs.c.id)
            ).scalar_one()
    except IntegrityError:
        raise JobConflict(tenant_name, active_job_id(engine, tenant_name)) from None


def get_job(engine: Engine, job_id: int) -> Job:
    with engine.connect() as connection:
        row = connection.execute(select(generation_jobs).where(generation_jobs.c.id == job_id)).first()
    if row is None:
        raise UnknownJob(job_id)
    return _job(row)


def list_jobs(engine: Engine, limit: int = 50) -> list[Job]:
    with engine.connect() as connection:
        rows = connection.execute(select(generation_jobs).order_by(generation_jobs.c.id.desc()).limit(limit))
        return [_job(row) for row in rows]


def _set(engine: Engine, job_id: int, only_if: tuple[str, ...] | None = None, **values) -> bool:
    condition = generation_jobs.c.id == job_id
    if only_if:
        condition = and_(condition, generation_jobs.c.status.in_(only_if))
    with engine.begin() as connection:
        return connection.execute(update(generation_jobs).where(condition).values(**values)).rowcount == 1


def _running() -> dict:
    """The column values of a job that has just been claimed."""
    now = _now()
    return {
        "status": "running",
        "attempts": generation_jobs.c.attempts + 1,
        "started_at": now,
        "heartbeat_at": now,
        "rows_done": 0,
        "error": None,
        "finished_at": None,
    }


def claim(engine: Engine, job_id: int) -> bool:
    """Move a queued job to running (false if another process got it first)."""
    return _set(engine, job_id, ("queued",), **_running())


def claim_next(engine: Engine) -> int | None:
    """Claim the oldest queued job (FOR UPDATE SKIP LOCKED on PostgreSQL, so workers never collide)."""
    query = select(generation_jobs.c.id).where(generation_jobs.c.status == "queued").order_by(generation_jobs.c.id)
    if not is_sqlite(engine):
        query = query.with_for_update(skip_locked=True)
    with engine.begin() as connection:
        job_id = connection.execute(query.limit(1)).scalar()
        if job_id is not None:
            connection.execute(update(generation_jobs).where(generation_jobs.c.id == job_id).values(**_running()))
    return job_id


def retry(engine: Engine, job_id: int) -> bool:
    """Queue a failed or cancelled job again (same recipe, so the same data)."""
    get_job(engine, job_id)
    try:
        return _set(engine, job_id, ("failed", "cancelled"), status="queued", error=None, finished_at=None)
    except IntegrityError:
        job = get_job(engine, job_id)
        raise JobConflict(job.tenant_name, active_job_id(engine, job.tenant_name)) from None


def cancel(engine: Engine, job_id: int) -> bool:
    """Cancel a queued job (a running push is all-or-nothing; stop its process instead)."""
    get_job(engine, job_id)
    return _set(engine, job_id, ("queued",), status="cancelled", finished_at=_now())


def fail_stale(engine: Engine, stale_after: float = STALE_AFTER_SECONDS) -> list[int]:
    """Mark running jobs whose heartbeat stopped (their process died) as failed, so they can be retried."""
    cutoff = _now() - dt.timedelta(seconds=stale_after)
    stale = and_(generation_jobs.c.status == "running", generation_jobs.c.heartbeat_at < cutoff)
    with engine.begin() as connection:
        ids = list(connection.execute(select(generation_jobs.c.id).where(stale)).scalars())
        if ids:
            connection.execute(
                update(generation_jobs)
                .where(and_(stale, generation_jobs.c.id.in_(ids)))
                .values(
                    status="failed",
                    finished_at=_now(),
                    error=f"the generating process stopped (no heartbeat for {stale_after:g} s); retry the job",
                )
            )
    return ids


class _Heartbeat:
    """Keeps heartbeat_at and rows_done fresh from a thread with its own connection, visible to others."""

    def __init__(self, engine: Engine, job_id: int) -> None:
        self.engine, self.job_id = engine, job_id
        self.rows_done = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True)

    def __enter__(self) -> _Heartbeat:
        if not is_sqlite(self.engine):  # SQLite has one writer: the push itself; progress is kept in memory
            self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            _set(self.engine, self.job_id, ("running",), heartbeat_at=_now(), rows_done=self.rows_done)


def run_job(
    engine: Engine,
    job_id: int,
    *,
    timeout: float | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int | None = None,
) -> Job:
    """Run a claimed (running) job: push, check, and record the outcome. Never raises for a failed push."""
    job = get_job(engine, job_id)
    try:
        recipe = Recipe.model_validate(job.recipe)
        plan = build_plan(recipe)
        timeout = recipe.limits.timeout_seconds if timeout is None else timeout
        with _Heartbeat(engine, job_id) as beat:

            def report(done: int) -> None:
                beat.rows_done = done
                if progress is not None:
                    progress(done)

            result = push(engine, plan, job.tenant_name, timeout=timeout, progress=report, batch_size=batch_size)
        check = check_tenant(engine, job.tenant_name)
        _set(
            engine,
            job_id,
            ("running",),
            status="succeeded",
            rows_done=plan.total_rows,
            finished_at=_now(),
            heartbeat_at=_now(),
            report={
                "data_digest": result.data_digest,
                "seconds": round(result.seconds, 3),
                "check": check.as_dict() if check else None,
            },
        )
    except Exception as error:  # the job row must record every failure, whatever its cause
        message = f"{type(error).__name__}: {error}".splitlines()[0][:500]
        _set(engine, job_id, ("running",), status="failed", error=message, finished_at=_now())
    return get_job(engine, job_id)
