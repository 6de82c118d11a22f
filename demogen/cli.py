"""The `demogen` command: thin wiring of flags to library calls, one-line errors and exit codes.

Exit codes: 0 done; 1 the work failed; 2 bad input (`error: <what> — <how to fix>` on stderr, nothing written).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from demogen import GENERATOR_VERSION
from demogen.dataset import Plan, build_plan, iter_blocks
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

ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="TOML recipe file.")]
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
def digest(config: ConfigOption, seed: SeedOption = None, as_of: AsOfOption = None) -> None:
    """Print the dataset digest of a recipe."""
    plan = _plan(config, seed, as_of)
    typer.echo(digest_blocks(iter_blocks(plan)))


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
