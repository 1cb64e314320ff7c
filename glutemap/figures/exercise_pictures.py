"""Pictures of exercise positions, drawn from the joint positions kept in the knowledge.

The figure has body volume: a head, a neck, a torso with chest and pelvis, limbs as tapered capsules
that meet at round joints, a hand and two feet. The near (working) leg is drawn in front in a deep blue,
the far leg behind it a shade lighter, so depth reads; a white rim around every part keeps the parts
apart where they overlap. A floor line, and where the knowledge asks for them a mat or a band, frame it.
A hold whose start and end look alike carries an arrow on its end picture, showing the push.

Every part is a closed outline with a fixed number of points, the same for any pose, so the screen's
moving picture can blend the start outline into the end outline with CSS keyframes (Chromium animates
the `d: path(...)` property) inside the SVG's own <style>; a visitor who asks for less motion sees the
end pose, still. The screen gets SVG (drawn into the page itself, so no picture of a visit is kept on the
server under a URL); the PDF handout gets PNG stills, drawn with Pillow from the same outlines. No fonts,
files or network either way. Knowledge text placed in an SVG is XML-escaped.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw

from glutemap.knowledge.models import Joint, Pictures, Pose, Prop, Push

BOX = 100.0  # joint coordinates live in a 100 x 100 box, y growing downward
SUPERSAMPLE = 3  # draw large, then shrink: smooth edges without an anti-aliasing library

Point = tuple[float, float]
Colour = tuple[int, int, int]
Bounds = tuple[float, float, float, float]

BACKGROUND: Colour = (255, 255, 255)
FLOOR: Colour = (120, 130, 142)
MAT: Colour = (222, 229, 236)
BODY: Colour = (62, 74, 92)
PELVIS: Colour = (40, 50, 66)
# The far leg is lighter so it reads as behind; at 3:1 against white it is still a visible shape.
FAR_LIMB: Colour = (128, 142, 160)
# The working leg is deep blue and drawn in front of everything else, so colour is never the only signal.
WORKING_LEG: Colour = (18, 84, 160)
BAND: Colour = (176, 84, 16)
ARROW: Colour = (196, 64, 12)

Part = Literal["floor", "step", "mat", "chair", "far_leg", "torso", "pelvis", "neck", "head", "near_leg", "arm", "band", "arrow"]


@dataclass(frozen=True)
class Shape:
    """One part of the picture: its closed outline in box coordinates and how it is painted.

    `line` set: the outline is drawn as a line of that width (a band), not filled. `rim`: the white
    border that separates the part from what lies behind it.
    """

    part: Part
    outline: tuple[Point, ...]
    colour: Colour
    line: float | None = None
    rim: bool = True


# Sizes in box units. The shipped poses put about 31 units between neck and hip.
HEAD_RADIUS = 4.6
NECK_RADIUS = 1.9
THIGH_RADII = (3.7, 2.5)
SHIN_RADII = (2.4, 1.6)
FOOT_RADII = (1.5, 1.1)
UPPER_ARM_RADII = (1.9, 1.5)
FOREARM_RADII = (1.5, 1.2)
HAND_RADIUS = 1.7
UPPER_ARM_SHARE = 0.46  # of the neck-to-hip length
FOREARM_SHARE = 0.42
SHOULDER_SHARE = 0.12  # how far down the torso the shoulder sits
RIM = 0.55
FLOOR_THICKNESS = 0.7
MAT_THICKNESS = 1.3
BAND_WIDTH = 0.8
ARC_STEPS = 12  # points per half circle of a capsule end

# The torso's side outline: (share of the neck-to-hip length, distance in front (+) or behind (-) the
# line from neck to hip), once round from the top of the chest over the front, the pelvis and the back.
TORSO_PROFILE: tuple[Point, ...] = (
    (-0.03, 1.6), (0.1, 4.0), (0.3, 4.6), (0.5, 4.0), (0.7, 3.8), (0.9, 4.0), (1.06, 2.8),
    (1.12, -0.5), (1.06, -4.0), (0.9, -4.5), (0.7, -3.5), (0.45, -3.5), (0.2, -3.9), (0.04, -3.0),
)
PELVIS_PROFILE: tuple[Point, ...] = (
    (0.8, 3.9), (0.92, 4.1), (1.07, 2.9), (1.13, -0.5), (1.07, -4.1), (0.92, -4.6), (0.8, -3.9),
)
SPLINE_STEPS = 4  # points per span of the smoothed torso outline


def _add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _scale(a: Point, k: float) -> Point:
    return (a[0] * k, a[1] * k)


def _length(a: Point) -> float:
    return math.hypot(a[0], a[1])


def _unit(a: Point, fallback: Point = (1.0, 0.0)) -> Point:
    length = _length(a)
    return fallback if length < 1e-9 else (a[0] / length, a[1] / length)


def _cross(a: Point, b: Point) -> float:
    return a[0] * b[1] - a[1] * b[0]


def _point(joint: Joint) -> Point:
    return (joint.x, joint.y)


def capsule(start: Point, start_radius: float, end: Point, end_radius: float) -> tuple[Point, ...]:
    """The outline of a tapered capsule: round ends of the two radii joined by straight sides.

    Always 2 * (ARC_STEPS + 1) points, whatever the ends, so two capsules can be blended point by point.
    """
    direction = _unit(_sub(end, start))
    normal_angle = math.atan2(direction[0], -direction[1])  # the direction turned a quarter back
    points: list[Point] = []
    for centre, radius, offset in ((end, end_radius, 0.0), (start, start_radius, math.pi)):
        for step in range(ARC_STEPS + 1):
            angle = normal_angle - offset - math.pi * step / ARC_STEPS
            points.append((centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)))
    return tuple(points)


def _smooth_closed(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """A closed Catmull-Rom curve through the points, as SPLINE_STEPS points per span."""
    smooth: list[Point] = []
    count = len(points)
    for index in range(count):
        p0, p1, p2, p3 = (points[(index + shift) % count] for shift in (-1, 0, 1, 2))
        for step in range(SPLINE_STEPS):
            t = step / SPLINE_STEPS
            t2, t3 = t * t, t * t * t
            smooth.append(tuple(  # type: ignore[arg-type]
                0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
                for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
            ))
    return tuple(smooth)


def facing(pose: Pose) -> float:
    """+1 or -1: which side of a limb is its front, read from the working foot.

    A foot points to the front of its shin, and in a side view the front lies on the same side of every
    limb walked from the body outward; so the turn from shin to foot tells the side for the whole figure.
    """
    turn = _cross(_sub(_point(pose.ankle), _point(pose.knee)), _sub(_point(pose.toe), _point(pose.ankle)))
    return 1.0 if turn >= 0 else -1.0


def _front(direction: Point, side: float) -> Point:
    """The unit vector across `direction` on the front side."""
    x, y = _unit(direction)
    return (-y * side, x * side)


def elbow(shoulder: Point, hand: Point, upper: float, fore: float, side: float) -> Point:
    """Where the elbow sits for an arm of these lengths reaching the hand; it bends so the forearm folds forward."""
    reach = _sub(hand, shoulder)
    distance = _length(reach)
    direction = _unit(reach)
    if distance >= upper + fore:
        return _add(shoulder, _scale(direction, distance * upper / (upper + fore)))
    distance = max(distance, abs(upper - fore) + 1e-6)
    along = (upper * upper - fore * fore + distance * distance) / (2 * distance)
    across = math.sqrt(max(upper * upper - along * along, 0.0))
    # The elbow sits behind the line from shoulder to hand, which is the side opposite the front.
    behind = _front(direction, -side)
    return _add(_add(shoulder, _scale(direction, along)), _scale(behind, across))


def _torso_outline(neck: Point, hip: Point, side: float, profile: tuple[Point, ...]) -> tuple[Point, ...]:
    axis = _sub(hip, neck)
    front = _front(axis, side)
    return _smooth_closed(tuple(_add(_add(neck, _scale(axis, share)), _scale(front, offset)) for share, offset in profile))


def _leg(hip: Point, knee: Point, ankle: Point, toe: Point) -> tuple[tuple[Point, ...], ...]:
    heel = _add(ankle, _scale(_sub(ankle, toe), 0.22))
    return (
        capsule(hip, THIGH_RADII[0], knee, THIGH_RADII[1]),
        capsule(knee, SHIN_RADII[0], ankle, SHIN_RADII[1]),
        capsule(heel, FOOT_RADII[0], toe, FOOT_RADII[1]),
    )


def _other_toe(pose: Pose) -> Point:
    """The far foot, which the knowledge does not place: the working foot's shape, turned with the far shin.

    So the ankles bend alike: both feet flat when standing, both pointed when up on the toes.
    """
    shin = _sub(_point(pose.ankle), _point(pose.knee))
    other_shin = _sub(_point(pose.other_ankle), _point(pose.other_knee))
    turn = math.atan2(other_shin[1], other_shin[0]) - math.atan2(shin[1], shin[0])
    foot = _sub(_point(pose.toe), _point(pose.ankle))
    turned = (foot[0] * math.cos(turn) - foot[1] * math.sin(turn), foot[0] * math.sin(turn) + foot[1] * math.cos(turn))
    return _add(_point(pose.other_ankle), turned)


def _rectangle(left: float, top: float, right: float, bottom: float) -> tuple[Point, ...]:
    return ((left, top), (right, top), (right, bottom), (left, bottom))


def figure(pose: Pose, props: tuple[Prop, ...] = ()) -> tuple[Shape, ...]:
    """The figure's parts, back to front: far leg, torso, pelvis, neck, head, near leg, arm, and a band if asked.

    The same props give the same parts with the same number of points for every pose.
    """
    side = facing(pose)
    neck, hip = _point(pose.neck), _point(pose.hip)
    head = _point(pose.head)
    torso_length = _length(_sub(hip, neck))
    shoulder = _add(neck, _scale(_sub(hip, neck), SHOULDER_SHARE))
    hand = _point(pose.hand)
    upper, fore = UPPER_ARM_SHARE * torso_length, FOREARM_SHARE * torso_length
    bend = _point(pose.elbow) if pose.elbow is not None else elbow(shoulder, hand, upper, fore, side)
    shapes: list[Shape] = []
    far_leg = _leg(hip, _point(pose.other_knee), _point(pose.other_ankle), _other_toe(pose))
    shapes += [Shape("far_leg", outline, FAR_LIMB) for outline in far_leg]
    shapes.append(Shape("torso", _torso_outline(neck, hip, side, TORSO_PROFILE), BODY))
    shapes.append(Shape("pelvis", _torso_outline(neck, hip, side, PELVIS_PROFILE), PELVIS))
    neck_top = _add(head, _scale(_unit(_sub(neck, head)), HEAD_RADIUS * 0.5))
    neck_base = _add(neck, _scale(_unit(_sub(hip, neck)), 1.5))
    shapes.append(Shape("neck", capsule(neck_top, NECK_RADIUS, neck_base, NECK_RADIUS), BODY))
    shapes.append(Shape("head", capsule(head, HEAD_RADIUS, head, HEAD_RADIUS), BODY))
    near_leg = _leg(hip, _point(pose.knee), _point(pose.ankle), _point(pose.toe))
    shapes += [Shape("near_leg", outline, WORKING_LEG) for outline in near_leg]
    shapes += [
        Shape("arm", capsule(shoulder, UPPER_ARM_RADII[0], bend, UPPER_ARM_RADII[1]), BODY),
        Shape("arm", capsule(bend, FOREARM_RADII[0], hand, FOREARM_RADII[1]), BODY),
        Shape("arm", capsule(hand, HAND_RADIUS, hand, HAND_RADIUS), BODY),
    ]
    if "band" in props:
        shapes.append(_band(pose))
    return tuple(shapes)


def _band(pose: Pose) -> Shape:
    """A loop around both thighs just above the knees."""
    hip = _point(pose.hip)
    near = _add(hip, _scale(_sub(_point(pose.knee), hip), 0.8))
    far = _add(hip, _scale(_sub(_point(pose.other_knee), hip), 0.8))
    radius = THIGH_RADII[1] + 0.9
    return Shape("band", capsule(near, radius, far, radius), BAND, line=BAND_WIDTH, rim=False)


ARROW_LENGTH = 11.0
ARROW_GAP = 3.5  # from the joint to the arrow's tail: clear of the limb's surface
ARROW_SHAFT = 0.9  # half widths
ARROW_HEAD = 2.6
ARROW_HEAD_LENGTH = 4.0


def push_arrow(pose: Pose, push: Push) -> Shape:
    """An arrow beside the pushing joint, pointing the way the hold pushes."""
    joint = _point(getattr(pose, push.joint))
    direction = _unit(_sub(_point(push.toward), joint), fallback=(0.0, -1.0))
    across = (-direction[1], direction[0])
    tail = _add(joint, _scale(direction, ARROW_GAP))
    tip = _add(tail, _scale(direction, ARROW_LENGTH))
    neck = _sub(tip, _scale(direction, ARROW_HEAD_LENGTH))
    outline = (
        _add(tail, _scale(across, ARROW_SHAFT)), _add(neck, _scale(across, ARROW_SHAFT)), _add(neck, _scale(across, ARROW_HEAD)),
        tip,
        _sub(neck, _scale(across, ARROW_HEAD)), _sub(neck, _scale(across, ARROW_SHAFT)), _sub(tail, _scale(across, ARROW_SHAFT)),
    )
    return Shape("arrow", outline, ARROW)


STEP_HEIGHT = 8.0
STEP_OVERHANG = 3.0  # how far the step reaches past the heel and the toes of a foot standing on it
CHAIR_SEAT = 2.0
CHAIR_DROP = 3.8  # from the hip joint down to the seat
CHAIR_LEG = 0.9
CHAIR_BACK = 16.0


def _ground(pose: Pose, props: tuple[Prop, ...]) -> float:
    """Where the floor line lies: at floor_y, or a step's height below it when the figure stands on a step."""
    return pose.floor_y + (STEP_HEIGHT if "step" in props else 0.0)


