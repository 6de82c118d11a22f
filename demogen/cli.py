"""The `demogen` command: thin wiring of flags to library calls, one-line errors and exit codes.

Exit codes: 0 done; 1 the work failed; 2 bad input (`error: <what> — <how to fix>` on stderr, nothing written);
130 / 143 stopped by Ctrl-C / SIGTERM (rolled back, one line on stderr). Library modules are imported inside the
commands that need them, so `demogen --help` starts in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shlex
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from demogen import GENERATOR_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from demogen.dataset import Plan
    from demogen.db.jobs import Job, StopRequest

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Realistic, deterministic demo CRM tenants.",
)
locales_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Supported markets and locale folders.")
app.add_typer(locales_app, name="locales")
jobs_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="The generation job queue.")
app.add_typer(jobs_app, name="jobs")
tenants_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="The tenants of a database.")
app.add_typer(tenants_app, name="tenants")
db_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Schema migrations.")
app.add_typer(db_app, name="db")

ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="TOML recipe file.")]
DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: $DEMOGEN_DATABASE_URL, else sqlite:///demogen.db).")
]
TenantOption = Annotated[
    str | None, typer.Option("--tenant", "-t", help="Tenant name (default: the recipe's; another name, other people).")
]
RequiredTenant = Annotated[str, typer.Option("--tenant", "-t", help="Tenant name.")]
SeedOption = Annotated[int | None, typer.Option("--seed", help="Seed (overrides the recipe's).", min=0)]
AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="Reference date YYYY-MM-DD (default: recipe, else today)."),
]
WorkersOption = Annotated[
    int,
    typer.Option("--workers", min=1, max=16, help="Processes that generate blocks (no effect on the data)."),
]
TimeoutOption = Annotated[
    float | None, typer.Option("--timeout", min=0.001, help="Seconds the command may take on the database.")
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"demogen {version('demogen')} (generator {GENERATOR_VERSION})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Realistic, deterministic demo CRM tenants."""


_EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up (rollback, one line) runs for both."""


@contextlib.contextmanager
def _on_signals(handler) -> Iterator[None]:
    """`handler` for Ctrl-C and SIGTERM while the block runs; the previous handlers afterwards."""
    previous = {signum: signal.signal(signum, handler) for signum in _EXIT_CODES}
    try:
        yield
    finally:
        for signum, handler_before in previous.items():
            signal.signal(signum, handler_before)


def _raising(came: list[int]):
    """A signal handler that notes the signal in `came` and raises it as Ctrl-C (SIGTERM as `_Terminated`)."""

    def handler(signum, _frame) -> None:
        came.append(signum)
        raise _Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    return handler


@contextlib.contextmanager
def _interruptible(outcome: str) -> Iterator[None]:
    """For one-transaction commands: Ctrl-C or SIGTERM rolls the work back; say so in one line, exit 130 / 143.

    The driver may report the signal as its own error ("interrupted"); once a signal came, that is the signal.
    """
    from sqlalchemy.exc import DBAPIError

    came: list[int] = []
    try:
        with _on_signals(_raising(came)):
            yield
    except (KeyboardInterrupt, DBAPIError) as error:
        if not came and not isinstance(error, KeyboardInterrupt):
            raise
        _leave(outcome, came[0] if came else signal.SIGINT)


_TOLD: list[str] = []
"""What an interrupted command said on its way out (`_leave`); `main` speaks for the commands that said nothing."""


def _say_interrupted(outcome: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the message short
    typer.echo(f"interrupted: {outcome}", err=True)
    _TOLD.append(outcome)


def _leave(outcome: str, signum: int | None) -> NoReturn:
    _say_interrupted(outcome)
    raise typer.Exit(_EXIT_CODES.get(signum, 130))


@contextlib.contextmanager
def _stoppable() -> Iterator[StopRequest]:
    """For pushes: the first Ctrl-C or SIGTERM asks them to stop at their next block (a clean rollback that
    records the job); a second one interrupts at once."""
    from demogen.db.jobs import StopRequest

    stop = StopRequest()

    def handler(signum, _frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt()
        stop.request(f"interrupted by {signal.Signals(signum).name}; nothing was written", signum)

    with _on_signals(handler):
        yield stop


def _db_flag(db: str | None) -> str:
    """` --db URL` for hints, exactly as the command was pointed (password hidden); empty for the default."""
    if not db:
        return ""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        shown = make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        shown = db
    return f" --db {shlex.quote(shown)}"


def _tenant_name(tenant: str | None) -> str | None:
    """A `--tenant` value checked like the recipe's tenant.name (not blank, no giveaway words)."""
    if tenant is None:
        return None
    from demogen.recipe import RecipeError, check_tenant_name

    try:
        return check_tenant_name(tenant, where="--tenant")
    except RecipeError as error:
        raise fail(str(error)) from None


