"""Work shared out over forked copies of this process, which inherit the build's context.

Sending a national portal's context to a worker means pickling tens of megabytes; a forked process
already has it. ``forked_map`` runs ``task(shared, part, parts)`` for every part, part 0 here and
the others in forked processes, and returns the results in part order. Where there is no fork
(not on Linux or macOS), everything runs here, one part after the other.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

S = TypeVar("S")
R = TypeVar("R")

# What the forked processes find in their copy of this module: set before they start, removed after.
_WAITING: dict[int, tuple[Callable[[Any, int, int], Any], Any]] = {}


def forked_map(task: Callable[[S, int, int], R], shared: S, parts: int) -> list[R]:
    if parts <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(shared, part, parts) for part in range(max(parts, 1))]
    token = id(shared)
    _WAITING[token] = (task, shared)
    try:
        # The pool forks its processes at the first submit, after ``shared`` is in place.
        with ProcessPoolExecutor(max_workers=parts - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_run, token, part, parts) for part in range(1, parts)]
            first = task(shared, 0, parts)
            return [first, *(future.result() for future in others)]
    finally:
        del _WAITING[token]


def _run(token: int, part: int, parts: int) -> Any:
    task, shared = _WAITING[token]
    return task(shared, part, parts)


def share(items: list[str], part: int, parts: int) -> frozenset[str]:
    """Every ``parts``-th item, from ``part`` on: parts of nearly equal size, the same on every run."""
    return frozenset(items[part::parts])
