"""Blocks made by worker processes: the same blocks in the same order, hence the same bytes, as one process."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from demogen import dataset, parallel
from demogen.db import writer
from demogen.db.engine import database_works_here, make_engine
from demogen.db.readback import stored_digest
from demogen.export import digest_blocks, export_blocks


def leave_to_workers(monkeypatch, blocks) -> list[int]:
    """Share out even a three-block tenant; the calling process lets a worker claim the given blocks first (it waits
    for that before trying itself). Returns the blocks the calling process made."""
    monkeypatch.setattr(parallel, "BLOCKS_PER_WORKER", 1)
    made_here: list[int] = []
    real_block, real_claim = parallel.company_block, parallel._claim

    def recorded(plan, block):
        made_here.append(block)
        return real_block(plan, block)

    def after_the_workers(claims, block):
        deadline = time.monotonic() + 60
        while blocks(block) and not claims[block] and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_claim(claims, block)

    monkeypatch.setattr(parallel, "company_block", recorded)
    monkeypatch.setattr(parallel, "_claim", after_the_workers)
    return made_here


@pytest.fixture
def share_small_tenants(monkeypatch) -> list[int]:
    """The workers take every block but the first, which is always the caller's."""
    return leave_to_workers(monkeypatch, lambda block: block > 0)


def test_workers_yield_exactly_the_blocks_of_one_process(mixed_plan, share_small_tenants):
    assert mixed_plan.blocks >= 3
    alone = list(dataset.iter_blocks(mixed_plan))
    shared = list(parallel.iter_blocks(mixed_plan, 2))
    assert share_small_tenants == [0]  # the workers made the others
    assert [table for table, _ in shared] == [table for table, _ in alone]
    for (_, mine), (_, theirs) in zip(alone, shared, strict=True):
        assert list(mine) == list(theirs)
        for column, values in mine.items():
            assert values.dtype == theirs[column].dtype and np.array_equal(values, theirs[column]), column


def test_the_export_and_digest_do_not_depend_on_the_worker_count(mixed_plan, share_small_tenants, tmp_path):
    expected = digest_blocks(dataset.iter_blocks(mixed_plan))
    files = {}
    for workers in (1, 2, 3):
        assert digest_blocks(parallel.iter_csv(mixed_plan, workers)) == expected
        out = tmp_path / f"w{workers}"
        assert export_blocks(parallel.iter_csv(mixed_plan, workers), out) == expected
        files[workers] = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert files[1] == files[2] == files[3]
    triples = list(parallel.iter_formatted(mixed_plan, 2))
    assert digest_blocks((table, csv) for table, _, csv in triples) == expected
    assert digest_blocks((table, block) for table, block, _ in triples) == expected


def test_a_push_fed_by_workers_reads_back_to_the_digest(mixed_plan, share_small_tenants, database, monkeypatch):
    """On SQLite and PostgreSQL."""
    engine, _ = database
    writer.push(engine, mixed_plan, "Parallel Traders", batch_size=700, workers=2)
    assert stored_digest(engine, "Parallel Traders") == digest_blocks(dataset.iter_blocks(mixed_plan))


