"""The muscles on the bones (pure: knowledge in, SVG text or its text equivalent out).

Two views of the right hip: from the side (the outside of the hip, front to the right) and from behind
(the middle of the body to the left). Each shows the pelvis (ilium with its crest, sacrum and tailbone,
ischium) and the top of the thigh bone (head, neck, greater trochanter), the iliotibial band, and the five
muscles GluteMap describes. One chosen muscle stands out (strong fill and outline); the others are pale
grey. Muscles are drawn from the far side towards the viewer, so a deeper muscle lies under the ones over
it; every muscle nearer the viewer than the chosen one is drawn see-through with a dashed outline, as if
made transparent, so the chosen one shows beneath it. Its origin is a filled dot labelled "Starts", its
insertion a ring labelled "Ends", and a dashed ring marks an attachment on the far side of a bone. The
legend repeats every label, so colour is never the only signal.

The shapes are drawing geometry (where each muscle lies on the bones, checked against the muscle records'
`origin` and `insertion`); every word comes from `strings` or the knowledge, XML-escaped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase

View = Literal["side", "back"]
VIEWS: tuple[View, ...] = ("side", "back")
Point = tuple[float, float]

WIDTH = 400.0
_DRAWING_HEIGHT = 520.0
_SCALE = 1.0  # CSS pixels per unit

_BONE_FILL = "#f3eee2"
_BONE_LINE = "#8a7f6a"
_SOCKET_FILL = "#e2d8c3"
_BAND_FILL = "#e8edf2"
_BAND_LINE = "#8d98a5"
_CHOSEN_FILL = "#c2544a"
_CHOSEN_LINE = "#5c1a15"
_CHOSEN_FIBRE = "#7d2820"
_OTHER_FILL = "#d9d9d9"
_OTHER_LINE = "#8c8c8c"
_OTHER_FIBRE = "#ababab"
_OVER_LINE = "#555555"
_INK = "#1a1a1a"
_SOFT_INK = "#555555"
_LEGEND_CHARS = 52


@dataclass(frozen=True)
class Marker:
    """One attachment of a muscle in one view; `hidden` when it lies on the far side of a bone."""

    at: Point
    hidden: bool = False
    label_dx: float = 10.0
    label_dy: float = -8.0


@dataclass(frozen=True)
class MuscleShape:
    """A muscle as seen in one view: its outline, a few fibre lines, and where it starts and ends."""

    outline: tuple[Point, ...]
    fibres: tuple[tuple[Point, Point], ...]
    starts: tuple[Marker, ...]
    ends: tuple[Marker, ...]
    hidden_part: tuple[Point, ...] = ()  # a part behind a bone, drawn as a dashed outline only


@dataclass(frozen=True)
class BoneLabel:
    """A name for a bone or landmark, with a thin leader line to the place it names."""

    key: str
    text_at: Point
    points_to: Point
    anchor: str = "middle"


@dataclass(frozen=True)
class Scene:
    """Everything drawn in one view, muscles in drawing order from the far side towards the viewer."""

    bones: tuple[tuple[Point, ...], ...]
    bone_pits: tuple[tuple[Point, float, float], ...]  # small hollows (centre, half-width, half-height)
    socket: tuple[Point, float] | None
    femur: tuple[Point, ...]
    femur_head: tuple[Point, float]
    femur_hidden_lines: tuple[tuple[Point, Point], ...]
    band: tuple[Point, ...]
    muscles: dict[str, MuscleShape]
    labels: tuple[BoneLabel, ...]
    orientation: tuple[str, str]


def _fan(origin: Sequence[Point], insertion: Sequence[Point], count: int) -> tuple[tuple[Point, Point], ...]:
    """`count` fibre lines running from evenly spaced points along the origin to matching points at the insertion."""

    def along(line: Sequence[Point], t: float) -> Point:
        segments = len(line) - 1
        if segments == 0:
            return line[0]
        position = min(t * segments, segments - 1e-9)
        index = int(position)
        share = position - index
        (x0, y0), (x1, y1) = line[index], line[index + 1]
        return (x0 + (x1 - x0) * share, y0 + (y1 - y0) * share)

    steps = [(i + 0.5) / count for i in range(count)]
    return tuple((along(origin, t), along(insertion, t)) for t in steps)


def _mirror(points: Iterable[Point], about_x: float) -> tuple[Point, ...]:
    return tuple((2 * about_x - x, y) for x, y in points)


# --- the side view: right hip from the outside, front to the right ------------------------------------------
# Units are about 13 per centimetre: the hip socket's centre at (235, 232).
_SIDE_HIP_BONE = (
    (122, 148), (134, 120), (156, 100), (186, 88), (222, 84), (255, 91), (278, 110), (293, 138),  # crest to ASIS
    (285, 160), (289, 184), (278, 206), (300, 232), (320, 250), (325, 274), (306, 298),  # AIIS, pubis
    (266, 322), (232, 336), (206, 338), (188, 322), (184, 300), (193, 282), (178, 262),  # ischium, spine
    (192, 246), (203, 214), (182, 196), (152, 184), (126, 176), (117, 161),  # sciatic notch, PIIS
)
_SIDE_SACRUM = (
    (116, 120), (150, 112), (166, 126), (154, 170), (148, 215), (150, 255), (157, 288), (154, 308),
    (142, 302), (124, 274), (110, 232), (106, 184), (109, 142),
)
_SIDE_FEMUR = (
    (204, 240), (228, 238), (252, 243), (263, 260), (257, 290), (253, 322), (255, 400), (257, 498),
    (247, 505), (238, 497), (229, 505), (220, 498), (218, 400), (215, 322), (205, 290), (198, 262),
)
_SIDE_BAND = ((224, 298), (254, 298), (259, 392), (252, 500), (230, 500), (226, 392))

_SIDE_MUSCLES: dict[str, MuscleShape] = {
    "gluteus_minimus": MuscleShape(
        outline=((254, 103), (272, 112), (283, 130), (285, 162), (277, 196), (266, 226), (260, 250), (246, 256),
                 (232, 248), (216, 226), (200, 204), (197, 184), (210, 148), (232, 112)),
        fibres=_fan(((203, 196), (214, 150), (240, 114), (264, 108), (282, 132), (282, 172)),
                    ((240, 248), (246, 250), (252, 250), (256, 248), (258, 246), (260, 244)), 6),
        starts=(Marker((244, 160)),),
        ends=(Marker((257, 251), label_dx=12, label_dy=-6),),
    ),
    "piriformis": MuscleShape(
        outline=((147, 197), (173, 201), (200, 226), (213, 238), (216, 248), (201, 252), (177, 246), (149, 238)),
        fibres=_fan(((149, 203), (149, 232)), ((211, 241), (209, 248)), 3),
        starts=(Marker((151, 217), hidden=True, label_dx=-12, label_dy=-10),),
        ends=(Marker((212, 242), label_dx=-4, label_dy=-12),),
    ),
    "gluteus_medius": MuscleShape(
        outline=((152, 118), (185, 100), (222, 94), (253, 101), (267, 115), (272, 148), (262, 192), (250, 230),
                 (240, 258), (223, 266), (208, 256), (194, 232), (171, 200), (151, 168), (140, 138)),
        fibres=_fan(((148, 140), (160, 112), (190, 96), (222, 90), (252, 98), (270, 125), (266, 170)),
                    ((210, 250), (215, 253), (220, 256), (226, 259), (231, 261), (236, 262), (240, 262)), 7),
        starts=(Marker((205, 130)),),
        ends=(Marker((225, 258), label_dx=-12, label_dy=16),),
    ),
    "tensor_fasciae_latae": MuscleShape(
        outline=((281, 131), (295, 141), (301, 176), (297, 240), (289, 300), (279, 360), (268, 394), (257, 394),
                 (259, 350), (265, 290), (269, 230), (273, 176), (276, 146)),
        fibres=_fan(((279, 138), (296, 146)), ((259, 390), (268, 390)), 3),
        starts=(Marker((290, 140), label_dx=10, label_dy=-8),),
        ends=(Marker((263, 394), label_dx=12, label_dy=16),),
    ),
    "gluteus_maximus": MuscleShape(
        outline=((150, 106), (128, 128), (106, 150), (96, 190), (98, 235), (112, 272), (134, 300), (152, 314),
                 (176, 342), (200, 372), (222, 394), (238, 384), (242, 334), (238, 290), (222, 262), (200, 220),
                 (176, 170), (160, 128)),
        fibres=_fan(((150, 112), (118, 142), (98, 190), (100, 240), (120, 282), (150, 312), (180, 348)),
                    ((228, 270), (238, 296), (240, 320), (240, 345), (236, 368), (226, 385), (218, 390)), 7),
        starts=(Marker((106, 214), label_dx=-12, label_dy=-12),),
        ends=(Marker((240, 322), label_dx=12, label_dy=-4), Marker((219, 362), label_dx=12, label_dy=18)),
    ),
}

_SIDE = Scene(
    bones=(_SIDE_SACRUM, _SIDE_HIP_BONE),
    bone_pits=(),
    socket=((235, 232), 34.0),
    femur=_SIDE_FEMUR,
    femur_head=((235, 232), 26.0),
    femur_hidden_lines=(((228, 210), (214, 240)), ((250, 226), (246, 244))),
    band=_SIDE_BAND,
    muscles=_SIDE_MUSCLES,
    labels=(
        BoneLabel("crest", (222, 66), (222, 86)),
        BoneLabel("sacrum", (50, 160), (112, 200)),
        BoneLabel("ischium", (120, 380), (196, 334)),
        BoneLabel("trochanter", (340, 300), (255, 282), "middle"),
        BoneLabel("band", (330, 440), (262, 440), "middle"),
        BoneLabel("femur", (330, 488), (252, 488), "middle"),
    ),
    orientation=("back", "front"),
)

# --- the back view: right hip from behind, the middle of the body to the left ---------------------------------
_MIDLINE = 70.0
_BACK_HIP_BONE = (
    (122, 160), (128, 132), (145, 108), (172, 90), (205, 82), (240, 86), (268, 100), (286, 122), (289, 146),
    (281, 172), (266, 192), (238, 200), (214, 206), (200, 215), (194, 236), (200, 256), (212, 272),  # rim
    (204, 292), (199, 318), (182, 340), (160, 338), (146, 322), (118, 310), (90, 302), (_MIDLINE, 300),
    (_MIDLINE, 284), (96, 286), (124, 290), (140, 276), (128, 262), (146, 252), (160, 232), (157, 210),
    (140, 193), (126, 185),
)
_BACK_SACRUM_HALF = (
    (_MIDLINE, 126), (100, 126), (128, 134), (131, 160), (123, 196), (109, 232), (93, 258), (80, 274),
    (_MIDLINE, 276),
)
_BACK_SACRUM = _BACK_SACRUM_HALF + _mirror(reversed(_BACK_SACRUM_HALF[1:-1]), _MIDLINE)
_BACK_COCCYX_HALF = ((_MIDLINE, 268), (80, 270), (78, 280), (76, 294), (72, 306), (_MIDLINE, 309))
_BACK_COCCYX = _BACK_COCCYX_HALF + _mirror(reversed(_BACK_COCCYX_HALF[1:-1]), _MIDLINE)
_BACK_FEMUR = (
    (205, 222), (226, 219), (246, 222), (258, 214), (274, 222), (285, 244), (287, 276), (281, 300),
    (276, 400), (270, 498), (261, 505), (252, 497), (243, 505), (236, 498), (240, 400), (242, 336),
    (236, 326), (226, 318), (232, 302), (240, 292), (226, 270), (210, 254),
)
_BACK_BAND = ((279, 292), (292, 292), (289, 392), (279, 500), (269, 500), (275, 392))

_BACK_MUSCLES: dict[str, MuscleShape] = {
    "tensor_fasciae_latae": MuscleShape(
        outline=((284, 130), (293, 140), (297, 180), (296, 260), (293, 340), (289, 392), (282, 392), (285, 330),
                 (288, 250), (287, 170)),
        fibres=_fan(((286, 140), (294, 150)), ((284, 388), (288, 388)), 2),
        starts=(Marker((291, 138), hidden=True, label_dx=12, label_dy=-6),),
        ends=(Marker((286, 392), label_dx=12, label_dy=14),),
    ),
    "gluteus_minimus": MuscleShape(
        outline=((196, 152), (236, 136), (270, 144), (280, 170), (276, 200), (270, 222), (258, 230), (240, 222),
                 (214, 212), (192, 206), (178, 192), (182, 168)),
        fibres=_fan(((184, 192), (188, 166), (214, 146), (244, 138), (272, 150), (278, 186)),
                    ((246, 222), (252, 224), (258, 226), (262, 226), (266, 224), (270, 220)), 6),
        starts=(Marker((228, 170)),),
        ends=(Marker((266, 226), hidden=True, label_dx=12, label_dy=14),),
    ),
    "piriformis": MuscleShape(
        outline=((116, 199), (150, 204), (198, 214), (240, 220), (259, 224), (259, 236), (232, 240), (190, 242),
                 (150, 248), (110, 250)),
        fibres=_fan(((116, 210), (112, 240)), ((256, 228), (256, 233)), 3),
        starts=(Marker((97, 222), hidden=True, label_dx=-10, label_dy=-12),),
        ends=(Marker((257, 228), label_dx=-2, label_dy=-12),),
        hidden_part=((86, 190), (116, 199), (110, 250), (88, 244)),
    ),
    "gluteus_medius": MuscleShape(
        outline=((160, 100), (200, 86), (240, 90), (268, 104), (284, 126), (285, 152), (278, 182), (276, 212),
                 (276, 236), (262, 240), (240, 226), (214, 212), (190, 200), (164, 186), (150, 160), (151, 124)),
        fibres=_fan(((152, 160), (158, 112), (200, 92), (240, 94), (270, 110), (282, 150), (278, 190)),
                    ((256, 232), (260, 234), (265, 236), (270, 237), (274, 236), (276, 232), (276, 226)), 7),
        starts=(Marker((220, 128)),),
        ends=(Marker((274, 236), label_dx=12, label_dy=14),),
    ),
    "gluteus_maximus": MuscleShape(
        outline=((152, 104), (138, 124), (124, 150), (119, 190), (106, 230), (90, 260), (78, 290), (82, 310),
                 (118, 338), (168, 368), (222, 390), (266, 392), (282, 360), (292, 318), (293, 282), (287, 258),
                 (252, 212), (212, 166), (178, 128)),
        fibres=_fan(((156, 108), (126, 146), (118, 196), (96, 248), (80, 296)),
                    ((286, 262), (292, 296), (289, 330), (278, 362), (262, 388)), 7),
        starts=(Marker((112, 214), label_dx=-14, label_dy=-12),),
        ends=(Marker((290, 300), label_dx=10, label_dy=-4), Marker((266, 352), label_dx=-44, label_dy=4)),
    ),
}

_BACK = Scene(
    bones=(_BACK_SACRUM, _BACK_HIP_BONE, _mirror(_BACK_HIP_BONE, _MIDLINE), _BACK_COCCYX),
    bone_pits=tuple(  # the openings in the back of the sacrum, four each side
        ((_MIDLINE + side * offset, y), rx, ry)
        for side in (-1, 1)
        for offset, y, rx, ry in ((20, 172, 5.0, 6.0), (18, 197, 4.5, 5.5), (15, 220, 4.0, 5.0), (12, 242, 3.5, 4.5))
    ),
    socket=None,
    femur=_BACK_FEMUR,
    femur_head=((196, 232), 26.0),
    femur_hidden_lines=(),
    band=_BACK_BAND,
    muscles=_BACK_MUSCLES,
    labels=(
        BoneLabel("crest", (205, 64), (205, 82)),
        BoneLabel("sacrum", (_MIDLINE, 150), (_MIDLINE, 150)),
        BoneLabel("ischium", (150, 420), (176, 338)),
        BoneLabel("trochanter", (350, 226), (276, 226)),
        BoneLabel("band", (340, 440), (278, 440)),
        BoneLabel("femur", (340, 488), (262, 488)),
    ),
    orientation=("middle", "outside"),
)

_SCENES: dict[View, Scene] = {"side": _SIDE, "back": _BACK}


# --- drawing ------------------------------------------------------------------------------------------------
def _smooth_path(points: Sequence[Point], closed: bool = True) -> str:
    """A smooth SVG path through `points` (Catmull-Rom turned into cubic Béziers), so outlines look organic."""
    count = len(points)
    parts = [f"M{points[0][0]:g},{points[0][1]:g}"]
    last = count if closed else count - 1
    for index in range(last):
        p0 = points[(index - 1) % count] if closed or index > 0 else points[index]
        p1 = points[index]
        p2 = points[(index + 1) % count]
        p3 = points[(index + 2) % count] if closed or index + 2 < count else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:g},{p2[1]:g}")
    return "".join(parts) + ("Z" if closed else "")


def _ellipse_path(centre: Point, rx: float, ry: float) -> str:
    (x, y) = centre
    return f"M{x - rx:g},{y:g}a{rx:g},{ry:g} 0 1,0 {2 * rx:g},0a{rx:g},{ry:g} 0 1,0 {-2 * rx:g},0Z"


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: float = 12, weight: str = "normal",
          fill: str = _INK, halo: bool = False) -> str:
    halo_style = ' stroke="white" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"' if halo else ""
    return (
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" font-size="{size:g}" font-weight="{weight}" '
        f'font-family="sans-serif" fill="{fill}"{halo_style}>{escape(text)}</text>'
    )


def _bones(scene: Scene) -> str:
    style = f'fill="{_BONE_FILL}" stroke="{_BONE_LINE}" stroke-width="1.3"'
    parts = [f'<path d="{_smooth_path(outline)}" {style}/>' for outline in scene.bones]
    parts.extend(
        f'<path d="{_ellipse_path(centre, rx, ry)}" fill="{_SOCKET_FILL}" stroke="{_BONE_LINE}" stroke-width="0.8"/>'
        for centre, rx, ry in scene.bone_pits
    )
    if scene.socket is not None:
        centre, radius = scene.socket
        parts.append(f'<path d="{_ellipse_path(centre, radius, radius)}" fill="{_SOCKET_FILL}" stroke="{_BONE_LINE}"/>')
    return f'<g data-part="pelvis">{"".join(parts)}</g>'


def _femur(scene: Scene) -> str:
    style = f'fill="{_BONE_FILL}" stroke="{_BONE_LINE}" stroke-width="1.3"'
    (centre, radius) = scene.femur_head
    hidden = "".join(
        f'<line x1="{a[0]:g}" y1="{a[1]:g}" x2="{b[0]:g}" y2="{b[1]:g}" stroke="{_BONE_LINE}" stroke-dasharray="3 3"/>'
        for a, b in scene.femur_hidden_lines
    )
    return (
        f'<g data-part="femur"><path d="{_ellipse_path(centre, radius, radius)}" {style}/>{hidden}'
        f'<path d="{_smooth_path(scene.femur)}" {style}/></g>'
    )


def _band(scene: Scene) -> str:
    xs = [x for x, _ in scene.band]
    top = min(y for _, y in scene.band)
    bottom = max(y for _, y in scene.band)
    lines = "".join(
        f'<line x1="{x:g}" y1="{top:g}" x2="{x:g}" y2="{bottom:g}" stroke="{_BAND_LINE}" stroke-width="0.6"/>'
        for x in range(int(min(xs)) + 4, int(max(xs)), 6)
    )
    return (
        f'<g data-part="it_band"><clipPath id="band-clip"><path d="{_smooth_path(scene.band)}"/></clipPath>'
        f'<path d="{_smooth_path(scene.band)}" fill="{_BAND_FILL}" fill-opacity="0.6" stroke="{_BAND_LINE}"/>'
        f'<g clip-path="url(#band-clip)">{lines}</g></g>'
    )


def _muscle(muscle_id: str, shape: MuscleShape, emphasis: str) -> str:
    """One muscle: `chosen` in strong colour, `other` in pale grey, `over` see-through with a dashed outline."""
    if emphasis == "chosen":
        style = f'fill="{_CHOSEN_FILL}" fill-opacity="0.9" stroke="{_CHOSEN_LINE}" stroke-width="2.2"'
        fibre = f'stroke="{_CHOSEN_FIBRE}" stroke-width="1.2"'
    elif emphasis == "over":
        style = f'fill="{_OTHER_FILL}" fill-opacity="0.25" stroke="{_OVER_LINE}" stroke-width="1.3" stroke-dasharray="6 4"'
        fibre = ""
    else:
        style = f'fill="{_OTHER_FILL}" fill-opacity="0.8" stroke="{_OTHER_LINE}" stroke-width="1"'
        fibre = f'stroke="{_OTHER_FIBRE}" stroke-width="0.9"'
    clip = f"clip-{muscle_id}"
    parts = [f'<clipPath id={quoteattr(clip)}><path d="{_smooth_path(shape.outline)}"/></clipPath>']
    if shape.hidden_part and emphasis == "chosen":  # only the chosen muscle is followed behind the bone
        parts.append(
            f'<path d="{_smooth_path(shape.hidden_part)}" fill="none" stroke="{_CHOSEN_LINE}" stroke-width="1.3" '
            'stroke-dasharray="4 3" data-hidden-part="true"/>'
        )
    parts.append(f'<path d="{_smooth_path(shape.outline)}" {style}/>')
    if fibre:
        lines = "".join(
            f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" {fibre}/>' for a, b in shape.fibres
        )
        parts.append(f'<g clip-path="url(#{clip})" data-fibres="true">{lines}</g>')
    return f'<g data-muscle={quoteattr(muscle_id)} data-emphasis="{emphasis}">{"".join(parts)}</g>'


def _marker(kind: str, marker: Marker) -> str:
    """A filled dot where the muscle starts, a ring where it ends; a dashed ring on the far side of a bone."""
    x, y = marker.at
    if kind == "starts" and not marker.hidden:
        symbol = f'<circle cx="{x:g}" cy="{y:g}" r="6" fill="{_INK}" stroke="white" stroke-width="2"/>'
    else:
        dash = ' stroke-dasharray="3 2"' if marker.hidden else ""
        fill = _INK if kind == "starts" else "white"
        inner = f'<circle cx="{x:g}" cy="{y:g}" r="2.5" fill="{fill}"/>' if kind == "starts" else ""
        symbol = (
            f'<circle cx="{x:g}" cy="{y:g}" r="7" fill="white" fill-opacity="0.9" stroke="{_INK}" stroke-width="2.5"{dash}/>'
            f"{inner}"
        )
    word = strings.MUSCLE_DRAWING_STARTS if kind == "starts" else strings.MUSCLE_DRAWING_ENDS
    anchor = "end" if marker.label_dx < 0 else "start"
    label = _text(x + marker.label_dx, y + marker.label_dy, word, anchor=anchor, size=13, weight="bold", halo=True)
    hidden = ' data-hidden="true"' if marker.hidden else ""
    return f'<g data-marker="{kind}"{hidden}>{symbol}{label}</g>'


def _bone_label(label: BoneLabel) -> str:
    """A landmark's name in soft grey, with a thin line from the end of the words to the place it names."""
    text = strings.MUSCLE_DRAWING_BONES[label.key]
    (tx, ty), (px, py) = label.text_at, label.points_to
    leader = ""
    if (tx, ty) != (px, py):
        if abs(px - tx) > abs(py - ty):  # beside the place: start at the near end of the words
            start = (tx - _half_width(text) if px < tx else tx + _half_width(text), ty - 4)
        else:  # above or below it: start under or over the words
            start = (tx, ty + 4 if py > ty else ty - 13)
        leader = (
            f'<line x1="{start[0]:.1f}" y1="{start[1]:g}" x2="{px:g}" y2="{py:g}" stroke="{_SOFT_INK}" '
            'stroke-width="0.8"/>'
        )
    text_svg = _text(tx, ty, text, anchor="middle", size=11, fill=_SOFT_INK, halo=True)
    return f"<g data-label={quoteattr(label.key)}>{leader}{text_svg}</g>"


