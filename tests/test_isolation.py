"""Tenant isolation as PostgreSQL enforces it: attacks by the tenant-facing role on every tenant table and verb.

The module's own database (created and dropped by `postgres_database`, migrated by `demogen db upgrade
--tenant-role`) holds two small tenants. Every case runs as the tenant role with `app.tenant_id` set the way an
application should set it (`set_config(..., true)`: transaction-local, so it also holds on Citus), inside a
transaction that is rolled back. So the cases share one database yet each starts from the same rows, and each
ends by checking that the other tenant's rows are exactly what the owner stored (count and md5 of every row).
Counts go to the casebook (suite "isolation"); `DEMOGEN_FULL=1` also attacks from the second tenant's side and
tries more malformed `app.tenant_id` values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import Connection, Executable, Insert, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from casebook import pick, record
from conftest import recipe_from
from dbtools import postgres_database, run_cli
from demogen.dataset import build_plan
from demogen.db.engine import make_engine
from demogen.db.schema import ADMIN_SCHEMA, TENANT_TABLES, generation_jobs, metadata, tenant_metadata
from demogen.db.writer import push

TABLES = [table.name for table in TENANT_TABLES]
ADMIN_TABLES = [f"{ADMIN_SCHEMA}.{table.name}" for table in (tenant_metadata, generation_jobs)]
TENANTS = {
    "first": ("Harbor Lines", recipe_from({"volume": {"companies": 8, "users": 3}}, seed=5)),
    "second": ("Quayside Supply", recipe_from({"volume": {"companies": 8, "users": 3}}, seed=6)),
}
VIEWERS = pick(("first",), ("first", "second"))
SETTINGS = pick(
    (None, "", "abc"),
    (None, "", " ", "abc", "0", "-1", "9223372036854775807", "1 OR true", "1; SET ROLE postgres", "NULL", "1.5"),
)
"""`app.tenant_id` values that name no tenant (None: never set)."""


@dataclass(frozen=True)
class World:
    engine: object
    role: str
    ids: dict[str, int]
    prints: dict[tuple[int, str], tuple[int, str]]
    """(tenant id, table) -> (row count, md5 of the rows) as the owner reads them."""
    secrets: dict[int, frozenset[str]]
    """Text of each tenant (names, emails, domains) that no error shown to another tenant may contain."""
    samples: dict[tuple[int, str], dict]
    """(tenant id, table) -> the tenant's first row, as the owner reads it."""


def fingerprint(connection: Connection, table: str, where: str = "") -> tuple[int, str]:
    sql = f"SELECT COUNT(*), md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), '')) FROM {table} t {where}"
    count, digest = connection.execute(text(sql)).one()
    return count, digest


def _secrets(connection: Connection, tenant_id: int) -> frozenset[str]:
    sql = (
        "SELECT name FROM tenants WHERE id = :t UNION SELECT email FROM users WHERE tenant_id = :t "
        "UNION SELECT email FROM contacts WHERE tenant_id = :t UNION SELECT name FROM companies WHERE tenant_id = :t "
        "UNION SELECT domain FROM companies WHERE tenant_id = :t UNION SELECT name FROM deals WHERE tenant_id = :t"
    )
    return frozenset(connection.execute(text(sql), {"t": tenant_id}).scalars())


def _first_row(connection: Connection, table: str, tenant_id: int) -> dict:
    sql = f"SELECT * FROM {table} WHERE tenant_id = :t ORDER BY id LIMIT 1"
    return dict(connection.execute(text(sql), {"t": tenant_id}).mappings().one())


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with postgres_database() as (url, role):
        upgraded = run_cli("db", "upgrade", "--db", url, "--tenant-role", role)
        assert upgraded.returncode == 0, upgraded.stderr
        engine = make_engine(url)
        ids = {key: push(engine, build_plan(recipe), name).tenant_id for key, (name, recipe) in TENANTS.items()}
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")  # so that the statistics a tenant must not read exist
            prints = {
                (i, t): fingerprint(connection, t, f"WHERE tenant_id = {i}") for i in ids.values() for t in TABLES
            }
            secrets = {i: _secrets(connection, i) for i in ids.values()}
            samples = {(i, t): _first_row(connection, t, i) for i in ids.values() for t in TABLES}
        assert all(count > 0 for count, _ in prints.values()), "every table of both tenants needs rows"
        first, second = secrets[ids["first"]], secrets[ids["second"]]
        secrets = {ids["first"]: first - second, ids["second"]: second - first}
        yield World(engine, role, ids, prints, secrets, samples)
        engine.dispose()


