"""Nothing gives a tenant away and nothing a user types is executed: forbidden words and SQL metacharacters.

- No tenant-visible text of a generated tenant (every shipped preset and market) contains a forbidden word of
  DESIGN.md section 4, and no tenant-visible table or column is named with one.
- User-supplied strings full of SQL metacharacters (tenant names, `[names.<CC>]` lists) are stored as data on
  PostgreSQL and SQLite: the stored digest is the recipe's, the name reads back byte-identical from the tenant, its
  metadata and its job, and every table is still there.
- Control characters (NUL, tab, newline) and names over the limits are refused by the CLI with
  exit 2 and one line, and nothing is written.
Counts go to the casebook (suite "leakage"); `DEMOGEN_FULL=1` adds seeds and volumes, and runs the stored cases
through the CLI as well.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import tomlkit
from sqlalchemy import Engine, func, inspect, select

from casebook import FULL, pick, record
from conftest import AS_OF, DEFAULT, ROOT, merged
from dbtools import postgres_database, run_cli, sqlite_database
from demogen.dataset import build_plan, iter_blocks
from demogen.db import jobs, migrate
from demogen.db.engine import make_engine
from demogen.db.readback import stored_digest
from demogen.db.schema import ADMIN_SCHEMA, TENANT_TABLES, generation_jobs, metadata, tenant_metadata, tenants
from demogen.export import collect_frames, digest_blocks
from demogen.locales import available_markets
from demogen.recipe import FORBIDDEN_WORDS, Recipe, RecipeError, parse_recipe
from demogen.tables import TABLES as COLUMNS

PRESETS = sorted((ROOT / "configs").glob("*.toml"))
FORBIDDEN = re.compile("|".join(FORBIDDEN_WORDS), re.IGNORECASE)
SEEDS = pick((1,), (1, 2, 3))
MARKET_COMPANIES = pick(1_000, 20_000)
TABLE = {table.name: table for table in TENANT_TABLES}


def recipe_of(data: dict, seed: int | None = None) -> Recipe:
    return parse_recipe(data, seed=seed, as_of=AS_OF, today=AS_OF)


def visible_texts(recipe: Recipe) -> Iterator[tuple[str, pd.Series]]:
    """(table.column, values) of every text a tenant sees, the tenants row included."""
    yield "tenants.name", pd.Series([recipe.tenant.name])
    frames = collect_frames(iter_blocks(build_plan(recipe)))
    for table, columns in COLUMNS.items():
        for column in columns:
            if column.kind == "text":
                yield f"{table}.{column.name}", frames[table][column.name].astype(str)


def assert_no_forbidden_words(recipe: Recipe, what: str) -> None:
    """One case per tenant-visible text column: none of its values contains a forbidden word."""
    found = {}
    for where, texts in visible_texts(recipe):
        hits = texts[texts.str.contains(FORBIDDEN)]
        if len(hits):
            found[where] = hits.unique()[:5].tolist()
    columns = 1 + sum(c.kind == "text" for columns in COLUMNS.values() for c in columns)
    record(
        "leakage",
        f"text columns of {what}",
        tried=columns,
        passed=columns - len(found),
        checked=f"no value of the column contains {', '.join(FORBIDDEN_WORDS)} (in any case)",
    )
    assert not found, f"{what}: forbidden words in {found}"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.stem)
def test_no_preset_gives_its_tenant_away(preset, seed):
    data = tomllib.loads(preset.read_text(encoding="utf-8"))
    assert_no_forbidden_words(recipe_of(data, seed if FULL else None), f"the {preset.stem} preset at its volume")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("market", available_markets())
def test_no_market_gives_its_tenant_away(market, seed):
    data = merged(DEFAULT, {"tenant": {"country": market}, "locales": {market: 1}})
    data["volume"] = {**data["volume"], "companies": MARKET_COMPANIES}
    data["limits"] = {"warn_rows": 5_000_000, "max_rows": 5_000_000}
    assert_no_forbidden_words(recipe_of(data, seed), f"a {market} tenant of {MARKET_COMPANIES:,} companies")


def test_no_tenant_visible_table_or_column_is_named_with_a_forbidden_word():
    names = [t.name for t in (tenants, *TENANT_TABLES)] + [c.name for t in (tenants, *TENANT_TABLES) for c in t.c]
    assert not [n for n in names if FORBIDDEN.search(n)]
    record(
        "leakage",
        "schema names",
        tried=len(names),
        passed=len(names),
        checked="no table or column name of the tenant tables contains a forbidden word",
    )


GIVEAWAYS = {
    "tenant.name": {"tenant": {"name": "Acme Demo Holdings"}},
    "pipeline.stages": {
        "pipeline": {
            "stages": [
                {"name": "Test Drive", "probability": 0.5},
                {"name": "Won", "probability": 1.0, "is_closed": True, "is_won": True},
                {"name": "Lost", "probability": 0.0, "is_closed": True},
            ]
        }
    },
    "names.US.last_names": {"names": {"US": {"last_names": [{"name": "Samples", "weight": 3}]}}},
}


@pytest.mark.parametrize("where", list(GIVEAWAYS))
def test_user_text_with_a_forbidden_word_is_refused(where):
    with pytest.raises(RecipeError) as caught:
        recipe_of(merged(DEFAULT, {"locales": {"US": 1}, **GIVEAWAYS[where]}))
    assert str(caught.value).startswith(where)
    record("leakage", "user text with a forbidden word", checked="refused by the recipe, naming the key")


METACHARACTERS = {
    "quotes": 'O\'Brien & "Sons"',
    "semicolons": "Harbor; Lines;",
    "comments": "Harbor -- Lines /* and */ more",
    "drop table": "x'; DROP TABLE tenants; --",
    "bobby tables": "Robert'); DROP TABLE contacts;--",
    "dollar quoting": "$$Harbor$$ $q$ Lines $q$",
    "backslashes": "\\N \\x00 \\\\ \\' C:\\trade",
    "like wildcards": "100% _Harbor_ [x]",
    "null word": "NULL",
    "right-to-left": "شركة الخليج للتجارة",
    "bidi override": "\u202eseniL robraH\u202c Ltd",
    "astral plane": "Harbor 🚢 Lines 𝔸",
    "longest allowed": "Harbor-Lines-Maritime-" * 6,
}
NUL = "Harbor\x00Lines"
CONTROL = {"NUL": NUL, "tab and newline": "Harbor\tLines\nLimited"}
"""Control characters: refused in tenant-visible text (PostgreSQL cannot store NUL; a newline breaks every list)."""
PEOPLE = ["O'Neil", "D'Arcy; Jr", "--Lee", "Robert'); DROP TABLE users;--", "$$Ng$$", "\\N", "NULL", "שרה", 'Zoë "Z"']


def name_lists(names: list[str]) -> dict:
    first = [{"name": n, "gender": g, "weight": 1} for n in names for g in "FM"]
    return {"GB": {"first_names": first, "last_names": [{"name": n, "weight": 1} for n in names]}}


def tenant_recipe(name: str, people: list[str] | None = None) -> dict:
    """A small GB tenant named `name`, its people drawn from `people` if given."""
    data = merged(DEFAULT, {"tenant": {"name": name, "country": "GB"}, "locales": {"GB": 1}})
    data["volume"] = {**data["volume"], "companies": 12, "users": 3}
    data["tenant"]["as_of"] = AS_OF
    if people is not None:
        data["names"] = name_lists(people)
    return data


@dataclass(frozen=True)
class Backend:
    name: str
    engine: Engine
    url: str


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request, tmp_path_factory) -> Iterator[Backend]:
    """One migrated database per backend for the module; each case writes a tenant of its own name."""
    opener = postgres_database() if request.param == "postgresql" else sqlite_database(tmp_path_factory.mktemp("db"))
    with opener as (url, role):
        engine = make_engine(url)
        migrate.upgrade(engine, tenant_role=role)
        yield Backend(request.param, engine, url)
        engine.dispose()


@dataclass(frozen=True)
class Snapshot:
    """Every table of both schemas, and the row count of each of ours: what "nothing executed, nothing written"
    compares."""

    tables: frozenset[str]
    rows: dict[str, int]


def snapshot(engine: Engine) -> Snapshot:
    found = inspect(engine).get_table_names()
    if engine.dialect.name == "postgresql":
        found += [f"{ADMIN_SCHEMA}.{t}" for t in inspect(engine).get_table_names(schema=ADMIN_SCHEMA)]
    with engine.connect() as connection:
        rows = {
            t.name: connection.execute(select(func.count()).select_from(t)).scalar() for t in metadata.sorted_tables
        }
    return Snapshot(frozenset(found), rows)


def newest_tenant(engine: Engine) -> tuple[str, str, str]:
    """The name of the newest tenant as its tenants row, its metadata's recipe and its job hold it."""
    with engine.connect() as connection:
        newest = select(tenants.c.id, tenants.c.name).order_by(tenants.c.id.desc())
        tenant_id, stored = connection.execute(newest).first()
        kept = connection.execute(select(tenant_metadata.c.recipe).where(tenant_metadata.c.tenant_id == tenant_id))
        queued = connection.execute(select(generation_jobs.c.tenant_name).order_by(generation_jobs.c.id.desc()))
        return stored, kept.scalar_one()["tenant"]["name"], queued.scalars().first()