def _step_span(start: Pose, end: Pose) -> tuple[float, float]:
    """The step's left and right edge, under the working foot of the start pose.

    A heel that dips below the step's top in either pose hangs over the edge: the step then ends under
    the ball of the foot and reaches forward.
    """
    ankle, toe = _point(start.ankle), _point(start.toe)
    forward = 1.0 if toe[0] >= ankle[0] else -1.0
    heel_hangs = any(pose.ankle.y > pose.floor_y - 0.5 for pose in (start, end))
    back = ankle[0] + 0.6 * (toe[0] - ankle[0]) if heel_hangs else ankle[0] - forward * STEP_OVERHANG
    front = toe[0] + forward * (4 * STEP_OVERHANG if heel_hangs else STEP_OVERHANG)
    return (min(back, front), max(back, front))


def scenery(pictures: Pictures, view: Bounds) -> tuple[Shape, ...]:
    """What stays still behind the figure: the floor, and the mat, step or chair the pictures ask for."""
    start, props = pictures.start, pictures.props
    left, _, right, _ = view
    top, ground = start.floor_y, _ground(start, props)
    shapes = [Shape("floor", _rectangle(left, ground, right, ground + FLOOR_THICKNESS), FLOOR, rim=False)]
    if "step" in props:
        step_left, step_right = _step_span(start, pictures.end)
        shapes.append(Shape("step", _rectangle(step_left, top, step_right, ground), MAT, rim=False))
        shapes.append(Shape("step", _rectangle(step_left, top, step_right, top + FLOOR_THICKNESS), FLOOR, rim=False))
    if "mat" in props:
        shapes.append(Shape("mat", _rectangle(left + 2, top - MAT_THICKNESS, right - 2, top), MAT, rim=False))
    if "chair" in props:
        shapes += _chair(start)
    return tuple(shapes)


