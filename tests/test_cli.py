"""The command line: outputs, exit codes, one-line errors, and nothing written on bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

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
    assert "== contacts" in result.stdout
    assert len(result.stdout.strip().splitlines()) == 5


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
