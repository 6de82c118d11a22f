"""Generation jobs: one row per push in demogen_admin.generation_jobs, shared by the CLI, the worker and the app.

The database enforces at most one queued or running job per tenant name (a partial unique index), so double
clicks and retry storms create one job. A job stores its resolved recipe, so a retry regenerates the same data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import Engine, and_, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from demogen.dataset import Plan, build_plan
from demogen.db import lease
from demogen.db.engine import is_sqlite
from demogen.db.integrity import CheckTimeout, check_tenant
from demogen.db.readback import stored_digest
from demogen.db.schema import generation_jobs, tenant_metadata, tenants
from demogen.db.transaction import DatabaseTimeout, tenant_id_of
from demogen.db.writer import TenantExists, delete_tenant, push, refresh_statistics
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


RECORD_RETRY_SECONDS = 20.0
"""How long a job's outcome is retried while the server is away (restarting): a push's end must be recorded."""


def _despite_outage(call: Callable, *args, **kwargs):
    """`call`, retried while the database cannot be reached (a server restart, a failover): a push's end must be
    recorded. If it stays unreachable the error is raised; the job then looks dead to a worker, which fails it."""
    deadline = time.monotonic() + RECORD_RETRY_SECONDS
    while True:
        try:
            return call(*args, **kwargs)
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _record(engine: Engine, job_id: int, only_if: tuple[str, ...], **values) -> bool:
    """`_set` for a job's outcome, despite an outage."""
    return _despite_outage(_set, engine, job_id, only_if, **values)


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
    """Queue a failed or cancelled job again (same recipe, so the same data), its last run's progress cleared."""
    get_job(engine, job_id)
    try:
        return _set(
            engine,
            job_id,
            ("failed", "cancelled"),
            status="queued",
            error=None,
            report=None,
            rows_done=0,
            started_at=None,
            heartbeat_at=None,
            finished_at=None,
        )
    except IntegrityError:
        job = get_job(engine, job_id)
        raise JobConflict(job.tenant_name, active_job_id(engine, job.tenant_name)) from None


CANCEL_REQUESTED = "cancel requested; the push stops at its next block and rolls back"
CANCELLED = "cancelled; the push was rolled back and nothing was written"


def cancel(engine: Engine, job_id: int) -> str | None:
    """Cancel a job: a queued one at once ("cancelled"), a running one by asking its push to stop ("stopping").

    None when the job is no longer queued or running. A running push stops at its next block, rolls back and
    confirms (`wait_stopped`); on PostgreSQL the request is the job row itself, on SQLite a file beside the
    database, since the push holds SQLite's only write lock.
    """
    job = get_job(engine, job_id)
    if job.status == "queued" and _set(engine, job_id, ("queued",), status="cancelled", finished_at=_now()):
        return "cancelled"
    if get_job(engine, job_id).status != "running":
        return None
    if is_sqlite(engine):
        if lease.is_held(engine, job_id):
            lease.request_cancel(engine, job_id)
            return "stopping"
        done = _set(engine, job_id, ("running",), status="cancelled", error=CANCELLED, finished_at=_now())
        return "cancelled" if done else None
    alive = lease.is_held(engine, job_id)
    values = {"error": CANCEL_REQUESTED, "finished_at": None} if alive else {"error": CANCELLED, "finished_at": _now()}
    if not _set(engine, job_id, ("running",), status="cancelled", **values):
        return None
    return "stopping" if alive else "cancelled"