def _chair(pose: Pose) -> tuple[Shape, ...]:
    """A plain chair whose seat is under the pelvis and whose back is behind it."""
    hip = _point(pose.hip)
    forward = 1.0 if pose.knee.x >= pose.hip.x else -1.0  # a seated thigh points forward
    seat = hip[1] + CHAIR_DROP
    back_x, front_x = hip[0] - forward * 7.0, hip[0] + forward * 9.0
    low, high = min(back_x, front_x), max(back_x, front_x)
    half = CHAIR_LEG / 2
    return (
        Shape("chair", _rectangle(low, seat, high, seat + CHAIR_SEAT), FLOOR, rim=False),
        Shape("chair", _rectangle(back_x - half, seat - CHAIR_BACK, back_x + half, pose.floor_y), FLOOR, rim=False),
        Shape("chair", _rectangle(front_x - half, seat, front_x + half, pose.floor_y), FLOOR, rim=False),
    )


MARGIN = 4.0
MIN_HEIGHT = 40.0  # in box units: flat lying poses still get some sky above them


def bounds(*poses: Pose, push: Push | None = None, props: tuple[Prop, ...] = ()) -> Bounds:
    """The part of the box (left, top, right, bottom) showing the poses, their floor and push arrow, with a margin."""
    points: list[Point] = []
    for pose in poses:
        for shape in figure(pose, props):
            points += shape.outline
        if push is not None:
            points += push_arrow(pose, push).outline
        points.append((pose.head.x, _ground(pose, props) + FLOOR_THICKNESS))
    xs, ys = [x for x, _ in points], [y for _, y in points]
    left, right = max(min(xs) - MARGIN, 0.0), min(max(xs) + MARGIN, BOX)
    top, bottom = max(min(ys) - MARGIN, 0.0), min(max(ys) + MARGIN / 2, BOX)
    if bottom - top < MIN_HEIGHT:
        top = max(bottom - MIN_HEIGHT, 0.0)
    return (left, top, right, bottom)


