"""Name variety and concentration match the real population; the metrics themselves behave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import AS_OF, frames_of, recipe_from
from demogen import realism
from demogen.dataset import build_plan
from demogen.locales import load_locale


def test_gini_and_top_share():
    assert realism.gini(np.ones(100)) == pytest.approx(0.0)
    assert realism.gini(np.r_[np.zeros(99), 1.0]) == pytest.approx(0.99)
    assert realism.top_fraction_share(np.r_[np.full(80, 1.0), np.full(20, 16.0)], 0.2) == pytest.approx(0.8)
    share, value = realism.lorenz_curve(np.arange(1, 101))
    assert value[0] == 0 and value[-1] == pytest.approx(1.0)
    assert np.all(value <= share + 1e-12)


def test_expected_distinct_matches_simulation():
    weights = np.array([50, 30, 10, 5, 5] + [1] * 200)
    expected = realism.expected_distinct(weights, 300)
    rng = np.random.Generator(np.random.Philox(3))
    simulated = np.mean([len(set(rng.choice(len(weights), 300, p=weights / weights.sum()))) for _ in range(200)])
    assert simulated == pytest.approx(expected, rel=0.03)


def test_realism_report_on_a_mixed_tenant(mixed_frames):
    zones = {code: load_locale(code).timezone for code in ("US", "GB", "DE")}
    report = realism.realism_report(mixed_frames, zones)
    assert report["contact_phone_validity"] == 1.0
    assert report["company_phone_validity"] == 1.0
    assert report["activities_on_weekdays"] > 0.95
    assert report["activities_in_working_hours"] > 0.95
    assert 0.4 < report["deal_value_gini"] < 0.9
    assert report["deal_value_top20_share"] > 0.45
    assert report["duplicate_full_name_rate"] < 0.05


def test_stage_funnel_orders_by_position(mixed_frames):
    funnel = realism.stage_funnel(mixed_frames["deals"], mixed_frames["pipeline_stages"])
    assert funnel["position"].tolist() == sorted(funnel["position"])
    assert funnel["deals"].sum() == len(mixed_frames["deals"])


def test_win_rate_is_won_over_closed():
    deals = pd.DataFrame({"status": ["won", "lost", "lost", "open", "won", "lost"]})
    assert realism.win_rate(deals) == pytest.approx(2 / 5)
    assert np.isnan(realism.win_rate(pd.DataFrame({"status": ["open"]})))


def test_per_company_per_month_and_per_owner_counts(mixed_frames):
    deals, companies, users = mixed_frames["deals"], mixed_frames["companies"], mixed_frames["users"]
    per_company = realism.deals_per_company(deals, companies)
    assert len(per_company) == len(companies) and per_company.sum() == len(deals)
    assert (per_company == 0).any()
    monthly = realism.deals_per_month(deals)
    assert monthly["created"].sum() == len(deals)
    assert monthly["won"].sum() == (deals["status"] == "won").sum()
    assert monthly["month"].diff().dropna().dt.days.between(28, 31).all()
    owners = realism.deals_per_owner(deals, users)
    assert len(owners) == len(users) and owners["deals"].sum() == len(deals)
    assert owners["value"].is_monotonic_decreasing
    assert owners["value"].sum() == pytest.approx(deals["amount"].sum())


def test_name_counts_most_common_first_and_per_market(mixed_frames):
    contacts = mixed_frames["contacts"]
    counts = realism.name_counts(contacts, "last_name")
    assert counts.sum() == len(contacts) and counts.is_monotonic_decreasing
    german = realism.name_counts(contacts, "first_name", "DE")
    assert german.sum() == (contacts["country"] == "DE").sum()
    with pytest.raises(ValueError, match="first_name"):
        realism.name_counts(contacts, "email")


def test_reference_variety_is_the_national_figure_at_10000_people():
    reference = realism.reference_variety(["US", "GB", "XX"])
    assert reference["US.first"] == load_locale("US").reference["distinct_first_names_per_10k"]
    assert reference["GB.last"] == load_locale("GB").reference["distinct_last_names_per_10k"]
    assert not any(key.startswith("XX.") for key in reference)


def test_small_samples_compare_with_a_size_matched_reference():
    """Under 10,000 people the per-10k figure is scaled up and runs high; the matched reference does the same."""
    plan = build_plan(recipe_from({"volume": {"companies": 150}, "locales": {"GB": 1}}, seed=9))
    metrics = realism.name_variety_by_market(frames_of(plan)["contacts"])
    assert list(metrics) == ["GB"] and metrics["GB"]["people"] < 1000
    national = realism.reference_variety(["GB"])
    matched = realism.reference_variety(["GB"], {"GB": metrics["GB"]["people"]})
    assert matched["GB.first"] > 1.5 * national["GB.first"]
    assert metrics["GB"]["first"] == pytest.approx(matched["GB.first"], rel=0.1)
    assert metrics["GB"]["last"] == pytest.approx(matched["GB.last"], rel=0.15)


def test_deal_age_by_stage_lists_the_open_stages_in_pipeline_order(mixed_frames):
    ages = realism.deal_age_by_stage(mixed_frames["deals"], mixed_frames["pipeline_stages"], pd.Timestamp(AS_OF))
    assert ages["name"].tolist() == ["Lead", "Qualified", "Discovery", "Proposal", "Negotiation"]
    assert ages["deals"].sum() == (mixed_frames["deals"]["status"] == "open").sum()
    assert ages["median_age_days"].is_monotonic_increasing
