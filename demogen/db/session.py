"""Opening a database for a command: connect, migrate the embedded default, refuse a schema that is behind."""

from __future__ import annotations

import shlex
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from demogen.db import migrate
from demogen.db.engine import BadDatabaseUrl, database_url, is_sqlite, make_engine, shown_url


class DatabaseNotReady(RuntimeError):
    """The database cannot be used as it is; the message says what to do."""


def open_database(url: str | None = None, *, create: bool = True) -> Engine:
    """An engine whose schema is current. SQLite is created and migrated on first use (unless `create` is off, for
    commands that only read or remove); PostgreSQL must be upgraded explicitly (`demogen db upgrade`), since a
    shared server deserves a deliberate migration."""
    try:
        engine = make_engine(database_url(url))
    except BadDatabaseUrl as error:
        raise DatabaseNotReady(str(error)) from None
    database = engine.url.database
    if is_sqlite(engine) and not create and not Path(database).exists():
        raise DatabaseNotReady(f"no database at {database} — generate a tenant first, or pass --db URL")
    try:
        if is_sqlite(engine):
            if not migrate.is_current(engine):
                migrate.upgrade(engine)
            return engine
        if not migrate.is_current(engine):
            raise DatabaseNotReady(
                f"database {shown_url(engine)} is not at schema "
                f"{migrate.HEAD} — run `demogen db upgrade --db {shlex.quote(shown_url(engine))}`"
            )
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseNotReady(
            f"cannot open database {shown_url(engine)} ({reason}) — "
            "check --db / DEMOGEN_DATABASE_URL and that the server is running"
        ) from None
    return engine
