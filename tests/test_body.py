"""The body map's geometry: every region placed once per side, on its view, without overlaps, labelled by side."""

from __future__ import annotations

import re

import pytest

from glutemap import body, strings
from glutemap.models import KnowledgeBase

PHONE_SCALE = 360 / body.VIEW_WIDTH  # pixels per drawing unit when the map is 360 px wide


def centre_x(view: str, tap: str) -> float:
    """The x of a target's centroid on a view."""
    target = next(target for target in body.tap_targets(view) if target.id == tap)
    return body.centroid(target.points)[0]


@pytest.mark.parametrize("view", body.VIEWS)
def test_every_tap_target_lies_inside_the_outline_bounding_box(view: str) -> None:
    """No target pokes out of the box around the body outline of its view."""
    left, top, right, bottom = body.bounding_box(body.outline(view))
    for target in body.tap_targets(view):
        t_left, t_top, t_right, t_bottom = body.bounding_box([target.points])
        assert left <= t_left and t_right <= right and top <= t_top and t_bottom <= bottom, target.id


@pytest.mark.parametrize("view", body.VIEWS)
def test_every_target_centre_lies_on_the_body(view: str) -> None:
    """The middle of every target is inside one of the outline's shapes, so no target floats off the body."""
    shapes = body.outline(view)
    for target in body.tap_targets(view):
        middle = body.centroid(target.points)
        assert any(body.contains(shape, middle) for shape in shapes), target.id


@pytest.mark.parametrize("view", body.VIEWS)
def test_no_target_centre_lies_inside_another_target(view: str) -> None:
    """Targets of one view do not overlap much: each centroid lies only in its own target."""
    targets = body.tap_targets(view)
    for target in targets:
        middle = body.centroid(target.points)
        assert body.contains(target.points, middle), f"{target.id} centroid outside itself"
        others = [other.id for other in targets if other.id != target.id and body.contains(other.points, middle)]
        assert others == [], f"{target.id} centroid lies in {others}"


def test_there_are_64_distinct_tap_targets_over_all_views() -> None:
    """31 sided regions twice plus 2 midline regions, each drawn on exactly one view."""
    ids = [target.id for view in body.VIEWS for target in body.tap_targets(view)]
    assert len(ids) == 64
    assert len(set(ids)) == 64


def test_every_shipped_region_has_a_target_per_side_or_one_midline_target(shipped_knowledge: KnowledgeBase) -> None:
    """Each base region of knowledge/regions.yaml gets `_l` and `_r` targets, or one bare target if not sided."""
    drawn = body.all_targets()
    for region in shipped_knowledge.regions.values():
        expected = {region.id + "_l", region.id + "_r"} if region.sided else {region.id}
        assert expected <= drawn.keys(), region.id
        assert not ({region.id} if region.sided else {region.id + "_l", region.id + "_r"}) & drawn.keys()


def test_every_target_belongs_to_a_shipped_region(shipped_knowledge: KnowledgeBase) -> None:
    """The map draws no area the knowledge does not name."""
    assert {target.base_id for _, target in body.all_targets().values()} == set(shipped_knowledge.regions)


def test_every_target_is_drawn_on_its_regions_primary_view(shipped_knowledge: KnowledgeBase) -> None:
    """A region's targets sit on the view the knowledge names for it (side regions on the view of their side)."""
    for tap, (view, target) in body.all_targets().items():
        region = shipped_knowledge.regions[target.base_id]
        assert view == body.view_key(region.view, target.side), tap


def test_midline_regions_are_the_lumbar_spine_and_sacrum() -> None:
    """Only the two spine regions have no side."""
    midline = {tap for tap, (_, target) in body.all_targets().items() if target.side == "none"}
    assert midline == {"lumbar_spine", "sacrum"}


def test_front_view_draws_the_persons_right_on_the_viewers_left() -> None:
    """Facing us, the person's right knee is left of the midline and the left knee right of it."""
    assert centre_x("front", "knee_anterior_r") < body.MIDLINE < centre_x("front", "knee_anterior_l")


def test_back_view_draws_the_persons_left_on_the_viewers_left() -> None:
    """From behind, the person's left calf is left of the midline and the right calf right of it."""
    assert centre_x("back", "calf_l") < body.MIDLINE < centre_x("back", "calf_r")


@pytest.mark.parametrize(("view", "side"), [("side_left", "left"), ("side_right", "right")])
def test_each_side_view_shows_only_its_own_side(view: str, side: str) -> None:
    """The left side view holds only `_l` targets and the right side view only `_r` targets."""
    assert {target.side for target in body.tap_targets(view)} == {side}


