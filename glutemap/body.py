"""The body map's geometry: our own simple outline and one tap target per region and side, for each view.

Pure data and arithmetic, no Streamlit. Coordinates are SVG user units (x right, y down) in a box
`VIEW_WIDTH` wide; each view has its own height. Left/right is always the person's own side: on the
front view the person's right is drawn on the viewer's left, on the back view the person's left is on
the viewer's left, and each side view shows one named side.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Literal

from glutemap import strings
from glutemap.models import Region

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
    """Everything drawn for one view: size, outline, tap targets and side captions."""

    key: str
    title: str
    height: float
    outline: tuple[Polygon, ...]
    targets: tuple[TapTarget, ...]
    labels: tuple[ViewLabel, ...]


# --- shape helpers -------------------------------------------------------------------------------------------

Knots = Sequence[tuple[float, float]]  # (y, x) pairs, y increasing
Edge = Callable[[float], float]


def _edge(knots: Knots) -> Edge:
    """A piecewise-linear x(y) through the knots; flat beyond the ends."""

    def x_at(y: float) -> float:
        if y <= knots[0][0]:
            return knots[0][1]
        for (y0, x0), (y1, x1) in pairwise(knots):
            if y <= y1:
                return x0 + (x1 - x0) * (y - y0) / (y1 - y0)
        return knots[-1][1]

    return x_at


def _sample_ys(y0: float, y1: float, knots: Iterable[float]) -> list[float]:
    """The band's ends plus every knot strictly between them, so band edges follow the outline exactly."""
    return [y0, *sorted(k for k in set(knots) if y0 < k < y1), y1]


def _band(y0: float, y1: float, left: Edge, right: Edge, knot_ys: Iterable[float]) -> Polygon:
    """The area between two edges from y0 down to y1."""
    ys = _sample_ys(y0, y1, knot_ys)
    return tuple([(round(left(y), 2), y) for y in ys] + [(round(right(y), 2), y) for y in reversed(ys)])


def _between(left: Edge, right: Edge, fraction: float) -> Edge:
    """An edge a fixed fraction of the way from `left` to `right`."""
    return lambda y: left(y) + (right(y) - left(y)) * fraction


def _const(x: float) -> Edge:
    return lambda _y: x


def _ellipse(cx: float, cy: float, rx: float, ry: float, steps: int = 24) -> Polygon:
    return tuple(
        (round(cx + rx * math.cos(2 * math.pi * i / steps), 2), round(cy + ry * math.sin(2 * math.pi * i / steps), 2))
        for i in range(steps)
    )


def _mirror(polygon: Polygon) -> Polygon:
    """The same shape reflected about the vertical midline (points reversed to keep the winding)."""
    return tuple((round(VIEW_WIDTH - x, 2), y) for x, y in reversed(polygon))


# --- front and back: one silhouette for the viewer's left half, mirrored ---------------------------------------

_CROTCH_Y = 258.0
# Outer edge of the viewer's left half, from the armpit to the ankle.
_OUTER_KNOTS: Knots = (
    (84, 50), (110, 46), (124, 45), (140, 40), (164, 28), (190, 19), (214, 16), (240, 17), (258, 18),
    (300, 22), (360, 28), (380, 30), (400, 30), (430, 28), (466, 38), (484, 44), (512, 44),
)  # fmt: skip
# Inner edge of the viewer's left leg, from the crotch down.
_INNER_KNOTS: Knots = (
    (258, 98), (300, 95), (360, 92), (400, 90), (430, 88), (466, 82), (484, 78), (512, 78),
)  # fmt: skip
_OUTER = _edge(_OUTER_KNOTS)
_LEG_INNER = _edge(_INNER_KNOTS)
_KNOT_YS = [y for y, _ in _OUTER_KNOTS] + [y for y, _ in _INNER_KNOTS]


def _inner(y: float) -> float:
    """The inner edge of the viewer's left half: the midline above the crotch, the inner leg below."""
    return MIDLINE if y < _CROTCH_Y else _LEG_INNER(y)


# Back-view landmarks (viewer's left half = the person's left).
_SPINE_HALF_WIDTH = 14.0
_RIBS_Y = 96.0
_SACRUM_TOP_Y = 150.0
_SACRUM_APEX_Y = 214.0
_CREST_BOTTOM_Y = 164.0
_SI_BOTTOM_Y = 190.0
_BUTTOCK_SPLIT_Y = 216.0
_HEEL_BOTTOM_Y = 528.0


