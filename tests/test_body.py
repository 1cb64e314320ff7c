"""The body map's geometry: every region placed once per side, on its view, without overlaps, labelled by side."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from glutemap import strings
from glutemap.figures import body
from glutemap.knowledge.models import KnowledgeBase

# The map is `width: 100%` of its column (at most 440 px). On a 360 px phone Streamlit stacks the columns
# and keeps 1 rem (16 px) of page padding each side, so the map is drawn 328 px wide there (measured in
# Chromium at 360 x 780). A 44 px fingertip circle must fit inside every area at that size.
PHONE_MAP_WIDTH = 360 - 2 * 16
PHONE_SCALE = PHONE_MAP_WIDTH / body.VIEW_WIDTH  # pixels per drawing unit on that phone
FINGERTIP_PX = 44


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
def test_a_fingertip_fits_inside_every_area_on_a_360_px_phone(view: str) -> None:
    """The largest circle inside each area, clipped to the body's outline, is at least 44 px across at 328 px wide.

    This is the short side of the area however it is shaped: a wedge or a band must hold the whole circle.
    """
    shapes = body.outline(view)
    small = []
    for target in body.tap_targets(view):
        _, radius = body.largest_circle(target.points, shapes)
        if 2 * radius * PHONE_SCALE < FINGERTIP_PX:
            small.append((target.id, round(2 * radius * PHONE_SCALE, 1)))
    assert small == []


@pytest.mark.parametrize("view", body.VIEWS)
def test_every_area_lies_inside_the_body_outline(view: str) -> None:
    """Areas are built inside the outline: every corner of every area is inside it or on its edge."""
    shapes = body.outline(view)
    for target in body.tap_targets(view):
        outside = [
            point
            for point in target.points
            if not any(body.contains(shape, point) for shape in shapes)
            and min(body.edge_distance(shape, point) for shape in shapes) > 0.3
        ]
        assert outside == [], target.id


@pytest.mark.parametrize("view", body.VIEWS)
def test_a_click_in_the_middle_of_an_areas_box_lands_on_that_area(view: str) -> None:
    """Browsers and test drivers click the centre of an element's box: it must be well inside that area, in no other."""
    targets = body.tap_targets(view)
    for target in targets:
        left, top, right, bottom = body.bounding_box([target.points])
        middle = ((left + right) / 2, (top + bottom) / 2)
        assert body.contains(target.points, middle), target.id
        assert body.edge_distance(target.points, middle) * PHONE_SCALE >= 6, target.id
        assert [other.id for other in targets if other is not target and body.contains(other.points, middle)] == []


def test_tap_ids_are_unchanged() -> None:
    """The ids, their views and their order on each view are what the knowledge, the tests and saved links use."""
    front = ["hip_anterior", "thigh_medial", "thigh_anterior", "knee_anterior", "knee_medial", "shin_anterior",
             "shin_medial", "ankle_anterior", "ankle_medial", "foot_dorsum"]  # fmt: skip
    back = ["low_back", "iliac_crest", "si_joint", "buttock_upper_lateral", "buttock_upper_medial",
            "buttock_lower_lateral", "buttock_lower_medial", "thigh_posterior_upper", "thigh_posterior_lower",
            "knee_posterior", "calf", "achilles", "heel_posterior", "heel_plantar", "foot_arch"]  # fmt: skip
    side = ["hip_lateral", "thigh_lateral_upper", "thigh_lateral_lower", "knee_lateral", "leg_lateral", "ankle_lateral"]
    assert [target.id for target in body.tap_targets("front")] == [f"{b}_r" for b in front] + [f"{b}_l" for b in front]
    assert [target.id for target in body.tap_targets("back")] == (
        [f"{b}_l" for b in back] + ["lumbar_spine", "sacrum"] + [f"{b}_r" for b in back]
    )
    assert [target.id for target in body.tap_targets("side_left")] == [f"{b}_l" for b in side]
    assert [target.id for target in body.tap_targets("side_right")] == [f"{b}_r" for b in side]


