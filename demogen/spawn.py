"""Run one queued job in a process of its own, so that no app thread (and no thread that calls Streamlit) pushes.

The app submits the job through `demogen.db.jobs`, then `start(url, job_id)` spawns `python -m demogen.spawn`,
which claims and runs it with the same code as `demogen generate`. Progress goes to the job row (PostgreSQL) and
to a small file beside it, because a SQLite push holds the only write lock for its whole transaction; the app
polls both (`progress`).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from demogen.db import jobs
from demogen.db.session import open_database

PROGRESS_EVERY_SECONDS = 0.25


def progress_file(url: str, job_id: int) -> Path:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"demogen-job-{key}-{job_id}.json"


def start(url: str, job_id: int) -> subprocess.Popen:
    """Spawn the runner for a queued job; it outlives the app's rerun (a new session, its own log)."""
    log = progress_file(url, job_id).with_suffix(".log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "demogen.spawn", url, str(job_id)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def progress(url: str, job_id: int) -> dict | None:
    """{'rows_done', 'seconds'} as last written by the runner, or None before its first report."""
    try:
        return json.loads(progress_file(url, job_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _reporter(path: Path):
    started = time.monotonic()
    last = [0.0]

    def report(done: int) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY_SECONDS:
            return
        last[0] = now
        staging = path.with_suffix(".part")
        staging.write_text(json.dumps({"rows_done": done, "seconds": now - started}), encoding="utf-8")
        staging.replace(path)

    return report


def main(argv: list[str]) -> int:
    url, job_id = argv[0], int(argv[1])
    engine = open_database(url, create=True)
    if not jobs.claim(engine, job_id):
        print(f"job {job_id}: not queued any more", file=sys.stderr)
        return 2
    job = jobs.run_job(engine, job_id, progress=_reporter(progress_file(url, job_id)))
    print(f"job {job_id}: {job.status}{'' if job.error is None else ' — ' + job.error}")
    return 0 if job.status == "succeeded" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
