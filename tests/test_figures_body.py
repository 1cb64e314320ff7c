"""The referral-pattern figure and its table: every area drawn by spread, readable without colour, chosen areas on top."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from glutemap import strings
from glutemap.figures import body
from glutemap.figures.referral import (
    THUMBNAIL_HEIGHT,
    area_thumbnail,
    referral_description,
    referral_figure,
    referral_table,
    referral_views,
    thumbnail_view,
)
from glutemap.knowledge.models import KnowledgeBase, ReferralArea, ReferralPattern


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


SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """The figure as an XML tree (it must be well-formed SVG)."""
    return ET.fromstring(markup)


def area_groups(markup: str) -> list[ET.Element]:
    """The groups that draw referral areas, one per (pattern, spread), in drawing order."""
    return [group for group in parse(markup).iter(f"{SVG}g") if "data-spread" in group.attrib]


def shapes(group: ET.Element) -> list[ET.Element]:
    """The polygons a group draws."""
    return group.findall(f"{SVG}polygon")


def texts(markup: str) -> list[str]:
    """Every line of text written in the figure."""
    return [text.text or "" for text in parse(markup).iter(f"{SVG}text")]


def test_table_lists_every_area_of_every_pattern_with_labels(tiny_knowledge: KnowledgeBase) -> None:
    """Rows give the pattern, the region's everyday name, its view and the spread label, as in the knowledge."""
    table = referral_table(tiny_knowledge, "gluteus_minimus")
    assert table.columns == strings.REFERRAL_TABLE_COLUMNS
    assert table.rows == (
        ("Front fibres", "Side of the hip", "Side", strings.SPREAD_LABELS["primary"]),
        ("Front fibres", "Outer thigh", "Side", strings.SPREAD_LABELS["occasional"]),
    )


def test_table_puts_main_areas_before_sometimes_and_rarely(tiny_knowledge: KnowledgeBase) -> None:
    """Within a pattern, rows run from main areas to rare ones whatever the order in the file."""
    knowledge = with_patterns(tiny_knowledge, pattern("mixed", ("knee_lateral", "rare"), ("hip_lateral", "primary")))
    assert referral_table(knowledge, "gluteus_minimus").column(strings.REFERRAL_TABLE_COLUMNS[-1]) == (
        strings.SPREAD_LABELS["primary"],
        strings.SPREAD_LABELS["rare"],
    )


def test_shipped_gluteus_minimus_table_has_a_row_per_area(shipped_knowledge: KnowledgeBase) -> None:
    """The table of the real knowledge has exactly one row for each referral area."""
    muscle = shipped_knowledge.muscles["gluteus_minimus"]
    assert len(referral_table(shipped_knowledge, "gluteus_minimus").rows) == sum(len(p.areas) for p in muscle.referral_patterns)


def test_figure_has_one_group_per_pattern_and_spread_on_the_view(two_patterns: KnowledgeBase) -> None:
    """Each (pattern, spread) that has areas on the view gets its own group of shapes."""
    groups = area_groups(referral_figure(two_patterns, "gluteus_minimus", "side_right"))
    assert [(group.get("data-pattern"), group.get("data-spread")) for group in groups] == [
        ("front_part", "primary"),
        ("front_part", "occasional"),
        ("back_part", "primary"),
    ]


def test_figure_draws_one_shape_per_area_on_the_view(two_patterns: KnowledgeBase) -> None:
    """A side view draws each of its areas once; the region without a drawing (thigh_lateral) is skipped."""
    groups = area_groups(referral_figure(two_patterns, "gluteus_minimus", "side_left"))
    assert [len(shapes(group)) for group in groups] == [1, 1, 1]


def test_side_argument_limits_the_pattern_to_that_side(shipped_knowledge: KnowledgeBase) -> None:
    """Asking for the right side draws the back-of-thigh areas on the right leg only."""
    both = area_groups(referral_figure(shipped_knowledge, "gluteus_minimus", "back"))
    right = area_groups(referral_figure(shipped_knowledge, "gluteus_minimus", "back", side="right"))
    assert sum(len(shapes(g)) for g in both) == 2 * sum(len(shapes(g)) for g in right) > 0
    xs = [float(point.split(",")[0]) for g in right for shape in shapes(g) for point in shape.get("points", "").split()]
    assert min(xs) >= 100  # the person's right leg is on the right of a back view


