"""Property tests: any valid recipe yields data that holds the invariants; any invalid one exits 2, writes nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import AS_OF, DEFAULT, merged
from demogen.cli import app
from demogen.dataset import build_plan, iter_blocks
from demogen.export import collect_frames
from demogen.recipe import parse_recipe

markets = st.dictionaries(st.sampled_from(["US", "GB", "DE"]), st.floats(0.05, 5), min_size=1, max_size=3)
counts = st.one_of(
    st.builds(lambda m, x: {"dist": "poisson", "mean": m, "max": x}, st.floats(0.2, 4), st.integers(1, 12)),
    st.builds(
        lambda m, d, x: {"dist": "negbinom", "mean": m, "dispersion": d, "max": x},
        st.floats(0.5, 8),
        st.floats(0.3, 5),
        st.integers(1, 20),
    ),
    st.builds(lambda v: {"dist": "fixed", "value": v}, st.integers(0, 4)),
)
amounts = st.one_of(
    st.builds(
        lambda a, m, c: {"dist": "pareto", "alpha": a, "minimum": m, "cap": m * c},
        st.floats(0.5, 3),
        st.floats(10, 50_000),
        st.floats(2, 1000),
    ),
    st.builds(
        lambda md, s: {"dist": "lognormal", "median": md, "sigma": s}, st.floats(100, 100_000), st.floats(0.1, 2)
    ),
)
valid_overrides = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 2**63 - 1),
        "tenant": st.fixed_dictionaries(
            {
                "name": st.just("Larkspur Freight"),
                "country": st.sampled_from(["US", "GB", "DE"]),
                "history_months": st.integers(1, 60),
            }
        ),
        "locales": markets,
        "volume": st.fixed_dictionaries(
            {
                "users": st.integers(1, 8),
                "companies": st.integers(1, 40),
                "contacts_per_company": st.builds(
                    lambda md, x: {"dist": "lognormal", "median": md, "sigma": 0.8, "min": 1, "max": x},
                    st.floats(1, 6),
                    st.integers(1, 15),
                ),
                "deals_per_company": counts,
                "activities_per_deal": counts,
            }
        ),
        "deals": st.fixed_dictionaries({"amount": amounts, "win_rate": st.floats(0.05, 0.9)}),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_overrides)
def test_any_valid_recipe_yields_consistent_data(overrides):
    recipe = parse_recipe(merged(DEFAULT, overrides), today=AS_OF)
    plan = build_plan(recipe)
    frames = collect_frames(iter_blocks(plan))
    assert {t: len(f) for t, f in frames.items()} == plan.row_counts()
    contacts, deals, activities = frames["contacts"], frames["deals"], frames["activities"]
    assert contacts["email"].is_unique
    assert set(deals["contact_id"]) <= set(contacts["id"])
    assert set(activities["deal_id"].dropna()) <= set(deals["id"])  # account activities (kick-offs) have none
    closed = deals.dropna(subset=["closed_at"])
    assert (closed["closed_at"] >= closed["created_at"]).all()
    low, high = recipe.deals.amount.law.support()
    assert deals["amount"].between(low - 0.005, high + 0.005).all()
    assert (frames["companies"]["employees"] >= 1).all()


def _invalid(draw_key: str, value) -> dict:
    section, key = draw_key.split(".")
    return merged(DEFAULT, {section: {key: value}})


invalid = st.one_of(
    st.builds(lambda v: _invalid("volume.companies", v), st.integers(-10, 0)),
    st.builds(lambda v: _invalid("volume.users", v), st.one_of(st.integers(-5, 0), st.integers(5001, 10**6))),
    st.builds(lambda v: _invalid("deals.win_rate", v), st.one_of(st.floats(max_value=0), st.floats(min_value=1))),
    st.builds(lambda v: _invalid("tenant.history_months", v), st.integers(121, 10_000)),
    st.builds(lambda v: _invalid("volume.mystery", v), st.integers()),
    st.builds(lambda a: _invalid("deals.amount", {"dist": "pareto", "alpha": a, "minimum": 10}), st.floats(-5, 0)),
    st.builds(lambda s: _invalid("deals.amount", {"dist": "lognormal", "median": 10, "sigma": s}), st.floats(-5, 0)),
    st.builds(lambda c: merged(DEFAULT, {"locales": {c: 1.0}}), st.text("abcxyz", min_size=1, max_size=4)),
)


def _to_toml(data: dict) -> str:
    def value(v):
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        if isinstance(v, str):
            return '"' + v.replace('"', '\\"') + '"'
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float) and not np.isfinite(v):
            return "inf" if v > 0 else ("-inf" if v < 0 else "nan")
        return repr(v)

    lines = [f"{k} = {value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for section, body in data.items():
        if isinstance(body, dict):
            lines.append(f"[{section}]")
            lines.extend(f"{k} = {value(v)}" for k, v in body.items())
    return "\n".join(lines) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(invalid)
def test_any_invalid_recipe_exits_2_and_writes_nothing(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bad")
    recipe = folder / "bad.toml"
    recipe.write_text(_to_toml(data), encoding="utf-8")
    tomllib.loads(recipe.read_text(encoding="utf-8"))
    out = folder / "out"
    result = CliRunner().invoke(app, ["export", "--config", str(recipe), "--out", str(out), "--as-of", "2026-11-28"])
    assert result.exit_code == 2, result.output
    assert not out.exists()
    assert sorted(p.name for p in Path(folder).iterdir()) == ["bad.toml"]
