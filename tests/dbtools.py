"""Throwaway databases for tests: each PostgreSQL test database (and its tenant role) is created and dropped here.

Loaded as a pytest plugin by conftest.py, so its fixtures (`postgres`, `database`) serve every test module.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from demogen.db import migrate
from demogen.db.engine import make_engine
from demogen.db.schema import TENANT_TABLES, tenants

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def server_url() -> str | None:
    """`$DEMOGEN_TEST_DATABASE_URL`, else the local server if it answers, else None."""
    url = os.environ.get("DEMOGEN_TEST_DATABASE_URL") or DEFAULT_SERVER
    url = make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception:
        return None
    return url


def url_of(engine) -> str:
    """The engine's URL as a command line takes it (password included)."""
    return engine.url.render_as_string(hide_password=False)


def require_postgres() -> str:
    url = server_url()
    if url is None:
        message = (
            "PostgreSQL is not reachable: start it on 127.0.0.1:5432 or set DEMOGEN_TEST_DATABASE_URL "
            "(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)"
        )
        if os.environ.get("DEMOGEN_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


@contextmanager
def postgres_database() -> Iterator[tuple[str, str]]:
    """A fresh database and a fresh tenant role name; both dropped afterwards. Yields (url, role)."""
    server = require_postgres()
    suffix = secrets.token_hex(4)
    name, role = f"demogen_test_{suffix}", f"demogen_tenant_{suffix}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False), role
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@contextmanager
def sqlite_database(folder: Path) -> Iterator[tuple[str, None]]:
    yield f"sqlite:///{folder / 'tenant.db'}", None


@pytest.fixture
def postgres():
    """(engine, url, tenant role) of a fresh, migrated PostgreSQL database."""
    with postgres_database() as (url, role):
        engine = make_engine(url)
        migrate.upgrade(engine, tenant_role=role)
        yield engine, url, role
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """(engine, tenant role) of a fresh, migrated database of each backend."""
    opener = postgres_database() if request.param == "postgresql" else sqlite_database(tmp_path)
    with opener as (url, role):
        engine = make_engine(url)
        migrate.upgrade(engine, tenant_role=role)
        yield engine, role
        engine.dispose()


def counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            t.name: connection.execute(select(func.count()).select_from(t)).scalar() for t in (tenants, *TENANT_TABLES)
        }


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "demogen.cli", *args],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, **(env or {})},
        check=False,
    )
