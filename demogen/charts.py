"""Plotly figure builders for the app and the notebooks: pure functions of samples and metrics (no streamlit).

Every deal and name chart takes `samples`, a mapping label -> frames (as returned by `export.collect_frames`), so
the same builder draws one sample (`{"seed 1": frames}`) or overlays several on the Compare page. A label keeps
its colour in every chart (first label `PALETTE[0]`, second `PALETTE[1]`, ...), and each label's traces carry
`legendgroup=label`, so clicking a legend entry hides that sample everywhere in the figure. The headline metric
of a chart is in its title (per label when there are several). Numbers come from `demogen.realism`, so the app,
the notebooks and the tests measure the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from demogen import realism

Frames = Mapping[str, pd.DataFrame]
Samples = Mapping[str, Frames]

PALETTE = ("#2563eb", "#ea580c", "#059669", "#9333ea", "#db2777", "#0891b2")
"""Colour of the first, second, ... label (the Compare page overlays two samples)."""
REFERENCE_COLOR = "#111827"
BINS_PER_DECADE = 12
NO_DEALS = "no deals"
_WHITE = pio.templates["plotly_white"]
TEMPLATE = go.layout.Template(layout=_WHITE.layout, data={kind: _WHITE.data[kind] for kind in ("bar", "scatter")})
"""plotly_white trimmed to the trace types used here: the same look, about 3x faster to attach to a figure than
the full template (which carries defaults for every trace type) and 3.7 kB less JSON per chart."""


def label_colors(labels) -> dict[str, str]:
    """The colour of every label, by position (the same in every chart)."""
    return {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(labels)}


def _fill(color: str, alpha: float = 0.15) -> str:
    red, green, blue = (int(color[k : k + 2], 16) for k in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _percent(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.0%}"


def _compact(value: float) -> str:
    """12,500 -> 12.5k, 2,000,000 -> 2M (titles); hover text keeps full figures."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def _title(name: str, per_label: Mapping[str, str]) -> str:
    """One line for one sample; with several, a second smaller line of `label: metric` pairs."""
    if not per_label:
        return name
    if len(per_label) == 1:
        return f"{name} · {next(iter(per_label.values()))}"
    pairs = " | ".join(f"{label}: {text}" for label, text in per_label.items())
    return f"{name}<br><span style='font-size:12px'>{pairs}</span>"


LEGEND_PLACES = {
    "above": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0},
    "top right": {"yanchor": "top", "y": 0.99, "xanchor": "right", "x": 0.99},
    "top left": {"yanchor": "top", "y": 0.99, "xanchor": "left", "x": 0.01},
    "bottom right": {"yanchor": "bottom", "y": 0.01, "xanchor": "right", "x": 0.99},
}
"""Where a chart's legend goes: inside the plot where its data leave room, else above the plot."""


