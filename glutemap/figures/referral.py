"""The referral-pattern figure (pure: data in, SVG text out): the body outline with a muscle's pain areas.

Drawn the way trigger-point charts are read: main areas solid red, spill-over areas stippled with red
dots (dense for "sometimes", sparse for "rarely"), and an X where the pattern's trigger point lies when
the knowledge places it (`ReferralPattern.trigger_point`). Colour is never the only signal: fill (solid
or dots), border (solid, dashed, dotted) and the legend's words tell the spreads apart, and with more
than one pattern each pattern's areas carry its letter and its own arrangement of dots. Every figure has
a text equivalent (`referral_table`, `referral_description`).

The figure is a static SVG shown as an image: drawing it costs the browser next to nothing, where a
plotly chart of the same outline held up every tap on Explore. All text in it is XML-escaped.
"""

from __future__ import annotations

import textwrap
import zlib
from collections.abc import Iterable
from functools import cache
from xml.sax.saxutils import escape, quoteattr

from glutemap import strings
from glutemap.figures import body
from glutemap.knowledge.models import KnowledgeBase, ReferralPattern, Spread
from glutemap.screens.common import Table, referral_rows

_SPREADS: tuple[Spread, ...] = ("primary", "occasional", "rare")
_RED = "#d4351c"  # the red of trigger-point charts; white text on it has a contrast of 4.5:1
_RED_EDGE = "#8e2412"
_RED_TINT = "#fbe3df"  # under the dense dots of "sometimes" areas
_MARK = "#111827"  # the X and the letters, each with a white halo so they read on red and on dots
_PATTERN_LETTERS = "ABCD"
_OUTLINE_FILL = "#eceff3"
_OUTLINE_LINE = "#6b7280"
_GRID_LINE = "#b6bcc6"
_DETAIL_LINE = "#a3acb9"
_CHOSEN_LINE = "#111827"
_TEXT = "#1f2937"
_LEGEND_X = body.VIEW_WIDTH + 14
CANVAS_WIDTH = _LEGEND_X + 150
_LEGEND_CHARS = 26  # characters per legend line at the legend's font size
_SCALE = 1.1  # drawn size in CSS pixels per unit


def referral_table(knowledge: KnowledgeBase, muscle_id: str) -> Table:
    """Every referral area of a muscle as (pattern, area, views, how often), main areas first per pattern."""
    order = {spread: index for index, spread in enumerate(_SPREADS)}
    return Table(
        strings.REFERRAL_TABLE_COLUMNS,
        tuple(
            (row.pattern, row.region, row.views, row.spread_label)
            for pattern in knowledge.muscles[muscle_id].referral_patterns
            for row in sorted(referral_rows(knowledge, pattern), key=lambda row: order[row.spread])
        ),
    )


def _trigger_points(knowledge: KnowledgeBase, muscle_id: str) -> set[str]:
    return {p.trigger_point for p in knowledge.muscles[muscle_id].referral_patterns if p.trigger_point is not None}


def referral_views(knowledge: KnowledgeBase, muscle_id: str, side: body.Side = "right") -> list[str]:
    """The body-map views (back, side, front order) on which the muscle's referral areas or trigger points are drawn."""
    bases = {area.region for pattern in knowledge.muscles[muscle_id].referral_patterns for area in pattern.areas}
    bases |= _trigger_points(knowledge, muscle_id)
    candidates = ["back", body.view_key("side", side), "front"]
    return [view for view in candidates if any(target.base_id in bases for target in body.tap_targets(view))]


def _points(polygon: body.Polygon) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in polygon)


def _polygons(polygons: Iterable[body.Polygon], style: str) -> str:
    return "".join(f'<polygon points="{_points(polygon)}" {style}/>' for polygon in polygons)


