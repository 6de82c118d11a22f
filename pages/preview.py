"""Preview: every table with search and filters, the realism report, row estimates, and the whole tenant as a zip."""

import pandas as pd
import streamlit as st

from demogen import ui
from demogen.dataset import estimate_rows
from demogen.tables import TABLE_ORDER
from demogen.tuning import duration_words, estimated_push_seconds

st.title("Preview")
current = ui.recipe()
estimate = estimate_rows(current)
small = sum(estimate.values()) <= ui.WHOLE_TENANT_ROWS
whole = st.toggle(
    "Whole tenant",
    value=small,
    disabled=not small,
    key="preview.whole",
    help=f"Tenants up to {ui.WHOLE_TENANT_ROWS:,} rows are shown whole; larger ones as their first ~10,000 deals.",
)
frames = ui.frames(current, whole=whole)

counts, realism = st.columns([2, 3])
with counts:
    st.subheader("Rows")
    limits = current.limits
    total = sum(estimate.values())
    st.dataframe(
        pd.DataFrame(
            {"table": list(estimate), "expected": list(estimate.values()), "shown": [len(frames[t]) for t in estimate]}
        ),
        hide_index=True,
    )
    st.caption(
        f"≈ {total:,} rows · warn above {limits.warn_rows:,} · cap {limits.max_rows:,} · push about "
        f"{duration_words(estimated_push_seconds(total, 'sqlite'))} (SQLite) / "
        f"{duration_words(estimated_push_seconds(total, 'postgresql'))} (PostgreSQL)"
    )
with realism:
    st.subheader("Realism")
    st.dataframe(ui.realism_table(frames), hide_index=True)
    st.subheader("The business story")
    st.dataframe(ui.story_table(frames), hide_index=True)

st.subheader("Tables")
table = st.segmented_control("Table", TABLE_ORDER, default="contacts", key="preview.table") or "contacts"
frame = frames[table]
search, column_pick = st.columns(2)
needle = search.text_input("Search", key=f"preview.search.{table}", placeholder="any text in any column")
categorical = [c for c in frame.columns if frame[c].dtype == "string" and 1 < frame[c].nunique() <= 60]
column = column_pick.selectbox("Filter by", ["(none)", *categorical], key=f"preview.filter_by.{table}")
if column != "(none)":
    picked = st.multiselect(column, sorted(frame[column].dropna().unique()), key=f"preview.filter.{table}.{column}")
    if picked:
        frame = frame[frame[column].isin(picked)]
if needle:
    text = frame.select_dtypes(include="string")
    frame = frame[text.apply(lambda col: col.str.contains(needle, case=False, regex=False)).any(axis=1).fillna(False)]
st.caption(f"{len(frame):,} rows")
st.dataframe(frame, hide_index=True, height=420)

st.subheader("Download")
st.caption("The whole tenant as the canonical export: one CSV per table plus the recipe and the data digest.")
if st.button("Build the export", icon=":material/folder_zip:", key="preview.build"):
    st.session_state["preview.export"] = ui.export_archive(current.canonical_json())
built = st.session_state.get("preview.export")
if built and built["recipe"] == current.canonical_json():
    st.markdown(f"Data digest `{built['digest']}`")
    with open(built["path"], "rb") as archive:
        st.download_button(
            "Download the tenant (.zip)",
            data=archive,
            file_name=f"{ui.slug(current.tenant.name)}-seed{current.seed}.zip",
            mime="application/zip",
            icon=":material/download:",
            key="preview.download",
        )
