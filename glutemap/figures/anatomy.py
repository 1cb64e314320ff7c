"""Figures for the Anatomy screen (pure: knowledge in, plotly figure or plain-text equivalent out).

Every figure labels what it shows in words inside the picture, so colour is never the only signal, and has a
text or table equivalent built from the same data.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import plotly.graph_objects as go

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase, Muscle
from glutemap.screens.anatomy import layer_sentence
from glutemap.screens.common import FOCUS_MUSCLES, Table

# The three gluteal muscles drawn in the layer diagram, from the skin inward.
GLUTEAL_MUSCLES = ("gluteus_maximus", "gluteus_medius", "gluteus_minimus")

# Light fills keep black labels readable (contrast above 4.5:1); the labels carry the meaning, not the colour.
_LAYER_FILLS = ("#f4c2ba", "#eba59c", "#e08a80")
_SKIN_FILL = "#f6e3d3"
_BONE_FILL = "#e4e0d6"
_OUTLINE = "#5a3a36"
_INK = "#1f1f1f"
_HIGHLIGHT_WIDTH = 5
_BAND_HEIGHT = 20.0
_SKIN_HEIGHT = 10.0
_BONE_HEIGHT = 18.0
_WAVE = 3.0
_STEPS = 41


def _safe(text: str) -> str:
    """Plotly reads a few HTML tags in labels and hover text; escape knowledge text so it shows as written."""
    return html.escape(text, quote=False)


def _layer_muscles(knowledge: KnowledgeBase) -> list[Muscle]:
    found = [knowledge.muscles[muscle_id] for muscle_id in GLUTEAL_MUSCLES if muscle_id in knowledge.muscles]
    return sorted(found, key=lambda muscle: muscle.layer)


def _curve(base: float) -> tuple[list[float], list[float]]:
    """A gently curved boundary, like the rounded buttock seen in a slice."""
    xs = [100.0 * step / (_STEPS - 1) for step in range(_STEPS)]
    return xs, [base + _WAVE * math.sin(math.pi * x / 100.0) for x in xs]


def _band(name: str, top: float, bottom: float, fill: str, width: float, pattern: str = "") -> go.Scatter:
    top_x, top_y = _curve(top)
    bottom_x, bottom_y = _curve(bottom)
    return go.Scatter(
        x=top_x + bottom_x[::-1] + [top_x[0]],
        y=top_y + bottom_y[::-1] + [top_y[0]],
        mode="lines",
        fill="toself",
        fillcolor=fill,
        fillpattern={"shape": pattern, "fgcolor": _OUTLINE, "size": 8, "solidity": 0.15} if pattern else None,
        line={"color": _OUTLINE, "width": width},
        name=name,
        hoverinfo="name",
        showlegend=False,
    )


def _label(text: str, y: float, bold: bool = False) -> dict[str, object]:
    return {
        "x": 50,
        "y": y + _WAVE,
        "text": f"<b>{text}</b>" if bold else text,
        "showarrow": False,
        "font": {"size": 16, "color": _INK},
    }


def layer_figure(knowledge: KnowledgeBase, highlight: str | None = None) -> go.Figure:
    """The buttock in a slice: skin, then gluteus maximus over medius over minimus over the hip bone, labelled."""
    muscles = _layer_muscles(knowledge)
    traces = []
    annotations = []
    top = _BONE_HEIGHT + _BAND_HEIGHT * len(muscles) + _SKIN_HEIGHT
    traces.append(_band(strings.LAYER_FIGURE_OUTSIDE, top, top - _SKIN_HEIGHT, _SKIN_FILL, 1))
    annotations.append(_label(strings.LAYER_FIGURE_OUTSIDE, top - _SKIN_HEIGHT / 2))
    band_top = top - _SKIN_HEIGHT
    for index, muscle in enumerate(muscles):
        chosen = muscle.id == highlight
        text = strings.LAYER_FIGURE_BAND.format(layer=muscle.layer, name=_safe(muscle.name))
        if chosen:
            text += strings.LAYER_FIGURE_THIS
        fill = _LAYER_FILLS[index % len(_LAYER_FILLS)]
        bottom = band_top - _BAND_HEIGHT
        traces.append(_band(_safe(muscle.name), band_top, bottom, fill, _HIGHLIGHT_WIDTH if chosen else 1))
        annotations.append(_label(text, band_top - _BAND_HEIGHT / 2, bold=chosen))
        band_top = bottom
    traces.append(_band(strings.LAYER_FIGURE_BONE, band_top, 0, _BONE_FILL, 1, pattern="/"))
    annotations.append(_label(strings.LAYER_FIGURE_BONE, band_top / 2))
    figure = go.Figure(data=traces)
    figure.update_layout(
        title={"text": strings.LAYER_FIGURE_TITLE},
        annotations=annotations,
        xaxis={"visible": False, "range": [-2, 102], "fixedrange": True},
        yaxis={"visible": False, "range": [-2, top + _WAVE + 2], "fixedrange": True},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=420,
        plot_bgcolor="white",
    )
    return figure


def layer_text(knowledge: KnowledgeBase, highlight: str | None = None) -> tuple[str, ...]:
    """The layer diagram in words, from the skin inward, plus where the chosen muscle lies if it is not drawn."""
    lines = [strings.LAYER_TEXT_INTRO]
    for muscle in _layer_muscles(knowledge):
        depth = strings.LAYER_DEPTH_WORDS.get(muscle.layer, str(muscle.layer))
        lines.append(strings.LAYER_TEXT_BAND.format(layer=muscle.layer, depth=depth, name=muscle.name))
    lines.append(strings.LAYER_TEXT_BONE)
    if highlight is not None and highlight in knowledge.muscles:
        lines.append(layer_sentence(knowledge, knowledge.muscles[highlight]))
    return tuple(lines)


# --- the Trendelenburg sign -------------------------------------------------------------------------------
# Two stick figures seen from behind, so the person's left is on the viewer's left. Both stand on the right
# leg; the second one's pelvis drops on the lifted (left) side. Units: a 100-wide panel, y grows upward.
_PANEL_GAP = 150.0
_FLOOR = 5.0
_HIP_Y = 55.0
_DROP = 8.0
_LIFTED_FOOT_Y = 17.0
_BODY_COLOUR = "#333333"
_LEVEL_COLOUR = "#2b6cb0"
_DROP_COLOUR = "#b83227"


def _stick_figure(offset: float, left_hip_y: float) -> tuple[list[float | None], list[float | None]]:
    """Head, trunk, arms and both legs as one broken line (None separates the strokes)."""
    centre_y = (left_hip_y + _HIP_Y) / 2
    lift = left_hip_y - _HIP_Y
    head = [(50 + 6 * math.cos(a / 12 * 2 * math.pi), 92 + 6 * math.sin(a / 12 * 2 * math.pi)) for a in range(13)]
    strokes: list[list[tuple[float, float]]] = [
        head,
        [(50, 86), (50, centre_y)],
        [(36, 80), (64, 80)],
        [(36, 80), (33, 58)],
        [(64, 80), (67, 58)],
        [(60, _HIP_Y), (61, 30), (62, _FLOOR)],
        [(40, left_hip_y), (38, 32 + lift / 2), (40, _LIFTED_FOOT_Y)],
    ]
    xs: list[float | None] = []
    ys: list[float | None] = []
    for stroke in strokes:
        xs.extend([x + offset for x, _ in stroke] + [None])
        ys.extend([y for _, y in stroke] + [None])
    return xs, ys


def _line(
    name: str, xs: Sequence[float | None], ys: Sequence[float | None], colour: str, width: float, dash: str
) -> go.Scatter:
    return go.Scatter(
        x=list(xs),
        y=list(ys),
        mode="lines",
        name=name,
        line={"color": colour, "width": width, "dash": dash},
        hoverinfo="name",
        showlegend=False,
    )


def _pelvis(name: str, offset: float, left_hip_y: float, colour: str, symbol: str) -> go.Scatter:
    return go.Scatter(
        x=[40 + offset, 60 + offset],
        y=[left_hip_y, _HIP_Y],
        mode="lines+markers",
        name=name,
        line={"color": colour, "width": 6},
        marker={"size": 12, "color": colour, "symbol": symbol},
        hoverinfo="name",
        showlegend=False,
    )


def _note(x: float, y: float, text: str, **extra: object) -> dict[str, object]:
    return {"x": x, "y": y, "text": text, "showarrow": False, "font": {"size": 14, "color": _INK}, **extra}


def trendelenburg_figure() -> go.Figure:
    """Standing on one leg: a level pelvis with strong hip muscles beside a pelvis dropping on the lifted side."""
    traces = []
    annotations: list[dict[str, object]] = []
    panels: tuple[tuple[float, float, str, str, str, str], ...] = (
        (0.0, _HIP_Y, strings.TRENDELENBURG_LEVEL_TITLE, strings.TRENDELENBURG_PELVIS_LEVEL, _LEVEL_COLOUR, "circle"),
        (_PANEL_GAP, _HIP_Y - _DROP, strings.TRENDELENBURG_DROP_TITLE, strings.TRENDELENBURG_PELVIS_DROP,
         _DROP_COLOUR, "square"),
    )
    for offset, left_hip_y, title, pelvis_name, colour, symbol in panels:
        body_x, body_y = _stick_figure(offset, left_hip_y)
        level_x, level_y = [25 + offset, 75 + offset], [_HIP_Y, _HIP_Y]
        floor_x, floor_y = [15 + offset, 85 + offset], [_FLOOR, _FLOOR]
        traces += [
            _line(strings.TRENDELENBURG_BODY, body_x, body_y, _BODY_COLOUR, 3, "solid"),
            _line(strings.TRENDELENBURG_LEVEL_LINE, level_x, level_y, _INK, 1.5, "dash"),
            _line(strings.TRENDELENBURG_FLOOR, floor_x, floor_y, _BODY_COLOUR, 2, "solid"),
            _pelvis(pelvis_name, offset, left_hip_y, colour, symbol),
        ]
        annotations += [
            _note(50 + offset, 110, f"<b>{title}</b>"),
            _note(25 + offset, -4, strings.TRENDELENBURG_PERSON_LEFT),
            _note(75 + offset, -4, strings.TRENDELENBURG_PERSON_RIGHT),
            _note(76 + offset, _HIP_Y, strings.TRENDELENBURG_LEVEL_NOTE, xanchor="left"),
            _note(66 + offset, 14, strings.TRENDELENBURG_STANDING_LEG, xanchor="left"),
            _note(35 + offset, _LIFTED_FOOT_Y, strings.TRENDELENBURG_LIFTED_LEG, xanchor="right"),
        ]
    annotations += [
        _note(60, _HIP_Y, strings.TRENDELENBURG_MUSCLES, showarrow=True, ax=40, ay=25, arrowhead=2,
              xanchor="left", yanchor="top", align="left"),
        _note(40 + _PANEL_GAP, _HIP_Y - _DROP, strings.TRENDELENBURG_PELVIS_DROP_NOTE, showarrow=True, ax=-45,
              ay=0, arrowhead=2, arrowcolor=_DROP_COLOUR, xanchor="right", align="right"),
    ]
    figure = go.Figure(data=traces)
    figure.update_layout(
        title={"text": strings.TRENDELENBURG_FIGURE_TITLE},
        annotations=annotations,
        xaxis={"visible": False, "range": [-10, _PANEL_GAP + 110], "fixedrange": True},
        yaxis={"visible": False, "range": [-10, 115], "fixedrange": True, "scaleanchor": "x"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=460,
        plot_bgcolor="white",
    )
    return figure


def trendelenburg_text() -> tuple[str, ...]:
    """The Trendelenburg figure in words."""
    return strings.TRENDELENBURG_TEXT


# --- medius and minimus side by side ----------------------------------------------------------------------
def _comparison_cells(knowledge: KnowledgeBase, muscle: Muscle) -> dict[str, str]:
    referral = "; ".join(
        f"{pattern.label}: "
        + ", ".join(knowledge.regions[area.region].label for area in pattern.areas if area.spread == "primary")
        for pattern in muscle.referral_patterns
    )
    return {
        "latin_name": muscle.latin_name or "",
        "summary": muscle.summary,
        "layer": layer_sentence(knowledge, muscle),
        "origin": muscle.origin,
        "insertion": muscle.insertion,
        "nerve": muscle.nerve,
        "nerve_roots": ", ".join(muscle.nerve_roots),
        "blood_supply": muscle.blood_supply,
        "actions": "\n".join(f"{group.fibres}: {' '.join(group.actions)}" for group in muscle.actions),
        "referral": referral,
        "aggravators": ", ".join(muscle.aggravators),
    }


def compare_muscles_table(knowledge: KnowledgeBase) -> Table:
    """Gluteus medius and gluteus minimus side by side, one feature per row."""
    muscles = [knowledge.muscles[muscle_id] for muscle_id in FOCUS_MUSCLES if muscle_id in knowledge.muscles]
    cells = [_comparison_cells(knowledge, muscle) for muscle in muscles]
    rows = tuple(
        (label, *(cell[feature] for cell in cells))
        for feature, label in strings.COMPARE_ROWS.items()
        if any(cell[feature] for cell in cells)
    )
    return Table((strings.COMPARE_FEATURE, *(muscle.name for muscle in muscles)), rows)
