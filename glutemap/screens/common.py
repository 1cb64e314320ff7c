"""Pieces every screen shares: source lines, links to records, plain tables, a muscle's part in a condition
and the rows of a referral table (pure, no Streamlit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glutemap import language, strings
from glutemap.knowledge.citation import citation_text, source_address
from glutemap.knowledge.models import KnowledgeBase, MuscleLink, ReferralPattern, Spread

# The two muscles GluteMap is about come first wherever muscles are listed; the others give context.
FOCUS_MUSCLES = ("gluteus_medius", "gluteus_minimus")


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


def source_lines(knowledge: KnowledgeBase, source_ids: Iterable[str]) -> tuple[SourceLine, ...]:
    """The sources with these ids, each once, in the order given, as citation lines."""
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
class ReferralRow:
    """One body region a muscle's pain pattern reaches: the table equivalent of the pain map."""

    pattern: str
    region_id: str
    region: str
    where: str
    spread: Spread
    spread_label: str
    views: str




def muscle_involvements(knowledge: KnowledgeBase, links: Iterable[MuscleLink]) -> tuple[MuscleInvolvementView, ...]:
    """Each muscle's part in a condition, with the strength of the evidence in words and its sources."""
    return tuple(
        MuscleInvolvementView(
            muscle_id=link.muscle,
            muscle_name=knowledge.muscles[link.muscle].name if link.muscle in knowledge.muscles else link.muscle,
            how=link.how,
            evidence=link.evidence,
            evidence_label=strings.EVIDENCE_LABELS[link.evidence],
            evidence_detail=link.evidence_detail,
            sources=source_lines(knowledge, link.sources),
        )
        for link in links
    )


def referral_rows(knowledge: KnowledgeBase, pattern: ReferralPattern) -> tuple[ReferralRow, ...]:
    """The areas one referral pattern reaches, in the knowledge's order: the text equivalent of its pain map."""
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
    return tuple(rows)


def long_date(day: dt.date) -> str:
    """A date with its month written out in the visitor's language, which nobody misreads across countries."""
    return language.current().long_date(day)


def choice_kept(current: object, offered: Sequence[str]) -> str | None:
    """What a choice shows after its options change: the current choice while it is still offered, else the first
    option (None when there is none). E.g. the exercise open when the filters change, the view of a pain map."""
    if isinstance(current, str) and current in offered:
        return current
    return offered[0] if offered else None