def _body_layers(drawing: body.BodyView) -> tuple[str, str, str]:
    """The body's clip path (for <defs>), its fill (drawn first) and its line with the detail lines (drawn last)."""
    clip = f'<clipPath id="body-clip">{"".join(f"<path d={quoteattr(path)}/>" for path in drawing.paths)}</clipPath>'
    fill = "".join(f'<path d="{path}" fill="{_OUTLINE_FILL}"/>' for path in drawing.paths)
    lines = "".join(
        f'<path d="{path}" fill="{_OUTLINE_FILL if index in drawing.in_front else "none"}" stroke="{_OUTLINE_LINE}" '
        'stroke-width="1.4" stroke-linejoin="round"/>'
        for index, path in enumerate(drawing.paths)
    )
    details = "".join(
        f'<path d="{path}" fill="none" stroke="{_DETAIL_LINE}" stroke-width="0.9" stroke-linecap="round"/>'
        for path in drawing.details
    )
    return clip, fill, lines + details


def _text(
    x: float, y: float, text: str, anchor: str = "start", size: float = 11, weight: str = "normal", halo: bool = False
) -> str:
    ring = ' stroke="#ffffff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"' if halo else ""
    return (
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" font-size="{size:g}" font-weight="{weight}" '
        f'font-family="sans-serif" fill="{_MARK if halo else _TEXT}"{ring}>{escape(text)}</text>'
    )


def _stipple_id(index: int, spread: Spread) -> str:
    return f"dots-{index}-{spread}"