def test_spreads_differ_by_fill_and_line_style_not_only_colour(two_patterns: KnowledgeBase) -> None:
    """Main areas are solid with a solid edge, "sometimes" areas dotted with a dashed edge, "rarely" ones with a dotted edge."""
    knowledge = with_patterns(
        two_patterns, pattern("all", ("hip_lateral", "primary"), ("knee_lateral", "occasional"), ("hip_lateral", "rare"))
    )
    markup = referral_figure(knowledge, "gluteus_minimus", "side_right")
    primary, occasional, rare = (shapes(group)[0] for group in area_groups(markup))
    assert primary.get("fill", "").startswith("#") and primary.get("stroke-dasharray") is None
    assert occasional.get("fill") == "url(#dots-0-occasional)" and occasional.get("stroke-dasharray")
    assert rare.get("fill") == "url(#dots-0-rare)" and rare.get("stroke-dasharray")
    assert rare.get("stroke-dasharray") != occasional.get("stroke-dasharray")
    for spread in ("occasional", "rare"):
        assert parse(markup).find(f".//{SVG}pattern[@id='dots-0-{spread}']") is not None


def dots(markup: str, pattern_id: str) -> ET.Element:
    """The dot pattern (SVG <pattern>) with this id."""
    found = parse(markup).find(f".//{SVG}pattern[@id='{pattern_id}']")
    assert found is not None, pattern_id
    return found


def test_main_areas_are_solid_red_and_spill_over_areas_are_red_dots(two_patterns: KnowledgeBase) -> None:
    """The trigger-point chart convention: solid red where pain is mostly felt, red stippling where it spreads."""
    knowledge = with_patterns(two_patterns, pattern("all", ("hip_lateral", "primary"), ("knee_lateral", "occasional")))
    markup = referral_figure(knowledge, "gluteus_minimus", "side_left")
    primary, occasional = (shapes(group)[0] for group in area_groups(markup))
    assert occasional.get("fill") == "url(#dots-0-occasional)"
    red = primary.get("fill", "")
    assert red.lower() == "#d4351c"
    stipple = dots(markup, "dots-0-occasional")
    circles = stipple.findall(f"{SVG}circle")
    assert circles and {circle.get("fill") for circle in circles} == {red}


def test_sometimes_areas_are_dotted_closer_than_rarely_areas(two_patterns: KnowledgeBase) -> None:
    """Dense dots for "sometimes", sparse dots for "rarely": the spreads differ in grey too."""
    knowledge = with_patterns(two_patterns, pattern("all", ("knee_lateral", "occasional"), ("hip_lateral", "rare")))
    markup = referral_figure(knowledge, "gluteus_minimus", "side_left")

    def dots_per_unit(pattern_id: str) -> float:
        tile = dots(markup, pattern_id)
        return len(tile.findall(f"{SVG}circle")) / (float(tile.get("width", "1")) * float(tile.get("height", "1")))

    assert dots_per_unit("dots-0-occasional") > 2 * dots_per_unit("dots-0-rare")


def test_two_patterns_differ_without_colour(two_patterns: KnowledgeBase) -> None:
    """With two patterns each has its own legend title, its own letter on its areas and its own arrangement of dots."""
    knowledge = with_patterns(
        two_patterns,
        pattern("front_part", ("hip_lateral", "primary"), ("knee_lateral", "occasional")),
        pattern("back_part", ("thigh_lateral_upper", "primary"), ("leg_lateral", "occasional")),
    )
    markup = referral_figure(knowledge, "gluteus_minimus", "side_right")
    letters = {
        group.get("data-letter"): {text.text for text in group.iter(f"{SVG}text")}
        for group in parse(markup).iter(f"{SVG}g") if "data-letter" in group.attrib
    }  # fmt: skip
    assert {"A: Front part", "B: Back part"} <= set(texts(markup))
    assert letters == {"front_part": {"A"}, "back_part": {"B"}}
    layouts = [
        sorted((c.get("cx"), c.get("cy")) for c in dots(markup, f"dots-{index}-occasional").findall(f"{SVG}circle"))
        for index in (0, 1)
    ]
    assert len(layouts[0]) != len(layouts[1])


