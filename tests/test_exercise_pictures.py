"""Stick-figure pictures: every shipped exercise has them, and they draw the working leg where the joints say."""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pytest
from PIL import Image

from glutemap.models import Joint, KnowledgeBase, Pose
from glutemap.stickfigure import (
    BACKGROUND,
    WORKING_LEG,
    bounds,
    render_pictures_png,
    render_pictures_svg,
    render_pose_png,
    render_pose_svg,
    segments,
)

POSE = Pose(
    head=Joint(x=12, y=62), neck=Joint(x=19, y=67), hip=Joint(x=50, y=69), knee=Joint(x=66, y=57),
    ankle=Joint(x=80, y=47), toe=Joint(x=83, y=50), other_knee=Joint(x=68, y=73), other_ankle=Joint(x=86, y=74),
    hand=Joint(x=34, y=75), floor_y=77,
)


def _image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_every_shipped_exercise_has_start_and_end_pictures_with_alt_text(shipped_knowledge: KnowledgeBase) -> None:
    """Each shipped exercise has start and end poses and a description of each for people who cannot see them."""
    assert shipped_knowledge.exercises
    for exercise in shipped_knowledge.exercises.values():
        assert exercise.pictures is not None, exercise.id
        assert exercise.pictures.alt_start.strip() and exercise.pictures.alt_end.strip(), exercise.id


def test_every_shipped_picture_renders(shipped_knowledge: KnowledgeBase) -> None:
    """Every shipped start and end pose draws as a PNG, the pair at the same size."""
    for exercise in shipped_knowledge.exercises.values():
        assert exercise.pictures is not None
        start, end = render_pictures_png(exercise.pictures.start, exercise.pictures.end, width=200)
        assert _image(start).size == _image(end).size
        assert _image(start).width == 200


def test_figure_is_made_of_floor_legs_body_and_arm() -> None:
    """The figure has one floor line, two other-leg lines, two body lines, an arm and three working-leg lines."""
    parts = [segment.part for segment in segments(POSE)]
    assert parts.count("floor") == 1
    assert parts.count("other_leg") == 2
    assert parts.count("body") == 2
    assert parts.count("arm") == 1
    assert parts.count("working_leg") == 3


def test_bounds_contain_every_joint_of_both_poses() -> None:
    """The shared framing shows every joint of the start and the end pose."""
    lifted = POSE.model_copy(update={"ankle": Joint(x=80, y=20)})
    left, top, right, bottom = bounds(POSE, lifted)
    for pose in (POSE, lifted):
        for segment in segments(pose):
            if segment.part != "floor":
                for x, y in (segment.start, segment.end):
                    assert left <= x <= right and top <= y <= bottom


@pytest.mark.parametrize("joint", ["knee", "ankle"])
def test_working_leg_is_drawn_at_its_joints(joint: str) -> None:
    """The dark-blue working leg passes through the knee and the ankle positions of the pose."""
    view = (0.0, 0.0, 100.0, 100.0)
    image = _image(render_pose_png(POSE, width=400, view=view))
    point = getattr(POSE, joint)
    pixel = image.getpixel((round(point.x * 4), round(point.y * 4)))
    assert isinstance(pixel, tuple)
    assert all(abs(channel - target) < 40 for channel, target in zip(pixel, WORKING_LEG, strict=True))


def test_empty_sky_stays_background() -> None:
    """Far from every line the picture is plain background."""
    image = _image(render_pose_png(POSE, width=400, view=(0.0, 0.0, 100.0, 100.0)))
    assert image.getpixel((20, 20)) == BACKGROUND


def _svg(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text)


SVG = "{http://www.w3.org/2000/svg}"


def test_svg_pair_shares_one_frame_and_carries_its_descriptions() -> None:
    """Start and end drawings have the same viewBox, and each names what it shows in its title."""
    moved = POSE.model_copy(update={"knee": Joint(x=60, y=50)})
    start, end = render_pictures_svg(POSE, moved, "Lying on one side", "Top knee lifted")
    assert _svg(start).get("viewBox") == _svg(end).get("viewBox")
    assert _svg(start).findtext(f"{SVG}title") == "Lying on one side"
    assert _svg(end).findtext(f"{SVG}title") == "Top knee lifted"


def test_svg_draws_the_working_leg_thicker_and_in_its_own_colour() -> None:
    """The working leg differs from the other leg by width as well as colour (colour is never the only signal)."""
    lines = _svg(render_pose_svg(POSE, "pose")).findall(f"{SVG}line")
    working = {float(line.get("stroke-width", "0")) for line in lines if line.get("stroke") == "#004c99"}
    other = {float(line.get("stroke-width", "0")) for line in lines if line.get("stroke") == "#969696"}
    assert working and other
    assert min(working) >= 1.9 * max(other)


def test_svg_title_is_text_not_markup() -> None:
    """A description holding markup is escaped inside the drawing's title."""
    svg = render_pose_svg(POSE, "<script>x</script> & more")
    assert _svg(svg).findtext(f"{SVG}title") == "<script>x</script> & more"
    assert "<script>" not in svg
