"""SQLAlchemy Core tables: tenant tables keyed (tenant_id, id), composite foreign keys, admin tables apart.

Pure declarations (no engine, no clock). Column order and kinds come from `demogen.tables`, so generation, the
canonical export and the database cannot disagree. Every key leads with tenant_id and every reference includes
it: no row can point into another tenant, and the layout shards by tenant_id (Citus) without change. Every
composite foreign key has an index that starts with its referencing columns, so deleting a parent row (and
the delete of a whole tenant) finds its children by index instead of scanning the child table.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.types import JSON, TypeEngine

from demogen.tables import TABLES

ADMIN_SCHEMA = "demogen_admin"
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)

_KINDS: dict[str, TypeEngine] = {
    "int": BigInteger(),
    "text": Text(),
    "money": Numeric(16, 2),
    "decimal2": Numeric(5, 2),
    "date": Date(),
    "timestamp": DateTime(timezone=True),
    "bool": Boolean(),
}

SERIAL_ID = BigInteger().with_variant(Integer(), "sqlite")
"""bigint identity on PostgreSQL; INTEGER PRIMARY KEY (the rowid alias that autoincrements) on SQLite."""

tenants = Table(
    "tenants",
    metadata,
    Column("id", SERIAL_ID, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("country", String(2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


_OVERRIDES: dict[str, TypeEngine] = {"deals.amount": Numeric(14, 2)}


def _tenant_table(name: str, *constraints) -> Table:
    columns = [Column("tenant_id", BigInteger, nullable=False)]
    columns += [
        Column(c.name, _OVERRIDES.get(f"{name}.{c.name}", _KINDS[c.kind]), nullable=c.nullable) for c in TABLES[name]
    ]
    return Table(
        name,
        metadata,
        *columns,
        PrimaryKeyConstraint("tenant_id", "id"),
        ForeignKeyConstraint(["tenant_id"], [tenants.c.id], ondelete="CASCADE"),
        *constraints,
    )


def _ref(columns: list[str], table: str) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["tenant_id", *columns], [f"{table}.tenant_id", f"{table}.id"], ondelete="CASCADE")


users = _tenant_table(
    "users",
    CheckConstraint("role IN ('admin', 'manager', 'rep')", name="role"),
    UniqueConstraint("tenant_id", "email"),
)
companies = _tenant_table(
    "companies",
    _ref(["owner_id"], "users"),
    CheckConstraint("employees >= 1", name="employees"),
    CheckConstraint("annual_revenue >= 0", name="annual_revenue"),
    UniqueConstraint("tenant_id", "domain"),
    Index(None, "tenant_id", "owner_id"),
)
contacts = _tenant_table(
    "contacts",
    _ref(["company_id"], "companies"),
    _ref(["owner_id"], "users"),
    CheckConstraint("gender IN ('F', 'M')", name="gender"),
    UniqueConstraint("tenant_id", "email"),
    Index(None, "tenant_id", "company_id"),
    Index(None, "tenant_id", "owner_id"),
)
pipeline_stages = _tenant_table(
    "pipeline_stages",
    CheckConstraint("probability >= 0 AND probability <= 1", name="probability"),
    CheckConstraint("is_closed OR NOT is_won", name="won_is_closed"),
)
deals = _tenant_table(
    "deals",
    _ref(["company_id"], "companies"),
    _ref(["contact_id"], "contacts"),
    _ref(["owner_id"], "users"),
    _ref(["stage_id"], "pipeline_stages"),
    CheckConstraint("amount >= 0", name="amount"),
    CheckConstraint("status IN ('open', 'won', 'lost')", name="status"),
    CheckConstraint("(status = 'open') = (closed_at IS NULL)", name="closed_when_not_open"),
    CheckConstraint("closed_at IS NULL OR closed_at >= created_at", name="closed_after_created"),
    Index(None, "tenant_id", "company_id"),
    Index(None, "tenant_id", "contact_id"),
    Index(None, "tenant_id", "owner_id"),
    Index(None, "tenant_id", "stage_id"),
)
activities = _tenant_table(
    "activities",
    _ref(["deal_id"], "deals"),
    _ref(["contact_id"], "contacts"),
    _ref(["owner_id"], "users"),
    CheckConstraint("kind IN ('call', 'email', 'meeting', 'task', 'note')", name="kind"),
    CheckConstraint("completed_at IS NULL OR completed_at >= due_at", name="completed_after_due"),
    CheckConstraint("duration_minutes IS NULL OR duration_minutes > 0", name="duration"),
    Index(None, "tenant_id", "deal_id"),
    Index(None, "tenant_id", "contact_id"),
    Index(None, "tenant_id", "owner_id"),
)
TENANT_TABLES = (users, companies, contacts, pipeline_stages, deals, activities)
"""In foreign-key order (also the canonical export order)."""

tenant_metadata = Table(
    "tenant_metadata",
    metadata,
    Column("tenant_id", BigInteger, primary_key=True),
    Column("is_demo", Boolean, nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("recipe", JSON, nullable=False),
    Column("recipe_digest", String(64), nullable=False),
    Column("data_digest", String(64), nullable=False),
    Column("generator_version", Text, nullable=False),
    Column("as_of", Date, nullable=False),
    Column("row_counts", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["tenant_id"], [tenants.c.id], ondelete="CASCADE"),
    schema=ADMIN_SCHEMA,
)

JOB_STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
generation_jobs = Table(
    "generation_jobs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tenant_name", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("recipe", JSON, nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("rows_total", BigInteger, nullable=False),
    Column("rows_done", BigInteger, nullable=False, server_default=text("0")),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("error", Text),
    Column("report", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("heartbeat_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    CheckConstraint("status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')", name="status"),
    Index(
        "uq_generation_jobs_active_tenant",
        "tenant_name",
        unique=True,
        postgresql_where=text("status IN ('queued', 'running')"),
        sqlite_where=text("status IN ('queued', 'running')"),
    ),
    schema=ADMIN_SCHEMA,
)


def _references() -> list[tuple[str, str, str]]:
    """(table, column, parent table) of every composite foreign key of the tenant tables, in a fixed order."""
    refs = []
    for table in TENANT_TABLES:
        for constraint in table.foreign_key_constraints:
            local = [c.name for c in constraint.columns if c.name != "tenant_id"]
            if local:
                refs.append((table.name, local[0], constraint.referred_table.name))
    return sorted(refs)


REFERENCES = _references()
