"""demogen's tuning app: tune a demo tenant until it looks real, compare, and push it (`streamlit run app.py`)."""

import streamlit as st

from demogen import ui

st.set_page_config(page_title="demogen", page_icon=":material/groups:", layout="wide")

PAGES = [
    st.Page("pages/deals.py", title="Deals and volumes", icon=":material/payments:", default=True),
    st.Page("pages/names.py", title="Names and markets", icon=":material/badge:"),
    st.Page("pages/preview.py", title="Preview", icon=":material/table_view:"),
    st.Page("pages/compare.py", title="Compare", icon=":material/compare:"),
    st.Page("pages/push.py", title="Push", icon=":material/cloud_upload:"),
    st.Page("pages/jobs.py", title="Jobs and tenants", icon=":material/list_alt:"),
    st.Page("pages/recipes.py", title="Recipes", icon=":material/description:"),
]

page = st.navigation(PAGES)
ui.sidebar()
page.run()