def test_legend_names_every_spread_drawn(two_patterns: KnowledgeBase) -> None:
    """The key beside the body names each spread that the view draws, in words that also say how it looks."""
    written = " ".join(texts(referral_figure(two_patterns, "gluteus_minimus", "side_right")))
    assert strings.REFERRAL_LEGEND["primary"] in written and strings.REFERRAL_LEGEND["occasional"] in written
    assert all(strings.SPREAD_LABELS[spread] in strings.REFERRAL_LEGEND[spread] for spread in strings.SPREAD_LABELS)


def test_shipped_gluteus_minimus_shows_both_fibre_patterns_on_the_back(shipped_knowledge: KnowledgeBase) -> None:
    """The real front-fibre and back-fibre patterns are drawn as separate groups on the back view."""
    groups = area_groups(referral_figure(shipped_knowledge, "gluteus_minimus", "back"))
    assert {group.get("data-pattern") for group in groups} == {"anterior_fibres", "posterior_fibres"}


def test_chosen_areas_are_outlined_thickly_on_top(tiny_knowledge: KnowledgeBase) -> None:
    """The visitor's areas on this view are drawn after the referral areas, thicker than any referral border."""
    markup = referral_figure(tiny_knowledge, "gluteus_minimus", "side_left", {"hip_lateral_l", "calf_l"})
    groups = [group for group in parse(markup).iter(f"{SVG}g") if "data-spread" in group.attrib or "data-chosen" in group.attrib]
    chosen = groups[-1]
    assert chosen.get("data-chosen") == "true"
    assert len(shapes(chosen)) == 1  # calf_l is on the back view, not this one
    widths = [float(shape.get("stroke-width", "0")) for group in groups[:-1] for shape in shapes(group)]
    assert float(shapes(chosen)[0].get("stroke-width", "0")) > max(widths)
    assert strings.REFERRAL_CHOSEN in texts(markup)


def test_no_chosen_areas_drawn_when_nothing_chosen_is_on_the_view(tiny_knowledge: KnowledgeBase) -> None:
    """Areas chosen on other views add nothing to this one."""
    markup = referral_figure(tiny_knowledge, "gluteus_minimus", "side_left", {"calf_r"})
    assert parse(markup).find(f".//{SVG}g[@data-chosen]") is None
    assert strings.REFERRAL_CHOSEN not in texts(markup)


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
    assert captions <= set(texts(referral_figure(tiny_knowledge, "gluteus_minimus", view)))


def test_figure_points_to_the_table_for_areas_on_other_views(shipped_knowledge: KnowledgeBase) -> None:
    """On the back view, gluteus minimus' side-view areas are announced with a pointer to the table."""
    written = " ".join(texts(referral_figure(shipped_knowledge, "gluteus_minimus", "back")))
    assert strings.REFERRAL_OTHER_VIEWS.format(views="Side, Front") in written


def test_text_from_the_knowledge_is_escaped_in_the_svg(two_patterns: KnowledgeBase) -> None:
    """A pattern label with markup stays text: the figure parses and holds no element named in the label."""
    hostile = pattern("front_part", ("hip_lateral", "primary")).model_copy(update={"label": '<script>alert(1)</script> & "x"'})
    markup = referral_figure(with_patterns(two_patterns, hostile), "gluteus_minimus", "side_right")
    assert parse(markup).find(f".//{SVG}script") is None and parse(markup).find(".//script") is None
    assert '<script>alert(1)</script> & "x"' in " ".join(texts(markup))  # (the legend wraps long labels)


def test_description_names_the_view_and_each_area_by_spread(two_patterns: KnowledgeBase) -> None:
    """The alt text says which view is drawn and lists the areas on it, main areas first."""
    description = referral_description(two_patterns, "gluteus_minimus", "side_right")
    assert description.startswith(strings.REFERRAL_ALT.format(
        muscle="Gluteus minimus", view=strings.BODYMAP_VIEW_TITLES["side_right"]))  # fmt: skip
    assert "Front part. Main area: Side of the hip. Sometimes spreads here: Outer knee." in description


