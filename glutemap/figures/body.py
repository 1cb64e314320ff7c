"""The body map's geometry: our own drawn outline and one tap target per region and side, for each view.

Pure data and arithmetic, no Streamlit. Coordinates are SVG user units (x right, y down) in a box
`VIEW_WIDTH` wide; each view has its own height. The figure is drawn at about 4 units per centimetre of a
170 cm adult, so a view is as wide as the body with its arms hanging. Left/right is always the person's own
side: on the front view the person's right is drawn on the viewer's left, on the back view the person's
left is on the viewer's left, and each side view shows one named side.

The outline is a set of smooth closed curves: knots run through a centripetal Catmull-Rom spline and come
out as cubic Bézier path data (`BodyView.paths`); the same curves sampled finely are the `outline`
polygons that the arithmetic uses. Tap targets are built inside the sampled outline, one horizontal line at
a time, and the drawing also clips them to the outline's curves, so every area follows the body's edge.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Literal

from glutemap import strings
from glutemap.knowledge.models import Region

Point = tuple[float, float]
Polygon = tuple[Point, ...]
Side = Literal["left", "right", "none"]
KnowledgeView = Literal["front", "back", "side"]

VIEWS: tuple[str, ...] = ("front", "back", "side_left", "side_right")
VIEW_WIDTH = 200.0
MIDLINE = VIEW_WIDTH / 2
SIDE_SUFFIX: dict[str, str] = {"left": "_l", "right": "_r", "none": ""}


@dataclass(frozen=True)
class TapTarget:
    """One tappable area: the tap id (base id plus `_l`/`_r`), its base region, the person's side, its shape."""

    id: str
    base_id: str
    side: Side
    points: Polygon


@dataclass(frozen=True)
class ViewLabel:
    """A fixed caption drawn on a view, such as "Your left", with its anchor point."""

    text: str
    x: float
    y: float
    anchor: Literal["start", "middle", "end"]


@dataclass(frozen=True)
class BodyView:
    """Everything drawn for one view.

    `paths` are the outline's closed curves as SVG path data (cubic Béziers) and `outline` the same curves
    as sampled polygons, in the same order; `details` are curves drawn lightly inside the body (knee
    caps, shoulder blades, an ear) that nobody taps. `in_front` holds the indices of outline shapes that
    lie in front of the others (the near arm of a side view): they are drawn filled, above the body's line.
    `landmarks` name points of the drawing (head, neck, hands, feet; on a side view the nose, buttock and
    calf), each side named as the person's own.
    """

    key: str
    title: str
    height: float
    outline: tuple[Polygon, ...]
    targets: tuple[TapTarget, ...]
    labels: tuple[ViewLabel, ...]
    paths: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    in_front: tuple[int, ...] = ()
    landmarks: tuple[tuple[str, Point], ...] = ()


# --- smooth curves -------------------------------------------------------------------------------------------

# A knot is (x, y), or (x, y, True) for a corner where the curve may turn sharply (armpit, crotch).
Knot = tuple[float, float] | tuple[float, float, bool]
Bezier = tuple[Point, Point, Point, Point]  # start, first control, second control, end
_SAMPLES_PER_CURVE = 10


def _distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def _controls(p0: Point, p1: Point, p2: Point, p3: Point) -> tuple[Point, Point]:
    """Bézier control points of the centripetal Catmull-Rom piece from p1 to p2 (no loops, no overshoot)."""
    a01, a12, a23 = (_distance(p, q) ** 0.5 for p, q in ((p0, p1), (p1, p2), (p2, p3)))
    b01, b12, b23 = a01 * a01, a12 * a12, a23 * a23
    c1, c2 = p1, p2
    if a01 > 1e-6:
        a, n = 2 * b01 + 3 * a01 * a12 + b12, 3 * a01 * (a01 + a12)
        c1 = ((p1[0] * a - p0[0] * b12 + p2[0] * b01) / n, (p1[1] * a - p0[1] * b12 + p2[1] * b01) / n)
    if a23 > 1e-6:
        b, m = 2 * b23 + 3 * a23 * a12 + b12, 3 * a23 * (a23 + a12)
        c2 = ((p2[0] * b + p1[0] * b23 - p3[0] * b12) / m, (p2[1] * b + p1[1] * b23 - p3[1] * b12) / m)
    return c1, c2


def _curves(knots: Sequence[Knot], closed: bool = True) -> list[Bezier]:
    """The spline through the knots as cubic Bézier pieces; a corner knot breaks the curve's direction."""
    points = [(float(k[0]), float(k[1])) for k in knots]
    corner = [len(k) > 2 for k in knots]
    count = len(points)
    pieces: list[Bezier] = []
    for i in range(count if closed else count - 1):
        j = (i + 1) % count
        p1, p2 = points[i], points[j]
        open_start, open_end = not closed and i == 0, not closed and j == count - 1
        p0 = p1 if corner[i] or open_start else points[i - 1]
        p3 = p2 if corner[j] or open_end else points[(j + 1) % count]
        c1, c2 = _controls(p0, p1, p2, p3)
        pieces.append((p1, c1, c2, p2))
    return pieces


def _fmt(point: Point) -> str:
    return f"{point[0]:.1f} {point[1]:.1f}".replace(".0 ", " ").removesuffix(".0")


