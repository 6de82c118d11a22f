"""Company blocks generated in worker processes, handed back in the order and with the bytes of one process.

Blocks are independent by construction (each draws from streams keyed by its number), so where a block is made
cannot change it; this module only decides where, and yields the blocks in order: `iter_blocks(plan, workers)`
is exactly `dataset.iter_blocks(plan)`. Workers can also format each block's canonical CSV (`iter_csv`,
`iter_formatted`), which is as much work as generating it. Each worker receives the plan once; at most
`IN_FLIGHT_PER_WORKER` blocks per worker are queued, running or waiting to be consumed, so memory stays bounded by
a few blocks whatever the tenant's size. Workers are forked by a server that has imported the generator once
(spawned where there is no fork server), never forked from the calling process, whose threads (the app's, a
database driver's) a fork would copy mid-flight. Workers ignore Ctrl-C: the caller handles it and stops them.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from demogen.dataset import Plan, company_block, tenant_blocks
from demogen.export import csv_bytes
from demogen.tables import Block

MAX_WORKERS = 8
"""The default never asks for more processes than this, however many cores the machine has."""
IN_FLIGHT_PER_WORKER = 2
BLOCKS_PER_WORKER = 4
"""Fewer company blocks than this per worker are made in the calling process: starting a worker costs more."""

_plan: Plan | None = None
"""The plan of a worker process (set once by `_start_worker`)."""

Shape = Callable[[list[tuple[str, Block]]], list]


def default_workers() -> int:
    """The cores this process may use, capped at MAX_WORKERS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def warm_up(workers: int) -> None:
    """Start the fork server now (it imports the generator in the background), e.g. before building the plan."""
    context = _context()
    if workers > 1 and context.get_start_method() == "forkserver":
        from multiprocessing import forkserver  # noqa: PLC0415 - only where the start method exists

        forkserver.ensure_running()


def iter_blocks(plan: Plan, workers: int = 1) -> Iterator[tuple[str, Block]]:
    """Exactly what `dataset.iter_blocks(plan)` yields: (table, block) in foreign-key order."""
    return _produce(plan, workers, _as_blocks)


def iter_csv(plan: Plan, workers: int = 1) -> Iterator[tuple[str, bytes]]:
    """(table, canonical CSV lines of the block) in the same order, formatted where the block was made."""
    return _produce(plan, workers, _as_csv)


def iter_formatted(plan: Plan, workers: int = 1) -> Iterator[tuple[str, Block, bytes]]:
    """(table, block, its canonical CSV lines) in the same order: for sinks that need both (the database)."""
    return _produce(plan, workers, _as_formatted)


def _as_blocks(blocks: list[tuple[str, Block]]) -> list[tuple[str, Block]]:
    return blocks


def _as_csv(blocks: list[tuple[str, Block]]) -> list[tuple[str, bytes]]:
    return [(table, csv_bytes(table, block)) for table, block in blocks]


def _as_formatted(blocks: list[tuple[str, Block]]) -> list[tuple[str, Block, bytes]]:
    return [(table, block, csv_bytes(table, block)) for table, block in blocks]


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _start_worker(plan: Plan) -> None:
    global _plan  # noqa: PLW0603 - one plan per worker process, received once instead of with every block
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _plan = plan


def _worker_block(shape: Shape, block: int) -> list:
    return shape(company_block(_plan, block))


def _produce(plan: Plan, workers: int, shape: Shape) -> Iterator:
    """Users and stages, then every company block, each shaped; the company blocks made by up to `workers`."""
    workers = min(workers, plan.blocks // BLOCKS_PER_WORKER)
    if workers <= 1:
        yield from shape(tenant_blocks(plan))
        for block in range(plan.blocks):
            yield from shape(company_block(plan, block))
        return
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(plan,))
    try:
        upcoming = iter(range(plan.blocks))
        first = itertools.islice(upcoming, workers * IN_FLIGHT_PER_WORKER)
        pending: deque[Future] = deque(pool.submit(_worker_block, shape, block) for block in first)
        yield from shape(tenant_blocks(plan))
        while pending:
            made = pending.popleft().result()
            pending.extend(pool.submit(_worker_block, shape, block) for block in itertools.islice(upcoming, 1))
            yield from made
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
