"""Streamlit glue shared by the app's pages: the edited recipe, widgets bound to recipe keys, cached samples.

The recipe lives in `st.session_state[RECIPE]`, a key no widget owns, so it survives page switches; it is a
validated `Recipe` at all times. A bound widget seeds its value from the recipe, and on change the new value goes
through `tuning.with_value`: a valid value replaces the recipe (and the URL's `recipe` parameter, so a link
reproduces the view), an invalid one leaves it as it was and shows the recipe's own error under the widget.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.engine import make_url

from demogen.dataset import build_plan, estimate_rows, iter_blocks
from demogen.db.engine import DEFAULT_URL
from demogen.db.session import DatabaseNotReady, open_database
from demogen.export import collect_frames, digest_blocks, export_zip
from demogen.generate.industries import INDUSTRIES
from demogen.generate.vendor import DEAL_TYPES, INDUSTRY_LIFT
from demogen.locales import LocaleError, available_markets, load_locale, parse_name_list
from demogen.realism import realism_report, story_report
from demogen.recipe import DEAL_KINDS, Recipe, RecipeError, load_recipe
from demogen.tuning import (
    LAW_DEFAULTS,
    RecipeShelf,
    decode_recipe,
    dump_toml,
    encode_recipe,
    get_value,
    law_fields,
    recipe_mapping,
    sample_recipe,
    switch_law,
    with_value,
)

RECIPE = "demogen.recipe"
ERRORS = "demogen.errors"
WIDGET_PREFIX = "recipe:"
QUERY_KEY = "recipe"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "configs" / "default.toml"


def today() -> dt.date:
    """The app's notion of today fills a recipe without as_of; generation itself never reads the clock."""
    return dt.date.today()


def _initial_recipe() -> Recipe:
    token = st.query_params.get(QUERY_KEY)
    if token:
        try:
            return decode_recipe(token)
        except RecipeError as error:
            st.session_state[ERRORS]["link"] = f"The link's recipe was not used: {error}"
    return load_recipe(DEFAULT_CONFIG, today=today())


def recipe() -> Recipe:
    """The recipe being edited (created on first use from the URL, else configs/default.toml)."""
    st.session_state.setdefault(ERRORS, {})
    if RECIPE not in st.session_state:
        st.session_state[RECIPE] = _initial_recipe()
        st.query_params[QUERY_KEY] = encode_recipe(st.session_state[RECIPE])
    return st.session_state[RECIPE]


def replace_recipe(new: Recipe) -> None:
    """Swap in a whole recipe (upload, load, compare): every bound widget re-reads its value."""
    st.session_state[RECIPE] = new
    st.query_params[QUERY_KEY] = encode_recipe(new)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(WIDGET_PREFIX)]:
        del st.session_state[key]
    st.session_state[ERRORS] = {}


def errors() -> dict[str, str]:
    return st.session_state.setdefault(ERRORS, {})


def _apply(path: str, key: str, convert: Callable[[Any], Any]) -> None:
    try:
        value = convert(st.session_state[key])
    except (ValueError, TypeError) as error:  # RecipeError is a ValueError
        errors()[path] = str(error)
        return
    set_value(path, value, keep=(key,))


def bound(
    widget: Callable[..., Any],
    label: str,
    path: str,
    *,
    to_widget: Callable[[Any], Any] = lambda v: v,
    to_recipe: Callable[[Any], Any] = lambda v: v,
    **kwargs: Any,
) -> Any:
    """A widget editing one recipe key; its error (if the last value was refused) shows right under it."""
    key = WIDGET_PREFIX + path
    if key not in st.session_state:
        st.session_state[key] = to_widget(get_value(recipe_mapping(recipe()), path))
    value = widget(label, key=key, on_change=_apply, args=(path, key, to_recipe), **kwargs)
    if path in errors():
        st.error(errors()[path], icon=":material/error:")
    return value


