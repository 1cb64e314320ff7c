"""What the Conditions, Anatomy and Sources & about screens show, built from the knowledge (pure, no Streamlit).

Every function takes the validated knowledge and returns small frozen view models holding plain text, so the
pages only lay them out and tests can check exactly what a visitor would read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from glutemap import strings
from glutemap.citation import citation_text, source_address
from glutemap.models import Condition, KnowledgeBase, Muscle
from glutemap.references import references_to
from glutemap.search.matcher import spelled
from glutemap.search.text import MAX_TEXT_CHARS, phrase_stems

# The two muscles GluteMap is about come first wherever muscles are listed; the others give context.
FOCUS_MUSCLES = ("gluteus_medius", "gluteus_minimus")

# A typed word this long or longer also matches words it begins ("troch" finds "trochanteric").
_PREFIX_MIN_LENGTH = 3

# Muscle notes that start like this are detail for clinicians and go behind the "For clinicians" expander.
_CLINICIAN_NOTE_PREFIX = "for clinicians"


# --- shared pieces ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceLine:
    """One source as text: its canonical citation (in `title`), what kind it is, and its one address (never a link)."""

    id: str
    title: str
    kind_label: str
    address: str | None
    note: str | None


@dataclass(frozen=True)
class RecordLink:
    """Another record a screen points to (a condition, exercise or muscle), by id and display name."""

    id: str
    name: str
    detail: str = ""


@dataclass(frozen=True)
class Table:
    """A small table as plain text: column names and rows of cells, ready for st.dataframe."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> tuple[str, ...]:
        """Every cell of one column, top to bottom."""
        index = self.columns.index(name)
        return tuple(row[index] for row in self.rows)


def _source_lines(knowledge: KnowledgeBase, source_ids: Iterable[str]) -> tuple[SourceLine, ...]:
    lines = []
    for source_id in dict.fromkeys(source_ids):
        source = knowledge.sources.get(source_id)
        if source is not None:
            lines.append(
                SourceLine(
                    source.id,
                    citation_text(source),
                    strings.SOURCE_KIND_LABELS[source.kind],
                    source_address(source),
                    source.note,
                )
            )
    return tuple(lines)


def _capped(query: str) -> str:
    return query[:MAX_TEXT_CHARS]


# --- conditions -------------------------------------------------------------------------------------------
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
class MuscleInvolvementView:
    """How one muscle is involved in a condition, with the strength of the evidence said plainly."""

    muscle_id: str
    muscle_name: str
    how: str
    evidence: str
    evidence_label: str
    evidence_detail: str
    sources: tuple[SourceLine, ...]


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


def condition_view(knowledge: KnowledgeBase, condition_id: str) -> ConditionView | None:
    """The page about one condition, or None when there is no condition with that id."""
    condition = knowledge.conditions.get(condition_id)
    if condition is None:
        return None
    muscles = tuple(
        MuscleInvolvementView(
            muscle_id=link.muscle,
            muscle_name=knowledge.muscles[link.muscle].name if link.muscle in knowledge.muscles else link.muscle,
            how=link.how,
            evidence=link.evidence,
            evidence_label=strings.EVIDENCE_LABELS[link.evidence],
            evidence_detail=link.evidence_detail,
            sources=_source_lines(knowledge, link.sources),
        )
        for link in condition.muscle_links
    )
    exercises = tuple(
        RecordLink(exercise.id, exercise.name, strings.CATEGORY_LABELS[exercise.category])
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
        sources=_source_lines(knowledge, (*condition.sources, *link_sources)),
        reviewed_on=condition.reviewed_on,
    )


# --- muscles ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FibreActionView:
    """What one group of fibres of a muscle does."""

    fibres: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ReferralRow:
    """One body region a muscle's pain pattern reaches: the table equivalent of the pain map."""

    pattern: str
    region_id: str
    region: str
    where: str
    spread: str
    spread_label: str
    views: str


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
        return strings.LAYER_COVERED.format(name=muscle.name, layer=muscle.layer, depth=depth, over=", ".join(covers))
    return strings.LAYER_UNCOVERED.format(name=muscle.name, layer=muscle.layer, depth=depth)


def _referral_patterns(knowledge: KnowledgeBase, muscle: Muscle) -> tuple[ReferralPatternView, ...]:
    patterns = []
    for pattern in muscle.referral_patterns:
        rows = []
        for area in pattern.areas:
            region = knowledge.regions.get(area.region)
            if region is None:
                continue
            views = ", ".join(strings.VIEW_LABELS[view] for view in (region.view, *region.also_views))
            rows.append(
                ReferralRow(
                    pattern.label, region.id, region.label, region.where, area.spread, strings.SPREAD_LABELS[area.spread], views
                )
            )
        patterns.append(ReferralPatternView(pattern.id, pattern.label, pattern.note, tuple(rows)))
    return tuple(patterns)


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
        sources=_source_lines(knowledge, muscle.sources),
        reviewed_on=muscle.reviewed_on,
    )


