"""What the Anatomy screen shows: the muscles to choose from and the page about one muscle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from glutemap import language, strings
from glutemap.knowledge.models import KnowledgeBase, Muscle
from glutemap.screens.common import FOCUS_MUSCLES, RecordLink, ReferralRow, SourceLine, Table, referral_rows, source_lines

# Muscle notes that start like this are detail for clinicians and go behind the "For clinicians" expander.
_CLINICIAN_NOTE_PREFIX = "for clinicians"


@dataclass(frozen=True)
class FibreActionView:
    """What one group of fibres of a muscle does."""

    fibres: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ReferralPatternView:
    """One referral pattern of a muscle, as text and table rows."""

    id: str
    label: str
    note: str | None
    rows: tuple[ReferralRow, ...]

    def table(self) -> Table:
        """The pattern as a table: the text equivalent of the pain map on the body outline."""
        return Table(
            strings.REFERRAL_COLUMNS,
            tuple((row.region, row.spread_label, row.where, row.views) for row in self.rows),
        )


@dataclass(frozen=True)
class MuscleView:
    """Everything the page about one muscle shows."""

    id: str
    name: str
    latin_name: str | None
    summary: str
    origin: str
    insertion: str
    nerve: str
    nerve_roots: tuple[str, ...]
    blood_supply: str
    actions: tuple[FibreActionView, ...]
    layer: int
    layer_text: str
    notes: tuple[str, ...]
    clinician_notes: tuple[str, ...]
    referral_patterns: tuple[ReferralPatternView, ...]
    referral_caveat: str | None
    aggravators: tuple[str, ...]
    conditions: tuple[RecordLink, ...]
    exercises: tuple[RecordLink, ...]
    sources: tuple[SourceLine, ...]
    reviewed_on: dt.date

    @property
    def referral_rows(self) -> tuple[ReferralRow, ...]:
        """The rows of every referral pattern together."""
        return tuple(row for pattern in self.referral_patterns for row in pattern.rows)

    def texts(self) -> tuple[str, ...]:
        """Every visitor-facing text on the page, for finding the glossary terms it uses."""
        return (
            self.summary,
            self.origin,
            self.insertion,
            self.nerve,
            self.blood_supply,
            *(action for group in self.actions for action in group.actions),
            *self.notes,
            *(pattern.note or "" for pattern in self.referral_patterns),
            self.referral_caveat or "",
        )


def muscle_choices(knowledge: KnowledgeBase) -> list[RecordLink]:
    """Muscles to choose from: gluteus medius and minimus first, then the context muscles by depth and name."""

    def order(muscle: Muscle) -> tuple[int, int, str]:
        focus = FOCUS_MUSCLES.index(muscle.id) if muscle.id in FOCUS_MUSCLES else len(FOCUS_MUSCLES)
        return focus, muscle.layer, muscle.name.casefold()

    return [RecordLink(muscle.id, muscle.name) for muscle in sorted(knowledge.muscles.values(), key=order)]


def layer_sentence(knowledge: KnowledgeBase, muscle: Muscle) -> str:
    """Where a muscle lies in the buttock's layers, in words."""
    depth = strings.LAYER_DEPTH_WORDS.get(muscle.layer, str(muscle.layer))
    covers = [knowledge.muscles[other].name for other in muscle.covered_by if other in knowledge.muscles]
    if covers:
        over = language.current().join(covers)
        return strings.LAYER_COVERED.format(name=muscle.name, layer=muscle.layer, depth=depth, over=over)
    return strings.LAYER_UNCOVERED.format(name=muscle.name, layer=muscle.layer, depth=depth)


def _referral_patterns(knowledge: KnowledgeBase, muscle: Muscle) -> tuple[ReferralPatternView, ...]:
    return tuple(
        ReferralPatternView(pattern.id, pattern.label, pattern.note, referral_rows(knowledge, pattern))
        for pattern in muscle.referral_patterns
    )


def muscle_view(knowledge: KnowledgeBase, muscle_id: str) -> MuscleView | None:
    """The page about one muscle, or None when there is no muscle with that id."""
    muscle = knowledge.muscles.get(muscle_id)
    if muscle is None:
        return None
    conditions = tuple(
        RecordLink(condition.id, condition.name, strings.EVIDENCE_LABELS[link.evidence])
        for condition in sorted(knowledge.conditions.values(), key=lambda c: c.name.casefold())
        for link in condition.muscle_links
        if link.muscle == muscle.id
    )
    exercises = tuple(
        RecordLink(exercise.id, exercise.name, strings.EXERCISE_ROLE_LABELS[worked.role])
        for exercise in sorted(knowledge.exercises.values(), key=lambda e: e.name.casefold())
        for worked in exercise.muscles
        if worked.muscle == muscle.id
    )
    return MuscleView(
        id=muscle.id,
        name=muscle.name,
        latin_name=muscle.latin_name,
        summary=muscle.summary,
        origin=muscle.origin,
        insertion=muscle.insertion,
        nerve=muscle.nerve,
        nerve_roots=muscle.nerve_roots,
        blood_supply=muscle.blood_supply,
        actions=tuple(FibreActionView(group.fibres, group.actions) for group in muscle.actions),
        layer=muscle.layer,
        layer_text=layer_sentence(knowledge, muscle),
        notes=tuple(note for note in muscle.notes if not note.casefold().startswith(_CLINICIAN_NOTE_PREFIX)),
        clinician_notes=tuple(note for note in muscle.notes if note.casefold().startswith(_CLINICIAN_NOTE_PREFIX)),
        referral_patterns=_referral_patterns(knowledge, muscle),
        referral_caveat=muscle.referral_caveat,
        aggravators=muscle.aggravators,
        conditions=conditions,
        exercises=exercises,
        sources=source_lines(knowledge, muscle.sources),
        reviewed_on=muscle.reviewed_on,
    )