def wait_stopped(engine: Engine, job_id: int, timeout: float = 60.0, poll: float = 0.2) -> bool:
    """Wait until a cancelled push has confirmed its rollback; False if it did not within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if is_sqlite(engine):
            if not lease.is_held(engine, job_id):
                return True
        elif get_job(engine, job_id).finished_at is not None:
            return True
        time.sleep(poll)
    return False


def fail_stale(engine: Engine, stale_after: float = STALE_AFTER_SECONDS) -> list[int]:
    """Mark running jobs whose process died as failed, so they can be retried; returns their ids.

    A push is dead when nothing holds its lease any more (`demogen.db.lease`) and, on PostgreSQL, its heartbeat
    stopped too; a live push is never failed, however late a heartbeat of a busy process comes. A push that died
    after its commit (refreshing statistics) left a whole tenant: its job is recorded as succeeded instead,
    with the digest the push stored and a check that did not finish.
    """
    cutoff = _now() - dt.timedelta(seconds=stale_after)
    stale = and_(generation_jobs.c.status == "running", generation_jobs.c.heartbeat_at < cutoff)
    with engine.connect() as connection:
        candidates = list(connection.execute(select(generation_jobs).where(stale)))
    dead = [row for row in candidates if not lease.is_held(engine, row.id)]
    failed = []
    for row in dead:
        committed = _committed_by(engine, row)
        values = (
            {
                "status": "succeeded",
                "rows_done": row.rows_total,
                "report": {
                    "data_digest": committed,
                    "check": _unfinished_check(row.tenant_name, "the process stopped after the commit"),
                },
            }
            if committed
            else {
                "status": "failed",
                "error": f"the generating process stopped (no sign of life for {stale_after:g} s); retry the job",
            }
        )
        with engine.begin() as connection:
            done = connection.execute(
                update(generation_jobs)
                .where(and_(stale, generation_jobs.c.id == row.id))
                .values(finished_at=_now(), **values)
            ).rowcount
        if done and not committed:
            failed.append(row.id)
    return failed


def _committed_by(engine: Engine, job) -> str | None:
    """The data digest of the job's tenant if the job's own push committed it (created after the job started)."""
    with engine.connect() as connection:
        found = connection.execute(
            select(tenant_metadata.c.data_digest, tenant_metadata.c.created_at)
            .join(tenants, tenants.c.id == tenant_metadata.c.tenant_id)
            .where(tenants.c.name == job.tenant_name)
        ).first()
    if found is None or job.started_at is None:
        return None
    return found.data_digest if _utc(found.created_at) >= _utc(job.started_at) else None


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class Cancelled(Exception):
    """The push was asked to stop (`jobs cancel`, Ctrl-C, a worker shutting down); it is rolled back."""


class StopRequest(threading.Event):
    """Set (with its reason) to stop running pushes at their next block: how Ctrl-C and SIGTERM reach a push.

    A signal handler only sets it, so no statement is torn apart mid-call; the push then rolls back and records
    the reason in its job row.
    """

    reason = "stopped"
    signal: int | None = None

    def request(self, reason: str, signum: int | None = None) -> None:
        self.reason, self.signal = reason, signum
        self.set()


class _Heartbeat:
    """Keeps heartbeat_at and rows_done fresh from a thread with its own connection, visible to others.

    A heartbeat that finds its job no longer running (cancelled, or failed as stale) tells the push to stop.
    """

    def __init__(self, engine: Engine, job_id: int) -> None:
        self.engine, self.job_id = engine, job_id
        self.rows_done = 0
        self._stop = threading.Event()
        self._unwanted = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True)

    def __enter__(self) -> _Heartbeat:
        if not is_sqlite(self.engine):  # SQLite has one writer: the push itself; its lease shows it is alive
            self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def unwanted(self) -> bool:
        """True once someone asked this job to stop."""
        return self._unwanted.is_set() or lease.cancel_requested(self.engine, self.job_id)

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            if not _set(self.engine, self.job_id, ("running",), heartbeat_at=_now(), rows_done=self.rows_done):
                self._unwanted.set()
                return


def run_job(
    engine: Engine,
    job_id: int,
    *,
    timeout: float | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int | None = None,
    plan: Plan | None = None,
    stop: StopRequest | None = None,
    workers: int = 1,
) -> Job:
    """Run a claimed (running) job: push, check, and record the outcome. Never raises for a failed push.

    `plan` saves rebuilding the plan when the caller has it for the job's very recipe. `stop` stops the push at
    its next block (Ctrl-C in `generate`, a worker shutting down): rolled back, the job recorded as cancelled.
    A hard interrupt (KeyboardInterrupt) is recorded the same way and raised again.
    """
    job = get_job(engine, job_id)
    with lease.hold(engine, job_id):
        try:
            outcome = _run(
                engine,
                job,
                timeout=timeout,
                progress=progress,
                batch_size=batch_size,
                plan=plan,
                stop=stop,
                workers=workers,
            )
            stopped = stop is not None and stop.is_set()
            if stopped or not _record(engine, job_id, ("running",), **outcome):
                # Stopped while it committed: take the tenant out again, so that a cancel always means "nothing".
                delete_tenant(engine, job.tenant_name)
                _stopped(engine, job_id, stop.reason if stopped else CANCELLED)
        except Cancelled as error:
            _stopped(engine, job_id, str(error))
        except Exception as error:  # the job row must record every failure, whatever its cause
            if stop is not None and stop.is_set():  # a driver call the signal cut short
                _stopped(engine, job_id, stop.reason)
            else:
                message = _reason(error)
                _record(engine, job_id, ("running",), status="failed", error=message, finished_at=_now())
        except BaseException as interrupt:  # KeyboardInterrupt / SystemExit: record it on the way out
            _stopped(engine, job_id, f"interrupted ({type(interrupt).__name__}); nothing was written")
            raise
    return _despite_outage(get_job, engine, job_id)


def _reason(error: Exception) -> str:
    """A failure in one line for the job row: our own errors say what happened; a driver's error keeps its kind."""
    own = isinstance(error, DatabaseTimeout | TenantExists)
    return (str(error) if own else f"{type(error).__name__}: {error}").splitlines()[0][:500]


