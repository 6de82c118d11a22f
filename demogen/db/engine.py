"""Engines for the supported backends: PostgreSQL (psycopg 3) and the embedded SQLite default."""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from demogen.db.schema import ADMIN_SCHEMA

DEFAULT_URL = "sqlite:///demogen.db"
EXAMPLE_URL = "postgresql://USER@HOST:PORT/DATABASE"

CLIENT_CHECK_MILLISECONDS = 2000
"""How often the server looks whether the client is still there: a killed command's statement dies with it."""


class BadDatabaseUrl(ValueError):
    """A database URL demogen cannot use; the message says how to write one."""


def database_url(explicit: str | None = None) -> str:
    """`--db`, else `$DEMOGEN_DATABASE_URL`, else the embedded SQLite file. An empty `--db` is refused: the user
    meant some database, and quietly writing to ./demogen.db instead would surprise them."""
    if explicit is not None and not explicit.strip():
        raise BadDatabaseUrl(f"--db is empty — leave it out for {DEFAULT_URL}, or give a URL such as {EXAMPLE_URL}")
    return explicit or os.environ.get("DEMOGEN_DATABASE_URL") or DEFAULT_URL


def _normalise(url: str) -> URL:
    """The URL parsed, on a supported backend; plain `postgresql://` URLs use psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BadDatabaseUrl(f"--db {url}: not a database URL — write sqlite:///FILE.db or {EXAMPLE_URL}") from None
    if parsed.drivername in _POSTGRESQL:
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername in _SQLITE:
        if parsed.database in (None, "", ":memory:"):
            raise BadDatabaseUrl(
                f"--db {url}: names no file (an in-memory database would vanish with the command) — "
                "write sqlite:///FILE.db"
            )
        return parsed
    raise BadDatabaseUrl(
        f"--db {parsed.render_as_string(hide_password=True)}: {parsed.drivername} is not supported — "
        "use postgresql://USER@HOST/DATABASE or sqlite:///FILE.db"
    )


_POSTGRESQL = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2"}
_SQLITE = {"sqlite", "sqlite+pysqlite"}


def shown_url(engine: Engine) -> str:
    """The engine's URL for messages (password hidden)."""
    return engine.url.render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine for the URL; on SQLite the admin schema maps onto the main database, with WAL and FKs on.

    Every PostgreSQL session checks for a vanished client, so a command stopped by a signal leaves no statement
    running on the server. Raises BadDatabaseUrl for a URL of another kind.
    """
    normalised = _normalise(url)
    if normalised.get_backend_name() == "sqlite":
        engine = create_engine(normalised, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        return engine.execution_options(schema_translate_map={ADMIN_SCHEMA: None})
    return create_engine(
        normalised,
        pool_pre_ping=True,
        connect_args={"options": f"-c client_connection_check_interval={CLIENT_CHECK_MILLISECONDS}"},
    )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def database_works_here(engine: Engine) -> bool:
    """Whether the database's own work on a push takes a core of this machine: SQLite's (it runs in the pushing
    thread) and a PostgreSQL server's on this machine (a socket, localhost or a loopback address) for its COPY."""
    return is_sqlite(engine) or (engine.url.host or "localhost") in {"localhost", "127.0.0.1", "::1"}