def _sacrum_edge(y: float) -> float:
    """The left edge of the sacrum triangle (spine strip above it, buttock cleft below its tip)."""
    top_x = MIDLINE - _SPINE_HALF_WIDTH
    if y <= _SACRUM_TOP_Y:
        return top_x
    if y >= _SACRUM_APEX_Y:
        return MIDLINE
    return top_x + (MIDLINE - top_x) * (y - _SACRUM_TOP_Y) / (_SACRUM_APEX_Y - _SACRUM_TOP_Y)


def _half_outline(bottom_y: float, foot: Sequence[Point]) -> list[Point]:
    """The viewer's left half of trunk and leg, from the neck round to the crotch, ending with the foot."""
    neck_and_shoulder: list[Point] = [(MIDLINE - 8, 40), (MIDLINE - 8, 50), (58, 54), (46, 62), (48, 76)]
    outer = [(x, y) for y, x in _OUTER_KNOTS]
    inner = [(x, y) for y, x in reversed(_INNER_KNOTS)]
    return [*neck_and_shoulder, *outer, *foot, *inner, (MIDLINE, _CROTCH_Y - 4)]


def _symmetric(half: list[Point]) -> Polygon:
    """Join a viewer's-left half outline (top to crotch) with its mirror image into one closed shape."""
    right = [(round(VIEW_WIDTH - x, 2), y) for x, y in reversed(half)]
    return tuple(half + right)


def _arms() -> tuple[Polygon, Polygon]:
    left_arm: Polygon = ((46, 62), (38, 66), (30, 100), (20, 150), (14, 172), (22, 178), (30, 156), (42, 112), (48, 76))
    return left_arm, _mirror(left_arm)


def _head() -> Polygon:
    return _ellipse(MIDLINE, 24, 16, 18)


def _back_targets() -> list[tuple[str, Polygon]]:
    """Back-view targets of the viewer's left half (the person's left), by base id."""
    spine_left = _const(MIDLINE - _SPINE_HALF_WIDTH)
    si_lateral = _const(60)
    buttock_split = _const(58)
    ys = _KNOT_YS
    return [
        ("low_back", _band(_RIBS_Y, 138, _OUTER, spine_left, ys)),
        ("iliac_crest", _band(138, _CREST_BOTTOM_Y, _OUTER, _sacrum_edge, [*ys, _SACRUM_TOP_Y])),
        ("si_joint", _band(_CREST_BOTTOM_Y, _SI_BOTTOM_Y, si_lateral, _sacrum_edge, ys)),
        ("buttock_upper_lateral", _band(_CREST_BOTTOM_Y, _BUTTOCK_SPLIT_Y, _OUTER, si_lateral, ys)),
        ("buttock_upper_medial", _band(_SI_BOTTOM_Y, _BUTTOCK_SPLIT_Y, si_lateral, _sacrum_edge, [*ys, _SACRUM_APEX_Y])),
        ("buttock_lower_lateral", _band(_BUTTOCK_SPLIT_Y, _CROTCH_Y, _OUTER, buttock_split, ys)),
        ("buttock_lower_medial", _band(_BUTTOCK_SPLIT_Y, _CROTCH_Y, buttock_split, _inner, ys)),
        ("thigh_posterior_upper", _band(_CROTCH_Y, 310, _OUTER, _inner, ys)),
        ("thigh_posterior_lower", _band(310, 360, _OUTER, _inner, ys)),
        ("knee_posterior", _band(360, 398, _OUTER, _inner, ys)),
        ("calf", _band(398, 466, _OUTER, _inner, ys)),
        ("achilles", _band(466, 500, _OUTER, _inner, ys)),
        ("heel_posterior", _band(500, _HEEL_BOTTOM_Y, _heel_outer, _heel_inner, [*ys, 518])),
        ("heel_plantar", _sole_part(556, 590)),
        ("foot_arch", _sole_part(590, 636)),
    ]