def lazy_section(label: str, render: Callable[[], None], *, key: str, icon: str | None = None) -> None:
    """A collapsed expander whose content is built only while it is open (`on_change="rerun"` tracks its state),
    so the first page load does not draw the widgets nobody has opened yet. Values live in the recipe, so the
    widgets come back with them."""
    section = st.expander(label, icon=icon, key=f"section:{key}", on_change="rerun")
    if section.open:
        with section:
            render()


def whole_number(path: str) -> Callable[[Any], int]:
    """Text to int for keys too large for a number widget (seeds go up to 2**63 - 1)."""

    def convert(text: Any) -> int:
        cleaned = str(text).strip().replace(",", "").replace("_", "")
        if not cleaned.isdigit():
            raise RecipeError(path, f"{text!r} is not a whole number", "type digits only, for example 42")
        return int(cleaned)

    return convert


def sample_of(current: Recipe) -> Recipe:
    return sample_recipe(current)


@st.cache_data(max_entries=16, show_spinner="Generating a sample…")
def sample_frames(recipe_json: str) -> dict[str, pd.DataFrame]:
    """Whole tables of a (sample) recipe, cached by its canonical JSON (which holds the seed and as_of)."""
    return collect_frames(iter_blocks(build_plan(Recipe.model_validate_json(recipe_json))))


WHOLE_TENANT_ROWS = 60_000
"""Tenants up to this size can be previewed whole."""


def frames(current: Recipe | None = None, *, whole: bool = False) -> dict[str, pd.DataFrame]:
    """The preview sample of the recipe (the first ~10,000 deals of the real tenant and all their rows), or the
    whole tenant."""
    current = current or recipe()
    return sample_frames((current if whole else sample_of(current)).canonical_json())


METRIC_LABELS = {
    "distinct_first_names_per_10k": "Distinct first names per 10,000",
    "distinct_last_names_per_10k": "Distinct surnames per 10,000",
    "top10_surname_share": "Top-10 surname share",
    "duplicate_full_name_rate": "Duplicate full names",
    "deal_value_gini": "Gini of deal value",
    "deal_value_top20_share": "Value held by the top 20% of deals",
    "activities_on_weekdays": "Activities on weekdays",
    "activities_in_working_hours": "Activities in working hours",
    "contact_phone_validity": "Valid contact phones",
    "company_phone_validity": "Valid company phones",
}


def timezones() -> dict[str, str]:
    return {code: load_locale(code).timezone for code in available_markets()}


def realism_metrics(sample: dict[str, pd.DataFrame]) -> dict[str, float]:
    return realism_report(sample, timezones())


def realism_table(*samples: dict[str, pd.DataFrame], labels: tuple[str, ...] = ("value",)) -> pd.DataFrame:
    """The realism report of one or more samples, one column each, in plain words."""
    return _metrics_table([realism_metrics(sample) for sample in samples], METRIC_LABELS, labels)


