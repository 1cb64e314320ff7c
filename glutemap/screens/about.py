"""What the Sources & about screen shows: every source, grouped, with every record that cites it and its review date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase
from glutemap.knowledge.references import references_to
from glutemap.screens.common import SourceLine, Table, source_lines


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
            for line in source_lines(knowledge, (s.id for s in knowledge.sources.values() if s.kind == kind))
        )
        if entries:
            groups.append(SourceGroup(kind, label, entries))
    return SourcesView(tuple(groups), tuple(reviews.values()))
