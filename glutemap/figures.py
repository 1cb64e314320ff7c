"""The referral-pattern figure (pure: data in, SVG text out): the body outline with a muscle's pain areas.

Every figure here has a text equivalent (`referral_table`, `referral_description`). Spread is shown by
fill AND line style, so colour is never the only signal: main areas are solid, "sometimes" areas are
hatched with dashed borders, "rarely" areas have a dotted border and no fill. With more than one pattern
each pattern also gets its own letter on its areas and its own hatch direction.

The figure is a static SVG shown as an image: drawing it costs the browser next to nothing, where a
plotly chart of the same outline held up every tap on Explore. All text in it is XML-escaped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from glutemap import body, strings
from glutemap.models import KnowledgeBase, ReferralPattern, Spread

_SPREADS: tuple[Spread, ...] = ("primary", "occasional", "rare")
_PATTERN_COLOURS = ("#1d4ed8", "#b45309", "#047857", "#7c3aed")
# Hatches per pattern: the tile's rotation and its lines (v: vertical, h: horizontal); "vh" cross-hatches.
_PATTERN_HATCHES: tuple[tuple[int, str], ...] = ((45, "v"), (-45, "v"), (45, "vh"), (0, "h"))
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


class ReferralRow(NamedTuple):
    """One row of the text equivalent of a referral figure."""

    pattern: str
    region: str
    view: str
    spread: str


def referral_table(knowledge: KnowledgeBase, muscle_id: str) -> list[ReferralRow]:
    """Every referral area of a muscle as (pattern, area, view, how often), main areas first per pattern."""
    muscle = knowledge.muscles[muscle_id]
    rows: list[ReferralRow] = []
    for pattern in muscle.referral_patterns:
        for spread in _SPREADS:
            for area in pattern.areas:
                if area.spread != spread:
                    continue
                region = knowledge.regions.get(area.region)
                rows.append(
                    ReferralRow(
                        pattern=pattern.label,
                        region=region.label if region else area.region,
                        view=strings.VIEW_LABELS[region.view] if region else "",
                        spread=strings.SPREAD_LABELS[spread],
                    )
                )
    return rows


def referral_views(knowledge: KnowledgeBase, muscle_id: str, side: body.Side = "right") -> list[str]:
    """The body-map views (back, side, front order) on which the muscle's referral areas are drawn."""
    bases = {area.region for pattern in knowledge.muscles[muscle_id].referral_patterns for area in pattern.areas}
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


def _text(x: float, y: float, text: str, anchor: str = "start", size: float = 11, weight: str = "normal") -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" font-size="{size:g}" font-weight="{weight}" '
        f'font-family="sans-serif" fill="{_TEXT}">{escape(text)}</text>'
    )


def _hatch(index: int) -> str:
    """A hatch fill for pattern `index`: its colour, its own line direction, on a pale tint."""
    colour = _PATTERN_COLOURS[index % len(_PATTERN_COLOURS)]
    angle, directions = _PATTERN_HATCHES[index % len(_PATTERN_HATCHES)]
    lines = {"v": '<line x1="1" y1="0" x2="1" y2="7"', "h": '<line x1="0" y1="1" x2="7" y2="1"'}
    strokes = "".join(f'{lines[d]} stroke="{colour}" stroke-width="2"/>' for d in directions)
    return (
        f'<pattern id="hatch-{index}" width="7" height="7" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate({angle})"><rect width="7" height="7" fill="{colour}" fill-opacity="0.15"/>'
        f"{strokes}</pattern>"
    )


def _spread_style(index: int, spread: Spread) -> str:
    """SVG attributes for one spread: solid, hatched and dashed, or dotted without fill."""
    colour = _PATTERN_COLOURS[index % len(_PATTERN_COLOURS)]
    if spread == "primary":
        return f'fill="{colour}" fill-opacity="0.8" stroke="{colour}" stroke-width="2"'
    if spread == "occasional":
        return f'fill="url(#hatch-{index})" stroke="{colour}" stroke-width="2" stroke-dasharray="6 3"'
    return f'fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="1.5 3" stroke-linecap="round"'


def _chosen_style(width: float) -> str:
    """The visitor's own areas: a thick dark border, no fill."""
    return f'fill="none" stroke="{_CHOSEN_LINE}" stroke-width="{width:g}"'


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
    always show their own side. Area groups carry `data-pattern` and `data-spread`; the visitor's areas
    are the group with `data-chosen`.
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
    letters: list[str] = []
    legend = _Legend()
    hatches: list[str] = []
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
            if lettered:
                letter = _PATTERN_LETTERS[index % len(_PATTERN_LETTERS)]
                letters.extend(
                    f'<g data-letter={quoteattr(pattern.id)}>{_text(x, y + 5, letter, "middle", 14, "bold")}</g>'
                    for x, y in (body.centroid(t.points) for t in targets)
                )
        if drawn_spreads:
            legend.heading(_pattern_title(pattern, index, lettered))
            for spread in drawn_spreads:
                legend.row(_spread_style(index, spread), strings.SPREAD_LABELS[spread])
            hatches.append(_hatch(index))
    selected = set(selected_regions)
    chosen = [target for target in drawing.targets if target.id in selected]
    if chosen:
        parts.append(f'<g data-chosen="true">{_polygons((t.points for t in chosen), _chosen_style(4))}</g>')
        legend.row(_chosen_style(3), strings.REFERRAL_CHOSEN)  # a thinner border fits the small swatch
    parts.append(f'</g><g data-body-line="true">{body_lines}</g>')
    parts.extend(letters)
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
        f"<defs>{clip}{''.join(hatches)}</defs>{''.join(parts)}{''.join(legend.parts)}</svg>"
    )


def referral_description(knowledge: KnowledgeBase, muscle_id: str, view: str) -> str:
    """The figure in words (its alt text): the muscle, the view, then each pattern's areas by spread."""
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
        if groups:
            sentences.append(f"{pattern.label}. {' '.join(groups)}")
    return " ".join(sentences)


def _views_elsewhere(knowledge: KnowledgeBase, muscle_id: str, view: str) -> str:
    """Names of the other views that hold some of this muscle's areas, e.g. "Side"."""
    shown_here = {target.base_id for target in body.tap_targets(view)}
    names: list[str] = []
    for pattern in knowledge.muscles[muscle_id].referral_patterns:
        for area in pattern.areas:
            region = knowledge.regions.get(area.region)
            if region is None or area.region in shown_here:
                continue
            name = strings.VIEW_LABELS[region.view]
            if name not in names:
                names.append(name)
    return ", ".join(names)
