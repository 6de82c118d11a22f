"""Names and markets: the market mix, and per market the names, their variety against the country, and identities."""

import streamlit as st

from demogen import charts, realism, ui

st.title("Names and markets")
current = ui.recipe()

mix, notes = st.columns([1, 2])
with mix:
    st.subheader("Markets")
    ui.market_editor()
    ui.bound(
        st.checkbox,
        "Refuse unsupported markets",
        "locales.strict",
        to_widget=bool,
        to_recipe=lambda on: True if on else None,
        help="Off: a market without data uses US data, with a warning. On: the recipe is refused.",
    )
    st.subheader("The vendor")
    ui.bound(
        st.selectbox,
        "Home market",
        "tenant.country",
        options=ui.home_markets(),
        help="Where the tenant itself sits: its reps' names, the language of its deal names and activity subjects, "
        "its currency and its own working days.",
    )
    ui.bound(
        st.text_input,
        "Reps' email domain",
        "tenant.domain",
        to_widget=lambda domain: domain or "",
        to_recipe=lambda text: text.strip().lower() or None,
        placeholder="from the tenant name",
        help="The domain of the users' addresses (rita.jones@northwind-traders.com); empty: made from the tenant name.",
    )
with notes:
    for warning in ui.plan_warnings(current.canonical_json()):
        st.warning(warning, icon=":material/public:")
    frames = ui.frames()
    contacts = frames["contacts"]
    variety = realism.name_variety_by_market(contacts)
    people = {code: figures["people"] for code, figures in variety.items()}
    st.plotly_chart(charts.name_variety(variety, realism.reference_variety(variety, people=people)))
    st.caption(
        f"Duplicate full names: {realism.duplicate_full_name_rate(contacts['first_name'], contacts['last_name']):.2%}"
        f" of {len(contacts):,} contacts."
    )

with st.expander("Your own name lists", icon=":material/upload_file:"):
    st.caption(
        "A CSV in the format of the shipped lists replaces a market's names in this recipe: "
        "`name,gender,weight` for first names (gender F or M), `name,weight` for surnames; weights are counts."
    )
    market, kind, upload = st.columns([1, 1, 3])
    code = market.selectbox("Market", sorted({*current.locales, current.tenant.country}), key="names.market")
    list_kind = kind.selectbox("List", ["first_names", "last_names"], format_func=ui.LIST_NAMES.get, key="names.kind")
    with upload:
        ui.name_list_uploader(code, list_kind)
    for own_code, own in current.names.items():
        for own_kind in ("first_names", "last_names"):
            if getattr(own, own_kind) is not None:
                text, remove = st.columns([4, 1])
                text.write(f"{own_code}: own {ui.LIST_NAMES[own_kind]} ({len(getattr(own, own_kind)):,} names)")
                if remove.button("Remove", key=f"names.remove.{own_code}.{own_kind}"):
                    ui.set_value(f"names.{own_code}.{own_kind}", None)
                    st.rerun()

sample = {"sample": frames}
for code in variety:
    st.subheader(f"{code}: {variety[code]['people']:,.0f} contacts")
    first, last = st.columns(2)
    first.plotly_chart(charts.top_names(sample, "first_name", country=code), key=f"names.first.{code}")
    last.plotly_chart(charts.top_names(sample, "last_name", country=code), key=f"names.last.{code}")
    st.dataframe(ui.identities(frames, code), hide_index=True)