def _path_data(pieces: Sequence[Bezier], closed: bool = True) -> str:
    """SVG path data: a move, one `C` (cubic Bézier) per piece, and `Z` when closed."""
    data = "M" + _fmt(pieces[0][0]) + "".join(f"C{_fmt(c1)} {_fmt(c2)} {_fmt(end)}" for _, c1, c2, end in pieces)
    return data + ("Z" if closed else "")


def _sample(pieces: Sequence[Bezier]) -> Polygon:
    """Points along the curve (the last point of a closed curve is not repeated)."""
    points: list[Point] = []
    for (x0, y0), (x1, y1), (x2, y2), (x3, y3) in pieces:
        for step in range(_SAMPLES_PER_CURVE):
            t = step / _SAMPLES_PER_CURVE
            u = 1 - t
            points.append((
                round(u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3, 2),
                round(u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3, 2),
            ))  # fmt: skip
    return tuple(points)


@dataclass(frozen=True)
class _Shape:
    """One closed outline curve: its path data and its sampled polygon."""

    path: str
    points: Polygon


def _shape(knots: Sequence[Knot]) -> _Shape:
    pieces = _curves(knots)
    return _Shape(_path_data(pieces), _sample(pieces))


def _line(knots: Sequence[Knot]) -> str:
    """Path data of an open smooth curve (a detail line)."""
    return _path_data(_curves(knots, closed=False), closed=False)


def _flip_knots(knots: Sequence[Knot]) -> list[Knot]:
    """The knots reflected about the vertical midline."""
    return [(round(VIEW_WIDTH - k[0], 2), *k[1:]) for k in knots]


def _symmetric_knots(half: Sequence[Knot]) -> list[Knot]:
    """A closed outline from its viewer's-left half, which runs from one midline point to another."""
    other = _flip_knots(list(reversed(half[1:-1])))
    return [*half, *other]


def _mirror(polygon: Polygon) -> Polygon:
    """The same shape reflected about the vertical midline (points reversed to keep the winding)."""
    return tuple((round(VIEW_WIDTH - x, 2), y) for x, y in reversed(polygon))


# --- building areas inside an outline, one horizontal line at a time -----------------------------------------

Split = Callable[[float, float, float], float | None]
"""A boundary inside the body: given y and the body's span (left x, right x) there, an x, or None for no limit."""


def _crossings(polygon: Polygon, y: float) -> list[float]:
    xs: list[float] = []
    count = len(polygon)
    for i in range(count):
        (x0, y0), (x1, y1) = polygon[i], polygon[(i + 1) % count]
        if (y0 > y) != (y1 > y):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return sorted(xs)


def span(polygon: Polygon, y: float, near_x: float) -> tuple[float, float] | None:
    """The stretch of the shape's inside on the horizontal line at `y` that holds `near_x` (None if outside)."""
    xs = _crossings(polygon, y)
    for left, right in zip(xs[::2], xs[1::2], strict=False):
        if left <= near_x <= right:
            return left, right
    return None


def _at_x(x: float) -> Split:
    return lambda _y, _left, _right: x


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def _slopes(knots: Sequence[tuple[float, float]]) -> list[float]:
    """Fritsch-Carlson slopes: a smooth curve through the knots that never overshoots them."""
    secants = [(p1 - p0) / (y1 - y0) for (y0, p0), (y1, p1) in pairwise(knots)]
    slopes = [secants[0], *((a + b) / 2 if a * b > 0 else 0.0 for a, b in pairwise(secants)), secants[-1]]
    for i, secant in enumerate(secants):
        if secant == 0:
            slopes[i] = slopes[i + 1] = 0.0
            continue
        a, b = slopes[i] / secant, slopes[i + 1] / secant
        if a * a + b * b > 9:
            scale = 3 / math.hypot(a, b)
            slopes[i], slopes[i + 1] = scale * a * secant, scale * b * secant
    return slopes


def _across(*knots: tuple[float, float], absolute: bool = False, eased: bool = False) -> Split:
    """A boundary that moves across the span (or, if `absolute`, across the drawing) through (y, position) knots.

    It is a smooth curve through the knots (two knots give a straight line, or a gentle S-curve when
    `eased`); above the first knot and below the last it sets no limit.
    """
    slopes = _slopes(knots)

    def split(y: float, left: float, right: float) -> float | None:
        if y < knots[0][0] or y > knots[-1][0]:
            return None
        for i, ((y0, p0), (y1, p1)) in enumerate(pairwise(knots)):
            if y <= y1:
                h = y1 - y0
                t = (y - y0) / h if h > 0 else 1.0
                if eased:
                    position = p0 + (p1 - p0) * _ease(t)
                else:
                    position = (
                        (2 * t**3 - 3 * t**2 + 1) * p0 + (t**3 - 2 * t**2 + t) * h * slopes[i]
                        + (-2 * t**3 + 3 * t**2) * p1 + (t**3 - t**2) * h * slopes[i + 1]
                    )  # fmt: skip
                return position if absolute else left + (right - left) * position
        return None

    return split


def _simplify(points: list[Point], tolerance: float = 0.12) -> list[Point]:
    """Ramer-Douglas-Peucker: drop points that lie within `tolerance` of the line through their neighbours."""
    if len(points) < 3:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1e-9
    worst, index = 0.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        gap = abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length
        if gap > worst:
            worst, index = gap, i
    if worst <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[: index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)


