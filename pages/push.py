"""Push: the approved recipe into the target database, as a job run in its own process, with live progress."""

import pandas as pd
import streamlit as st

from demogen import spawn, ui
from demogen.dataset import build_plan
from demogen.db import jobs
from demogen.db.transaction import tenant_id_of
from demogen.locales import LocaleError
from demogen.recipe import RecipeError
from demogen.tuning import duration_words, estimated_push_seconds

st.title("Push")
current = ui.recipe()
url = ui.target_database()
engine = ui.open_engine(url)

name = st.text_input("Tenant name in the database", value=current.tenant.name, key="push.tenant").strip()
with st.expander("Limits", icon=":material/speed:"):
    warn, cap, limit = st.columns(3)
    with warn:
        ui.bound(st.number_input, "Warn above (rows)", "limits.warn_rows", min_value=1, step=10_000)
    with cap:
        ui.bound(
            st.number_input,
            "Refuse above (rows)",
            "limits.max_rows",
            min_value=1,
            step=100_000,
            help="A recipe estimated above this is refused before anything is generated.",
        )
    with limit:
        ui.bound(
            st.number_input,
            "Time limit (s)",
            "limits.timeout_seconds",
            min_value=1.0,
            step=60.0,
            help="A push still running after this is rolled back and its job fails; nothing is left.",
        )
try:
    plan = build_plan(current)
except (RecipeError, LocaleError) as error:
    st.error(str(error))
    st.stop()
rows = plan.total_rows
st.caption(
    f"{rows:,} rows in one transaction · about {duration_words(estimated_push_seconds(rows, engine.dialect.name))} "
    f"· seed {current.seed} · as of {current.as_of}"
)

with engine.connect() as connection:
    exists = bool(name) and tenant_id_of(connection, name) is not None
active = jobs.active_job_id(engine, name) if name else None
if not name:
    st.info("Give the tenant a name.")
elif active is not None:
    st.info(f"Job {active} for {name!r} is queued or running; a second push waits until it ends.")
elif exists and st.session_state.get("push.job", {}).get("tenant") != name:
    st.warning(f"{name!r} already exists in this database: delete it on *Jobs and tenants* to push it again.")

if st.button(
    "Push tenant…",
    type="primary",
    disabled=not name or exists or active is not None,
    icon=":material/cloud_upload:",
    key="push.open",
):
    st.session_state["push.confirm"] = name


@st.dialog("Push this tenant?")
def confirm() -> None:
    st.write(f"**{name}** · {rows:,} rows into `{ui.display_url(url)}`, all or nothing.")
    go, cancel = st.columns(2)
    if go.button("Push now", type="primary", key="push.go"):
        st.session_state.pop("push.confirm", None)
        try:
            job_id = jobs.submit(engine, current, name, rows)
        except jobs.JobConflict as error:
            st.session_state["push.refused"] = f"{error} — wait for it to finish"
        else:
            spawn.start(url, job_id)
            st.session_state["push.job"] = {"url": url, "id": job_id, "tenant": name}
        st.rerun()
    if cancel.button("Cancel", key="push.cancel"):
        st.session_state.pop("push.confirm", None)
        st.rerun()


if st.session_state.get("push.confirm") == name:
    confirm()
if "push.refused" in st.session_state:
    st.error(st.session_state.pop("push.refused"))


@st.fragment(run_every=1.0)
def monitor(job_url: str, job_id: int) -> None:
    """Polls the job row (and the runner's progress file) until the job ends, then reruns the page."""
    job = jobs.get_job(ui.open_engine(job_url), job_id)
    if job.status not in jobs.ACTIVE:
        st.rerun()
    report = spawn.progress(job_url, job_id) or {}
    done = max(job.rows_done, report.get("rows_done", 0))
    seconds = report.get("seconds") or 0.0
    rate = done / seconds if seconds > 0 else 0.0
    eta = (job.rows_total - done) / rate if rate > 0 else None
    with st.status(f"Job {job_id}: pushing {job.tenant_name!r}…", state="running"):
        st.progress(
            min(done / max(job.rows_total, 1), 1.0),
            text=f"{done:,} of {job.rows_total:,} rows · {rate:,.0f} rows/s"
            + ("" if eta is None else f" · about {eta:,.0f} s left"),
        )
        if st.button("Stop this push", key="push.stop", help="It rolls back: nothing of it is kept."):
            jobs.cancel(ui.open_engine(job_url), job_id)
            st.toast(f"Job {job_id}: stopping its push…")


job_ref = st.session_state.get("push.job")
if job_ref:
    job = jobs.get_job(ui.open_engine(job_ref["url"]), job_ref["id"])
    if job.status in jobs.ACTIVE:
        monitor(job_ref["url"], job_ref["id"])
    elif job.status == "succeeded":
        check = (job.report or {}).get("check") or {}
        st.success(f"Job {job.id} succeeded: {job.tenant_name!r} is in the database.", icon=":material/check_circle:")
        st.markdown(f"Data digest `{job.report['data_digest']}`")
        left, right = st.columns(2)
        counts = check.get("row_counts") or {}
        left.dataframe(pd.DataFrame({"table": list(counts), "rows": list(counts.values())}), hide_index=True)
        with right:
            if check.get("ok"):
                st.success("Integrity check: no violations.")
            elif check.get("error"):
                st.warning(f"Integrity check did not finish ({check['error']}); run it on Jobs and tenants.")
            else:
                st.error("Integrity check found problems:")
            st.dataframe(ui.integrity_table(check), hide_index=True)
    else:
        st.error(f"Job {job.id} {job.status}: {job.error} — nothing of the tenant was written; retry it on Jobs.")
