"""Icon arrays: exactly one figure per person, improved and not improved told apart twice, a table to match."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import pytest

from glutemap import strings
from glutemap.figures.icon_array import icon_array_alt, icon_array_figure, icon_array_table, icon_positions
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.decide import next_steps

# facts.md sections 6 and 9.4: LEAP trial, global success at 8 weeks.
LEAP_FACTS = {
    "Advice and exercise with a physical therapist": (51, 66),
    "One steroid injection": (38, 65),
    "Wait and see": (20, 68),
}


@dataclass(frozen=True)
class Group:
    label: str
    involves: str
    improved: int
    total: int


def _people(figure: go.Figure, group: str, status: str, part: str = "body") -> int:
    return sum(
        len(trace.x)
        for trace in figure.data
        if trace.meta == {"group": group, "status": status, "part": part}
    )


@pytest.fixture(scope="module")
def leap(shipped_knowledge: KnowledgeBase) -> tuple[Group, ...]:
    """The LEAP groups as the decision aid builds them from the shipped knowledge."""
    steps = next_steps(shipped_knowledge, ["trochanteric_bursitis"], urgent=False, kiosk=False, clinic=None)
    [trial] = [t for t in steps.trials if t.id == "leap_trial_gtps"]
    return tuple(Group(arm.label, arm.involves, arm.improved, arm.total) for arm in trial.arms)


def test_leap_figure_draws_exactly_the_facts_numbers(leap: tuple[Group, ...]) -> None:
    """Each LEAP group has as many filled figures as people improved and outlines for the rest."""
    figure = icon_array_figure(leap, "8 weeks")
    for label, (improved, total) in LEAP_FACTS.items():
        assert _people(figure, label, "improved") == improved
        assert _people(figure, label, "not_improved") == total - improved


def test_leap_table_holds_exactly_the_facts_numbers(leap: tuple[Group, ...]) -> None:
    """The table equivalent lists each group's improved, not improved and total counts."""
    rows = icon_array_table(leap)
    group, improved, not_improved, people = (strings.ICON_ARRAY_COLUMNS[index] for index in (0, 2, 3, 4))
    assert {row[group]: (row[improved], row[people]) for row in rows} == LEAP_FACTS
    assert all(row[not_improved] == row[people] - row[improved] for row in rows)


def test_every_person_has_a_head_and_a_body() -> None:
    """Each figure is drawn as a head above a body, so head and body counts match."""
    figure = icon_array_figure([Group("A", "a", 3, 7)], "1 week")
    for status in ("improved", "not_improved"):
        assert _people(figure, "A", status, "head") == _people(figure, "A", status, "body")


def test_improved_and_not_improved_differ_in_fill_and_colour() -> None:
    """Colour is never the only signal: outlines (open symbols) also mark people who did not improve."""
    figure = icon_array_figure([Group("A", "a", 3, 7)], "1 week")
    improved = [t for t in figure.data if t.meta["status"] == "improved"]
    not_improved = [t for t in figure.data if t.meta["status"] == "not_improved"]
    assert all(not t.marker.symbol.endswith("-open") for t in improved)
    assert all(t.marker.symbol.endswith("-open") for t in not_improved)
    assert {t.marker.color for t in improved}.isdisjoint({t.marker.color for t in not_improved})


def test_each_group_is_labelled_with_its_counts() -> None:
    """The label above each group states how many of how many improved."""
    figure = icon_array_figure([Group("Exercise", "e", 51, 66), Group("Waiting", "w", 20, 68)], "8 weeks")
    texts = [annotation.text for annotation in figure.layout.annotations]
    assert texts == ["Exercise<br><b>51 of 66 improved</b>", "Waiting<br><b>20 of 68 improved</b>"]


def test_the_legend_names_both_kinds_once() -> None:
    """The legend shows "improved" and "did not improve" once each, however many groups there are."""
    figure = icon_array_figure([Group("A", "a", 1, 2), Group("B", "b", 1, 2)], "1 week")
    assert [t.name for t in figure.data if t.showlegend] == [strings.ICON_ARRAY_IMPROVED, strings.ICON_ARRAY_NOT_IMPROVED]


def test_knowledge_text_cannot_inject_markup() -> None:
    """A group label is escaped, so plotly shows it as text rather than a link."""
    figure = icon_array_figure([Group('<a href="x">B</a>', "b", 1, 2)], "1 week")
    assert "<a" not in figure.layout.annotations[0].text
    assert "&lt;a href=&quot;x&quot;&gt;B&lt;/a&gt;" in figure.layout.annotations[0].text


def test_positions_fill_row_by_row_with_improved_people_first() -> None:
    """People are laid out left to right, top to bottom, the improved ones first."""
    assert icon_positions(2, 4, per_row=3) == [(0, 0, True), (1, 0, True), (2, 0, False), (0, 1, False)]


def test_the_figure_is_static() -> None:
    """No zoom or drag: the picture is for reading, not exploring."""
    figure = icon_array_figure([Group("A", "a", 1, 2)], "1 week")
    assert figure.layout.dragmode is False
    assert figure.layout.xaxis.fixedrange and figure.layout.yaxis.fixedrange


def test_alt_text_gives_every_groups_counts() -> None:
    """The text equivalent for screen readers names each group with its counts."""
    alt = icon_array_alt([Group("Exercise", "e", 51, 66), Group("Waiting", "w", 20, 68)])
    assert "Exercise: 51 of 66 improved." in alt
    assert "Waiting: 20 of 68 improved." in alt
