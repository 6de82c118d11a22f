"""SQL integrity checks of one stored tenant: references, counts against the plan, coherence, wording.

One pass per table: a single query per tenant table joins its rows to their parents (through the composite
foreign keys) and counts, rule by rule, the rows that break each rule, and the rows themselves. So the report
says how many rows break which rule, and costs six scans instead of one per rule. The queries are the same on
PostgreSQL and SQLite (timestamps compare as values on one, as ISO text on the other). On PostgreSQL the joins
may not be nested loops (`transaction.set_wise`): a tenant too new for the planner's statistics is still checked in
time linear in its size. A push's own check leaves the wording rule, most of a pass's time, to the rows it wrote
(`worded`): only a table in which they hold a forbidden word is counted in SQL.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import subprocess
import sys
import time
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, select, text

from demogen.db.engine import is_sqlite
from demogen.db.schema import REFERENCES, TENANT_TABLES, tenant_metadata
from demogen.db.transaction import DatabaseTimeout, set_wise, tenant_id_of, time_limit, transaction
from demogen.recipe import FORBIDDEN_WORDS
from demogen.tables import TABLES

OWNED = ("companies", "contacts", "deals", "activities")

RULES: tuple[tuple[str, str, str], ...] = (
    ("contacts without their company", "contacts", "company.id IS NULL"),
    ("deals whose contact works elsewhere", "deals", "contact.company_id <> x.company_id"),
    ("activities with a contact outside the deal's company", "activities", "contact.company_id <> deal.company_id"),
    *(("owners that are not users of the tenant", table, "owner.id IS NULL") for table in OWNED),
    ("contacts created before their company", "contacts", "x.created_at < company.created_at"),
    (  # or routed (tenant.route_email_to): tagged with the company domain, first.last+acme.com@mail.crm.io
        "contact emails not at the company domain",
        "contacts",
        "x.email NOT LIKE '%@' || company.domain AND x.email NOT LIKE '%+' || company.domain || '@%'",
    ),
    (
        "deal status that disagrees with its stage",
        "deals",
        "NOT ((x.status = 'open' AND NOT stage.is_closed) OR (x.status = 'won' AND stage.is_closed AND stage.is_won)"
        " OR (x.status = 'lost' AND stage.is_closed AND NOT stage.is_won))",
    ),
    (
        "deals closed outside their life (before creation or after as_of)",
        "deals",
        "x.closed_at IS NOT NULL AND (x.closed_at < x.created_at OR x.closed_at >= :as_of)",
    ),
    *(("records created after as_of", table, "x.created_at >= :as_of") for table in ("deals", "contacts", "companies")),
    (
        "activities outside their deal's life",
        "activities",
        "x.due_at < deal.created_at OR (deal.closed_at IS NOT NULL AND x.due_at > deal.closed_at)",
    ),
    (
        "activities completed in the future",
        "activities",
        "x.completed_at IS NOT NULL AND (x.completed_at > :as_of OR x.completed_at < x.due_at)",
    ),
)
"""(report line, table, condition on the row `x` and its parents, each named after its reference: company_id
-> `company`). A rule listed for several tables counts the rows of all of them."""

MISSING_ROWS = "references to rows that do not exist"
ROW_COUNT_MISMATCH = "tables whose row count differs from the plan"


class CheckTimeout(DatabaseTimeout):
    """The integrity check ran past its time limit and was stopped."""


@dataclass
class IntegrityReport:
    tenant: str
    violations: dict[str, int] = field(default_factory=dict)
    row_counts: dict[str, int] = field(default_factory=dict)
    expected_counts: dict[str, int] = field(default_factory=dict)
    dangling: dict[str, int] = field(default_factory=dict)
    """Rows per foreign key (`deals.contact_id -> contacts`) whose parent row is missing."""

    @property
    def ok(self) -> bool:
        return not any(self.violations.values())

    def as_dict(self) -> dict:
        return {
            "tenant": self.tenant,
            "ok": self.ok,
            "violations": self.violations,
            "row_counts": self.row_counts,
            "expected_counts": self.expected_counts,
        }

    def lines(self) -> list[str]:
        status = "ok" if self.ok else "VIOLATIONS"
        out = [f"tenant {self.tenant}: {status}"]
        out += [f"  {'FAIL' if count else 'ok  '} {name}: {count}" for name, count in self.violations.items()]
        return out


def _parents(table: Table) -> list[tuple[str, str, str]]:
    """(alias, column, parent table) of every composite reference of the table: company_id -> `company`."""
    return [(column.removesuffix("_id"), column, parent) for name, column, parent in REFERENCES if name == table.name]


def _words(table: str, sqlite: bool) -> str:
    """All text of a row as the subquery column `words`, matched without regard to ASCII case: lower-cased once
    on PostgreSQL; SQLite's LIKE already ignores ASCII case (and its LOWER folds nothing else)."""
    columns = [c for c in TABLES[table] if c.kind == "text"]
    joined = " || ' ' || ".join(f"COALESCE(x.{c.name}, '')" if c.nullable else f"x.{c.name}" for c in columns)
    return joined if sqlite else f'LOWER(({joined}) COLLATE "C")'