def _area(
    body: Polygon,
    y0: float,
    y1: float,
    near_x: float,
    lefts: Iterable[Split] = (),
    rights: Iterable[Split] = (),
    step: float = 1.0,
) -> Polygon:
    """The part of the body between y0 and y1, on the stretch holding `near_x`, inside every split.

    Each `lefts` split is a boundary the area stays right of, each `rights` one it stays left of.
    """
    left_splits, right_splits = list(lefts), list(rights)
    rows: list[tuple[float, float, float]] = []
    count = max(2, math.ceil((y1 - y0) / step) + 1)
    for i in range(count):
        y = y0 + (y1 - y0) * i / (count - 1)
        stretch = span(body, y, near_x)
        if stretch is None:
            continue
        left, right = stretch
        low = max([left, *(x for split in left_splits if (x := split(y, left, right)) is not None)])
        high = min([right, *(x for split in right_splits if (x := split(y, left, right)) is not None)])
        if high - low > 0.05:
            rows.append((y, low, high))
    left_edge = _simplify([(round(low, 2), round(y, 2)) for y, low, _ in rows])
    right_edge = _simplify([(round(high, 2), round(y, 2)) for y, _, high in reversed(rows)])
    return tuple(left_edge + right_edge)


# --- the front and back outline: one half drawn, mirrored --------------------------------------------------

_HEAD: list[Knot] = [
    (100, 24), (84, 27), (73, 37), (68, 52), (67, 65),
    (64, 67.5), (62.8, 75), (64.2, 85), (67.2, 88.5),  # ear
    (69.5, 97), (73, 105), (77, 111, True),  # jaw to where the neck comes out from under it
]  # fmt: skip
_NECK_AND_SHOULDER: list[Knot] = [
    (78.2, 120), (77.6, 130), (70, 138.5), (54, 144), (35, 148.5), (23, 156), (16.5, 170),
]  # fmt: skip
_ARM: list[Knot] = [
    (13.5, 196), (12, 236), (11, 276), (8.5, 316), (6.5, 352), (5.8, 376),  # outer arm down to the wrist
    (4.2, 394), (3.6, 414), (4.6, 434), (7.4, 449), (12, 457.5), (17, 457), (20.5, 449),  # hand to fingertips
    (22.3, 436), (23.4, 424), (25.5, 421), (27.4, 415), (27.8, 400), (27.2, 386),  # fingers, thumb, wrist
    (30.5, 352), (34.5, 318), (38.5, 288), (39.5, 258), (39, 228), (40.2, 204), (43, 193, True),  # inner arm
]  # fmt: skip
_TRUNK: list[Knot] = [
    (42.2, 212), (42.6, 238), (44.6, 264), (46.2, 286), (42.4, 312), (36, 338), (32.2, 362),
]  # fmt: skip
_LEG_OUTER: list[Knot] = [
    (32, 390), (34, 430), (39, 470), (43, 496), (44.5, 514), (44, 532), (42.5, 550), (41.8, 572),
    (44.5, 604), (50, 638), (54.5, 662),
]  # fmt: skip
_LEG_INNER: list[Knot] = [
    (85.5, 658), (88, 640), (92, 604), (93.8, 570), (92, 544), (90.5, 528), (91.3, 510), (92.6, 490),
    (93, 462), (95, 420), (97, 397), (100, 391, True),
]  # fmt: skip
# Feet turned a little outward, as people stand; seen from the front the top of the foot shows.
_FRONT_FOOT: list[Knot] = [
    (53.6, 676), (50.5, 688), (45, 702), (40.5, 715), (40.5, 724), (46, 730), (56, 733), (67, 732.5),
    (76, 729), (82.5, 721), (86.5, 707), (88.4, 692), (88.3, 678),
]  # fmt: skip
_BACK_FOOT: list[Knot] = [
    (53.5, 676), (49, 688), (44, 698), (46, 705), (56, 709), (68, 710), (80, 706), (86, 694),
    (87, 680), (86.5, 668),
]  # fmt: skip


def _figure(foot: Sequence[Knot]) -> _Shape:
    half = [*_HEAD, *_NECK_AND_SHOULDER, *_ARM, *_TRUNK, *_LEG_OUTER, *foot, *_LEG_INNER]
    return _shape(_symmetric_knots(half))


_FRONT = _figure(_FRONT_FOOT)
_BACK = _figure(_BACK_FOOT)


def _mirrored_lines(*lines: Sequence[Knot]) -> list[str]:
    """Detail lines of the viewer's left half, each with its mirror image."""
    return [path for knots in lines for path in (_line(knots), _line(_flip_knots(knots)))]


def _closed(knots: Sequence[Knot]) -> str:
    return _shape(knots).path


def _oval(cx: float, cy: float, rx: float, ry: float) -> list[Knot]:
    return [(round(cx + rx * math.sin(i * math.pi / 4), 2), round(cy - ry * math.cos(i * math.pi / 4), 2)) for i in range(8)]