# --- the outline: smooth curves that draw a recognisable body ----------------------------------------------------

PATH_TOKEN = re.compile(r"[A-Za-z]|-?\d+(?:\.\d+)?")


def path_pieces(data: str) -> tuple[list[str], list[tuple[float, ...]]]:
    """The commands of an SVG path and, for each `C`, its six numbers."""
    tokens = PATH_TOKEN.findall(data)
    commands = [token for token in tokens if token.isalpha()]
    numbers: list[tuple[float, ...]] = []
    start = 0
    for i, token in enumerate([*tokens, "Z"]):
        if token.isalpha() or i == len(tokens):
            if start and tokens[start - 1] == "C":
                numbers.append(tuple(float(n) for n in tokens[start:i]))
            start = i + 1
    return commands, numbers


def turns(data: str) -> list[float]:
    """The change of direction, in degrees, where each Bézier piece of a closed path meets the next one."""
    _, pieces = path_pieces(data)
    first = tuple(float(n) for n in PATH_TOKEN.findall(data)[1:3])
    ends = [first] + [piece[4:6] for piece in pieces]
    angles = []
    for i, piece in enumerate(pieces):
        nxt = pieces[(i + 1) % len(pieces)]
        end = ends[i + 1]
        into = (end[0] - piece[2], end[1] - piece[3])
        out = (nxt[0] - end[0], nxt[1] - end[1])
        if max(abs(v) for v in into) < 0.05 or max(abs(v) for v in out) < 0.05:
            angles.append(180.0)  # a corner knot: no tangent on one side
            continue
        a = math.degrees(math.atan2(into[1], into[0]) - math.atan2(out[1], out[0]))
        angles.append(abs((a + 180) % 360 - 180))
    return angles


@pytest.mark.parametrize("view", body.VIEWS)
def test_outline_is_closed_smooth_bezier_curves(view: str) -> None:
    """Each outline shape is one closed path of cubic Bézier curves (no straight-line commands, no polygons)."""
    drawing = body.body_view(view)
    assert len(drawing.paths) == len(drawing.outline) >= 1
    for data in drawing.paths:
        commands, pieces = path_pieces(data)
        assert commands[0] == "M" and commands[-1] == "Z"
        assert set(commands[1:-1]) == {"C"}
        assert len(pieces) >= 12


@pytest.mark.parametrize("view", body.VIEWS)
def test_outline_curves_run_on_smoothly_except_at_a_few_corners(view: str) -> None:
    """Where one curve piece meets the next the line keeps its direction, bar a few corners (armpits, crotch, jaw)."""
    for data in body.body_view(view).paths:
        sharp = [angle for angle in turns(data) if angle > 2]
        assert len(sharp) <= 8, sharp


@pytest.mark.parametrize("view", body.VIEWS)
def test_svg_draws_the_outline_as_paths_and_clips_the_areas_to_it(view: str) -> None:
    """The markup holds the smooth paths once, and the areas' group is clipped by a clip path made of them."""
    markup = body.svg(view)
    root = ET.fromstring(markup)
    ns = "{http://www.w3.org/2000/svg}"
    defined = {path.get("id"): path.get("d") for path in root.iter(f"{ns}path") if path.get("id")}
    assert sorted(defined.values()) == sorted(body.body_view(view).paths)
    clip = root.find(f".//{ns}clipPath")
    assert clip is not None
    assert {use.get("href") for use in clip.iter(f"{ns}use")} == {f"#{name}" for name in defined}
    targets = next(group for group in root.iter(f"{ns}g") if group.get("class") == "gm-targets")
    assert targets.get("clip-path") == f"url(#{clip.get('id')})"
    assert "<polyline" not in markup and "<polygon points" not in markup  # the body itself is no polygon