def set_tenant(connection: Connection, value: int | str | None) -> None:
    """The application's way: transaction-local, as a bound value (never spliced into SQL)."""
    if value is not None:
        connection.execute(text("SELECT set_config('app.tenant_id', :v, true)"), {"v": str(value)})


@contextmanager
def as_tenant(world: World, value: int | str | None) -> Iterator[Connection]:
    """A connection acting as the tenant role with `app.tenant_id` = value, rolled back at the end."""
    with world.engine.connect() as connection:
        connection.exec_driver_sql(f"SET LOCAL SESSION AUTHORIZATION {world.role}")
        set_tenant(connection, value)
        yield connection
        connection.rollback()


def _statement(sql: str | Executable) -> Executable:
    return text(sql) if isinstance(sql, str) else sql


def refused(connection: Connection, sql: str | Executable, expect: str, secrets: frozenset[str], **params) -> str:
    """Run `sql` in a savepoint; it must fail with `expect` in the message and name nothing of `secrets`."""
    with pytest.raises(DBAPIError) as caught, connection.begin_nested():
        connection.execute(_statement(sql), params)
    message = str(caught.value.orig)
    assert expect in message, message
    assert not [s for s in secrets if s in message], f"the error names another tenant's data: {message}"
    return message


def rowcount(connection: Connection, sql: str, **params) -> int:
    return connection.execute(text(sql), params).rowcount


def insert_of(world: World, table: str, tenant_id: int, *, new_id: bool = True) -> Insert:
    """An INSERT of a real row of `tenant_id` (as the owner read it), under a new id unless told otherwise."""
    row = dict(world.samples[tenant_id, table])
    if new_id:
        row["id"] += 1_000_000
    return pg_insert(metadata.tables[table]).values(row)


@dataclass(frozen=True)
class Attack:
    what: str
    checked: str
    run: Callable[[Connection, str, int, int, World], None]


