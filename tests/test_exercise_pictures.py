"""Exercise pictures: every shipped exercise has them, they draw a figure with volume where the joints say,
start and end differ (a hold shows its push as an arrow), the moving picture loops and stands still on
request, and knowledge text inside a drawing stays text."""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

import pytest
from PIL import Image

from glutemap.figures.exercise_pictures import (
    BACKGROUND,
    FAR_LIMB,
    WORKING_LEG,
    bounds,
    capsule,
    display_width,
    figure,
    picture_shapes,
    render_motion_svg,
    render_pictures_png,
    render_pictures_svg,
)
from glutemap.knowledge.models import Joint, KnowledgeBase, Pictures, Pose, Push

SIDE_LYING = Pose(
    head=Joint(x=11, y=69.5), neck=Joint(x=19, y=69), hip=Joint(x=50, y=69), knee=Joint(x=68, y=67.7),
    ankle=Joint(x=85.9, y=66.5), toe=Joint(x=86.2, y=70), other_knee=Joint(x=68, y=73), other_ankle=Joint(x=86, y=74),
    hand=Joint(x=46, y=65.5), floor_y=77,
)
LIFTED = SIDE_LYING.model_copy(
    update={"knee": Joint(x=64.7, y=58.7), "ankle": Joint(x=79.5, y=48.4), "toe": Joint(x=81.5, y=51.2)}
)
LIFT = Pictures(start=SIDE_LYING, end=LIFTED, alt_start="Lying on one side", alt_end="Top leg lifted", props=("mat",))
HOLD = Pictures(
    start=SIDE_LYING, end=SIDE_LYING, alt_start="Lying on one side", alt_end="Pressing up",
    push=Push(joint="ankle", toward=Joint(x=85.9, y=50)),
)
SVG = "{http://www.w3.org/2000/svg}"


def _image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def _svg(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text)


def _close(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(channel - target) < 40 for channel, target in zip(pixel, colour, strict=True))


def test_every_shipped_exercise_has_start_and_end_pictures_with_alt_text(shipped_knowledge: KnowledgeBase) -> None:
    """Each shipped exercise has start and end poses and a description of each for people who cannot see them."""
    assert shipped_knowledge.exercises
    for exercise in shipped_knowledge.exercises.values():
        assert exercise.pictures is not None, exercise.id
        assert exercise.pictures.alt_start.strip() and exercise.pictures.alt_end.strip(), exercise.id


def test_every_shipped_picture_renders_as_a_png_pair_of_one_size(shipped_knowledge: KnowledgeBase) -> None:
    """Every shipped start and end still draws as a PNG of the asked width, the pair at the same size."""
    for exercise in shipped_knowledge.exercises.values():
        assert exercise.pictures is not None
        start, end = render_pictures_png(exercise.pictures, width=200)
        assert _image(start).size == _image(end).size
        assert _image(start).width == 200


def test_start_and_end_differ_for_every_shipped_exercise(shipped_knowledge: KnowledgeBase) -> None:
    """No shipped exercise shows the same start and end picture: the body moves, or a hold's arrow shows the push."""
    for exercise in shipped_knowledge.exercises.values():
        assert exercise.pictures is not None
        start, end = render_pictures_svg(exercise.pictures)
        assert start.replace(exercise.pictures.alt_start, "") != end.replace(exercise.pictures.alt_end, ""), exercise.id


def test_a_shipped_exercise_whose_body_does_not_move_shows_its_push(shipped_knowledge: KnowledgeBase) -> None:
    """Where the start and end poses are the same, the knowledge gives the push that the arrow draws."""
    still = [exercise for exercise in shipped_knowledge.exercises.values() if exercise.pictures and
             exercise.pictures.start == exercise.pictures.end]
    assert still, "the shipped knowledge has a hold without movement"
    for exercise in still:
        assert exercise.pictures is not None and exercise.pictures.push is not None, exercise.id


def test_a_hold_has_a_push_arrow_on_its_end_picture_only() -> None:
    """The push arrow is the end picture's last part, and the start picture has none."""
    start, end, _ = picture_shapes(HOLD)
    assert [shape.part for shape in end][-1] == "arrow"
    assert "arrow" not in [shape.part for shape in start]