def _figure(traces: list, title: str, x_title: str, y_title: str, legend: str = "above", **layout) -> go.Figure:
    """One Figure from all traces and the whole layout at once (about twice as fast as add_trace/update_layout)."""
    place = LEGEND_PLACES[legend]
    inside = legend != "above"
    base = {
        "template": TEMPLATE,
        "title": {"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 15}},
        "margin": {"l": 8, "r": 8, "t": (44 if inside else 64) + (18 if "<br>" in title else 0), "b": 8},
        "legend": {**place, "bgcolor": "rgba(255,255,255,0.8)"} if inside else place,
        "hoverlabel": {"namelength": -1},
    }
    for axis, text in (("xaxis", x_title), ("yaxis", y_title)):
        base[axis] = {"title": {"text": text}, **layout.pop(axis, {})}
    return go.Figure(data=traces, layout={**base, **layout})


def _amounts(frames: Frames) -> np.ndarray:
    return frames["deals"]["amount"].to_numpy(dtype=np.float64)


def _describe(law) -> str:
    kind = getattr(law, "dist", type(law).__name__.lower())
    if kind == "pareto":
        cap = f", cap {_compact(law.cap)}" if law.cap is not None else ""
        return f"Pareto α={law.alpha:g}, minimum {_compact(law.minimum)}{cap}"
    if kind == "lognormal":
        return f"log-normal median {_compact(law.median)}, σ={law.sigma:g}"
    if kind == "mixture":
        return f"mixture of {len(law.components)}"
    return str(kind)


def log_bin_edges(amounts: Mapping[str, np.ndarray], laws: Mapping[str, object], bins: int | None = None) -> np.ndarray:
    """Log-spaced bin edges shared by all samples and laws, so that their counts compare bin by bin.

    The edges span every positive amount and every law's finite positive support (the middle 99.8% of a law's
    mass where its support is unbounded and no sample pins the range).
    """
    lows, highs = [], []
    for values in amounts.values():
        positive = values[values > 0]
        if positive.size:
            lows.append(positive.min())
            highs.append(positive.max())
    for law in laws.values():
        low, high = law.support()
        if low > 0:
            lows.append(low)
        if math.isfinite(high):
            highs.append(high)
        if not lows or not highs:
            guess = law.sample(np.array([0.001, 0.999]))
            lows.append(float(guess[0]))
            highs.append(float(guess[1]))
    if not lows or not highs:
        return np.array([1.0, 10.0])
    low, high = math.log10(min(lows)), math.log10(max(highs))
    high = max(high, low + 1e-3)
    count = bins or int(np.clip(round((high - low) * BINS_PER_DECADE), 10, 60))
    edges = np.logspace(low, high, count + 1)
    edges[0], edges[-1] = min(lows), max(highs)
    return edges


def _step(edges: np.ndarray, heights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A histogram outline: one point per left edge plus the closing right edge (line_shape "hv")."""
    return edges, np.append(heights, heights[-1] if heights.size else 0)


def deal_amounts(samples: Samples, law=None, currency: str = "USD", *, bins: int | None = None) -> go.Figure:
    """Histogram of deal amounts over log-spaced bins (log x axis), with the configured law's expected counts.

    `law` is one amount law (`distributions.Pareto`, `LogNormal`, `Mixture`) for every sample, or a mapping
    label -> law. Its overlay is on the histogram's own scale: the expected number of deals in a bin is
    n * (cdf(right) - cdf(left)), so a sample that follows the law lies on the dashed line. Each label's histogram
    trace holds its bin counts in `y` (the last value repeats to close the outline) and `customdata`
    [left, right, count] per bin.
    """
    amounts = {label: _amounts(frames) for label, frames in samples.items()}
    laws = dict(law) if isinstance(law, Mapping) else dict.fromkeys(samples, law) if law is not None else {}
    laws = {label: value for label, value in laws.items() if label in samples and value is not None}
    edges = log_bin_edges(amounts, laws, bins)
    colors = label_colors(samples)
    traces = []
    summary = {}
    for label, values in amounts.items():
        counts, _ = np.histogram(values, edges)
        x, y = _step(edges, counts)
        traces.append(
            go.Scatter(
                x=x,
                y=y,
                customdata=np.column_stack([x, np.append(edges[1:], edges[-1]), y]),
                mode="lines",
                line={"shape": "hv", "color": colors[label], "width": 1.5},
                fill="tozeroy",
                fillcolor=_fill(colors[label]),
                name=f"{label} ({values.size:,} deals)",
                legendgroup=label,
                hovertemplate=f"{label}<br>%{{customdata[0]:,.0f}} – %{{customdata[1]:,.0f}} {currency}"
                "<br>%{customdata[2]:,} deals<extra></extra>",
            )
        )
        summary[label] = (
            f"median {_compact(float(np.median(values)))} · mean {_compact(values.mean())} {currency}"
            if values.size
            else NO_DEALS
        )
        if label in laws:
            expected = values.size * np.diff(laws[label].cdf(edges))
            x, y = _step(edges, expected)
            traces.append(
                go.Scatter(
                    x=x,
                    y=y,
                    mode="lines",
                    line={"shape": "hv", "color": colors[label], "width": 2, "dash": "dash"},
                    name=f"{label}: expected ({_describe(laws[label])})",
                    legendgroup=label,
                    meta={"expected_total": float(expected.sum())},
                    hovertemplate=f"{label} expected<br>from %{{x:,.0f}} {currency}"
                    "<br>%{y:,.1f} deals<extra></extra>",
                )
            )
    return _figure(
        traces,
        _title("Deal amounts", summary),
        f"Deal amount ({currency}, log scale)",
        "Deals per bin",
        legend="top right",
        xaxis={"type": "log", "tickformat": "~s"},
        hovermode="closest",
    )


def lorenz(samples: Samples) -> go.Figure:
    """Lorenz curve of deal value (smallest deals first) against the equality diagonal; Gini and top-20% share."""
    colors = label_colors(samples)
    traces = [
        go.Scatter(
            x=[0, 1],
            y=[0, 1],
            mode="lines",
            line={"color": "#9ca3af", "dash": "dot", "width": 1},
            name="equal deals",
            hoverinfo="skip",
        )
    ]
    summary = {}
    for label, frames in samples.items():
        values = _amounts(frames)
        share, value = realism.lorenz_curve(values)
        gini, top = realism.gini(values), realism.top_fraction_share(values, 0.2)
        summary[label] = f"Gini {gini:.2f} · top 20% hold {top:.0%}" if values.size else NO_DEALS
        traces.append(
            go.Scatter(
                x=share,
                y=value,
                mode="lines",
                line={"color": colors[label], "width": 2},
                name=f"{label}: Gini {gini:.2f}, top 20% hold {top:.0%}",
                legendgroup=label,
                meta={"gini": gini, "top20_share": top},
                hovertemplate=f"{label}<br>smallest %{{x:.0%}} of deals hold %{{y:.1%}} of value<extra></extra>",
            )
        )
        traces.append(
            go.Scatter(
                x=[0.8],
                y=[1 - top],
                mode="markers",
                marker={"color": colors[label], "size": 8},
                name=f"{label}: top 20%",
                legendgroup=label,
                showlegend=False,
                hovertemplate=f"{label}<br>top 20% of deals hold {top:.1%} of value<extra></extra>",
            )
        )
    return _figure(
        traces,
        _title("Deal value concentration", summary),
        "Share of deals (smallest first)",
        "Share of total value",
        legend="top left",
        xaxis={"tickformat": ".0%", "range": [0, 1]},
        yaxis={"tickformat": ".0%", "range": [0, 1.01]},
    )


def deals_per_company(samples: Samples, law=None) -> go.Figure:
    """How many companies have 0, 1, 2, ... deals (grouped bars per label); `law` adds the configured count law.

    `law` is a count law with `.pmf` (for example `recipe.volume.deals_per_company`), or a mapping label -> law;
    its markers show the expected number of companies, n_companies * pmf(k).
    """
    colors = label_colors(samples)
    laws = dict(law) if isinstance(law, Mapping) else dict.fromkeys(samples, law) if law is not None else {}
    traces = []
    summary = {}
    for label, frames in samples.items():
        per_company = realism.deals_per_company(frames["deals"], frames["companies"]).to_numpy()
        counts = np.bincount(per_company) if per_company.size else np.zeros(1, dtype=np.int64)
        k = np.arange(counts.size)
        traces.append(
            go.Bar(
                x=k,
                y=counts,
                marker_color=colors[label],
                name=f"{label} ({per_company.size:,} companies)",
                legendgroup=label,
                hovertemplate=f"{label}<br>%{{y:,}} companies with %{{x}} deals<extra></extra>",
            )
        )
        if per_company.size:
            summary[label] = f"mean {per_company.mean():.2f} · {(per_company == 0).mean():.0%} have none"
        if laws.get(label) is not None:
            expected = per_company.size * laws[label].pmf(k)
            traces.append(
                go.Scatter(
                    x=k,
                    y=expected,
                    mode="markers",
                    marker={"color": colors[label], "symbol": "line-ew-open", "size": 18, "line": {"width": 2}},
                    name=f"{label}: expected",
                    legendgroup=label,
                    hovertemplate=f"{label} expected<br>%{{y:,.1f}} companies with %{{x}} deals<extra></extra>",
                )
            )
    return _figure(
        traces,
        _title("Deals per company", summary),
        "Deals of a company",
        "Companies",
        legend="top right",
        barmode="group",
        xaxis={"dtick": 1},
    )


def stage_funnel(samples: Samples) -> go.Figure:
    """Deals per pipeline stage in position order (horizontal bars, first stage on top); win rate in the title."""
    colors = label_colors(samples)
    traces = []
    summary = {}
    order: list[str] = []
    for label, frames in samples.items():
        deals = frames["deals"]
        funnel = realism.stage_funnel(deals, frames["pipeline_stages"])
        names = funnel["name"].astype(str).tolist()
        order += [name for name in names if name not in order]
        counts = funnel["deals"].to_numpy(dtype=np.int64)
        share = counts / max(len(deals), 1)
        traces.append(
            go.Bar(
                y=names,
                x=counts,
                orientation="h",
                marker_color=colors[label],
                name=f"{label} ({len(deals):,} deals)",
                legendgroup=label,
                customdata=np.column_stack([share, funnel["value"].to_numpy(dtype=np.float64)]),
                hovertemplate=f"{label}<br>%{{y}}: %{{x:,}} deals (%{{customdata[0]:.1%}})"
                "<br>value %{customdata[1]:,.0f}<extra></extra>",
            )
        )
        summary[label] = f"win rate {_percent(realism.win_rate(deals))} (won / closed)"
    return _figure(
        traces,
        _title("Pipeline", summary),
        "Deals",
        "",
        legend="top right",
        barmode="group",
        yaxis={"categoryorder": "array", "categoryarray": order, "autorange": "reversed"},
    )


def deals_per_month(samples: Samples) -> go.Figure:
    """Deals created (solid) and won (dashed, by close date) per calendar month."""
    colors = label_colors(samples)
    traces = []
    summary = {}
    for label, frames in samples.items():
        monthly = realism.deals_per_month(frames["deals"])
        for column, dash, verb in (("created", "solid", "created"), ("won", "dash", "won")):
            traces.append(
                go.Scatter(
                    x=monthly["month"],
                    y=monthly[column],
                    mode="lines+markers",
                    line={"color": colors[label], "dash": dash, "width": 2},
                    marker={"size": 4},
                    name=f"{label}: {verb}",
                    legendgroup=label,
                    hovertemplate=f"{label}<br>%{{x|%b %Y}}: %{{y:,}} deals {verb}<extra></extra>",
                )
            )
        summary[label] = (
            f"{monthly['created'].mean():,.0f} created · {monthly['won'].mean():,.0f} won per month"
            if len(monthly)
            else NO_DEALS
        )
    return _figure(traces, _title("Deals per month", summary), "Month", "Deals", legend="top left", hovermode="closest")


def deals_per_rep(samples: Samples, currency: str = "USD") -> go.Figure:
    """Deal value (bars, left axis) and deal count (diamonds, right axis) per user, largest value first.

    One sample, or samples that share their users, are drawn by name; samples with different users (another seed)
    are drawn by rank (#1 = the user with the most value), names in the hover text.
    """
    colors = label_colors(samples)
    tables = {label: realism.deals_per_owner(f["deals"], f["users"]) for label, f in samples.items()}
    name_sets = {frozenset(t["name"]) for t in tables.values()}
    by_name = len(name_sets) == 1
    traces = []
    summary = {}
    order: list[str] = []
    for label, table in tables.items():
        x = table["name"].tolist() if by_name else [f"#{k}" for k in range(1, len(table) + 1)]
        order += [item for item in x if item not in order]
        custom = np.column_stack([table["name"].to_numpy(dtype=object), table["role"].to_numpy(dtype=object)])
        custom = np.column_stack([custom, table["deals"].to_numpy(), table["value"].to_numpy()])
        traces.append(
            go.Bar(
                x=x,
                y=table["value"],
                marker_color=colors[label],
                name=f"{label}: value",
                legendgroup=label,
                customdata=custom,
                hovertemplate=f"{label}<br>%{{customdata[0]}} (%{{customdata[1]}})<br>%{{customdata[3]:,.0f}} "
                f"{currency} in %{{customdata[2]:,}} deals<extra></extra>",
            )
        )
        traces.append(
            go.Scatter(
                x=x,
                y=table["deals"],
                yaxis="y2",
                mode="markers",
                marker={
                    "color": colors[label],
                    "symbol": "diamond",
                    "size": 9,
                    "line": {"color": REFERENCE_COLOR, "width": 1},
                },
                name=f"{label}: deals",
                legendgroup=label,
                customdata=custom,
                hovertemplate=f"{label}<br>%{{customdata[0]}} (%{{customdata[1]}})<br>%{{y:,}} deals<extra></extra>",
            )
        )
        values = table["value"].to_numpy(dtype=np.float64)
        summary[label] = (
            f"top 20% of users hold {realism.top_fraction_share(values, 0.2):.0%} of value"
            if values.sum() > 0
            else NO_DEALS
        )
    return _figure(
        traces,
        _title("Deals per owner", summary),
        "Owner" if by_name else "Owner rank (by value)",
        f"Deal value ({currency})",
        legend="top right",
        barmode="group",
        xaxis={"categoryorder": "array", "categoryarray": order},
        yaxis={"tickformat": "~s"},
        yaxis2={
            "title": {"text": "Deals"},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickmode": "auto",
        },
    )


def top_names(samples: Samples, column: str = "first_name", top: int = 15, country: str | None = None) -> go.Figure:
    """The `top` most common first or last names among contacts (optionally one market), as a share of contacts.

    The names are the first label's top list; other labels show their share for the same names.
    """
    colors = label_colors(samples)
    kind = "first names" if column == "first_name" else "last names"
    traces = []
    summary = {}
    names: list[str] | None = None
    for label, frames in samples.items():
        counts = realism.name_counts(frames["contacts"], column, country)
        total = int(counts.sum())
        if names is None:
            names = counts.index[:top].tolist()
        picked = counts.reindex(names, fill_value=0).to_numpy(dtype=np.int64)
        share = picked / max(total, 1)
        traces.append(
            go.Bar(
                y=names,
                x=share,
                orientation="h",
                marker_color=colors[label],
                name=f"{label} ({total:,} contacts)",
                legendgroup=label,
                customdata=picked,
                hovertemplate=f"{label}<br>%{{y}}: %{{customdata:,}} contacts (%{{x:.2%}})<extra></extra>",
            )
        )
        own_top = counts.iloc[:top].sum() / max(total, 1)
        summary[label] = f"top {top} hold {own_top:.0%} of contacts"
    where = f" in {country}" if country else ""
    return _figure(
        traces,
        _title(f"Most common {kind}{where}", summary),
        "Share of contacts",
        "",
        legend="bottom right",
        barmode="group",
        xaxis={"tickformat": ".1%"},
        yaxis={"categoryorder": "array", "categoryarray": names or [], "autorange": "reversed"},
    )


def name_variety(metrics: Mapping[str, Mapping[str, float]], reference: Mapping[str, float]) -> go.Figure:
    """Distinct first and last names per 10,000 people per market (bars) against the national figures (marks).

    `metrics` is `realism.name_variety_by_market(contacts)` (market -> {"first", "last"[, "people"]}) and
    `reference` is `realism.reference_variety(...)` (f"{code}.first" / f"{code}.last" -> figure); when a market
    has fewer than 10,000 people, pass `people=` there so the reference is what such a sample would show (the
    legend then says so). The title gives the largest relative gap to a reference.
    """
    markets = list(metrics)
    small = any(metrics[code].get("people", realism.PEOPLE_WINDOW) < realism.PEOPLE_WINDOW for code in markets)
    reference_name = "national reference at the sample's size" if small else "national reference"
    traces = []
    gaps = []
    for kind, color in (("first", PALETTE[0]), ("last", PALETTE[2])):
        x = [markets, [f"{kind} names"] * len(markets)]
        values = [float(metrics[code].get(kind, float("nan"))) for code in markets]
        people = [float(metrics[code].get("people", realism.PEOPLE_WINDOW)) for code in markets]
        refs = [float(reference.get(f"{code}.{kind}", float("nan"))) for code in markets]
        notes = [
            f"measured on {n:,.0f} people: below 10,000 the count is scaled up and runs high"
            if n < realism.PEOPLE_WINDOW
            else "measured on the first 10,000 people"
            for n in people
        ]
        traces.append(
            go.Bar(
                x=x,
                y=values,
                marker_color=color,
                name=f"{kind} names",
                legendgroup=kind,
                customdata=np.column_stack([refs, notes]),
                hovertemplate="%{x}<br>%{y:,.0f} distinct per 10,000<br>reference %{customdata[0]:,.0f}"
                "<br>%{customdata[1]}<extra></extra>",
            )
        )
        traces.append(
            go.Scatter(
                x=x,
                y=refs,
                mode="markers",
                marker={"color": REFERENCE_COLOR, "symbol": "line-ew-open", "size": 30, "line": {"width": 3}},
                name=reference_name,
                legendgroup="reference",
                showlegend=kind == "first",
                hovertemplate=f"%{{x}}<br>{reference_name} %{{y:,.0f}} per 10,000<extra></extra>",
            )
        )
        gaps += [abs(v / r - 1) for v, r in zip(values, refs, strict=True) if r > 0 and not math.isnan(v)]
    title = "Name variety per 10,000 people"
    if gaps:
        title += f" · within {max(gaps):.0%} of the references"
    return _figure(traces, title, "Market", "Distinct names per 10,000", barmode="overlay", bargap=0.25)
