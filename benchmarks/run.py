"""demogen against Faker and Mimesis, measured in one run on this machine; writes a Markdown table.

Each measurement runs in its own subprocess so that its peak RSS is its own. The "contact" workload is the same
for everyone: first name, last name, email, phone, company, city, country and a deal amount per row. Peers are
driven through their documented per-field APIs; demogen draws whole columns. Ratios, not absolute numbers, are
what carries over to another machine.

    python benchmarks/run.py --out benchmarks/results.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 28)


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def faker_contacts(rows: int) -> dict:
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(1)
    start = time.perf_counter()
    out = [
        (
            fake.first_name(),
            fake.last_name(),
            fake.email(),
            fake.phone_number(),
            fake.company(),
            fake.city(),
            fake.country(),
            fake.pydecimal(left_digits=6, right_digits=2, positive=True),
        )
        for _ in range(rows)
    ]
    return {"rows": len(out), "seconds": time.perf_counter() - start}


def mimesis_contacts(rows: int) -> dict:
    from mimesis import Address, Finance, Locale, Person

    person, address, finance = Person(Locale.EN, seed=1), Address(Locale.EN, seed=1), Finance(Locale.EN, seed=1)
    start = time.perf_counter()
    out = [
        (
            person.first_name(),
            person.last_name(),
            person.email(),
            person.phone_number(),
            finance.company(),
            address.city(),
            address.country(),
            finance.price(minimum=2000, maximum=2_000_000),
        )
        for _ in range(rows)
    ]
    return {"rows": len(out), "seconds": time.perf_counter() - start}


def _recipe(companies: int, markets: dict[str, float]):
    from demogen.recipe import parse_recipe

    return parse_recipe(
        {
            "seed": 1,
            "tenant": {"name": "Northwind Traders", "country": "US"},
            "locales": markets,
            "volume": {"users": 40, "companies": companies},
            "limits": {"warn_rows": 10**9, "max_rows": 10**9},
        },
        as_of=AS_OF,
        today=AS_OF,
    )


def demogen_contacts(rows: int) -> dict:
    """Companies and their contacts, joined into the contact workload, plus one deal amount per contact."""
    from demogen.dataset import build_plan
    from demogen.generate.companies import generate_companies
    from demogen.generate.contacts import generate_contacts
    from demogen.rng import BlockStreams

    plan = build_plan(_recipe(max(1, rows * 10 // 42), {"US": 1.0}))
    law = plan.context.recipe.deals.amount.law
    start = time.perf_counter()
    produced = 0
    for block in range(plan.blocks):
        companies = generate_companies(plan.context, plan, block)
        contacts = generate_contacts(plan.context, plan, block, companies=companies)
        index = contacts["company_id"] - companies["id"][0]
        workload = (
            contacts["first_name"],
            contacts["last_name"],
            contacts["email"],
            contacts["phone"],
            companies["name"][index],
            companies["city"][index],
            contacts["country"],
            law.sample(BlockStreams(1, "deals", block).uniform("amount", len(index))),
        )
        produced += len(workload[0])
    return {"rows": produced, "seconds": time.perf_counter() - start}


def demogen_export(companies: int) -> dict:
    """A whole tenant (all six tables) streamed to canonical CSV files."""
    from demogen.dataset import build_plan, iter_blocks
    from demogen.export import export_blocks

    start = time.perf_counter()
    plan = build_plan(_recipe(companies, {"US": 0.6, "GB": 0.25, "DE": 0.15}))
    with tempfile.TemporaryDirectory() as out:
        export_blocks(iter_blocks(plan), Path(out))
    return {"rows": plan.total_rows, "seconds": time.perf_counter() - start}


PG_SERVER = os.environ.get("DEMOGEN_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _scratch_database():
    """A fresh PostgreSQL database (dropped by the caller) and its engine, migrated to head."""
    import secrets

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from demogen.db import migrate
    from demogen.db.engine import make_engine

    name = f"demogen_bench_{secrets.token_hex(4)}"
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False))
    migrate.upgrade(engine, tenant_role=f"demogen_tenant_{name[-8:]}")

    def drop() -> None:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'DROP ROLE IF EXISTS "demogen_tenant_{name[-8:]}"'))

    return engine, drop


def demogen_push_postgres(companies: int) -> dict:
    """End to end: plan, generate, COPY into PostgreSQL, digest; one transaction."""
    from demogen.dataset import build_plan
    from demogen.db.writer import push

    engine, drop = _scratch_database()
    try:
        start = time.perf_counter()
        plan = build_plan(_recipe(companies, {"US": 0.6, "GB": 0.25, "DE": 0.15}))
        push(engine, plan, "Northwind Traders")
        return {"rows": plan.total_rows, "seconds": time.perf_counter() - start}
    finally:
        drop()


def raw_copy_postgres(companies: int) -> dict:
    """The write-path limit: the same rows, formatted beforehand, COPY'd into the same schema in one transaction,
    loaded the fastest way PostgreSQL allows (per-row foreign-key triggers off, nothing verified afterwards)."""
    from demogen.dataset import build_plan, iter_blocks
    from demogen.db.codec import copy_csv
    from demogen.tables import TABLES

    engine, drop = _scratch_database()
    try:
        plan = build_plan(_recipe(companies, {"US": 0.6, "GB": 0.25, "DE": 0.15}))
        prepared = [(table, copy_csv(table, block, 1)) for table, block in iter_blocks(plan)]
        start = time.perf_counter()
        with engine.begin() as connection:
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            connection.exec_driver_sql(
                "INSERT INTO tenants (id, name, country, currency, created_at) VALUES (1, 'raw', 'US', 'USD', now())"
            )
            with connection.connection.driver_connection.cursor() as cursor:
                for table, data in prepared:
                    columns = ", ".join(["tenant_id", *(c.name for c in TABLES[table])])
                    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT csv)") as copy:
                        copy.write(data)
        return {"rows": plan.total_rows, "seconds": time.perf_counter() - start}
    finally:
        drop()


def demogen_push_sqlite(companies: int) -> dict:
    from demogen.dataset import build_plan
    from demogen.db import migrate
    from demogen.db.engine import make_engine
    from demogen.db.writer import push

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        migrate.upgrade(engine)
        start = time.perf_counter()
        plan = build_plan(_recipe(companies, {"US": 0.6, "GB": 0.25, "DE": 0.15}))
        push(engine, plan, "Northwind Traders")
        return {"rows": plan.total_rows, "seconds": time.perf_counter() - start}


WORKLOADS = {
    "demogen-push-postgres": demogen_push_postgres,
    "raw-copy-postgres": raw_copy_postgres,
    "demogen-push-sqlite": demogen_push_sqlite,
    "faker": faker_contacts,
    "mimesis": mimesis_contacts,
    "demogen": demogen_contacts,
    "demogen-export": demogen_export,
}


def measure(name: str, size: int) -> dict:
    """Run one workload in a fresh interpreter and return rows/s and peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    result = subprocess.run(
        [sys.executable, __file__, "--child", name, str(size)], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def child(name: str, size: int) -> None:
    baseline = _peak_rss_mb()
    result = WORKLOADS[name](size)
    result.update(
        peak_rss_mb=_peak_rss_mb(), import_rss_mb=baseline, rows_per_second=result["rows"] / result["seconds"]
    )
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--child", nargs=2, metavar=("WORKLOAD", "SIZE"))
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    scale = 10 if args.quick else 1
    contact_runs = [
        ("Faker 40 (en_US)", "faker", 20_000 // scale),
        ("Mimesis 22 (en)", "mimesis", 100_000 // scale),
        ("demogen", "demogen", 1_000_000 // scale),
    ]
    rows = []
    for label, name, size in contact_runs:
        result = measure(name, size)
        rows.append((label, result))
        print(f"{label}: {result['rows_per_second']:,.0f} rows/s, peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)
    small = measure("demogen-export", 6_300 // scale)
    large = measure("demogen-export", 63_000 // scale)
    print(
        f"export: {small['rows']:,} rows peak {small['peak_rss_mb']:.0f} MB; {large['rows']:,} rows peak "
        f"{large['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    writes = {
        "push_small": measure("demogen-push-postgres", 6_300 // scale),
        "push_large": measure("demogen-push-postgres", 63_000 // scale),
        "raw_large": measure("raw-copy-postgres", 63_000 // scale),
        "sqlite_large": measure("demogen-push-sqlite", 63_000 // scale),
    }
    for name, result in writes.items():
        print(f"{name}: {result['rows']:,} rows, {result['seconds']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB")
    write_report(args.out, rows, small, large, writes)


def write_report(path: Path, rows: list[tuple[str, dict]], small: dict, large: dict, writes: dict) -> None:
    by_name = dict(rows)
    demogen = by_name["demogen"]["rows_per_second"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d} on {platform.machine()} with {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; one process per measurement, single-threaded. Reproduce with `make bench`.",
        "",
        "## Contact workload (first, last, email, phone, company, city, country, deal amount)",
        "",
        "| generator | rows | rows/s | demogen is faster by | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, result in rows:
        ratio = demogen / result["rows_per_second"]
        lines.append(
            f"| {label} | {result['rows']:,} | {result['rows_per_second']:,.0f} | "
            f"{'—' if label == 'demogen' else f'{ratio:,.1f}x'} | {result['peak_rss_mb']:.0f} |"
        )
    ratio = large["peak_rss_mb"] / small["peak_rss_mb"]
    lines += [
        "",
        "## Whole tenant, streamed to canonical CSV (all six tables, US/GB/DE mix)",
        "",
        "| rows | rows/s | peak RSS (MB) |",
        "|---:|---:|---:|",
        f"| {small['rows']:,} | {small['rows_per_second']:,.0f} | {small['peak_rss_mb']:.0f} |",
        f"| {large['rows']:,} | {large['rows_per_second']:,.0f} | {large['peak_rss_mb']:.0f} |",
        "",
        f"Peak RSS of the large export is {ratio:.2f}x that of the small one (target: at most 1.3x): memory beyond "
        "the plan arrays does not grow with volume.",
        "",
        "## Write path (one transaction per tenant)",
        "",
        "| what | rows | seconds | rows/s | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    labels = {
        "push_small": "`demogen generate` into PostgreSQL (end to end)",
        "push_large": "`demogen generate` into PostgreSQL (end to end)",
        "raw_large": "raw COPY of the same rows, pre-formatted, FK triggers off (the write-path limit)",
        "sqlite_large": "`demogen generate` into SQLite (end to end)",
    }
    for name, result in writes.items():
        lines.append(
            f"| {labels[name]} | {result['rows']:,} | {result['seconds']:.1f} | {result['rows_per_second']:,.0f} | "
            f"{result['peak_rss_mb']:.0f} |"
        )
    end_to_end = writes["push_large"]["seconds"] / writes["raw_large"]["seconds"]
    memory = writes["push_large"]["peak_rss_mb"] / writes["push_small"]["peak_rss_mb"]
    lines += [
        "",
        f"End-to-end PostgreSQL push takes {end_to_end:.2f}x the raw COPY time (target: at most 2x); its peak RSS is "
        f"{memory:.2f}x that of the small push (target: at most 1.3x).",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
