"""The database push on both backends: migrations, atomic writes, read-back, checks, jobs and isolation."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import numpy as np
import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from conftest import ROOT, recipe_from
from dbtools import counts, postgres_database, run_cli, url_of
from demogen import parallel
from demogen.dataset import build_plan, iter_blocks
from demogen.db import integrity, jobs, migrate, readback, writer
from demogen.db.engine import is_sqlite, make_engine
from demogen.db.integrity import check_tenant
from demogen.db.readback import stored_digest
from demogen.db.schema import generation_jobs, metadata
from demogen.db.writer import DanglingReferences, PushTimeout, delete_tenant, push
from demogen.export import csv_bytes, digest_blocks, holds_a_word
from demogen.recipe import FORBIDDEN_WORDS
from demogen.text import replace_rows, to_text

RECIPE = recipe_from({"volume": {"companies": 160, "users": 6}}, seed=4)


def test_push_reads_back_with_the_recipe_digest_and_passes_the_checks(database):
    engine, _ = database
    plan = build_plan(RECIPE)
    expected = digest_blocks(iter_blocks(plan))
    result = push(engine, plan, "Harbor Lines")
    assert result.data_digest == expected
    assert stored_digest(engine, "Harbor Lines") == expected
    report = check_tenant(engine, "Harbor Lines")
    assert report.ok, report.lines()
    assert report.row_counts == plan.row_counts()


def test_batch_size_changes_nothing_in_the_stored_data(database):
    engine, _ = database
    plan = build_plan(RECIPE)
    push(engine, plan, "Small Batches", batch_size=7)
    assert stored_digest(engine, "Small Batches") == digest_blocks(iter_blocks(plan))


def test_texts_with_quotes_backslashes_and_any_script_are_stored_as_they_are(database, monkeypatch):
    """What JSON rows (SQLite) and CSV (PostgreSQL) must quote or escape reaches the table unchanged."""
    engine, _ = database
    tricky = ['Say "hi" \\ bye', "Zoë Ærøskøbing, Süd", "株式会社山田", "\\\\ends\\"]
    iter_formatted = parallel.iter_formatted

    def with_tricky_names(plan, workers):
        for table, block, canonical in iter_formatted(plan, workers):
            if table != "companies" or block["id"][0] != 1:
                yield table, block, canonical
                continue
            named = {**block, "name": replace_rows(block["name"], np.arange(len(tricky)), to_text(tricky))}
            yield table, named, csv_bytes(table, named)

    monkeypatch.setattr(parallel, "iter_formatted", with_tricky_names)
    result = push(engine, build_plan(RECIPE), "Harbor Lines")
    with engine.connect() as connection:
        names = connection.execute(
            text("SELECT name FROM companies WHERE tenant_id = :t AND id <= 4 ORDER BY id"), {"t": result.tenant_id}
        ).scalars()
        assert list(names) == tricky
    assert stored_digest(engine, "Harbor Lines") == result.data_digest


def test_delete_then_generate_again_gives_the_same_digest(database):
    engine, _ = database
    plan = build_plan(RECIPE)
    push(engine, plan, "Harbor Lines")
    push(engine, build_plan(recipe_from({"volume": {"companies": 40}}, seed=9)), "Other Tenant")
    other_before = stored_digest(engine, "Other Tenant")
    assert delete_tenant(engine, "Harbor Lines")
    assert counts(engine)["tenants"] == 1
    assert stored_digest(engine, "Other Tenant") == other_before
    push(engine, plan, "Harbor Lines")
    assert stored_digest(engine, "Harbor Lines") == digest_blocks(iter_blocks(plan))


def test_a_timeout_leaves_nothing_and_fails_the_job(database):
    engine, _ = database
    plan = build_plan(RECIPE)
    with pytest.raises(PushTimeout):
        push(engine, plan, "Slow Tenant", timeout=0.001)
    assert all(count == 0 for count in counts(engine).values())
    job_id = jobs.submit(engine, RECIPE, "Slow Tenant", plan.total_rows)
    jobs.claim(engine, job_id)
    job = jobs.run_job(engine, job_id, timeout=0.001)
    assert job.status == "failed" and job.error.startswith("the push took longer than")  # no class name
    assert all(count == 0 for count in counts(engine).values())
    assert jobs.retry(engine, job_id)
    queued = jobs.get_job(engine, job_id)  # nothing of the failed run shows on the queued job
    assert (queued.status, queued.error, queued.started_at, queued.heartbeat_at) == ("queued", None, None, None)
    assert jobs.claim_next(engine) == job_id
    assert jobs.run_job(engine, job_id).status == "succeeded"
    assert stored_digest(engine, "Slow Tenant") == digest_blocks(iter_blocks(plan))


def _terminate_pushes(engine) -> None:
    """End every other session of the test database that sits in an open transaction (the push's), and wait."""
    with engine.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
            )
        )
        connection.rollback()