WORDING = " OR ".join(f"x.words LIKE '%{word}%'" for word in FORBIDDEN_WORDS)
"""The rule on a row's text (`_words`): no word that gives the data away."""


def wording_label(table: Table) -> str:
    return f"{table.name} text that gives the data away"


def _rows(table: Table, sqlite: bool, read: list[str], words: bool) -> str:
    """The tenant's rows of the table as a subquery `x` of the columns `read` (and `words`), fenced (see
    `table_pass`)."""
    selected = [*read, _words(table.name, sqlite) + " AS words"] if words else read or ["x.id"]
    return (
        f"(SELECT {', '.join(selected)} FROM {table.name} x"
        f" WHERE x.tenant_id = :t {'ORDER BY x.id LIMIT -1' if sqlite else 'OFFSET 0'}) x"
    )


@functools.cache
def table_pass(table: Table, sqlite: bool, wording: bool = True) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The table's one query and, per count it selects after the row count, (report line or reference, kind).

    The rows come from a subquery that joins their text once and keeps only the columns the rules read; its
    fence (OFFSET 0 / LIMIT -1) keeps the database from inlining that expression into each word's test. SQLite
    reads the rows in key order (through the primary key, in the order they were written: 15% faster than
    through another index on tenant_id, which visits the table at random). Without `wording` the text rule is
    left out (most of the pass's time: the push tests its text another way, see `tenant_report`).
    """
    parents = _parents(table)
    joins = "".join(
        f" LEFT JOIN {parent} {alias} ON {alias}.tenant_id = :t AND {alias}.id = x.{column}"
        for alias, column, parent in parents
    )
    counted = [
        (f"{table.name}.{column} -> {parent}", f"x.{column} IS NOT NULL AND {alias}.id IS NULL", "reference")
        for alias, column, parent in parents
    ]
    counted += [(name, condition, "rule") for name, where, condition in RULES if where == table.name]
    if wording:
        counted.append((wording_label(table), WORDING, "rule"))
    counts = ["COUNT(*)", *(f"COUNT(CASE WHEN {condition} THEN 1 END)" for _, condition, _ in counted)]
    read = [f"x.{name}" for name in sorted(set(re.findall(r"\bx\.(\w+)", " ".join(counts))) - {"words"})]
    rows = _rows(table, sqlite, read, words=wording)
    return f"SELECT {', '.join(counts)} FROM {rows}{joins}", tuple((label, kind) for label, _, kind in counted)


def wording_pass(table: Table, sqlite: bool) -> str:
    """The count of the tenant's rows of the table whose text breaks the rule, alone."""
    return f"SELECT COUNT(*) FROM {_rows(table, sqlite, [], words=True)} WHERE {WORDING}"


def _as_of_bound(engine: Engine, as_of: dt.date) -> object:
    if is_sqlite(engine):
        return f"{as_of.isoformat()} 00:00:00.000000"
    return dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)


def _table_counts(connection: Connection, table: Table, params: dict, wording: bool = True) -> tuple[int, list[int]]:
    """One table's pass: its row count and the counts of `table_pass`."""
    sql, _ = table_pass(table, is_sqlite(connection.engine), wording)
    with set_wise(connection):
        rows, *counts = connection.execute(text(sql), params).one()
    return int(rows), [int(count or 0) for count in counts]