def _plan(config: Path, seed: int | None, as_of: dt.datetime | None, tenant: str | None = None) -> Plan:
    """The recipe's plan; `tenant` (a checked `--tenant`) renames the tenant, which makes it another tenant: its
    streams are keyed by the name, so two names never share reps, contacts or companies."""
    from demogen.dataset import build_plan
    from demogen.locales import LocaleError
    from demogen.recipe import RecipeError, load_recipe

    try:
        recipe = load_recipe(config, seed=seed, as_of=as_of.date() if as_of else None)
        if tenant is not None:
            recipe = recipe.model_copy(update={"tenant": recipe.tenant.model_copy(update={"name": tenant})})
        plan = build_plan(recipe)
    except (RecipeError, LocaleError) as error:
        raise fail(str(error)) from None
    for warning in plan.warnings:
        typer.echo(f"warning: {warning}", err=True)
    return plan


def _recipe_line(plan: Plan, name: str | None = None) -> str:
    recipe = plan.context.recipe
    return (
        f"tenant: {name or recipe.tenant.name} (seed {recipe.seed}, as_of {recipe.as_of}, "
        f"generator {GENERATOR_VERSION})"
    )


def _summary(plan: Plan, digest: str, name: str | None = None) -> None:
    typer.echo(_recipe_line(plan, name))
    for table, count in plan.row_counts().items():
        typer.echo(f"  {table:<16}{count:>10,}")
    typer.echo(f"recipe digest: {plan.context.recipe.digest()}")
    typer.echo(f"data digest:   {digest}")


def _database(url: str | None, *, create: bool = False) -> Engine:
    from demogen.db.session import DatabaseNotReady, open_database

    try:
        return open_database(url, create=create)
    except DatabaseNotReady as error:
        raise fail(str(error)) from None


@app.command()
def export(
    config: ConfigOption,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the CSV files.")],
    seed: SeedOption = None,
    as_of: AsOfOption = None,
    workers: WorkersOption = 1,
) -> None:
    """Write the canonical CSV files of a recipe (no database)."""
    from demogen import parallel
    from demogen.export import export_blocks

    plan = _plan(config, seed, as_of)
    if out.exists() and not out.is_dir():
        raise fail(f"--out {out}: is a file — pass a folder path")
    try:
        digest = export_blocks(parallel.iter_csv(plan, workers), out)
    except OSError as error:
        raise fail(
            f"--out {out}: cannot be written ({error.strerror or error}) — choose a folder you can write to"
        ) from None
    _summary(plan, digest)


