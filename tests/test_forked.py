"""Work shared out over forked processes, and the memory the bench sums over a build's processes."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor

from tryggest.bench.memory import TreeMemory, tree
from tryggest.forked import forked_map, share
from tryggest.problems import InputError, Problem


def _where(shared: dict[str, list[int]], part: int, parts: int) -> tuple[int, int, list[int]]:
    # The forked processes read ``shared`` from their copy of this process: nothing was sent to them.
    return part, os.getpid(), shared["numbers"][part::parts]


def test_every_part_runs_once_and_the_results_come_in_part_order() -> None:
    results = forked_map(_where, {"numbers": list(range(10))}, 3)
    assert [part for part, _, _ in results] == [0, 1, 2]
    assert sorted(n for _, _, numbers in results for n in numbers) == list(range(10))
    assert results[0][1] == os.getpid(), "part 0 runs here"
    assert all(pid != os.getpid() for _, pid, _ in results[1:]), "the other parts run in forked processes"


def test_one_part_runs_here_without_a_process() -> None:
    assert forked_map(_where, {"numbers": [1, 2]}, 1) == [(0, os.getpid(), [1, 2])]


def test_parts_are_nearly_equal_and_cover_every_item_once() -> None:
    items = [f"m{i}" for i in range(11)]
    parts = [share(items, part, 3) for part in range(3)]
    assert sorted(len(p) for p in parts) == [3, 4, 4]
    assert set().union(*parts) == set(items) and sum(len(p) for p in parts) == len(items)


def _refuse(shared: str, part: int, parts: int) -> None:
    if part == 1:
        raise InputError([Problem(shared, 4, 1, "", "unknown placeholder: 'm.phonee'")])


def test_a_problem_in_a_forked_part_reaches_the_build_whole() -> None:
    try:
        forked_map(_refuse, "content/nb/pages/teamet.md", 2)
    except InputError as error:
        assert error.problems == [Problem("content/nb/pages/teamet.md", 4, 1, "", "unknown placeholder: 'm.phonee'")]
    else:
        raise AssertionError("the part's problem must stop the build")


def _hold(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])   # touch every page, so it is really in memory
    time.sleep(1.0)
    return len(block)


def test_the_sum_counts_memory_a_worker_holds() -> None:
    with TreeMemory(interval=0.05) as alone:
        time.sleep(0.3)
    with TreeMemory(interval=0.05) as with_worker, ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_hold, 200).result() == 200 * 1024 * 1024
    assert alone.available and with_worker.available
    # Processes an earlier test left running (a fork server) count in both.
    assert with_worker.peak_processes > alone.peak_processes >= 1
    assert with_worker.peak_mb > alone.peak_mb + 150, (alone.peak_mb, with_worker.peak_mb)
    assert tree(os.getpid())[0] == os.getpid()
