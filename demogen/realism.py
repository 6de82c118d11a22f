"""Realism metrics shared by the app, the notebooks and the tests.

Each metric takes plain columns (pandas Series / numpy arrays) so it works the same on a preview, a full export
read back from CSV, or rows read from the database.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd
import phonenumbers

from demogen.locales import LocaleError, available_markets, load_locale

PEOPLE_WINDOW = 10_000


def expected_distinct(weights: np.ndarray, people: int = PEOPLE_WINDOW) -> float:
    """Expected number of distinct values among `people` draws from a frequency table."""
    p = np.asarray(weights, dtype=np.float64)
    p = p / p.sum()
    return float((-np.expm1(people * np.log1p(-p))).sum())


def distinct_per_10k(names: pd.Series) -> float:
    """Distinct values among the first 10,000 people (scaled when fewer exist)."""
    window = names.iloc[:PEOPLE_WINDOW]
    return window.nunique() * (PEOPLE_WINDOW / max(len(window), 1)) if len(window) < PEOPLE_WINDOW else window.nunique()


def top_share(names: pd.Series, top: int = 10) -> float:
    """Share of people carrying the `top` most common values (top-10 surname share)."""
    counts = names.value_counts()
    return float(counts.iloc[:top].sum() / max(len(names), 1))


def duplicate_full_name_rate(first: pd.Series, last: pd.Series) -> float:
    """Share of people whose full name is shared with somebody else in the tenant."""
    full = first.astype(str) + " " + last.astype(str)
    return float(full.duplicated(keep=False).mean()) if len(full) else 0.0


def gini(values: np.ndarray) -> float:
    """Gini coefficient of non-negative values (0 = equal, 1 = one holds everything)."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    if x.size == 0 or x.sum() == 0:
        return 0.0
    ranks = np.arange(1, x.size + 1)
    return float((2 * (ranks * x).sum()) / (x.size * x.sum()) - (x.size + 1) / x.size)


def lorenz_curve(values: np.ndarray, points: int = 101) -> tuple[np.ndarray, np.ndarray]:
    """Share of holders (x) against share of total value (y), for charts."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    cumulative = np.concatenate([[0.0], np.cumsum(x)]) / max(x.sum(), 1e-12)
    share = np.linspace(0, 1, points)
    return share, np.interp(share * x.size, np.arange(x.size + 1), cumulative)


def top_fraction_share(values: np.ndarray, fraction: float = 0.2) -> float:
    """Share of the total held by the largest `fraction` of items (the 80/20 check)."""
    x = np.sort(np.asarray(values, dtype=np.float64))[::-1]
    if x.size == 0:
        return 0.0
    k = max(1, round(x.size * fraction))
    return float(x[:k].sum() / x.sum())


def stage_funnel(deals: pd.DataFrame, stages: pd.DataFrame) -> pd.DataFrame:
    """Deals per stage in pipeline order, with their value."""
    grouped = deals.groupby("stage_id").agg(deals=("id", "size"), value=("amount", "sum"))
    funnel = stages.set_index("id")[["name", "position"]].join(grouped).fillna({"deals": 0, "value": 0})
    return funnel.sort_values("position").reset_index(drop=True)


def working_hours_share(
    moments: pd.Series, timezones: pd.Series, working_hours: tuple[int, int] = (8, 18)
) -> tuple[float, float]:
    """Share of timestamps on weekdays and within working hours, in each row's local time zone."""
    weekday_hits, hour_hits, total = 0, 0, 0
    for zone in sorted(timezones.dropna().unique()):
        rows = (timezones == zone).to_numpy()
        local = pd.DatetimeIndex(pd.to_datetime(moments[rows], utc=True)).tz_convert(zone)
        weekday_hits += int((local.day_of_week < 5).sum())
        hour_hits += int(((local.hour >= working_hours[0]) & (local.hour < working_hours[1])).sum())
        total += int(rows.sum())
    return (weekday_hits / total, hour_hits / total) if total else (0.0, 0.0)


def phone_validity(phones: pd.Series, countries: pd.Series, limit: int = 5_000) -> float:
    """Share of phone numbers that libphonenumber accepts as valid for their country (first `limit` rows)."""
    checked = valid = 0
    for number, country in zip(phones.iloc[:limit], countries.iloc[:limit], strict=True):
        checked += 1
        with contextlib.suppress(phonenumbers.NumberParseException):
            valid += phonenumbers.is_valid_number(phonenumbers.parse(str(number), str(country)))
    return valid / checked if checked else 0.0


def realism_report(frames: dict[str, pd.DataFrame], timezone_of_country: dict[str, str]) -> dict[str, float]:
    """The headline realism metrics of a generated tenant (frames as from `export.collect_frames`)."""
    contacts, deals, activities = frames["contacts"], frames["deals"], frames["activities"]
    companies = frames["companies"]
    zone_of_deal = deals["company_id"].map(companies.set_index("id")["country"]).map(timezone_of_country)
    zones = activities["deal_id"].map(pd.Series(zone_of_deal.to_numpy(), index=deals["id"]))
    weekday, hours = working_hours_share(activities["due_at"], zones)
    amounts = deals["amount"].to_numpy(dtype=np.float64)
    return {
        "distinct_first_names_per_10k": float(distinct_per_10k(contacts["first_name"])),
        "distinct_last_names_per_10k": float(distinct_per_10k(contacts["last_name"])),
        "top10_surname_share": top_share(contacts["last_name"]),
        "duplicate_full_name_rate": duplicate_full_name_rate(contacts["first_name"], contacts["last_name"]),
        "deal_value_gini": gini(amounts),
        "deal_value_top20_share": top_fraction_share(amounts),
        "activities_on_weekdays": weekday,
        "activities_in_working_hours": hours,
        "contact_phone_validity": phone_validity(contacts["phone"], contacts["country"]),
        "company_phone_validity": phone_validity(companies["phone"], companies["country"]),
    }