@app.command()
def digest(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML recipe file.")] = None,
    seed: SeedOption = None,
    as_of: AsOfOption = None,
    db: Annotated[str | None, typer.Option("--db", help="Read the tenant back from this database.")] = None,
    tenant: TenantOption = None,
    workers: WorkersOption = 1,
) -> None:
    """Print the dataset digest of a recipe (--config, optionally renamed by --tenant as `generate` does), or of a
    tenant as stored in a database (--db and --tenant).

    The digest goes to stdout alone; the recipe line (seed, as_of) goes to stderr.
    """
    if config is not None and db:
        raise fail("--config and --db: give one — a recipe, or a stored tenant")
    if config is not None:
        from demogen import parallel
        from demogen.export import digest_blocks

        plan = _plan(config, seed, as_of, _tenant_name(tenant))
        typer.echo(_recipe_line(plan), err=True)
        typer.echo(digest_blocks(parallel.iter_csv(plan, workers)))
        return
    name = _tenant_name(tenant)
    if not name:
        raise fail("--config or --tenant: missing — pass a recipe, or --tenant NAME [--db URL]")
    from demogen.db.readback import UnknownTenant, stored_digest

    try:
        typer.echo(stored_digest(_database(db), name))
    except UnknownTenant:
        raise fail(f"--tenant {name}: no such tenant — `demogen tenants list{_db_flag(db)}` shows them") from None


@app.command()
def preview(
    config: ConfigOption,
    seed: SeedOption = None,
    as_of: AsOfOption = None,
    table: Annotated[str | None, typer.Option("--table", "-t", help="A table name (default: every table).")] = None,
    rows: Annotated[int, typer.Option("--rows", "-n", min=1, max=1000, help="Rows per table.")] = 5,
) -> None:
    """Show the first rows of every table (or one), written exactly as the export writes them."""
    from demogen.dataset import iter_blocks
    from demogen.export import preview_rows
    from demogen.tables import TABLE_ORDER

    if table is not None and table not in TABLE_ORDER:
        raise fail(f"--table {table}: unknown table — use one of {', '.join(TABLE_ORDER)}")
    plan = _plan(config, seed, as_of)
    typer.echo(_recipe_line(plan))
    shown = preview_rows(iter_blocks(plan), rows)
    for name in [table] if table else TABLE_ORDER:
        typer.echo(f"== {name} ({plan.row_counts()[name]:,} rows)")
        typer.echo(_aligned(shown[name]))
        typer.echo("")


def _aligned(rows: list[list[str]], width: int = 40) -> str:
    """Rows of text as columns, long cells cut with an ellipsis."""
    cells = [[cell if len(cell) <= width else cell[: width - 1] + "…" for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in cells)


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
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=16,
            help="Processes that generate blocks (default: the free cores, one fewer where the database works on "
            "this machine: SQLite, a local PostgreSQL; no effect on the data).",
        ),
    ] = None,
) -> None:
    """Generate a tenant into the database in one atomic transaction (a job, run here with a progress bar).

    By default blocks are made on every free core less one where the database itself works on this machine
    (SQLite unpacking the rows in the pushing thread, a local PostgreSQL server copying them): the process
    generates the next block while the database stores the last, and another worker would only compete for the
    same cores (benchmarks/push.py)."""
    from demogen import parallel
    from demogen.db import jobs
    from demogen.db.engine import database_works_here
    from demogen.db.transaction import tenant_id_of

    plan = _plan(config, seed, as_of, _tenant_name(tenant))
    recipe = plan.context.recipe
    name = recipe.tenant.name
    engine = _database(db, create=True)
    workers = workers or parallel.default_workers(reserved=int(database_works_here(engine)))
    flag = _db_flag(db)
    with engine.connect() as connection:
        if tenant_id_of(connection, name) is not None:
            raise fail(f"tenant {name!r}: already exists — `demogen delete --tenant {shlex.quote(name)}{flag}` first")
    try:
        job_id = jobs.submit(engine, recipe, name, plan.total_rows)
    except jobs.JobConflict as error:
        raise fail(f"{error} — wait for it, or `demogen jobs cancel {error.job_id}{flag}`") from None
    with _stoppable() as stop:
        jobs.claim(engine, job_id)
        job = _run_with_progress(
            engine, job_id, plan, name, timeout=timeout, batch_size=batch_size, stop=stop, workers=workers
        )
    if stop.is_set():
        _leave(
            f"job {job_id} was cancelled and nothing was written — `demogen jobs retry {job_id}{flag}` reruns it",
            stop.signal,
        )
    if job.status != "succeeded":
        retry = f"`demogen jobs retry {job_id}{flag}`"
        typer.echo(f"error: job {job_id} {job.status}, nothing was written: {job.error} — {retry}", err=True)
        raise typer.Exit(1)
    with engine.connect() as connection:
        tenant_id = tenant_id_of(connection, name)
    typer.echo(f"job {job_id} succeeded: tenant {name!r} has id {tenant_id}")
    _summary(plan, job.report["data_digest"], name)
    check = job.report.get("check") or {}
    if not check.get("ok", False):
        shows = f"`demogen check --tenant {shlex.quote(name)}{flag}`"
        what = f"did not finish ({check['error']})" if check.get("error") else "failed"
        typer.echo(f"error: integrity check {what} — {shows} shows the report", err=True)
        raise typer.Exit(1)