@pytest.mark.parametrize(
    ("view", "viewer_left", "viewer_right"),
    [
        ("front", strings.BODYMAP_YOUR_RIGHT, strings.BODYMAP_YOUR_LEFT),
        ("back", strings.BODYMAP_YOUR_LEFT, strings.BODYMAP_YOUR_RIGHT),
    ],
)
def test_front_and_back_views_say_your_left_and_your_right_on_the_right_sides(
    view: str, viewer_left: str, viewer_right: str
) -> None:
    """The side captions sit over the half of the picture they name."""
    captions = {label.text: label.x for label in body.body_view(view).labels}
    assert captions[viewer_left] < body.MIDLINE < captions[viewer_right]


@pytest.mark.parametrize(
    ("view", "caption"), [("side_left", strings.BODYMAP_YOUR_LEFT_SIDE), ("side_right", strings.BODYMAP_YOUR_RIGHT_SIDE)]
)
def test_each_side_view_names_its_side(view: str, caption: str) -> None:
    """A side view says which of the person's sides it shows."""
    assert caption in {label.text for label in body.body_view(view).labels}


@pytest.mark.parametrize("view", body.VIEWS)
def test_every_target_is_big_enough_to_tap_on_a_phone(view: str) -> None:
    """At 360 px wide every target is at least 30 px in both directions and 48 px in one."""
    for target in body.tap_targets(view):
        left, top, right, bottom = body.bounding_box([target.points])
        sizes = sorted(((right - left) * PHONE_SCALE, (bottom - top) * PHONE_SCALE))
        assert sizes[0] >= 30 and sizes[1] >= 48, (target.id, sizes)


@pytest.mark.parametrize("view", body.VIEWS)
def test_svg_names_every_target_of_its_view_with_data_region(view: str) -> None:
    """The markup carries each tap id of the view exactly once as a data-region attribute."""
    markup = body.svg(view)
    found = re.findall(r'data-region="([a-z_]+)"', markup)
    assert sorted(found) == sorted(target.id for target in body.tap_targets(view))


@pytest.mark.parametrize("view", body.VIEWS)
def test_svg_has_no_script(view: str) -> None:
    """The markup is drawing only: no script element and no inline event handler."""
    markup = body.svg(view).lower()
    assert "<script" not in markup
    assert not re.search(r"\son[a-z]+=", markup)


def test_svg_carries_no_knowledge_text(shipped_knowledge: KnowledgeBase) -> None:
    """Region labels never go into the markup; the component sets them from data."""
    markup = "".join(body.svg(view) for view in body.VIEWS)
    assert [region.label for region in shipped_knowledge.regions.values() if region.label in markup] == []


def test_svg_marks_chosen_targets_pressed_and_selected() -> None:
    """A chosen target is drawn selected with aria-pressed true; the others stay unpressed."""
    markup = body.svg("back", {"calf_l"})
    chosen = re.search(r'<polygon class="([^"]+)" data-region="calf_l"[^>]*aria-pressed="(\w+)"', markup)
    other = re.search(r'<polygon class="([^"]+)" data-region="calf_r"[^>]*aria-pressed="(\w+)"', markup)
    assert chosen is not None and chosen.groups() == ("gm-region gm-selected", "true")
    assert other is not None and other.groups() == ("gm-region", "false")


def test_svg_targets_are_keyboard_buttons() -> None:
    """Every target is focusable and announced as a toggle button."""
    markup = body.svg("front")
    targets = re.findall(r"<polygon class=\"gm-region[^>]*>", markup)
    assert targets and all('tabindex="0"' in tag and 'role="button"' in tag for tag in targets)


@pytest.mark.parametrize(
    ("tap", "parts"),
    [("hip_lateral_l", ("hip_lateral", "left")), ("calf_r", ("calf", "right")), ("sacrum", ("sacrum", "none"))],
)
def test_split_tap_id_returns_base_and_side(tap: str, parts: tuple[str, str]) -> None:
    """A tap id splits into its base region and the person's side, and joins back."""
    assert body.split_tap_id(tap) == parts
    assert body.tap_id(*parts) == tap  # type: ignore[arg-type]


def test_tap_label_names_the_persons_side(tiny_knowledge: KnowledgeBase) -> None:
    """Labels add "(your left)" / "(your right)" to the region's everyday name."""
    assert body.tap_label(tiny_knowledge.regions, "hip_lateral_l") == "Side of the hip" + strings.BODYMAP_SIDE_SUFFIX["left"]


def test_tap_labels_leave_out_regions_the_knowledge_lacks(tiny_knowledge: KnowledgeBase) -> None:
    """Targets whose region is missing from the knowledge get no label (the map then hides them)."""
    assert set(body.tap_labels(tiny_knowledge.regions, "side_right")) == {"hip_lateral_r", "knee_lateral_r"}


@pytest.mark.parametrize("view", body.VIEWS)
def test_side_groups_cover_every_target_of_the_view_once(view: str) -> None:
    """The plain-widget groups list the same areas as the map, none twice."""
    grouped = [tap for _, taps in body.side_groups(view) for tap in taps]
    assert sorted(grouped) == sorted(target.id for target in body.tap_targets(view))