_FRONT_DETAILS: tuple[str, ...] = (
    *_mirrored_lines([(94, 146), (84, 144.5), (70, 146), (58, 149)]),  # collarbones
    _closed(_oval(68, 508, 6.5, 9)),  # knee caps
    _closed(_oval(132, 508, 6.5, 9)),
    *_mirrored_lines(*([(x, 727), (x - 0.5, 730.5)] for x in (50, 56.5, 63, 70.5))),  # toes
    _line([(100, 295), (98.7, 300), (100, 305)]),  # navel
)
_BACK_DETAILS: tuple[str, ...] = (
    _line([(100, 140), (100, 232)]),  # spine, down to the lumbar area
    *_mirrored_lines(
        [(84, 170), (83.5, 188), (80, 202), (74, 210)],  # inner edge of the shoulder blade
        [(60, 528), (68, 531), (76, 528)],  # back of the knee
    ),
)


# --- side view: a profile facing the viewer's left, mirrored for the right side -------------------------------

_PROFILE: list[Knot] = [
    (112, 24), (94, 27), (82, 36), (77, 48), (76.2, 58), (76.9, 63.5), (76.3, 68), (72.8, 75.5), (68.4, 82.6),
    (69.4, 86.2), (73.8, 88), (74.2, 91.5), (73.4, 95.5), (74.5, 99.5), (75.8, 103), (74.8, 108),
    (77.4, 112.8), (83.5, 116.8), (90, 120, True), (89.6, 128), (88, 138), (84.5, 147), (77, 159), (71, 174),
    (68.5, 192), (71, 218), (70.5, 246), (68.5, 276), (70, 306), (75, 340),
    (80, 366), (79, 384), (77, 410), (79, 450), (83, 490), (86.5, 508), (86.5, 526), (88, 546),
    (89.5, 580), (92, 622), (95, 652), (94.5, 668), (86, 680), (66, 692), (44, 701), (33, 706),
    (32, 712), (40, 714), (126, 714), (134, 708), (134, 694), (127, 672), (124, 650), (127, 622),
    (134, 592), (137.5, 566), (134, 540), (129, 522), (131, 500), (137, 470), (141, 440),
    (146, 410), (152, 392), (155.5, 372), (155, 350), (150, 328), (141, 302), (140, 280),
    (143, 250), (147, 220), (149, 190), (146, 166), (137, 150), (129, 139), (126.5, 127),
    (131, 117), (140, 103), (145.5, 84), (146, 60), (141, 40), (129, 28),
]  # fmt: skip
# The near arm bent, its hand resting on the belly, so the side of the hip and thigh stay in view.
_PROFILE_ARM: list[Knot] = [
    (110, 143), (124, 144), (133, 152), (136.5, 176), (136, 214), (137, 244), (138, 266), (133.5, 282),
    (123, 290), (104, 291), (90, 290), (81, 290.5), (73, 295), (67.5, 298.5), (63.5, 296), (62.8, 288),
    (63.6, 279), (66.8, 271), (73, 266.5), (82, 265), (94, 262), (106, 257, True), (103.5, 226),
    (100, 192), (101, 162),
]  # fmt: skip
_PROFILE_DETAILS: list[list[Knot]] = [
    [(74, 268), (70, 275), (69, 283)],  # thumb over the fingers
    [(124, 66), (128, 62), (131, 70), (130, 80), (126, 88)],  # ear
    [(83, 66), (88, 67)],  # eye
]
_PROFILE_ANKLE_BONE: list[Knot] = _oval(112, 664, 3.2, 3.6)


def _profile_details(flipped: bool) -> tuple[str, ...]:
    """The side view's detail lines, for a profile facing the viewer's left (or, `flipped`, right)."""

    def place(knots: Sequence[Knot]) -> list[Knot]:
        return _flip_knots(knots) if flipped else list(knots)

    return (*(_line(place(knots)) for knots in _PROFILE_DETAILS), _closed(place(_PROFILE_ANKLE_BONE)))


# --- tap targets ---------------------------------------------------------------------------------------------


def _front_targets() -> list[tuple[str, Polygon]]:
    """Front-view targets of the viewer's left half (the person's right), by base id.

    Below the knee the leg is too narrow for two areas side by side, so the inner (medial) and front
    (anterior) areas take turns down the leg, each as wide as the leg somewhere: the inner knee just
    under the kneecap, the front of the shin down the outer side, the inner shin above the ankle, the
    inner ankle on the inner side of the foot and the top of the foot towards the toes.
    """
    body = _FRONT.points
    x = 60.0
    inguinal = _across((322, 36), (372, 92), absolute=True)
    thigh_split = _across((404, 0.4), (452, 0.58), (490, 1.0))
    knee_split = _across((526, 0.0), (554, 0.36), (584, 1.0))
    shin_split = _across((584, 1.0), (614, 0.38), (638, 0.0))
    foot_split = _across((676, 0.0), (734, 0.98))
    return [
        ("hip_anterior", _area(body, 322, 404, x, rights=[inguinal, _at_x(92)])),
        ("thigh_medial", _area(body, 404, 490, x, lefts=[thigh_split])),
        ("thigh_anterior", _area(body, 404, 490, x, rights=[thigh_split])),
        ("knee_anterior", _area(body, 490, 526, x)),
        ("knee_medial", _area(body, 526, 584, x, lefts=[knee_split])),
        ("shin_anterior", _area(body, 526, 638, x, rights=[knee_split, shin_split])),
        ("shin_medial", _area(body, 584, 642, x, lefts=[shin_split])),
        ("ankle_anterior", _area(body, 642, 678, x)),
        ("ankle_medial", _area(body, 678, 734, x, lefts=[foot_split])),
        ("foot_dorsum", _area(body, 678, 734, x, rights=[foot_split])),
    ]


