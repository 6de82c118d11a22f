"""Recipes validate into frozen objects; every problem names its key path and a fix."""

import pytest
from pydantic import ValidationError

from conftest import AS_OF, DEFAULT, merged, recipe_from
from demogen.recipe import RecipeError, parse_recipe


def test_default_recipe_resolves_as_of_and_seed():
    recipe = recipe_from()
    assert recipe.as_of == AS_OF
    assert recipe.seed == 1
    assert recipe.locales == {"DE": 0.15, "GB": 0.25, "US": 0.6}


def test_recipe_is_frozen():
    recipe = recipe_from()
    with pytest.raises(ValidationError):
        recipe.volume.companies = 3  # type: ignore[misc]


def test_digest_covers_seed_and_as_of():
    assert recipe_from().digest() == recipe_from().digest()
    assert recipe_from().digest() != recipe_from(seed=2).digest()
    other_day = parse_recipe(DEFAULT, as_of=AS_OF.replace(day=1), today=AS_OF)
    assert recipe_from().digest() != other_day.digest()


@pytest.mark.parametrize(
    ("overrides", "where", "problem"),
    [
        ({"volume": {"companies": 0}}, "volume.companies", "must be >= 1"),
        ({"volume": {"companies": -5}}, "volume.companies", "must be >= 1"),
        ({"volume": {"companis": 5}}, "volume.companis", "unknown key"),
        ({"volume": {"users": "many"}}, "volume.users", "valid integer"),
        ({"deals": {"amount": {"dist": "pareto", "alpha": 0, "minimum": 5}}}, "deals.amount.alpha", "> 0"),
        ({"deals": {"amount": {"dist": "lognormal", "median": 5, "sigma": 0}}}, "deals.amount.sigma", "> 0"),
        (
            {"volume": {"contacts_per_company": {"dist": "lognormal", "median": 3, "sigma": 1, "min": 9, "max": 2}}},
            "volume.contacts_per_company",
            "min must not exceed max",
        ),
        ({"locales": {}}, "locales", "at least one market"),
        ({"locales": {"US": -1}}, "locales.US", "> 0"),
        ({"locales": {"usa": 1}}, "locales", "two-letter"),
        ({"tenant": {"name": "X", "as_of": "2026-13-01"}}, "tenant.as_of", "month"),
        ({"tenant": {"name": "X", "history_months": 0}}, "tenant.history_months", ">= 1"),
        ({"limits": {"warn_rows": 10, "max_rows": 5}}, "limits", "warn_rows must not exceed max_rows"),
        ({"deals": {"win_rate": 1.5}}, "deals.win_rate", "< 1"),
        (  # a law too wide to tabulate would take gigabytes before any check of the volume
            {"volume": {"deals_per_company": {"dist": "negbinom", "mean": 1e6, "dispersion": 0.01}}},
            "volume.deals_per_company",
            "the law reaches past 4,194,304 counts",
        ),
        (
            {"volume": {"activities_per_deal": {"dist": "poisson", "mean": 5000, "max": 100}}},
            "volume.activities_per_deal",
            "almost no counts fall between min and max",
        ),
        (
            {"volume": {"deals_per_company": {"dist": "poisson", "mean": 2, "max": 10**9}}},
            "volume.deals_per_company.max",
            "<=",
        ),
    ],
)
def test_invalid_values_name_the_key_path(overrides, where, problem):
    data = merged(DEFAULT, overrides)
    if "tenant" in overrides and "as_of" in overrides["tenant"]:
        data["tenant"]["as_of"] = overrides["tenant"]["as_of"]
    with pytest.raises(RecipeError) as caught:
        parse_recipe(data, today=AS_OF)
    assert caught.value.where == where
    assert problem in caught.value.problem
    assert caught.value.fix
    assert "\n" not in str(caught.value)


def test_missing_tenant_section():
    with pytest.raises(RecipeError) as caught:
        parse_recipe({}, today=AS_OF)
    assert caught.value.where == "tenant"


def test_strict_is_read_from_the_locale_table():
    recipe = recipe_from({"locales": {"US": 1.0, "strict": True}})
    assert recipe.strict_locales is True
    assert recipe.locales == {"US": 1.0}


def test_pipeline_needs_won_and_lost_stages():
    stages = [
        {"name": "Open", "probability": 0.5},
        {"name": "Won", "probability": 1, "is_closed": True, "is_won": True},
    ]
    with pytest.raises(RecipeError) as caught:
        recipe_from({"pipeline": {"stages": stages}})
    assert caught.value.where == "pipeline.stages"