def test_the_push_arrow_points_the_way_the_knowledge_says() -> None:
    """An upward push draws an arrow whose tip is above the pushing joint."""
    _, end, _ = picture_shapes(HOLD)
    arrow = end[-1].outline
    tip = min(arrow, key=lambda point: point[1])
    assert tip[1] < SIDE_LYING.ankle.y - 5
    assert abs(tip[0] - SIDE_LYING.ankle.x) < 0.5


def test_figure_has_head_neck_torso_pelvis_two_legs_with_feet_and_an_arm_with_a_hand() -> None:
    """The figure is built of filled parts: head, neck, torso, pelvis, three per leg (thigh, shin, foot), three for the arm."""
    parts = [shape.part for shape in figure(SIDE_LYING)]
    assert parts.count("head") == 1 and parts.count("neck") == 1
    assert parts.count("torso") == 1 and parts.count("pelvis") == 1
    assert parts.count("near_leg") == 3 and parts.count("far_leg") == 3
    assert parts.count("arm") == 3


def test_far_leg_is_drawn_behind_the_body_and_the_working_leg_in_front() -> None:
    """Back to front: the far leg comes before the torso, the working leg after it."""
    parts = [shape.part for shape in figure(SIDE_LYING)]
    assert parts.index("far_leg") < parts.index("torso") < parts.index("near_leg")


def test_every_pose_gives_outlines_of_the_same_length_so_they_can_be_blended() -> None:
    """Start and end parts pair up one to one with the same number of points (what CSS needs to animate a path)."""
    for before, after in zip(figure(SIDE_LYING), figure(LIFTED), strict=True):
        assert before.part == after.part
        assert len(before.outline) == len(after.outline)


def test_a_limb_is_tapered() -> None:
    """A capsule is wider at the end with the larger radius."""
    outline = capsule((0.0, 0.0), 3.0, (20.0, 0.0), 1.5)
    near_start = [y for x, y in outline if x <= 0.0 + 1e-9]
    near_end = [y for x, y in outline if x >= 20.0 - 1e-9]
    assert max(near_start) - min(near_start) == pytest.approx(6.0)
    assert max(near_end) - min(near_end) == pytest.approx(3.0)


@pytest.mark.parametrize("joint", ["knee", "ankle"])
def test_working_leg_is_drawn_at_its_joints(joint: str) -> None:
    """The dark-blue working leg covers the knee and the ankle positions of the pose."""
    start, _ = render_pictures_png(LIFT, width=400)
    image = _image(start)
    left, top, right, _ = bounds(SIDE_LYING, LIFTED, props=("mat",))
    scale = 400 / (right - left)
    point = getattr(SIDE_LYING, joint)
    assert _close(image.getpixel((round((point.x - left) * scale), round((point.y - top) * scale))), WORKING_LEG)


def test_far_leg_is_lighter_than_the_working_leg() -> None:
    """Depth reads: the far leg's colour is lighter than the working leg's."""
    assert sum(FAR_LIMB) > sum(WORKING_LEG) + 100


def test_png_is_not_blank_and_its_sky_is_background() -> None:
    """The still holds a drawing, while far from every part it is plain background."""
    start, _ = render_pictures_png(LIFT, width=300)
    image = _image(start)
    colours = image.getcolors(maxcolors=300 * 300)
    assert colours is not None and len(colours) > 10
    assert image.getpixel((2, 2)) == BACKGROUND


def test_bounds_contain_every_joint_of_both_poses() -> None:
    """The shared framing shows every joint of the start and the end pose."""
    left, top, right, bottom = bounds(SIDE_LYING, LIFTED)
    for pose in (SIDE_LYING, LIFTED):
        for name in ("head", "neck", "hip", "knee", "ankle", "toe", "other_knee", "other_ankle", "hand"):
            point = getattr(pose, name)
            assert left <= point.x <= right and top <= point.y <= bottom


