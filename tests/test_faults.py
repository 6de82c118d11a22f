"""Faults: a push or a delete killed at random moments, a terminated connection, a restarted server, a locked file.

Whatever happens, a tenant is whole or absent (never partial), the database stays consistent, the job that was
cut short is detected and failed, and `jobs retry` then produces exactly the recipe's digest. The random moments
come from a seeded generator, so a failure names a moment that can be replayed.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text

from casebook import full_only, pick, record
from conftest import ROOT
from dbtools import counts, require_postgres, run_cli, url_of
from demogen.dataset import build_plan, iter_blocks
from demogen.db import jobs, migrate
from demogen.db.engine import is_sqlite, make_engine
from demogen.db.readback import stored_digest
from demogen.export import digest_blocks
from demogen.recipe import load_recipe

TENANT = "Marlowe Instruments"
RECIPE = """
[tenant]
name = "Marlowe Instruments"
as_of = "2026-11-28"
[locales]
US = 0.7
DE = 0.3
[volume]
companies = {companies}
[limits]
warn_rows = 5000000
max_rows = 5000000
"""


def _recipe(folder: Path, companies: int = pick(3300, 6000)) -> tuple[Path, str]:
    """The recipe file and its digest; by default over ANALYZE_AFTER_ROWS rows, so a push ends with a statistics
    refresh after its commit (a phase of its own)."""
    folder.mkdir(exist_ok=True)
    path = folder / "faults.toml"
    path.write_text(RECIPE.format(companies=companies), encoding="utf-8")
    return path, digest_blocks(iter_blocks(build_plan(load_recipe(path))))


def _backend(engine) -> str:
    return "SQLite" if is_sqlite(engine) else "PostgreSQL"


def _demogen(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "demogen", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _present(engine, name: str) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(text("SELECT COUNT(*) FROM tenants WHERE name = :n"), {"n": name}).scalar())


def _whole_or_absent(engine, expected: str) -> bool:
    """True if the tenant is whole (its stored digest is the recipe's); False if absent. Partial fails the test."""
    if _present(engine, TENANT):
        assert stored_digest(engine, TENANT) == expected
        return True
    assert all(count == 0 for count in counts(engine).values()), counts(engine)
    if is_sqlite(engine):
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    return False


def _phase(engine, job_before_kill) -> str:
    if job_before_kill is None:
        return "before its job existed"
    return {"queued": "while its job was queued", "running": "while it pushed"}.get(job_before_kill, "after it ended")


def _finish_with_retry(engine, url: str, expected: str) -> None:
    """Detect the dead job, retry it, and check the digest: the user's way back after a crash."""
    time.sleep(1.2)
    worker = run_cli("worker", "--db", url, "--once", "--stale-after", "1")
    assert worker.returncode in (0, 1), worker.stderr
    if not _whole_or_absent(engine, expected):
        job = jobs.list_jobs(engine)[0]
        assert job.status in ("failed", "cancelled"), job
        assert run_cli("jobs", "retry", str(job.id), "--db", url).returncode == 0
        assert run_cli("worker", "--db", url, "--once").returncode == 0
    assert stored_digest(engine, TENANT) == expected
    assert not any(job.status in jobs.ACTIVE for job in jobs.list_jobs(engine))


@pytest.mark.parametrize("point", range(pick(1, 3)))
def test_a_push_killed_at_a_random_moment_is_whole_or_absent_and_retry_restores_it(database, tmp_path, point):
    engine, _ = database
    url = url_of(engine)
    recipe, expected = _recipe(tmp_path)
    delay = float(np.random.default_rng([2026, point]).uniform(0.2, pick(3.0, 4.5)))
    process = _demogen("generate", "--config", str(recipe), "--db", url)
    time.sleep(delay)
    history = jobs.list_jobs(engine)
    phase = _phase(engine, history[0].status if history else None)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if not jobs.list_jobs(engine):  # killed while planning: nothing to retry, the user simply runs it again
        assert _whole_or_absent(engine, expected) is False
        assert run_cli("generate", "--config", str(recipe), "--db", url).returncode == 0
    _finish_with_retry(engine, url, expected)
    record(
        "faults",
        f"SIGKILL of generate {phase} ({_backend(engine)})",
        checked=f"killed after {delay:.2f} s: tenant whole or absent, stale job failed, retry gives the digest",
    )


ACTIVE_QUERY = """
SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND state = 'active' AND query ILIKE :pattern)
"""
PUSH_PHASES = {
    "during its COPY": ("COPY %", False),
    "during its integrity check, inside the transaction": ("SELECT COUNT(*), COUNT(CASE WHEN %", False),
    "during the statistics refresh after its commit": ("ANALYZE %", True),
}
"""What the push's own sessions are doing (pg_stat_activity) and whether its tenant is visible yet (committed)."""


def _in_phase(engine, phase: str) -> bool:
    pattern, committed = PUSH_PHASES[phase]
    if _present(engine, TENANT) != committed:
        return False
    with engine.connect() as connection:
        return bool(connection.execute(text(ACTIVE_QUERY), {"pattern": pattern}).scalar())


@pytest.mark.parametrize("phase", list(PUSH_PHASES))
def test_a_push_killed_in_each_phase_is_whole_or_absent_and_retry_restores_it(postgres, tmp_path, phase):
    """Random moments rarely hit the short phases: watch the push's sessions and strike inside each one."""
    engine, url, _ = postgres
    recipe, expected = _recipe(tmp_path)
    process = _demogen("generate", "--config", str(recipe), "--db", url)
    deadline, seen = time.monotonic() + 120, False
    while not seen and process.poll() is None and time.monotonic() < deadline:
        seen = _in_phase(engine, phase)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert seen, f"the push ended before it was seen {phase}"
    _finish_with_retry(engine, url, expected)
    job = jobs.list_jobs(engine)[0]
    if _present(engine, TENANT) and phase.endswith("after its commit"):
        assert job.status == "succeeded", job  # the tenant is whole: the job must not say otherwise
    record(
        "faults",
        f"SIGKILL of generate {phase} (PostgreSQL)",
        checked="tenant whole or absent, the job agrees with the data, retry gives the digest",
    )


@pytest.mark.parametrize("point", range(pick(1, 3)))
def test_a_delete_killed_at_a_random_moment_leaves_the_tenant_whole_or_gone(database, tmp_path, point):
    engine, _ = database
    url = url_of(engine)
    recipe, expected = _recipe(tmp_path)
    assert run_cli("generate", "--config", str(recipe), "--db", url).returncode == 0
    delay = float(np.random.default_rng([2027, point]).uniform(0.3, 2.5))
    process = _demogen("delete", "--tenant", TENANT, "--db", url)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(0.5)  # PostgreSQL notices the vanished client and rolls its transaction back
    deadline = time.monotonic() + 30
    while True:
        try:
            whole = _whole_or_absent(engine, expected)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    record(
        "faults",
        f"SIGKILL of delete ({_backend(engine)}): tenant {'whole' if whole else 'gone'}",
        checked=f"killed after {delay:.2f} s: the tenant is either whole (same digest) or entirely gone",
    )


TERMINATE_DURING_COPY = """
SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
  AND EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
              AND query ILIKE 'COPY %')
"""
"""Every other connection of the test database, terminated only while a COPY runs: before its COMMIT, so the push
must fail (terminating on a progress figure could strike after the commit, and the job then rightly succeeds)."""


def test_a_terminated_connection_fails_the_job_and_the_worker_goes_on(postgres, tmp_path):
    engine, url, _ = postgres
    recipe, expected = _recipe(tmp_path, companies=20000)
    big, small = load_recipe(recipe), load_recipe(_recipe(tmp_path / "small", companies=30)[0])
    big_job = jobs.submit(engine, big, TENANT, build_plan(big).total_rows)
    small_job = jobs.submit(engine, small, "Second Tenant", build_plan(small).total_rows)
    worker = _demogen("worker", "--db", url, "--once")
    deadline, terminated = time.monotonic() + 60, 0
    while not terminated and time.monotonic() < deadline:  # strike while the big push is inside its COPY
        with engine.connect() as connection:
            terminated = connection.execute(text(TERMINATE_DURING_COPY)).scalar()
        time.sleep(0.05)
    assert terminated >= 1
    stdout, stderr = worker.communicate(timeout=120)
    assert worker.returncode == 1, stderr  # one job failed
    assert f"job {big_job}: failed" in stdout and f"job {small_job}: succeeded" in stdout, stdout
    failed = jobs.get_job(engine, big_job)
    assert failed.status == "failed" and failed.error and "\n" not in failed.error
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM tenants WHERE name = :n"), {"n": TENANT}).scalar() == 0
    assert run_cli("jobs", "retry", str(big_job), "--db", url).returncode == 0
    assert run_cli("worker", "--db", url, "--once").returncode == 0
    assert stored_digest(engine, TENANT) == expected
    record("faults", "connection terminated mid-push (pg_terminate_backend)", checked=failed.error[:120])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _own_cluster():
    """A throwaway PostgreSQL cluster (initdb + pg_ctl), so restarting it never touches a server others use."""
    require_postgres()
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not binaries:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
    bindir = binaries[-1].parent
    data = Path(tempfile.mkdtemp(prefix="demogen-cluster-"))  # outside pytest's root-only folders
    as_owner: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root: run it as the postgres user
        shutil.chown(data, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"

    def ctl(*args: str) -> None:
        subprocess.run([*as_owner, str(bindir / "pg_ctl"), "-D", str(data), *args], check=True, capture_output=True)

    subprocess.run(
        [*as_owner, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    ctl("-o", options, "-w", "-l", str(data / "log"), "start")
    try:
        yield (
            f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
            lambda: ctl("-o", options, "-w", "-m", "fast", "-l", str(data / "log"), "restart"),
        )
    finally:
        ctl("-m", "immediate", "stop")
        shutil.rmtree(data, ignore_errors=True)


@full_only
@pytest.mark.parametrize("runner", ["generate", "worker"])
def test_a_server_restart_mid_push_fails_the_job_cleanly_and_retry_restores_it(tmp_path, runner):
    """`generate` ends with one line; a worker survives, reports the job failed and goes on with the next one.

    On a busy machine the restart can land after the COMMIT reached the server: then the tenant is whole and the
    job must say succeeded, never failed. Either way the job row and the data agree.
    """
    with _own_cluster() as (url, restart):
        engine = make_engine(url)
        migrate.upgrade(engine)
        recipe, expected = _recipe(tmp_path, companies=20000)
        if runner == "generate":
            process = _demogen("generate", "--config", str(recipe), "--db", url)
        else:
            big, small = load_recipe(recipe), load_recipe(_recipe(tmp_path / "small", companies=30)[0])
            jobs.submit(engine, big, TENANT, build_plan(big).total_rows)
            jobs.submit(engine, small, "Second Tenant", build_plan(small).total_rows)
            process = _demogen("worker", "--db", url, "--once", "--poll", "0.5")
        deadline = time.monotonic() + 60
        while not (jobs.list_jobs(engine) and jobs.list_jobs(engine)[-1].rows_done) and time.monotonic() < deadline:
            time.sleep(0.1)
        restart()
        stdout, stderr = process.communicate(timeout=180)
        assert "Traceback" not in stderr, stderr
        job = next(j for j in jobs.list_jobs(engine) if j.tenant_name == TENANT)
        if _present(engine, TENANT):
            assert stored_digest(engine, TENANT) == expected
            assert job.status == "succeeded" and process.returncode in (0, 1), (job, stderr)
            engine.dispose()
            record("faults", f"server restarted as the push committed under {runner} (own cluster)", checked="whole")
            return
        assert process.returncode == 1
        assert job.status == "failed" and job.error and "\n" not in job.error, (job, stderr)
        if runner == "generate":
            assert len([line for line in stderr.splitlines() if line.startswith("error:")]) == 1, stderr
            assert _whole_or_absent(engine, expected) is False
        else:
            assert f"job {job.id}: failed" in stdout and "succeeded" in stdout, stdout  # it went on
            second = sum(build_plan(small).row_counts().values())
            assert sum(counts(engine).values()) - counts(engine)["tenants"] == second  # nothing of the failed one
        assert run_cli("jobs", "retry", str(job.id), "--db", url).returncode == 0
        assert run_cli("worker", "--db", url, "--once").returncode == 0
        assert stored_digest(engine, TENANT) == expected
        engine.dispose()
    record("faults", f"server restarted mid-push under {runner} (own cluster)", checked=job.error[:120])


@full_only
def test_a_sqlite_file_locked_by_another_writer_is_a_clear_error_after_a_bounded_wait(tmp_path):
    url = f"sqlite:///{tmp_path / 'crm.db'}"
    assert run_cli("db", "upgrade", "--db", url).returncode == 0
    recipe, _ = _recipe(tmp_path, companies=20)
    holder = sqlite3.connect(tmp_path / "crm.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    result = run_cli("generate", "--config", str(recipe), "--db", url)
    waited = time.monotonic() - started
    holder.execute("ROLLBACK")
    holder.close()
    assert result.returncode in (1, 2) and "locked" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert waited < 60
    engine = make_engine(url)
    assert counts(engine)["tenants"] == 0
    record("faults", "SQLite locked by another writer", checked=f"one line after {waited:.0f} s, nothing written")
