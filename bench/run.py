"""Run every GluteMap benchmark, print the tables and save them to bench/results.md (`make bench`).

    python -m bench.run              # everything (about 5-10 minutes on two cores)
    python -m bench.run --quick      # one sample of each, to check the benchmark itself works
    python -m bench.run --no-browser # the in-process measures only
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from bench.browser_bench import browser_notes, browser_rows, run_browser_benchmarks
from bench.knowledge_bench import SCALES, knowledge_notes, knowledge_rows, run_knowledge_benchmarks, scale_rows
from bench.report import Row, machine_lines, say, text_table, write_results


def _load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; exit 0 even when a target is missed (the table says so), 1 if a benchmark broke."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one sample of each measure (a smoke run)")
    parser.add_argument("--no-browser", action="store_true", help="skip cold start, tap and memory")
    parser.add_argument("--no-save", action="store_true", help="do not rewrite bench/results.md")
    args = parser.parse_args(argv)

    started = time.monotonic()
    load_before = _load_average()
    sections: list[tuple[str, list[Row], list[str]]] = []
    chromium_version = None
    if not args.no_browser:
        say("Browser: cold start, tap-to-results and server memory, against the hello-world app ...")
        figures = run_browser_benchmarks(
            cold_starts=1 if args.quick else 5, taps=1 if args.quick else 10, memory_rounds=1 if args.quick else 3
        )
        chromium_version = figures.chromium_version
        sections.append(("In the browser (shipped knowledge)", browser_rows(figures), browser_notes(figures)))
    say("Knowledge: load, validation and search, then the same at " + " and ".join(f"{k}x" for k in SCALES) + " ...")
    results = run_knowledge_benchmarks(load_repeats=3 if args.quick else 20, search_rounds=1 if args.quick else 5)
    sections.append(("Knowledge and search (shipped knowledge)", knowledge_rows(results), knowledge_notes(results)))
    sections.append(("Scale: synthetic knowledge 10x and 100x larger", scale_rows(results), []))

    machine = [*machine_lines(chromium_version),
               f"load average (1/5/15 min) before: {load_before}, after: {_load_average()}",
               f"run time: {time.monotonic() - started:.0f} s" + (" (--quick: single samples)" if args.quick else "")]
    print()
    for line in machine:
        print(line)
    for title, rows, _notes in sections:
        print(f"\n{title}\n")
        print(text_table(rows))
    if not args.no_save:
        path = write_results(sections, machine)
        print(f"\nSaved {path.relative_to(path.parent.parent)}")
    missed = [row.measure for _title, rows, _notes in sections for row in rows if row.met is False]
    if missed:
        print("\nTargets missed: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
