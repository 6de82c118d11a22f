"""Deals and volumes: how many of everything, how large deals are, how they move through the pipeline."""

import streamlit as st

from demogen import charts, ui
from demogen.distributions import AmountLaw, CountLaw, LogNormal, LogNormalCount, pareto_alpha_for_top_share
from demogen.recipe import VENDOR_KINDS
from demogen.tuning import law_fields

st.title("Deals and volumes")
st.caption("Every control edits one key of the recipe; the charts show the first ~10,000 deals of the real tenant.")


def volume() -> None:
    """How many of everything: companies, users, and the laws of contacts, deals and activities per company."""
    left, right = st.columns(2)
    with left:
        ui.bound(st.number_input, "Companies", "volume.companies", min_value=1, step=1, help="Customer accounts.")
        ui.bound(
            st.number_input,
            "Users",
            "volume.users",
            min_value=1,
            max_value=5000,
            step=1,
            help="1 admin, every sixth a manager, the rest sales reps.",
        )
        ui.bound(
            st.slider,
            "Size correlation",
            "companies.size_correlation",
            min_value=0.0,
            max_value=0.95,
            step=0.05,
            help="How strongly company size drives contacts, deals and deal size. 0: independent; 0.9: the "
            "largest accounts have the most contacts and the biggest deals. The overall laws stay as configured.",
        )
        ui.bound(
            st.slider,
            "Ownership skew",
            "users.ownership_skew",
            min_value=0.0,
            max_value=5.0,
            step=0.1,
            help="0: every rep owns an equal share of accounts; higher: a few reps own most of them.",
        )
        ui.bound(
            st.number_input,
            "History (months)",
            "tenant.history_months",
            min_value=1,
            max_value=120,
            step=1,
            help="How far back the CRM's records go from 'as of': companies, deals and activities spread over it.",
        )
    with right:
        ui.law_editor("Contacts per company", "volume.contacts_per_company", CountLaw, "count")
        ui.law_editor("Deals per company", "volume.deals_per_company", CountLaw, "count")
        ui.law_editor("Activities per deal", "volume.activities_per_deal", CountLaw, "count")
        st.markdown("**Employees per company** — log-normal")
        ui.law_parameters("companies.employees", law_fields(LogNormalCount, "lognormal"))


ui.lazy_section(
    "Volume: companies, users, and contacts, deals and activities per company",
    volume,
    key="deals.volume",
    icon=":material/stacks:",
)


@st.fragment
def amounts() -> None:
    st.subheader("Deal amounts")
    controls, chart = st.columns([1, 2])
    with controls:
        ui.law_editor("Amount law", "deals.amount", AmountLaw, "amount")
        ui.bound(
            st.segmented_control,
            "Rounding",
            "deals.amount.rounding",
            options=["nice", "cents"],
            help="nice: amounts as people type them (2,350 / 12,500 / 150,000); cents: 12,437.19.",
        )
        law = ui.recipe().deals.amount.law
        if law.dist == "pareto":
            top_share_control(law)
    sample = {"sample": ui.frames()}
    with chart:
        st.plotly_chart(charts.deal_amounts(sample, law=law, currency=ui.currency()))
        st.plotly_chart(charts.lorenz(sample))


def top_share_control(law) -> None:
    """'The top 20% of deals hold X% of the value' in, the Pareto alpha that does it out."""
    key = f"deals.top20.{law.alpha}"

    def solve() -> None:
        try:
            alpha = pareto_alpha_for_top_share(st.session_state[key] / 100, minimum=law.minimum, cap=law.cap)
        except ValueError as error:
            ui.errors()["deals.top20"] = str(error)
            return
        ui.errors().pop("deals.top20", None)
        ui.set_value("deals.amount.alpha", round(alpha, 4))

    st.number_input(
        "The top 20% of deals hold this % of the value",
        min_value=20.0,
        max_value=100.0,
        value=round(100 * law.top_share(0.2), 1),
        step=1.0,
        key=key,
        on_change=solve,
        help="Sets the Pareto alpha in business terms.",
    )
    if "deals.top20" in ui.errors():
        st.error(ui.errors()["deals.top20"])
    st.caption(f"alpha = {law.alpha:g} (the top 20% hold {law.top_share(0.2):.0%} of the value)")


@st.fragment
def pipeline() -> None:
    st.subheader("Pipeline")
    controls, chart = st.columns([1, 2])
    with controls:
        ui.bound(
            st.slider,
            "Win rate",
            "deals.win_rate",
            min_value=0.01,
            max_value=0.99,
            step=0.01,
            help="The share of closed deals that are won.",
        )
        ui.bound(
            st.slider,
            "Growth per year",
            "deals.growth_per_year",
            min_value=-0.5,
            max_value=3.0,
            step=0.05,
            help="How much faster deals are created a year later: 0.15 means 15% more each year, 0 a flat pace.",
        )
        ui.bound(
            st.selectbox,
            "The tenant sells",
            "vendor.sells",
            options=list(VENDOR_KINDS),
            format_func=lambda kind: kind.replace("_", " "),
            help="Picks the deal types (new business, renewals, services...) and their names, in the home market's "
            "language.",
        )
        with st.popover("Deal types and customer industries", icon=":material/category:"):
            st.caption("Relative to a new-business deal at the same company; the overall amount law stays exact.")
            ui.deal_type_editor()
            st.caption("Who the customers are (weights, normalised).")
            ui.industry_editor()
        st.markdown("**Sales cycle (days)** — log-normal: from creation to close")
        ui.law_parameters("deals.sales_cycle_days", law_fields(LogNormal, "lognormal"))
        ui.lazy_section("Pipeline stages", ui.stage_editor, key="deals.stages", icon=":material/view_column:")
    sample = {"sample": ui.frames()}
    with chart:
        st.plotly_chart(charts.stage_funnel(sample))
        st.plotly_chart(charts.deals_per_month(sample))


@st.fragment
def accounts() -> None:
    st.subheader("Accounts and reps")
    sample = {"sample": ui.frames()}
    left, right = st.columns(2)
    with left:
        st.plotly_chart(charts.deals_per_company(sample))
    with right:
        st.plotly_chart(charts.deals_per_rep(sample))


@st.fragment
def working_time() -> None:
    ui.lazy_section(
        "Working time: hours, weekends, public holidays, lunch",
        working_time_controls,
        key="deals.working_time",
        icon=":material/schedule:",
    )


def working_time_controls() -> None:
    """Hours, lunch, weekends and holidays in each company's own zone."""
    left, right = st.columns(2)
    with left:
        ui.bound(
            st.slider,
            "Working hours",
            "activities.working_hours",
            min_value=0,
            max_value=24,
            to_widget=tuple,
            to_recipe=list,
            help="Local time in each company's own zone; calls and meetings fall between these hours.",
        )
        ui.bound(
            st.number_input,
            "Lunch hour",
            "activities.lunch_hour",
            min_value=0,
            max_value=23,
            step=1,
            help="The hour that starts the lunch break.",
        )
    with right:
        for label, path, help_text in (
            ("Weekend share", "activities.weekend_share", "What a weekend day keeps of a weekday's work."),
            ("Holiday share", "activities.holiday_share", "What a public holiday keeps of a workday's work."),
            ("Lunch dip", "activities.lunch_dip", "The share of an hour's work the lunch hour loses."),
        ):
            ui.bound(st.slider, label, path, min_value=0.0, max_value=1.0, step=0.01, help=help_text)


amounts()
pipeline()
accounts()
working_time()
