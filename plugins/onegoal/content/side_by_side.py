"""Pure work over many independent inputs, shared out between processes, one per core.

Judging the markup of every page a library renders is work of this kind: each page on its
own, nothing written. On a system that cannot fork, or for a handful of inputs, the work
is done here, in turn.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

# Fewer inputs than this per process are done in turn: starting a process costs more.
LEAST_PER_PROCESS = 24
# Inputs go out in small parts, so that a few long ones side by side do not keep one process
# busy while the others wait.
CHUNKS_PER_PROCESS = 32

_work: Callable[[Any], Any] | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def mapped(work: Callable[[In], Out], inputs: Sequence[In], processes: int) -> list[Out]:
    """`work` done on each input, in order; in up to `processes` forked processes. The forked
    processes are given `work` as it is here (a fork copies it), so it may be any function,
    closures included; inputs and results travel between processes, so they are plain data."""
    processes = min(processes, len(inputs) // LEAST_PER_PROCESS)
    if processes < 2 or not can_fork():
        return [work(item) for item in inputs]
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                             initializer=_take, initargs=(work,)) as pool:
        return list(pool.map(_do, inputs, chunksize=max(1, len(inputs) // (processes * CHUNKS_PER_PROCESS))))


def _take(work: Callable[[Any], Any]) -> None:
    global _work
    _work = work


def _do(item: Any) -> Any:
    assert _work is not None, "a forked process does its work once it has it"
    return _work(item)
