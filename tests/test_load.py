"""Load: concurrent requests and retry storms make exactly one job per tenant; concurrent pushes do not interfere;
a long series of pushes and deletes leaves the other tenants untouched and memory flat."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psutil

from casebook import full_only, pick, record
from conftest import recipe_from
from dbtools import run_cli, url_of
from demogen.dataset import build_plan, iter_blocks
from demogen.db import jobs
from demogen.db.engine import is_sqlite
from demogen.db.readback import stored_digest
from demogen.db.writer import delete_tenant, push
from demogen.export import digest_blocks

NAMES = ["Alder Works", "Birch Analytics", "Cedar Freight", "Dogwood Health", "Elm Street Legal"]


def _recipe(name: str, seed: int):
    return recipe_from({"tenant": {"name": name}, "volume": {"companies": 40, "users": 5}}, seed=seed)


def _backend(engine) -> str:
    return "SQLite" if is_sqlite(engine) else "PostgreSQL"


def _submit_all(engine, requests: list[tuple[str, int]]) -> list[int | str]:
    """Submit every request at once from its own thread; a job id, or the refusal's message."""
    start = threading.Barrier(len(requests))

    def submit(request: tuple[str, int]) -> int | str:
        name, seed = request
        recipe = _recipe(name, seed)
        start.wait()
        try:
            return jobs.submit(engine, recipe, name, build_plan(recipe).total_rows)
        except jobs.JobConflict as refused:
            return str(refused)

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(submit, requests))


def test_concurrent_requests_make_one_tenant_per_name_and_pushes_do_not_interfere(database):
    engine, _ = database
    url = url_of(engine)
    requests = [(NAMES[i % len(NAMES)], 10 + i % len(NAMES)) for i in range(20)]
    outcomes = _submit_all(engine, requests)
    accepted = [o for o in outcomes if isinstance(o, int)]
    refused = [o for o in outcomes if isinstance(o, str)]
    assert len(accepted) == len(NAMES) and len(refused) == 15
    assert all("is already queued or running" in message for message in refused)
    worker = run_cli("worker", "--db", url, "--once", "--concurrency", "2")
    assert worker.returncode == 0, worker.stdout + worker.stderr
    for index, name in enumerate(NAMES):
        alone = digest_blocks(iter_blocks(build_plan(_recipe(name, 10 + index))))
        assert stored_digest(engine, name) == alone, name
    assert all(job.status == "succeeded" for job in jobs.list_jobs(engine))
    record(
        "load",
        f"20 concurrent requests over 5 tenants, worker concurrency 2 ({_backend(engine)})",
        tried=len(requests),
        passed=len(requests),
        checked="one job per name, the rest refused with a clear line; each tenant's digest equals it pushed alone",
    )


def test_a_retry_storm_creates_one_job(database):
    engine, _ = database
    storm = pick(100, 200)
    outcomes = _submit_all(engine, [("Foxglove Partners", 3)] * storm)
    assert sum(isinstance(o, int) for o in outcomes) == 1
    job_id = next(o for o in outcomes if isinstance(o, int))
    assert all(f"job {job_id} for tenant" in o for o in outcomes if isinstance(o, str))
    assert [j.id for j in jobs.list_jobs(engine)] == [job_id]
    record(
        "load",
        f"retry storm of {storm} identical requests ({_backend(engine)})",
        tried=storm,
        passed=storm,
        checked="exactly one job; every other request names it",
    )


@full_only
def test_a_soak_of_pushes_and_deletes_leaves_the_others_alone_and_the_worker_flat(database):
    """30 pushes run by one long-lived `demogen worker` process, each tenant deleted again right after."""
    engine, _ = database
    url = url_of(engine)
    steady = _recipe("Steady Tenant", 1)
    push(engine, build_plan(steady), "Steady Tenant")
    before = stored_digest(engine, "Steady Tenant")
    worker = subprocess.Popen(
        [sys.executable, "-m", "demogen", "worker", "--db", url, "--poll", "0.2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    resident = []
    try:
        for cycle in range(30):
            recipe = _recipe("Soak Tenant", 100 + cycle)
            job_id = jobs.submit(engine, recipe, "Soak Tenant", build_plan(recipe).total_rows)
            deadline = time.monotonic() + 60
            while jobs.get_job(engine, job_id).status in jobs.ACTIVE and time.monotonic() < deadline:
                time.sleep(0.1)
            assert jobs.get_job(engine, job_id).status == "succeeded"
            assert delete_tenant(engine, "Soak Tenant")
            resident.append(psutil.Process(worker.pid).memory_info().rss)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    assert stored_digest(engine, "Steady Tenant") == before
    growth = (resident[-1] - resident[4]) / 2**20
    assert growth < 40, f"the worker grew {growth:.0f} MiB over 25 push/delete cycles"
    record(
        "load",
        f"soak: 30 pushes by one worker process, each deleted again ({_backend(engine)})",
        tried=30,
        passed=30,
        checked=f"other tenant unchanged (digest); worker memory growth {growth:.1f} MiB after warm-up",
    )
