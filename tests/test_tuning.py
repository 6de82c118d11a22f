"""Recipe editing as the app does it: TOML round trips, one-key edits that validate, links, law switches, shelf."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from test_properties import valid_overrides

from conftest import AS_OF, DEFAULT, ROOT, merged, recipe_from
from demogen.distributions import AmountLaw, CountLaw
from demogen.recipe import RecipeError, load_recipe, parse_recipe
from demogen.tuning import (
    RecipeShelf,
    decode_recipe,
    dump_toml,
    encode_recipe,
    load_toml,
    recipe_diff,
    sample_recipe,
    switch_law,
    with_value,
    with_values,
)

PRESETS = sorted((ROOT / "configs").glob("*.toml"))


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.stem)
def test_every_preset_round_trips_through_toml_and_links(preset):
    recipe = load_recipe(preset, today=AS_OF)
    assert load_toml(dump_toml(recipe), today=dt.date(2000, 1, 1)) == recipe
    assert decode_recipe(encode_recipe(recipe)) == recipe


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_overrides)
def test_generated_recipes_round_trip_through_toml(overrides):
    recipe = parse_recipe(merged(DEFAULT, overrides), today=AS_OF)
    assert load_toml(dump_toml(recipe), today=dt.date(2000, 1, 1)) == recipe


def test_an_edit_returns_a_new_valid_recipe_and_an_invalid_one_raises_the_recipe_error():
    recipe = recipe_from()
    assert with_value(recipe, "deals.amount.alpha", 1.7).deals.amount.law.alpha == 1.7
    assert recipe.deals.amount.law.alpha == 1.3
    with pytest.raises(RecipeError, match=r"^volume\.companies: must be >= 1"):
        with_value(recipe, "volume.companies", 0)
    with pytest.raises(RecipeError, match="unknown key"):
        with_value(recipe, "volume.compnies", 3)


def test_the_diff_names_each_changed_key():
    recipe = recipe_from()
    changed = with_values(recipe, {"seed": 9, "deals.amount.alpha": 1.5})
    assert recipe_diff(recipe, changed) == [("deals.amount.alpha", 1.3, 1.5), ("seed", recipe.seed, 9)]
    assert recipe_diff(recipe, recipe) == []


def test_a_damaged_or_oversized_link_is_a_recipe_error():
    with pytest.raises(RecipeError, match="damaged"):
        decode_recipe("definitely-not-base64!")
    import base64
    import zlib

    bomb = base64.urlsafe_b64encode(zlib.compress(b"[" + b" " * (8 << 20) + b"]", 9)).decode()
    with pytest.raises(RecipeError, match="damaged"):
        decode_recipe(bomb)


@pytest.mark.parametrize(
    ("family", "union", "law", "dist"),
    [
        ("amount", AmountLaw, {"dist": "pareto", "alpha": 1.3, "minimum": 2000, "cap": 2_000_000}, "lognormal"),
        ("amount", AmountLaw, {"dist": "lognormal", "median": 9000, "sigma": 0.7, "minimum": 500}, "pareto"),
        ("count", CountLaw, {"dist": "poisson", "mean": 2.5, "min": 1, "max": 9}, "negbinom"),
    ],
)
def test_switching_a_law_keeps_its_bounds(family, union, law, dist):
    recipe = recipe_from()
    path = "deals.amount" if family == "amount" else "volume.deals_per_company"
    switched = with_value(recipe, path, switch_law(law, dist, family, union))
    new = switched.deals.amount.law if family == "amount" else switched.volume.deals_per_company
    assert new.dist == dist
    if family == "amount":
        assert new.support()[0] == law.get("minimum", law.get("min"))
    else:
        assert (new.min, new.max) == (1, 9)


def test_a_sample_is_the_full_tenant_cut_to_about_ten_thousand_deals():
    big = with_value(recipe_from(), "volume.companies", 100_000)
    sample = sample_recipe(big)
    assert 6_000 < sample.volume.companies < 7_000
    assert sample_recipe(recipe_from()) == recipe_from()


def test_the_shelf_saves_and_loads_by_name_and_refuses_odd_names(tmp_path):
    shelf = RecipeShelf(tmp_path / "recipes")
    recipe = recipe_from({"volume": {"companies": 12}})
    shelf.save("Small tenant", recipe)
    assert shelf.names() == ["Small tenant"]
    assert shelf.load("Small tenant") == recipe
    for name in ("../escape", "", ".hidden", "a/b"):
        with pytest.raises(RecipeError, match="recipe name"):
            shelf.save(name, recipe)
