"""Icon arrays (pictographs of people) for trial numbers, with the same numbers as a table (pure plotly).

Each person who improved is a filled blue figure; each person who did not is a gray outline. Fill and
colour both differ, so the picture still reads without colour, and every group is labelled with its counts.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from typing import Protocol

import plotly.graph_objects as go

from glutemap import strings

ICONS_PER_ROW = 20
ROW_HEIGHT = 1.3
LABEL_SPACE = 0.8  # from a group's label down to its first row of figures
LINE_SPACE = 0.75  # one line of label text
GROUP_GAP = 1.6  # from a group's last row down to the next group's label
PIXELS_PER_UNIT = 26
HEAD_LIFT = 0.32
BODY_DROP = 0.12
IMPROVED_COLOUR = "#0b5394"  # 8:1 against white
NOT_IMPROVED_COLOUR = "#6b7280"  # 4.8:1 against white, so the outlines stay visible
LABEL_WIDTH = 40  # characters per line of a group label
TITLE_WIDTH = 40


class Counted(Protocol):
    """A trial group as the icon array needs it."""

    @property
    def label(self) -> str: ...

    @property
    def involves(self) -> str: ...

    @property
    def improved(self) -> int: ...

    @property
    def total(self) -> int: ...


def icon_positions(improved: int, total: int, per_row: int = ICONS_PER_ROW) -> list[tuple[int, int, bool]]:
    """(column, row, improved) for each person, filled row by row from the top left, improved people first."""
    return [(index % per_row, index // per_row, index < improved) for index in range(total)]


def _plotly_text(text: str, width: int = LABEL_WIDTH) -> str:
    """Knowledge text made inert for plotly's small HTML subset, wrapped onto lines of `width` characters."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or html.escape(text)


def icon_array_figure(groups: Sequence[Counted], timepoint: str) -> go.Figure:
    """One band of person figures per group, stacked top to bottom, each under its label and counts.

    Stacked bands of 20 share the same columns, so the filled parts line up for comparison and the
    picture stays readable on a narrow phone as well as on a kiosk.
    """
    figure = go.Figure()
    top = 0.0
    for index, group in enumerate(groups):
        counts = strings.ICON_ARRAY_COUNT.format(improved=group.improved, total=group.total)
        label = _plotly_text(group.label)
        top -= LINE_SPACE * (label.count("<br>") + 2)
        figure.add_annotation(
            x=-0.5,
            y=top,
            xanchor="left",
            yanchor="bottom",
            align="left",
            showarrow=False,
            text=f"{label}<br><b>{html.escape(counts)}</b>",
            font={"size": 14, "color": "#111111"},
        )
        first_row_y = top - LABEL_SPACE
        for improved, name, symbol_suffix, colour in (
            (True, strings.ICON_ARRAY_IMPROVED, "", IMPROVED_COLOUR),
            (False, strings.ICON_ARRAY_NOT_IMPROVED, "-open", NOT_IMPROVED_COLOUR),
        ):
            people = [
                (col, first_row_y - row * ROW_HEIGHT)
                for col, row, up in icon_positions(group.improved, group.total)
                if up is improved
            ]
            status = "improved" if improved else "not_improved"
            for part, lift, symbol, size in (("head", HEAD_LIFT, "circle", 8), ("body", -BODY_DROP, "triangle-up", 13)):
                figure.add_trace(
                    go.Scatter(
                        x=[x for x, _ in people],
                        y=[y + lift for _, y in people],
                        mode="markers",
                        marker={
                            "symbol": symbol + symbol_suffix,
                            "size": size,
                            "color": colour,
                            "line": {"width": 2, "color": colour},
                        },
                        name=name,
                        legendgroup=status,
                        showlegend=index == 0 and part == "body",
                        hoverinfo="skip",
                        meta={"group": group.label, "status": status, "part": part},
                    )
                )
        rows = -(-group.total // ICONS_PER_ROW)
        top = first_row_y - (rows - 1) * ROW_HEIGHT - GROUP_GAP
    bottom = top + GROUP_GAP - 0.6
    figure.update_layout(
        title={"text": _plotly_text(strings.ICON_ARRAY_TITLE.format(timepoint=timepoint), TITLE_WIDTH)},
        height=int(110 + (-bottom) * PIXELS_PER_UNIT),
        margin={"l": 10, "r": 10, "t": 70, "b": 40},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        dragmode=False,
        legend={"orientation": "h", "yanchor": "top", "y": 0, "x": 0},
        xaxis={"visible": False, "fixedrange": True, "range": [-0.7, ICONS_PER_ROW - 0.3]},
        yaxis={"visible": False, "fixedrange": True, "range": [bottom, 0.2]},
    )
    return figure


def icon_array_table(groups: Sequence[Counted]) -> list[dict[str, str | int]]:
    """The icon array's numbers as table rows, one per group (for `st.dataframe`)."""
    group, involves, improved, not_improved, total = strings.ICON_ARRAY_COLUMNS
    return [
        {
            group: item.label,
            involves: item.involves,
            improved: item.improved,
            not_improved: item.total - item.improved,
            total: item.total,
        }
        for item in groups
    ]


def icon_array_alt(groups: Sequence[Counted]) -> str:
    """A one-paragraph text equivalent of the picture, for screen readers."""
    lines = " ".join(
        f"{item.label}: {strings.ICON_ARRAY_COUNT.format(improved=item.improved, total=item.total)}." for item in groups
    )
    return strings.ICON_ARRAY_ALT.format(lines=lines)