STORY_LABELS = {
    "industry_name_agreement": "Company names that fit their industry",
    "legal_form_misfit_share": "Legal forms that do not fit the size",
    "duplicate_company_names": "Duplicate company names",
    "domains_with_digits": "Domains with a digit",
    "real_domain_clashes": "Domains of well-known real firms",
    "upsell_without_win_share": "Renewals and expansions without an earlier win",
    "new_business_share": "New-business deals",
    "stage_order_violation_share": "Activities out of process order",
    "onboarding_before_win_share": "Onboarding before the win",
    "activities_per_won_deal": "Activities per won deal",
    "activities_per_lost_deal": "Activities per lost deal",
    "activities_per_open_deal": "Activities per open deal",
    "close_slip_share": "Deals closed off their expected date",
    "close_slip_median_days": "Median slip of a close (days)",
    "overdue_open_share": "Open deals past their expected close",
    "stale_open_share": "Open deals without recent activity",
    "created_last_to_first_quarter": "Deals created, last quarter vs first",
    "won_value_largest_month_share": "Won value in the largest month",
    "largest_won_deal_share": "Won value in the largest deal",
    "quarter_end_won_share": "Won value in a quarter's last month",
    "rep_top_share": "Deals of the top rep",
    "rep_top_to_median": "Top rep's book vs the median rep's",
    "rep_min_deals": "Deals of the smallest book",
    "admin_owned_deals": "Deals owned by the admin",
    "admin_owned_companies": "Companies owned by the admin",
    "deals_before_owner_joined": "Deals created before their owner joined",
    "junior_contact_on_top_deals_share": "Junior primary contacts on the 200 largest deals",
    "open_deal_age_first_stage_days": "Median age of open deals in the first stage (days)",
    "open_deal_age_last_stage_days": "Median age of open deals in the last open stage (days)",
    "open_deal_age_stage_correlation": "Open deals: age vs stage (correlation)",
    "chief_executive_misfit_share": "Companies without exactly one chief executive",
    "repeated_executive_titles": "Executive titles held twice at one company",
    "owners_at_firms_of_50_plus": "Owners and founders at firms of 50+",
    "senior_share_besides_chief_micro": "Senior contacts besides the chief, firms under 10",
    "senior_share_besides_chief_large": "Senior contacts besides the chief, firms of 1,000+",
    "primary_seniority_amount_correlation": "Primary contact's seniority vs deal amount (correlation)",
    "holiday_activity_share": "Activities on public holidays",
}


def story_table(*samples: dict[str, pd.DataFrame], labels: tuple[str, ...] = ("value",)) -> pd.DataFrame:
    """The story metrics (docs/STORY.md) of one or more samples: does the tenant read like a sales business?"""
    return _metrics_table([story_report(sample) for sample in samples], STORY_LABELS, labels)


def _metrics_table(reports: list[dict[str, float]], names: dict[str, str], labels: tuple[str, ...]) -> pd.DataFrame:
    table = {"metric": [names.get(k, k.replace("_", " ")) for k in reports[0]]}
    for label, report in zip(labels, reports, strict=True):
        table[label] = [_metric_text(name, value) for name, value in report.items()]
    return pd.DataFrame(table)


_COUNTS = (
    "duplicate_",
    "domains_with",
    "real_domain",
    "rep_min",
    "admin_owned",
    "deals_before",
    "repeated_",
    "owners_at",
)


def _metric_text(name: str, value: float) -> str:
    """Counts as whole numbers, the Gini as a coefficient, ratios and averages with one decimal, shares as %."""
    if math.isnan(value):  # nothing to measure in this sample
        return "—"
    if name.endswith("_per_10k") or name.startswith(_COUNTS):
        return f"{value:,.0f}"
    if "gini" in name or name.endswith("_correlation"):
        return f"{value:.2f}"
    if name.startswith("activities_per") or name.endswith("_days"):
        return f"{value:.1f}"
    if name.endswith(("_to_median", "_to_first_quarter")):
        return f"{value:.1f}x"
    return f"{value:.1%}"


@st.cache_data(max_entries=4, show_spinner="Generating the whole tenant…")
def export_archive(recipe_json: str) -> dict[str, str]:
    """The canonical export zip of a recipe, in a temporary file, with its digest (cached per recipe)."""
    current = Recipe.model_validate_json(recipe_json)
    handle = tempfile.NamedTemporaryFile(prefix="demogen-export-", suffix=".zip", delete=False)  # noqa: SIM115
    with handle:
        digest = export_zip(
            iter_blocks(build_plan(current)), handle, extras={"recipe.toml": dump_toml(current).encode("utf-8")}
        )
    return {"path": handle.name, "digest": digest, "recipe": recipe_json}


def currency() -> str:
    """The tenant's currency, as its deals carry it."""
    deals = frames()["deals"]
    return str(deals["currency"].iloc[0]) if len(deals) else "USD"


@st.cache_data(max_entries=32, show_spinner=False)
def plan_warnings(recipe_json: str) -> tuple[str, ...]:
    try:
        return build_plan(sample_of(Recipe.model_validate_json(recipe_json))).warnings
    except (RecipeError, LocaleError) as error:
        return (str(error),)


