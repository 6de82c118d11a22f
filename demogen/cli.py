"""The `demogen` command: thin wiring of flags to library calls, one-line errors and exit codes.

Exit codes: 0 done; 1 the work failed; 2 bad input (`error: <what> — <how to fix>` on stderr, nothing written).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from demogen import GENERATOR_VERSION
from demogen.dataset import Plan, build_plan, iter_blocks
from demogen.db import jobs, migrate
from demogen.db.engine import database_url, make_engine
from demogen.db.integrity import check_tenant
from demogen.db.readback import UnknownTenant, stored_digest
from demogen.db.session import DatabaseNotReady, open_database
from demogen.db.worker import run_worker
from demogen.db.writer import delete_tenant, tenant_id_of
from demogen.export import digest_blocks, export_blocks, preview_frames
from demogen.locales import LocaleError, available_markets, load_locale, locales_root, validate_locale_dir
from demogen.recipe import RecipeError, load_recipe
from demogen.tables import TABLE_ORDER

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Realistic, deterministic demo CRM tenants.",
)
locales_app = typer.Typer(no_args_is_help=True, help="Supported markets and locale folders.")
app.add_typer(locales_app, name="locales")
jobs_app = typer.Typer(no_args_is_help=True, help="The generation job queue.")
app.add_typer(jobs_app, name="jobs")
db_app = typer.Typer(no_args_is_help=True, help="Schema migrations.")
app.add_typer(db_app, name="db")

ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="TOML recipe file.")]
DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: $DEMOGEN_DATABASE_URL, else sqlite:///demogen.db).")
]
TenantOption = Annotated[str | None, typer.Option("--tenant", "-t", help="Tenant name (default: the recipe's).")]
SeedOption = Annotated[int | None, typer.Option("--seed", help="Seed (overrides the recipe's).", min=0)]
AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="Reference date YYYY-MM-DD (default: recipe, else today)."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _plan(config: Path, seed: int | None, as_of: dt.datetime | None) -> Plan:
    try:
        recipe = load_recipe(config, seed=seed, as_of=as_of.date() if as_of else None)
        plan = build_plan(recipe)
    except (RecipeError, LocaleError) as error:
        raise fail(str(error)) from None
    for warning in plan.warnings:
        typer.echo(f"warning: {warning}", err=True)
    return plan


def _summary(plan: Plan, digest: str) -> None:
    recipe = plan.context.recipe
    typer.echo(
        f"tenant: {recipe.tenant.name} (seed {recipe.seed}, as_of {recipe.as_of}, generator {GENERATOR_VERSION})"
    )
    for table, count in plan.row_counts().items():
        typer.echo(f"  {table:<16}{count:>10,}")
    typer.echo(f"recipe digest: {recipe.digest()}")
    typer.echo(f"data digest:   {digest}")


@app.command()
def export(
    config: ConfigOption,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the CSV files.")],
    seed: SeedOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Write the canonical CSV files of a recipe (no database)."""
    plan = _plan(config, seed, as_of)
    if out.exists() and not out.is_dir():
        raise fail(f"--out {out}: is a file — pass a folder path")
    digest = export_blocks(iter_blocks(plan), out)
    _summary(plan, digest)


@app.command()
def digest(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML recipe file.")] = None,
    seed: SeedOption = None,
    as_of: AsOfOption = None,
    db: Annotated[str | None, typer.Option("--db", help="Read the tenant back from this database.")] = None,
    tenant: TenantOption = None,
) -> None:
    """Print the dataset digest of a recipe, or of a tenant as stored in a database (--db and --tenant)."""
    if config is not None and (db or tenant):
        raise fail("--config and --db/--tenant: give one — a recipe, or a stored tenant")
    if config is not None:
        typer.echo(digest_blocks(iter_blocks(_plan(config, seed, as_of))))
        return
    if not tenant:
        raise fail("--config or --tenant: missing — pass a recipe, or --tenant NAME [--db URL]")
    engine = _database(db)
    try:
        typer.echo(stored_digest(engine, tenant))
    except UnknownTenant:
        raise fail(f"--tenant {tenant}: no such tenant — see the tenants of this database") from None


