"""The casebook: how many cases each reliability and security suite tried and passed, for the published reports.

`docs/RELIABILITY.md` and `docs/SECURITY.md` quote these counts, so they must be earned, not typed:

- A test calls `record(suite, what, tried=..., passed=..., checked=...)` for the cases it ran. Call it after the
  assertions, or record failures too (`passed < tried`); either way the counts are credited only if the test itself
  passes. A test that records and then fails (in setup, call or teardown), is skipped or is an expected failure
  keeps its `tried` but is credited `passed = 0`.
- This module is a pytest plugin (`pytest_plugins` in `tests/conftest.py`). With `DEMOGEN_CASEBOOK=<path>` set,
  the session writes every record as JSON there when it finishes (one process: no xdist).

`FULL` (`DEMOGEN_FULL=1`) selects the exhaustive variants: `pick(default, full)` for sizes and case lists,
`full_only` for whole tests. The default run stays a fast, meaningful subset.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

import pytest

SUITES = ("faults", "load", "bad input", "isolation", "leakage")
FULL = os.environ.get("DEMOGEN_FULL") == "1"
full_only = pytest.mark.skipif(not FULL, reason="exhaustive variant: set DEMOGEN_FULL=1 to run it")

T = TypeVar("T")


def pick(default: T, full: T) -> T:
    """`full` in the exhaustive run (`DEMOGEN_FULL=1`), else `default`."""
    return full if FULL else default


@dataclass
class Entry:
    suite: str
    what: str
    tried: int
    passed: int
    checked: str
    test: str | None


_lock = threading.Lock()
_entries: list[Entry] = []
_outcomes: dict[str, str] = {}
_reasons: dict[str, str] = {}
_running: list[str | None] = [None]
_started = dt.datetime.now(dt.UTC)


def record(suite: str, what: str, *, tried: int = 1, passed: int = 1, checked: str = "") -> None:
    """Count `tried` cases of `what` in `suite`, `passed` of them passed; `checked` says what a case asserts."""
    if suite not in SUITES:
        raise ValueError(f"suite {suite!r} is not one of {', '.join(SUITES)}")
    if not what.strip():
        raise ValueError("what must name the cases (for example 'SELECT on contacts')")
    if not 0 <= passed <= tried:
        raise ValueError(f"passed ({passed}) must lie between 0 and tried ({tried})")
    with _lock:
        _entries.append(Entry(suite, what, tried, passed, checked, _running[0]))


def outcome_of(test: str | None) -> str:
    return "passed" if test is None else _outcomes.get(test, "passed")


def credited() -> list[dict]:
    """Every record with the outcome of its test; `passed` is 0 unless that test passed."""
    with _lock:
        entries = list(_entries)
    out = []
    for entry in entries:
        outcome = outcome_of(entry.test)
        out.append({**asdict(entry), "passed": entry.passed if outcome == "passed" else 0, "outcome": outcome})
    return out


def pytest_runtest_logstart(nodeid: str, location) -> None:
    _running[0] = nodeid


def pytest_runtest_logfinish(nodeid: str, location) -> None:
    _running[0] = None


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed:
        _outcomes[report.nodeid] = "failed"
        crash = getattr(report.longrepr, "reprcrash", None)
        _reasons[report.nodeid] = crash.message if crash is not None else str(report.longrepr)
    elif report.skipped and _outcomes.get(report.nodeid) != "failed":
        xfailed = hasattr(report, "wasxfail")
        _outcomes[report.nodeid] = "xfailed" if xfailed else "skipped"
        skipped = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        _reasons[report.nodeid] = report.wasxfail if xfailed else str(skipped)


def not_passed() -> list[dict]:
    """Tests that failed, were skipped or failed as expected, with the first line of why (failures before any
    `record` call would otherwise go unseen in the counts)."""
    out = []
    for test, outcome in _outcomes.items():
        reason = (_reasons.get(test, "").strip().splitlines() or [""])[0][:300]
        out.append({"test": test, "outcome": outcome, "reason": reason})
    return out


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = os.environ.get("DEMOGEN_CASEBOOK")
    if not target:
        return
    tests = {
        "collected": session.testscollected,
        "failed": session.testsfailed,
        "outcomes": {kind: list(_outcomes.values()).count(kind) for kind in ("failed", "skipped", "xfailed")},
    }
    book = {
        "started": _started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "full": FULL,
        "exit_status": int(exitstatus),
        "tests": tests,
        "records": credited(),
        "not_passed": not_passed(),
    }
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(book, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)
