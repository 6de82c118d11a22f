"""Jobs and tenants: the job history with retry and cancel; the tenants of the target database with check and delete."""

import pandas as pd
import streamlit as st

from demogen import spawn, ui
from demogen.db import jobs
from demogen.db.catalog import list_tenants
from demogen.db.integrity import check_tenant
from demogen.db.writer import delete_tenant

st.title("Jobs and tenants")
url = ui.target_database()
engine = ui.open_engine(url)

st.subheader("Jobs")
history = jobs.list_jobs(engine)
if not history:
    st.caption("No jobs yet: push a tenant on the Push page.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "job": [j.id for j in history],
                "tenant": [j.tenant_name for j in history],
                "status": [j.status for j in history],
                "rows": [f"{j.rows_done:,} / {j.rows_total:,}" for j in history],
                "attempts": [j.attempts for j in history],
                "seconds": [
                    round((j.finished_at - j.started_at).total_seconds(), 1) if j.finished_at and j.started_at else None
                    for j in history
                ],
                "error": [j.error or "" for j in history],
            }
        ),
        hide_index=True,
    )
    chosen = st.selectbox("Job", [j.id for j in history], key="jobs.chosen")
    job = next(j for j in history if j.id == chosen)
    retry, cancel = st.columns(2)
    if retry.button("Retry", disabled=job.status not in ("failed", "cancelled"), key="jobs.retry"):
        try:
            if jobs.retry(engine, job.id):
                spawn.start(url, job.id)
                st.session_state["push.job"] = {"url": url, "id": job.id, "tenant": job.tenant_name}
                st.toast(f"Job {job.id} queued again; follow it on the Push page.")
        except jobs.JobConflict as error:
            st.error(f"{error} — wait for it to finish")
    if cancel.button(
        "Cancel",
        disabled=job.status not in jobs.ACTIVE,
        key="jobs.cancel",
        help="A queued job is dropped; a running push stops at its next block and rolls back: nothing of it is kept.",
    ):
        outcome = jobs.cancel(engine, job.id)
        if outcome is None:
            st.error(f"Job {job.id} could not be cancelled in its state ({jobs.get_job(engine, job.id).status}).")
        else:
            st.toast(f"Job {job.id} cancelled." if outcome == "cancelled" else f"Job {job.id}: stopping its push…")
            st.rerun()

st.subheader("Tenants")
if deleted := st.session_state.pop("tenants.deleted", None):
    st.success(f"Deleted {deleted!r}.")
tenants = list_tenants(engine)
if not tenants:
    st.caption("No tenants in this database yet.")
    st.stop()
st.dataframe(
    pd.DataFrame(
        {
            "id": [t.id for t in tenants],
            "tenant": [t.name for t in tenants],
            "rows": [t.rows for t in tenants],
            "seed": [t.seed for t in tenants],
            "as of": [str(t.as_of or "") for t in tenants],
            "generator": [t.generator_version for t in tenants],
            "data digest": [t.data_digest for t in tenants],
        }
    ),
    hide_index=True,
)
name = st.selectbox("Tenant", [t.name for t in tenants], key="tenants.chosen")
check, delete = st.columns(2)
if check.button("Check integrity", key="tenants.check"):
    report = check_tenant(engine, name)
    if report is None:
        st.error(f"{name!r} is not in the database any more.")
    else:
        (st.success if report.ok else st.error)(f"{name}: {'no violations' if report.ok else 'violations found'}")
        st.dataframe(ui.integrity_table(report.as_dict()), hide_index=True)
if delete.button("Delete…", key="tenants.delete"):
    st.session_state["tenants.confirm_delete"] = name


@st.dialog("Delete this tenant?")
def confirm_delete(target: str) -> None:
    st.write(f"**{target}** and all its rows and metadata are removed from `{ui.display_url(url)}`, atomically.")
    go, keep = st.columns(2)
    if go.button("Delete", type="primary", key="tenants.delete.go"):
        st.session_state.pop("tenants.confirm_delete", None)
        removed = delete_tenant(engine, target)
        st.session_state["tenants.deleted"] = target if removed else None
        st.rerun()
    if keep.button("Keep it", key="tenants.delete.keep"):
        st.session_state.pop("tenants.confirm_delete", None)
        st.rerun()


if st.session_state.get("tenants.confirm_delete"):
    confirm_delete(st.session_state["tenants.confirm_delete"])
