"""What the Conditions screen shows: the index, searched in everyday words, and the page about one condition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from glutemap import strings
from glutemap.knowledge.models import Condition, Exercise, KnowledgeBase
from glutemap.screens.common import MuscleInvolvementView, RecordLink, SourceLine, Table, muscle_involvements, source_lines
from glutemap.screens.exercises import pain_rules
from glutemap.search.matcher import spelled
from glutemap.search.text import MAX_TEXT_CHARS, phrase_stems

# A typed word this long or longer also matches words it begins ("troch" finds "trochanteric").
_PREFIX_MIN_LENGTH = 3


def _capped(query: str) -> str:
    return query[:MAX_TEXT_CHARS]


@dataclass(frozen=True)
class ConditionSummary:
    """One entry of the conditions index."""

    id: str
    name: str
    also_called: tuple[str, ...]
    summary: str


def _condition_search_words(condition: Condition) -> tuple[str, ...]:
    return tuple(word for text in (condition.name, *condition.also_called, *condition.words) for word in phrase_stems(text))


def _word_found(wanted: str, words: tuple[str, ...]) -> bool:
    if wanted in words:
        return True
    return len(wanted) >= _PREFIX_MIN_LENGTH and any(word.startswith(wanted) for word in words)


def condition_count(knowledge: KnowledgeBase) -> int:
    """How many conditions the knowledge holds (the index says "3 of 15")."""
    return len(knowledge.conditions)


def condition_index(knowledge: KnowledgeBase, query: str = "") -> list[ConditionSummary]:
    """Conditions whose name, other names or everyday words contain every word of `query`, by name."""
    wanted = phrase_stems(spelled(knowledge, _capped(query)))
    found = []
    for condition in knowledge.conditions.values():
        words = _condition_search_words(condition)
        if all(_word_found(word, words) for word in wanted):
            found.append(ConditionSummary(condition.id, condition.name, condition.also_called, condition.summary))
    return sorted(found, key=lambda summary: summary.name.casefold())


@dataclass(frozen=True)
class IcdLine:
    """One ICD-10-CM code for clinicians, with what is known about its validity."""

    code: str
    title: str
    valid: str
    note: str | None


@dataclass(frozen=True)
class ConditionView:
    """Everything the page about one condition shows."""

    id: str
    name: str
    also_called: tuple[str, ...]
    summary: str
    symptoms: tuple[str, ...]
    felt_in: tuple[str, ...]
    muscles: tuple[MuscleInvolvementView, ...]
    exercises: tuple[RecordLink, ...]
    self_care: tuple[str, ...]
    see_clinician: tuple[str, ...]
    questions_to_ask: tuple[str, ...]
    return_to_activity: str | None
    icd10cm: tuple[IcdLine, ...]
    clinician_notes: tuple[str, ...]
    sources: tuple[SourceLine, ...]
    reviewed_on: dt.date
    # How much pain is all right during its exercises (the condition's pain rule, in words).
    pain_rules: tuple[str, ...] = ()

    def icd_table(self) -> Table:
        """The ICD-10-CM codes as a table for clinicians."""
        return Table(
            strings.CONDITION_ICD_COLUMNS,
            tuple((icd.code, icd.title, icd.valid, icd.note or "") for icd in self.icd10cm),
        )

    def texts(self) -> tuple[str, ...]:
        """Every visitor-facing text on the page, for finding the glossary terms it uses."""
        return (
            self.summary,
            *self.symptoms,
            *(text for muscle in self.muscles for text in (muscle.how, muscle.evidence_label)),
            *self.self_care,
            *self.see_clinician,
            *self.questions_to_ask,
            self.return_to_activity or "",
        )


def _exercise_detail(exercise: Exercise) -> str:
    category = strings.CATEGORY_LABELS[exercise.category]
    return category if exercise.glute_exercise else f"{category} · {strings.EXERCISES_NOT_GLUTE_SHORT}"


def condition_view(knowledge: KnowledgeBase, condition_id: str) -> ConditionView | None:
    """The page about one condition, or None when there is no condition with that id."""
    condition = knowledge.conditions.get(condition_id)
    if condition is None:
        return None
    muscles = muscle_involvements(knowledge, condition.muscle_links)
    exercises = tuple(
        RecordLink(exercise.id, exercise.name, _exercise_detail(exercise))
        for exercise in (knowledge.exercises.get(exercise_id) for exercise_id in condition.exercises)
        if exercise is not None
    )
    icd = tuple(
        IcdLine(code.code, code.title, code.valid or strings.CONDITION_ICD_VALIDITY_UNKNOWN, code.note)
        for code in condition.icd10cm
    )
    link_sources = (source for link in condition.muscle_links for source in link.sources)
    return ConditionView(
        id=condition.id,
        name=condition.name,
        also_called=condition.also_called,
        summary=condition.summary,
        symptoms=tuple(symptom.text for symptom in condition.symptoms),
        felt_in=tuple(knowledge.regions[r].label for r in condition.regions if r in knowledge.regions),
        muscles=muscles,
        exercises=exercises,
        self_care=condition.self_care,
        see_clinician=condition.see_clinician,
        questions_to_ask=condition.questions_to_ask,
        return_to_activity=condition.return_to_activity,
        icd10cm=icd,
        clinician_notes=condition.clinician_notes,
        sources=source_lines(knowledge, (*condition.sources, *link_sources)),
        reviewed_on=condition.reviewed_on,
        pain_rules=tuple(rule.text for rule in pain_rules(knowledge, [condition.id])),
    )


