"""The database write paths against their peers, measured in one run; writes benchmarks/push_results.md.

The recipe is configs/default.toml with volume.companies scaled (`--companies`). The peers load the very same
rows, formatted before their clock starts, into a fresh copy of the same schema (every index, check and foreign
key, migrated by Alembic) in one transaction: on PostgreSQL a plain COPY (foreign-key triggers fire per row) and
the fastest COPY the server allows (the triggers off, nothing verified); on SQLite one executemany per block with
foreign keys on. demogen is measured twice: the library's `push` (generation, COPY or inserts, digest, and the
integrity check inside the transaction, which verifies the references; the plan built beforehand)
with a stand-alone integrity check (`demogen check`) and the delete after it, and the
whole `demogen generate` / `demogen delete` processes a user runs. PostgreSQL runs twice: into an empty database,
and into one that already holds two analyzed tenants of the same size (where the planner knows nothing of the
new tenant). Every measurement runs in a process of its own; ratios, not seconds, carry over to other machines.

    python benchmarks/push.py [--companies 40000] [--out benchmarks/push_results.md]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-28"
TENANT = "Northwind Traders"


def write_recipe(path: Path, companies: int, seed: int) -> None:
    """configs/default.toml with `companies` companies, a fixed as_of and limits that admit the volume."""
    import tomlkit

    recipe = tomllib.loads((ROOT / "configs" / "default.toml").read_text(encoding="utf-8"))
    recipe["seed"] = seed
    recipe["tenant"]["as_of"] = dt.date.fromisoformat(AS_OF)
    recipe["volume"]["companies"] = companies
    recipe["limits"] = {"warn_rows": 10**8, "max_rows": 10**8}
    path.write_text(tomlkit.dumps(recipe), encoding="utf-8")


def _plan(recipe: Path):
    from demogen.dataset import build_plan
    from demogen.recipe import load_recipe

    return build_plan(load_recipe(recipe))


def _engine(url: str):
    from demogen.db.engine import make_engine

    return make_engine(url)


# --- children: each runs in a fresh interpreter and prints one JSON line -------------------------------------


def child_push(url: str, recipe: str, name: str, delete: str, workers: str = "1") -> dict:
    """demogen's library: push (plan built beforehand; blocks made by `workers` processes), then the integrity
    check, then (optionally) the delete."""
    from demogen.db.integrity import check_tenant
    from demogen.db.writer import delete_tenant, push

    engine, plan = _engine(url), _plan(Path(recipe))
    started = time.perf_counter()
    push(engine, plan, name, workers=int(workers))
    pushed = time.perf_counter()
    report = check_tenant(engine, name)
    checked = time.perf_counter()
    result = {"rows": plan.total_rows, "push": pushed - started, "check": checked - pushed, "ok": report.ok}
    if delete == "delete":
        delete_tenant(engine, name)
        result["delete"] = time.perf_counter() - checked
    return result


def child_copy(url: str, recipe: str, triggers: str) -> dict:
    """The PostgreSQL peer: the same rows as COPY input, formatted first, then COPY'd in one transaction."""
    from demogen.dataset import iter_blocks
    from demogen.db.codec import copy_csv
    from demogen.db.writer import copy_in

    engine, plan = _engine(url), _plan(Path(recipe))
    with engine.begin() as connection:
        tenant_id = connection.exec_driver_sql(
            "INSERT INTO tenants (name, country, currency, created_at) VALUES ('peer', 'US', 'USD', now()) RETURNING id"
        ).scalar()
    prepared = [(table, copy_csv(table, block, tenant_id)) for table, block in iter_blocks(plan)]
    started = time.perf_counter()
    with engine.begin() as connection:
        if triggers == "off":
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        with connection.connection.driver_connection.cursor() as cursor:
            for table, data in prepared:
                copy_in(cursor, table, [data])
    return {"rows": plan.total_rows, "seconds": time.perf_counter() - started}


