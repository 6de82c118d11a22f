"""Run the reliability and security suites in full and publish their figures: docs/RELIABILITY.md, docs/SECURITY.md.

The figures come from the run, never from a hand: every test file that imports `casebook` is run with
`DEMOGEN_FULL=1` (the exhaustive variants) and `DEMOGEN_CASEBOOK` set, and the counts it records (cases tried
and passed per suite and check, credited only when the test passed) are written into the two pages with the
date, the versions and the machine. The prose (the threat model) lives in the templates below.

    .venv/bin/python tools/write_reports.py                      # run the suites, write both pages (make reports)
    .venv/bin/python tools/write_reports.py --head               # the same on a clean export of HEAD
    .venv/bin/python tools/write_reports.py --casebook run.json  # write the pages from a casebook already taken

PostgreSQL is required (`DEMOGEN_REQUIRE_POSTGRES=1`): a report must not quietly count skipped database tests.
The exit status is pytest's, so a failing suite fails `make reports`, yet the pages are still written and say so.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sqlalchemy import create_engine, text

from demogen import GENERATOR_VERSION

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
PACKAGES = ("demogen", "numpy", "pandas", "scipy", "sqlalchemy", "alembic", "psycopg", "pytest", "hypothesis")
RELIABILITY_SUITES = ("faults", "load", "bad input")
SECURITY_SUITES = ("isolation", "leakage")


def suite_files(root: Path) -> list[Path]:
    """The test files that record into the casebook, relative to `root`."""
    found = (root / "tests").glob("test_*.py")
    return sorted(p.relative_to(root) for p in found if "from casebook import" in p.read_text(encoding="utf-8"))


def run_suites(root: Path, casebook: Path) -> int:
    env = {**os.environ, "DEMOGEN_FULL": "1", "DEMOGEN_CASEBOOK": str(casebook)}
    env.setdefault("DEMOGEN_REQUIRE_POSTGRES", "1")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *map(str, suite_files(root))]
    print(f"running in {root}:", " ".join(command[2:]), flush=True)
    return subprocess.run(command, cwd=root, env=env, check=False).returncode


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def export_head(folder: Path) -> Path:
    """HEAD as a plain tree (git archive): the suites then run on committed code only, whatever else is edited."""
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    tree = folder / "head"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tree, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    return tree


def code_of(snapshot: bool) -> str:
    commit = _git("rev-parse", "--short", "HEAD")
    if snapshot:
        return f"commit {commit} (a clean export of HEAD)"
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return f"commit {commit}" + (" with uncommitted changes in the working tree" if dirty else "")


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _postgres_version() -> str:
    """The server the suites ran against (found the way the tests find it)."""
    sys.path.insert(0, str(TESTS))
    from dbtools import server_url  # noqa: PLC0415 (tests/ is a folder of modules, not a package)

    url = server_url()
    if url is None:
        return "not reachable"
    engine = create_engine(url)
    with engine.connect() as connection:
        found = connection.execute(text("SHOW server_version")).scalar()
    engine.dispose()
    return str(found)


def _cpu() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
        model = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or platform.machine()
    return f"{model}, {os.cpu_count()} logical cores"


def _memory() -> str:
    try:
        lines = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
        line = next(x for x in lines if x.startswith("MemTotal"))
    except (OSError, StopIteration):
        return "unknown"
    return f"{int(line.split()[1]) / 1024**2:.1f} GiB"


def environment() -> dict[str, str]:
    versions = {name: _package(name) for name in PACKAGES}
    versions |= {"generator": GENERATOR_VERSION, "Python": platform.python_version(), "SQLite": sqlite3.sqlite_version}
    versions["PostgreSQL"] = _postgres_version()
    return {
        "versions": ", ".join(f"{name} {v}" for name, v in versions.items()),
        "machine": f"{platform.platform()}; {_cpu()}; {_memory()} memory",
    }


def figures(book: dict, suite: str) -> list[tuple[str, int, int, str]]:
    """(check, tried, passed, what was checked) per check of a suite, in the order the run met them."""
    tried: dict[str, int] = defaultdict(int)
    passed: dict[str, int] = defaultdict(int)
    checked: dict[str, list[str]] = defaultdict(list)
    for entry in book["records"]:
        if entry["suite"] != suite:
            continue
        what = entry["what"]
        tried[what] += entry["tried"]
        passed[what] += entry["passed"]
        if entry["checked"] and entry["checked"] not in checked[what]:
            checked[what].append(entry["checked"])
    return [(what, tried[what], passed[what], "; ".join(checked[what])) for what in tried]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def suite_section(book: dict, suite: str) -> str:
    rows = figures(book, suite)
    if not rows:
        return f"### {suite}\n\nNo cases recorded in this run.\n"
    total_tried, total_passed = sum(r[1] for r in rows), sum(r[2] for r in rows)
    lines = [
        f"### {suite}: {total_passed:,} of {total_tried:,} cases passed\n",
        "| check | tried | passed | what a case checks |",
        "|---|---:|---:|---|",
    ]
    lines += [f"| {_cell(what)} | {t:,} | {p:,} | {_cell(c)} |" for what, t, p, c in rows]
    return "\n".join(lines) + "\n"


def not_passed_section(book: dict, files: list[str]) -> str:
    """Tests of these files that did not pass (a failure before `record` leaves no count, so it is listed)."""
    rows = [t for t in book.get("not_passed", []) if t["test"].split("::")[0] in files]
    if not rows:
        return "Every test of these suites passed.\n"
    lines = ["| test | outcome | why |", "|---|---|---|"]
    lines += [f"| `{_cell(t['test'])}` | {t['outcome']} | {_cell(t['reason'])} |" for t in rows]
    return "\n".join(lines) + "\n"


def _files_of(book: dict, suites: tuple[str, ...]) -> list[str]:
    return sorted({e["test"].split("::")[0] for e in book["records"] if e["suite"] in suites and e["test"]})


def header(title: str, book: dict, env: dict[str, str], files: list[str]) -> str:
    mode = "full (`DEMOGEN_FULL=1`)" if book["full"] else "default (a subset; `DEMOGEN_FULL=1` runs all)"
    tests = book["tests"]
    return HEADER.format(
        title=title,
        date=book["finished"][:10],
        time=book["finished"][11:16],
        mode=mode,
        files=", ".join(f"`{f}`" for f in files) or "none",
        collected=tests["collected"],
        failed=tests["failed"],
        xfailed=tests["outcomes"].get("xfailed", 0),
        skipped=tests["outcomes"].get("skipped", 0),
        **env,
    )


def reliability(book: dict, env: dict[str, str]) -> str:
    files = _files_of(book, RELIABILITY_SUITES)
    sections = "\n".join(suite_section(book, s) for s in RELIABILITY_SUITES)
    return header("Reliability", book, env, files) + RELIABILITY.format(
        sections=sections, not_passed=not_passed_section(book, files)
    )


def security(book: dict, env: dict[str, str]) -> str:
    files = _files_of(book, SECURITY_SUITES)
    sections = "\n".join(suite_section(book, s) for s in SECURITY_SUITES)
    return header("Security", book, env, files) + SECURITY.format(
        sections=sections, not_passed=not_passed_section(book, files)
    )


HEADER = """# {title}