_SPINE_HALF_WIDTH = 14.0
_SPINE_EDGE = MIDLINE - _SPINE_HALF_WIDTH
_SACRUM_TOP_Y = 292.0
_SACRUM_APEX_Y = 382.0


def _sacrum_edge(sign: float) -> Split:
    """One side of the sacrum: straight down from the spine's edge, then in to the tip above the cleft."""
    edge = MIDLINE + sign * _SPINE_HALF_WIDTH
    return _across((_SACRUM_TOP_Y, edge), (318, edge), (_SACRUM_APEX_Y, MIDLINE), absolute=True, eased=True)


def _back_targets() -> list[tuple[str, Polygon]]:
    """Back-view targets of the viewer's left half (the person's left), by base id.

    The iliac crest runs down from the flank towards the spine; below it the dimple of the sacroiliac
    joint sits beside the sacrum, and the buttock is split into outer and inner, upper and lower parts.
    """
    body = _BACK.points
    x = 60.0
    spine = _at_x(_SPINE_EDGE)
    crest_top = _across((276, 36), (_SACRUM_TOP_Y + 1, _SPINE_EDGE + 3), absolute=True)
    crest_bottom = _across((306, 34), (323, _SPINE_EDGE + 3), absolute=True)
    sacrum = _sacrum_edge(-1)
    split = _across((306, 58), (352, 59), (416, 66), absolute=True)  # outer and inner buttock
    fold = _across((409, 30), (417, 97), absolute=True)
    return [
        ("low_back", _area(body, 236, _SACRUM_TOP_Y, x, lefts=[crest_top], rights=[spine])),
        ("iliac_crest", _area(body, 276, 322, x, lefts=[crest_bottom], rights=[crest_top, spine])),
        ("si_joint", _area(body, 306, 352, x, lefts=[split], rights=[crest_bottom, sacrum])),
        ("buttock_upper_lateral", _area(body, 306, 382, x, rights=[crest_bottom, split])),
        ("buttock_upper_medial", _area(body, 352, 382, x, lefts=[split], rights=[sacrum, _at_x(MIDLINE)])),
        ("buttock_lower_lateral", _area(body, 382, 417, x, lefts=[fold], rights=[split])),
        ("buttock_lower_medial", _area(body, 382, 417, x, lefts=[split, fold], rights=[_at_x(MIDLINE)])),
        ("thigh_posterior_upper", _area(body, 409, 462, x, rights=[fold])),
        ("thigh_posterior_lower", _area(body, 462, 508, x)),
        ("knee_posterior", _area(body, 508, 548, x)),
        ("calf", _area(body, 548, 624, x)),
        ("achilles", _area(body, 624, 672, x)),
        ("heel_posterior", _area(body, 672, 711, x)),
    ]


def _back_midline_targets() -> list[tuple[str, Polygon]]:
    body = _BACK.points
    spine = _area(body, 236, _SACRUM_TOP_Y, MIDLINE, lefts=[_at_x(_SPINE_EDGE)], rights=[_at_x(MIDLINE + 14)])
    sacrum = _area(body, _SACRUM_TOP_Y, _SACRUM_APEX_Y, MIDLINE, lefts=[_sacrum_edge(-1)], rights=[_sacrum_edge(1)])
    return [("lumbar_spine", spine), ("sacrum", sacrum)]


# The soles seen from below, heel at the top, under the leg of the same side; inner (big-toe) side wider.
_SOLE: list[Knot] = [
    (62, 738), (52, 742.5), (47.5, 754), (47.5, 772), (47, 792), (45.5, 812), (47.5, 830), (55, 842),
    (66, 846), (78, 843), (85, 832), (84.5, 814), (80, 794), (77, 774), (76.5, 755), (72, 742.5),
]  # fmt: skip
_SOLE_SHAPE = _shape(_SOLE)


def _sole_targets() -> list[tuple[str, Polygon]]:
    sole = _SOLE_SHAPE.points
    return [("heel_plantar", _area(sole, 736, 772, 62)), ("foot_arch", _area(sole, 772, 812, 62))]


def _side_targets() -> list[tuple[str, Polygon]]:
    """Side-view targets for a profile facing the viewer's left (the outer side of one leg)."""
    profile = _shape(_PROFILE).points
    x = 110.0
    return [
        ("hip_lateral", _area(profile, 302, 372, x)),
        ("thigh_lateral_upper", _area(profile, 372, 432, x)),
        ("thigh_lateral_lower", _area(profile, 432, 492, x)),
        ("knee_lateral", _area(profile, 492, 544, x)),
        ("leg_lateral", _area(profile, 544, 640, x)),
        ("ankle_lateral", _area(profile, 640, 715, x, lefts=[_at_x(74)])),
    ]


# --- assembling the views ------------------------------------------------------------------------------------

