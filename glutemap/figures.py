"""Plotly figures (pure: data in, figure out); this part draws the body outline and referral patterns.

Every figure here has a text equivalent (`referral_table`). Spread is shown by fill AND line style, so
colour is never the only signal: main areas are solid, "sometimes" areas are hatched with dashed
borders, "rarely" areas have a dotted border and no fill. With more than one pattern each pattern also
gets its own letter on its areas and its own hatch direction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import plotly.graph_objects as go

from glutemap import body, strings
from glutemap.models import SPREAD_LABELS, VIEW_LABELS, KnowledgeBase, ReferralPattern, Spread

_SPREADS: tuple[Spread, ...] = ("primary", "occasional", "rare")
_PATTERN_COLOURS = ("#1d4ed8", "#b45309", "#047857", "#7c3aed")
_PATTERN_HATCHES = ("/", "\\", "x", "-")
_PATTERN_LETTERS = "ABCD"
_OUTLINE_FILL = "#eceff3"
_OUTLINE_LINE = "#6b7280"
_GRID_LINE = "#b6bcc6"
_CHOSEN_LINE = "#111827"


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
                        view=VIEW_LABELS[region.view] if region else "",
                        spread=SPREAD_LABELS[spread],
                    )
                )
    return rows


def referral_views(knowledge: KnowledgeBase, muscle_id: str, side: body.Side = "right") -> list[str]:
    """The body-map views (back, side, front order) on which the muscle's referral areas are drawn."""
    bases = {area.region for pattern in knowledge.muscles[muscle_id].referral_patterns for area in pattern.areas}
    candidates = ["back", body.view_key("side", side), "front"]
    return [view for view in candidates if any(target.base_id in bases for target in body.tap_targets(view))]


def _polygons_xy(polygons: Iterable[body.Polygon]) -> tuple[list[float | None], list[float | None]]:
    """Closed polygons joined into one x/y list, separated by None, for one scatter trace."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for polygon in polygons:
        xs.extend([x for x, _ in polygon] + [polygon[0][0], None])
        ys.extend([y for _, y in polygon] + [polygon[0][1], None])
    return xs, ys


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _outline_traces(view: str) -> list[go.Scatter]:
    outline_x, outline_y = _polygons_xy(body.outline(view))
    grid_x, grid_y = _polygons_xy(target.points for target in body.tap_targets(view))
    quiet = {"hoverinfo": "skip", "showlegend": False, "mode": "lines"}
    return [
        go.Scatter(
            x=outline_x, y=outline_y, fill="toself", fillcolor=_OUTLINE_FILL,
            line={"color": _OUTLINE_LINE, "width": 1.2}, name="outline", **quiet,
        ),
        go.Scatter(x=grid_x, y=grid_y, line={"color": _GRID_LINE, "width": 0.8}, name="areas", **quiet),
    ]  # fmt: skip


def _spread_trace(
    pattern: ReferralPattern, index: int, spread: Spread, targets: list[body.TapTarget], lettered: bool
) -> go.Scatter:
    colour = _PATTERN_COLOURS[index % len(_PATTERN_COLOURS)]
    xs, ys = _polygons_xy(target.points for target in targets)
    style: dict[str, object]
    if spread == "primary":
        style = {"fill": "toself", "fillcolor": _rgba(colour, 0.8), "line": {"color": colour, "width": 2}}
    elif spread == "occasional":
        style = {
            "fill": "toself",
            "fillcolor": _rgba(colour, 0.25),
            "fillpattern": {
                "shape": _PATTERN_HATCHES[index % len(_PATTERN_HATCHES)],
                "fgcolor": colour,
                "bgcolor": _rgba(colour, 0.15),
                "size": 9,
                "solidity": 0.35,
            },
            "line": {"color": colour, "width": 2, "dash": "dash"},
        }
    else:
        style = {"fill": "none", "line": {"color": colour, "width": 2.5, "dash": "dot"}}
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        name=SPREAD_LABELS[spread],
        legendgroup=pattern.id,
        legendgrouptitle={"text": _pattern_title(pattern, index, lettered)},
        hoveron="fills" if spread != "rare" else "points",
        hoverinfo="name",
        **style,
    )


def _pattern_title(pattern: ReferralPattern, index: int, lettered: bool) -> str:
    if not lettered:
        return pattern.label
    return strings.REFERRAL_PATTERN_TITLE.format(letter=_PATTERN_LETTERS[index % len(_PATTERN_LETTERS)], label=pattern.label)


def _letter_trace(pattern: ReferralPattern, index: int, targets: list[body.TapTarget]) -> go.Scatter:
    """The pattern's letter on each of its areas, so two patterns differ without colour."""
    centres = [body.centroid(target.points) for target in targets]
    return go.Scatter(
        x=[x for x, _ in centres],
        y=[y for _, y in centres],
        mode="text",
        text=[_PATTERN_LETTERS[index % len(_PATTERN_LETTERS)]] * len(centres),
        textfont={"size": 14, "color": "#111827", "family": "sans-serif"},
        name=pattern.label,
        legendgroup=pattern.id,
        showlegend=False,
        hoverinfo="skip",
    )