def test_referral_views_lists_the_views_that_hold_areas(tiny_knowledge: KnowledgeBase) -> None:
    """Only views with at least one drawn area are offered, side view for the asked side."""
    assert referral_views(tiny_knowledge, "gluteus_minimus", side="left") == ["side_left"]


@pytest.mark.parametrize("view", ["front", "back", "side_left", "side_right"])
def test_figure_draws_the_smooth_outline_and_clips_every_area_to_it(tiny_knowledge: KnowledgeBase, view: str) -> None:
    """The body is the map's own Bézier outline, and the areas (grid, pain areas, chosen areas) are clipped to it."""
    from glutemap.figures import body

    root = parse(referral_figure(tiny_knowledge, "gluteus_minimus", view, {"hip_lateral_l", "calf_r"}))
    clip = root.find(f".//{SVG}clipPath")
    assert clip is not None
    assert [path.get("d") for path in clip.findall(f"{SVG}path")] == list(body.body_view(view).paths)
    outline = next(group for group in root.iter(f"{SVG}g") if group.get("data-outline"))
    assert [path.get("d") for path in outline.findall(f"{SVG}path")] == list(body.body_view(view).paths)
    assert outline.find(f"{SVG}polygon") is None
    clipped = [group for group in root.iter(f"{SVG}g") if group.get("clip-path") == f"url(#{clip.get('id')})"]
    assert len(clipped) == 1
    inside = {id(group) for group in clipped[0].iter(f"{SVG}g")}
    drawn = [g for g in root.iter(f"{SVG}g") if {"data-grid", "data-spread", "data-chosen"} & set(g.attrib)]
    assert drawn and all(id(group) in inside for group in drawn)


def crosses(markup: str) -> dict[str, list[ET.Element]]:
    """The X marks of the figure by pattern id."""
    found: dict[str, list[ET.Element]] = {}
    for group in parse(markup).iter(f"{SVG}g"):
        if "data-trigger-point" in group.attrib:
            found.setdefault(group.get("data-trigger-point", ""), []).append(group)
    return found


def with_trigger_point(knowledge: KnowledgeBase, region: str) -> KnowledgeBase:
    """The tiny knowledge's gluteus minimus pattern with its trigger point placed in `region`."""
    muscle = knowledge.muscles["gluteus_minimus"]
    placed = tuple(p.model_copy(update={"trigger_point": region}) for p in muscle.referral_patterns)
    return with_patterns(knowledge, *placed)


def test_an_x_marks_the_trigger_point_where_the_knowledge_places_it(tiny_knowledge: KnowledgeBase) -> None:
    """A pattern whose trigger point is named gets one X on that region of its side, and a legend row for it."""
    knowledge = with_trigger_point(tiny_knowledge, "hip_lateral")
    markup = referral_figure(knowledge, "gluteus_minimus", "side_left")
    marks = crosses(markup)
    assert list(marks) == [knowledge.muscles["gluteus_minimus"].referral_patterns[0].id] and len(marks[next(iter(marks))]) == 1
    from glutemap.figures import body

    hip = next(target for target in body.tap_targets("side_left") if target.id == "hip_lateral_l")
    d = marks[next(iter(marks))][0].findall(f"{SVG}path")[0].get("d", "")
    numbers = [float(n) for n in d.replace("M", " ").replace("L", " ").split()]
    middle = ((numbers[0] + numbers[2]) / 2, (numbers[1] + numbers[3]) / 2)
    assert body.contains(hip.points, middle)
    assert strings.REFERRAL_TRIGGER_POINT in " ".join(texts(markup))


def test_no_x_without_a_trigger_point_in_the_knowledge(tiny_knowledge: KnowledgeBase) -> None:
    """Without a named trigger point nothing is marked, and the legend says nothing about one."""
    markup = referral_figure(tiny_knowledge, "gluteus_minimus", "side_left")
    assert crosses(markup) == {}
    assert strings.REFERRAL_TRIGGER_POINT not in " ".join(texts(markup))