# Landmarks of the viewer's left half of the front and back views (the person's right on the front).
_HALF_LANDMARKS: tuple[tuple[str, Point], ...] = (
    ("hand", (14, 430)), ("elbow", (25, 284)), ("knee", (68, 512)), ("ankle", (70, 662)),
)  # fmt: skip
_PROFILE_LANDMARKS: tuple[tuple[str, Point], ...] = (
    ("head", (112, 64)), ("nose", (70, 82.5)), ("neck", (108, 130)), ("hand", (66, 284)),
    ("buttock", (150, 372)), ("knee", (108, 516)), ("calf", (130, 566)), ("foot", (60, 706)), ("heel", (128, 704)),
)  # fmt: skip


def _front_back_landmarks(viewer_left: Side, viewer_right: Side, foot: Point) -> tuple[tuple[str, Point], ...]:
    named: list[tuple[str, Point]] = [("head", (MIDLINE, 66)), ("neck", (MIDLINE, 124))]
    for name, (x, y) in (*_HALF_LANDMARKS, ("foot", foot)):
        named += [(f"{viewer_left}_{name}", (x, y)), (f"{viewer_right}_{name}", (VIEW_WIDTH - x, y))]
    return tuple(named)


def landmarks(view: str) -> dict[str, Point]:
    """Named points of the drawing of `view`, e.g. "head", "left_hand" (the person's left), "nose"."""
    return dict(_VIEWS[view].landmarks)


def _target(base_id: str, side: Side, points: Polygon) -> TapTarget:
    return TapTarget(id=base_id + SIDE_SUFFIX[side], base_id=base_id, side=side, points=points)


def _paired(half: list[tuple[str, Polygon]], viewer_left_side: Side, viewer_right_side: Side) -> list[TapTarget]:
    left = [_target(base, viewer_left_side, shape) for base, shape in half]
    right = [_target(base, viewer_right_side, _mirror(shape)) for base, shape in half]
    return left + right


def _back_view_targets() -> tuple[TapTarget, ...]:
    """Left half, then the midline, then the right half, so keyboard order follows the picture."""
    left = _back_targets() + _sole_targets()
    return tuple(
        [_target(base, "left", shape) for base, shape in left]
        + [_target(base, "none", shape) for base, shape in _back_midline_targets()]
        + [_target(base, "right", _mirror(shape)) for base, shape in left]
    )


def _side_captions(viewer_left: str, viewer_right: str) -> tuple[ViewLabel, ...]:
    return (ViewLabel(viewer_left, 4, 14, "start"), ViewLabel(viewer_right, VIEW_WIDTH - 4, 14, "end"))


def _build_views() -> dict[str, BodyView]:
    sole_right = _shape(_flip_knots(_SOLE))
    profile, arm = _shape(_PROFILE), _shape(_PROFILE_ARM)
    profile_right, arm_right = _shape(_flip_knots(_PROFILE)), _shape(_flip_knots(_PROFILE_ARM))
    side_left = [_target(base, "left", shape) for base, shape in _side_targets()]
    side_right = [_target(base, "right", _mirror(shape)) for base, shape in _side_targets()]
    facing = (
        ViewLabel(strings.BODYMAP_FACING_FRONT, 4, 214, "start"),
        ViewLabel(strings.BODYMAP_FACING_BACK, VIEW_WIDTH - 4, 214, "end"),
    )
    mirrored_facing = tuple(
        ViewLabel(label.text, VIEW_WIDTH - label.x, label.y, "end" if label.anchor == "start" else "start")
        for label in facing
    )
    side_height = 730.0
    return {
        "front": BodyView(
            key="front",
            title=strings.BODYMAP_VIEW_TITLES["front"],
            height=736.0,
            outline=(_FRONT.points,),
            targets=tuple(_paired(_front_targets(), "right", "left")),
            labels=_side_captions(strings.BODYMAP_YOUR_RIGHT, strings.BODYMAP_YOUR_LEFT),
            paths=(_FRONT.path,),
            details=_FRONT_DETAILS,
            landmarks=_front_back_landmarks("right", "left", (64, 716)),
        ),
        "back": BodyView(
            key="back",
            title=strings.BODYMAP_VIEW_TITLES["back"],
            height=856.0,
            outline=(_BACK.points, _SOLE_SHAPE.points, sole_right.points),
            targets=_back_view_targets(),
            labels=(
                *_side_captions(strings.BODYMAP_YOUR_LEFT, strings.BODYMAP_YOUR_RIGHT),
                ViewLabel(strings.BODYMAP_SOLES, MIDLINE, 732, "middle"),
            ),
            paths=(_BACK.path, _SOLE_SHAPE.path, sole_right.path),
            details=_BACK_DETAILS,
            landmarks=_front_back_landmarks("left", "right", (66, 700)),
        ),
        "side_left": BodyView(
            key="side_left",
            title=strings.BODYMAP_VIEW_TITLES["side_left"],
            height=side_height,
            outline=(profile.points, arm.points),
            targets=tuple(side_left),
            labels=(ViewLabel(strings.BODYMAP_YOUR_LEFT_SIDE, 4, 14, "start"), *facing),
            paths=(profile.path, arm.path),
            details=_profile_details(flipped=False),
            in_front=(1,),
            landmarks=_PROFILE_LANDMARKS,
        ),
        "side_right": BodyView(
            key="side_right",
            title=strings.BODYMAP_VIEW_TITLES["side_right"],
            height=side_height,
            outline=(profile_right.points, arm_right.points),
            targets=tuple(side_right),
            labels=(ViewLabel(strings.BODYMAP_YOUR_RIGHT_SIDE, VIEW_WIDTH - 4, 14, "end"), *mirrored_facing),
            paths=(profile_right.path, arm_right.path),
            details=_profile_details(flipped=True),
            in_front=(1,),
            landmarks=tuple((name, (VIEW_WIDTH - x, y)) for name, (x, y) in _PROFILE_LANDMARKS),
        ),
    }


