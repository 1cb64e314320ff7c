"""Resource use of a server's process tree read from /proc (Linux): resident memory, threads and open files.

psutil is not a dependency of the project, and /proc gives the three figures directly: `VmRSS` and `Threads`
from /proc/<pid>/status, and the entries of /proc/<pid>/fd.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
SECONDS_PER_HOUR = 3600.0


@dataclass(frozen=True)
class Sample:
    """One reading of a process tree, `seconds` after sampling started."""

    seconds: float
    rss_mb: float
    threads: int
    open_files: int


def _parent_of(pid: int) -> int | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses; the fields after its last ")" are plain.
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[1])


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it that is alive right now."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            parent = _parent_of(int(entry.name))
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, []))
    return tree


def _status_fields(pid: int) -> dict[str, str]:
    fields = {}
    for line in (PROC / str(pid) / "status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return fields


def read_sample(root: int, seconds: float) -> Sample:
    """Resident memory (MB), threads and open file descriptors summed over `root`'s process tree."""
    rss_kb = threads = open_files = 0
    for pid in process_tree(root):
        try:
            status = _status_fields(pid)
            descriptors = len(os.listdir(PROC / str(pid) / "fd"))
        except OSError:
            if pid == root:
                raise
            continue  # a child ended between listing and reading it
        rss_kb += int(status.get("VmRSS", "0 kB").split()[0])
        threads += int(status.get("Threads", "0"))
        open_files += descriptors
    return Sample(seconds, rss_kb / 1024, threads, open_files)


def slope_per_hour(times_seconds: Sequence[float], values: Sequence[float]) -> float:
    """The least-squares slope of `values` over time, in units per hour."""
    if len(times_seconds) != len(values) or len(values) < 2:
        raise ValueError("a slope needs at least two (time, value) pairs of equal count")
    mean_t = sum(times_seconds) / len(times_seconds)
    mean_v = sum(values) / len(values)
    spread = sum((t - mean_t) ** 2 for t in times_seconds)
    if spread == 0:
        raise ValueError("a slope needs samples taken at different times")
    covariance = sum((t - mean_t) * (v - mean_v) for t, v in zip(times_seconds, values, strict=True))
    return covariance / spread * SECONDS_PER_HOUR


class ResourceSampler:
    """Reads a process tree every `interval` seconds on a background thread until stopped."""

    def __init__(self, root: int, interval: float) -> None:
        self.root = root
        self.interval = interval
        self.samples: list[Sample] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="resource-sampler", daemon=True)
        self._started = 0.0

    def _run(self) -> None:
        while True:
            try:
                self.samples.append(read_sample(self.root, time.monotonic() - self._started))
            except OSError:
                return  # the server is gone; the test notices that on its own
            if self._stop.wait(self.interval):
                return

    def start(self) -> ResourceSampler:
        """Take the first sample now and keep sampling in the background."""
        self._started = time.monotonic()
        self._thread.start()
        return self

    def stop(self) -> list[Sample]:
        """Stop sampling, take one last sample and return every sample taken."""
        self._stop.set()
        self._thread.join()
        self.samples.append(read_sample(self.root, time.monotonic() - self._started))
        return self.samples