def _stall_once(seconds: float, then=None):
    """A progress callback that stalls on the first block (then runs `then`), as a slow disk or generator would."""
    calls: list[int] = []

    def progress(done: int) -> None:
        if not calls:
            if then is not None:
                then()
            time.sleep(seconds)
        calls.append(done)

    return progress


@pytest.mark.parametrize("ending", ["idle timeout", "terminated"])
def test_a_push_the_server_ends_after_its_time_limit_is_a_timeout(postgres, ending):
    """However the server ends a push that ran out of time, the push reports the time limit, and nothing stays.

    The stall (3x the limit) makes the server's idle_in_transaction_session_timeout end the session, or the test
    terminates it first: the client then sees "terminating connection ..." or just "the connection is lost".
    """
    engine, _, _ = postgres
    then = (lambda: _terminate_pushes(engine)) if ending == "terminated" else None
    with pytest.raises(PushTimeout, match=r"longer than 0\.2 s"):
        push(engine, build_plan(RECIPE), "Stalled", timeout=0.2, progress=_stall_once(0.6, then))
    assert all(count == 0 for count in counts(engine).values())


def test_a_lost_connection_within_the_time_limit_is_not_a_timeout(postgres):
    engine, _, _ = postgres
    with pytest.raises((DBAPIError, psycopg.OperationalError)) as caught:
        push(
            engine,
            build_plan(RECIPE),
            "Cut Off",
            timeout=60,
            progress=_stall_once(0.1, lambda: _terminate_pushes(engine)),
        )
    assert not isinstance(caught.value, PushTimeout)
    assert all(count == 0 for count in counts(engine).values())


def test_a_constraint_violation_midway_rolls_everything_back(database):
    engine, _ = database
    push(engine, build_plan(recipe_from({"volume": {"companies": 30}}, seed=2)), "Existing")
    before, existing = counts(engine), stored_digest(engine, "Existing")
    with engine.begin() as connection:  # activities come last: everything else is written when this fires
        if engine.dialect.name == "sqlite":
            connection.execute(
                text(
                    "CREATE TRIGGER no_notes BEFORE INSERT ON activities WHEN NEW.kind = 'note' "
                    "BEGIN SELECT RAISE(ABORT, 'notes are not allowed'); END"
                )
            )
        else:
            connection.execute(text("ALTER TABLE activities ADD CONSTRAINT no_notes CHECK (kind <> 'note') NOT VALID"))
    with pytest.raises((DBAPIError, psycopg.Error)):
        push(engine, build_plan(RECIPE), "Harbor Lines")
    assert counts(engine) == before
    assert stored_digest(engine, "Existing") == existing


def test_concurrent_submissions_for_one_tenant_create_one_job(database):
    engine, _ = database
    outcomes: list[object] = []

    def submit() -> None:
        try:
            outcomes.append(jobs.submit(engine, RECIPE, "Busy Tenant", 10))
        except jobs.JobConflict as error:
            outcomes.append(error)

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [o for o in outcomes if isinstance(o, int)]
    conflicts = [o for o in outcomes if isinstance(o, jobs.JobConflict)]
    assert len(ids) == 1 and len(conflicts) == 5
    assert all(c.job_id == ids[0] for c in conflicts)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(generation_jobs)).scalar() == 1