def _view(pictures: Pictures) -> Bounds:
    return bounds(pictures.start, pictures.end, push=pictures.push, props=pictures.props)


def picture_shapes(pictures: Pictures) -> tuple[tuple[Shape, ...], tuple[Shape, ...], Bounds]:
    """The start and end pictures' parts in one shared frame, back to front; the end carries a hold's push arrow."""
    view = _view(pictures)
    still = scenery(pictures, view)
    start = still + figure(pictures.start, pictures.props)
    end = still + figure(pictures.end, pictures.props)
    if pictures.push is not None:
        end += (push_arrow(pictures.end, pictures.push),)
    return start, end, view


def display_width(pictures: Pictures, height: int) -> int:
    """The width in pixels at which the pictures stand `height` pixels tall."""
    left, top, right, bottom = _view(pictures)
    return round(height * (right - left) / (bottom - top))


# PNG for the handout ------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def render_pictures_png(pictures: Pictures, width: int = 360) -> tuple[bytes, bytes]:
    """Start and end stills as PNG images `width` pixels wide, at the same scale and framing."""
    start, end, view = picture_shapes(pictures)
    return _png(start, view, width), _png(end, view, width)


def _png(shapes: tuple[Shape, ...], view: Bounds, width: int) -> bytes:
    left, top, right, bottom = view
    scale = width * SUPERSAMPLE / (right - left)
    height = round((bottom - top) * width / (right - left))
    image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        points = [((x - left) * scale, (y - top) * scale) for x, y in shape.outline]
        if shape.line is not None:
            draw.line([*points, points[0], points[1]], fill=shape.colour, width=max(1, round(shape.line * scale)), joint="curve")
            continue
        if shape.rim:
            draw.polygon(points, fill=BACKGROUND, outline=BACKGROUND, width=max(1, round(2 * RIM * scale)))
        draw.polygon(points, fill=shape.colour)
    small = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# SVG for the screen --------------------------------------------------------------------------------------


