"""Figures for the Exercises screen: EMG bar charts and the recovery timeline (pure: view model in, figure out).

Each figure has a text or table equivalent built from the same view model; labels carry the meaning, so
colour is never the only signal.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from glutemap import strings
from glutemap.screens.exercises import EmgChart, PhaseView

_INK = "#1f1f1f"
_THIS_EXERCISE = "#004c99"
_OTHER = "#a9b4c2"
_PHASE_FILL = "#e6eef7"
_CHECK_IN_FILL = "#fff3d6"
_OUTLINE = "#3a4a5c"
_FONT = {"size": 15, "color": _INK}


def _safe(text: str) -> str:
    """Plotly reads a few HTML tags in labels; escape knowledge text so it shows exactly as written."""
    return html.escape(text, quote=False)


def _wrapped(text: str, width: int) -> str:
    return "<br>".join(_safe(line) for line in textwrap.wrap(text, width)) or _safe(text)


# Characters per line of an EMG chart's title and bar labels: short enough that a 360 px phone shows them whole.
TITLE_WIDTH = 36
LABEL_WIDTH = 22


def emg_figure(chart: EmgChart) -> go.Figure:
    """Horizontal bars, one per task; this page's exercise is dark blue, hatched and marked ◆ in its label."""
    rows = list(reversed(chart.rows))  # plotly draws the first category at the bottom
    figure = go.Figure(
        go.Bar(
            x=[row.percent for row in rows],
            y=[_wrapped(row.label, LABEL_WIDTH) for row in rows],
            orientation="h",
            marker={
                "color": [_THIS_EXERCISE if row.is_this_exercise else _OTHER for row in rows],
                "pattern": {"shape": ["/" if row.is_this_exercise else "" for row in rows], "fgcolor": "#ffffff"},
                "line": {"color": _OUTLINE, "width": 1},
            },
            text=[_safe(row.value_short) for row in rows],
            textposition="outside",
            cliponaxis=False,
            hoverinfo="skip",
        )
    )
    longest = max((row.percent for row in rows), default=100.0)
    # What the bars measure goes under the title, which is centred on the whole chart: an axis title is centred on
    # the bars alone, and on a phone ran off the edge.
    title = f"{_wrapped(chart.title, TITLE_WIDTH)}<br>{_wrapped(strings.EMG_AXIS, TITLE_WIDTH)}"
    top = 36 + 22 * (title.count("<br>") + 1)  # room for every line of the title, from the top down
    figure.update_layout(
        title={"text": title, "font": {"size": 15}, "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
        xaxis={"range": [0, max(120.0, longest * 1.35)], "fixedrange": True},
        yaxis={"fixedrange": True, "automargin": True},
        font=_FONT,
        height=top + 50 + 58 * len(rows),
        margin={"l": 10, "r": 10, "t": top, "b": 40},
        showlegend=False,
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
    )
    return figure


def phases_figure(phases: tuple[PhaseView, ...]) -> go.Figure:
    """The recovery order as boxes joined by arrows; check-in steps sit underneath, dashed, as "at any stage"."""
    steps = [phase for phase in phases if phase.kind == "phase"]
    check_ins = [phase for phase in phases if phase.kind != "phase"]
    figure = go.Figure()
    box_width, gap = 3.0, 0.8
    for index, phase in enumerate(steps):
        left = index * (box_width + gap)
        figure.add_shape(
            type="rect", x0=left, x1=left + box_width, y0=1.0, y1=3.0,
            fillcolor=_PHASE_FILL, line={"color": _OUTLINE, "width": 2},
        )
        figure.add_annotation(
            x=left + box_width / 2, y=2.0, showarrow=False, align="center",
            text=f"<b>{_wrapped(f'{index + 1}. {phase.title}', 20)}</b><br>{_wrapped(phase.when, 22)}",
        )
        if index:
            figure.add_annotation(
                x=left - 0.05, y=2.0, ax=left - gap + 0.05, ay=2.0, xref="x", yref="y", axref="x", ayref="y",
                showarrow=True, arrowhead=3, arrowwidth=2, arrowcolor=_OUTLINE, text="",
            )
    total_width = max(len(steps), 1) * (box_width + gap) - gap
    for index, phase in enumerate(check_ins):
        top = -0.2 - index * 2.2
        figure.add_shape(
            type="rect", x0=0, x1=total_width, y0=top - 1.8, y1=top,
            fillcolor=_CHECK_IN_FILL, line={"color": _OUTLINE, "width": 2, "dash": "dash"},
        )
        figure.add_annotation(
            x=total_width / 2, y=top - 0.9, showarrow=False, align="center",
            text=f"<b>{_safe(phase.title)} ({_safe(phase.when)})</b><br>{_wrapped(phase.what, 60)}",
        )
    bottom = -0.2 - len(check_ins) * 2.2
    figure.update_layout(
        title={"text": _safe(strings.PHASES_FIGURE_TITLE), "font": {"size": 16}},
        xaxis={"visible": False, "range": [-0.2, total_width + 0.2], "fixedrange": True},
        yaxis={"visible": False, "range": [bottom, 3.2], "fixedrange": True},
        font=_FONT,
        height=280 + 110 * len(check_ins),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        showlegend=False,
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
    )
    return figure
