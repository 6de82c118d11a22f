"""Every preset reads like a sales business: the story metrics of `realism.story_report` in realistic ranges.

The ranges and the reasons for them are in docs/STORY.md; each preset is generated once (about a second each).
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import pytest

from conftest import ROOT, frames_of
from demogen.dataset import build_plan
from demogen.realism import story_report
from demogen.recipe import load_recipe

AS_OF = dt.date(2026, 12, 1)
PRESETS = sorted(p.stem for p in (ROOT / "configs").glob("*.toml"))
RANGES = {
    # metric: (low, high), inclusive; see docs/STORY.md for why
    "industry_name_agreement": (0.95, 1.0),
    "legal_form_misfit_share": (0.0, 0.01),
    "duplicate_company_names": (0, 0),
    "domains_with_digits": (0, 0),
    "real_domain_clashes": (0, 0),
    "upsell_without_win_share": (0.0, 0.0),
    "new_business_share": (0.6, 0.95),
    "stage_order_violation_share": (0.0, 0.02),
    "onboarding_before_win_share": (0.0, 0.0),
    "close_slip_share": (0.5, 0.95),
    "close_slip_median_days": (1, 30),
    "overdue_open_share": (0.08, 0.4),
    "stale_open_share": (0.1, 0.5),
    "created_last_to_first_quarter": (0.9, 1.8),
    "won_value_largest_month_share": (0.0, 0.2),
    "largest_won_deal_share": (0.0, 0.1),
    "quarter_end_won_share": (0.38, 0.65),
    "rep_top_share": (0.0, 0.3),
    "rep_top_to_median": (1.3, 3.2),
    "rep_min_deals": (1, float("inf")),
    "admin_owned_deals": (0, 0),
    "admin_owned_companies": (0, 0),
    "deals_before_owner_joined": (0, 0),
    "chief_executive_misfit_share": (0.0, 0.0),
    "repeated_executive_titles": (0, 0),
    "owners_at_firms_of_50_plus": (0, 0),
    "senior_share_besides_chief_large": (0.15, 0.45),
    "junior_contact_on_top_deals_share": (0.0, 0.1),
    "primary_seniority_amount_correlation": (0.25, 1.0),
    "holiday_activity_share": (0.0005, 0.01),
    "open_deal_age_stage_correlation": (0.4, 0.95),
}


@functools.cache
def report(preset: str) -> dict[str, float]:
    recipe = load_recipe(ROOT / "configs" / f"{preset}.toml", as_of=AS_OF)
    return story_report(frames_of(build_plan(recipe)), pd.Timestamp(AS_OF))


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("metric", sorted(RANGES))
def test_story_metric_is_in_its_realistic_range(preset, metric):
    low, high = RANGES[metric]
    assert low <= report(preset)[metric] <= high, f"{preset}: {metric} = {report(preset)[metric]}"


@pytest.mark.parametrize("preset", PRESETS)
def test_won_deals_carry_more_activity_than_lost_ones(preset):
    metrics = report(preset)
    assert metrics["activities_per_won_deal"] > 1.25 * metrics["activities_per_lost_deal"]


@pytest.mark.parametrize("preset", ["default", "uk-smb"])
def test_micro_firms_have_no_directors_besides_the_owner(preset):
    assert report(preset)["senior_share_besides_chief_micro"] == 0


@pytest.mark.parametrize("preset", PRESETS)
def test_open_deals_in_later_stages_are_older(preset):
    metrics = report(preset)
    assert metrics["open_deal_age_last_stage_days"] > 3 * metrics["open_deal_age_first_stage_days"]
