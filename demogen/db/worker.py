"""The worker loop: fail stale jobs, claim queued ones (up to a concurrency limit), run them."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from sqlalchemy import Engine

from demogen.db import jobs


def run_worker(
    engine: Engine,
    *,
    concurrency: int = 1,
    once: bool = False,
    poll: float = 2.0,
    stale_after: float = jobs.STALE_AFTER_SECONDS,
    echo: Callable[[str], None] = print,
) -> int:
    """Run jobs until stopped (or, with `once`, until the queue is empty); returns how many failed."""
    failed = 0
    running: set[Future] = set()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        while True:
            for job_id in jobs.fail_stale(engine, stale_after):
                echo(f"job {job_id}: marked failed (its process stopped); `demogen jobs retry {job_id}`")
            while len(running) < concurrency and (job_id := jobs.claim_next(engine)) is not None:
                echo(f"job {job_id}: running")
                running.add(pool.submit(jobs.run_job, engine, job_id))
            if not running:
                if once:
                    return failed
                time.sleep(poll)
                continue
            done, running = wait(running, timeout=poll, return_when=FIRST_COMPLETED)
            for future in done:
                job = future.result()
                failed += job.status != "succeeded"
                echo(f"job {job.id}: {job.status}{'' if job.error is None else ' — ' + job.error}")