def _hex(colour: Colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def _path(outline: tuple[Point, ...]) -> str:
    """The outline as SVG path data: one move, straight lines, closed; the same commands for every pose."""
    first, *rest = outline
    return f"M{first[0]:.1f} {first[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest) + "Z"


def _paint(shape: Shape) -> str:
    if shape.line is not None:
        return f'fill="none" stroke="{_hex(shape.colour)}" stroke-width="{shape.line:g}" stroke-linejoin="round"'
    if shape.rim:
        # The rim is painted first and the fill over it, so only its outer half shows.
        return (
            f'fill="{_hex(shape.colour)}" stroke="{_hex(BACKGROUND)}" stroke-width="{2 * RIM:g}" '
            'stroke-linejoin="round" paint-order="stroke"'
        )
    return f'fill="{_hex(shape.colour)}"'


def _svg(view: Bounds, title: str, body: str, style: str = "") -> str:
    left, top, right, bottom = view
    width, height = right - left, bottom - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
        f'role="img"><title>{escape(title)}</title>{style}'
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{_hex(BACKGROUND)}"/>'
        f"{body}</svg>"
    )


def _still(shapes: tuple[Shape, ...], view: Bounds, title: str) -> str:
    return _svg(view, title, "".join(f'<path d="{_path(shape.outline)}" {_paint(shape)}/>' for shape in shapes))