def sidebar() -> None:
    """Recipe name, seed, as_of, market mix and estimated rows against the limits, on every page."""
    current = recipe()
    with st.sidebar:
        st.subheader(current.tenant.name)
        bound(st.text_input, "Tenant name", "tenant.name", help="Also the reps' email domain.")
        bound(
            st.text_input,
            "Route all email to",
            "tenant.route_email_to",
            to_widget=lambda domain: domain or "",
            to_recipe=lambda text: text.strip() or None,
            placeholder="a mail domain you control",
            help="For tenants that send mail: every address goes to this domain, tagged with the company's "
            "(first.last+company.com@your-domain), so no mail reaches anyone real.",
        )
        bound(
            st.text_input,
            "Seed",
            "seed",
            to_widget=str,
            to_recipe=whole_number("seed"),
            help="Same recipe + seed + as_of = the same bytes. Change it for another tenant of the same shape.",
        )
        bound(
            st.date_input,
            "As of",
            "tenant.as_of",
            to_widget=dt.date.fromisoformat,
            to_recipe=lambda d: d.isoformat() if d else None,
            help="The CRM's 'today': history ends here.",
        )
        mix = ", ".join(f"{code} {share:.0%}" for code, share in _shares(current).items())
        st.caption(f"Markets: {mix}")
        rows = sum(estimate_rows(current).values())
        limits = current.limits
        if rows > limits.max_rows:
            st.error(f"≈ {rows:,} rows: over the cap of {limits.max_rows:,}; lower the volume.")
        elif rows > limits.warn_rows:
            st.warning(f"≈ {rows:,} rows (warning above {limits.warn_rows:,}).")
        else:
            st.caption(f"≈ {rows:,} rows (cap {limits.max_rows:,})")
        st.progress(min(rows / limits.max_rows, 1.0))
        for warning in plan_warnings(current.canonical_json()):
            st.warning(warning, icon=":material/public:")
        if "link" in errors():
            st.error(errors()["link"])


def _shares(current: Recipe) -> dict[str, float]:
    total = sum(current.locales.values())
    return {code: share / total for code, share in current.locales.items()}


def configured_databases() -> list[str]:
    """Target databases to offer: `.streamlit/secrets.toml` (database_url), $DEMOGEN_DATABASE_URL, embedded SQLite."""
    try:
        secret = st.secrets.get("database_url")
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        secret = None
    candidates = [secret, os.environ.get("DEMOGEN_DATABASE_URL"), DEFAULT_URL]
    return list(dict.fromkeys(str(url) for url in candidates if url))


def display_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def target_database() -> str:
    """The database the Push, Jobs and Recipes pages work on (one choice for the whole session)."""
    options = configured_databases()
    return st.selectbox(
        "Target database",
        options,
        format_func=display_url,
        key="target.database",
        persist_state="session",
        help="Embedded SQLite unless `.streamlit/secrets.toml` (database_url) or DEMOGEN_DATABASE_URL names another.",
    )


@st.cache_resource(show_spinner=False)
def engine(url: str):
    """One engine per database URL, shared by all sessions (never mutated per user)."""
    return open_database(url, create=True)


def open_engine(url: str):
    """The engine of the target database, or one readable error and the page stops."""
    try:
        return engine(url)
    except DatabaseNotReady as error:
        st.error(str(error), icon=":material/database:")
        st.stop()


def integrity_table(check: dict) -> pd.DataFrame:
    return pd.DataFrame(
        {"check": list(check.get("violations", {})), "violations": list(check.get("violations", {}).values())}
    )