def span(view: str, point: tuple[float, float]) -> tuple[float, float]:
    """The stretch of the body on the horizontal line through `point` that holds it."""
    x, y = point
    for shape in body.outline(view):
        found = body.span(shape, y, x)
        if found:
            return found
    raise AssertionError(f"{point} is not on the body of {view}")


@pytest.mark.parametrize("view", body.VIEWS)
def test_every_landmark_lies_on_the_body(view: str) -> None:
    """Named points (head, hands, feet, ...) are inside the outline."""
    marks = body.landmarks(view)
    assert marks
    for name, point in marks.items():
        assert any(body.contains(shape, point) for shape in body.outline(view)), name


@pytest.mark.parametrize("view", ["front", "back"])
def test_front_and_back_have_a_head_on_a_neck_two_free_arms_with_hands_and_feet(view: str) -> None:
    """A head wider than its neck, arms hanging free of the trunk down to hands, legs ending in wider feet."""
    marks = body.landmarks(view)
    head, neck = span(view, marks["head"]), span(view, marks["neck"])
    assert neck[1] - neck[0] < 0.8 * (head[1] - head[0])
    for side in ("left", "right"):
        hand = span(view, marks[f"{side}_hand"])
        assert hand[1] < body.MIDLINE or hand[0] > body.MIDLINE  # the hand is apart from the body
        assert hand[1] - hand[0] < 30
        elbow = span(view, marks[f"{side}_elbow"])
        assert elbow[1] - elbow[0] < 40  # the arm is apart from the waist too
        foot, ankle = span(view, marks[f"{side}_foot"]), span(view, marks[f"{side}_ankle"])
        assert foot[1] - foot[0] > ankle[1] - ankle[0]
    # The person's own left is drawn on the viewer's right on the front and on the viewer's left on the back.
    left_x, right_x = marks["left_hand"][0], marks["right_hand"][0]
    assert (left_x > right_x) == (view == "front")


@pytest.mark.parametrize(("view", "facing"), [("side_left", -1), ("side_right", 1)])
def test_side_views_show_a_profile_with_a_nose_buttock_calf_hand_and_foot(view: str, facing: int) -> None:
    """The face points the way the person faces, with a nose in front; the buttock and calf curve out behind."""
    marks = body.landmarks(view)

    def front_x(y: float) -> float:
        """How far forward the body reaches at height y (larger is further forward)."""
        left, right = span(view, (marks["knee"][0] if y > 300 else marks["head"][0], y))
        return right if facing > 0 else -left

    def back_x(y: float) -> float:
        left, right = span(view, (marks["knee"][0] if y > 300 else marks["head"][0], y))
        return -left if facing > 0 else right

    nose_y, buttock_y, calf_y = marks["nose"][1], marks["buttock"][1], marks["calf"][1]
    assert front_x(nose_y) > front_x(nose_y - 20) + 4 and front_x(nose_y) > front_x(nose_y + 25) + 4
    assert back_x(buttock_y) > back_x(buttock_y - 70) + 8 and back_x(buttock_y) > back_x(buttock_y + 60) + 4
    assert back_x(calf_y) > back_x(calf_y - 40) + 3 and back_x(calf_y) > back_x(calf_y + 100) + 8
    toes, heel = marks["foot"], marks["heel"]
    assert (toes[0] - heel[0]) * facing > 50  # the foot points forward
    hand = marks["hand"]
    assert (hand[0] - marks["head"][0]) * facing > 30  # the hand rests in front of the body


def test_the_near_arm_of_a_side_view_covers_no_area() -> None:
    """The arm drawn in front of the body on a side view stays clear of every area, so it never hides one."""
    for view in ("side_left", "side_right"):
        drawing = body.body_view(view)
        for index in drawing.in_front:
            _, _, _, arm_bottom = body.bounding_box([drawing.outline[index]])
            assert all(body.bounding_box([t.points])[1] > arm_bottom for t in drawing.targets)


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
