"""Alembic, driven from code: the migrations ship inside the package so an installed demogen can migrate."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from demogen.db.schema import ADMIN_SCHEMA

SCRIPT_LOCATION = "demogen.db:migrations"


def alembic_config(engine: Engine) -> Config:
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
    _run(engine, command.upgrade, revision, tenant_role=tenant_role)


def downgrade(engine: Engine, revision: str = "base", *, tenant_role: str | None = None) -> None:
    _run(engine, command.downgrade, revision, tenant_role=tenant_role)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)
