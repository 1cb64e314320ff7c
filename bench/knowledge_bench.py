"""In-process benchmarks: knowledge load and validation, search latency, the CLI, and the same at 10x and 100x.

Timings here are CPU time of the benchmark's own thread (`time.thread_time`), not wall-clock time: these are
single-threaded, CPU-bound calls, so on an idle machine the two agree, and on a shared one CPU time is not
inflated by other processes queueing for the cores. Wall-clock medians are kept alongside, in the notes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.report import Row, median, percentile, say
from bench.synthetic import file_size_limit_lifted, write_synthetic_knowledge
from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.search.matcher import match
from glutemap.search.text import normalise

_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Everyday phrasings, as a visitor or a clinician's note might put them: some match one condition, some
# several, some red flags, some nothing, some with typos.
PHRASINGS: tuple[str, ...] = (
    "pain on the outside of my hip when I lie on it at night",
    "it hurts on the side of my hip when I climb stairs",
    "outer knee pain when running downhill",
    "sharp pain outside my knee after 5 km",
    "my IT band is tight and sore",
    "heel pain first thing in the morning",
    "the bottom of my heel hurts when I get out of bed",
    "plantar fascitis",
    "pain at the back of my ankle above the heel",
    "my achilles is stiff and sore in the mornings",
    "shin pain when I run on hard roads",
    "shin splints",
    "pain behind my kneecap when going down stairs",
    "knee cap hurts after sitting for a long time",
    "lower back pain after lifting a heavy box",
    "my lower back aches at the end of the day",
    "sciatica down my left leg",
    "pain shooting down my leg into my foot",
    "pins and needles in my foot",
    "slipped disk in my lower back",
    "worn discs in my lower back",
    "stiff back in the mornings that eases when I move",
    "buttock pain when sitting",
    "deep ache in my bum that goes down the back of my thigh",
    "pain in the dimple at the back of my pelvis",
    "my hip feels weak and I limp when I walk",
    "it hurts to cross my legs",
    "pain on the outside of my thigh",
    "groin pain when I walk",
    "numbness around my bottom and I cannot pee",
    "I lost control of my bowels",
    "fever and back pain",
    "I have lost weight without trying and my back hurts at night",
    "I fell over and cannot put weight on my leg",
    "my foot slaps the ground when I walk",
    "weakness in both legs",
    "history of cancer and new back pain",
    "my hip is hot and swollen",
    "ache",
    "my elbow hurts when I play tennis",
)
CLI_PHRASING = PHRASINGS[0]
SCALES = (10, 100)


def cpu_ms(action: Callable[[], object]) -> tuple[float, float]:
    """(thread CPU ms, wall ms) of one call of `action`."""
    cpu, wall = time.thread_time(), time.perf_counter()
    action()
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def knowledge_files(root: Path) -> list[Path]:
    """Every YAML file the loader reads in `root`."""
    return sorted(path for path in root.rglob("*.y*ml") if not path.name.startswith("."))


def parse_yaml_only(files: Sequence[Path]) -> None:
    """The baseline: read and parse the same files with the C loader, and nothing else."""
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)


def _load_checked(root: Path) -> KnowledgeBase:
    knowledge, errors = check_knowledge(root)
    if knowledge is None:
        raise SystemExit(f"{root} does not validate:\n" + "\n".join(map(str, errors[:10])))
    return knowledge


def naive_phrases(knowledge: KnowledgeBase) -> tuple[str, ...]:
    """Every phrase the matcher indexes, normalised once (as the matcher's own index is built once)."""
    phrases: list[str] = []
    for condition in knowledge.conditions.values():
        phrases += [condition.name, *condition.also_called, *condition.words]
        phrases += [word for symptom in condition.symptoms for word in symptom.words]
    for region in knowledge.regions.values():
        phrases += [region.label, *region.words]
    for flag in knowledge.red_flags.values():
        phrases += [*flag.words, flag.everyday]
    return tuple(normalise(phrase) for phrase in phrases)


def naive_scan(phrases: Sequence[str], text: str) -> int:
    """The search baseline: how many indexed phrases are plain substrings of the text (no tokens, order or typos)."""
    lowered = normalise(text)
    return sum(phrase in lowered for phrase in phrases)


@dataclass
class LoadFigures:
    load_cpu: list[float]
    load_wall: list[float]
    yaml_cpu: list[float]
    yaml_wall: list[float]


@dataclass
class SearchFigures:
    first_cpu: float  # the first search on a knowledge base also builds its phrase index
    match_cpu: list[float]
    match_wall: list[float]
    naive_cpu: list[float]


def measure_load(root: Path, repeats: int) -> LoadFigures:
    """Load+validate and YAML-only parse of `root`, interleaved, after an untimed warm-up parse (the caller has
    already loaded `root` once, which warms the loader and the file cache)."""
    files = knowledge_files(root)
    parse_yaml_only(files)
    figures = LoadFigures([], [], [], [])
    for _ in range(repeats):
        cpu, wall = cpu_ms(lambda: _load_checked(root))
        figures.load_cpu.append(cpu)
        figures.load_wall.append(wall)
        cpu, wall = cpu_ms(lambda: parse_yaml_only(files))
        figures.yaml_cpu.append(cpu)
        figures.yaml_wall.append(wall)
    return figures


def measure_search(knowledge: KnowledgeBase, rounds: int) -> SearchFigures:
    """`match()` over every phrasing, `rounds` times (after the first, index-building call)."""
    first, _ = cpu_ms(lambda: match(knowledge, text=PHRASINGS[0]))
    phrases = naive_phrases(knowledge)
    figures = SearchFigures(first, [], [], [])
    for _ in range(rounds):
        for phrasing in PHRASINGS:
            cpu, wall = cpu_ms(lambda phrasing=phrasing: match(knowledge, text=phrasing))  # type: ignore[misc]
            figures.match_cpu.append(cpu)
            figures.match_wall.append(wall)
            cpu, _ = cpu_ms(lambda phrasing=phrasing: naive_scan(phrases, phrasing))  # type: ignore[misc]
            figures.naive_cpu.append(cpu)
    return figures


def measure_cli(runs: int) -> tuple[list[float], list[float]]:
    """Wall ms of `glutemap search` end to end (a fresh process each time) and of a bare Python start."""
    command = [sys.executable, "-m", "glutemap", "search", CLI_PHRASING]
    bare = [sys.executable, "-c", "pass"]
    cli: list[float] = []
    python: list[float] = []
    for _ in range(runs):
        for target, samples in ((command, cli), (bare, python)):
            start = time.perf_counter()
            subprocess.run(target, check=True, capture_output=True, timeout=60)
            samples.append((time.perf_counter() - start) * 1000)
    return cli, python


@dataclass
class ScaleFigures:
    factor: int
    files: int
    records: int
    load: LoadFigures
    search: SearchFigures


def _records(knowledge: KnowledgeBase) -> int:
    return sum(len(getattr(knowledge, kind)) for kind in ("muscles", "conditions", "exercises", "regions", "red_flags",
                                                          "sources", "emg", "phases")) + len(knowledge.glossary)


@dataclass
class KnowledgeResults:
    shipped: ScaleFigures
    scaled: list[ScaleFigures]
    cli_ms: list[float]
    python_ms: list[float]


def run_knowledge_benchmarks(load_repeats: int, search_rounds: int, scales: Sequence[int] = SCALES) -> KnowledgeResults:
    """Every in-process measure on the shipped knowledge, then on synthetic folders `scales` times larger."""
    root = DEFAULT_KNOWLEDGE_DIR
    shipped_knowledge = _load_checked(root)
    shipped = ScaleFigures(
        1, len(knowledge_files(root)), _records(shipped_knowledge), measure_load(root, load_repeats),
        measure_search(shipped_knowledge, search_rounds),
    )
    say(f"  shipped: load {median(shipped.load.load_cpu):.0f} ms, p95 search {percentile(shipped.search.match_cpu, 0.95):.2f} ms")
    cli, python = measure_cli(runs=3)
    scaled = []
    with tempfile.TemporaryDirectory(prefix="glutemap-bench-") as temporary, file_size_limit_lifted():
        for factor in scales:
            folder = Path(temporary) / f"knowledge_x{factor}"
            files = write_synthetic_knowledge(root, folder, factor)
            knowledge = _load_checked(folder)
            # Fewer repeats as the folder grows, so the whole run stays within minutes on two cores.
            repeats = max(3, load_repeats // factor * 2) if factor > 1 else load_repeats
            rounds = max(1, search_rounds // factor * 4)
            figures = ScaleFigures(factor, files, _records(knowledge), measure_load(folder, repeats),
                                   measure_search(knowledge, rounds))
            scaled.append(figures)
            del knowledge
            say(f"  {factor}x: load {median(figures.load.load_cpu):.0f} ms, "
                f"p95 search {percentile(figures.search.match_cpu, 0.95):.1f} ms")
    return KnowledgeResults(shipped, scaled, cli, python)


def knowledge_rows(results: KnowledgeResults) -> list[Row]:
    """The knowledge and search part of the results table (shipped knowledge)."""
    load, search = results.shipped.load, results.shipped.search
    load_ms = median(load.load_cpu)
    p50, p95 = percentile(search.match_cpu, 0.50), percentile(search.match_cpu, 0.95)
    return [
        Row("Knowledge load + validation (median)", load_ms, median(load.yaml_cpu), "ms", "< 100 ms", load_ms < 100),
        Row("Search, match() p50", p50, percentile(search.naive_cpu, 0.50), "ms", "—", None),
        Row("Search, match() p95", p95, percentile(search.naive_cpu, 0.95), "ms", "< 20 ms", p95 < 20),
        Row("Search, first call (builds the phrase index)", search.first_cpu, None, "ms", "—", None),
        Row("`glutemap search` end to end (median of 3)", median(results.cli_ms), median(results.python_ms), "ms", "—", None),
    ]


def scale_rows(results: KnowledgeResults) -> list[Row]:
    """Load and search on the synthetic folders, each against its own baseline, plus growth against 1x."""
    rows = []
    base = results.shipped
    for scaled in results.scaled:
        k = scaled.factor
        load_ms = median(scaled.load.load_cpu)
        p95 = percentile(scaled.search.match_cpu, 0.95)
        load_growth = load_ms / median(base.load.load_cpu)
        p95_growth = p95 / percentile(base.search.match_cpu, 0.95)
        linear = f"≤ {1.25 * k:g}x (linear +25%)"
        rows += [
            Row(f"{k}x: load + validation (median)", load_ms, median(scaled.load.yaml_cpu), "ms", "—", None),
            Row(f"{k}x: load growth vs 1x", load_growth, None, "x", linear, load_growth <= 1.25 * k),
            Row(f"{k}x: search p50", percentile(scaled.search.match_cpu, 0.50),
                percentile(scaled.search.naive_cpu, 0.50), "ms", "—", None),
            Row(f"{k}x: search p95", p95, percentile(scaled.search.naive_cpu, 0.95), "ms",
                "< 200 ms" if k == 100 else "—", p95 < 200 if k == 100 else None),
            Row(f"{k}x: search p95 growth vs 1x", p95_growth, None, "x", linear, p95_growth <= 1.25 * k),
            Row(f"{k}x: first search (builds the index)", scaled.search.first_cpu, None, "ms", "—", None),
        ]
    return rows


def knowledge_notes(results: KnowledgeResults) -> list[str]:
    """Sizes, sample counts and wall-clock medians, for the results file."""
    notes = [
        "in-process figures are CPU time of the benchmark thread (see bench/knowledge_bench.py); wall-clock medians: "
        + "; ".join(
            f"{s.factor}x load {median(s.load.load_wall):.0f} ms, YAML {median(s.load.yaml_wall):.0f} ms, "
            f"search p95 {percentile(s.search.match_wall, 0.95):.1f} ms"
            for s in (results.shipped, *results.scaled)
        ),
        "load baseline = reading and parsing the same files with yaml.CSafeLoader only, with the garbage collector on "
        "as in any script (the loader pauses it: glutemap/knowledge/collector.py); search baseline = checking "
        "every indexed phrase as a plain substring of the text (no tokens, word order or typos)",
        f"search = {len(PHRASINGS)} everyday phrasings (bench/knowledge_bench.py), "
        f"{len(results.shipped.search.match_cpu)} timed calls on the shipped knowledge",
        "`glutemap search` baseline = starting a bare Python (`python -c pass`)",
    ]
    for s in (results.shipped, *results.scaled):
        notes.append(f"{s.factor}x knowledge: {s.files} files, {s.records} records; {len(s.load.load_cpu)} loads, "
                     f"{len(s.search.match_cpu)} timed searches")
    notes.append("synthetic folders: copies of the shipped records with renamed ids and references (bench/synthetic.py);"
                 " at 10x and 100x sources.yaml and regions.yaml exceed the loader's 512 KB per-file guard, which the"
                 " benchmark lifts in its own process only")
    return notes
