"""How hard the knowledge is to read: every patient-facing passage with its Flesch-Kincaid grade.

Why: people who open GluteMap are often in pain and may read English as a second language. Health
information is advised to read at about school grade 6, so each passage the app shows a visitor is
graded, and a consistency test keeps the median at grade 6 or lower and every passage at grade 10 or lower.

Every passage is graded the same way, one passage at a time, with textstat's Flesch-Kincaid grade: a
bullet, a step or a gloss is one passage, and a record's summary is one passage.

What counts as a passage (prose a visitor reads):
- conditions: summary, each symptom, each muscle link's `how`, self-care, see-a-clinician and
  questions-to-ask bullets, and `return_to_activity`;
- muscles: summary, origin, insertion, blood supply, each action, each note (except clinician notes,
  below), each referral pattern's note, the referral caveat and each aggravator;
- exercises: summary, steps, the dosage line, easier and harder versions, stop-if cautions, common
  mistakes, notes (not clinician notes, below) and the two picture descriptions (read aloud by screen readers);
- red flags: the everyday description and the advice;
- decision-aid options and their notes per condition; trial outcomes (question, population, what
  "improved" means, each group, harms, what the trial does not tell);
- glossary glosses; each body region's `where` and, for areas linked to no condition, what usually causes
  pain there and whom to see; the rehabilitation phases (`when` and `what`); the disclaimer; the EMG caveats.

Left out on purpose:
- clinician sections, shown only behind "For clinicians": a condition's `evidence_detail` (study designs
  and numbers), `clinician_notes` and ICD-10-CM codes, an exercise's `clinician_notes` (muscle-activity
  numbers, study sizes, authors and journals, how a dose was derived), and muscle notes that start
  "For clinicians";
- source records (titles and notes are citations and reading notes, not advice);
- names and labels (condition, muscle, region, exercise, referral-pattern and nerve names, Latin names,
  red-flag and option titles, phase titles, EMG task names): a name is not a sentence, and its grade says
  nothing about how plain the writing is — the glossary explains the hard ones instead;
- search vocabulary (`words`, `also_called`, concepts, language cues), which is matched, not read.
"""

from __future__ import annotations

import statistics
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from glutemap.knowledge.models import KnowledgeBase

# The limits the consistency test holds the knowledge to.
TARGET_MEDIAN_GRADE = 6.0
MAX_GRADE = 10.0

# Muscle notes with this prefix go behind "For clinicians" (glutemap.screens.anatomy does the same split).
CLINICIAN_NOTE_PREFIX = "for clinicians"

# Record kinds in the order the report lists them.
KINDS = (
    "condition",
    "muscle",
    "exercise",
    "red_flag",
    "option",
    "outcome",
    "glossary",
    "region",
    "phase",
    "disclaimer",
    "emg",
)


@dataclass(frozen=True)
class Passage:
    """One patient-facing passage: where it lives (kind, record, field) and its text."""

    kind: str
    record: str
    field: str
    text: str

    @property
    def where(self) -> str:
        """The passage's address, e.g. "condition low_back_pain self_care[2]"."""
        return f"{self.kind} {self.record} {self.field}"


@dataclass(frozen=True)
class GradedPassage:
    """A passage with its Flesch-Kincaid grade."""

    passage: Passage
    grade: float


@dataclass(frozen=True)
class ReadabilitySummary:
    """The grades of every passage, overall and per record kind."""

    count: int
    median: float
    max: float
    kind_medians: dict[str, float]
    kind_counts: dict[str, int]
    above: tuple[GradedPassage, ...]


class _Grader(Protocol):
    def flesch_kincaid_grade(self, text: str) -> float: ...


class _CmuWithFallback(dict[str, Any]):
    """The CMU pronouncing dictionary that answers an unknown word with no pronunciation.

    textstat 0.7.5 only catches IndexError and TypeError around its dictionary look-up, so a word the
    dictionary lacks ("iliotibial") would raise KeyError; an empty pronunciation makes it fall back to
    counting syllables by hyphenation, as later textstat releases do.
    """

    def __missing__(self, word: str) -> list[list[str]]:
        return []