def _half_width(text: str, size: float = 11) -> float:
    """About half the drawn width of `text` at `size` (sans-serif letters average a little over half an em)."""
    return len(text) * size * 0.55 / 2 + 3


class _Legend:
    """The key under the drawing: one swatch per row, drawn like what it stands for, and its words."""

    def __init__(self, top: float) -> None:
        self.parts: list[str] = []
        self.y = top

    def row(self, swatch: str, text: str) -> None:
        self.parts.append(swatch.format(x=14, y=self.y - 11, cx=25, cy=self.y - 4))
        for line in textwrap.wrap(text, _LEGEND_CHARS) or [""]:
            self.parts.append(_text(44, self.y, line, size=12))
            self.y += 15
        self.y += 5


def drawn_muscles(view: View) -> tuple[str, ...]:
    """The ids of the muscles drawn in `view`, from the far side towards the viewer (the drawing order)."""
    return tuple(_SCENES[view].muscles)


def has_muscle_drawing(knowledge: KnowledgeBase, muscle_id: str) -> bool:
    """True when `muscle_id` is in the knowledge and drawn in every view."""
    return muscle_id in knowledge.muscles and all(muscle_id in _SCENES[view].muscles for view in VIEWS)


def muscles_over(view: View, muscle_id: str) -> tuple[str, ...]:
    """The muscles drawn nearer the viewer than `muscle_id` in `view`: shown see-through over it."""
    order = drawn_muscles(view)
    return order[order.index(muscle_id) + 1 :]