def test_at_most_a_few_blocks_per_worker_are_in_flight(mixed_plan, share_small_tenants, monkeypatch):
    submitted = []

    class CountingPool(parallel.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(args[1])  # (shape, block, names)
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(parallel, "IN_FLIGHT_PER_WORKER", 1)
    consumed = 0
    for table, _ in parallel.iter_blocks(mixed_plan, 3):
        if table == "companies":
            consumed += 1
            assert len(submitted) - consumed <= 2  # two workers, one block each, beyond the one being consumed
    assert consumed == mixed_plan.blocks
    assert sorted(submitted) == list(range(1, mixed_plan.blocks))  # block 0 is always the caller's


def test_stopping_early_stops_the_workers(mixed_plan, share_small_tenants):
    blocks = parallel.iter_csv(mixed_plan, 2)
    next(blocks)
    blocks.close()
    assert multiprocessing.active_children() == []


def _fail_in_workers(blocks):
    if parallel._plan is not None:  # set in worker processes only
        raise RuntimeError("a block failed")
    return blocks


def test_an_error_in_a_worker_reaches_the_consumer(mixed_plan, share_small_tenants):
    with pytest.raises(RuntimeError, match="a block failed"):
        list(parallel._produce(mixed_plan, 3, _fail_in_workers))
    assert multiprocessing.active_children() == []


def test_one_worker_or_a_small_tenant_starts_no_process(mixed_plan, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    expected = digest_blocks(dataset.iter_blocks(mixed_plan))
    assert digest_blocks(parallel.iter_csv(mixed_plan, 1)) == expected
    assert mixed_plan.blocks < 2 * parallel.BLOCKS_PER_WORKER  # too small to share with two workers
    assert digest_blocks(parallel.iter_csv(mixed_plan, 2)) == expected


@pytest.mark.parametrize(
    ("cores", "load", "expected", "beside_a_server"),
    [(2, 0.3, 2, 1), (2, 1.2, 1, 1), (2, 3.5, 1, 1), (4, 1.9, 3, 2), (32, 0.0, parallel.MAX_WORKERS, 8)],
)
def test_the_default_takes_the_free_cores_within_a_cap(monkeypatch, cores, load, expected, beside_a_server):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: set(range(cores)), raising=False)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (load, load, load))
    assert parallel.default_workers() == expected
    assert parallel.default_workers(reserved=1) == beside_a_server


@pytest.mark.parametrize(
    ("url", "here"),
    [
        ("postgresql://postgres@127.0.0.1:5432/test", True),
        ("postgresql://postgres@localhost/test", True),
        ("postgresql:///test", True),  # the socket
        ("postgresql://app@db.example.com/crm", False),
        ("sqlite:///tenant.db", True),  # SQLite works in the pushing thread
    ],
)
def test_a_push_to_a_database_working_on_this_machine_leaves_it_a_core(url, here):
    assert database_works_here(make_engine(url)) is here


def _slow_in_workers(blocks):
    if parallel._plan is not None:  # set in worker processes only
        time.sleep(2)
    return parallel._as_csv(blocks)


def test_the_caller_makes_later_blocks_while_a_worker_is_busy(mixed_plan, monkeypatch):
    made_here = leave_to_workers(monkeypatch, lambda block: block == 1)
    shared = list(parallel._produce(mixed_plan, 2, _slow_in_workers))
    assert made_here == [0, 2]  # block 2 was made while the worker slept over block 1
    assert digest_blocks(shared) == digest_blocks(dataset.iter_blocks(mixed_plan))


KILLED_CALLER = """
import os, sys, time
sys.path.insert(0, {tests!r})
from conftest import recipe_from
from demogen import parallel
from demogen.dataset import build_plan

def worker_pid(blocks):
    return [("pid", os.getpid())] if parallel._plan is not None else []

def after_the_workers(claims, block, claim=parallel._claim):
    while block and not claims[block]:
        time.sleep(0.01)
    return claim(claims, block)

if __name__ == "__main__":
    parallel.BLOCKS_PER_WORKER = 1
    parallel._claim = after_the_workers
    plan = build_plan(recipe_from({{"volume": {{"companies": 2500}}}}, seed=3))
    for table, pid in parallel._produce(plan, 2, worker_pid):
        print(pid, flush=True)
        time.sleep(600)  # killed here, with the worker alive
"""


def test_workers_end_when_the_caller_is_killed(tmp_path):
    script = tmp_path / "caller.py"
    script.write_text(KILLED_CALLER.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    caller = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(caller.stdout.readline())
    finally:
        caller.kill()
        caller.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"worker {worker} outlived its killed caller")
