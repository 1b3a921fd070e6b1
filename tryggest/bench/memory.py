"""The memory a build really takes: the sum over its process and every process below it, sampled.

``ru_maxrss`` gives one peak per process, and a forked worker's peak counts again the pages it still
shares with its parent; adding such peaks up counts shared memory twice and processes that never ran
at the same time together. Here each process counts its proportional set size (PSS: a page shared by
three processes counts a third in each), read from ``/proc`` several times a second, and the peak is
that of the sum at one moment. Linux only; elsewhere the sampler reports nothing.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PROC = Path("/proc")
INTERVAL = 0.1   # seconds; a file worker lives for hundreds of files, a language build for seconds


class TreeMemory:
    """Samples the summed PSS of this process and its descendants until ``stop``; use as a context."""

    def __init__(self, interval: float = INTERVAL) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self.peak_processes = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    @property
    def available(self) -> bool:
        return (PROC / str(os.getpid()) / "smaps_rollup").is_file()

    def __enter__(self) -> TreeMemory:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        pids = tree(os.getpid())
        total = sum(pss_kb(pid) for pid in pids) / 1024
        if total > self.peak_mb:
            self.peak_mb, self.peak_processes = total, len(pids)


def tree(root: int) -> list[int]:
    """``root`` and every live process below it."""
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting.extend(children(pid))
    return found


def children(pid: int) -> list[int]:
    pids: list[int] = []
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            pids += [int(child) for child in (task / "children").read_text().split()]
    except OSError:   # the process ended while we looked
        return []
    return pids


def pss_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