def _scene(view: View) -> Scene:
    if view not in _SCENES:
        raise ValueError(f"unknown view {view!r}; expected one of {VIEWS}")
    return _SCENES[view]


def muscle_drawing(knowledge: KnowledgeBase, muscle_id: str, view: View) -> str:
    """SVG of the pelvis and thigh bone in `view` ("side" or "back") with `muscle_id` drawn out and its attachments marked.

    Groups carry `data-muscle` and `data-emphasis` ("chosen", "other" or "over"), markers `data-marker`
    ("starts" or "ends") and `data-hidden` when on the far side of a bone. Raises KeyError for a muscle
    that is not drawn, ValueError for an unknown view.
    """
    scene = _scene(view)
    if not has_muscle_drawing(knowledge, muscle_id):
        raise KeyError(muscle_id)
    over = set(muscles_over(view, muscle_id))
    name = knowledge.muscles[muscle_id].name
    view_title = strings.MUSCLE_DRAWING_VIEW_TITLES[view]
    parts = [_bones(scene), _femur(scene), _band(scene)]
    for other_id, shape in scene.muscles.items():
        emphasis = "chosen" if other_id == muscle_id else "over" if other_id in over else "other"
        parts.append(_muscle(other_id, shape, emphasis))
    parts.extend(_bone_label(label) for label in scene.labels)
    chosen = scene.muscles[muscle_id]
    parts.extend(_marker("starts", marker) for marker in chosen.starts)
    parts.extend(_marker("ends", marker) for marker in chosen.ends)
    left, right = (strings.MUSCLE_DRAWING_DIRECTIONS[word] for word in scene.orientation)
    parts.append(_text(12, 24, f"← {left}", size=12, fill=_SOFT_INK))
    parts.append(_text(WIDTH - 12, 24, f"{right} →", anchor="end", size=12, fill=_SOFT_INK))

    legend = _Legend(_DRAWING_HEIGHT + 22)
    legend.parts.append(_text(14, _DRAWING_HEIGHT + 2, view_title, size=13, weight="bold"))
    swatch = '<rect x="{x}" y="{y}" width="22" height="14" '
    legend.row(swatch + f'fill="{_CHOSEN_FILL}" stroke="{_CHOSEN_LINE}" stroke-width="2"/>',
               strings.MUSCLE_DRAWING_LEGEND_CHOSEN.format(name=name))
    legend.row(swatch + f'fill="{_OTHER_FILL}" stroke="{_OTHER_LINE}"/>', strings.MUSCLE_DRAWING_LEGEND_OTHERS)
    if over:
        legend.row(swatch + f'fill="{_OTHER_FILL}" fill-opacity="0.25" stroke="{_OVER_LINE}" stroke-dasharray="5 3"/>',
                   strings.MUSCLE_DRAWING_LEGEND_OVER)
    legend.row(f'<circle cx="{{cx}}" cy="{{cy}}" r="6" fill="{_INK}"/>', strings.MUSCLE_DRAWING_LEGEND_STARTS)
    legend.row(f'<circle cx="{{cx}}" cy="{{cy}}" r="6" fill="white" stroke="{_INK}" stroke-width="2.5"/>',
               strings.MUSCLE_DRAWING_LEGEND_ENDS)
    if any(marker.hidden for marker in (*chosen.starts, *chosen.ends)):
        legend.row(f'<circle cx="{{cx}}" cy="{{cy}}" r="6" fill="white" stroke="{_INK}" stroke-width="2.5" '
                   'stroke-dasharray="3 2"/>', strings.MUSCLE_DRAWING_LEGEND_HIDDEN)
    legend.row(swatch + f'fill="{_BAND_FILL}" stroke="{_BAND_LINE}"/>', strings.MUSCLE_DRAWING_LEGEND_BAND)
    height = legend.y + 4
    title = strings.MUSCLE_DRAWING_TITLE.format(name=name, view=view_title)
    title_id = f"muscle-drawing-{view}-title"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id}" '
        f'viewBox="0 0 {WIDTH:g} {height:g}" width="{WIDTH * _SCALE:.0f}" height="{height * _SCALE:.0f}">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<rect width="{WIDTH:g}" height="{height:g}" fill="white"/>'
        f"{''.join(parts)}{''.join(legend.parts)}</svg>"
    )


