"""Engines for the supported backends: PostgreSQL (psycopg 3) and the embedded SQLite default."""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from demogen.db.schema import ADMIN_SCHEMA

DEFAULT_URL = "sqlite:///demogen.db"


def database_url(explicit: str | None = None) -> str:
    """`--db`, else `$DEMOGEN_DATABASE_URL`, else the embedded SQLite file."""
    return explicit or os.environ.get("DEMOGEN_DATABASE_URL") or DEFAULT_URL


def _normalise(url: str) -> str:
    """Plain `postgresql://` URLs use psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    """An engine for the URL; on SQLite the admin schema maps onto the main database, with WAL and FKs on."""
    normalised = _normalise(url)
    if normalised.startswith("sqlite"):
        engine = create_engine(normalised, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        return engine.execution_options(schema_translate_map={ADMIN_SCHEMA: None})
    return create_engine(normalised, pool_pre_ping=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
