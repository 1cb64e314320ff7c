"""Measure the matcher on a set of phrasings: condition top-1/top-3, red-flag recall, false alarms, latency.

A set is JSON Lines, one case a line: {"id", "text", "kind", "conditions": [...], "flags": [...]} with an
optional "allow_flags". `conditions` are the acceptable answers (a case passes top-3 when any of them is
among the first three); `flags` must all be raised; any other flag raised is a false alarm unless allowed.
Cases of kind "unrelated" expect nothing at all.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from glutemap.knowledge.models import KnowledgeBase
from glutemap.search.matcher import match

KINDS = frozenset({"condition", "flag", "negated", "relative", "trap", "calm", "unrelated"})


class CaseError(ValueError):
    """A line of an evaluation set that cannot be read, with its file and line number."""


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    kind: str
    conditions: tuple[str, ...]
    flags: tuple[str, ...]
    allow_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    case: Case
    conditions: tuple[str, ...]
    flags: tuple[str, ...]
    seconds: float


def _strings(value: object, name: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CaseError(f"{where}: '{name}' must be a list of ids")
    return tuple(value)


def read_cases(path: Path) -> list[Case]:
    """Every case of a JSON Lines file; `CaseError` names the file and line of the first bad one."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CaseError(f"{where}: not JSON ({error.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise CaseError(f"{where}: a case is an object with a 'text'")
        kind = data.get("kind", "condition")
        if kind not in KINDS:
            raise CaseError(f"{where}: unknown kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
        cases.append(
            Case(
                id=str(data.get("id", number)),
                text=data["text"],
                kind=kind,
                conditions=_strings(data.get("conditions", []), "conditions", where),
                flags=_strings(data.get("flags", []), "flags", where),
                allow_flags=_strings(data.get("allow_flags", []), "allow_flags", where),
            )
        )
    return cases


def unknown_ids(knowledge: KnowledgeBase, cases: Iterable[Case]) -> list[str]:
    """Condition and flag ids a set names that the knowledge does not have."""
    missing: set[str] = set()
    for case in cases:
        missing.update(f"condition {c}" for c in case.conditions if c not in knowledge.conditions)
        missing.update(f"flag {f}" for f in (*case.flags, *case.allow_flags) if f not in knowledge.red_flags)
    return sorted(missing)


def run_cases(knowledge: KnowledgeBase, cases: Sequence[Case]) -> list[Outcome]:
    """Match every case once, timing each."""
    match(knowledge, text="warm up")  # builds the index outside the timings
    outcomes = []
    for case in cases:
        started = time.perf_counter()
        result = match(knowledge, text=case.text[:2000])
        seconds = time.perf_counter() - started
        outcomes.append(
            Outcome(case, tuple(c.id for c in result.conditions), tuple(u.id for u in result.urgent), seconds)
        )
    return outcomes


@dataclass
class Report:
    cases: int = 0
    top1: tuple[int, int] = (0, 0)
    top3: tuple[int, int] = (0, 0)
    per_condition: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # top1, top3, cases
    recall: tuple[int, int] = (0, 0)
    per_flag: dict[str, tuple[int, int]] = field(default_factory=dict)  # caught, cases
    emergency_missed: list[str] = field(default_factory=list)
    false_alarms: tuple[int, int] = (0, 0)
    unrelated_empty: tuple[int, int] = (0, 0)
    latency_ms: tuple[float, float, float] = (0.0, 0.0, 0.0)  # p50, p95, max
    failures: list[str] = field(default_factory=list)

    @staticmethod
    def rate(pair: tuple[int, int]) -> float:
        """Share of passes, 1.0 for an empty set."""
        return pair[0] / pair[1] if pair[1] else 1.0


def evaluate(knowledge: KnowledgeBase, cases: Sequence[Case]) -> Report:
    """The figures for one set of cases against one knowledge base."""
    outcomes = run_cases(knowledge, cases)
    report = Report(cases=len(cases))
    top1 = top3 = with_conditions = caught = wanted = alarms = calm = empty = unrelated = 0
    for outcome in outcomes:
        case = outcome.case
        if case.conditions:
            with_conditions += 1
            first = outcome.conditions[:1]
            hit1 = bool(first) and first[0] in case.conditions
            hit3 = any(c in case.conditions for c in outcome.conditions[:3])
            top1 += hit1
            top3 += hit3
            key = case.conditions[0]
            a, b, n = report.per_condition.get(key, (0, 0, 0))
            report.per_condition[key] = (a + hit1, b + hit3, n + 1)
            if not hit3:
                report.failures.append(f"top-3 miss {case.id}: {case.text!r} -> {list(outcome.conditions[:3])}")
        for flag in case.flags:
            wanted += 1
            raised = flag in outcome.flags
            caught += raised
            got, n = report.per_flag.get(flag, (0, 0))
            report.per_flag[flag] = (got + raised, n + 1)
            if not raised:
                report.failures.append(f"missed flag {flag} {case.id}: {case.text!r} -> {list(outcome.flags)}")
                if knowledge.red_flags[flag].urgency == "emergency":
                    report.emergency_missed.append(f"{case.id} {flag}")
        if not case.flags:
            calm += 1
            extra = [flag for flag in outcome.flags if flag not in case.allow_flags]
            if extra:
                alarms += 1
                report.failures.append(f"false alarm {case.id}: {case.text!r} -> {extra}")
        if case.kind == "unrelated":
            unrelated += 1
            nothing = not outcome.conditions and not outcome.flags
            empty += nothing
            if not nothing:
                report.failures.append(f"unrelated not empty {case.id}: {case.text!r} -> {list(outcome.conditions[:3])}")
    report.top1, report.top3 = (top1, with_conditions), (top3, with_conditions)
    report.recall = (caught, wanted)
    report.false_alarms = (alarms, calm)
    report.unrelated_empty = (empty, unrelated)
    times = sorted(outcome.seconds * 1000 for outcome in outcomes) or [0.0]
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    report.latency_ms = (statistics.median(times), p95, times[-1])
    return report


def format_report(report: Report, verbose: bool = False) -> str:
    """The report as text: totals, then per condition and per flag, then (verbose) every failure."""

    def pct(pair: tuple[int, int]) -> str:
        return f"{100 * Report.rate(pair):.1f}% ({pair[0]}/{pair[1]})"

    lines = [
        f"cases: {report.cases}",
        f"condition top-1: {pct(report.top1)}",
        f"condition top-3: {pct(report.top3)}",
        f"red-flag recall: {pct(report.recall)}",
        f"emergency cases missed: {len(report.emergency_missed)}" + (
            f" ({', '.join(report.emergency_missed)})" if report.emergency_missed else ""),
        f"false alarms on text with no flag: {pct(report.false_alarms)}",
        f"unrelated text -> nothing: {pct(report.unrelated_empty)}",
        "latency per search: p50 {:.1f} ms, p95 {:.1f} ms, max {:.1f} ms".format(*report.latency_ms),
        "",
        "per condition (top-1, top-3, cases):",
    ]
    for condition, (one, three, count) in sorted(report.per_condition.items()):
        lines.append(f"  {condition:28} {one:3} {three:3} {count:3}")
    lines.append("per red flag (caught, cases):")
    for flag, (got, count) in sorted(report.per_flag.items()):
        lines.append(f"  {flag:28} {got:3} {count:3}")
    if verbose and report.failures:
        lines += ["", "failures:", *(f"  {failure}" for failure in report.failures)]
    return "\n".join(lines)