def muscle_drawing_text(knowledge: KnowledgeBase, muscle_id: str, view: View) -> str:
    """The drawing in words (its alt text): what it shows, where the muscle starts and ends, what lies over it."""
    scene = _scene(view)
    if not has_muscle_drawing(knowledge, muscle_id):
        raise KeyError(muscle_id)
    muscle = knowledge.muscles[muscle_id]
    sentences = [
        strings.MUSCLE_DRAWING_ALT.format(view=strings.MUSCLE_DRAWING_VIEW_TITLES[view], name=muscle.name),
        strings.MUSCLE_DRAWING_ALT_STARTS.format(origin=muscle.origin),
        strings.MUSCLE_DRAWING_ALT_ENDS.format(insertion=muscle.insertion),
    ]
    chosen = scene.muscles[muscle_id]
    if any(marker.hidden for marker in chosen.starts):
        sentences.append(strings.MUSCLE_DRAWING_ALT_START_HIDDEN)
    if any(marker.hidden for marker in chosen.ends):
        sentences.append(strings.MUSCLE_DRAWING_ALT_END_HIDDEN)
    over = [knowledge.muscles[other].name for other in muscles_over(view, muscle_id) if other in knowledge.muscles]
    if over:
        sentences.append(strings.MUSCLE_DRAWING_ALT_OVER.format(names=", ".join(over)))
    return " ".join(sentences)