PARAMETER_HELP = {
    "median": "The typical value: half are below it, half above.",
    "sigma": "Spread on a log scale: 0.3 is tight, 0.8 is typical, 1.5 is very uneven.",
    "alpha": "Tail weight: lower means a heavier tail (a few huge values); 1.1-1.6 is typical for B2B deals.",
    "minimum": "The smallest value.",
    "cap": "The largest value; nothing above it.",
    "min": "The smallest value.",
    "max": "The largest value; nothing above it.",
    "mean": "The average.",
    "dispersion": "Unevenness: lower means some get many and most get few (variance = mean + mean²/dispersion).",
    "value": "Every one gets exactly this many.",
}


def law_editor(label: str, path: str, law_union: Any, family: str) -> None:
    """A law's kind and its parameters, each bound to its recipe key; switching the kind keeps the bounds."""
    law = get_value(recipe_mapping(recipe()), path)
    kinds = list(LAW_DEFAULTS[family])
    kind_key = f"{WIDGET_PREFIX}{path}.dist"
    st.session_state.setdefault(kind_key, law["dist"])

    def switch() -> None:
        current = get_value(recipe_mapping(recipe()), path)
        if not set_value(path, switch_law(current, st.session_state[kind_key], family, law_union), keep=(kind_key,)):
            st.session_state[kind_key] = current["dist"]

    st.selectbox(label, kinds, key=kind_key, on_change=switch, help="The shape of the distribution.")
    if path in errors():
        st.error(errors()[path], icon=":material/error:")
    law_parameters(path, law_fields(law_union, law["dist"]))


BOUNDS = {"min", "max", "minimum", "cap"}


def law_parameters(path: str, fields: dict[str, Any]) -> None:
    """One number input per numeric parameter of the law at `path` (fields as from `tuning.law_fields`)."""
    numeric = [name for name, info in fields.items() if info.annotation in (int, float, int | None, float | None)]
    numeric.sort(key=lambda name: name in BOUNDS)
    columns = st.columns(max(len(numeric), 1))
    for column, name in zip(columns, numeric, strict=False):
        whole = fields[name].annotation in (int, int | None)
        with column:
            bound(
                st.number_input,
                name,
                f"{path}.{name}",
                step=1 if whole else None,
                format=None if whole else "%g",
                help=PARAMETER_HELP.get(name),
            )


def set_value(path: str, value: Any, *, keep: tuple[str, ...] = ()) -> bool:
    """Set a key or a whole sub-mapping (a law) from code; the widgets under it re-read their values.

    Returns False, and records the recipe's error for the key, if the value was refused."""
    try:
        new = with_value(recipe(), path, value)
    except (RecipeError, ValueError) as error:
        errors()[path] = str(error)
        return False
    errors().pop(path, None)
    st.session_state[RECIPE] = new
    st.query_params[QUERY_KEY] = encode_recipe(new)
    own = WIDGET_PREFIX + path
    for key in [k for k in st.session_state if isinstance(k, str) and (k == own or k.startswith(own + "."))]:
        if key not in keep:
            del st.session_state[key]
    return True


def table_editor(
    path: str, rows: list[dict[str, Any]], *, to_recipe: Callable[[pd.DataFrame], Any], **kwargs: Any
) -> None:
    """A `st.data_editor` over rows of the recipe (stages, market weights), validated as a whole on every edit.

    The editor keeps its edits relative to the rows it was first given, so those rows are kept as its base until
    the recipe is replaced; a refused edit shows the recipe's error and leaves the recipe as it was."""
    base_key = f"{WIDGET_PREFIX}{path}.base"
    if base_key not in st.session_state:
        st.session_state[base_key] = pd.DataFrame(rows)
    edited = st.data_editor(st.session_state[base_key], key=f"{WIDGET_PREFIX}{path}.editor", **kwargs)
    value = to_recipe(edited)
    if value != get_value(recipe_mapping(recipe()), path):
        set_value(path, value, keep=(base_key, f"{WIDGET_PREFIX}{path}.editor"))
    if path in errors():
        st.error(errors()[path], icon=":material/error:")


