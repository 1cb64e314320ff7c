"""Statistics, the results table and the machine description shared by every benchmark."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_FILE = Path(__file__).resolve().parent / "results.md"


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sample."""
    return float(statistics.median(values))


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (0 < fraction <= 1): a value that was really measured, never interpolated."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return float(ordered[rank - 1])


@dataclass(frozen=True)
class Row:
    """One line of the results table: GluteMap's figure, the same-run baseline and the target."""

    measure: str
    glutemap: float
    baseline: float | None
    unit: str
    target: str
    met: bool | None  # None: reported only, no target applies

    @property
    def ratio(self) -> float | None:
        """GluteMap's figure divided by the baseline's."""
        if self.baseline is None or self.baseline == 0:
            return None
        return self.glutemap / self.baseline


def _number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "x":
        return f"{value:.1f}x"
    return f"{value:.3g} {unit}".strip()


def cells(row: Row) -> tuple[str, str, str, str, str, str]:
    """The six printed cells of a row."""
    baseline = _number(row.baseline, row.unit) if row.baseline is not None else "—"
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "—"
    met = {True: "yes", False: "NO", None: "—"}[row.met]
    return row.measure, _number(row.glutemap, row.unit), baseline, ratio, row.target or "—", met


HEADER = ("measure", "GluteMap", "baseline", "ratio", "target", "met?")


def text_table(rows: Sequence[Row]) -> str:
    """A fixed-width table for the terminal."""
    lines = [HEADER, *(cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for number, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def markdown_table(rows: Sequence[Row]) -> str:
    """The same table in Markdown."""
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    out.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in cells(row)) + " |" for row in rows)
    return "\n".join(out)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git_commit() -> str:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=5, check=False
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = found.stdout.strip() or "unknown"
    return commit + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def machine_lines(chromium_version: str | None) -> list[str]:
    """Where and with what the figures were measured."""
    import yaml

    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    return [
        f"date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"commit: {_git_commit()}",
        f"machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {_cpu_model()}, {memory_mb / 1024:.1f} GB RAM",
        f"system: {platform.platform()}",
        f"python {platform.python_version()}, streamlit {_version('streamlit')}, pydantic {_version('pydantic')}, "
        f"PyYAML {_version('PyYAML')} (libyaml {'yes' if yaml.__with_libyaml__ else 'no'}), "
        f"playwright {_version('playwright')}, chromium {chromium_version or 'not used'}",
    ]


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call of `action` takes."""
    import time

    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def write_results(sections: Sequence[tuple[str, Sequence[Row], Sequence[str]]], machine: Sequence[str]) -> Path:
    """Save the latest results as Markdown (a generated file: `make bench` rewrites it)."""
    parts = [
        "# GluteMap benchmark results",
        "",
        "Generated by `make bench` (`python -m bench.run`); do not edit by hand. Every ratio is GluteMap's figure",
        "divided by a baseline measured in the same run (see bench/README.md for how each one is taken).",
        "",
        *(f"- {line}" for line in machine),
    ]
    for title, rows, notes in sections:
        parts += ["", f"## {title}", "", markdown_table(rows)]
        if notes:
            parts += ["", *(f"- {note}" for note in notes)]
    RESULTS_FILE.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return RESULTS_FILE


def say(message: str) -> None:
    """Progress on stderr, so stdout holds only the tables."""
    print(message, file=sys.stderr, flush=True)
