"""The referral-pattern figure and its table: every area drawn by spread, readable without colour, chosen areas on top."""

from __future__ import annotations

import pytest

from glutemap import strings
from glutemap.figures import ReferralRow, referral_figure, referral_table, referral_views
from glutemap.models import SPREAD_LABELS, KnowledgeBase, ReferralArea, ReferralPattern


def with_patterns(knowledge: KnowledgeBase, *patterns: ReferralPattern) -> KnowledgeBase:
    """The tiny knowledge with gluteus minimus given exactly these referral patterns."""
    muscle = knowledge.muscles["gluteus_minimus"].model_copy(update={"referral_patterns": patterns})
    return knowledge.model_copy(update={"muscles": {**knowledge.muscles, "gluteus_minimus": muscle}})


def pattern(pattern_id: str, *areas: tuple[str, str]) -> ReferralPattern:
    """A referral pattern from (region, spread) pairs."""
    return ReferralPattern(
        id=pattern_id,
        label=pattern_id.replace("_", " ").capitalize(),
        areas=tuple(ReferralArea(region=region, spread=spread) for region, spread in areas),  # type: ignore[arg-type]
    )


@pytest.fixture
def two_patterns(tiny_knowledge: KnowledgeBase) -> KnowledgeBase:
    """Two patterns on the side view: one with all three spreads, one with a single main area."""
    return with_patterns(
        tiny_knowledge,
        pattern("front_part", ("hip_lateral", "primary"), ("knee_lateral", "occasional"), ("thigh_lateral", "rare")),
        pattern("back_part", ("knee_lateral", "primary")),
    )


def area_traces(figure: object) -> list[object]:
    """The traces that draw referral areas (they belong to a pattern's legend group and draw lines)."""
    return [trace for trace in figure.data if trace.legendgroup and trace.mode == "lines"]  # type: ignore[attr-defined]


def closed_shapes(trace: object) -> int:
    """How many polygons a trace draws (they are separated by None)."""
    return list(trace.x).count(None)  # type: ignore[attr-defined]


def test_table_lists_every_area_of_every_pattern_with_labels(tiny_knowledge: KnowledgeBase) -> None:
    """Rows give the pattern, the region's everyday name, its view and the spread label, as in the knowledge."""
    assert referral_table(tiny_knowledge, "gluteus_minimus") == [
        ReferralRow("Front fibres", "Side of the hip", "Side", SPREAD_LABELS["primary"]),
        ReferralRow("Front fibres", "Outer thigh", "Side", SPREAD_LABELS["occasional"]),
    ]


def test_table_puts_main_areas_before_sometimes_and_rarely(tiny_knowledge: KnowledgeBase) -> None:
    """Within a pattern, rows run from main areas to rare ones whatever the order in the file."""
    knowledge = with_patterns(tiny_knowledge, pattern("mixed", ("knee_lateral", "rare"), ("hip_lateral", "primary")))
    assert [row.spread for row in referral_table(knowledge, "gluteus_minimus")] == [
        SPREAD_LABELS["primary"],
        SPREAD_LABELS["rare"],
    ]


def test_shipped_gluteus_minimus_table_has_a_row_per_area(shipped_knowledge: KnowledgeBase) -> None:
    """The table of the real knowledge has exactly one row for each referral area."""
    muscle = shipped_knowledge.muscles["gluteus_minimus"]
    assert len(referral_table(shipped_knowledge, "gluteus_minimus")) == sum(len(p.areas) for p in muscle.referral_patterns)


def test_figure_has_one_trace_per_pattern_and_spread_on_the_view(two_patterns: KnowledgeBase) -> None:
    """Each (pattern, spread) that has areas on the view gets its own trace, in its pattern's legend group."""
    traces = area_traces(referral_figure(two_patterns, "gluteus_minimus", "side_right"))
    assert [(trace.legendgroup, trace.name) for trace in traces] == [  # type: ignore[attr-defined]
        ("front_part", SPREAD_LABELS["primary"]),
        ("front_part", SPREAD_LABELS["occasional"]),
        ("back_part", SPREAD_LABELS["primary"]),
    ]


def test_figure_draws_one_shape_per_area_on_the_view(two_patterns: KnowledgeBase) -> None:
    """A side view draws each of its areas once; the region without a drawing (thigh_lateral) is skipped."""
    traces = area_traces(referral_figure(two_patterns, "gluteus_minimus", "side_left"))
    assert [closed_shapes(trace) for trace in traces] == [1, 1, 1]


def test_side_argument_limits_the_pattern_to_that_side(shipped_knowledge: KnowledgeBase) -> None:
    """Asking for the right side draws the back-of-thigh areas on the right leg only."""
    both = area_traces(referral_figure(shipped_knowledge, "gluteus_minimus", "back"))
    right = area_traces(referral_figure(shipped_knowledge, "gluteus_minimus", "back", side="right"))
    assert sum(map(closed_shapes, both)) == 2 * sum(map(closed_shapes, right)) > 0
    assert all(x is None or x >= 100 for trace in right for x in trace.x)  # type: ignore[attr-defined]


