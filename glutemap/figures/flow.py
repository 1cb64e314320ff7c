"""The region -> condition -> muscle -> exercise flow figure, with its table equivalent."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from glutemap import strings
from glutemap.screens.explore import FlowLink

KIND_ORDER = ("region", "condition", "muscle", "exercise")
# Column position per kind; kinds are also named in every node label, so colour is never the only signal.
KIND_X = {"region": 0.01, "condition": 0.34, "muscle": 0.67, "exercise": 0.99}
KIND_COLOURS = {"region": "#6b7280", "condition": "#0b5394", "muscle": "#b45309", "exercise": "#047857"}


def flow_table(links: Sequence[FlowLink], kind_labels: dict[str, str]) -> list[dict[str, str]]:
    """Each link as a row: from (kind), to (kind), under the column names of strings.FLOW_TABLE_COLUMNS."""
    source_column, target_column = strings.FLOW_TABLE_COLUMNS
    return [
        {
            source_column: f"{link.source} ({kind_labels[link.source_kind]})",
            target_column: f"{link.target} ({kind_labels[link.target_kind]})",
        }
        for link in links
    ]


def flow_figure(links: Sequence[FlowLink], kind_labels: dict[str, str], title: str) -> go.Figure:
    """A Sankey diagram of the links; each node is labelled with its kind."""
    nodes: list[tuple[str, str]] = []
    for link in links:
        for node in ((link.source_kind, link.source), (link.target_kind, link.target)):
            if node not in nodes:
                nodes.append(node)
    position = {node: index for index, node in enumerate(nodes)}
    figure = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": [f"{name} ({kind_labels[kind]})" for kind, name in nodes],
                "color": [KIND_COLOURS[kind] for kind, _ in nodes],
                "x": [KIND_X[kind] for kind, _ in nodes],
                "pad": 14,
                "thickness": 16,
            },
            link={
                "source": [position[(link.source_kind, link.source)] for link in links],
                "target": [position[(link.target_kind, link.target)] for link in links],
                "value": [1] * len(links),
                "color": "rgba(120,120,120,0.25)",
            },
        )
    )
    figure.update_layout(title=title, height=max(320, 28 * len(nodes)), margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return figure