<!-- Written by tools/write_reports.py (make reports) from a test run; edit the template there, not this page. -->

Figures of the test run that finished on {date} at {time} UTC, {mode}: {collected} tests collected, {failed} failed,
{xfailed} known failures (xfail), {skipped} skipped. A case counts as passed only if its test passed.

- Suites: {files}
- Code: {code}
- Versions: {versions}
- Machine: {machine}

"""

RELIABILITY = """The promise: under faults, load and bad input demogen keeps working and never leaves a partial or
corrupted tenant. A push is one transaction: it commits whole or leaves nothing, and its job says what happened.

## Figures

{sections}
## Tests that did not pass

{not_passed}"""

SECURITY = """The promise: no tenant sees another tenant's rows or the demo flag, and nothing a user types is executed.

## Threat model

**Protected:** each tenant's rows from every other tenant; the tenant metadata (the demo flag, seeds, recipes,
digests) and the job queue in `demogen_admin` from every tenant; the schema from statements smuggled in through
user-supplied text (tenant names, name lists). **The adversary:** a signed-in user of one tenant, working through a
CRM application that may have bugs, such as a query that forgets `WHERE tenant_id = ...`. **Out of scope:**
anyone holding the schema owner's or a superuser's credentials, and a compromised application host.

### What the database enforces (PostgreSQL)

- **Row-level security on every tenant table and on `tenants`**, enabled and forced, with one policy
  `tenant_id = current_setting('app.tenant_id')::bigint` for USING and WITH CHECK. Reads, UPDATE and DELETE of
  another tenant's rows reach 0 rows, even with an explicit `WHERE tenant_id = <other>`; INSERT, upsert or UPDATE
  of a row into another tenant is refused.
- **No tenant id, no data:** with `app.tenant_id` unset, empty or malformed, a session sees no rows and changes
  none, and its errors name no tenant's data.