def child_executemany(url: str, recipe: str) -> dict:
    """The SQLite peer: the same rows as tuples (the values of demogen's JSON rows), built first, then one
    executemany per block in one transaction."""
    import json

    from demogen.dataset import iter_blocks
    from demogen.db.codec import json_rows, stored_columns

    engine, plan = _engine(url), _plan(Path(recipe))
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO tenants (name, country, currency, created_at) VALUES ('peer', 'US', 'USD', '2026-11-28')"
        )
        tenant_id = connection.exec_driver_sql("SELECT id FROM tenants WHERE name = 'peer'").scalar()
    prepared = [
        (table, [tuple(row) for row in json.loads(json_rows(table, block, tenant_id))])
        for table, block in iter_blocks(plan)
    ]
    started = time.perf_counter()
    with engine.begin() as connection:
        cursor = connection.connection.driver_connection.cursor()
        for table, rows in prepared:
            names = stored_columns(table)
            cursor.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)
    return {"rows": plan.total_rows, "seconds": time.perf_counter() - started}


CHILDREN = {"push": child_push, "copy": child_copy, "executemany": child_executemany}


def run_child(name: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, __file__, "--child", name, *args], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_cli(*args: str) -> float:
    """Seconds of a whole `demogen` process, as a user runs it."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "demogen.cli", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"demogen {' '.join(args)} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return seconds


# --- databases -------------------------------------------------------------------------------------------------


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database migrated to head (with a tenant role of its own); both dropped afterwards."""
    sys.path.insert(0, str(ROOT / "tests"))
    from dbtools import postgres_database as scratch
    from demogen.db import migrate

    with scratch() as (url, role):
        engine = _engine(url)
        migrate.upgrade(engine, tenant_role=role)
        engine.dispose()
        yield url