def _select(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    foreign = f"SELECT COUNT(*) FROM {table} WHERE tenant_id <> {own}"
    assert connection.execute(text(foreign)).scalar() == 0
    assert fingerprint(connection, table) == world.prints[own, table]


def _copy_out(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    with connection.connection.driver_connection.cursor() as cursor, cursor.copy(f"COPY {table} TO STDOUT") as copy:
        lines = b"".join(bytes(chunk) for chunk in copy).splitlines()
    assert len(lines) == world.prints[own, table][0]
    assert all(line.startswith(f"{own}\t".encode()) for line in lines)


def _update(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    assert rowcount(connection, f"UPDATE {table} SET id = id WHERE tenant_id = :o", o=other) == 0
    assert rowcount(connection, f"UPDATE {table} SET id = id") == world.prints[own, table][0]


def _delete(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    assert rowcount(connection, f"DELETE FROM {table} WHERE tenant_id = :o", o=other) == 0
    assert rowcount(connection, f"DELETE FROM {table}") == world.prints[own, table][0]


def _insert(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    refused(connection, insert_of(world, table, other), "row-level security", world.secrets[other])


def _upsert(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    upsert = insert_of(world, table, other, new_id=False)
    upsert = upsert.on_conflict_do_update(index_elements=["tenant_id", "id"], set_={"id": upsert.excluded.id})
    refused(connection, upsert, "row-level security", world.secrets[other])


def _move(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    sql = f"UPDATE {table} SET tenant_id = :o WHERE id = (SELECT MIN(id) FROM {table})"
    refused(connection, sql, "row-level security", world.secrets[other], o=other)


def _owner_only(*statements: str, expect: str = "must be owner") -> Callable:
    def run(connection: Connection, table: str, own: int, other: int, world: World) -> None:
        for statement in statements:
            refused(connection, statement.format(table=table), expect, world.secrets[other])

    return run


def _row_security_off(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    with connection.begin_nested() as savepoint:
        connection.exec_driver_sql("SET LOCAL row_security = off")
        refused(connection, f"SELECT * FROM {table}", "row-level security", world.secrets[other])
        savepoint.rollback()


def _statistics(connection: Connection, table: str, own: int, other: int, world: World) -> None:
    sql = "SELECT COUNT(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = :t"
    assert connection.execute(text(sql), {"t": table}).scalar() == 0


TABLE_ATTACKS = {
    attack.what: attack
    for attack in (
        Attack("SELECT", "sees exactly its own rows (count and md5 equal the owner's view) and none other", _select),
        Attack("COPY TO", "exports only its own rows", _copy_out),
        Attack("UPDATE", "0 rows of the other tenant; an unfiltered UPDATE touches only its own rows", _update),
        Attack("DELETE", "0 rows of the other tenant; an unfiltered DELETE removes only its own rows", _delete),
        Attack("INSERT", "a row with the other tenant's id is refused by row-level security", _insert),
        Attack("UPSERT", "INSERT ... ON CONFLICT DO UPDATE onto the other tenant's key is refused", _upsert),
        Attack("UPDATE tenant_id", "moving its own row into the other tenant is refused", _move),
        Attack(
            "TRUNCATE",
            "refused (no privilege)",
            _owner_only("TRUNCATE {table}", "TRUNCATE {table} CASCADE", expect="permission denied"),
        ),
        Attack(
            "ALTER TABLE",
            "adding a column, renaming, changing the owner are refused",
            _owner_only(
                "ALTER TABLE {table} ADD COLUMN note text",
                "ALTER TABLE {table} RENAME TO {table}_old",
                "ALTER TABLE {table} OWNER TO CURRENT_USER",
            ),
        ),
        Attack(
            "disable row security",
            "DISABLE and NO FORCE ROW LEVEL SECURITY are refused",
            _owner_only(
                "ALTER TABLE {table} DISABLE ROW LEVEL SECURITY", "ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY"
            ),
        ),
        Attack(
            "change policies",
            "dropping the policy, adding a permissive one or altering it are refused",
            _owner_only(
                "DROP POLICY tenant_isolation ON {table}",
                "CREATE POLICY open_door ON {table} USING (true)",
                "ALTER POLICY tenant_isolation ON {table} USING (true)",
            ),
        ),
        Attack("row_security = off", "a query then fails instead of bypassing the policy", _row_security_off),
        Attack(
            "DROP TABLE, CREATE INDEX",
            "refused",
            _owner_only("DROP TABLE {table}", "CREATE INDEX ON {table} (id)"),
        ),
        Attack(
            "CREATE TRIGGER",
            "refused (no privilege)",
            _owner_only(
                "CREATE TRIGGER spy BEFORE UPDATE ON {table} FOR EACH ROW "
                "EXECUTE FUNCTION suppress_redundant_updates_trigger()",
                expect="permission denied",
            ),
        ),
        Attack("statistics", "pg_stats shows none of the table's values (they span every tenant)", _statistics),
    )
}


def _sides(viewer: str, world: World) -> tuple[int, int]:
    other = next(key for key in TENANTS if key != viewer)
    return world.ids[viewer], world.ids[other]


def _other_is_untouched(connection: Connection, table: str, other: int, world: World) -> None:
    set_tenant(connection, other)
    assert fingerprint(connection, table) == world.prints[other, table]


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("attack", list(TABLE_ATTACKS))
def test_a_tenant_reaches_only_its_own_rows(world, attack, table, viewer):
    own, other = _sides(viewer, world)
    with as_tenant(world, own) as connection:
        TABLE_ATTACKS[attack].run(connection, table, own, other, world)
        _other_is_untouched(connection, table, other, world)
    record("isolation", f"{attack} on a tenant table", checked=TABLE_ATTACKS[attack].checked)


BAD_ID = "invalid input syntax for type bigint"


def attempt(connection: Connection, sql: str | Executable) -> int | str:
    """Rows seen (SELECT COUNT) or changed by `sql` in a savepoint, or the error message if the server refuses."""
    try:
        with connection.begin_nested():
            result = connection.execute(_statement(sql))
            return result.scalar() if result.returns_rows else result.rowcount
    except DBAPIError as error:
        return str(error.orig)


@pytest.mark.parametrize("table", TABLES)
def test_without_a_valid_tenant_id_nothing_is_visible_or_writable(world, table):
    """Unset, empty or malformed `app.tenant_id`: no rows, 0 rows changed, inserts refused; errors leak nothing."""
    everyone = world.secrets[world.ids["first"]] | world.secrets[world.ids["second"]]
    for value in SETTINGS:
        with as_tenant(world, value) as connection:
            for sql in (f"SELECT COUNT(*) FROM {table}", f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
                outcome = attempt(connection, sql)
                assert outcome == 0 or (isinstance(outcome, str) and BAD_ID in outcome), (value, sql, outcome)
            for tenant_id in world.ids.values():
                outcome = attempt(connection, insert_of(world, table, tenant_id))
                assert isinstance(outcome, str), f"app.tenant_id={value!r}: a row was written for {tenant_id}"
                assert "row-level security" in outcome or BAD_ID in outcome, outcome
                assert not [s for s in everyone if s in outcome], outcome
    for tenant_id in world.ids.values():
        with as_tenant(world, tenant_id) as connection:
            assert fingerprint(connection, table) == world.prints[tenant_id, table]
    record(
        "isolation",
        "no or a malformed app.tenant_id",
        tried=len(SETTINGS),
        passed=len(SETTINGS),
        checked="SELECT sees 0 rows, UPDATE/DELETE change 0 rows, INSERT for either tenant is refused; "
        "errors name no tenant's data",
    )


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_tenants_table_shows_only_its_own_row_and_is_read_only(world, viewer):
    own, other = _sides(viewer, world)
    with as_tenant(world, own) as connection:
        assert connection.execute(text("SELECT id FROM tenants")).scalars().all() == [own]
        for sql in (
            "UPDATE tenants SET name = name",
            "DELETE FROM tenants",
            "INSERT INTO tenants (name, country, currency, created_at) VALUES ('Intruder', 'US', 'USD', now())",
        ):
            refused(connection, sql, "permission denied", world.secrets[other])
    record("isolation", "the tenants table", checked="only its own row is visible; UPDATE, DELETE, INSERT refused")


ADMIN_VERBS = {
    "SELECT": "SELECT * FROM {table}",
    "INSERT": "INSERT INTO {table} DEFAULT VALUES",
    "UPDATE": "UPDATE {table} SET created_at = created_at",
    "DELETE": "DELETE FROM {table}",
    "TRUNCATE": "TRUNCATE {table}",
}


@pytest.mark.parametrize("table", ADMIN_TABLES)
@pytest.mark.parametrize("verb", list(ADMIN_VERBS))
def test_no_access_to_the_admin_schema(world, table, verb):
    """Tenant metadata (with the demo flag) and the job queue are out of reach, with or without a tenant id."""
    sql = ADMIN_VERBS[verb].format(table=table)
    for value in (world.ids["first"], None):
        with as_tenant(world, value) as connection:
            refused(connection, sql, f"permission denied for schema {ADMIN_SCHEMA}", frozenset())
    record("isolation", f"{verb} on demogen_admin", checked="permission denied, with and without app.tenant_id")


CREATE = {
    "table": "CREATE TABLE public.copied AS SELECT * FROM contacts",
    "view": "CREATE VIEW public.peek AS SELECT * FROM contacts",
    "function": "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    "sequence": "CREATE SEQUENCE public.counter",
    "type": "CREATE TYPE public.pair AS (a int, b int)",
    "schema": "CREATE SCHEMA hideout",
    "temporary table": "CREATE TEMPORARY TABLE contacts (id bigint)",
    "temporary view": "CREATE TEMPORARY VIEW peek AS SELECT * FROM contacts",
    "temporary function": "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
}


@pytest.mark.parametrize("kind", list(CREATE))
def test_the_tenant_role_creates_no_objects(world, kind):
    """Nothing of its own: a temporary `contacts` would shadow the real one for the next user of a pooled session."""
    with as_tenant(world, world.ids["first"]) as connection:
        refused(connection, CREATE[kind], "permission denied", frozenset())
    record("isolation", f"CREATE {kind}", checked="permission denied")
