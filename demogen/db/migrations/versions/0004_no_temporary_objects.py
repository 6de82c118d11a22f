"""no temporary objects for the tenant role: TEMPORARY on the database is revoked from PUBLIC

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 14:00:00

PostgreSQL grants TEMPORARY on every new database to PUBLIC, so the tenant-facing role could create temporary
tables, views and functions. A temporary table named `contacts` shadows the real one for the rest of the session:
behind a connection pool, the next tenant served by that session would write its contacts there and read the
planted rows back. A privilege granted to PUBLIC cannot be taken from one role alone, so it is taken from PUBLIC.
The database owner keeps TEMPORARY (owners hold it in their own right), and superusers are unaffected; another
role that needs temporary tables gets `GRANT TEMPORARY ON DATABASE ... TO <role>` by name. Run by a role that is
neither owner nor superuser, the REVOKE only warns and changes nothing (tests/test_isolation.py would then fail).
PostgreSQL only (SQLite has no roles).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _on_this_database(statement: str) -> str:
    """`statement` with %I filled by the current database's name (a DO block: the name is not known in advance)."""
    return f"DO $$ BEGIN EXECUTE format('{statement}', current_database()); END $$"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_on_this_database("REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_on_this_database("GRANT TEMPORARY ON DATABASE %I TO PUBLIC"))
