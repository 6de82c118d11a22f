"""Realism metrics shared by the app, the notebooks and the tests.

Each metric takes plain columns (pandas Series / numpy arrays) so it works the same on a preview, a full export
read back from CSV, or rows read from the database.
"""

from __future__ import annotations

import contextlib

import numpy as np
import pandas as pd
import phonenumbers

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
