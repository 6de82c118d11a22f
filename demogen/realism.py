"""Realism metrics shared by the app, the notebooks and the tests.

Each metric takes plain columns (pandas Series / numpy arrays) so it works the same on a preview, a full export
read back from CSV, or rows read from the database.
"""

from __future__ import annotations

import contextlib
import functools
import re
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


def spearman(a: pd.Series, b: pd.Series) -> float:
    """Spearman's rank correlation over the rows where both are known: Pearson's of their average ranks, as
    scipy.stats.spearmanr computes it (pandas' `corr(method="spearman")` imports scipy for that)."""
    both = a.notna() & b.notna()
    return float(a[both].rank().corr(b[both].rank()))


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


def deal_age_by_stage(deals: pd.DataFrame, stages: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Open deals per open stage in pipeline order, with their median and 90th-percentile age in days at as_of."""
    open_deals = deals[deals["status"].astype(str) == "open"]
    age = (pd.Timestamp(as_of) - open_deals["created_at"]).dt.total_seconds() / 86_400
    grouped = age.groupby(open_deals["stage_id"]).agg(deals="size", median_age_days="median")
    grouped["p90_age_days"] = age.groupby(open_deals["stage_id"]).quantile(0.9)
    open_stages = stages[~stages["is_closed"].astype(bool)].set_index("id")[["name", "position"]]
    return open_stages.join(grouped).fillna({"deals": 0}).sort_values("position").reset_index(drop=True)


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


def company_places(companies: pd.DataFrame, timezone_of_country: dict[str, str] | None = None) -> pd.DataFrame:
    """Time zone and holiday subdivision of each company's region (the market's `regions.csv`), else its
    country's zone (`timezone_of_country`, or the market's locale.toml) with nationwide holidays."""
    out = pd.DataFrame({"timezone": pd.Series(None, index=companies.index, dtype=object), "subdivision": ""})
    for code, rows in companies.groupby(companies["country"].astype(str)):
        try:
            data = load_locale(code)
            regions, fallback = data.regions, (timezone_of_country or {}).get(code, data.timezone)
        except LocaleError:
            regions, fallback = {}, (timezone_of_country or {}).get(code)
        region = rows["region"].astype(str)
        out.loc[rows.index, "timezone"] = region.map({r: z for r, (z, _) in regions.items()}).fillna(fallback)
        out.loc[rows.index, "subdivision"] = region.map({r: s for r, (_, s) in regions.items()}).fillna("")
    return out


def holiday_share(moments: pd.Series, countries: pd.Series, places: pd.DataFrame) -> float:
    """Share of moments on a public holiday of their place, by the `holidays` package (measured independently of
    the holiday table generation used), in local time."""
    import holidays  # noqa: PLC0415 - only this metric needs it

    hits = total = 0
    keys = pd.DataFrame({"country": countries.astype(str), "tz": places["timezone"], "sub": places["subdivision"]})
    for (country, zone, subdivision), rows in keys.groupby(["country", "tz", "sub"], dropna=True):
        local = pd.DatetimeIndex(pd.to_datetime(moments.loc[rows.index], utc=True)).tz_convert(zone)
        years = range(int(local.year.min()), int(local.year.max()) + 1) if len(local) else range(0)
        try:
            days = holidays.country_holidays(country, subdiv=subdivision or None, years=years)
        except NotImplementedError:
            continue
        hits += int(pd.Series(local.date).isin(set(days)).sum())
        total += len(local)
    return hits / total if total else float("nan")


def realism_report(frames: dict[str, pd.DataFrame], timezone_of_country: dict[str, str]) -> dict[str, float]:
    """The headline realism metrics of a generated tenant (frames as from `export.collect_frames`)."""
    contacts, deals, activities = frames["contacts"], frames["deals"], frames["activities"]
    companies = frames["companies"]
    zone_of_company = company_places(companies, timezone_of_country)["timezone"]
    zone_of_deal = deals["company_id"].map(pd.Series(zone_of_company.to_numpy(), index=companies["id"]))
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


PHASE_RANK = {"qualify": 0, "discovery": 1, "proposal": 2, "contract": 3, "onboarding": 4}
"""Sales phases in the order a deal goes through them; `any` and `followup` subjects have no place in it."""
SIZE_CLASSES = ((10, "micro"), (50, "small"), (250, "medium"))
"""EU size classes by employees: micro < 10, small < 50, medium < 250, large from 250."""
STALE_DAYS = 30


def size_class(employees: np.ndarray) -> np.ndarray:
    """micro / small / medium / large for each employee count."""
    out = np.full(len(employees), "large", dtype=object)
    for bound, name in reversed(SIZE_CLASSES):
        out[np.asarray(employees) < bound] = name
    return out


def _story_tables(codes: Iterable[str]) -> dict[str, dict]:
    tables = {}
    for code in codes:
        with contextlib.suppress(LocaleError):
            tables[code] = load_locale(code)
    return tables


def _subject_phases(markets: dict) -> tuple[list[str], list[str]]:
    """Regular expressions of every subject template (placeholders match anything), and their phases."""
    patterns, phases = [], []
    for data in markets.values():
        table = data.activity_subjects
        for subject, phase in zip(table.texts("subject"), table.texts("phase"), strict=True):
            escaped = pd.Series([subject]).str.replace(r"([.^$*+?()\[\]\\|])", r"\\\1", regex=True).iloc[0]
            patterns.append("^" + escaped.replace("{first}", ".+").replace("{offering}", ".+") + "$")
            phases.append(phase)
    return patterns, phases


def _first_match(texts: pd.Series, candidates, matches) -> pd.Series:
    """Per text, the label of the first `(key, label)` candidate whose key `matches(texts, key)`, or None.

    Candidates come in priority order (the most specific first), so a longer word or template wins over a
    shorter one it contains."""
    out = pd.Series([None] * len(texts), index=texts.index, dtype=object)
    for key, label in candidates:
        out[out.isna() & matches(texts, key)] = label
    return out


def activity_phases(subjects: pd.Series, markets: dict) -> pd.Series:
    """The sales phase each subject line belongs to (by the markets' subject templates), or None."""
    patterns, phases = _subject_phases(markets)
    ordered = sorted(zip(patterns, phases, strict=True), key=lambda p: p[0].count(".+"))
    return _first_match(subjects.astype(str), ordered, lambda text, pattern: text.str.match(pattern))


def industry_name_agreement(companies: pd.DataFrame, markets: dict) -> float:
    """Of the names that carry a sector word, the share whose industry is one the word stands for."""
    matched = agree = 0
    for code, rows in companies.groupby(companies["country"].astype(str)):
        if code not in markets:
            continue
        table = markets[code].industry_words
        industries_of: dict[str, set[str]] = {}
        for word, industry in zip(table.texts("word"), table.texts("industry"), strict=True):
            industries_of.setdefault(word, set()).add(industry)
        words = [(word, word) for word in sorted(industries_of, key=len, reverse=True)]
        found = _first_match(
            rows["name"].astype(str),
            words,
            lambda names, word: names.str.contains(rf"(?:^|\s){re.escape(word)}(?:\s|$)", regex=True),
        )
        has = found.notna()
        matched += int(has.sum())
        agree += sum(ind in industries_of[w] for w, ind in zip(found[has], rows.loc[has, "industry"], strict=True))
    return agree / matched if matched else float("nan")


def legal_form_misfit_share(companies: pd.DataFrame, markets: dict) -> float:
    """Share of companies whose legal form does not exist at their size (and industry) in their market."""
    checked = misfit = 0
    for code, rows in companies.groupby(companies["country"].astype(str)):
        if code not in markets:
            continue
        table = markets[code].legal_form_sizes
        allowed = set(zip(table.texts("form"), table.texts("size_class"), table.texts("industry"), strict=True))
        forms = sorted({f for f, _, _ in allowed} | set(markets[code].legal_forms.texts("form")), key=len)
        longest_first = [(f, f) for f in reversed(forms)]  # "GmbH & Co. KG" wins over "KG"
        form = _first_match(rows["name"].astype(str), longest_first, lambda names, f: names.str.endswith(" " + f))
        classes = size_class(rows["employees"].to_numpy())
        for f, c, industry in zip(form, classes, rows["industry"].astype(str), strict=True):
            if f is None:
                continue
            checked += 1
            misfit += (f, c, "") not in allowed and (f, c, industry) not in allowed
    return misfit / checked if checked else float("nan")


def deal_kinds(deals: pd.DataFrame, markets: dict) -> pd.Series:
    """new_business / renewal / expansion / services of each deal, from the offering in its name, or None."""
    kind_of: dict[str, str] = {}
    for data in markets.values():
        kind_of.update(zip(data.deal_types.texts("name"), data.deal_types.texts("kind"), strict=True))
    offering = deals["name"].astype(str).str.rpartition(" - ")[2]
    return offering.map(kind_of)


def _first_win(deals: pd.DataFrame) -> pd.Series:
    """When each company first won a deal (companies without a win are left out)."""
    won = deals[deals["status"].astype(str) == "won"]
    return won.groupby("company_id")["closed_at"].min()


def upsell_without_win_share(deals: pd.DataFrame, kinds: pd.Series) -> float:
    """Renewals, expansions and services created before the account had won anything."""
    upsell = kinds.notna() & (kinds != "new_business")
    if not upsell.any():
        return float("nan")
    first_win = deals["company_id"].map(_first_win(deals))
    before = first_win.isna() | (first_win >= deals["created_at"])
    return float((upsell & before).sum() / upsell.sum())


def stage_order_violations(activities: pd.DataFrame, phases: pd.Series) -> float:
    """Share of deals (with two or more phased activities) where a later activity belongs to an earlier phase."""
    rank = phases.map(PHASE_RANK)
    rows = activities.assign(rank=rank)[rank.notna() & activities["deal_id"].notna()]
    rows = rows.sort_values(["deal_id", "due_at", "id"])
    running = rows.groupby("deal_id")["rank"].cummax()
    per_deal = (rows["rank"] < running).groupby(rows["deal_id"]).any()
    counted = rows.groupby("deal_id").size() >= 2
    return float(per_deal[counted].mean()) if counted.any() else float("nan")


def onboarding_before_win_share(
    activities: pd.DataFrame, phases: pd.Series, deals: pd.DataFrame, contacts: pd.DataFrame
) -> float:
    """Kick-off and onboarding activities at an account that had not won a deal by then."""
    onboarding = activities[(phases == "onboarding").to_numpy()]
    if onboarding.empty:
        return float("nan")
    company = onboarding["contact_id"].map(contacts.set_index("id")["company_id"])
    first_win = company.map(_first_win(deals))
    return float((first_win.isna() | (first_win > onboarding["due_at"])).mean())


def _month_shares(moments: pd.Series, values: pd.Series) -> pd.Series:
    return values.groupby(moments.dt.to_period("M")).sum() / max(float(values.sum()), 1e-12)


def _as_of(frames: dict[str, pd.DataFrame]) -> pd.Timestamp:
    """The tenant's as_of when not given: the day after the latest recorded moment (all lie before as_of)."""
    deals, activities = frames["deals"], frames["activities"]
    latest = max(deals["created_at"].max(), deals["closed_at"].max(), activities["completed_at"].max())
    return (latest + pd.Timedelta(days=1)).normalize()


def story_report(frames: dict[str, pd.DataFrame], as_of: pd.Timestamp | None = None) -> dict[str, float]:
    """Does the tenant read like a sales business? The story metrics of docs/STORY.md, one number each."""
    users, companies, contacts = frames["users"], frames["companies"], frames["contacts"]
    deals, activities = frames["deals"], frames["activities"]
    as_of = _as_of(frames) if as_of is None else pd.Timestamp(as_of)
    markets = _story_tables(sorted(set(companies["country"].astype(str))))
    status = deals["status"].astype(str)
    kinds = deal_kinds(deals, markets)
    phases = activity_phases(activities["subject"], markets)
    out: dict[str, float] = {
        "industry_name_agreement": industry_name_agreement(companies, markets),
        "legal_form_misfit_share": legal_form_misfit_share(companies, markets),
        "duplicate_company_names": float(companies["name"].duplicated().sum()),
        "domains_with_digits": float(companies["domain"].astype(str).str.contains(r"\d", regex=True).sum()),
        "real_domain_clashes": float(
            companies["domain"]
            .astype(str)
            .str.split(".", n=1)
            .str[0]
            .isin({brand.decode() for m in markets.values() for brand in m.real_brands})
            .sum()
        ),
        "upsell_without_win_share": upsell_without_win_share(deals, kinds),
        "new_business_share": float((kinds == "new_business").mean()),
        "stage_order_violation_share": stage_order_violations(activities, phases),
        "onboarding_before_win_share": onboarding_before_win_share(activities, phases, deals, contacts),
    }
    per_deal = activities["deal_id"].value_counts().reindex(deals["id"].to_numpy(), fill_value=0).to_numpy()
    for name in ("won", "lost", "open"):
        rows = (status == name).to_numpy()
        out[f"activities_per_{name}_deal"] = float(per_deal[rows].mean()) if rows.any() else float("nan")
    closed = deals[status != "open"]
    slip = (closed["closed_at"].dt.normalize() - closed["expected_close_date"]).dt.days
    out["close_slip_share"] = float((slip != 0).mean()) if len(slip) else float("nan")
    out["close_slip_median_days"] = float(slip.abs().median()) if len(slip) else float("nan")
    open_deals = deals[status == "open"]
    out["overdue_open_share"] = float((open_deals["expected_close_date"] < as_of).mean())
    touched = activities[activities["due_at"] <= as_of].groupby("deal_id")["due_at"].max()
    last_touch = open_deals["id"].map(touched)
    out["stale_open_share"] = float((last_touch.isna() | (last_touch < as_of - pd.Timedelta(days=STALE_DAYS))).mean())
    monthly = deals["created_at"].dt.to_period("M").value_counts().sort_index()
    full = monthly[monthly.index < as_of.to_period("M")]
    out["created_last_to_first_quarter"] = float(full.iloc[-3:].mean() / max(full.iloc[:3].mean(), 1e-12))
    won = deals[status == "won"]
    won_value = won["amount"].astype(float)
    out["won_value_largest_month_share"] = float(_month_shares(won["closed_at"], won_value).max())
    out["largest_won_deal_share"] = float(won_value.max() / max(won_value.sum(), 1e-12))
    quarter_end = won["closed_at"].dt.month.isin([3, 6, 9, 12])
    out["quarter_end_won_share"] = float(won_value[quarter_end.to_numpy()].sum() / max(won_value.sum(), 1e-12))
    role = deals["owner_id"].map(users.set_index("id")["role"].astype(str))
    books = deals.loc[(role != "admin").to_numpy(), "owner_id"].value_counts()
    books = books.reindex(users.loc[users["role"].astype(str) != "admin", "id"].to_numpy(), fill_value=0)
    out["rep_top_share"] = float(books.max() / max(books.sum(), 1))
    out["rep_top_to_median"] = float(books.max() / max(books.median(), 1e-12))
    out["rep_min_deals"] = float(books.min())
    out["admin_owned_deals"] = float((role == "admin").sum())
    admins = set(users.loc[users["role"].astype(str) == "admin", "id"])
    out["admin_owned_companies"] = float(companies["owner_id"].isin(admins).sum())
    joined = deals["owner_id"].map(users.set_index("id")["created_at"])
    out["deals_before_owner_joined"] = float((deals["created_at"] < joined).sum())
    if "pipeline_stages" in frames:
        ages = deal_age_by_stage(deals, frames["pipeline_stages"], as_of).dropna(subset=["median_age_days"])
        out["open_deal_age_first_stage_days"] = float(ages["median_age_days"].iloc[0]) if len(ages) else float("nan")
        out["open_deal_age_last_stage_days"] = float(ages["median_age_days"].iloc[-1]) if len(ages) else float("nan")
        position = open_deals["stage_id"].map(frames["pipeline_stages"].set_index("id")["position"])
        age = (as_of - open_deals["created_at"]).dt.total_seconds()
        out["open_deal_age_stage_correlation"] = spearman(age, position)
    out.update(committee_report(companies, contacts, deals, markets))
    company_of_activity = activities["contact_id"].map(contacts.set_index("id")["company_id"])
    places = company_places(companies).set_index(companies["id"]).loc[company_of_activity.to_numpy()]
    country = companies.set_index("id")["country"].loc[company_of_activity.to_numpy()]
    out["holiday_activity_share"] = holiday_share(
        activities["due_at"], country.set_axis(activities.index), places.set_axis(activities.index)
    )
    return out


SENIORITY = ("assistant", "professional", "manager", "director", "executive")
OWNER_WORDS = (
    r"\b(?:Owner|Founder|Inhaber|Gründer|Propietari|Proprietári|Dueñ|Fundador|Fondat|Eigenaar|Oprichter)"
    r"|創業者|オーナー"
)
"""Titles of people who own or founded their firm, in the shipped markets' languages (the stems cover both genders:
Propietario/Propietaria, Fondateur/Fondatrice, Directeur-eigenaar)."""


def _forms(title: str) -> list[str]:
    """The titles a list cell stands for: both forms of a gendered `masculine|feminine` cell, else itself."""
    return title.split("|")


def contact_seniority(contacts: pd.DataFrame, markets: dict) -> pd.Series:
    """Seniority level (index into SENIORITY) of each contact's title in its market; chief titles are executive."""
    out = pd.Series(np.nan, index=contacts.index)
    countries = contacts["country"].astype(str)
    for code, data in markets.items():
        pairs = zip(data.job_titles.texts("title"), data.job_titles.texts("seniority"), strict=True)
        level = {form: seniority for title, seniority in pairs for form in _forms(title)}
        level.update(dict.fromkeys((f for t in data.chief_titles.texts("title") for f in _forms(t)), "executive"))
        rows = (countries == code).to_numpy()
        out[rows] = contacts.loc[rows, "title"].astype(str).map({t: SENIORITY.index(s) for t, s in level.items()})
    return out


def _is_chief(contacts: pd.DataFrame, markets: dict) -> pd.Series:
    chief = pd.Series(False, index=contacts.index)
    countries = contacts["country"].astype(str)
    for code, data in markets.items():
        rows = (countries == code).to_numpy()
        titles = {form for title in data.chief_titles.texts("title") for form in _forms(title)}
        chief[rows] = contacts.loc[rows, "title"].astype(str).isin(titles)
    return chief


def committee_report(companies: pd.DataFrame, contacts: pd.DataFrame, deals: pd.DataFrame, markets: dict) -> dict:
    """Do the contacts form plausible buying committees, and are deals with decision makers?"""
    employees = contacts["company_id"].map(companies.set_index("id")["employees"])
    chief = _is_chief(contacts, markets)
    chiefs = chief.groupby(contacts["company_id"]).sum()
    level = contact_seniority(contacts, markets)
    executives = contacts[(level == SENIORITY.index("executive")).to_numpy()]
    repeated = executives.duplicated(["company_id", "title"]).groupby(executives["company_id"]).any()
    owners = contacts["title"].astype(str).str.contains(OWNER_WORDS, regex=True)
    classes = pd.Series(size_class(employees.to_numpy()), index=contacts.index)
    senior = (level >= SENIORITY.index("director"))[~chief]
    classes = classes[~chief]
    primary = deals["contact_id"].map(pd.Series(level.to_numpy(), index=contacts["id"]))
    return {
        "chief_executive_misfit_share": float((chiefs != 1).mean()),
        "repeated_executive_titles": float(repeated.sum()),
        "owners_at_firms_of_50_plus": float((owners & (employees >= 50)).sum()),
        "senior_share_besides_chief_micro": float(senior[classes == "micro"].mean()),
        "senior_share_besides_chief_large": float(senior[classes == "large"].mean()),
        "junior_contact_on_top_deals_share": junior_contact_share(deals, primary),
        "primary_seniority_amount_correlation": spearman(deals["amount"].astype(float), primary),
    }


def junior_contact_share(deals: pd.DataFrame, primary_level: pd.Series, top: int = 200) -> float:
    """Share of the `top` largest deals whose primary contact is a professional or an assistant."""
    largest = deals["amount"].astype(float).nlargest(top, keep="first").index
    junior = primary_level.loc[largest] <= SENIORITY.index("professional")
    return float(junior.mean()) if len(largest) else float("nan")