@contextmanager
def sqlite_database(folder: Path) -> Iterator[str]:
    from demogen.db import migrate

    path = folder / f"bench-{secrets.token_hex(4)}.db"
    url = f"sqlite:///{path}"
    engine = _engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _maintain(url: str, statement: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(_engine(url).url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(statement)
    engine.dispose()


def _remove_peer(url: str) -> None:
    from demogen.db.writer import delete_tenant

    engine = _engine(url)
    delete_tenant(engine, "peer")
    engine.dispose()


# --- the run ---------------------------------------------------------------------------------------------------


def _best(runs: list[dict]) -> dict:
    """Per measured key, the fastest of the repeated runs (other processes only ever slow a run down)."""
    return {key: min(run[key] for run in runs) if isinstance(runs[0][key], float) else runs[0][key] for key in runs[0]}


WORKERS = os.cpu_count() or 1
"""Generating processes of the measured library pushes: one per core."""
GENERATE_WORKERS = max(1, WORKERS - 1)
"""What `demogen generate` takes on an idle machine: every core, one fewer for the database working on this
machine, SQLite or a local PostgreSQL server (`parallel.default_workers`, which also leaves out the cores the
load average says are busy)."""


def _whole_processes(recipe: Path, url: str) -> dict:
    return {
        "generate": run_cli("generate", "--config", str(recipe), "--db", url, "--workers", str(GENERATE_WORKERS)),
        "cli_delete": run_cli("delete", "--tenant", TENANT, "--db", url),
    }


def _logged(log, out: dict) -> None:
    library = out["library"]
    log(f"  demogen push {library['push']:.2f} s, check {library['check']:.2f} s, delete {library['delete']:.2f} s")
    log(f"  demogen push in one process {out['single']['push']:.2f} s")
    log(f"  demogen generate {out['generate']:.2f} s, demogen delete {out['cli_delete']:.2f} s (whole processes)")


def measure_postgres(recipe: Path, others: list[Path], repeat: int, log) -> dict:
    """Peers and demogen into one database (empty, or holding `others` analyzed); VACUUM between measurements."""
    out: dict = {}
    with postgres_database() as url:
        out["server"] = _server_version(url)
        for index, other in enumerate(others):
            run_child("push", url, str(other), f"Existing {index + 1}", "keep")
        if others:
            _maintain(url, "VACUUM ANALYZE")

        def copy(triggers: str) -> dict:
            result = run_child("copy", url, str(recipe), triggers)
            _remove_peer(url)
            _maintain(url, "VACUUM")
            return result

        def library(workers: int = WORKERS) -> dict:
            result = run_child("push", url, str(recipe), TENANT, "delete", str(workers))
            _maintain(url, "VACUUM")
            return result

        out["copy_triggers_on"] = copy("on")
        peers, pushes, singles, processes = [], [], [], []
        for _ in range(repeat):  # interleaved, so that other work on the machine weighs on each alike
            peers.append(copy("off"))
            pushes.append(library())
            singles.append(library(1))
            processes.append(_whole_processes(recipe, url))
            _maintain(url, "VACUUM")
        out["copy_triggers_off"], out["library"], out["single"] = _best(peers), _best(pushes), _best(singles)
        out |= _best(processes)
        plain, peer = out["copy_triggers_on"]["seconds"], out["copy_triggers_off"]["seconds"]
        log(f"  COPY {peer:.2f} s (foreign-key triggers on: {plain:.2f} s)")
        _logged(log, out)
    return out


def measure_sqlite(recipe: Path, folder: Path, repeat: int, log) -> dict:
    def fresh(action):
        with sqlite_database(folder) as url:
            return action(url)

    peers, pushes, singles, processes = [], [], [], []
    for _ in range(repeat):  # interleaved, as on PostgreSQL
        peers.append(fresh(lambda url: run_child("executemany", url, str(recipe))))
        pushes.append(fresh(lambda url: run_child("push", url, str(recipe), TENANT, "delete", str(WORKERS))))
        singles.append(fresh(lambda url: run_child("push", url, str(recipe), TENANT, "delete", "1")))
        processes.append(fresh(lambda url: _whole_processes(recipe, url)))
    out = {"executemany": _best(peers), "library": _best(pushes), "single": _best(singles)} | _best(processes)
    log(f"  executemany {out['executemany']['seconds']:.2f} s")
    _logged(log, out)
    return out


def _machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def _server_version(url: str) -> str:
    engine = _engine(url)
    with engine.connect() as connection:
        version = connection.exec_driver_sql("SHOW server_version").scalar()
    engine.dispose()
    return f"PostgreSQL {version}"


def report(path: Path, results: dict) -> None:
    empty, analyzed, lite = results["empty"], results["analyzed"], results["sqlite"]
    companies, repeat, seconds, load = (results["run"][key] for key in ("companies", "repeat", "seconds", "load"))
    rows = empty["library"]["rows"]

    def pg_rows(label: str, run: dict) -> list[str]:
        plain, peer = run["copy_triggers_on"]["seconds"], run["copy_triggers_off"]["seconds"]
        push, check, delete = run["library"]["push"], run["library"]["check"], run["library"]["delete"]
        single = run["single"]["push"]
        return [
            f"| {label} | COPY of the same rows, foreign-key triggers off — **the peer** | {peer:.2f} | 1.00x |",
            f"| {label} | plain COPY of the same rows (foreign-key triggers on, per-row checks) | {plain:.2f} | "
            f"{plain / peer:.2f}x |",
            f"| {label} | demogen `push` (generation, COPY, digest, the integrity check that verifies the references)"
            f" | {push:.2f} | {push / peer:.2f}x |",
            f"| {label} | the same push, blocks made in one process | {single:.2f} | {single / peer:.2f}x |",
            f"| {label} | `demogen check` of the pushed tenant, again (library; two connections, one snapshot) | "
            f"{check:.2f} | {check / peer:.2f}x |",
            f"| {label} | `demogen generate`, whole process (start-up, plan, push, check) | {run['generate']:.2f} | "
            f"{run['generate'] / peer:.2f}x |",
            f"| {label} | demogen `delete_tenant` (vs its push) | {delete:.2f} | {delete / push:.2f}x of push |",
            f"| {label} | `demogen delete`, whole process (vs `demogen generate`) | {run['cli_delete']:.2f} | "
            f"{run['cli_delete'] / run['generate']:.2f}x of generate |",
        ]

    peer = lite["executemany"]["seconds"]
    push, check, delete = lite["library"]["push"], lite["library"]["check"], lite["library"]["delete"]
    single = lite["single"]["push"]
    lines = [
        "# Write-path benchmark",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {_machine()}; Python {platform.python_version()}, "
        f"{empty['server']} (default settings), SQLite {sqlite3.sqlite_version}. Recipe: configs/default.toml "
        f"with {companies:,} companies ({rows:,} rows over six tables). One process per measurement, the fastest "
        f"of {repeat} runs (the plain COPY: one run); the whole run took {seconds / 60:.1f} minutes. Reproduce with "
        f"`python benchmarks/push.py --companies {companies}`. Load average (1 min) at the start and end of the run: "
        f"{load[0]:.1f} and {load[1]:.1f} — other work on the machine only ever slows a run down.",
        "",
        "Ratios are against the peer measured in the same run: the same rows, formatted before the clock starts, "
        "loaded in one transaction into a fresh copy of the same schema. On PostgreSQL the peer is the fastest load "
        "the server allows (foreign-key triggers off, nothing verified); the plain COPY, whose per-row foreign-key "
        "checks are planned for each value, is shown for comparison. demogen's library pushes make blocks in "
        f"{WORKERS} processes (one per core), the push in one process is shown beside; the whole `demogen "
        f"generate` takes what it takes by default on an idle machine of {WORKERS} cores: "
        f"`--workers {GENERATE_WORKERS}`, since the database works on this machine too (the PostgreSQL server's "
        "COPY, SQLite unpacking the rows in the pushing thread).",
        "",
        "## PostgreSQL",
        "",
        "| database | what | seconds | ratio |",
        "|---|---|---:|---:|",
        *pg_rows("empty", empty),
        *pg_rows("2 analyzed tenants", analyzed),
        "",
        "## SQLite",
        "",
        "| what | seconds | ratio |",
        "|---|---:|---:|",
        f"| executemany of the same rows (foreign keys on, one transaction) — **the peer** | {peer:.2f} | 1.00x |",
        f"| demogen `push` (generation, inserts, digest, the integrity check that verifies the references) | "
        f"{push:.2f} | {push / peer:.2f}x |",
        f"| the same push, blocks made in one process | {single:.2f} | {single / peer:.2f}x |",
        f"| demogen `push` + a stand-alone `demogen check` | {push + check:.2f} | {(push + check) / peer:.2f}x |",
        f"| `demogen generate`, whole process (start-up, plan, push, check) | {lite['generate']:.2f} | "
        f"{lite['generate'] / peer:.2f}x |",
        f"| demogen `delete_tenant` (vs its push) | {delete:.2f} | {delete / push:.2f}x of push |",
        f"| `demogen delete`, whole process (vs `demogen generate`) | {lite['cli_delete']:.2f} | "
        f"{lite['cli_delete'] / lite['generate']:.2f}x of generate |",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=40_000, help="volume.companies of the recipe")
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement (the fastest counts)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "push_results.md")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*args.child[1:])))
        return
    started, load = time.perf_counter(), os.getloadavg()[0]

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        recipe = Path(folder) / "recipe.toml"
        write_recipe(recipe, args.companies, seed=1)
        others = [Path(folder) / f"other{seed}.toml" for seed in (2, 3)]
        for seed, other in zip((2, 3), others, strict=True):
            write_recipe(other, args.companies, seed=seed)
        results = {}
        log("PostgreSQL, empty database")
        results["empty"] = measure_postgres(recipe, [], args.repeat, log)
        log("PostgreSQL, database holding two analyzed tenants")
        results["analyzed"] = measure_postgres(recipe, others, args.repeat, log)
        log("SQLite")
        results["sqlite"] = measure_sqlite(recipe, Path(folder), args.repeat, log)
    seconds = time.perf_counter() - started
    results["run"] = {
        "companies": args.companies,
        "repeat": args.repeat,
        "seconds": seconds,
        "load": (load, os.getloadavg()[0]),
    }
    report(args.out, results)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
