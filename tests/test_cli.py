"""The command line: outputs, exit codes, one-line errors, and nothing written on bad input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from demogen import GENERATOR_VERSION

SMALL = """
seed = 3
[tenant]
name = "Acme Components"
country = "GB"
as_of = "2026-11-28"
[locales]
GB = 1
[volume]
users = 4
companies = 30
"""


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "demogen.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def small_recipe(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_export_writes_the_six_tables_and_reports_the_digest(small_recipe: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run("export", "--config", str(small_recipe), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{t}.csv" for t in ("users", "companies", "contacts", "pipeline_stages", "deals", "activities")
    )
    digest = run("digest", "--config", str(small_recipe)).stdout.strip()
    assert f"data digest:   {digest}" in result.stdout
    assert (out / "companies.csv").read_text(encoding="utf-8").startswith("id,name,domain,industry,")


def test_preview_shows_rows(small_recipe: Path):
    result = run("preview", "--config", str(small_recipe), "--table", "contacts", "--rows", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"tenant: Acme Components (seed 3, as_of 2026-11-28, generator {GENERATOR_VERSION})"
    assert lines[1].startswith("== contacts") and len(lines) == 6  # recipe line, title, header, 3 rows


def test_preview_writes_values_as_the_export_does(small_recipe: Path, tmp_path: Path):
    """90500.00 not 90500.0, an empty field not NaT or <NA>, false not False."""
    shown = run("preview", "--config", str(small_recipe), "--table", "deals", "--rows", "20").stdout
    out = tmp_path / "out"
    assert run("export", "--config", str(small_recipe), "--out", str(out)).returncode == 0
    exported = [line.split(",") for line in (out / "deals.csv").read_text(encoding="utf-8").splitlines()[1:21]]
    tokens = set(shown.split())
    assert {row[6] for row in exported} <= tokens  # amounts such as 25000.00
    assert {row[-1][:10] for row in exported if row[-1]} <= {t[:10] for t in tokens}  # closed_at, or empty
    assert not tokens & {"NaT", "<NA>", "nan", "None", "True", "False"}


def test_digest_prints_the_date_it_used_when_none_was_given(tmp_path: Path):
    recipe = tmp_path / "undated.toml"
    recipe.write_text(SMALL.replace('as_of = "2026-11-28"\n', ""), encoding="utf-8")
    result = run("digest", "--config", str(recipe))
    assert result.returncode == 0 and len(result.stdout.strip()) == 64
    assert re.search(r"as_of \d{4}-\d{2}-\d{2}", result.stderr), result.stderr


def test_version_module_entry_and_plain_help():
    version = subprocess.run(
        [sys.executable, "-m", "demogen", "--version"], check=False, capture_output=True, text=True
    )
    assert version.returncode == 0 and re.fullmatch(r"demogen \S+ \(generator \d+\)\n", version.stdout)
    for command in (["--help"], ["delete", "--help"], ["check", "--help"], ["worker", "--help"]):
        shown = run(*command)
        assert shown.returncode == 0 and "Usage:" in shown.stdout
        assert "<bool>" not in shown.stdout  # flags take no value


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "mysql://root@127.0.0.1/test"], "--db mysql://root@127.0.0.1/test: mysql is not supported"),
        (["--db", "crm.db"], "--db crm.db: not a database URL — write sqlite:///"),
        (["--db", ""], "--db is empty — leave it out for sqlite:///demogen.db"),
        (["--db", "sqlite:///"], "--db sqlite:///: names no file"),
        (["--db", "postgresql://nobody:secret@127.0.0.1:1/x"], "cannot open database postgresql+psycopg://nobody:***@"),
        (["--tenant", "   "], "--tenant: must not be blank"),
        (["--tenant", ""], "--tenant: "),
        (["--tenant", "Sample Co"], "--tenant: contains 'sample'"),
    ],
)
def test_bad_flags_exit_2_with_one_line(small_recipe: Path, tmp_path: Path, args: list[str], message: str):
    result = run("generate", "--config", str(small_recipe), *args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {message}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "secret" not in result.stderr
    assert not (tmp_path / "demogen.db").exists()


def test_export_into_a_folder_that_cannot_be_written_is_one_line(small_recipe: Path):
    result = run("export", "--config", str(small_recipe), "--out", "/proc/demogen-out")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --out /proc/demogen-out: cannot be written")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('[volume]\nusers = 4\ncompanies = "50"', "volume.companies: Input should be a valid integer"),
        ("[volume]\nusers = 4.0\ncompanies = 30", "volume.users: Input should be a valid integer"),
        ('[locales]\nGB = 1\nstrict = "yes"\n[volume]\nusers = 4\ncompanies = 30', "locales.strict: "),
        ("[locales]\nGB = 1\nstrict = 1\n[volume]\nusers = 4\ncompanies = 30", "locales.strict: "),
        ("[deals]\nwin_rate = nan\n[volume]\nusers = 4\ncompanies = 30", "deals.win_rate: "),
        (
            "[deals.amount]\ndist = 'pareto'\nalpha = inf\nminimum = 10\n[volume]\nusers = 4\ncompanies = 30",
            "deals.amount.alpha: ",
        ),
    ],
)
def test_recipe_values_of_the_wrong_type_are_refused_not_coerced(tmp_path: Path, line: str, message: str):
    recipe = tmp_path / "typed.toml"
    recipe.write_text(SMALL.replace("[locales]\nGB = 1\n", "").replace("[volume]\nusers = 4\ncompanies = 30", line))
    result = run("digest", "--config", str(recipe))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {message}"), result.stderr
    assert "strict_locales" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_empty_queue_and_empty_database_say_so(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'crm.db'}"
    assert run("db", "upgrade", "--db", url).returncode == 0
    assert run("worker", "--once", "--db", url).stdout.strip() == "no queued jobs"
    assert run("jobs", "list", "--db", url).stdout.strip() == "no jobs"
    assert run("tenants", "list", "--db", url).stdout.strip() == "no tenants"


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        ("[volume]\nusers = 4\ncompanies = 0", "volume.companies: must be >= 1"),
        ("[volume]\nusers = 4\ncompanies = 30\nshoe_size = 3", "volume.shoe_size: unknown key"),
        ("[volume]\nusers = 4\ncompanies = 300000000", "limits.max_rows"),
    ],
)
def test_bad_recipes_exit_2_with_one_line_and_write_nothing(tmp_path: Path, mutation: str, message: str):
    recipe = tmp_path / "bad.toml"
    recipe.write_text(SMALL.replace("[volume]\nusers = 4\ncompanies = 30", mutation), encoding="utf-8")
    out = tmp_path / "never"
    result = run("export", "--config", str(recipe), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert " — " in result.stderr
    assert not out.exists()


def test_missing_recipe_file(tmp_path: Path):
    result = run("digest", "--config", str(tmp_path / "nope.toml"))
    assert result.returncode == 2
    assert "file not found" in result.stderr


def test_volume_warning(tmp_path: Path):
    recipe = tmp_path / "warn.toml"
    recipe.write_text(SMALL + "[limits]\nwarn_rows = 10\n", encoding="utf-8")
    result = run("digest", "--config", str(recipe))
    assert result.returncode == 0
    assert "warning: this recipe makes about" in result.stderr


def test_unsupported_market_falls_back_with_a_warning_or_fails_when_strict(tmp_path: Path):
    recipe = tmp_path / "zz.toml"
    recipe.write_text(SMALL.replace("GB = 1", "GB = 1\nZZ = 1"), encoding="utf-8")
    result = run("digest", "--config", str(recipe))
    assert result.returncode == 0
    assert "warning: locales.ZZ: market not supported, using US" in result.stderr
    recipe.write_text(SMALL.replace("GB = 1", "GB = 1\nZZ = 1\nstrict = true"), encoding="utf-8")
    result = run("digest", "--config", str(recipe))
    assert result.returncode == 2
    assert result.stderr.startswith("error: locales.ZZ: market not supported")


def test_unknown_preview_table(small_recipe: Path):
    result = run("preview", "--config", str(small_recipe), "--table", "orders")
    assert result.returncode == 2
    assert "unknown table" in result.stderr


def test_locales_list_and_validate():
    listed = run("locales", "list")
    assert listed.returncode == 0
    assert {line.split()[0] for line in listed.stdout.splitlines()} >= {"US", "GB", "DE"}
    us = next(line for line in listed.stdout.splitlines() if line.startswith("US "))
    assert "last_names: counts" in us  # how the lists were made, from locale.toml [sources]
    assert str(ROOT / "locales" / "US") in listed.stdout  # where the market is read from
    validated = run("locales", "validate")
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.count(": ok") >= 3


def test_validate_reports_a_broken_locale(tmp_path: Path):
    broken = tmp_path / "XX"
    broken.mkdir()
    for item in (ROOT / "locales" / "GB").iterdir():
        (broken / item.name).write_bytes(item.read_bytes())
    (broken / "last_names.csv").write_text("name,weight\nSmith,abc\n", encoding="utf-8")
    result = run("locales", "validate", str(broken))
    assert result.returncode == 1
    assert "last_names.csv" in result.stderr and "weight" in result.stderr


@pytest.mark.parametrize("preset", sorted(p.name for p in (ROOT / "configs").glob("*.toml")))
def test_shipped_presets_are_valid_and_within_their_limits(preset):
    from demogen.dataset import check_volume, estimate_rows
    from demogen.recipe import load_recipe

    recipe = load_recipe(ROOT / "configs" / preset)
    assert check_volume(recipe, sum(estimate_rows(recipe).values())) is None  # no volume warning for presets


def test_workers_change_nothing_in_the_output(tmp_path: Path):
    recipe = tmp_path / "blocks.toml"
    recipe.write_text(
        SMALL.replace("companies = 30", "companies = 20000").replace(
            "[volume]", "[limits]\nwarn_rows = 900000\n[volume]"
        ),
        encoding="utf-8",
    )
    one = run("digest", "--config", str(recipe), "--workers", "1")
    two = run("digest", "--config", str(recipe), "--workers", "2")
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and len(one.stdout.strip()) == 64
