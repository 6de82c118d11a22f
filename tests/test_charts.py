"""The figure builders draw what the sample holds, overlay samples by label and stay free of streamlit."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from conftest import ROOT, frames_of, recipe_from
from demogen import charts, realism
from demogen.dataset import build_plan

SMALL = {"volume": {"companies": 300}}


@pytest.fixture(scope="module")
def recipe():
    return recipe_from(SMALL, seed=3)


@pytest.fixture(scope="module")
def frames(recipe):
    return frames_of(build_plan(recipe))


@pytest.fixture(scope="module")
def other_frames():
    return frames_of(build_plan(recipe_from(SMALL, seed=4)))


def builders(recipe):
    """Every builder that takes samples, with the arguments the app passes."""
    return {
        "deal_amounts": lambda s: charts.deal_amounts(s, recipe.deals.amount.law, currency="USD"),
        "lorenz": charts.lorenz,
        "deals_per_company": lambda s: charts.deals_per_company(s, recipe.volume.deals_per_company),
        "stage_funnel": charts.stage_funnel,
        "deals_per_month": charts.deals_per_month,
        "deals_per_rep": charts.deals_per_rep,
        "top_first_names": lambda s: charts.top_names(s, "first_name"),
        "top_last_names_gb": lambda s: charts.top_names(s, "last_name", top=10, country="GB"),
    }


BUILDERS = list(builders(None))


def traces_of(figure: go.Figure, label: str) -> list:
    return [trace for trace in figure.data if trace.legendgroup == label]


def color_of(trace) -> str:
    if isinstance(trace, go.Bar):
        return trace.marker.color
    return trace.line.color if trace.mode and "lines" in trace.mode else trace.marker.color


def histogram_counts(trace) -> np.ndarray:
    return np.asarray(trace.customdata, dtype=np.float64)[:-1, 2]


@pytest.mark.parametrize("name", BUILDERS)
def test_every_builder_returns_a_compact_titled_figure(name, recipe, frames):
    figure = builders(recipe)[name]({"seed 3": frames})
    assert isinstance(figure, go.Figure)
    assert figure.layout.template.layout == pio.templates["plotly_white"].layout
    assert figure.layout.title.text and "·" in figure.layout.title.text
    assert figure.layout.xaxis.title.text is not None
    assert max(figure.layout.margin.l, figure.layout.margin.r, figure.layout.margin.b) <= 10
    assert all(trace.hovertemplate or trace.hoverinfo == "skip" for trace in figure.data)
    json.loads(figure.to_json())  # what the app ships to the browser


@pytest.mark.parametrize("name", BUILDERS)
def test_two_labels_give_twice_the_traces_in_distinct_colors(name, recipe, frames, other_frames):
    build = builders(recipe)[name]
    one = build({"seed 3": frames})
    two = build({"seed 3": frames, "seed 4": other_frames})
    first, second = traces_of(two, "seed 3"), traces_of(two, "seed 4")
    assert len(traces_of(one, "seed 3")) == len(first) == len(second) >= 1
    assert len(two.data) - len(one.data) == len(second)
    assert {color_of(t) for t in first} == {charts.PALETTE[0]}
    assert {color_of(t) for t in second} == {charts.PALETTE[1]}


def test_deal_amounts_bins_every_deal_on_a_log_axis(frames):
    figure = charts.deal_amounts({"a": frames})
    assert figure.layout.xaxis.type == "log"
    (histogram,) = figure.data  # no law, no overlay
    assert histogram_counts(histogram).sum() == len(frames["deals"])
    edges = np.asarray(histogram.x, dtype=np.float64)
    assert np.allclose(np.diff(np.log(edges[1:-1])), np.diff(np.log(edges[1:-1]))[0])  # log-spaced


def test_deal_amounts_overlay_is_the_expected_count_per_bin(recipe):
    law = recipe.deals.amount.law
    big = frames_of(build_plan(recipe_from({"volume": {"companies": 3000}}, seed=8)))
    figure = charts.deal_amounts({"a": big}, law)
    histogram, expected = figure.data
    n = len(big["deals"])
    assert expected.line.dash == "dash" and expected.legendgroup == "a"
    assert expected.meta["expected_total"] == pytest.approx(n, rel=1e-9)  # bins span the capped support
    counts, mean = histogram_counts(histogram), np.asarray(expected.y, dtype=np.float64)[:-1]
    assert mean.sum() == pytest.approx(n)
    sizable = mean > 20
    z = (counts[sizable] - mean[sizable]) / np.sqrt(mean[sizable])
    assert np.abs(z).max() < 5, "a sample of the configured law lies on its overlay"
    assert f"{law.alpha:g}" in expected.name


def test_deal_amounts_overlay_per_label_from_a_mapping(recipe, frames, other_frames):
    lognormal = recipe_from({"deals": {"amount": {"dist": "lognormal", "median": 8000, "sigma": 1.0}}}).deals
    laws = {"a": recipe.deals.amount.law, "b": lognormal.amount.law}
    figure = charts.deal_amounts({"a": frames, "b": other_frames}, laws)
    overlays = [t for t in figure.data if t.line.dash == "dash"]
    assert [t.legendgroup for t in overlays] == ["a", "b"]
    assert "log-normal" in overlays[1].name


def test_lorenz_reports_gini_and_top_share(frames):
    amounts = frames["deals"]["amount"].to_numpy()
    figure = charts.lorenz({"a": frames})
    gini, top = realism.gini(amounts), realism.top_fraction_share(amounts)
    assert f"Gini {gini:.2f} · top 20% hold {top:.0%}" in figure.layout.title.text
    curve = next(t for t in figure.data if t.legendgroup == "a" and t.mode == "lines")
    assert curve.meta == {"gini": gini, "top20_share": top}
    assert figure.data[0].name == "equal deals" and list(figure.data[0].y) == [0, 1]


def test_deals_per_company_counts_companies_without_deals(recipe, frames):
    figure = charts.deals_per_company({"a": frames}, recipe.volume.deals_per_company)
    bars, expected = figure.data
    k, companies = np.asarray(bars.x), np.asarray(bars.y)
    assert k[0] == 0 and companies[0] > 0
    assert companies.sum() == len(frames["companies"])
    assert (k * companies).sum() == len(frames["deals"])
    assert np.asarray(expected.y).sum() == pytest.approx(len(frames["companies"]), rel=0.01)


def test_stage_funnel_counts_sum_to_deals_in_position_order(frames):
    figure = charts.stage_funnel({"a": frames})
    (bars,) = figure.data
    stages = frames["pipeline_stages"].sort_values("position")
    assert list(bars.y) == stages["name"].tolist()
    assert sum(bars.x) == len(frames["deals"])
    assert figure.layout.yaxis.autorange == "reversed"
    assert f"win rate {realism.win_rate(frames['deals']):.0%}" in figure.layout.title.text


def test_deals_per_month_counts_created_and_won(frames):
    created, won = charts.deals_per_month({"a": frames}).data
    deals = frames["deals"]
    assert sum(created.y) == len(deals)
    assert sum(won.y) == int((deals["status"] == "won").sum())
    assert won.line.dash == "dash"


def test_deals_per_rep_by_name_or_by_rank(frames, other_frames):
    value, count = charts.deals_per_rep({"a": frames}).data
    users = frames["users"]
    names = set(users["first_name"].astype(str) + " " + users["last_name"].astype(str))
    assert set(value.x) == names
    assert list(value.y) == sorted(value.y, reverse=True)
    assert sum(value.y) == pytest.approx(frames["deals"]["amount"].sum())
    assert sum(count.y) == len(frames["deals"]) and count.yaxis == "y2"
    compared = charts.deals_per_rep({"a": frames, "b": other_frames})
    assert compared.data[0].x[0] == "#1" and compared.layout.xaxis.title.text.startswith("Owner rank")


def test_top_names_are_the_most_common_names(frames):
    contacts = frames["contacts"]
    (bars,) = charts.top_names({"a": frames}, "last_name", top=5).data
    common = contacts["last_name"].astype(str).value_counts()
    assert list(bars.customdata) == common.iloc[:5].tolist()
    assert bars.x[0] == pytest.approx(common.iloc[0] / len(contacts))
    gb = contacts[contacts["country"] == "GB"]
    (bars,) = charts.top_names({"a": frames}, "first_name", country="GB").data
    assert set(bars.y) <= set(gb["first_name"].astype(str))
    assert sum(bars.customdata) <= len(gb)


def test_name_variety_draws_markets_against_their_references(frames):
    metrics = realism.name_variety_by_market(frames["contacts"])
    people = {code: m["people"] for code, m in metrics.items()}
    reference = realism.reference_variety(metrics, people)
    figure = charts.name_variety(metrics, reference)
    first_bars, first_ref, last_bars, last_ref = figure.data
    assert list(last_bars.y) == [metrics[c]["last"] for c in metrics]
    assert list(first_bars.x[0]) == list(metrics) == ["DE", "GB", "US"]
    assert list(first_bars.y) == [metrics[c]["first"] for c in metrics]
    assert list(last_ref.y) == [reference[f"{c}.last"] for c in metrics]
    assert first_ref.legendgroup == last_ref.legendgroup == "reference"
    gap = max(abs(metrics[c][k] / reference[f"{c}.{k}"] - 1) for c in metrics for k in ("first", "last"))
    assert f"within {gap:.0%}" in figure.layout.title.text


def test_importing_charts_does_not_import_streamlit():
    code = "import sys, demogen.charts; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def test_deal_charts_for_10000_deals_build_well_within_a_redraw():
    """The app redraws within 0.5 s including generation; the six deal charts take about 0.1 s of it."""
    recipe = recipe_from({"volume": {"companies": 6700}, "limits": {"warn_rows": 1_000_000}})
    samples = {"a": frames_of(build_plan(recipe))}
    assert len(samples["a"]["deals"]) > 9_500
    law, counts = recipe.deals.amount.law, recipe.volume.deals_per_company
    build = [
        lambda: charts.deal_amounts(samples, law),
        lambda: charts.lorenz(samples),
        lambda: charts.deals_per_company(samples, counts),
        lambda: charts.stage_funnel(samples),
        lambda: charts.deals_per_month(samples),
        lambda: charts.deals_per_rep(samples),
    ]
    for chart in build:  # warm up (first use of each plotly trace type)
        chart()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for chart in build:
            chart()
        best = min(best, time.perf_counter() - start)
    assert best < 0.5


@pytest.mark.parametrize("name", BUILDERS)
def test_a_tenant_without_deals_still_draws(name):
    recipe = recipe_from({"volume": {"companies": 20, "deals_per_company": {"dist": "fixed", "value": 0}}})
    empty = frames_of(build_plan(recipe))
    assert empty["deals"].empty
    figure = builders(recipe)[name]({"none": empty})
    json.loads(figure.to_json())
    expected_end = {
        "deals_per_company": "100% have none",
        "stage_funnel": "win rate – (won / closed)",
        "top_first_names": "of contacts",
        "top_last_names_gb": "of contacts",
    }
    assert figure.layout.title.text.endswith(expected_end.get(name, charts.NO_DEALS))