- **The tenant-facing role** (`demogen_tenant`, or `demogen db upgrade --tenant-role NAME`) holds SELECT, INSERT,
  UPDATE and DELETE on the tenant tables and SELECT on its own `tenants` row, and nothing else: no privilege at
  all on `demogen_admin`, no TRUNCATE or TRIGGER, and it owns nothing, so it cannot alter or drop a table,
  disable row security or change a policy. `SET row_security = off` makes its queries fail rather than bypass
  the policy. It can create no object: no CREATE on the schema or the database, and no temporary tables, views
  or functions (migration 0004 revokes TEMPORARY from PUBLIC; a temporary `contacts` would otherwise shadow the
  real one for the next tenant served by a pooled session). `pg_stats` shows it nothing of the tenant tables.
- **References cannot cross tenants:** every key leads with `tenant_id` and every foreign key includes it.
- **User text is data:** tenant names and name lists travel as bound parameters or inside COPY data, never
  spliced into SQL; the leakage suite stores SQL metacharacters and reads them back byte-identical.

SQLite has no roles and no row-level security: a SQLite file is a workspace for whoever generates into it
(tuning, exports, local demos). A CRM that serves the users of several tenants must run on PostgreSQL.

### What the calling application must do

1. **Connect as the tenant role** (or a LOGIN role that is a member of it), **never as the owner** or a
   superuser: superusers bypass row-level security, and the owner can switch it off and reads `demogen_admin`.
2. **Set `app.tenant_id` from its own authenticated session, never from user input** (no request parameter,
   header, cookie or form field): the database trusts whatever tenant id the session sets. Set it per
   transaction with a bound value, `SELECT set_config('app.tenant_id', $1, true)` (or `SET LOCAL`), at the start of
   every transaction; a session-level `SET` leaks into the next request served by that pooled connection, and
   Citus needs transaction-local settings.
3. **Never run SQL built from user input:** `app.tenant_id` is an ordinary setting that any session of the role
   may change, so whoever can run SQL as the tenant role can name another tenant. The refusals above (no DDL, no
   admin schema, no objects of its own) limit what an injection can do, not whose rows it reads. Bind
   parameters also keep values out of `pg_stat_activity`, where sessions of the same role see each other's query
   text.
4. **Keep `demogen_admin` out of tenant-facing code:** the demo flag is read only by admin tools, on their own
   connection.
5. **Give the tenant role time limits** (`ALTER ROLE demogen_tenant SET statement_timeout = ...`, likewise
   `lock_timeout` and `idle_in_transaction_session_timeout`): it holds UPDATE, so it can take `LOCK TABLE ... IN
   ACCESS EXCLUSIVE MODE` on a table all tenants share, which row-level security does not prevent.

### Mail that reaches nobody real

Generated people and companies are invented, but an invented address can exist: `michele.roberts@hartford.com`
is someone's mailbox. Company domains never carry the name of a well-known real domain (`real_domains.csv`:
free mail and the best-known firms of every market), under any ending: no `chase.ca` for chase.com. That keeps
the likeliest real mailboxes out, not every registered domain. A tenant whose CRM sends mail (sequences,
notifications, tests of a mail integration) sets `[tenant] route_email_to = "a domain you control"`: every
address then goes there, tagged with the company's domain (`rita.jones+fellingdistribution.com@mail.example.io`),
so no mail leaves the user's own domain.

### What the database does not hide

The names of tables and columns (the admin tables included) are visible in the system catalogs to every role;
their contents are not.

## Figures

{sections}
## Tests that did not pass

{not_passed}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--casebook", type=Path, help="write the pages from this casebook JSON instead of running")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder of the pages (default: docs/)")
    parser.add_argument("--head", action="store_true", help="run on a clean export of HEAD, not the working tree")
    args = parser.parse_args(argv)
    status = 0
    if args.casebook is None:
        with tempfile.TemporaryDirectory() as folder:
            casebook = Path(folder) / "casebook.json"
            status = run_suites(export_head(Path(folder)) if args.head else ROOT, casebook)
            if not casebook.exists():
                print("error: the test run wrote no casebook — see pytest's output above", file=sys.stderr)
                return status or 1
            book = json.loads(casebook.read_text(encoding="utf-8"))
        code = code_of(args.head)
    else:
        book = json.loads(args.casebook.read_text(encoding="utf-8"))
        code = f"not recorded (pages written from {args.casebook})"
    env = environment() | {"code": code}
    args.out.mkdir(parents=True, exist_ok=True)
    for name, page in (("RELIABILITY.md", reliability(book, env)), ("SECURITY.md", security(book, env))):
        (args.out / name).write_text(page, encoding="utf-8")
        print(f"wrote {args.out / name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