_heel_outer = _edge(((500, 44), (512, 44), (520, 45), (528, 50)))
_heel_inner = _edge(((500, 78), (512, 78), (520, 77), (528, 72)))
# The sole seen from below, heel at the top, under the leg of the same side; inner (big-toe) side wider.
_SOLE_OUTER = _edge(((552, 52), (560, 46), (590, 48), (612, 44), (636, 40), (648, 44)))
_SOLE_INNER = _edge(((552, 70), (560, 76), (590, 74), (612, 80), (636, 88), (648, 86)))


def _sole_part(y0: float, y1: float) -> Polygon:
    return _band(y0, y1, _SOLE_OUTER, _SOLE_INNER, [560, 590, 612, 636])


def _sole_outline() -> Polygon:
    heel_top: list[Point] = [(61, 550)]
    outer = [(_SOLE_OUTER(y), y) for y in (552, 560, 590, 612, 636, 648)]
    toes: list[Point] = [(48, 656), (64, 662), (82, 658)]
    inner = [(_SOLE_INNER(y), y) for y in (648, 636, 612, 590, 560, 552)]
    return tuple([*heel_top, *outer, *toes, *inner])


def _back_midline_targets() -> list[tuple[str, Polygon]]:
    spine: Polygon = (
        (MIDLINE - _SPINE_HALF_WIDTH, _RIBS_Y), (MIDLINE + _SPINE_HALF_WIDTH, _RIBS_Y),
        (MIDLINE + _SPINE_HALF_WIDTH, _SACRUM_TOP_Y), (MIDLINE - _SPINE_HALF_WIDTH, _SACRUM_TOP_Y),
    )  # fmt: skip
    sacrum: Polygon = (
        (MIDLINE - _SPINE_HALF_WIDTH, _SACRUM_TOP_Y), (MIDLINE + _SPINE_HALF_WIDTH, _SACRUM_TOP_Y),
        (MIDLINE, _SACRUM_APEX_Y),
    )  # fmt: skip
    return [("lumbar_spine", spine), ("sacrum", sacrum)]


_GROIN_TOP = (190.0, 226.0)  # the crease's top line: y at the outer edge, y at the midline
_GROIN_BOTTOM_Y = 244.0
_FOOT_BOTTOM_Y = 550.0


def _front_targets() -> list[tuple[str, Polygon]]:
    """Front-view targets of the viewer's left half (the person's right), by base id."""
    ys = _KNOT_YS
    groin_outer_y, groin_mid_y = _GROIN_TOP
    outer_side = [(round(_OUTER(y), 2), y) for y in _sample_ys(groin_outer_y, _GROIN_BOTTOM_Y, ys)]
    hip_anterior: Polygon = (*outer_side, (MIDLINE, _GROIN_BOTTOM_Y), (MIDLINE, groin_mid_y))

    def split(fraction: float) -> Edge:
        return _between(_OUTER, _inner, fraction)

    return [
        ("hip_anterior", tuple(reversed(hip_anterior))),
        ("thigh_anterior", _band(_GROIN_BOTTOM_Y, 360, _OUTER, split(0.6), ys)),
        ("thigh_medial", _band(_GROIN_BOTTOM_Y, 360, split(0.6), _inner, ys)),
        ("knee_anterior", _band(360, 400, _OUTER, split(0.6), ys)),
        ("knee_medial", _band(360, 400, split(0.6), _inner, ys)),
        ("shin_anterior", _band(400, 480, _OUTER, split(0.55), ys)),
        ("shin_medial", _band(400, 480, split(0.55), _inner, ys)),
        ("ankle_anterior", _band(480, 512, _OUTER, split(0.5), ys)),
        ("ankle_medial", _band(480, 512, split(0.5), _inner, ys)),
        ("foot_dorsum", _band(512, _FOOT_BOTTOM_Y, _FOOT_OUTER, _FOOT_INNER, [530])),
    ]


_FOOT_OUTER = _edge(((512, 44), (530, 38), (550, 36)))
_FOOT_INNER = _edge(((512, 78), (530, 84), (550, 86)))


def _front_foot() -> list[Point]:
    return [(38, 530), (36, 550), (44, 558), (61, 561), (78, 559), (86, 550), (84, 530)]


def _back_foot() -> list[Point]:
    return [(45, 520), (50, _HEEL_BOTTOM_Y), (61, 531), (72, _HEEL_BOTTOM_Y), (77, 520)]


# --- side view: a profile facing the viewer's left, mirrored for the right side -------------------------------