def _report(
    tenant_name: str,
    expected: dict[str, int] | None,
    passes: dict[str, tuple[int, list[int]]],
    sqlite: bool,
    wording: bool = True,
) -> IntegrityReport:
    report = IntegrityReport(tenant_name, expected_counts=dict(expected or {}))
    report.violations = {name: 0 for name, _, _ in RULES}
    for table in TENANT_TABLES:
        rows, counts = passes[table.name]
        report.row_counts[table.name] = rows
        report.violations[wording_label(table)] = 0
        for (label, kind), count in zip(table_pass(table, sqlite, wording)[1], counts, strict=True):
            if kind == "reference":
                report.dangling[label] = count
            else:
                report.violations[label] = report.violations.get(label, 0) + count
    report.violations[MISSING_ROWS] = sum(report.dangling.values())
    report.violations[ROW_COUNT_MISMATCH] = (
        sum(1 for t, n in report.expected_counts.items() if report.row_counts.get(t) != n)
        if expected is not None
        else len(TENANT_TABLES)
    )
    return report


def _params(engine: Engine, tenant_id: int, as_of: dt.date) -> dict:
    return {"t": tenant_id, "as_of": _as_of_bound(engine, as_of)}


def tenant_report(
    connection: Connection,
    tenant_name: str,
    tenant_id: int,
    expected: dict[str, int] | None,
    as_of: dt.date,
    *,
    worded: Collection[str] | None = None,
) -> IntegrityReport:
    """Every check of one tenant on an open connection (inside a push's transaction, say), one pass at a time.

    `worded`, where given, answers for the text rule: the tables whose text may hold a word that gives the data
    away, and only those are counted in SQL (the others count 0). A push finds them in the rows as it makes them
    (`export.holds_a_word`); the passes take less than half the time without the rule (measured: 0.37 s instead
    of 0.87 s for 629k rows on PostgreSQL).
    """
    wording = worded is None
    params = _params(connection.engine, tenant_id, as_of)
    passes = {table.name: _table_counts(connection, table, params, wording) for table in TENANT_TABLES}
    report = _report(tenant_name, expected, passes, is_sqlite(connection.engine), wording)
    if worded is not None:
        _count_wording(connection, report, params, worded)
    return report


def _count_wording(connection: Connection, report: IntegrityReport, params: dict, suspect: Collection[str]) -> None:
    """The text rule's counts of the `suspect` tables, into a report made without it (the others stay 0)."""
    for table in TENANT_TABLES:
        if table.name in suspect:
            with set_wise(connection):
                count = connection.execute(text(wording_pass(table, is_sqlite(connection.engine))), params).scalar()
            report.violations[wording_label(table)] = int(count or 0)


CHECK_CONNECTIONS = 2
"""Passes run at once by `check_tenant` on PostgreSQL (a server process each); 2 halves the wall time on two
cores and leaves a larger server room for others."""


def _shared_passes(
    engine: Engine, snapshot: str, params: dict, expected: dict[str, int], deadline: float | None
) -> dict[str, tuple[int, list[int]]]:
    """The table passes on CHECK_CONNECTIONS connections that all read one exported snapshot, largest first."""

    def one(table: Table) -> tuple[int, list[int]]:
        remaining = None if deadline is None else max(deadline - time.monotonic(), 0.001)
        with transaction(engine, remaining, snapshot=True) as connection:
            connection.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            return _table_counts(connection, table, params)

    order = sorted(TENANT_TABLES, key=lambda t: -expected.get(t.name, 0))
    with ThreadPoolExecutor(CHECK_CONNECTIONS, thread_name_prefix="demogen-check") as pool:
        futures = {table.name: pool.submit(one, table) for table in order}
        return {name: future.result() for name, future in futures.items()}


SQLITE_SECOND_PROCESS_ROWS = 100_000
"""On SQLite a tenant this large has its largest table's pass made by a second process (plain sqlite3, read-only),
beside the others: on two cores 0.95 s instead of 1.85 s for 629k rows. Threads cannot do it (measured slower:
SQLite's allocator takes one global mutex); a process costs about 40 ms to start, so small tenants stay serial."""

