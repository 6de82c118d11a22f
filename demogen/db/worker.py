"""The worker loop: fail stale jobs, claim queued ones (up to a concurrency limit), run them."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from demogen.db import jobs


def run_worker(
    engine: Engine,
    *,
    concurrency: int = 1,
    once: bool = False,
    poll: float = 2.0,
    stale_after: float = jobs.STALE_AFTER_SECONDS,
    echo: Callable[[str], None] = print,
    db_flag: str = "",
    stop: jobs.StopRequest | None = None,
) -> int:
    """Run jobs until `stop` is set (or, with `once`, until the queue is empty); returns how many failed.

    Once `stop` is set (Ctrl-C or SIGTERM in the CLI), no job is claimed, the running pushes stop at their next
    block, roll back and record themselves as cancelled. A SQLite database that another process is writing to, or
    a server that is restarting, is polled again later: the worker outlives both. `db_flag` (" --db URL") goes
    into every printed hint.
    """
    failed = ran = 0
    running: dict[Future, int] = {}
    stop = stop or jobs.StopRequest()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        try:
            while True:
                try:
                    for job_id in jobs.fail_stale(engine, stale_after):
                        echo(f"job {job_id}: marked failed (its process stopped); {_retry(job_id, db_flag)}")
                    while not stop.is_set() and len(running) < concurrency and (job_id := jobs.claim_next(engine)):
                        echo(f"job {job_id}: running")
                        running[pool.submit(jobs.run_job, engine, job_id, stop=stop)] = job_id
                except OperationalError as error:  # SQLite busy with another writer, or the server away: later
                    if "locked" not in str(error):
                        echo(f"database unreachable ({_first_line(error)}); trying again in {poll:g} s")
                    time.sleep(poll)
                    continue
                if not running:
                    if stop.is_set():
                        return failed
                    if once:
                        echo("no queued jobs" if not ran else f"queue empty after {ran} job(s)")
                        return failed
                    time.sleep(poll)
                    continue
                done, _ = wait(running, timeout=poll, return_when=FIRST_COMPLETED)
                for future in done:
                    job_id = running.pop(future)
                    ran += 1
                    try:
                        job = future.result()
                    except OperationalError as error:  # its outcome could not be recorded: it will look dead
                        failed += 1
                        echo(
                            f"job {job_id}: ended, but the database was unreachable ({_first_line(error)}); "
                            "a worker marks it failed once it looks dead"
                        )
                        continue
                    failed += job.status != "succeeded"
                    hint = f"; {_retry(job.id, db_flag)}" if job.status != "succeeded" else ""
                    echo(f"job {job.id}: {job.status}{'' if job.error is None else ' — ' + job.error}{hint}")
        except BaseException:
            stop.request("the worker was stopped; nothing was written — retry the job")
            raise


def _first_line(error: OperationalError) -> str:
    text = str(error.orig or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _retry(job_id: int, db_flag: str) -> str:
    return f"`demogen jobs retry {job_id}{db_flag}`"