def test_integrity_check_reports_a_damaged_tenant(database):
    engine, _ = database
    push(engine, build_plan(RECIPE), "Harbor Lines")
    with engine.begin() as connection:
        connection.execute(text("UPDATE activities SET due_at = (SELECT MIN(created_at) FROM companies) WHERE id = 1"))
        connection.execute(text("UPDATE contacts SET title = 'Head of DeMo Sales' WHERE id = 2"))  # in any case
    report = check_tenant(engine, "Harbor Lines")
    assert not report.ok
    assert report.violations["activities outside their deal's life"] == 1
    assert report.violations["contacts text that gives the data away"] == 1
    assert sum(report.violations.values()) == 2


@pytest.mark.parametrize("second", ["works", "fails"])
def test_a_large_sqlite_tenant_is_checked_in_two_processes_and_still_reports_everything(tmp_path, monkeypatch, second):
    """The largest table's pass runs in a second process (forced here for a small tenant); a damaged row in it is
    still counted, also when that process cannot run and the pass is made in this one."""
    monkeypatch.setattr(integrity, "SQLITE_SECOND_PROCESS_ROWS", 1)
    if second == "fails":
        monkeypatch.setattr(integrity.sys, "executable", "/bin/false")
    engine = make_engine(f"sqlite:///{tmp_path / 'two.db'}")
    migrate.upgrade(engine)
    push(engine, build_plan(RECIPE), "Harbor Lines")
    assert check_tenant(engine, "Harbor Lines").ok
    with engine.begin() as connection:
        connection.execute(text("UPDATE activities SET due_at = (SELECT MIN(created_at) FROM companies) WHERE id = 3"))
        connection.execute(text("UPDATE contacts SET title = 'Demo Lead' WHERE id = 1"))
    here = []
    local_pass = integrity._table_counts

    def counted_here(connection, table, *args):
        here.append(table.name)
        return local_pass(connection, table, *args)

    monkeypatch.setattr(integrity, "_table_counts", counted_here)
    report = check_tenant(engine, "Harbor Lines")
    assert report.violations["activities outside their deal's life"] == 1
    assert report.violations["contacts text that gives the data away"] == 1
    assert report.row_counts == build_plan(RECIPE).row_counts()
    assert ("activities" in here) == (second == "fails")  # the largest table, made by the other process
    engine.dispose()


def test_a_check_and_a_digest_read_one_snapshot_while_the_tenant_is_deleted(database, monkeypatch):
    """A delete that commits between two of a check's (or a digest's) statements is not seen half: the report and
    the digest are those of the whole tenant as it was when they began."""
    engine, _ = database
    plan = build_plan(RECIPE)
    push(engine, plan, "Harbor Lines")
    other = make_engine(engine.url.render_as_string(hide_password=False))

    def deleting_after_the_first(original):
        def wrapped(connection, table, *args):
            if table.name == "companies":
                assert delete_tenant(other, "Harbor Lines")
            return original(connection, table, *args)

        return wrapped

    with monkeypatch.context() as patched:  # the push's own report (PostgreSQL) must not delete
        patched.setattr(integrity, "_table_counts", deleting_after_the_first(integrity._table_counts))
        report = check_tenant(engine, "Harbor Lines")
    assert report.ok, report.lines()
    assert report.row_counts == plan.row_counts()
    push(engine, plan, "Harbor Lines")
    monkeypatch.setattr(readback, "_table_blocks", deleting_after_the_first(readback._table_blocks))
    assert stored_digest(engine, "Harbor Lines") == digest_blocks(iter_blocks(plan))
    assert counts(engine)["tenants"] == 0
    other.dispose()