def assert_stored_as_data(engine: Engine, recipe: Recipe, name: str, before: Snapshot) -> None:
    """The tenant reads back byte-identical (digest, name in three places) and no statement ran but ours."""
    plan = build_plan(recipe)
    assert stored_digest(engine, name) == digest_blocks(iter_blocks(plan))
    assert newest_tenant(engine) == (name, name, name)
    after = snapshot(engine)
    assert after.tables == before.tables, "tables appeared or vanished"
    grown = {t: after.rows[t] - before.rows[t] for t in after.rows if after.rows[t] != before.rows[t]}
    expected = {"tenants": 1, "tenant_metadata": 1, "generation_jobs": 1}
    assert grown == expected | {t: n for t, n in plan.row_counts().items() if n}


def store_through_the_library(engine: Engine, recipe: Recipe, name: str) -> None:
    """What `demogen generate` does: queue a job, claim it, run it."""
    job_id = jobs.submit(engine, recipe, name, build_plan(recipe).total_rows)
    jobs.claim(engine, job_id)
    job = jobs.run_job(engine, job_id)
    assert job.status == "succeeded", job.error


def store_through_the_cli(backend: Backend, data: dict, folder: Path) -> None:
    config = folder / "recipe.toml"
    config.write_text(tomlkit.dumps(data), encoding="utf-8")
    result = run_cli("generate", "--config", str(config), "--db", backend.url)
    assert result.returncode == 0, result.stderr