def _stipple(index: int, spread: Spread) -> str:
    """Red dots for a spill-over area of pattern `index`: close together on a pale tint for "sometimes",
    far apart on white for "rarely". Pattern 0 puts its dots on a square grid, pattern 1 staggers them,
    patterns 2 and 3 turn those by 45 degrees, so patterns differ without colour.
    """
    tile, radius = (4.6, 1.15) if spread == "occasional" else (8.0, 1.05)
    if index % 2:
        tile *= 2**0.5  # two dots per tile, the same number of dots per area
        dots = [(tile / 4, tile / 4), (3 * tile / 4, 3 * tile / 4)]
    else:
        dots = [(tile / 2, tile / 2)]
    ground = f'<rect width="{tile:.2f}" height="{tile:.2f}" fill="{_RED_TINT}"/>' if spread == "occasional" else ""
    turn = ' patternTransform="rotate(45)"' if index % 4 >= 2 else ""
    return (
        f'<pattern id="{_stipple_id(index, spread)}" width="{tile:.2f}" height="{tile:.2f}" '
        f'patternUnits="userSpaceOnUse"{turn}>{ground}'
        + "".join(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{radius:g}" fill="{_RED}"/>' for x, y in dots)
        + "</pattern>"
    )


def _spread_style(index: int, spread: Spread) -> str:
    """SVG attributes for one spread: solid red with a solid edge, or red dots with a dashed or dotted edge."""
    if spread == "primary":
        return f'fill="{_RED}" stroke="{_RED_EDGE}" stroke-width="1.5"'
    if spread == "occasional":
        return f'fill="url(#{_stipple_id(index, spread)})" stroke="{_RED}" stroke-width="1.8" stroke-dasharray="6 3"'
    return (
        f'fill="url(#{_stipple_id(index, spread)})" stroke="{_RED}" stroke-width="2.2" stroke-dasharray="1.5 3" '
        'stroke-linecap="round"'
    )


def _cross(x: float, y: float, half: float = 5.5) -> str:
    """An X centred on (x, y), dark on a white halo."""
    lines = f"M{x - half:g} {y - half:g}L{x + half:g} {y + half:g}M{x - half:g} {y + half:g}L{x + half:g} {y - half:g}"
    return (
        f'<path d="{lines}" stroke="#ffffff" stroke-width="6.5" stroke-linecap="round"/>'
        f'<path d="{lines}" stroke="{_MARK}" stroke-width="3" stroke-linecap="round"/>'
    )


@cache
def _middle(view: str, tap: str) -> tuple[float, float, float]:
    """The centre and radius of the widest circle inside a target: where a letter or an X reads best."""
    target = next(target for target in body.tap_targets(view) if target.id == tap)
    (x, y), radius = body.largest_circle(target.points)
    return x, y, radius


def _chosen_style(width: float) -> str:
    """The visitor's own areas: a thick dark border, no fill."""
    return f'fill="none" stroke="{_CHOSEN_LINE}" stroke-width="{width:g}"'


def _letter(index: int) -> str:
    return _PATTERN_LETTERS[index % len(_PATTERN_LETTERS)]


def _pattern_title(pattern: ReferralPattern, index: int, lettered: bool) -> str:
    if not lettered:
        return pattern.label
    return strings.REFERRAL_PATTERN_TITLE.format(letter=_PATTERN_LETTERS[index % len(_PATTERN_LETTERS)], label=pattern.label)


def _drawn(view: str, bases: set[str], side: body.Side | None) -> list[body.TapTarget]:
    if view.startswith("side"):
        side = None  # a side view only holds its own side
    return [
        target
        for target in body.tap_targets(view)
        if target.base_id in bases and (side is None or target.side in (side, "none"))
    ]


class _Legend:
    """The key beside the body: one row per line of text, swatches drawn like the areas they stand for."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = 14.0

    def heading(self, text: str) -> None:
        for line in textwrap.wrap(text, _LEGEND_CHARS) or [""]:
            self.parts.append(_text(_LEGEND_X, self.y, line, weight="bold"))
            self.y += 14
        self.y += 2

    def row(self, swatch_style: str, text: str) -> None:
        self.parts.append(f'<rect x="{_LEGEND_X:g}" y="{self.y - 10:g}" width="18" height="12" {swatch_style}/>')
        self._words(text)

    def mark(self, text: str) -> None:
        """A row whose swatch is the X of a trigger point."""
        self.parts.append(f'<g data-legend-mark="true">{_cross(_LEGEND_X + 9, self.y - 4, 4.5)}</g>')
        self._words(text)

    def _words(self, text: str) -> None:
        for line in textwrap.wrap(text, _LEGEND_CHARS - 4) or [""]:
            self.parts.append(_text(_LEGEND_X + 24, self.y, line))
            self.y += 14
        self.y += 4

    def note(self, text: str) -> None:
        self.y += 6
        for line in textwrap.wrap(text, _LEGEND_CHARS):
            self.parts.append(_text(_LEGEND_X, self.y, line, size=10))
            self.y += 13


def referral_figure(
    knowledge: KnowledgeBase,
    muscle_id: str,
    view: str,
    selected_regions: Iterable[str] = (),
    side: body.Side | None = None,
) -> str:
    """SVG of the body outline of `view` with the muscle's referral areas by spread and the visitor's areas on top.

    `side` limits the pattern to the person's left or right (None draws it on both sides); side views
    always show their own side. Area groups carry `data-pattern` and `data-spread`, each pattern's X the
    attribute `data-trigger-point`; the visitor's areas are the group with `data-chosen`.
    """
    drawing = body.body_view(view)
    patterns = knowledge.muscles[muscle_id].referral_patterns
    lettered = len(patterns) > 1
    grid_style = f'fill="none" stroke="{_GRID_LINE}" stroke-width="0.8"'
    clip, body_fill, body_lines = _body_layers(drawing)
    parts = [
        f'<g data-outline="true">{body_fill}</g>',
        '<g clip-path="url(#body-clip)">',
        f'<g data-grid="true">{_polygons((target.points for target in drawing.targets), grid_style)}</g>',
    ]
    legend = _Legend()
    fills: list[str] = []
    letters: dict[str, list[tuple[int, str]]] = {}  # tap id -> (pattern index, pattern id) of the letters on it
    crosses: list[tuple[int, ReferralPattern, body.TapTarget]] = []
    for index, pattern in enumerate(patterns):
        drawn_spreads: list[Spread] = []
        for spread in _SPREADS:
            targets = _drawn(view, {area.region for area in pattern.areas if area.spread == spread}, side)
            if not targets:
                continue
            drawn_spreads.append(spread)
            parts.append(
                f'<g data-pattern={quoteattr(pattern.id)} data-spread="{spread}">'
                f"{_polygons((t.points for t in targets), _spread_style(index, spread))}</g>"
            )
            if spread != "primary":
                fills.append(_stipple(index, spread))
            if lettered:
                for target in targets:
                    letters.setdefault(target.id, []).append((index, pattern.id))
        marked = _drawn(view, {pattern.trigger_point}, side) if pattern.trigger_point else []
        crosses.extend((index, pattern, target) for target in marked)
        if drawn_spreads or marked:
            legend.heading(_pattern_title(pattern, index, lettered))
            for spread in drawn_spreads:
                legend.row(_spread_style(index, spread), strings.REFERRAL_LEGEND[spread])
            if marked:
                legend.mark(strings.REFERRAL_TRIGGER_POINT)
    selected = set(selected_regions)
    chosen = [target for target in drawing.targets if target.id in selected]
    if chosen:
        parts.append(f'<g data-chosen="true">{_polygons((t.points for t in chosen), _chosen_style(4))}</g>')
        legend.row(_chosen_style(3), strings.REFERRAL_CHOSEN)  # a thinner border fits the small swatch
    parts.append(f'</g><g data-body-line="true">{body_lines}</g>')
    parts.extend(_marks(view, letters, crosses, lettered))
    parts.extend(
        f'<g data-caption="true">{_text(label.x, label.y, label.text, label.anchor, 13)}</g>' for label in drawing.labels
    )
    elsewhere = _views_elsewhere(knowledge, muscle_id, view)
    if elsewhere:
        legend.note(strings.REFERRAL_OTHER_VIEWS.format(views=elsewhere))
    height = max(drawing.height, legend.y) + 8
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CANVAS_WIDTH:g} {height:g}" '
        f'width="{CANVAS_WIDTH * _SCALE:.0f}" height="{height * _SCALE:.0f}">'
        f'<rect width="{CANVAS_WIDTH:g}" height="{height:g}" fill="white"/>'
        f"<defs>{clip}{''.join(fills)}</defs>{''.join(parts)}{''.join(legend.parts)}</svg>"
    )


def _marks(
    view: str,
    letters: dict[str, list[tuple[int, str]]],
    crosses: list[tuple[int, ReferralPattern, body.TapTarget]],
    lettered: bool,
) -> list[str]:
    """The pattern letters on their areas and the trigger points' X, each in the widest part of its area.

    Where an X shares an area with letters the X goes above them; an X in an area without its own pattern's
    letter gets that letter beside it, so an X always says whose trigger point it is.
    """
    drawn: list[str] = []
    crossed = {target.id for _, _, target in crosses}
    for tap, owners in letters.items():
        x, y, radius = _middle(view, tap)
        if tap in crossed:
            y += min(radius * 0.5, 11)
        for offset, (index, pattern_id) in enumerate(owners):
            shift = (offset - (len(owners) - 1) / 2) * 14
            letter = _text(x + shift, y + 5, _letter(index), "middle", 14, "bold", halo=True)
            drawn.append(f"<g data-letter={quoteattr(pattern_id)}>{letter}</g>")
    for index, pattern, target in crosses:
        x, y, radius = _middle(view, target.id)
        own_letter = any(pattern_id == pattern.id for _, pattern_id in letters.get(target.id, []))
        if target.id in letters:
            y -= min(radius * 0.5, 11)
        tag = ""
        if lettered and not own_letter:
            x -= 6
            tag = _text(x + 13, y + 5, _letter(index), "middle", 13, "bold", halo=True)
        drawn.append(f"<g data-trigger-point={quoteattr(pattern.id)}>{_cross(x, y)}{tag}</g>")
    return drawn


def referral_description(knowledge: KnowledgeBase, muscle_id: str, view: str) -> str:
    """The figure in words (its alt text): the muscle, the view, then each pattern's areas by spread and its X."""
    muscle = knowledge.muscles[muscle_id]
    shown_here = {target.base_id for target in body.tap_targets(view)}
    sentences = [strings.REFERRAL_ALT.format(muscle=muscle.name, view=strings.BODYMAP_VIEW_TITLES[view])]
    for pattern in muscle.referral_patterns:
        groups = []
        for spread in _SPREADS:
            names = [
                knowledge.regions[area.region].label
                for area in pattern.areas
                if area.spread == spread and area.region in shown_here and area.region in knowledge.regions
            ]
            if names:
                groups.append(f"{strings.SPREAD_LABELS[spread]}: {'; '.join(names)}.")
        spot = knowledge.regions.get(pattern.trigger_point) if pattern.trigger_point else None
        if spot is not None and (groups or spot.id in shown_here):
            if spot.id in shown_here:
                groups.append(strings.REFERRAL_TRIGGER_POINT_HERE.format(place=spot.label))
            else:
                elsewhere = strings.VIEW_LABELS[spot.view]
                groups.append(strings.REFERRAL_TRIGGER_POINT_ELSEWHERE.format(place=spot.label, view=elsewhere))
        if groups:
            sentences.append(f"{pattern.label}. {' '.join(groups)}")
    return " ".join(sentences)


def _views_elsewhere(knowledge: KnowledgeBase, muscle_id: str, view: str) -> str:
    """Names of the other views that hold some of this muscle's areas or trigger points, e.g. "Side"."""
    shown_here = {target.base_id for target in body.tap_targets(view)}
    names: list[str] = []
    for pattern in knowledge.muscles[muscle_id].referral_patterns:
        for region_id in (*(area.region for area in pattern.areas), *filter(None, [pattern.trigger_point])):
            region = knowledge.regions.get(region_id)
            if region is None or region_id in shown_here:
                continue
            name = strings.VIEW_LABELS[region.view]
            if name not in names:
                names.append(name)
    return ", ".join(names)


# The views a thumbnail may use, in the order preferred when two hold as many of the areas.
_THUMBNAIL_VIEWS = ("back", "side_right", "front")
THUMBNAIL_HEIGHT = 150  # CSS pixels: a result card's picture beside its heading, the whole body, small enough for a phone


def thumbnail_view(region_ids: Iterable[str]) -> str:
    """The body view showing most of the areas (back, then the right side, then the front on a tie)."""
    bases = set(region_ids)
    return max(_THUMBNAIL_VIEWS, key=lambda view: sum(t.base_id in bases for t in body.tap_targets(view)))


def area_thumbnail(region_ids: Iterable[str]) -> str:
    """A small SVG of the body with the areas in solid red, cropped to the body, for a result card: the picture
    people know from pain charts. Its text equivalent is the card's list of areas (the page gives it as alt).

    The outline is written once and reused (for the fill, the clip and the line), so a card's picture stays small.
    """
    bases = set(region_ids)
    view = thumbnail_view(bases)
    drawing = body.body_view(view)
    # Ids unique to this picture, in case a page ever puts two of them inline in one document.
    prefix = f"t{zlib.crc32(' '.join([view, *sorted(bases)]).encode()):x}"
    shapes = "".join(f'<path id="{prefix}b{index}" d="{path}"/>' for index, path in enumerate(drawing.paths))
    uses = [f'<use href="#{prefix}b{index}"' for index in range(len(drawing.paths))]
    clip = "".join(f"{use}/>" for use in uses)
    fill = "".join(f'{use} fill="{_OUTLINE_FILL}"/>' for use in uses)
    line = "".join(f'{use} fill="none" stroke="{_OUTLINE_LINE}" stroke-width="2"/>' for use in uses)
    area_style = _spread_style(0, "primary")
    areas = _drawn(view, bases, None)
    x0, y0, x1, y1 = body.bounding_box(drawing.outline)
    margin = 4
    left, top, width, height = x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:g} {top:g} {width:g} {height:g}" '
        f'width="{THUMBNAIL_HEIGHT * width / height:.0f}" height="{THUMBNAIL_HEIGHT}" data-view="{view}">'
        f'<defs>{shapes}<clipPath id="{prefix}clip">{clip}</clipPath></defs>{fill}'
        f'<g clip-path="url(#{prefix}clip)" data-areas="true">{_polygons((t.points for t in areas), area_style)}</g>{line}</svg>'
    )
