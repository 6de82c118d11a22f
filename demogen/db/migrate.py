"""Alembic, driven from code: the migrations ship inside the package so an installed demogen can migrate.

Alembic is imported only to migrate: every command checks the schema, and reading its revision needs one query."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from demogen.db.schema import ADMIN_SCHEMA

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "demogen.db:migrations"
HEAD = "0004"
"""The newest migration's revision; tests/test_db.py holds it to the migration scripts."""


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def _run(engine: Engine, action, *args, tenant_role: str | None = None) -> None:
    config = alembic_config(engine)
    if tenant_role:
        config.attributes["tenant_role"] = tenant_role
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {ADMIN_SCHEMA}")
        config.attributes["connection"] = connection
        action(config, *args)


def upgrade(engine: Engine, revision: str = "head", *, tenant_role: str | None = None) -> None:
    from alembic import command  # noqa: PLC0415

    _run(engine, command.upgrade, revision, tenant_role=tenant_role)


def downgrade(engine: Engine, revision: str = "base", *, tenant_role: str | None = None) -> None:
    from alembic import command  # noqa: PLC0415

    _run(engine, command.downgrade, revision, tenant_role=tenant_role)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (Alembic's version table); None for a database never migrated."""
    with engine.connect() as connection:
        try:
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except DBAPIError:  # no version table yet
            return None


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == HEAD