def test_a_sqlite_check_ignores_a_second_process_that_read_a_tenant_pushed_again(tmp_path, monkeypatch):
    """Deleted and pushed again (SQLite reuses the id) while the check runs: the other process reads the new push,
    so its pass is made again in the check's own snapshot of the old one."""
    monkeypatch.setattr(integrity, "SQLITE_SECOND_PROCESS_ROWS", 1)
    engine = make_engine(f"sqlite:///{tmp_path / 'again.db'}")
    migrate.upgrade(engine)
    plan, smaller = build_plan(RECIPE), build_plan(recipe_from({"volume": {"companies": 40}}, seed=9))
    push(engine, plan, "Harbor Lines")
    other = make_engine(f"sqlite:///{tmp_path / 'again.db'}")
    start_pass = integrity._start_pass

    def pushed_again_first(*args):
        assert delete_tenant(other, "Harbor Lines")
        assert push(other, smaller, "Harbor Lines").tenant_id == 1
        return start_pass(*args)

    monkeypatch.setattr(integrity, "_start_pass", pushed_again_first)
    report = check_tenant(engine, "Harbor Lines")
    assert report.ok, report.lines()
    assert report.row_counts == plan.row_counts()
    assert check_tenant(other, "Harbor Lines").row_counts == smaller.row_counts()
    engine.dispose()
    other.dispose()


def test_a_sqlite_push_gives_its_connection_back_with_the_settings_it_had(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'cache.db'}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    push(engine, build_plan(RECIPE), "Harbor Lines")
    with engine.connect() as connection:  # the pool hands back the connection the push used
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == before
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def _job_whose_check_breaks(engine, monkeypatch, module, name: str) -> jobs.Job:
    def broken(*args, **kwargs):
        raise RuntimeError("the check broke")

    monkeypatch.setattr(module, name, broken)
    job_id = jobs.submit(engine, RECIPE, "Harbor Lines", build_plan(RECIPE).total_rows)
    jobs.claim(engine, job_id)
    return jobs.run_job(engine, job_id)


def _commit_whose_answer_is_lost(monkeypatch) -> None:
    """The push commits, then its connection fails before the answer arrives (a restart, a failover)."""
    pushed = jobs.push

    def lost(*args, **kwargs):
        pushed(*args, **kwargs)
        raise OperationalError("COMMIT", {}, ConnectionError("server closed the connection unexpectedly"))

    monkeypatch.setattr(jobs, "push", lost)


def test_a_commit_whose_answer_is_lost_is_a_success_checked_after_it(database, monkeypatch):
    """The tenant is whole, so the job succeeded: its digest is read back from the rows and its check runs then."""
    engine, _ = database
    _commit_whose_answer_is_lost(monkeypatch)
    job_id = jobs.submit(engine, RECIPE, "Harbor Lines", build_plan(RECIPE).total_rows)
    jobs.claim(engine, job_id)
    job = jobs.run_job(engine, job_id)
    assert job.status == "succeeded" and job.report["check"]["ok"]
    assert job.report["data_digest"] == digest_blocks(iter_blocks(build_plan(RECIPE)))


def test_a_check_after_the_commit_that_breaks_leaves_the_push_succeeded(database, monkeypatch):
    """After a commit whose answer was lost the check runs on its own: its failure cannot undo the tenant."""
    engine, _ = database
    _commit_whose_answer_is_lost(monkeypatch)
    job = _job_whose_check_breaks(engine, monkeypatch, jobs, "check_tenant")
    assert job.status == "succeeded"
    assert job.report["check"] == {"tenant": "Harbor Lines", "ok": False, "error": "the check broke"}
    assert stored_digest(engine, "Harbor Lines") == digest_blocks(iter_blocks(build_plan(RECIPE)))


def test_a_check_inside_the_push_that_breaks_rolls_the_tenant_back(database, monkeypatch):
    """The report is the push's verification of its references: without it nothing is committed."""
    engine, _ = database
    job = _job_whose_check_breaks(engine, monkeypatch, writer, "tenant_report")
    assert job.status == "failed" and "the check broke" in job.error
    assert set(counts(engine).values()) == {0}