@app.command()
def preview(
    config: ConfigOption,
    seed: SeedOption = None,
    as_of: AsOfOption = None,
    table: Annotated[str | None, typer.Option("--table", "-t", help=f"One of: {', '.join(TABLE_ORDER)}.")] = None,
    rows: Annotated[int, typer.Option("--rows", "-n", min=1, max=1000, help="Rows per table.")] = 5,
) -> None:
    """Show the first rows of every table (or one)."""
    if table is not None and table not in TABLE_ORDER:
        raise fail(f"--table {table}: unknown table — use one of {', '.join(TABLE_ORDER)}")
    plan = _plan(config, seed, as_of)
    frames = preview_frames(iter_blocks(plan), rows)
    with pd.option_context("display.max_columns", None, "display.width", 200, "display.max_colwidth", 40):
        for name in [table] if table else TABLE_ORDER:
            typer.echo(f"== {name} ({plan.row_counts()[name]:,} rows)")
            typer.echo(frames[name].to_string(index=False))
            typer.echo("")


class RateColumn(ProgressColumn):
    """Rows per second, for the push progress bar."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} rows/s")


def _database(url: str | None, *, create: bool = False):
    try:
        return open_database(url, create=create)
    except DatabaseNotReady as error:
        raise fail(str(error)) from None


@app.command()
def generate(
    config: ConfigOption,
    seed: SeedOption = None,
    as_of: AsOfOption = None,
    tenant: TenantOption = None,
    db: DbOption = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=0.001, help="Seconds the push may take (default: the recipe's).")
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Rows per COPY/INSERT statement (no effect on data).")
    ] = None,
) -> None:
    """Generate a tenant into the database in one atomic transaction (a job, run here with a progress bar)."""
    plan = _plan(config, seed, as_of)
    recipe = plan.context.recipe
    name = tenant or recipe.tenant.name
    engine = _database(db, create=True)
    with engine.connect() as connection:
        if tenant_id_of(connection, name) is not None:
            raise fail(f"tenant {name!r}: already exists — `demogen delete --tenant {name!r}` first, or pass --tenant")
    try:
        job_id = jobs.submit(engine, recipe, name, plan.total_rows)
    except jobs.JobConflict as error:
        raise fail(f"{error} — wait for it, or `demogen jobs cancel {error.job_id}`") from None
    jobs.claim(engine, job_id)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(f"job {job_id}: {name}", total=plan.total_rows)
        job = jobs.run_job(
            engine,
            job_id,
            timeout=timeout,
            batch_size=batch_size,
            progress=lambda done: bar.update(task, completed=done),
        )
    if job.status != "succeeded":
        typer.echo(
            f"error: job {job_id} failed and was rolled back: {job.error} — `demogen jobs retry {job_id}`", err=True
        )
        raise typer.Exit(1)
    with engine.connect() as connection:
        tenant_id = tenant_id_of(connection, name)
    typer.echo(f"job {job_id} succeeded: tenant {name!r} has id {tenant_id}")
    _summary(plan, job.report["data_digest"])
    check = job.report.get("check") or {}
    if not check.get("ok", False):
        typer.echo(f"error: integrity check failed — `demogen check --tenant {name!r}` shows the report", err=True)
        raise typer.Exit(1)


@app.command()
def check(
    tenant: Annotated[str, typer.Option("--tenant", "-t", help="Tenant name.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
) -> None:
    """Integrity report of a stored tenant; exit 1 on any violation."""
    report = check_tenant(_database(db), tenant)
    if report is None:
        raise fail(f"--tenant {tenant}: no such tenant — check the name")
    typer.echo(json.dumps(report.as_dict(), indent=2) if as_json else "\n".join(report.lines()))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def delete(tenant: Annotated[str, typer.Option("--tenant", "-t", help="Tenant name.")], db: DbOption = None) -> None:
    """Remove a tenant and its metadata atomically."""
    if not delete_tenant(_database(db), tenant):
        raise fail(f"--tenant {tenant}: no such tenant — check the name")
    typer.echo(f"deleted tenant {tenant!r}")


def _job_line(job: jobs.Job) -> str:
    return (
        f"{job.id:>5}  {job.status:<10} {job.tenant_name:<28} {job.rows_done:>10,}/{job.rows_total:<10,} "
        f"attempts {job.attempts}  {job.error or ''}"
    )


@jobs_app.command("list")
def jobs_list(db: DbOption = None) -> None:
    """Recent jobs, newest first."""
    for job in jobs.list_jobs(_database(db)):
        typer.echo(_job_line(job))


def _on_job(action, db: str | None, job_id: int):
    """Run a job action, turning an unknown job or a busy tenant into exit 2."""
    try:
        return action(_database(db), job_id)
    except jobs.UnknownJob:
        raise fail(f"job {job_id}: no such job — see `demogen jobs list`") from None
    except jobs.JobConflict as error:
        raise fail(f"{error} — wait for it to finish") from None


@jobs_app.command("show")
def jobs_show(job_id: int, db: DbOption = None) -> None:
    """One job in full."""
    job = _on_job(jobs.get_job, db, job_id)
    typer.echo(json.dumps({k: v for k, v in job.__dict__.items() if k != "recipe"}, indent=2, default=str))


@jobs_app.command("retry")
def jobs_retry(job_id: int, db: DbOption = None) -> None:
    """Queue a failed or cancelled job again (a worker runs it)."""
    if not _on_job(jobs.retry, db, job_id):
        raise fail(f"job {job_id}: only failed or cancelled jobs can be retried — see `demogen jobs show {job_id}`")
    typer.echo(f"job {job_id} queued; `demogen worker --once` runs it")


@jobs_app.command("cancel")
def jobs_cancel(job_id: int, db: DbOption = None) -> None:
    """Cancel a queued job."""
    if not _on_job(jobs.cancel, db, job_id):
        raise fail(f"job {job_id}: only queued jobs can be cancelled — a running push is all-or-nothing")
    typer.echo(f"job {job_id} cancelled")


@app.command()
def worker(
    db: DbOption = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=16, help="Jobs run at once.")] = 1,
    once: Annotated[bool, typer.Option("--once", help="Run what is queued now, then exit.")] = False,
    poll: Annotated[float, typer.Option("--poll", min=0.1, help="Seconds between queue checks.")] = 2.0,
    stale_after: Annotated[
        float, typer.Option("--stale-after", min=1, help="Seconds without heartbeat before a running job is failed.")
    ] = jobs.STALE_AFTER_SECONDS,
) -> None:
    """Run queued jobs; jobs whose process died (stale heartbeat) are marked failed first."""
    engine = _database(db)
    failed = run_worker(engine, concurrency=concurrency, once=once, poll=poll, stale_after=stale_after, echo=typer.echo)
    if failed:
        raise typer.Exit(1)


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = None,
    revision: Annotated[str, typer.Option("--revision", help="Target revision.")] = "head",
    tenant_role: Annotated[str | None, typer.Option("--tenant-role", help="Tenant-facing role name.")] = None,
) -> None:
    """Migrate the schema (back up first; `demogen db downgrade` rolls back)."""
    engine = make_engine(database_url(db))
    migrate.upgrade(engine, revision, tenant_role=tenant_role)
    typer.echo(f"schema at {migrate.current_revision(engine)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Option("--revision", help="Target revision (e.g. -1 or base).")],
    db: DbOption = None,
    tenant_role: Annotated[str | None, typer.Option("--tenant-role", help="Tenant-facing role name.")] = None,
) -> None:
    """Roll the schema back to a revision."""
    engine = make_engine(database_url(db))
    migrate.downgrade(engine, revision, tenant_role=tenant_role)
    typer.echo(f"schema at {migrate.current_revision(engine)}")


@locales_app.command("list")
def locales_list() -> None:
    """The supported markets."""
    for code in available_markets():
        data = load_locale(code)
        typer.echo(f"{code}  {data.name:<16} {data.language}  {data.currency}  {data.timezone}")


@locales_app.command("validate")
def locales_validate(
    folder: Annotated[Path | None, typer.Argument(help="A market folder (default: every shipped market).")] = None,
) -> None:
    """Validate a (custom) locale folder, or all shipped markets."""
    folders = [folder] if folder else [locales_root() / code for code in available_markets()]
    if folder is not None and not folder.is_dir():
        raise fail(f"{folder}: not a folder — pass a locale folder such as locales/US")
    for path in folders:
        try:
            data = validate_locale_dir(path)
        except LocaleError as error:
            raise fail(str(error), code=1) from None
        typer.echo(
            f"{path}: ok ({len(data.last_names):,} surnames, {len(data.cities):,} city rows, "
            f"{len(data.fixed_prefixes) + len(data.mobile_prefixes):,} phone prefixes)"
        )


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `demogen preview | head`
        sys.stderr.close()


if __name__ == "__main__":
    main()