def test_a_standing_figure_is_shown_narrower_than_tall() -> None:
    """The display width follows the framing: a tall picture gets fewer pixels across than it has down."""
    standing = SIDE_LYING.model_copy(update={
        "head": Joint(x=48, y=10), "neck": Joint(x=48, y=17), "hip": Joint(x=48, y=48), "knee": Joint(x=48, y=66),
        "ankle": Joint(x=47, y=84), "toe": Joint(x=54, y=85), "other_knee": Joint(x=49, y=66),
        "other_ankle": Joint(x=48, y=84), "hand": Joint(x=50, y=47), "floor_y": 85,
    })
    pictures = Pictures(start=standing, end=standing, alt_start="Standing", alt_end="Standing")
    assert display_width(pictures, 300) < 300
    assert display_width(LIFT, 300) > 300


def test_svg_pair_shares_one_frame_and_carries_its_descriptions() -> None:
    """Start and end stills have the same viewBox, role img, and each names what it shows in its title."""
    start, end = render_pictures_svg(LIFT)
    assert _svg(start).get("viewBox") == _svg(end).get("viewBox")
    assert _svg(start).get("role") == _svg(end).get("role") == "img"
    assert _svg(start).findtext(f"{SVG}title") == "Lying on one side"
    assert _svg(end).findtext(f"{SVG}title") == "Top leg lifted"


def test_moving_picture_is_an_image_with_a_title() -> None:
    """The moving picture has role img and its text equivalent as title, in the stills' frame."""
    moving = _svg(render_motion_svg(LIFT, "Lifting the top leg and back"))
    assert moving.get("role") == "img"
    assert moving.findtext(f"{SVG}title") == "Lifting the top leg and back"
    assert moving.get("viewBox") == _svg(render_pictures_svg(LIFT)[0]).get("viewBox")


def test_moving_picture_loops_between_start_and_end_outlines() -> None:
    """Moving parts carry keyframes from the start outline to the end outline and back, looping for 2 to 3 s."""
    svg = render_motion_svg(LIFT, "moving")
    start, end = render_pictures_svg(LIFT)
    style = _svg(svg).findtext(f"{SVG}style") or ""
    assert "@keyframes" in style and "infinite" in style
    seconds = [float(value) for value in re.findall(r"animation:\w+ ([\d.]+)s", style)]
    assert seconds and all(2 <= value <= 3 for value in seconds)
    start_paths = {path.get("d") for path in _svg(start).iter(f"{SVG}path")}
    end_paths = {path.get("d") for path in _svg(end).iter(f"{SVG}path")}
    moving = start_paths - end_paths
    assert moving and all(f'd:path("{d}")' in style for d in moving)


def test_moving_picture_stands_still_on_the_end_pose_when_less_motion_is_asked() -> None:
    """With prefers-reduced-motion every animation stops, and the paths' own outlines are the end pose."""
    svg = render_motion_svg(LIFT, "moving")
    style = _svg(svg).findtext(f"{SVG}style") or ""
    assert re.search(r"@media \(prefers-reduced-motion: reduce\)\{path\{animation:none", style)
    _, end = render_pictures_svg(LIFT)
    assert [path.get("d") for path in _svg(svg).iter(f"{SVG}path")] == [path.get("d") for path in _svg(end).iter(f"{SVG}path")]


def test_a_holds_moving_picture_nudges_its_arrow() -> None:
    """A hold without movement still moves on screen: its push arrow nudges the way it pushes."""
    svg = render_motion_svg(HOLD, "pressing")
    assert '<path class="push"' in svg
    assert "@keyframes push" in (_svg(svg).findtext(f"{SVG}style") or "")


@pytest.mark.parametrize("render", [lambda text: render_pictures_svg(LIFT.model_copy(update={"alt_start": text}))[0],
                                    lambda text: render_motion_svg(LIFT, text)])
def test_svg_title_is_text_not_markup(render: object) -> None:
    """A description holding markup is escaped inside the drawing's title."""
    text = "<script>x</script> & more"
    assert callable(render)
    svg = render(text)
    assert _svg(svg).findtext(f"{SVG}title") == text
    assert "<script>" not in svg
