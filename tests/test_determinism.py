"""Same recipe -> same bytes: across runs, processes, hash seeds, block order; prefix-stable; pinned goldens."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT, recipe_from
from demogen.dataset import build_plan, iter_blocks
from demogen.export import digest_blocks
from demogen.generate.activities import generate_activities
from demogen.generate.companies import generate_companies
from demogen.generate.contacts import generate_contacts
from demogen.generate.deals import generate_deals

GOLDEN_RECIPES = {
    # (companies, seed, market mix) -> digest as of generator version 30; update together with GENERATOR_VERSION
    "default-300": ({"volume": {"companies": 300}}, 1),
    "us-only-150": ({"volume": {"companies": 150}, "locales": {"US": 1}}, 42),
    "de-home-200": (
        {
            "volume": {"companies": 200},
            "tenant": {"name": "Nordlicht Maschinenbau", "country": "DE"},
            "locales": {"DE": 1},
        },
        7,
    ),
}
GOLDEN_DIGESTS = {
    "default-300": "4b7863b8286cf9da95bec8a15b624de66f3b0d79a57d0d3e61e9c6766a31c292",
    "us-only-150": "897a577c0ec2e3cf044d71dbc80642965fc4a2c529f4c502da2483c6ca73916f",
    "de-home-200": "f4003a4d16937a5e55a95887ffb1d03c7bc919ba0e0e596eefe69512ac6e29a4",
}


def digest_of(overrides: dict, seed: int) -> str:
    return digest_blocks(iter_blocks(build_plan(recipe_from(overrides, seed=seed))))


@pytest.mark.parametrize("name", sorted(GOLDEN_RECIPES))
def test_golden_digests(name):
    overrides, seed = GOLDEN_RECIPES[name]
    assert digest_of(overrides, seed) == GOLDEN_DIGESTS[name]


def test_same_recipe_same_digest_and_seed_changes_it():
    overrides = {"volume": {"companies": 120}}
    assert digest_of(overrides, 5) == digest_of(overrides, 5)
    assert digest_of(overrides, 5) != digest_of(overrides, 6)


def test_digest_is_the_same_in_processes_with_different_hash_seeds(tmp_path):
    recipe = tmp_path / "r.toml"
    recipe.write_text(
        '[tenant]\nname = "Harbor Lines"\nas_of = "2026-11-28"\n[locales]\nUS = 1\nDE = 1\nGB = 1\n'
        "[volume]\ncompanies = 200\n",
        encoding="utf-8",
    )
    digests = set()
    for hash_seed in ("0", "1", "random"):
        result = subprocess.run(
            [sys.executable, "-m", "demogen.cli", "digest", "--config", str(recipe), "--seed", "9"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def _same_block(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key, values in a.items():
        assert np.array_equal(values, b[key]), key


def test_blocks_do_not_depend_on_generation_order():
    """Also not on when the company names are made: a fresh plan (a pickled copy, as worker processes get) asked
    for its last block first names every block before it the same."""
    recipe = recipe_from({"volume": {"companies": 3000}}, seed=3)
    sequential = [block for table, block in iter_blocks(build_plan(recipe)) if table == "activities"]
    plan = pickle.loads(pickle.dumps(build_plan(recipe)))
    context = plan.context
    for block in reversed(range(plan.blocks)):
        companies = generate_companies(context, plan, block)
        contacts = generate_contacts(context, plan, block, companies=companies)
        deals = generate_deals(context, plan, block, companies=companies, contacts=contacts)
        activities = generate_activities(context, plan, block, companies=companies, contacts=contacts, deals=deals)
        _same_block(activities, sequential[block])


def test_raising_the_company_count_keeps_existing_rows():
    small = {t: b for t, b in _tables(400).items()}
    large = _tables(1500)
    for table, rows in small.items():
        for column, values in rows.items():
            assert np.array_equal(values, large[table][column][: len(values)]), f"{table}.{column}"


def _tables(companies: int) -> dict[str, dict[str, np.ndarray]]:
    plan = build_plan(recipe_from({"volume": {"companies": companies}}, seed=21))
    out: dict[str, dict[str, list]] = {}
    for table, block in iter_blocks(plan):
        target = out.setdefault(table, {})
        for column, values in block.items():
            if not column.startswith("_"):
                target.setdefault(column, []).append(values)
    return {t: {c: np.concatenate(v) for c, v in cols.items()} for t, cols in out.items()}
