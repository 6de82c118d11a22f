"""Compare: two seeds, or the current recipe and a saved one, side by side with the same charts overlaid."""

import pandas as pd
import streamlit as st

from demogen import charts, ui
from demogen.recipe import RecipeError
from demogen.tuning import recipe_diff, with_value

st.title("Compare")
current = ui.recipe()
mode = st.segmented_control("Compare with", ["another seed", "a saved recipe"], default="another seed", key="cmp.mode")
if mode == "a saved recipe":
    choices = ui.loadable_recipes()
    chosen = st.selectbox("Recipe", list(choices), key="cmp.recipe")
    try:
        other = choices[chosen]()
    except RecipeError as error:
        st.error(str(error))
        st.stop()
    labels = ("current", chosen.split(": ", 1)[-1])
else:
    seed = st.number_input("Other seed", min_value=0, value=current.seed + 1, step=1, key="cmp.seed")
    other = with_value(current, "seed", int(seed))
    labels = (f"seed {current.seed}", f"seed {other.seed}")

first, second = ui.frames(current), ui.frames(other)
samples = dict(zip(labels, (first, second), strict=True))

left, right = st.columns(2)
with left:
    st.plotly_chart(charts.deal_amounts(samples, currency=ui.currency()), key="cmp.amounts")
    st.plotly_chart(charts.stage_funnel(samples), key="cmp.funnel")
    st.plotly_chart(charts.deals_per_company(samples), key="cmp.per_company")
with right:
    st.plotly_chart(charts.lorenz(samples), key="cmp.lorenz")
    st.plotly_chart(charts.deals_per_month(samples), key="cmp.per_month")
    st.plotly_chart(charts.deals_per_rep(samples, currency=ui.currency()), key="cmp.per_rep")

metrics, digests = st.columns([3, 2])
with metrics:
    st.subheader("Realism")
    st.dataframe(ui.realism_table(first, second, labels=labels), hide_index=True)
    st.subheader("The business story")
    st.dataframe(ui.story_table(first, second, labels=labels), hide_index=True)
with digests:
    st.subheader("Digests")
    st.caption("Of the whole tenants (computed on request: every row is generated).")
    if st.button("Compute the digests", key="cmp.digests"):
        for label, recipe in zip(labels, (current, other), strict=True):
            st.markdown(f"**{label}** `{ui.tenant_digest(recipe.canonical_json())}`")
    changes = recipe_diff(other, current)
    if changes:
        st.caption("Differences in the recipe")
        st.dataframe(pd.DataFrame(changes, columns=["key", labels[1], labels[0]]).astype(str), hide_index=True)