def _stopped(engine: Engine, job_id: int, reason: str) -> None:
    """Record a push that stopped on request: the cancel confirmed, or the interruption noted."""
    values = {"status": "cancelled", "finished_at": _now()}
    if not _record(engine, job_id, ("cancelled",), error=CANCELLED, finished_at=_now()):
        _record(engine, job_id, ("running",), error=reason, **values)


def _run(
    engine: Engine,
    job: Job,
    *,
    timeout: float | None,
    progress: Callable[[int], None] | None,
    batch_size: int | None,
    plan: Plan | None,
    stop: StopRequest | None,
    workers: int,
) -> dict:
    """Push and check the job's tenant; the job row's values for its success."""
    recipe = Recipe.model_validate(job.recipe)
    if plan is None or plan.context.recipe != recipe:
        plan = build_plan(recipe)
    timeout = recipe.limits.timeout_seconds if timeout is None else timeout
    with _Heartbeat(engine, job.id) as beat:

        def report(done: int) -> None:
            beat.rows_done = done
            if stop is not None and stop.is_set():
                raise Cancelled(stop.reason)
            if beat.unwanted:
                raise Cancelled(CANCELLED)
            if progress is not None:
                progress(done)

        started = time.monotonic()
        made = None
        try:
            result = push(
                engine, plan, job.tenant_name, timeout=timeout, progress=report, batch_size=batch_size, workers=workers
            )
            digest, seconds, made = result.data_digest, result.seconds, result.report
        except Exception as error:
            if isinstance(error, TenantExists) or not _despite_outage(_tenant_present, engine, job.tenant_name):
                raise
            # The COMMIT reached the server but its answer was lost (a restart, a failover): the tenant is whole
            # (one job per tenant name), so the job succeeded; its digest is read back from the rows.
            digest, seconds = _despite_outage(stored_digest, engine, job.tenant_name), time.monotonic() - started
        if made is None:  # a commit whose answer was lost: the check runs now
            left = timeout - (time.monotonic() - started)
            check = _check_within(engine, job.tenant_name, plan.total_rows, left)
        else:
            check = made.as_dict()
            _refresh_statistics(engine, plan.total_rows)
    return {
        "status": "succeeded",
        "rows_done": plan.total_rows,
        "finished_at": _now(),
        "heartbeat_at": _now(),
        "report": {"data_digest": digest, "seconds": round(seconds, 3), "check": check},
    }


def _tenant_present(engine: Engine, tenant_name: str) -> bool:
    with engine.connect() as connection:
        return tenant_id_of(connection, tenant_name) is not None


def _unfinished_check(tenant_name: str, reason: str) -> dict:
    """The integrity report of a check that did not finish (not ok), for `demogen check` to run again."""
    return {"tenant": tenant_name, "ok": False, "error": reason}


def _refresh_statistics(engine: Engine, rows: int) -> None:
    """`refresh_statistics` after a committed push, which its failure (the server gone meanwhile) must not fail:
    autovacuum analyzes the tables a little later anyway."""
    with contextlib.suppress(SQLAlchemyError):
        refresh_statistics(engine, rows)


def _check_within(engine: Engine, tenant_name: str, rows: int, seconds: float) -> dict | None:
    """The integrity report of a tenant whose push's answer was lost with its commit, within what is left of the
    job's time limit.

    The tenant is committed by then, so neither running out of time, losing the server nor a check that breaks
    fails the push: the report says the check did not finish (not ok), and `demogen check` can run it again.
    The statistics are refreshed on another connection meanwhile (on two cores 0.3 s sooner than one after the
    other).
    """
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="demogen-analyze") as beside:
            beside.submit(_refresh_statistics, engine, rows)  # the check needs no statistics (set-wise)
            report = check_tenant(engine, tenant_name, timeout=max(seconds, 1.0))
    except (CheckTimeout, OperationalError) as error:
        reason = str(error).splitlines()[0] if isinstance(error, CheckTimeout) else "the database could not be reached"
        return _unfinished_check(tenant_name, reason)
    except Exception as error:  # a check that broke must not turn a committed push into a failed job
        return _unfinished_check(tenant_name, (str(error).strip().splitlines() or [type(error).__name__])[0][:200])
    return report.as_dict() if report else None