def _drawn(view: str, bases: set[str], side: body.Side | None) -> list[body.TapTarget]:
    if view.startswith("side"):
        side = None  # a side view only holds its own side
    return [
        target
        for target in body.tap_targets(view)
        if target.base_id in bases and (side is None or target.side in (side, "none"))
    ]


def referral_figure(
    knowledge: KnowledgeBase,
    muscle_id: str,
    view: str,
    selected_regions: Iterable[str] = (),
    side: body.Side | None = None,
) -> go.Figure:
    """The body outline of `view` with the muscle's referral areas by spread and the visitor's areas on top.

    `side` limits the pattern to the person's left or right (None draws it on both sides); side views
    always show their own side.
    """
    drawing = body.body_view(view)
    patterns = knowledge.muscles[muscle_id].referral_patterns
    lettered = len(patterns) > 1
    traces: list[go.Scatter] = _outline_traces(view)
    letters: list[go.Scatter] = []
    for index, pattern in enumerate(patterns):
        for spread in _SPREADS:
            bases = {area.region for area in pattern.areas if area.spread == spread}
            targets = _drawn(view, bases, side)
            if not targets:
                continue
            traces.append(_spread_trace(pattern, index, spread, targets, lettered))
            if lettered:
                letters.append(_letter_trace(pattern, index, targets))
    chosen = [target for target in drawing.targets if target.id in set(selected_regions)]
    if chosen:
        xs, ys = _polygons_xy(target.points for target in chosen)
        traces.append(
            go.Scatter(
                x=xs, y=ys, mode="lines", name=strings.REFERRAL_CHOSEN,
                line={"color": _CHOSEN_LINE, "width": 4}, hoverinfo="name",
            )
        )  # fmt: skip
    figure = go.Figure(data=[*traces, *letters])
    for label in drawing.labels:
        figure.add_annotation(
            x=label.x, y=label.y, text=label.text, showarrow=False,
            xanchor={"start": "left", "middle": "center", "end": "right"}[label.anchor],
            font={"size": 13, "color": "#1f2937"},
        )  # fmt: skip
    elsewhere = _views_elsewhere(knowledge, muscle_id, view)
    if elsewhere:
        figure.add_annotation(
            x=body.MIDLINE, y=drawing.height + 8, text=strings.REFERRAL_OTHER_VIEWS.format(views=elsewhere),
            showarrow=False, yanchor="top", font={"size": 12, "color": "#374151"},
        )  # fmt: skip
    figure.update_layout(
        height=720,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=True,
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "groupclick": "toggleitem"},
        dragmode=False,
    )
    figure.update_xaxes(range=[0, body.VIEW_WIDTH], visible=False, fixedrange=True)
    figure.update_yaxes(
        range=[drawing.height + 24, 0], visible=False, fixedrange=True, scaleanchor="x", scaleratio=1
    )
    return figure


def _views_elsewhere(knowledge: KnowledgeBase, muscle_id: str, view: str) -> str:
    """Names of the other views that hold some of this muscle's areas, e.g. "Side"."""
    shown_here = {target.base_id for target in body.tap_targets(view)}
    names: list[str] = []
    for pattern in knowledge.muscles[muscle_id].referral_patterns:
        for area in pattern.areas:
            region = knowledge.regions.get(area.region)
            if region is None or area.region in shown_here:
                continue
            name = VIEW_LABELS[region.view]
            if name not in names:
                names.append(name)
    return ", ".join(names)
