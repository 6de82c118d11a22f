"""tenant isolation: row-level security on tenant tables and a tenant-facing role

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:40:00

PostgreSQL only (SQLite has no roles). Every tenant table gets RLS, enabled and forced, with one policy on
`tenant_id = current_setting('app.tenant_id', true)::bigint` for USING and WITH CHECK: a session that has not
set app.tenant_id sees nothing. The tenant-facing role (default `demogen_tenant`; `demogen db upgrade
--tenant-role NAME`) gets DML on tenant tables, read access to its own tenants row, and nothing in demogen_admin.
"""

from __future__ import annotations

import re

from alembic import context, op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TENANT_TABLES = ("users", "companies", "contacts", "pipeline_stages", "deals", "activities")
SETTING = "NULLIF(current_setting('app.tenant_id', true), '')::bigint"


def _role() -> str:
    role = context.config.attributes.get("tenant_role", "demogen_tenant")
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"tenant role {role!r} is not a plain lower-case identifier")
    return role


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    role = _role()
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
        f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
    )
    op.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
    op.execute("REVOKE ALL ON SCHEMA demogen_admin FROM PUBLIC")
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA demogen_admin FROM PUBLIC")
    op.execute(f"REVOKE ALL ON SCHEMA demogen_admin FROM {role}")
    for table in TENANT_TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {role}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        rule = f"tenant_id = {SETTING}"
        op.execute(f"CREATE POLICY tenant_isolation ON {table} USING ({rule}) WITH CHECK ({rule})")
    op.execute(f"GRANT SELECT ON tenants TO {role}")
    op.execute("ALTER TABLE tenants ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE tenants FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant_isolation ON tenants USING (id = {SETTING}) WITH CHECK (id = {SETTING})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    role = _role()
    for table in (*TENANT_TABLES, "tenants"):
        op.execute(f"DROP POLICY IF EXISTS tenant_isolation ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"REVOKE ALL ON {table} FROM {role}")
    op.execute(f"REVOKE ALL ON SCHEMA public FROM {role}")