def test_the_x_is_drawn_only_on_the_view_that_holds_its_region(tiny_knowledge: KnowledgeBase) -> None:
    """A trigger point on the side of the hip is not drawn on the back view; the words say where it is instead."""
    knowledge = with_trigger_point(tiny_knowledge, "hip_lateral")
    assert crosses(referral_figure(knowledge, "gluteus_minimus", "back")) == {}
    assert crosses(referral_figure(knowledge, "gluteus_minimus", "side_right"))


def test_the_description_says_where_the_trigger_point_lies(tiny_knowledge: KnowledgeBase) -> None:
    """The alt text carries the X in words, so the mark is never the only way to learn it."""
    knowledge = with_trigger_point(tiny_knowledge, "hip_lateral")
    here = referral_description(knowledge, "gluteus_minimus", "side_left")
    assert strings.REFERRAL_TRIGGER_POINT_HERE.format(place="Side of the hip") in here
    assert "trigger point" not in referral_description(tiny_knowledge, "gluteus_minimus", "side_left")


def test_an_x_of_one_of_several_patterns_carries_that_patterns_letter(shipped_knowledge: KnowledgeBase) -> None:
    """On the back view gluteus minimus' back-fibre X sits in the upper outer buttock, marked B beside it."""
    markup = referral_figure(shipped_knowledge, "gluteus_minimus", "back", side="left")
    marks = crosses(markup)
    assert list(marks) == ["posterior_fibres"]
    assert [text.text for text in marks["posterior_fibres"][0].iter(f"{SVG}text")] == ["B"]


def test_shipped_trigger_points_name_regions_the_map_draws(shipped_knowledge: KnowledgeBase) -> None:
    """Every trigger point in the knowledge is a region with targets on the map; gluteus medius has none placed."""
    from glutemap.figures import body

    drawn = {target.base_id for _, target in body.all_targets().values()}
    placed = {
        (muscle.id, pattern.id): pattern.trigger_point
        for muscle in shipped_knowledge.muscles.values()
        for pattern in muscle.referral_patterns
        if pattern.trigger_point
    }
    assert set(placed.values()) <= drawn
    assert placed == {
        ("gluteus_minimus", "anterior_fibres"): "hip_lateral",
        ("gluteus_minimus", "posterior_fibres"): "buttock_upper_lateral",
    }


# --- a result card's picture ------------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("regions", "view"),
    [(("low_back", "sacrum"), "back"), (("hip_lateral", "thigh_lateral_upper"), "side_right"), (("knee_anterior",), "front")],
)
def test_a_card_picture_uses_the_view_that_shows_most_of_its_areas(regions: tuple[str, ...], view: str) -> None:
    assert thumbnail_view(regions) == view
    assert ET.fromstring(area_thumbnail(regions)).get("data-view") == view


def test_a_card_picture_fills_each_of_its_areas_in_solid_red() -> None:
    regions = ("low_back", "sacrum")
    areas = ET.fromstring(area_thumbnail(regions)).find(f"{SVG}g[@data-areas='true']")
    assert areas is not None
    drawn = areas.findall(f"{SVG}polygon")
    expected = [target for target in body.tap_targets("back") if target.base_id in regions]
    assert len(drawn) == len(expected) > 0
    # The main-area style of the pain maps: solid red, the convention of trigger-point charts.
    assert len({polygon.get("fill") for polygon in drawn}) == 1
    assert not drawn[0].get("fill", "").startswith("url(")


def test_a_card_picture_is_small_and_reuses_its_outline() -> None:
    """Five cards send five pictures on every tap: each stays a few kilobytes and names its outline once."""
    svg = area_thumbnail(("low_back", "lumbar_spine", "iliac_crest", "sacrum"))
    root = ET.fromstring(svg)
    assert len(svg) < 10_000
    assert float(root.get("height", "0")) == THUMBNAIL_HEIGHT
    assert len(root.findall(f".//{SVG}path")) == len(body.body_view("back").paths)


def test_two_card_pictures_never_share_an_id() -> None:
    first, second = area_thumbnail(("low_back",)), area_thumbnail(("knee_anterior",))
    ids = {element.get("id") for element in ET.fromstring(first).iter() if element.get("id")}
    assert ids and not ids & {element.get("id") for element in ET.fromstring(second).iter() if element.get("id")}
