"""Stick-figure pictures of exercise positions, drawn from the joint positions kept in the knowledge.

The screen gets SVG (drawn into the page itself, so no picture of a visit is kept on the server under a
URL); the PDF handout gets PNG, drawn with Pillow. No fonts, files or network either way.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw

from glutemap.models import Joint, Pose

BOX = 100.0  # joint coordinates live in a 100 x 100 box, y growing downward
SUPERSAMPLE = 3  # draw large, then shrink: smooth lines without an anti-aliasing library

BACKGROUND = (255, 255, 255)
FLOOR = (150, 150, 150)
BODY = (60, 60, 60)
OTHER_LEG = (150, 150, 150)
# The working leg is both darker blue and twice as thick, so colour is never the only difference.
WORKING_LEG = (0, 76, 153)

Part = Literal["body", "arm", "working_leg", "other_leg", "floor"]


@dataclass(frozen=True)
class Segment:
    """One straight line of the figure, in box coordinates."""

    part: Part
    start: tuple[float, float]
    end: tuple[float, float]


def _point(joint: Joint) -> tuple[float, float]:
    return (joint.x, joint.y)


def segments(pose: Pose) -> tuple[Segment, ...]:
    """The lines that make up the figure, back to front: floor, other leg, body, arm, working leg."""
    return (
        Segment("floor", (0.0, pose.floor_y), (BOX, pose.floor_y)),
        Segment("other_leg", _point(pose.hip), _point(pose.other_knee)),
        Segment("other_leg", _point(pose.other_knee), _point(pose.other_ankle)),
        Segment("body", _point(pose.head), _point(pose.neck)),
        Segment("body", _point(pose.neck), _point(pose.hip)),
        Segment("arm", _point(pose.neck), _point(pose.hand)),
        Segment("working_leg", _point(pose.hip), _point(pose.knee)),
        Segment("working_leg", _point(pose.knee), _point(pose.ankle)),
        Segment("working_leg", _point(pose.ankle), _point(pose.toe)),
    )


_STYLE: dict[Part, tuple[tuple[int, int, int], float]] = {
    "floor": (FLOOR, 1.0),
    "other_leg": (OTHER_LEG, 2.2),
    "body": (BODY, 2.6),
    "arm": (BODY, 2.0),
    "working_leg": (WORKING_LEG, 4.4),
}
HEAD_RADIUS = 5.0
LINE_WIDTH_DIVISOR = 160.0


Bounds = tuple[float, float, float, float]
MARGIN = 6.0
MIN_HEIGHT = 40.0  # in box units: flat lying poses still get some sky above them


def bounds(*poses: Pose) -> Bounds:
    """The part of the box (left, top, right, bottom) that shows every given pose with a margin."""
    xs: list[float] = []
    ys: list[float] = []
    for pose in poses:
        for segment in segments(pose):
            if segment.part != "floor":
                xs += [segment.start[0], segment.end[0]]
                ys += [segment.start[1], segment.end[1]]
        xs += [pose.head.x - HEAD_RADIUS, pose.head.x + HEAD_RADIUS]
        ys += [pose.head.y - HEAD_RADIUS, pose.floor_y]
    left, right = max(min(xs) - MARGIN, 0.0), min(max(xs) + MARGIN, BOX)
    top, bottom = max(min(ys) - MARGIN, 0.0), min(max(ys) + MARGIN / 2, BOX)
    if bottom - top < MIN_HEIGHT:
        top = max(bottom - MIN_HEIGHT, 0.0)
    return (left, top, right, bottom)


def render_pose_png(pose: Pose, width: int = 360, view: Bounds | None = None) -> bytes:
    """The pose as a PNG image `width` pixels wide, showing `view` of the box (default: the pose itself)."""
    return _render(pose, width, view or bounds(pose))


def render_pictures_png(start: Pose, end: Pose, width: int = 360) -> tuple[bytes, bytes]:
    """Start and end pictures drawn at the same scale and framing, so the change between them is visible."""
    view = bounds(start, end)
    return _render(start, width, view), _render(end, width, view)


@lru_cache(maxsize=64)
def _render(pose: Pose, width: int, view: Bounds) -> bytes:
    left, top, right, bottom = view
    scale = width * SUPERSAMPLE / (right - left)
    height = round((bottom - top) * width / (right - left))
    image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), BACKGROUND)
    draw = ImageDraw.Draw(image)

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return ((point[0] - left) * scale, (point[1] - top) * scale)

    # Line widths follow the picture width, not the zoom, so every exercise is drawn with the same pen.
    pen = width * SUPERSAMPLE / LINE_WIDTH_DIVISOR
    for segment in segments(pose):
        colour, width_in_box = _STYLE[segment.part]
        line_width = max(1, round(width_in_box * pen))
        draw.line([at(segment.start), at(segment.end)], fill=colour, width=line_width)
        if segment.part != "floor":
            # Round joints, so thick lines meet without gaps.
            for end in (segment.start, segment.end):
                x, y = at(end)
                radius = line_width / 2
                draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    x, y = at(_point(pose.head))
    radius = HEAD_RADIUS * scale
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=BACKGROUND, outline=BODY, width=max(1, round(2.2 * pen)))
    small = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def render_pose_svg(pose: Pose, title: str, view: Bounds | None = None) -> str:
    """The pose as an SVG drawing that scales to any width, with `title` as its text alternative."""
    left, top, right, bottom = view or bounds(pose)
    # The same pen as the PNG: line widths follow the picture width, not the zoom.
    pen = (right - left) / LINE_WIDTH_DIVISOR
    lines = []
    for segment in segments(pose):
        colour, width_in_box = _STYLE[segment.part]
        cap = "butt" if segment.part == "floor" else "round"
        (x1, y1), (x2, y2) = segment.start, segment.end
        lines.append(
            f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{_hex(colour)}" '
            f'stroke-width="{width_in_box * pen:.3g}" stroke-linecap="{cap}"/>'
        )
    head = (
        f'<circle cx="{pose.head.x:g}" cy="{pose.head.y:g}" r="{HEAD_RADIUS:g}" fill="{_hex(BACKGROUND)}" '
        f'stroke="{_hex(BODY)}" stroke-width="{2.2 * pen:.3g}"/>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:g} {top:g} {right - left:g} {bottom - top:g}" '
        f'role="img"><title>{escape(title)}</title>'
        f'<rect x="{left:g}" y="{top:g}" width="{right - left:g}" height="{bottom - top:g}" fill="{_hex(BACKGROUND)}"/>'
        f"{''.join(lines)}{head}</svg>"
    )


def render_pictures_svg(start: Pose, end: Pose, start_title: str, end_title: str) -> tuple[str, str]:
    """Start and end drawings at the same scale and framing, so the change between them is visible."""
    view = bounds(start, end)
    return render_pose_svg(start, start_title, view), render_pose_svg(end, end_title, view)
