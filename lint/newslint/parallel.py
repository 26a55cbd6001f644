"""Running one function over many items in worker processes, results in the items' order.

Knows nothing about linting: the caller passes module-level functions (picklable by name), one that
sets a worker up once and one that handles an item. Results come back in input order whatever
order the workers finish in, so a run's output does not depend on the number of processes.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

# Items in flight per worker: enough to keep every worker busy while the head of the queue is
# slow, few enough that memory does not grow with the number of items.
IN_FLIGHT_PER_WORKER = 8


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def _start_worker(setup: Callable, setup_args: tuple) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent handles it, so a worker
    # ignores it rather than print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    setup(*setup_args)


def map_in_order(work: Callable, items: Iterable, jobs: int, setup: Callable, setup_args: tuple = ()) -> Iterator:
    """``work(item)`` for each item in ``jobs`` processes, each set up once by ``setup(*setup_args)``;
    yields the results in the items' order. Closing the iterator early, or an exception in the
    caller such as KeyboardInterrupt, ends the workers at once: a file still being linted is not
    waited for."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(setup, setup_args))
    pending: deque = deque()
    finished = False
    try:
        for item in items:
            pending.append(pool.submit(work, item))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if not finished:
            _end_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # before 3.14, only here
        process.terminate()