@lru_cache(maxsize=64)
def render_pictures_svg(pictures: Pictures) -> tuple[str, str]:
    """Start and end stills as SVG at the same scale and framing, each titled with its description."""
    start, end, view = picture_shapes(pictures)
    return _still(start, view, pictures.alt_start), _still(end, view, pictures.alt_end)


SECONDS_PER_LOOP = 2.8
# Out from the start, a short pause at the end pose, back, and a short pause at the start.
MOTION_TIMING = "ease-in-out"


@lru_cache(maxsize=64)
def render_motion_svg(pictures: Pictures, title: str) -> str:
    """One SVG that moves from the start pose to the end pose and back, looping, titled `title`.

    Parts that move carry CSS keyframes of their outline; the push arrow of a hold nudges the way it
    pushes. With `prefers-reduced-motion: reduce` nothing moves and the end pose (with its arrow) shows.
    """
    start, end, view = picture_shapes(pictures)
    rules: list[str] = []
    paths: list[str] = []
    for index, (before, after) in enumerate(zip(start, end, strict=False)):
        first, last = _path(before.outline), _path(after.outline)
        name = f"p{index}"
        if first != last:
            rules.append(
                f'@keyframes {name}{{0%,12%{{d:path("{first}")}}50%,62%{{d:path("{last}")}}100%{{d:path("{first}")}}}}'
                f".{name}{{animation:{name} {SECONDS_PER_LOOP:g}s {MOTION_TIMING} infinite}}"
            )
            paths.append(f'<path class="{name}" d="{last}" {_paint(after)}/>')
        else:
            paths.append(f'<path d="{last}" {_paint(after)}/>')
    if pictures.push is not None:
        arrow = end[-1]
        direction = _unit(_sub(_point(pictures.push.toward), _point(getattr(pictures.end, pictures.push.joint))))
        back = _scale(direction, -2.0)
        rules.append(
            f"@keyframes push{{0%,12%{{transform:translate({back[0]:.1f}px,{back[1]:.1f}px);opacity:.35}}"
            "50%,62%{transform:translate(0,0);opacity:1}"
            f"100%{{transform:translate({back[0]:.1f}px,{back[1]:.1f}px);opacity:.35}}}}"
            f".push{{animation:push {SECONDS_PER_LOOP:g}s {MOTION_TIMING} infinite}}"
        )
        paths.append(f'<path class="push" d="{_path(arrow.outline)}" {_paint(arrow)}/>')
    rules.append("@media (prefers-reduced-motion: reduce){path{animation:none!important}}")
    return _svg(view, title, "".join(paths), f"<style>{''.join(rules)}</style>")