def _clean(value: Any) -> Any:
    """Editor cells as plain Python values (numpy scalars and NaN of empty cells become numbers or None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def stage_editor() -> None:
    """The pipeline stages in order: name, win probability, closed, won."""
    stages = get_value(recipe_mapping(recipe()), "pipeline.stages")
    table_editor(
        "pipeline.stages",
        stages,
        to_recipe=lambda frame: [
            {k: _clean(v) for k, v in row.items() if _clean(v) is not None} for row in frame.to_dict("records")
        ],
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "name": st.column_config.TextColumn("Stage", required=True),
            "probability": st.column_config.NumberColumn("Probability", min_value=0.0, max_value=1.0, step=0.05),
            "is_closed": st.column_config.CheckboxColumn("Closed"),
            "is_won": st.column_config.CheckboxColumn("Won"),
        },
    )


def home_markets() -> list[str]:
    """Markets a vendor can sit in: the shipped ones, plus the recipe's own if it names another."""
    return sorted({*available_markets(), recipe().tenant.country})


def market_editor() -> None:
    """The market mix of the customer companies: a two-letter code and a weight per row (weights are normalised)."""
    mix = get_value(recipe_mapping(recipe()), "locales")
    rows = [{"market": code, "weight": weight} for code, weight in mix.items() if code != "strict"]

    def to_recipe(frame: pd.DataFrame) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for row in frame.to_dict("records"):
            code, weight = _clean(row.get("market")), _clean(row.get("weight"))
            if code is not None:
                value[str(code).strip()] = weight
        if mix.get("strict"):
            value["strict"] = True
        return dict(sorted(value.items()))

    table_editor(
        "locales",
        rows,
        to_recipe=to_recipe,
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "market": st.column_config.TextColumn("Market", required=True, help="Two-letter code, e.g. US, GB, DE."),
            "weight": st.column_config.NumberColumn("Weight", min_value=0.0, step=0.05, required=True),
        },
    )


_DEAL_TYPE_FIGURES = ("price", "cycle", "win_odds")


def _fresh_for(path: str, marker: Any) -> None:
    """Forget an editor's base rows when what its defaults come from (the vendor kind) changed."""
    key = f"{WIDGET_PREFIX}{path}.for"
    if st.session_state.get(key) != marker:
        for suffix in (".base", ".editor"):
            st.session_state.pop(f"{WIDGET_PREFIX}{path}{suffix}", None)
        st.session_state[key] = marker


def deal_type_editor() -> None:
    """Per deal type its price, cycle and win odds relative to new business; only changes from the vendor kind's
    defaults go into the recipe, so an untouched table leaves the recipe as it was."""
    vendor = recipe().vendor
    defaults = DEAL_TYPES[vendor.sells]
    _fresh_for("vendor.deal_types", vendor.sells)
    own = {kind: spec.model_dump() for kind, spec in vendor.deal_types.items()}
    rows = [
        {
            "deal type": kind,
            **{f: own.get(kind, {}).get(f) or defaults[kind][i] for i, f in enumerate(_DEAL_TYPE_FIGURES)},
        }
        for kind in DEAL_KINDS
    ]

    def to_recipe(frame: pd.DataFrame) -> dict[str, Any] | None:
        value: dict[str, Any] = {}
        for row in frame.to_dict("records"):
            kind = row["deal type"]
            changed = {
                f: _clean(row[f]) for i, f in enumerate(_DEAL_TYPE_FIGURES) if _clean(row[f]) != defaults[kind][i]
            }
            if changed:
                value[kind] = changed
        return value

    table_editor(
        "vendor.deal_types",
        rows,
        to_recipe=to_recipe,
        hide_index=True,
        disabled=["deal type"],
        column_config={
            "price": st.column_config.NumberColumn("Price", min_value=0.01, step=0.05, help="Amount vs new business."),
            "cycle": st.column_config.NumberColumn("Cycle", min_value=0.01, step=0.05, help="Sales cycle vs new."),
            "win_odds": st.column_config.NumberColumn(
                "Win odds", min_value=0.01, step=0.1, help="Odds vs the win rate."
            ),
        },
    )


