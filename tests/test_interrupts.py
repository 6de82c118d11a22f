"""A push that is stopped — Ctrl-C, SIGTERM, `jobs cancel` — leaves nothing, says so, and frees the tenant name.

And a live push is never mistaken for a dead one: a worker's stale detection leaves it alone on both backends.
"""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import update

from conftest import ROOT
from dbtools import counts, run_cli, url_of
from demogen.db import jobs, lease
from demogen.db.schema import generation_jobs

BIG = """
[tenant]
name = "Quillfeather Logistics"
as_of = "2026-11-28"
[locales]
US = 1
[volume]
companies = {companies}
[limits]
warn_rows = 5000000
max_rows = 5000000
"""


def _recipe(tmp_path: Path, companies: int = 30000) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(BIG.format(companies=companies), encoding="utf-8")
    return path


def _start_generate(engine, recipe: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "demogen", "generate", "--config", str(recipe), "--db", url_of(engine)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_pushing(engine, process: subprocess.Popen, timeout: float = 90) -> int:
    """The id of the job once its push is under way (its lease held on SQLite; running a second on PostgreSQL)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        history = jobs.list_jobs(engine)
        if (
            history
            and history[0].status == "running"
            and (lease.is_held(engine, history[0].id) or history[0].started_at)
        ):
            time.sleep(1.0)
            return history[0].id
        time.sleep(0.1)
    raise AssertionError("the push never got under way")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_generate_cancels_its_job_says_so_and_frees_the_name(database, tmp_path, signum, code):
    engine, _ = database
    recipe = _recipe(tmp_path)
    process = _start_generate(engine, recipe)
    job_id = _wait_until_pushing(engine, process)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines[-1].startswith(f"interrupted: job {job_id} was cancelled and nothing was written"), stderr
    assert "--db" in lines[-1] and "Traceback" not in stderr
    job = jobs.get_job(engine, job_id)
    assert job.status == "cancelled" and job.finished_at is not None
    assert counts(engine)["tenants"] == 0 and counts(engine)["contacts"] == 0
    assert not lease.is_held(engine, job_id)
    assert jobs.active_job_id(engine, "Quillfeather Logistics") is None  # the name is free for the next generate


def test_jobs_cancel_stops_a_running_push_and_rolls_it_back(database, tmp_path):
    engine, _ = database
    process = _start_generate(engine, _recipe(tmp_path))
    job_id = _wait_until_pushing(engine, process)
    cancelled = run_cli("jobs", "cancel", str(job_id), "--db", url_of(engine))
    assert cancelled.returncode == 0, cancelled.stderr
    assert f"job {job_id} cancelled; nothing of it was written" in cancelled.stdout
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1 and f"job {job_id} cancelled, nothing was written" in stderr, stderr
    assert jobs.get_job(engine, job_id).status == "cancelled"
    assert counts(engine)["tenants"] == 0 and counts(engine)["deals"] == 0
    again = run_cli("jobs", "cancel", str(job_id), "--db", url_of(engine))
    assert again.returncode == 2 and "nothing to cancel" in again.stderr


def test_a_worker_never_fails_a_live_push(database, tmp_path):
    """The SQLite push writes no heartbeats (it holds the only write lock), and a busy PostgreSQL push may beat
    late; on both, the lease shows the push is alive."""
    engine, _ = database
    companies = 20000 if engine.dialect.name == "sqlite" else 60000  # a push that outlasts the worker's start
    process = _start_generate(engine, _recipe(tmp_path, companies=companies))
    job_id = _wait_until_pushing(engine, process)
    time.sleep(0.3)  # with the second of _wait_until_pushing, older than the worker's stale limit below
    assert jobs.get_job(engine, job_id).status == "running"  # still pushing, or the test proves nothing
    if engine.dialect.name == "postgresql":  # a heartbeat lagging far behind, as a starved process's would
        with engine.begin() as connection:
            connection.execute(
                update(generation_jobs)
                .where(generation_jobs.c.id == job_id)
                .values(heartbeat_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
            )
    assert jobs.fail_stale(engine, stale_after=1) == []
    worker = run_cli("worker", "--db", url_of(engine), "--once", "--stale-after", "1")
    assert worker.returncode == 0, worker.stderr
    assert "marked failed" not in worker.stdout
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert jobs.get_job(engine, job_id).status == "succeeded"


def test_every_hint_carries_the_database_it_was_run_with(database, tmp_path):
    engine, _ = database
    url = url_of(engine)
    recipe = _recipe(tmp_path, companies=20)
    assert run_cli("generate", "--config", str(recipe), "--db", url).returncode == 0
    again = run_cli("generate", "--config", str(recipe), "--db", url)
    assert again.returncode == 2 and "`demogen delete --tenant 'Quillfeather Logistics' --db " in again.stderr
    unknown = run_cli("check", "--tenant", "Nobody", "--db", url)
    assert unknown.returncode == 2 and "`demogen tenants list --db " in unknown.stderr
    listed = run_cli("tenants", "list", "--db", url)
    assert listed.returncode == 0 and "Quillfeather Logistics" in listed.stdout
    assert listed.stdout.splitlines()[0].split()[:3] == ["id", "tenant", "country"]


def test_every_postgresql_session_lets_the_server_notice_a_vanished_client(postgres):
    """A killed command's statement must not run on: the server polls the client (client_connection_check_interval)."""
    engine, _, _ = postgres
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW client_connection_check_interval").scalar() == "2s"


def test_delete_and_check_honour_their_time_limit_and_change_nothing(database, tmp_path):
    engine, _ = database
    url = url_of(engine)
    recipe = _recipe(tmp_path, companies=3000)
    assert run_cli("generate", "--config", str(recipe), "--db", url).returncode == 0
    before = counts(engine)
    for command in ("delete", "check"):
        result = run_cli(command, "--tenant", "Quillfeather Logistics", "--db", url, "--timeout", "0.001")
        assert result.returncode == 1, result.stderr
        assert "nothing was changed — raise --timeout" in result.stderr and len(result.stderr.splitlines()) == 1
        assert counts(engine) == before


@pytest.mark.parametrize(
    ("command", "signum", "code"), [("export", signal.SIGINT, 130), ("digest", signal.SIGTERM, 143)]
)
def test_a_stopped_command_with_nothing_to_roll_back_says_so_in_one_line(tmp_path, command, signum, code):
    recipe = _recipe(tmp_path, companies=300_000)  # long enough to be stopped in the middle on any machine
    out = tmp_path / "tenant"
    arguments = ["--out", str(out)] if command == "export" else []
    process = subprocess.Popen(
        [sys.executable, "-m", "demogen", command, "--config", str(recipe), *arguments],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(4)
    assert process.poll() is None, process.communicate()
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    *before, last = stderr.strip().splitlines()
    assert last == "interrupted: stopped before it finished; nothing was written", stderr
    assert all(line.startswith("tenant: ") for line in before), stderr  # `digest` names its recipe first
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.toml"]  # no export, no staging folder left
