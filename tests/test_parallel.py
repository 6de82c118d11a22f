"""Blocks made by worker processes: the same blocks in the same order, hence the same bytes, as one process."""

from __future__ import annotations

import multiprocessing

import numpy as np
import pytest

from demogen import dataset, parallel
from demogen.db import writer
from demogen.db.readback import stored_digest
from demogen.db.session import open_database
from demogen.export import digest_blocks, export_blocks


@pytest.fixture
def share_small_tenants(monkeypatch):
    """Hand out even a three-block tenant, so that the tests exercise the worker processes."""
    monkeypatch.setattr(parallel, "BLOCKS_PER_WORKER", 1)


def test_workers_yield_exactly_the_blocks_of_one_process(mixed_plan, share_small_tenants):
    assert mixed_plan.blocks >= 3
    alone = list(dataset.iter_blocks(mixed_plan))
    shared = list(parallel.iter_blocks(mixed_plan, 2))
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


def test_a_sqlite_push_fed_by_workers_reads_back_to_the_recipe_s_digest(
    mixed_plan, share_small_tenants, tmp_path, monkeypatch
):
    monkeypatch.setattr(writer, "iter_blocks", lambda plan: parallel.iter_blocks(plan, 2))
    engine = open_database(f"sqlite:///{tmp_path / 'crm.db'}", create=True)
    try:
        writer.push(engine, mixed_plan, "Parallel Traders", batch_size=700)
        assert stored_digest(engine, "Parallel Traders") == digest_blocks(dataset.iter_blocks(mixed_plan))
    finally:
        engine.dispose()


def test_at_most_a_few_blocks_per_worker_are_in_flight(mixed_plan, share_small_tenants, monkeypatch):
    submitted = []

    class CountingPool(parallel.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(args[-1])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(parallel, "IN_FLIGHT_PER_WORKER", 1)
    consumed = 0
    for table, _ in parallel.iter_blocks(mixed_plan, 2):
        if table == "companies":
            consumed += 1
            assert len(submitted) - consumed <= 2  # two workers, one block each, besides the one being consumed
    assert consumed == mixed_plan.blocks == len(submitted)


def test_stopping_early_stops_the_workers(mixed_plan, share_small_tenants):
    blocks = parallel.iter_csv(mixed_plan, 2)
    next(blocks)
    blocks.close()
    assert multiprocessing.active_children() == []


def _fail_in_workers(blocks):
    if blocks[0][0] == "companies":
        raise RuntimeError("a block failed")
    return blocks


def test_an_error_in_a_worker_reaches_the_consumer(mixed_plan, share_small_tenants):
    with pytest.raises(RuntimeError, match="a block failed"):
        list(parallel._produce(mixed_plan, 2, _fail_in_workers))
    assert multiprocessing.active_children() == []


def test_one_worker_or_a_small_tenant_starts_no_process(mixed_plan, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    expected = digest_blocks(dataset.iter_blocks(mixed_plan))
    assert digest_blocks(parallel.iter_csv(mixed_plan, 1)) == expected
    assert mixed_plan.blocks < 2 * parallel.BLOCKS_PER_WORKER  # too small to share with two workers
    assert digest_blocks(parallel.iter_csv(mixed_plan, 2)) == expected


def test_the_default_uses_the_cores_within_a_cap():
    assert 1 <= parallel.default_workers() <= parallel.MAX_WORKERS
