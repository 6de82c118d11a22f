"""Shared fixtures: recipes built in code, plans and whole-table frames of small tenants."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from demogen.dataset import Plan, build_plan, iter_blocks
from demogen.export import collect_frames
from demogen.recipe import Recipe, parse_recipe

# casebook: counts for docs/RELIABILITY.md and docs/SECURITY.md; dbtools: the database fixtures of every module
pytest_plugins = ("casebook", "dbtools")

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 28)
DEFAULT = tomllib.loads((ROOT / "configs" / "default.toml").read_text(encoding="utf-8"))


def merged(base: dict, overrides: dict) -> dict:
    """Deep-merge overrides into a recipe mapping; a market mix or a distribution replaces the old one whole."""
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        replace_whole = key == "locales" or "dist" in value if isinstance(value, dict) else True
        if isinstance(value, dict) and isinstance(out.get(key), dict) and not replace_whole:
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def recipe_from(overrides: dict | None = None, *, seed: int | None = None) -> Recipe:
    """The default recipe with overrides, pinned to AS_OF."""
    return parse_recipe(merged(DEFAULT, overrides or {}), seed=seed, as_of=AS_OF, today=AS_OF)


def cli_digest(config: Path) -> str:
    """`demogen digest --config` of a recipe file, in a process of its own (what a user would run)."""
    return subprocess.run(
        [sys.executable, "-m", "demogen.cli", "digest", "--config", str(config)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def frames_of(plan: Plan) -> dict:
    return collect_frames(iter_blocks(plan))


def company_names(plan: Plan) -> dict[str, list[str]]:
    """Every company's name, name without its legal form ("base") and domain, as the blocks are given them."""
    blocks = [plan.names.block(block) for block in range(plan.blocks)]
    return {
        key: [value.decode() for names in blocks for value in names[at]]
        for at, key in enumerate(("name", "base", "domain"))
    }


@pytest.fixture(scope="session")
def mixed_plan() -> Plan:
    """A three-market tenant big enough to span several company blocks."""
    return build_plan(recipe_from({"volume": {"companies": 2500, "users": 15}}, seed=11))


@pytest.fixture(scope="session")
def mixed_frames(mixed_plan: Plan) -> dict:
    return frames_of(mixed_plan)
