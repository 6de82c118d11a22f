"""The database paths at scale, proven by structure rather than by the clock: indexes for every foreign key, a
delete that removes exactly one tenant, time limits that roll back, and plans that stay set-wise when the
statistics predate the tenant (EXPLAIN, not timings; the timings live in benchmarks/push.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import func, inspect, select, text

from conftest import recipe_from
from dbtools import postgres_database, sqlite_database
from demogen.dataset import build_plan
from demogen.db import migrate
from demogen.db.engine import make_engine
from demogen.db.integrity import MISSING_ROWS, CheckTimeout, check_tenant, table_pass, tenant_report
from demogen.db.schema import REFERENCES, TENANT_TABLES, tenant_metadata, tenants
from demogen.db.transaction import generic_plans, set_wise, tenant_id_of, transaction
from demogen.db.writer import DeleteTimeout, delete_tenant, push

RECIPE = recipe_from({"volume": {"companies": 120, "users": 5}}, seed=6)


def _open(opener):
    with opener as (url, role):
        engine = make_engine(url)
        migrate.upgrade(engine, tenant_role=role)
        yield engine, role
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    yield from _open(postgres_database() if request.param == "postgresql" else sqlite_database(tmp_path))


@pytest.fixture
def postgres():
    yield from _open(postgres_database())


def _index_prefixes(engine) -> dict[str, list[tuple[str, ...]]]:
    """Per tenant table, the column lists of its primary key, unique constraints and indexes."""
    inspector = inspect(engine)
    prefixes = {}
    for table in TENANT_TABLES:
        found = [tuple(inspector.get_pk_constraint(table.name)["constrained_columns"])]
        found += [tuple(u["column_names"]) for u in inspector.get_unique_constraints(table.name)]
        found += [tuple(i["column_names"]) for i in inspector.get_indexes(table.name)]
        prefixes[table.name] = found
    return prefixes


def _unindexed_foreign_keys(engine) -> list[str]:
    inspector, prefixes = inspect(engine), _index_prefixes(engine)
    missing = []
    for table in TENANT_TABLES:
        for key in inspector.get_foreign_keys(table.name):
            columns = tuple(key["constrained_columns"])
            if not any(found[: len(columns)] == columns for found in prefixes[table.name]):
                missing.append(f"{table.name}({', '.join(columns)})")
    return missing


def test_every_foreign_key_has_an_index_that_starts_with_its_columns(database):
    engine, _ = database
    assert _unindexed_foreign_keys(engine) == []
    assert len(REFERENCES) == 10  # every composite reference of the schema is verified on push


def test_the_index_migration_downgrades_and_upgrades(database):
    engine, role = database
    migrate.downgrade(engine, "0002", tenant_role=role)
    assert "deals(tenant_id, contact_id)" in _unindexed_foreign_keys(engine)
    migrate.upgrade(engine, tenant_role=role)
    assert _unindexed_foreign_keys(engine) == []


def _tenant_counts(engine, tenant_id: int) -> dict[str, int]:
    with engine.connect() as connection:
        counts = {
            t.name: connection.execute(select(func.count()).select_from(t).where(t.c.tenant_id == tenant_id)).scalar()
            for t in TENANT_TABLES
        }
        counts["metadata"] = connection.execute(
            select(func.count()).select_from(tenant_metadata).where(tenant_metadata.c.tenant_id == tenant_id)
        ).scalar()
        counts["tenants"] = connection.execute(
            select(func.count()).select_from(tenants).where(tenants.c.id == tenant_id)
        ).scalar()
    return counts


def test_a_delete_removes_exactly_the_rows_of_its_tenant(database):
    engine, _ = database
    ids = {
        name: push(engine, build_plan(recipe_from({"volume": {"companies": 30}}, seed=seed)), name).tenant_id
        for seed, name in enumerate(("Before", "Doomed", "After"))
    }
    kept = {name: _tenant_counts(engine, ids[name]) for name in ("Before", "After")}
    assert delete_tenant(engine, "Doomed", timeout=60)
    assert set(_tenant_counts(engine, ids["Doomed"]).values()) == {0}
    assert {name: _tenant_counts(engine, ids[name]) for name in ("Before", "After")} == kept
    assert not delete_tenant(engine, "Doomed")


def test_a_delete_that_runs_out_of_time_removes_nothing(database):
    """Another session holds a lock the delete waits for, past the delete's time limit."""
    engine, _ = database
    tenant_id = push(engine, build_plan(RECIPE), "Kept Whole").tenant_id
    before = _tenant_counts(engine, tenant_id)
    with _locked(engine, "activities"), pytest.raises(DeleteTimeout, match=r"the delete took longer than 0\.3 s"):
        delete_tenant(engine, "Kept Whole", timeout=0.3)
    assert _tenant_counts(engine, tenant_id) == before
    assert delete_tenant(engine, "Kept Whole", timeout=60)


