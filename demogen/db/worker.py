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
    block, roll back and record themselves as cancelled. A SQLite database that another process is writing to is
    simply polled again later. `db_flag` (" --db URL") goes into every printed hint.
    """
    failed = ran = 0
    running: set[Future] = set()
    stop = stop or jobs.StopRequest()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        try:
            while True:
                try:
                    for job_id in jobs.fail_stale(engine, stale_after):
                        echo(f"job {job_id}: marked failed (its process stopped); {_retry(job_id, db_flag)}")
                    while not stop.is_set() and len(running) < concurrency and (job_id := jobs.claim_next(engine)):
                        echo(f"job {job_id}: running")
                        running.add(pool.submit(jobs.run_job, engine, job_id, stop=stop))
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                if not running:
                    if stop.is_set():
                        return failed
                    if once:
                        echo("no queued jobs" if not ran else f"queue empty after {ran} job(s)")
                        return failed
                    time.sleep(poll)
                    continue
                done, running = wait(running, timeout=poll, return_when=FIRST_COMPLETED)
                for future in done:
                    job = future.result()
                    ran += 1
                    failed += job.status != "succeeded"
                    hint = f"; {_retry(job.id, db_flag)}" if job.status != "succeeded" else ""
                    echo(f"job {job.id}: {job.status}{'' if job.error is None else ' — ' + job.error}{hint}")
        except BaseException:
            stop.request("the worker was stopped; nothing was written — retry the job")
            raise


def _retry(job_id: int, db_flag: str) -> str:
    return f"`demogen jobs retry {job_id}{db_flag}`"