def industry_editor() -> None:
    """The customers' industries (weights, normalised); an untouched table keeps the vendor kind's own mix."""
    vendor = recipe().vendor
    _fresh_for("vendor.industries", vendor.sells)
    lift = INDUSTRY_LIFT[vendor.sells]
    defaults = {name: round(share * lift.get(name, 1.0), 4) for name, share, _ in INDUSTRIES}
    current = vendor.industries or defaults
    rows = [{"industry": name, "weight": float(current.get(name, 0.0))} for name in defaults]

    def to_recipe(frame: pd.DataFrame) -> dict[str, float] | None:
        value = {row["industry"]: float(_clean(row["weight"]) or 0.0) for row in frame.to_dict("records")}
        return None if value == defaults else value

    table_editor(
        "vendor.industries",
        rows,
        to_recipe=to_recipe,
        hide_index=True,
        disabled=["industry"],
        column_config={"weight": st.column_config.NumberColumn("Weight", min_value=0.0, step=0.01)},
    )


def slug(text: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split()) or "recipe"


def shelf() -> RecipeShelf:
    """Saved recipes: `$DEMOGEN_RECIPES_DIR`, else `recipes/` in the folder the app runs in."""
    return RecipeShelf(Path(os.environ.get("DEMOGEN_RECIPES_DIR", "recipes")))


def loadable_recipes() -> dict[str, Callable[[], Recipe]]:
    """Label -> loader, for the saved recipes and the shipped presets."""
    saved = shelf()
    choices: dict[str, Callable[[], Recipe]] = {
        f"saved: {name}": functools.partial(saved.load, name) for name in saved.names()
    }
    for path in sorted((ROOT / "configs").glob("*.toml")):
        choices[f"preset: {path.stem}"] = functools.partial(load_recipe, path, today=today())
    return choices


def identities(sample: dict[str, pd.DataFrame], country: str, rows: int = 8) -> pd.DataFrame:
    """Whole people of one market as a demo shows them: name, title, email, phone and the company's address."""
    contacts = sample["contacts"]
    people = contacts[contacts["country"].astype(str) == country].head(rows)
    companies = sample["companies"].set_index("id")
    employer = companies.loc[people["company_id"]]
    return pd.DataFrame(
        {
            "name": (people["first_name"] + " " + people["last_name"]).to_numpy(),
            "title": people["title"].to_numpy(),
            "company": employer["name"].to_numpy(),
            "email": people["email"].to_numpy(),
            "phone": people["phone"].to_numpy(),
            "address": (
                employer["street"] + ", " + employer["postal_code"] + " " + employer["city"] + ", " + employer["region"]
            ).to_numpy(),
        }
    )


@st.cache_data(max_entries=16, show_spinner="Generating the whole tenant…")
def tenant_digest(recipe_json: str) -> str:
    return digest_blocks(iter_blocks(build_plan(Recipe.model_validate_json(recipe_json))))


LIST_NAMES = {"first_names": "first names", "last_names": "surnames"}


def name_list_uploader(code: str, kind: str) -> None:
    """Upload a CSV name list for one market: validated (errors name line and column), then part of the recipe."""
    key = f"names.upload.{code}.{kind}"
    upload = st.file_uploader(f"CSV of {LIST_NAMES[kind]} for {code}", type=["csv"], key=key)
    if upload is not None and st.session_state.get(f"{key}.done") != upload.file_id:
        st.session_state[f"{key}.done"] = upload.file_id
        try:
            rows = parse_name_list(upload.getvalue().decode("utf-8"), kind)
        except (LocaleError, UnicodeDecodeError) as error:
            errors()[key] = f"{upload.name}: {error} — nothing changed"
        else:
            errors().pop(key, None)
            if set_value(f"names.{code}.{kind}", rows):
                st.rerun()
            errors()[key] = f"{upload.name}: {errors().pop(f'names.{code}.{kind}')} — nothing changed"
    if key in errors():
        st.error(errors()[key], icon=":material/error:")