def test_spreads_differ_by_fill_and_line_style_not_only_colour(two_patterns: KnowledgeBase) -> None:
    """Main areas are solid, "sometimes" areas hatched with a dashed border, "rarely" areas dotted and unfilled."""
    knowledge = with_patterns(
        two_patterns, pattern("all", ("hip_lateral", "primary"), ("knee_lateral", "occasional"), ("hip_lateral", "rare"))
    )
    primary, occasional, rare = area_traces(referral_figure(knowledge, "gluteus_minimus", "side_right"))
    assert (primary.fill, primary.line.dash, primary.fillpattern.shape) == ("toself", None, None)  # type: ignore[attr-defined]
    assert (occasional.fill, occasional.line.dash) == ("toself", "dash")  # type: ignore[attr-defined]
    assert occasional.fillpattern.shape in {"/", "\\", "x", "-"}  # type: ignore[attr-defined]
    assert (rare.fill, rare.line.dash) == ("none", "dot")  # type: ignore[attr-defined]


def test_two_patterns_differ_without_colour(two_patterns: KnowledgeBase) -> None:
    """With two patterns each has its own legend title and its own letter written on its areas."""
    figure = referral_figure(two_patterns, "gluteus_minimus", "side_right")
    titles = {trace.legendgroup: trace.legendgrouptitle.text for trace in area_traces(figure)}  # type: ignore[attr-defined]
    letters = {trace.legendgroup: set(trace.text) for trace in figure.data if trace.mode == "text"}
    assert titles == {"front_part": "A: Front part", "back_part": "B: Back part"}
    assert letters == {"front_part": {"A"}, "back_part": {"B"}}


def test_shipped_gluteus_minimus_shows_both_fibre_patterns_on_the_back(shipped_knowledge: KnowledgeBase) -> None:
    """The real front-fibre and back-fibre patterns are separate legend groups on the back view."""
    figure = referral_figure(shipped_knowledge, "gluteus_minimus", "back")
    assert {trace.legendgroup for trace in area_traces(figure)} == {"anterior_fibres", "posterior_fibres"}  # type: ignore[attr-defined]


def test_chosen_areas_are_outlined_thickly_on_top(tiny_knowledge: KnowledgeBase) -> None:
    """The visitor's areas on this view form the last outline trace, thicker than any referral border."""
    figure = referral_figure(tiny_knowledge, "gluteus_minimus", "side_left", {"hip_lateral_l", "calf_l"})
    line_traces = [trace for trace in figure.data if trace.mode == "lines"]
    chosen = line_traces[-1]
    assert chosen.name == strings.REFERRAL_CHOSEN
    assert closed_shapes(chosen) == 1  # calf_l is on the back view, not this one
    assert chosen.line.width > max(trace.line.width for trace in area_traces(figure))  # type: ignore[attr-defined]


def test_no_chosen_trace_when_nothing_chosen_is_on_the_view(tiny_knowledge: KnowledgeBase) -> None:
    """Areas chosen on other views add nothing to this one."""
    figure = referral_figure(tiny_knowledge, "gluteus_minimus", "side_left", {"calf_r"})
    assert strings.REFERRAL_CHOSEN not in {trace.name for trace in figure.data}


@pytest.mark.parametrize(
    ("view", "captions"),
    [
        ("front", {strings.BODYMAP_YOUR_LEFT, strings.BODYMAP_YOUR_RIGHT}),
        ("back", {strings.BODYMAP_YOUR_LEFT, strings.BODYMAP_YOUR_RIGHT}),
        ("side_left", {strings.BODYMAP_YOUR_LEFT_SIDE}),
    ],
)
def test_figure_says_which_side_is_which(tiny_knowledge: KnowledgeBase, view: str, captions: set[str]) -> None:
    """The figure carries the "Your left / Your right" captions of its view."""
    figure = referral_figure(tiny_knowledge, "gluteus_minimus", view)
    assert captions <= {annotation.text for annotation in figure.layout.annotations}


def test_figure_points_to_the_table_for_areas_on_other_views(shipped_knowledge: KnowledgeBase) -> None:
    """On the back view, gluteus minimus' side-view areas are announced with a pointer to the table."""
    figure = referral_figure(shipped_knowledge, "gluteus_minimus", "back")
    notes = [a.text for a in figure.layout.annotations if a.text.startswith(strings.REFERRAL_OTHER_VIEWS.split("{")[0])]
    assert notes == [strings.REFERRAL_OTHER_VIEWS.format(views="Side, Front")]


def test_referral_views_lists_the_views_that_hold_areas(tiny_knowledge: KnowledgeBase) -> None:
    """Only views with at least one drawn area are offered, side view for the asked side."""
    assert referral_views(tiny_knowledge, "gluteus_minimus", side="left") == ["side_left"]