def test_a_check_that_runs_out_of_time_is_a_check_timeout(database):
    """PostgreSQL: a pass waits for a lock past the limit; SQLite (whose readers never wait): the limit is spent."""
    engine, _ = database
    push(engine, build_plan(RECIPE), "Checked")
    limit = 0.3 if engine.dialect.name == "postgresql" else 1e-9
    with _locked(engine, "deals"), pytest.raises(CheckTimeout, match="the integrity check took longer than"):
        check_tenant(engine, "Checked", timeout=limit)
    assert check_tenant(engine, "Checked", timeout=60).ok


@contextmanager
def _locked(engine, table: str) -> Iterator[None]:
    """Another session holds a lock on the table (PostgreSQL) or on the database file (SQLite) meanwhile."""
    if engine.dialect.name == "sqlite":
        other = sqlite3.connect(engine.url.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
        return
    with engine.connect() as connection, connection.begin():
        connection.exec_driver_sql(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        yield
        connection.rollback()


def _analyzed_with_a_new_tenant(engine) -> int:
    """Two tenants pushed and analyzed, then a third pushed after: the statistics know nothing of it."""
    for seed, name in ((2, "Known One"), (3, "Known Two")):
        push(engine, build_plan(recipe_from({"volume": {"companies": 150}}, seed=seed)), name)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE")
    return push(engine, build_plan(RECIPE), "Newcomer").tenant_id


def _plan_of(connection, sql: str, params: dict) -> str:
    return "\n".join(connection.execute(text(f"EXPLAIN {sql}"), params).scalars())


def test_the_checks_that_verify_a_push_stay_set_wise_for_a_tenant_the_statistics_do_not_know(postgres):
    engine, _ = postgres
    tenant_id = _analyzed_with_a_new_tenant(engine)
    params = {"t": tenant_id, "as_of": dt.datetime(2026, 11, 28, tzinfo=dt.UTC)}
    queries = [table_pass(table, False)[0] for table in TENANT_TABLES]
    with transaction(engine) as connection:
        unguarded = [_plan_of(connection, sql, params) for sql in queries]
        assert any("Nested Loop" in plan for plan in unguarded), "the setup no longer reproduces the cliff"
        with set_wise(connection):
            guarded = {sql: _plan_of(connection, sql, params) for sql in queries}
        assert [sql for sql, plan in guarded.items() if "Nested Loop" in plan] == []
        assert connection.exec_driver_sql("SHOW enable_nestloop").scalar() == "on"
        connection.rollback()


def test_the_triggers_of_every_foreign_key_use_its_index_for_a_tenant_the_statistics_do_not_know(postgres):
    """The per-row statements PostgreSQL's foreign-key triggers run, planned under `generic_plans`."""
    engine, _ = postgres
    tenant_id = _analyzed_with_a_new_tenant(engine)
    with transaction(engine) as connection:
        generic_plans(connection)
        for index, (table, column, parent) in enumerate(REFERENCES):
            statements = {
                f"check_{index}": (parent, "id", f"SELECT 1 FROM ONLY {parent} x WHERE tenant_id = $1 AND id = $2"),
                f"cascade_{index}": (table, column, f"DELETE FROM ONLY {table} WHERE tenant_id = $1 AND {column} = $2"),
            }
            for name, (target, key, sql) in statements.items():
                connection.exec_driver_sql(f"PREPARE {name} (bigint, bigint) AS {sql}")
                plan = "\n".join(connection.exec_driver_sql(f"EXPLAIN EXECUTE {name} ({tenant_id}, 1)").scalars())
                assert f"(tenant_id = $1) AND ({key} = $2)" in plan, f"{target}.{key}:\n{plan}"
        connection.rollback()


def test_a_dangling_reference_is_still_caught(postgres):
    engine, _ = postgres
    tenant_id = _analyzed_with_a_new_tenant(engine)
    with transaction(engine) as connection:
        connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        connection.execute(text(f"UPDATE activities SET contact_id = 999999 WHERE tenant_id = {tenant_id} AND id = 2"))
        connection.exec_driver_sql("SET LOCAL session_replication_role = origin")
        report = tenant_report(connection, "Newcomer", tenant_id, build_plan(RECIPE).row_counts(), RECIPE.as_of)
        assert report.violations[MISSING_ROWS] == 1 and report.dangling["activities.contact_id -> contacts"] == 1
        connection.rollback()
    assert check_tenant(engine, "Newcomer").ok


def test_a_delete_waits_for_a_concurrent_writer_of_its_tenant(postgres):
    """A row another transaction adds to the tenant while the delete runs goes with the tenant: none is left."""
    engine, _ = postgres
    tenant_id = push(engine, build_plan(RECIPE), "Busy").tenant_id
    writer = engine.connect()
    writer.begin()
    writer.execute(text(f"INSERT INTO pipeline_stages VALUES ({tenant_id}, 99, 'Late', 9, 0.5, false, false)"))
    deleting = threading.Thread(target=delete_tenant, args=(engine, "Busy"), kwargs={"timeout": 60})
    deleting.start()
    deleting.join(0.5)
    writer.commit()
    writer.close()
    deleting.join()
    with engine.connect() as connection:
        assert tenant_id_of(connection, "Busy") is None
    assert set(_tenant_counts(engine, tenant_id).values()) == {0}
