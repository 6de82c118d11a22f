"""Alembic environment: target metadata straight from the schema module; batch mode on SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from demogen.db.schema import ADMIN_SCHEMA, metadata

config = context.config


def _include_name(name, type_, parent_names) -> bool:
    """Only our schemas: public (or SQLite main) and the admin schema."""
    if type_ == "schema":
        return name in (None, ADMIN_SCHEMA)
    return True


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        include_schemas=True,
        include_name=_include_name,
        version_table_schema=None,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = engine_from_config(
            config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
        )
        with engine.connect() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection = connection.execution_options(schema_translate_map={ADMIN_SCHEMA: None})
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=sqlite,
        include_schemas=not sqlite,
        include_name=_include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
