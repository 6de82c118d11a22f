"""foreign-key indexes: every composite reference (tenant_id, <column>) gets an index that starts with it

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 12:00:00

Without them, each deleted parent row (a tenant's delete, or ON DELETE CASCADE) scans the whole child table for
its children, which makes the delete of a tenant quadratic in its size. Both backends; names follow the
naming convention of `demogen.db.schema`.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REFERENCES = (
    ("companies", "owner_id"),
    ("contacts", "owner_id"),
    ("deals", "contact_id"),
    ("deals", "owner_id"),
    ("deals", "stage_id"),
    ("activities", "contact_id"),
    ("activities", "owner_id"),
)


def upgrade() -> None:
    for table, column in REFERENCES:
        op.create_index(op.f(f"ix_{table}_tenant_id_{column}"), table, ["tenant_id", column], unique=False)


def downgrade() -> None:
    for table, column in reversed(REFERENCES):
        op.drop_index(op.f(f"ix_{table}_tenant_id_{column}"), table_name=table)