_SQLITE_PASS = """\
import json, sqlite3, sys
job = json.load(sys.stdin)
db = sqlite3.connect(job["uri"], uri=True, isolation_level=None)
db.execute("BEGIN")
stamp = db.execute(job["stamp"], job["params"]).fetchone()
print(json.dumps([stamp, db.execute(job["sql"], job["params"]).fetchone()]))
"""
_STAMP = "SELECT name, created_at FROM tenants WHERE id = :t"
"""What identifies one push of a tenant: a pass read under another stamp (deleted and pushed again meanwhile, ids
are reused on SQLite) is not this check's tenant."""


def _sqlite_passes(
    connection: Connection, params: dict, expected: dict[str, int], deadline: float | None
) -> dict[str, tuple[int, list[int]]]:
    """The table passes of a SQLite tenant: the largest in a second process (see SQLITE_SECOND_PROCESS_ROWS).

    The passes made here share the connection's snapshot; the other process reads its own, together with the
    tenant's `_STAMP`: a tenant is written and deleted in one transaction and never changed, so an equal stamp
    means the same rows. Should the process fail, or read another stamp, its pass is made here.
    """
    largest = max(TENANT_TABLES, key=lambda t: expected.get(t.name, 0))
    path = connection.engine.url.database
    child = None
    if sum(expected.values()) >= SQLITE_SECOND_PROCESS_ROWS and path:
        child = _start_pass(Path(path), largest, params)
    try:
        passes = {t.name: _table_counts(connection, t, params) for t in TENANT_TABLES if child is None or t != largest}
        if child is not None:
            remaining = None if deadline is None else max(deadline - time.monotonic(), 0.001)
            try:
                status = child.wait(timeout=remaining)  # its answer is one short line: the pipe cannot fill
            except subprocess.TimeoutExpired:
                raise CheckTimeout("the integrity check took longer than its time limit") from None
            out = child.stdout.read()
            stamp, answer = json.loads(out) if status == 0 and out.strip() else (None, None)
            if stamp is not None and stamp == list(connection.execute(text(_STAMP), params).one()):
                rows, *counts = answer
                passes[largest.name] = int(rows), [int(count or 0) for count in counts]
            else:
                passes[largest.name] = _table_counts(connection, largest, params)
        return {table.name: passes[table.name] for table in TENANT_TABLES}
    finally:
        if child is not None:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()


def _start_pass(path: Path, table: Table, params: dict) -> subprocess.Popen | None:
    """A second process making one table's pass on the database file (read-only); None if it cannot start."""
    uri = path.resolve().as_uri() + "?mode=ro"
    job = {"uri": uri, "stamp": _STAMP, "sql": table_pass(table, True)[0], "params": params}
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _SQLITE_PASS],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    except OSError:
        return None
    try:
        child.stdin.write(json.dumps(job))
        child.stdin.close()
    except OSError:  # it ended at once
        child.kill()
        child.wait()
        return None
    return child


def check_tenant(engine: Engine, tenant_name: str, *, timeout: float | None = None) -> IntegrityReport | None:
    """Run every check; None if the tenant does not exist. Raises CheckTimeout past `timeout` seconds.

    On PostgreSQL the passes share one snapshot over several connections (like `pg_dump --jobs`), so the report
    is as consistent as a single transaction's and takes part of the time; on SQLite a large tenant's largest
    table is checked by a second process (`_sqlite_passes`).
    """
    time_limited = time_limit(CheckTimeout, "the integrity check", timeout)
    with time_limited as started, transaction(engine, timeout, snapshot=True) as connection:
        tenant_id = tenant_id_of(connection, tenant_name)
        if tenant_id is None:
            return None
        meta = connection.execute(
            select(tenant_metadata.c.as_of, tenant_metadata.c.row_counts).where(
                tenant_metadata.c.tenant_id == tenant_id
            )
        ).first()
        expected, as_of = (dict(meta.row_counts), meta.as_of) if meta else (None, dt.date.max)
        deadline = None if timeout is None else started + timeout
        params = _params(engine, tenant_id, as_of)
        if is_sqlite(engine):
            passes = _sqlite_passes(connection, params, expected or {}, deadline)
        else:
            snapshot = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
            passes = _shared_passes(engine, snapshot, params, expected or {}, deadline)
        return _report(tenant_name, expected, passes, is_sqlite(engine))