# --- sources & about --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Citation:
    """A record that cites a source: what kind it is, its name and when it was last reviewed."""

    kind: str
    id: str
    name: str
    reviewed_on: dt.date | None

    @property
    def kind_label(self) -> str:
        """The kind of record in words ("Muscle", "Condition", …)."""
        return strings.RECORD_KIND_LABELS[self.kind]


@dataclass(frozen=True)
class SourceEntry:
    """One source with every record that cites it."""

    source: SourceLine
    cited_by: tuple[Citation, ...]

    def supports(self) -> str:
        """The citing records in one line, grouped by kind, e.g. "Muscles: Gluteus medius. Conditions: …"."""
        names: dict[str, list[str]] = {}
        for citation in self.cited_by:
            names.setdefault(citation.kind, []).append(citation.name)
        return " ".join(f"{strings.RECORD_KIND_PLURALS[kind]}: {'; '.join(found)}." for kind, found in names.items())

    def details(self) -> tuple[str, ...]:
        """The lines shown under the source's title: its kind, its address as text, and what it supports."""
        address = self.source.address
        return (
            strings.ABOUT_SOURCE_KIND.format(kind=self.source.kind_label),
            strings.ABOUT_SOURCE_ADDRESS.format(address=address) if address else strings.ABOUT_SOURCE_NO_ADDRESS,
            strings.ABOUT_SOURCE_SUPPORTS.format(records=self.supports()) if self.cited_by else strings.ABOUT_SOURCE_UNUSED,
        )


@dataclass(frozen=True)
class SourceGroup:
    """Sources of one kind (seed articles, guidelines, …)."""

    kind: str
    label: str
    entries: tuple[SourceEntry, ...]


@dataclass(frozen=True)
class SourcesView:
    """Every source grouped by kind, and when each record was last reviewed."""

    groups: tuple[SourceGroup, ...]
    reviews: tuple[Citation, ...]

    @property
    def count(self) -> int:
        """How many sources there are."""
        return sum(len(group.entries) for group in self.groups)

    @property
    def review_range(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest review dates, or None when no record carries one."""
        dates = [citation.reviewed_on for citation in self.reviews if citation.reviewed_on is not None]
        return (min(dates), max(dates)) if dates else None

    def review_table(self) -> Table:
        """Each reviewed record with its last review date."""
        return Table(
            strings.ABOUT_REVIEW_COLUMNS,
            tuple(
                (citation.kind_label, citation.name, citation.reviewed_on.isoformat() if citation.reviewed_on else "")
                for citation in self.reviews
            ),
        )


# The field that names a record, whatever its kind.
_NAME_FIELDS = ("name", "title", "label", "study", "term")


def cited_records(knowledge: KnowledgeBase) -> Iterator[tuple[str, str, str, dt.date | None, BaseModel]]:
    """(kind, id, name, reviewed_on, record) for every record in the knowledge, of every kind, in a stable order."""
    for kind in KnowledgeBase.model_fields:
        value = getattr(knowledge, kind)
        if kind == "sources" or value is None:
            continue
        if isinstance(value, dict):
            items: list[tuple[str, BaseModel]] = list(value.items())
        elif isinstance(value, tuple):
            items = [(str(getattr(record, "term", index)), record) for index, record in enumerate(value)]
        else:
            items = [(kind, value)]
        for record_id, record in items:
            name = next((str(getattr(record, field)) for field in _NAME_FIELDS if hasattr(record, field)),
                        strings.RECORD_KIND_LABELS.get(kind, kind))
            yield kind, record_id, name, getattr(record, "reviewed_on", None), record


def _citations(knowledge: KnowledgeBase) -> Iterator[tuple[str, Citation]]:
    """(source id, citing record) for every source any record names, anywhere in it (read from the schema)."""
    for kind, record_id, name, reviewed_on, record in cited_records(knowledge):
        cited = references_to(record, "sources")
        if not cited:
            continue
        citation = Citation(kind, record_id, name, reviewed_on)
        for source_id in cited:
            yield source_id, citation


def sources_view(knowledge: KnowledgeBase) -> SourcesView:
    """Every source with the records it supports, grouped by kind, plus each reviewed record's date."""
    cited_by: dict[str, dict[tuple[str, str], Citation]] = {}
    reviews: dict[tuple[str, str], Citation] = {}
    for source_id, citation in _citations(knowledge):
        cited_by.setdefault(source_id, {})[(citation.kind, citation.id)] = citation
        if citation.reviewed_on is not None:
            reviews[(citation.kind, citation.id)] = citation
    groups = []
    for kind, label in strings.SOURCE_KIND_LABELS.items():
        entries = tuple(
            SourceEntry(line, tuple(cited_by.get(line.id, {}).values()))
            for line in _source_lines(knowledge, (s.id for s in knowledge.sources.values() if s.kind == kind))
        )
        if entries:
            groups.append(SourceGroup(kind, label, entries))
    return SourcesView(tuple(groups), tuple(reviews.values()))
