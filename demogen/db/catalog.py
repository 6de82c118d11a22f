"""What a database holds: its tenants with their recorded recipe, digests and row counts (admin side only)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from demogen.db.schema import tenant_metadata, tenants


@dataclass(frozen=True)
class TenantSummary:
    id: int
    name: str
    country: str
    currency: str
    created_at: object
    seed: int | None
    as_of: object
    generator_version: str | None
    data_digest: str | None
    row_counts: dict | None

    @property
    def rows(self) -> int:
        return sum((self.row_counts or {}).values())


def list_tenants(engine: Engine) -> list[TenantSummary]:
    """Every tenant by id, with its metadata (a tenant written by another tool has none)."""
    query = (
        select(
            tenants.c.id,
            tenants.c.name,
            tenants.c.country,
            tenants.c.currency,
            tenants.c.created_at,
            tenant_metadata.c.seed,
            tenant_metadata.c.as_of,
            tenant_metadata.c.generator_version,
            tenant_metadata.c.data_digest,
            tenant_metadata.c.row_counts,
        )
        .select_from(tenants.outerjoin(tenant_metadata, tenant_metadata.c.tenant_id == tenants.c.id))
        .order_by(tenants.c.id)
    )
    with engine.connect() as connection:
        return [TenantSummary(**row._mapping) for row in connection.execute(query)]


def stored_recipe(engine: Engine, tenant_name: str) -> dict | None:
    """The resolved recipe recorded when the tenant was pushed, or None."""
    query = (
        select(tenant_metadata.c.recipe)
        .select_from(tenants.join(tenant_metadata, tenant_metadata.c.tenant_id == tenants.c.id))
        .where(tenants.c.name == tenant_name)
    )
    with engine.connect() as connection:
        return connection.execute(query).scalar()