_PROFILE_FRONT_KNOTS: Knots = (
    (56, 66), (80, 60), (110, 58), (140, 57), (170, 61), (196, 64), (240, 62), (300, 64), (360, 66),
    (400, 68), (440, 72), (482, 78), (516, 80),
)  # fmt: skip
_PROFILE_BACK_KNOTS: Knots = (
    (56, 128), (80, 134), (110, 134), (140, 129), (170, 138), (196, 146), (220, 146), (250, 140),
    (270, 134), (300, 130), (360, 128), (398, 130), (420, 134), (460, 126), (482, 118), (500, 118),
    (516, 124),
)  # fmt: skip
_PROFILE_FRONT = _edge(_PROFILE_FRONT_KNOTS)
_PROFILE_BACK = _edge(_PROFILE_BACK_KNOTS)
_PROFILE_YS = [y for y, _ in _PROFILE_FRONT_KNOTS] + [y for y, _ in _PROFILE_BACK_KNOTS]


def _profile_outline() -> Polygon:
    front = [(x, y) for y, x in _PROFILE_FRONT_KNOTS]
    toes: list[Point] = [(60, 520), (34, 528), (28, 538), (34, 546), (120, 546), (126, 536)]
    back = [(x, y) for y, x in reversed(_PROFILE_BACK_KNOTS)]
    neck: list[Point] = [(110, 50), (110, 40), (96, 40), (96, 50)]
    return tuple([*front, *toes, *back, *neck])


def _profile_arm() -> Polygon:
    return ((94, 60), (110, 60), (114, 100), (112, 150), (111, 166), (105, 176), (97, 173), (95, 150), (92, 100))


def _profile_head() -> Polygon:
    """A head facing the viewer's left, with a small nose so the facing direction reads at a glance."""
    head = list(_ellipse(103, 24, 16, 18))
    nose_at = len(head) // 2  # the ellipse point furthest to the left
    head[nose_at : nose_at + 1] = [(87.5, 21.0), (83.0, 27.0), (87.0, 29.0)]
    return tuple(head)


def _side_targets() -> list[tuple[str, Polygon]]:
    """Side-view targets for a profile facing the viewer's left (the outer side of one leg)."""
    ys = _PROFILE_YS
    front, back = _PROFILE_FRONT, _PROFILE_BACK
    return [
        ("hip_lateral", _band(192, 240, front, back, ys)),
        ("thigh_lateral_upper", _band(240, 300, front, back, ys)),
        ("thigh_lateral_lower", _band(300, 356, front, back, ys)),
        ("knee_lateral", _band(356, 398, front, back, ys)),
        ("leg_lateral", _band(398, 482, front, back, ys)),
        ("ankle_lateral", _band(482, 516, front, back, ys)),
    ]


# --- assembling the views ------------------------------------------------------------------------------------


def _target(base_id: str, side: Side, points: Polygon) -> TapTarget:
    return TapTarget(id=base_id + SIDE_SUFFIX[side], base_id=base_id, side=side, points=points)


def _paired(half: list[tuple[str, Polygon]], viewer_left_side: Side, viewer_right_side: Side) -> list[TapTarget]:
    left = [_target(base, viewer_left_side, shape) for base, shape in half]
    right = [_target(base, viewer_right_side, _mirror(shape)) for base, shape in half]
    return left + right


def _back_view_targets() -> tuple[TapTarget, ...]:
    """Left half, then the midline, then the right half, so keyboard order follows the picture."""
    left, right = _back_targets(), [(base, _mirror(shape)) for base, shape in _back_targets()]
    return tuple(
        [_target(base, "left", shape) for base, shape in left]
        + [_target(base, "none", shape) for base, shape in _back_midline_targets()]
        + [_target(base, "right", shape) for base, shape in right]
    )


def _side_captions(viewer_left: str, viewer_right: str) -> tuple[ViewLabel, ...]:
    return (ViewLabel(viewer_left, 4, 14, "start"), ViewLabel(viewer_right, VIEW_WIDTH - 4, 14, "end"))


