"""The team's own phrasings (tests/eval/*.jsonl), written as patients write, hold the search's floors.

The sets were written without looking at the knowledge's vocabulary. `glutemap eval tests/eval/*.jsonl
--verbose` prints the same figures with every miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glutemap.knowledge.models import KnowledgeBase
from glutemap.search.evaluate import Case, Report, evaluate, read_cases, unknown_ids

EVAL_DIR = Path(__file__).parent / "eval"
SETS = sorted(EVAL_DIR.glob("*.jsonl"))

TOP3_FLOOR = 0.95
RECALL_FLOOR = 0.98
FALSE_ALARM_CEILING = 0.03
UNRELATED_FLOOR = 0.95


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [case for path in SETS for case in read_cases(path)]


@pytest.fixture(scope="module")
def report(shipped_knowledge: KnowledgeBase, cases: list[Case]) -> Report:
    return evaluate(shipped_knowledge, cases)


def test_the_sets_hold_at_least_four_hundred_phrasings(cases: list[Case]) -> None:
    """Enough phrasings to mean something, from more than one writer."""
    assert (len(SETS) >= 2, len(cases) >= 400) == (True, True)


def test_the_sets_name_only_known_ids(shipped_knowledge: KnowledgeBase, cases: list[Case]) -> None:
    """Every expected condition and flag exists in the shipped knowledge."""
    assert unknown_ids(shipped_knowledge, cases) == []


def test_condition_top_three_meets_its_floor(report: Report) -> None:
    """An acceptable condition is among the first three for at least 95% of condition phrasings."""
    assert Report.rate(report.top3) >= TOP3_FLOOR, [f for f in report.failures if f.startswith("top-3")]


def test_red_flag_recall_meets_its_floor(report: Report) -> None:
    """At least 98% of the red flags the phrasings establish are raised."""
    assert Report.rate(report.recall) >= RECALL_FLOOR, [f for f in report.failures if f.startswith("missed")]


def test_no_emergency_phrasing_is_missed(report: Report) -> None:
    """Every emergency-level phrasing raises its flag."""
    assert report.emergency_missed == []


def test_false_alarms_stay_under_their_ceiling(report: Report) -> None:
    """Text with no sign raises a flag in at most 3% of phrasings."""
    assert Report.rate(report.false_alarms) <= FALSE_ALARM_CEILING, [f for f in report.failures if f.startswith("false")]


def test_unrelated_text_finds_nothing(report: Report) -> None:
    """Text about something else gives no condition and no flag in at least 95% of phrasings."""
    assert Report.rate(report.unrelated_empty) >= UNRELATED_FLOOR, [f for f in report.failures if f.startswith("unrelated")]