_VIEWS = _build_views()


def body_view(view: str) -> BodyView:
    """The drawing for one view key of `VIEWS`; raises KeyError for an unknown view."""
    return _VIEWS[view]


def tap_targets(view: str) -> list[TapTarget]:
    """Every tap target drawn on `view`."""
    return list(_VIEWS[view].targets)


def outline(view: str) -> list[Polygon]:
    """The body outline of `view` as closed polygons sampled from its curves (drawn under the targets)."""
    return list(_VIEWS[view].outline)


def all_targets() -> dict[str, tuple[str, TapTarget]]:
    """Every tap id with the view it is drawn on and its target."""
    return {target.id: (view, target) for view in VIEWS for target in _VIEWS[view].targets}


def tap_id(base_id: str, side: Side) -> str:
    """The tap id for a base region on the person's side (`hip_lateral`, `left` -> `hip_lateral_l`)."""
    return base_id + SIDE_SUFFIX[side]


def split_tap_id(tap: str) -> tuple[str, Side]:
    """The base region and person's side of a tap id (`hip_lateral_l` -> `hip_lateral`, `left`)."""
    for side, suffix in (("left", "_l"), ("right", "_r")):
        if tap.endswith(suffix):
            return tap[: -len(suffix)], side  # type: ignore[return-value]
    return tap, "none"


def view_key(region_view: KnowledgeView, side: Side) -> str:
    """The body-map view that draws a region whose knowledge view is `region_view`, for the person's side."""
    if region_view != "side":
        return region_view
    return "side_right" if side == "right" else "side_left"


def side_groups(view: str) -> list[tuple[Side, list[str]]]:
    """The tap ids of `view` grouped by the person's side, ordered as they appear on the view left to right."""
    order: dict[str, list[Side]] = {
        "front": ["right", "none", "left"],
        "back": ["left", "none", "right"],
        "side_left": ["left"],
        "side_right": ["right"],
    }
    groups: list[tuple[Side, list[str]]] = []
    for side in order[view]:
        ids = [target.id for target in _VIEWS[view].targets if target.side == side]
        if ids:
            groups.append((side, ids))
    return groups


def tap_label(regions: Mapping[str, Region], tap: str) -> str | None:
    """The visitor-facing name of a tap id, e.g. "Side of the hip (bony point) (your left)"; None if unknown."""
    base_id, side = split_tap_id(tap)
    region = regions.get(base_id)
    if region is None:
        return None
    return region.label + strings.BODYMAP_SIDE_SUFFIX[side]


def tap_labels(regions: Mapping[str, Region], view: str) -> dict[str, str]:
    """Names for the tap targets of `view` whose region is in the knowledge (others stay unlabelled)."""
    labels = {target.id: tap_label(regions, target.id) for target in _VIEWS[view].targets}
    return {tap: label for tap, label in labels.items() if label is not None}


# --- geometry checks used by the tests and the figures ---------------------------------------------------------


def centroid(points: Polygon) -> Point:
    """The area centroid of a simple polygon."""
    twice_area = 0.0
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        twice_area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if twice_area == 0:
        return sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points)
    return cx / (3 * twice_area), cy / (3 * twice_area)


def contains(points: Polygon, point: Point) -> bool:
    """True when `point` lies strictly inside the polygon (even-odd rule)."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def bounding_box(polygons: Iterable[Polygon]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) over all points of the polygons."""
    points = [point for polygon in polygons for point in polygon]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def edge_distance(points: Polygon, point: Point) -> float:
    """The distance from `point` to the nearest edge of the polygon."""
    px, py = point
    nearest = math.inf
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / length))
        nearest = min(nearest, math.hypot(px - x0 - t * dx, py - y0 - t * dy))
    return nearest


def _room(points: Polygon, clip: Sequence[Polygon], point: Point) -> float:
    """How far `point` is from leaving the area inside `points` and inside one of the `clip` shapes (<0: outside)."""
    if not contains(points, point):
        return -edge_distance(points, point)
    room = edge_distance(points, point)
    if clip:
        holders = [shape for shape in clip if contains(shape, point)]
        if not holders:
            return -min(edge_distance(shape, point) for shape in clip)
        room = min(room, max(edge_distance(shape, point) for shape in holders))
    return room


def _crop(polygon: Polygon, box: tuple[float, float, float, float]) -> Polygon:
    """The polygon cut to a rectangle (Sutherland-Hodgman); its inside within the box is unchanged."""
    left, top, right, bottom = box
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= left, lambda p, q: (left, p[1] + (q[1] - p[1]) * (left - p[0]) / (q[0] - p[0]))),
        (lambda p: p[0] <= right, lambda p, q: (right, p[1] + (q[1] - p[1]) * (right - p[0]) / (q[0] - p[0]))),
        (lambda p: p[1] >= top, lambda p, q: (p[0] + (q[0] - p[0]) * (top - p[1]) / (q[1] - p[1]), top)),
        (lambda p: p[1] <= bottom, lambda p, q: (p[0] + (q[0] - p[0]) * (bottom - p[1]) / (q[1] - p[1]), bottom)),
    ]
    points = list(polygon)
    for keep, cut in edges:
        kept: list[Point] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if keep(current):
                if not keep(previous):
                    kept.append(cut(previous, current))
                kept.append(current)
            elif keep(previous):
                kept.append(cut(previous, current))
        points = kept
        if not points:
            break
    return tuple(points)