def _build_views() -> dict[str, BodyView]:
    head = _head()
    left_arm, right_arm = _arms()
    front_outline = (left_arm, right_arm, head, _symmetric(_half_outline(_FOOT_BOTTOM_Y, _front_foot())))
    back_body = _symmetric(_half_outline(_HEEL_BOTTOM_Y, _back_foot()))
    back_outline = (left_arm, right_arm, head, back_body, _sole_outline(), _mirror(_sole_outline()))
    profile = (_profile_head(), _profile_outline(), _profile_arm())
    side_left = [_target(base, "left", shape) for base, shape in _side_targets()]
    side_right = [_target(base, "right", _mirror(shape)) for base, shape in _side_targets()]
    facing = (
        ViewLabel(strings.BODYMAP_FACING_FRONT, 4, 140, "start"),
        ViewLabel(strings.BODYMAP_FACING_BACK, VIEW_WIDTH - 4, 140, "end"),
    )
    mirrored_facing = tuple(
        ViewLabel(label.text, VIEW_WIDTH - label.x, label.y, "end" if label.anchor == "start" else "start")
        for label in facing
    )
    side_height = 560.0
    return {
        "front": BodyView(
            key="front",
            title=strings.BODYMAP_VIEW_TITLES["front"],
            height=570.0,
            outline=front_outline,
            targets=tuple(_paired(_front_targets(), "right", "left")),
            labels=_side_captions(strings.BODYMAP_YOUR_RIGHT, strings.BODYMAP_YOUR_LEFT),
        ),
        "back": BodyView(
            key="back",
            title=strings.BODYMAP_VIEW_TITLES["back"],
            height=670.0,
            outline=back_outline,
            targets=_back_view_targets(),
            labels=(
                *_side_captions(strings.BODYMAP_YOUR_LEFT, strings.BODYMAP_YOUR_RIGHT),
                ViewLabel(strings.BODYMAP_SOLES, MIDLINE, 546, "middle"),
            ),
        ),
        "side_left": BodyView(
            key="side_left",
            title=strings.BODYMAP_VIEW_TITLES["side_left"],
            height=side_height,
            outline=profile,
            targets=tuple(side_left),
            labels=(ViewLabel(strings.BODYMAP_YOUR_LEFT_SIDE, 4, 14, "start"), *facing),
        ),
        "side_right": BodyView(
            key="side_right",
            title=strings.BODYMAP_VIEW_TITLES["side_right"],
            height=side_height,
            outline=tuple(_mirror(shape) for shape in profile),
            targets=tuple(side_right),
            labels=(ViewLabel(strings.BODYMAP_YOUR_RIGHT_SIDE, VIEW_WIDTH - 4, 14, "end"), *mirrored_facing),
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
    """The body outline of `view` as closed polygons (drawn under the targets)."""
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


# --- geometry checks used by the tests -----------------------------------------------------------------------


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


# --- SVG markup ----------------------------------------------------------------------------------------------


def _points_attr(points: Polygon) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def svg(view: str, selected: Iterable[str] = ()) -> str:
    """SVG markup for one view: outline, tap targets (`data-region`) and fixed captions, no knowledge text."""
    drawing = _VIEWS[view]
    chosen = set(selected)
    pattern_id = f"gm-hatch-{view}"
    parts = [
        f'<svg class="gm-view" data-view="{view}" viewBox="0 0 {VIEW_WIDTH:g} {drawing.height:g}" '
        f'role="group" aria-label="{escape(drawing.title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<defs><pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" class="gm-hatch-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="8" class="gm-hatch-line"/></pattern></defs>',
        '<g class="gm-outline" aria-hidden="true">',
        *(f'<polygon points="{_points_attr(shape)}"/>' for shape in drawing.outline),
        "</g>",
        '<g class="gm-targets">',
    ]
    for target in drawing.targets:
        is_chosen = target.id in chosen
        parts.append(
            f'<polygon class="gm-region{" gm-selected" if is_chosen else ""}" data-region="{target.id}" '
            f'data-side="{target.side}" tabindex="0" role="button" '
            f'aria-pressed="{"true" if is_chosen else "false"}" style="--gm-hatch: url(#{pattern_id})" '
            f'points="{_points_attr(target.points)}"/>'
        )
    parts.append('</g><g class="gm-captions" aria-hidden="true">')
    for label in drawing.labels:
        parts.append(
            f'<text x="{label.x:g}" y="{label.y:g}" text-anchor="{label.anchor}">{escape(label.text)}</text>'
        )
    parts.append("</g></svg>")
    return "".join(parts)