def test_the_head_revision_the_commands_check_is_the_newest_migration():
    """Commands compare the database with migrate.HEAD without loading Alembic; a new migration must move it."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config(make_engine("sqlite:///unused.db")))
    assert scripts.get_current_head() == migrate.HEAD


def test_migrations_match_the_tables_and_downgrade_cleanly(database):
    engine, role = database
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_schemas": engine.dialect.name != "sqlite", "compare_type": True}
        )
        differences = [d for d in compare_metadata(context, _as_stored(engine)) if not _cross_schema_fk(engine, d)]
    assert differences == []
    migrate.downgrade(engine, "base", tenant_role=role)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine, tenant_role=role)
    assert migrate.is_current(engine)


def _as_stored(engine) -> MetaData:
    """The declared tables as the backend stores them (SQLite keeps the admin tables in its main schema)."""
    if engine.dialect.name != "sqlite":
        return metadata
    flat = MetaData(naming_convention=metadata.naming_convention)
    for table in metadata.tables.values():
        table.to_metadata(flat, schema=None)
    return flat


def _cross_schema_fk(engine, difference) -> bool:
    """SQLite cannot declare a foreign key from the admin tables to tenants (delete_tenant removes both)."""
    return (
        engine.dialect.name == "sqlite"
        and difference[0] == "add_fk"
        and difference[1].name == "fk_tenant_metadata_tenant_id_tenants"
    )


def test_bad_input_exits_2_and_changes_nothing(database, tmp_path):
    engine, _ = database
    url = url_of(engine)
    bad = tmp_path / "bad.toml"
    bad.write_text('[tenant]\nname = "X"\n[volume]\ncompanies = -1\n', encoding="utf-8")
    before = counts(engine)
    result = run_cli("generate", "--config", str(bad), "--db", url)
    assert result.returncode == 2 and result.stderr.startswith("error: volume.companies")
    result = run_cli("check", "--tenant", "Nobody", "--db", url)
    assert result.returncode == 2 and "no such tenant" in result.stderr
    result = run_cli("delete", "--tenant", "Nobody", "--db", url)
    assert result.returncode == 2
    assert counts(engine) == before
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(generation_jobs)).scalar() == 0


def test_cli_generate_digest_check_delete(database, tmp_path):
    engine, _ = database
    url = url_of(engine)
    recipe = tmp_path / "r.toml"
    recipe.write_text(
        '[tenant]\nname = "Larkspur Freight"\nas_of = "2026-11-28"\n[locales]\nGB = 1\n[volume]\ncompanies = 60\n',
        encoding="utf-8",
    )
    generated = run_cli("generate", "--config", str(recipe), "--db", url)
    assert generated.returncode == 0, generated.stderr
    expected = run_cli("digest", "--config", str(recipe)).stdout.strip()
    assert f"data digest:   {expected}" in generated.stdout
    assert run_cli("digest", "--db", url, "--tenant", "Larkspur Freight").stdout.strip() == expected
    assert run_cli("check", "--db", url, "--tenant", "Larkspur Freight", "--json").returncode == 0
    again = run_cli("generate", "--config", str(recipe), "--db", url)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert run_cli("delete", "--db", url, "--tenant", "Larkspur Freight").returncode == 0
    assert counts(engine)["tenants"] == 0


def test_postgres_behind_schema_is_refused(tmp_path):
    with postgres_database() as (url, role):
        engine = make_engine(url)
        migrate.upgrade(engine, "0001", tenant_role=role)
        recipe = tmp_path / "r.toml"
        recipe.write_text('[tenant]\nname = "Larkspur Freight"\n[volume]\ncompanies = 5\n', encoding="utf-8")
        result = run_cli("generate", "--config", str(recipe), "--db", url)
        assert result.returncode == 2
        assert "demogen db upgrade" in result.stderr
        engine.dispose()


def test_tenant_role_sees_only_its_tenant_and_nothing_of_admin(postgres):
    engine, _, role = postgres
    first = push(engine, build_plan(RECIPE), "First").tenant_id
    second = push(engine, build_plan(recipe_from({"volume": {"companies": 30}}, seed=2)), "Second").tenant_id
    with engine.connect() as connection:
        connection.execute(text(f"SET ROLE {role}"))
        connection.execute(text(f"SET app.tenant_id = '{first}'"))
        seen = connection.execute(text("SELECT DISTINCT tenant_id FROM contacts")).scalars().all()
        assert seen == [first]
        assert connection.execute(text("SELECT COUNT(*) FROM tenants")).scalar() == 1
        updated = connection.execute(text(f"UPDATE contacts SET title = 'x' WHERE tenant_id = {second}")).rowcount
        deleted = connection.execute(text(f"DELETE FROM activities WHERE tenant_id = {second}")).rowcount
        assert updated == 0 and deleted == 0
        with pytest.raises(Exception, match="row-level security"), connection.begin_nested():
            connection.execute(
                text(f"INSERT INTO pipeline_stages VALUES ({second}, 99, 'Sneaky', 9, 0.5, false, false)")
            )
        for admin_table in ("generation_jobs", "tenant_metadata"):
            with pytest.raises(Exception, match="permission denied"), connection.begin_nested():
                connection.execute(text(f"SELECT * FROM demogen_admin.{admin_table}"))
        connection.execute(text("RESET app.tenant_id"))
        assert connection.execute(text("SELECT COUNT(*) FROM contacts")).scalar() == 0
        connection.rollback()


def test_a_killed_push_leaves_nothing_and_the_worker_fails_its_job(postgres, tmp_path):
    engine, url, _ = postgres
    recipe = tmp_path / "big.toml"
    recipe.write_text(
        '[tenant]\nname = "Big Tenant"\nas_of = "2026-11-28"\n[locales]\nUS = 1\n[volume]\ncompanies = 40000\n'
        "[limits]\nwarn_rows = 5000000\nmax_rows = 5000000\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "demogen.cli", "generate", "--config", str(recipe), "--db", url],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    rows_done = 0
    while time.monotonic() < deadline and rows_done == 0:
        time.sleep(0.5)
        with engine.connect() as connection:
            rows_done = connection.execute(select(func.max(generation_jobs.c.rows_done))).scalar() or 0
    assert rows_done > 0, "progress never became visible to other connections"
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(1)
    assert counts(engine)["tenants"] == 0 and counts(engine)["contacts"] == 0
    worker = run_cli("worker", "--db", url, "--once", "--stale-after", "1")
    assert "marked failed" in worker.stdout
    job = jobs.list_jobs(engine)[0]
    assert job.status == "failed" and "stopped" in job.error


def test_bulk_load_verifies_every_reference_before_commit(database, monkeypatch):
    """The load checks no foreign key row by row (PostgreSQL's triggers off, SQLite's enforcement off), so the
    push's own check must refuse what they would have: a deal whose contact does not exist rolls the whole tenant
    back, and the SQLite connection goes back to the pool enforcing its foreign keys again."""
    engine, _ = database
    load_input = writer._load_input

    def with_a_dangling_contact(sqlite: bool, tenant_id: int, batch_size: int | None):
        prepare = load_input(sqlite, tenant_id, batch_size)

        def rows(table, block, canonical):
            data, *others = prepare(table, block, canonical)
            if table != "deals":
                return [data, *others]
            start, comma, missing = (2, ",", "999999") if sqlite else (0, b",", b"999999")  # JSON text: "[[" first
            tenant, deal, company, _, fields = data[start:].split(comma, 4)  # tenant_id first, then id, company_id
            return [data[:start] + comma.join([tenant, deal, company, missing, fields]), *others]

        return rows

    monkeypatch.setattr(writer, "_load_input", with_a_dangling_contact)
    with pytest.raises(DanglingReferences, match=r"1 deals\.contact_id -> contacts"):
        push(engine, build_plan(RECIPE), "Harbor Lines")
    assert set(counts(engine).values()) == {0}
    if is_sqlite(engine):
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_word_that_gives_the_data_away_is_counted_by_the_push_as_by_the_check(database, monkeypatch):
    """The push finds the text rule's suspects in the rows it writes (`export.holds_a_word`, as they are made) and
    the job's check counts them in SQL only there (PostgreSQL inside the push, SQLite after it): a user named
    Testerman is one row, as the stand-alone check counts it."""
    engine, _ = database
    iter_formatted = parallel.iter_formatted

    def with_a_telling_name(plan, workers):
        for table, block, canonical in iter_formatted(plan, workers):
            if table != "users":
                yield table, block, canonical
                continue
            first, rest = canonical.split(b"\n", 1)
            user, given, _, others = first.split(b",", 3)
            named = {**block, "last_name": replace_rows(block["last_name"], np.array([0]), b"Testerman")}
            yield table, named, b",".join([user, given, b"Testerman", others]) + b"\n" + rest

    monkeypatch.setattr(parallel, "iter_formatted", with_a_telling_name)
    job_id = jobs.submit(engine, RECIPE, "Harbor Lines", build_plan(RECIPE).total_rows)
    jobs.claim(engine, job_id)
    violations = jobs.run_job(engine, job_id).report["check"]["violations"]
    assert violations["users text that gives the data away"] == 1
    assert sum(count for label, count in violations.items() if "gives the data away" in label) == 1
    assert check_tenant(engine, "Harbor Lines").violations == violations


def test_the_word_scan_ignores_ascii_case_and_finds_a_word_anywhere_in_a_value():
    assert holds_a_word(b"1,Ana,SaMple,x@y.com\n", FORBIDDEN_WORDS)
    assert holds_a_word(b"2,Bo,Protestant\n", FORBIDDEN_WORDS)
    assert not holds_a_word(b"3,examp le,Lore m\n", FORBIDDEN_WORDS)


def test_reading_commands_do_not_create_the_embedded_database(tmp_path):
    missing = tmp_path / "none.db"
    result = run_cli("check", "--tenant", "Anyone", "--db", f"sqlite:///{missing}")
    assert result.returncode == 2 and "no database at" in result.stderr
    assert not missing.exists()


def test_a_large_job_refreshes_the_statistics_and_its_check_keeps_to_the_time_limit(postgres):
    """The planner must not keep believing a big new tenant has no rows (the app's joins, the next push's checks)."""
    engine, _, _ = postgres
    recipe = recipe_from({"volume": {"companies": 3400, "users": 6}, "limits": {"warn_rows": 200_000}}, seed=5)
    assert build_plan(recipe).total_rows >= 50_000
    job_id = jobs.submit(engine, recipe, "Statistics Tenant", build_plan(recipe).total_rows)
    jobs.claim(engine, job_id)
    job = jobs.run_job(engine, job_id)
    assert job.status == "succeeded" and job.report["check"]["ok"]
    with engine.connect() as connection:
        analyzed = connection.execute(
            text("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'contacts' AND last_analyze IS NOT NULL")
        ).scalar()
        columns = connection.execute(text("SELECT attname FROM pg_stats WHERE tablename = 'contacts'")).scalars()
    assert analyzed == 1
    assert {"tenant_id", "id", "company_id", "owner_id"} <= set(columns), "the join columns have no statistics"


def test_one_recipe_pushed_under_two_names_makes_two_tenants_that_share_nobody(database, tmp_path):
    engine, _ = database
    url = url_of(engine)
    recipe = tmp_path / "r.toml"
    recipe.write_text('[tenant]\nname = "Larkspur Freight"\nas_of = "2026-11-28"\n[volume]\ncompanies = 40\n')
    for name in ("Alder Works", "Birch Analytics"):
        assert run_cli("generate", "--config", str(recipe), "--db", url, "--tenant", name).returncode == 0
        expected = run_cli("digest", "--config", str(recipe), "--tenant", name).stdout.strip()
        assert run_cli("digest", "--db", url, "--tenant", name).stdout.strip() == expected
    with engine.connect() as connection:
        shared = connection.execute(
            text("SELECT COUNT(*) FROM contacts a JOIN contacts b ON a.email = b.email AND a.tenant_id < b.tenant_id")
        ).scalar()
        reps = connection.execute(text("SELECT COUNT(DISTINCT email) FROM users")).scalar()
    assert shared == 0 and reps == 2 * 12