def largest_circle(points: Polygon, clip: Sequence[Polygon] = ()) -> tuple[Point, float]:
    """Centre and radius of the largest circle inside the polygon (and inside the clip shapes, if given).

    The "pole of inaccessibility" search of Mapbox's polylabel: cells that cannot beat the best circle
    so far are dropped, so the answer is within 0.1 units of the true largest circle.
    """
    left, top, right, bottom = bounding_box([points])
    size = min(right - left, bottom - top)
    if size <= 0:
        return (left, top), 0.0
    # Only the clip shapes' edges near the polygon matter: cut them to a box a circle inside could not reach past.
    margin = max(right - left, bottom - top) / 2 + 1
    near = (left - margin, top - margin, right + margin, bottom + margin)
    clip = [cropped for shape in clip if len(cropped := _crop(shape, near)) >= 3]

    def cell(x: float, y: float, half: float) -> tuple[float, float, float, float, float]:
        room = _room(points, clip, (x, y))
        return (-(room + half * math.sqrt(2)), room, x, y, half)

    queue: list[tuple[float, float, float, float, float]] = []
    x = left
    while x < right:
        y = top
        while y < bottom:
            heapq.heappush(queue, cell(x + size / 2, y + size / 2, size / 2))
            y += size
        x += size
    cx, cy = centroid(points)
    best_room, best = _room(points, clip, (cx, cy)), (cx, cy)
    while queue:
        _, room, x, y, half = heapq.heappop(queue)
        if room > best_room:
            best_room, best = room, (x, y)
        if room + half * math.sqrt(2) - best_room <= 0.1:
            continue
        half /= 2
        for dx in (-half, half):
            for dy in (-half, half):
                heapq.heappush(queue, cell(x + dx, y + dy, half))
    return best, max(best_room, 0.0)


# --- SVG markup ----------------------------------------------------------------------------------------------


def _points_attr(points: Polygon) -> str:
    return " ".join(f"{x:.1f},{y:.1f}".replace(".0,", ",").removesuffix(".0") for x, y in points)


def svg(view: str, selected: Iterable[str] = ()) -> str:
    """SVG markup for one view: outline, tap targets (`data-region`) and fixed captions, no knowledge text.

    The body is filled first, the targets go on top clipped to the body's curves, then the outline's line
    and the light detail lines (neither takes taps), so every area ends exactly at the smooth edge of the body.
    Each outline curve is written once and reused (`<use>`) for the fill, the clip and the line.
    """
    drawing = _VIEWS[view]
    chosen = set(selected)
    pattern_id, clip_id = f"gm-hatch-{view}", f"gm-clip-{view}"
    shape_ids = [f"gm-shape-{view}-{index}" for index in range(len(drawing.paths))]
    uses = "".join(f'<use href="#{shape_id}"/>' for shape_id in shape_ids)
    lines = "".join(
        f'<use class="gm-in-front" href="#{shape_id}"/>' if index in drawing.in_front else f'<use href="#{shape_id}"/>'
        for index, shape_id in enumerate(shape_ids)
    )
    parts = [
        f'<svg class="gm-view" data-view="{view}" viewBox="0 0 {VIEW_WIDTH:g} {drawing.height:g}" '
        f'role="group" aria-label="{escape(drawing.title)}" xmlns="http://www.w3.org/2000/svg">',
        "<defs>",
        *(f'<path id="{shape_id}" d="{path}"/>' for shape_id, path in zip(shape_ids, drawing.paths, strict=True)),
        f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" class="gm-hatch-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="8" class="gm-hatch-line"/></pattern>'
        f'<clipPath id="{clip_id}">{uses}</clipPath></defs>',
        f'<g class="gm-body" aria-hidden="true">{uses}</g>',
        f'<g class="gm-targets" clip-path="url(#{clip_id})">',
    ]
    for target in drawing.targets:
        is_chosen = target.id in chosen
        parts.append(
            f'<polygon class="gm-region{" gm-selected" if is_chosen else ""}" data-region="{target.id}" '
            f'data-side="{target.side}" tabindex="0" role="button" '
            f'aria-pressed="{"true" if is_chosen else "false"}" style="--gm-hatch: url(#{pattern_id})" '
            f'points="{_points_attr(target.points)}"/>'
        )
    parts.append("</g>")
    parts.append(f'<g class="gm-outline" aria-hidden="true">{lines}</g>')
    parts.append('<g class="gm-details" aria-hidden="true">' + "".join(f'<path d="{d}"/>' for d in drawing.details) + "</g>")
    parts.append('<g class="gm-captions" aria-hidden="true">')
    for label in drawing.labels:
        parts.append(
            f'<text x="{label.x:g}" y="{label.y:g}" text-anchor="{label.anchor}">{escape(label.text)}</text>'
        )
    parts.append("</g></svg>")
    return "".join(parts)