@cache
def _grader() -> _Grader:
    """One textstat instance of our own (the module-level one is shared with anyone else who imports it)."""
    with warnings.catch_warnings():
        # textstat 0.7.5 imports setuptools' deprecated pkg_resources; nothing to act on here.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        from textstat.textstat import textstatistics

    grader = textstatistics()
    grader.cmu_dict = _CmuWithFallback(grader.cmu_dict)
    return grader  # type: ignore[no-any-return]


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of one passage (textstat, rounded to one decimal)."""
    return float(_grader().flesch_kincaid_grade(text))


def _many(kind: str, record: str, field: str, texts: Iterable[str]) -> Iterator[Passage]:
    for index, text in enumerate(texts):
        yield Passage(kind, record, f"{field}[{index}]", text)


def patient_passages(knowledge: KnowledgeBase) -> Iterator[Passage]:
    """Every patient-facing passage in the knowledge, by record kind and field (see the module docstring)."""
    for condition in knowledge.conditions.values():
        c = condition.id
        yield Passage("condition", c, "summary", condition.summary)
        yield from _many("condition", c, "symptoms", (symptom.text for symptom in condition.symptoms))
        for link in condition.muscle_links:
            yield Passage("condition", c, f"muscle_links[{link.muscle}].how", link.how)
        yield from _many("condition", c, "self_care", condition.self_care)
        yield from _many("condition", c, "see_clinician", condition.see_clinician)
        yield from _many("condition", c, "questions_to_ask", condition.questions_to_ask)
        if condition.return_to_activity is not None:
            yield Passage("condition", c, "return_to_activity", condition.return_to_activity)
    for muscle in knowledge.muscles.values():
        m = muscle.id
        for name in ("summary", "origin", "insertion", "blood_supply"):
            yield Passage("muscle", m, name, getattr(muscle, name))
        for group in muscle.actions:
            yield from _many("muscle", m, f"actions[{group.fibres}]", group.actions)
        for index, note in enumerate(muscle.notes):
            if not note.casefold().startswith(CLINICIAN_NOTE_PREFIX):
                yield Passage("muscle", m, f"notes[{index}]", note)
        for pattern in muscle.referral_patterns:
            if pattern.note is not None:
                yield Passage("muscle", m, f"referral_patterns[{pattern.id}].note", pattern.note)
        if muscle.referral_caveat is not None:
            yield Passage("muscle", m, "referral_caveat", muscle.referral_caveat)
        yield from _many("muscle", m, "aggravators", muscle.aggravators)
    for exercise in knowledge.exercises.values():
        e = exercise.id
        yield Passage("exercise", e, "summary", exercise.summary)
        yield from _many("exercise", e, "steps", exercise.steps)
        yield Passage("exercise", e, "dosage.text", exercise.dosage.text)
        for name in ("easier", "harder", "stop_if", "common_mistakes", "notes"):
            yield from _many("exercise", e, name, getattr(exercise, name))
        if exercise.pictures is not None:
            yield Passage("exercise", e, "pictures.alt_start", exercise.pictures.alt_start)
            yield Passage("exercise", e, "pictures.alt_end", exercise.pictures.alt_end)
    for flag in knowledge.red_flags.values():
        yield Passage("red_flag", flag.id, "everyday", flag.everyday)
        yield Passage("red_flag", flag.id, "advice", flag.advice)
    for option in knowledge.options.values():
        o = option.id
        yield Passage("option", o, "summary", option.summary)
        for name in ("when_it_fits", "what_it_involves", "what_is_known", "what_is_not_known"):
            yield from _many("option", o, name, getattr(option, name))
        for condition_note in option.for_conditions:
            at = f"for_conditions[{condition_note.condition}]"
            yield from _many("option", o, f"{at}.when_it_fits", condition_note.when_it_fits)
            yield from _many("option", o, f"{at}.what_is_known", condition_note.what_is_known)
    for outcome in knowledge.outcomes.values():
        t = outcome.id
        for name in ("question", "population", "improved_means", "harms"):
            yield Passage("outcome", t, name, getattr(outcome, name))
        for arm in outcome.arms:
            yield Passage("outcome", t, f"arms[{arm.label}].involves", arm.involves)
        yield from _many("outcome", t, "does_not_tell", outcome.does_not_tell)
    for term in knowledge.glossary:
        yield Passage("glossary", term.term, "gloss", term.gloss)
    for region in knowledge.regions.values():
        yield Passage("region", region.id, "where", region.where)
        if region.not_linked is not None:
            yield Passage("region", region.id, "not_linked.causes", region.not_linked.causes)
            yield Passage("region", region.id, "not_linked.who_to_see", region.not_linked.who_to_see)
    for phase in knowledge.phases.values():
        yield Passage("phase", phase.id, "when", phase.when)
        yield Passage("phase", phase.id, "what", phase.what)
    disclaimer = knowledge.disclaimer
    for name in ("short", "emergency", "privacy", "not_a_diagnosis"):
        yield Passage("disclaimer", "disclaimer", name, getattr(disclaimer, name))
    yield from _many("disclaimer", "disclaimer", "full", disclaimer.full)
    yield from _many("disclaimer", "disclaimer", "before_exercise", disclaimer.before_exercise)
    for study in knowledge.emg.values():
        yield Passage("emg", study.id, "caveat", study.caveat)


def graded_passages(knowledge: KnowledgeBase) -> tuple[GradedPassage, ...]:
    """Every patient-facing passage with its grade, in knowledge order."""
    return tuple(GradedPassage(passage, grade(passage.text)) for passage in patient_passages(knowledge))


def summarise(graded: Iterable[GradedPassage], limit: float = MAX_GRADE) -> ReadabilitySummary:
    """Median and highest grade overall, the median per kind, and the passages above `limit` (hardest first)."""
    graded = tuple(graded)
    grades = [item.grade for item in graded]
    by_kind: dict[str, list[float]] = {}
    for item in graded:
        by_kind.setdefault(item.passage.kind, []).append(item.grade)
    ordered = sorted(by_kind, key=lambda kind: KINDS.index(kind) if kind in KINDS else len(KINDS))
    above = tuple(sorted((item for item in graded if item.grade > limit), key=lambda item: -item.grade))
    return ReadabilitySummary(
        count=len(graded),
        median=statistics.median(grades) if grades else 0.0,
        max=max(grades, default=0.0),
        kind_medians={kind: statistics.median(by_kind[kind]) for kind in ordered},
        kind_counts={kind: len(by_kind[kind]) for kind in ordered},
        above=above,
    )