def win_rate(deals: pd.DataFrame) -> float:
    """Won deals over closed (won + lost) deals, by `status`; NaN while no deal is closed."""
    status = deals["status"].astype(str)
    won, lost = int((status == "won").sum()), int((status == "lost").sum())
    return won / (won + lost) if won + lost else float("nan")


def deals_per_company(deals: pd.DataFrame, companies: pd.DataFrame) -> pd.Series:
    """Number of deals of every company (companies without deals count 0), indexed by company id."""
    counts = deals["company_id"].value_counts()
    return counts.reindex(companies["id"].to_numpy(), fill_value=0).astype(np.int64)


def deals_per_month(deals: pd.DataFrame) -> pd.DataFrame:
    """Deals created and deals won per calendar month (won by `closed_at`): columns month, created, won."""
    created = deals["created_at"].dt.to_period("M").value_counts()
    won_rows = deals["status"].astype(str) == "won"
    won = deals.loc[won_rows, "closed_at"].dt.to_period("M").value_counts()
    months = created.index.union(won.index)
    if len(months):
        months = pd.period_range(months.min(), months.max(), freq="M")
    return pd.DataFrame(
        {
            "month": months.to_timestamp(),
            "created": created.reindex(months, fill_value=0).to_numpy(dtype=np.int64),
            "won": won.reindex(months, fill_value=0).to_numpy(dtype=np.int64),
        }
    )


def deals_per_owner(deals: pd.DataFrame, users: pd.DataFrame) -> pd.DataFrame:
    """Deals and their value per user (users without deals included), largest value first.

    Columns: owner_id, name ("First Last"), role, deals, value.
    """
    ids = users["id"].to_numpy()
    position = pd.Index(ids).get_indexer(deals["owner_id"].to_numpy())
    known = position >= 0
    amounts = deals["amount"].to_numpy(dtype=np.float64)[known]
    count = np.bincount(position[known], minlength=len(ids)).astype(np.int64)
    value = np.bincount(position[known], weights=amounts, minlength=len(ids))
    order = np.lexsort((ids, -count, -value))
    names = users["first_name"].astype(str) + " " + users["last_name"].astype(str)
    return pd.DataFrame(
        {
            "owner_id": ids[order],
            "name": names.to_numpy()[order],
            "role": users["role"].astype(str).to_numpy()[order],
            "deals": count[order],
            "value": value[order],
        }
    )


def name_counts(contacts: pd.DataFrame, column: str = "first_name", country: str | None = None) -> pd.Series:
    """How many contacts carry each value of `column` (most common first), optionally in one market only."""
    if column not in {"first_name", "last_name"}:
        raise ValueError(f"column must be 'first_name' or 'last_name', not {column!r}")
    rows = contacts if country is None else contacts[contacts["country"].astype(str) == country]
    counts = rows[column].astype(str).value_counts(sort=False)
    order = np.lexsort((counts.index.to_numpy(dtype=str), -counts.to_numpy()))
    return counts.iloc[order].astype(np.int64)


def name_variety_by_market(contacts: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Distinct first and last names per 10,000 contacts, per market (`contacts.country`).

    Each market maps to {"first", "last", "people"}; "people" is the number of contacts measured. Below 10,000
    people `distinct_per_10k` scales the count up linearly, which overstates variety (distinct names grow slower
    than people): compare such figures with `reference_variety(..., people=...)`, which applies the same
    measurement to the national frequencies at that size.
    """
    out: dict[str, dict[str, float]] = {}
    countries = contacts["country"].astype(str)
    for code in sorted(countries.unique()):
        rows = contacts[(countries == code).to_numpy()]
        out[code] = {
            "first": float(distinct_per_10k(rows["first_name"])),
            "last": float(distinct_per_10k(rows["last_name"])),
            "people": float(len(rows)),
        }
    return out


@functools.cache
def _name_weights(code: str, kind: str) -> np.ndarray:
    table = load_locale(code).first_names if kind == "first" else load_locale(code).last_names
    _, inverse = np.unique(table["name"], return_inverse=True)
    return np.bincount(inverse, weights=np.diff(table.cumulative, prepend=0))


def _measured_per_10k(weights: np.ndarray, people: int) -> float:
    """What `distinct_per_10k` shows, in expectation, on `people` draws from a frequency table."""
    window = min(people, PEOPLE_WINDOW)
    return expected_distinct(weights, window) * PEOPLE_WINDOW / window


def reference_variety(markets: Iterable[str], people: dict[str, float] | None = None) -> dict[str, float]:
    """National distinct-name figures per 10,000 people (locale.toml [reference]) as f"{code}.first"/".last".

    With `people` (market -> contacts measured, as in `name_variety_by_market`), markets measured on fewer than
    10,000 people get the reference as that smaller sample would show it: the national figure times the ratio of
    the locale's expected measurement at that size to the one at 10,000. Markets without locale data are left out.
    """
    known = set(available_markets())
    out: dict[str, float] = {}
    for code in markets:
        if code not in known:
            continue
        try:
            figures = load_locale(code).reference
        except LocaleError:
            continue
        for kind in ("first", "last"):
            value = figures.get(f"distinct_{kind}_names_per_10k")
            if value is None:
                continue
            n = int((people or {}).get(code, PEOPLE_WINDOW))
            if 0 < n < PEOPLE_WINDOW:
                weights = _name_weights(code, kind)
                value *= _measured_per_10k(weights, n) / _measured_per_10k(weights, PEOPLE_WINDOW)
            out[f"{code}.{kind}"] = float(value)
    return out