def _run_with_progress(engine: Engine, job_id: int, plan: Plan, name: str, **options) -> Job:
    """Run a claimed job here, with a progress bar on stderr."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from demogen.db import jobs

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
        return jobs.run_job(
            engine, job_id, plan=plan, progress=lambda done: bar.update(task, completed=done), **options
        )


@app.command()
def check(
    tenant: RequiredTenant,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
    timeout: TimeoutOption = None,
) -> None:
    """Integrity report of a stored tenant; exit 1 on any violation."""
    from demogen.db.integrity import check_tenant

    name = _tenant_name(tenant)
    engine = _database(db)
    with _interruptible("the check was stopped; nothing was changed"):
        report = _timed(lambda: check_tenant(engine, name, timeout=timeout), timeout)
    if report is None:
        raise fail(f"--tenant {name}: no such tenant — `demogen tenants list{_db_flag(db)}` shows them")
    typer.echo(json.dumps(report.as_dict(), indent=2) if as_json else "\n".join(report.lines()))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def delete(tenant: RequiredTenant, db: DbOption = None, timeout: TimeoutOption = None) -> None:
    """Remove a tenant and its metadata atomically."""
    from demogen.db.writer import delete_tenant

    name = _tenant_name(tenant)
    engine = _database(db)
    with _interruptible(f"nothing was deleted; tenant {name!r} is whole"):
        deleted = _timed(lambda: delete_tenant(engine, name, timeout=timeout), timeout)
    if not deleted:
        raise fail(f"--tenant {name}: no such tenant — `demogen tenants list{_db_flag(db)}` shows them")
    typer.echo(f"deleted tenant {name!r}")


def _timed(action, timeout: float | None):
    """Run a database action under `--timeout`: running out is one line and exit 1, with everything rolled back."""
    from demogen.db.transaction import DatabaseTimeout

    try:
        return action()
    except DatabaseTimeout as error:
        raise fail(f"{error}; nothing was changed — raise --timeout (it was {timeout:g} s)", code=1) from None


@tenants_app.command("list")
def tenants_list(db: DbOption = None) -> None:
    """The tenants of a database, with their seed, as_of, rows and digest."""
    from demogen.db.catalog import list_tenants

    tenants = list_tenants(_database(db))
    if not tenants:
        typer.echo("no tenants")
        return
    typer.echo(f"{'id':>5}  {'tenant':<32} {'country':<7} {'rows':>10}  {'seed':>6}  {'as_of':<10}  data digest")
    for t in tenants:
        digest = (t.data_digest or "")[:16]
        typer.echo(
            f"{t.id:>5}  {t.name:<32} {t.country:<7} {t.rows:>10,}  {'' if t.seed is None else t.seed:>6}  "
            f"{'' if t.as_of is None else str(t.as_of):<10}  {digest}"
        )


def _job_line(job: Job) -> str:
    return (
        f"{job.id:>5}  {job.status:<10} {job.tenant_name:<28} {job.rows_done:>10,}/{job.rows_total:<10,} "
        f"{job.attempts:>8}  {job.error or ''}"
    )


@jobs_app.command("list")
def jobs_list(db: DbOption = None) -> None:
    """Recent jobs, newest first."""
    from demogen.db import jobs

    history = jobs.list_jobs(_database(db))
    if not history:
        typer.echo("no jobs")
        return
    typer.echo(f"{'id':>5}  {'status':<10} {'tenant':<28} {'rows done/total':>21} {'attempts':>8}  error")
    for job in history:
        typer.echo(_job_line(job))


def _on_job(action, db: str | None, job_id: int):
    """Run a job action, turning an unknown job or a busy tenant into exit 2."""
    from demogen.db import jobs

    try:
        return action(_database(db), job_id)
    except jobs.UnknownJob:
        raise fail(f"job {job_id}: no such job — see `demogen jobs list{_db_flag(db)}`") from None
    except jobs.JobConflict as error:
        raise fail(f"{error} — wait for it to finish") from None


@jobs_app.command("show")
def jobs_show(job_id: int, db: DbOption = None) -> None:
    """One job in full."""
    from demogen.db import jobs

    job = _on_job(jobs.get_job, db, job_id)
    typer.echo(json.dumps({k: v for k, v in job.__dict__.items() if k != "recipe"}, indent=2, default=str))


@jobs_app.command("retry")
def jobs_retry(job_id: int, db: DbOption = None) -> None:
    """Queue a failed or cancelled job again (a worker runs it)."""
    from demogen.db import jobs

    flag = _db_flag(db)
    if not _on_job(jobs.retry, db, job_id):
        show = f"`demogen jobs show {job_id}{flag}`"
        raise fail(f"job {job_id}: only failed or cancelled jobs can be retried — see {show}")
    typer.echo(f"job {job_id} queued; `demogen worker --once{flag}` runs it")


@jobs_app.command("cancel")
def jobs_cancel(job_id: int, db: DbOption = None) -> None:
    """Cancel a queued job, or stop a running push (it rolls back: nothing of it is kept)."""
    from demogen.db import jobs

    outcome = _on_job(jobs.cancel, db, job_id)
    if outcome is None:
        status = _on_job(jobs.get_job, db, job_id).status
        raise fail(f"job {job_id}: {status}, not queued or running — nothing to cancel")
    if outcome == "stopping":
        typer.echo(f"job {job_id}: stopping its push …", err=True)
        if not jobs.wait_stopped(_database(db), job_id):
            typer.echo(f"job {job_id} cancelled; its push has not confirmed yet — it rolls back when it stops")
            return
    typer.echo(f"job {job_id} cancelled; nothing of it was written")


@app.command()
def worker(
    db: DbOption = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=16, help="Jobs run at once.")] = 1,
    once: Annotated[bool, typer.Option("--once", help="Run what is queued now, then exit.")] = False,
    poll: Annotated[float, typer.Option("--poll", min=0.1, help="Seconds between queue checks.")] = 2.0,
    stale_after: Annotated[
        float | None,
        typer.Option("--stale-after", min=1, help="Seconds without a sign of life before a job is failed (30)."),
    ] = None,
) -> None:
    """Run queued jobs; jobs whose process died are marked failed first."""
    from demogen.db.jobs import STALE_AFTER_SECONDS
    from demogen.db.worker import run_worker

    stale_after = STALE_AFTER_SECONDS if stale_after is None else stale_after
    engine = _database(db)
    with _stoppable() as stop:
        failed = run_worker(
            engine,
            concurrency=concurrency,
            once=once,
            poll=poll,
            stale_after=stale_after,
            echo=typer.echo,
            db_flag=_db_flag(db),
            stop=stop,
        )
    if stop.is_set():
        _leave("the worker stopped; its running jobs were rolled back and recorded as cancelled", stop.signal)
    if failed:
        raise typer.Exit(1)


def _migration_engine(db: str | None) -> Engine:
    from demogen.db.engine import BadDatabaseUrl, database_url, make_engine

    try:
        return make_engine(database_url(db))
    except BadDatabaseUrl as error:
        raise fail(str(error)) from None


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = None,
    revision: Annotated[str, typer.Option("--revision", help="Target revision.")] = "head",
    tenant_role: Annotated[str | None, typer.Option("--tenant-role", help="Tenant-facing role name.")] = None,
) -> None:
    """Migrate the schema (back up first; `demogen db downgrade` rolls back)."""
    from demogen.db import migrate

    engine = _migration_engine(db)
    migrate.upgrade(engine, revision, tenant_role=tenant_role)
    typer.echo(f"schema at {migrate.current_revision(engine)}")


@db_app.command("downgrade")
def db_downgrade(
    revision: Annotated[str, typer.Option("--revision", help="Target revision (e.g. -1 or base).")],
    db: DbOption = None,
    tenant_role: Annotated[str | None, typer.Option("--tenant-role", help="Tenant-facing role name.")] = None,
) -> None:
    """Roll the schema back to a revision."""
    from demogen.db import migrate

    engine = _migration_engine(db)
    migrate.downgrade(engine, revision, tenant_role=tenant_role)
    typer.echo(f"schema at {migrate.current_revision(engine)}")


@locales_app.command("list")
def locales_list() -> None:
    """The supported markets, where each is read from, and how its name lists were made."""
    from demogen.locales import available_markets, load_locale, market_folder

    for code in available_markets():
        data = load_locale(code)
        grades = ", ".join(f"{k}: {v}" for k, v in data.sources.items()) or "see SOURCES.md"
        typer.echo(f"{code}  {data.name:<16} {data.language}  {data.currency}  {data.timezone}  ({grades})")
        typer.echo(f"    {market_folder(code)}")


@locales_app.command("validate")
def locales_validate(
    folder: Annotated[Path | None, typer.Argument(help="A market folder (default: every shipped market).")] = None,
) -> None:
    """Validate a (custom) locale folder, or all shipped markets."""
    from demogen.locales import LocaleError, available_markets, market_folder, validate_locale_dir

    folders = [folder] if folder else [market_folder(code) for code in available_markets()]
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


def _one_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _quiet_exit(came: list[int]) -> NoReturn:
    """One line for a command stopped by a signal that had nothing to roll back (staged files are cleaned up)."""
    _say_interrupted("stopped before it finished; nothing was written")
    sys.exit(_EXIT_CODES.get(came[-1] if came else signal.SIGINT, 130))


def main() -> None:
    """Run the command; anything unexpected is one line (the traceback with DEMOGEN_DEBUG=1), never a dump."""
    came: list[int] = []
    try:
        with _on_signals(_raising(came)):  # commands that write install their own (rollback, job record)
            app()
    except BrokenPipeError:  # `demogen preview | head`
        sys.stderr.close()
    except KeyboardInterrupt:
        _quiet_exit(came)
    except SystemExit as done:
        if done.code == 130 and not _TOLD:  # Click turns Ctrl-C into a silent exit 130
            _quiet_exit(came)
        raise
    except Exception as error:
        if os.environ.get("DEMOGEN_DEBUG") == "1":
            raise
        from sqlalchemy.exc import DBAPIError

        if isinstance(error, DBAPIError) and "database is locked" in str(error):
            typer.echo("error: the database file is locked by another writer — try again once it is done", err=True)
        elif isinstance(error, DBAPIError):
            typer.echo(f"error: the database refused: {_one_line(error)} — check the server and --db", err=True)
        else:
            typer.echo(f"error: {type(error).__name__}: {_one_line(error)} — DEMOGEN_DEBUG=1 shows where", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