STORES = pick(("library",), ("library", "cli"))


def _stored_case(backend: Backend, data: dict, how: str, folder: Path) -> None:
    recipe, before = recipe_of(data), snapshot(backend.engine)
    if how == "cli":
        store_through_the_cli(backend, data, folder)
    else:
        store_through_the_library(backend.engine, recipe, recipe.tenant.name)
    assert_stored_as_data(backend.engine, recipe, recipe.tenant.name, before)


STORED = (
    "stored as data: the digest read back equals the recipe's; the name is byte-identical in tenants, metadata "
    "and job; no table created or dropped; only the tenant's own rows added"
)


@pytest.mark.parametrize("how", STORES)
@pytest.mark.parametrize("case", list(METACHARACTERS))
def test_metacharacters_in_a_tenant_name_are_stored_as_data(backend, case, how, tmp_path):
    name = f"{how} {METACHARACTERS[case]}"[:120]  # one tenant per case and path in the module's database
    _stored_case(backend, tenant_recipe(name), how, tmp_path)
    record("leakage", "SQL metacharacters in a tenant name", checked=STORED)


def people_of(engine: Engine, tenant_name: str) -> set[str]:
    with engine.connect() as connection:
        tenant_id = connection.execute(select(tenants.c.id).where(tenants.c.name == tenant_name)).scalar_one()
        found = set()
        for table in (TABLE["users"], TABLE["contacts"]):
            query = select(table.c.first_name, table.c.last_name).where(table.c.tenant_id == tenant_id)
            found |= {name for row in connection.execute(query) for name in row}
    return found


@pytest.mark.parametrize("how", STORES)
def test_metacharacters_in_name_lists_are_stored_as_data(backend, how, tmp_path):
    data = tenant_recipe(f"Larkspur Freight {how}", PEOPLE)
    _stored_case(backend, data, how, tmp_path)
    assert people_of(backend.engine, data["tenant"]["name"]) == set(PEOPLE), "every listed name reaches the tenant"
    record("leakage", "SQL metacharacters in [names.<CC>] lists", tried=len(PEOPLE), passed=len(PEOPLE), checked=STORED)


def assert_refused(backend: Backend, data: dict, folder: Path, *options: str) -> None:
    """`demogen generate` exits 2 with one line `error: ...` and no traceback, and nothing is written."""
    before = snapshot(backend.engine)
    config = folder / "recipe.toml"
    config.write_text(tomlkit.dumps(data), encoding="utf-8")
    result = run_cli("generate", "--config", str(config), "--db", backend.url, *options)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert snapshot(backend.engine) == before


@pytest.mark.parametrize("kind", list(CONTROL))
@pytest.mark.parametrize("where", ["tenant name", "name lists"])
def test_control_characters_are_refused_up_front_on_every_backend(backend, where, kind, tmp_path):
    """PostgreSQL cannot store NUL in text, so control characters are refused before anything is written."""
    text = CONTROL[kind]
    data = tenant_recipe(text, None) if where == "tenant name" else tenant_recipe("Larkspur Nul", [text, "Okafor"])
    assert_refused(backend, data, tmp_path)
    record("leakage", f"a {kind} in the {where}", checked=REFUSED)


REFUSED = "exit 2, one line `error: ...`, no traceback; no table or row changed"
LONG = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(157))[:10_000]
"""10,000 characters that do not compress (an index entry of them exceeds PostgreSQL's btree limit)."""
TOO_LONG = {
    "tenant.name": (tenant_recipe(LONG), ()),
    "--tenant": (tenant_recipe("Larkspur Freight"), ("--tenant", LONG)),
    "names.GB": (tenant_recipe("Larkspur Long", ["Okafor", LONG]), ()),
}


@pytest.mark.parametrize("backend", pick(["postgresql"], ["sqlite", "postgresql"]), indirect=True)
@pytest.mark.parametrize("where", list(TOO_LONG))
def test_text_over_the_limits_is_refused_with_one_line(backend, where, tmp_path):
    """By the CLI where a database is involved (or with DEMOGEN_FULL=1), else by the recipe alone (it comes first)."""
    data, options = TOO_LONG[where]
    if options or FULL:
        assert_refused(backend, data, tmp_path, *options)
    else:
        with pytest.raises(RecipeError, match=f"^{re.escape(where)}[.:]"):
            recipe_of(data)
    record("leakage", "10,000 characters of user text", checked=REFUSED)
