"""The tappable body map (an inline-SVG `st.components.v2` component) and the same choices as plain widgets.

The chosen areas live in `st.session_state[SELECTED_REGIONS_KEY]` (a sorted list of tap ids such as
`"knee_lateral_r"`); the map and the lists only ever toggle ids there, so tests can set that key
directly instead of clicking. The components' markup (one per view) is built once from `glutemap.figures.body`
(geometry and fixed strings only); knowledge labels travel in `data` and the script sets them with `setAttribute`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

import streamlit as st

from glutemap import strings
from glutemap.figures import body
from glutemap.knowledge.models import KnowledgeBase
from glutemap.ui.assets import asset
from glutemap.ui.components import plain

SELECTED_REGIONS_KEY = "explore_regions"
"""Session-state key holding the chosen tap ids (list or set of strings) for the Explore screen."""

_TAP_EVENT = "tap"

_CSS = asset("bodymap.css")

# Labels come from the knowledge, so they are only ever set as attributes or textContent, never as markup.
_JS = asset("bodymap.js")

# One component per view, each holding only its own drawing: a component's markup travels with it on every
# rerun, and all four drawings together (48 kB) made every tap on Explore measurably slower.
_MARKUP = {view: f'<div class="gm-map">{body.svg(view)}</div>' for view in body.VIEWS}
_BODY_MAPS = {
    view: st.components.v2.component(f"glutemap_body_map_{view}", html=markup, css=_CSS, js=_JS)
    for view, markup in _MARKUP.items()
}


def selected_regions(selected_key: str = SELECTED_REGIONS_KEY) -> set[str]:
    """The tap ids chosen so far (empty when nothing is chosen or the stored value is not a collection)."""
    stored = st.session_state.get(selected_key)
    if isinstance(stored, list | set | tuple | frozenset):
        return {tap for tap in stored if isinstance(tap, str)}
    return set()


def _store(selection: Iterable[str], selected_key: str) -> None:
    st.session_state[selected_key] = sorted(set(selection))


def toggle_region(tap: str, selected_key: str = SELECTED_REGIONS_KEY) -> None:
    """Add a known tap id to the selection, or remove it when already chosen."""
    if tap not in body.all_targets():
        return
    _store(selected_regions(selected_key) ^ {tap}, selected_key)


def _tap_value(component_key: str) -> Any:
    state = st.session_state.get(component_key)
    return state.get(_TAP_EVENT) if isinstance(state, dict) else None


def _on_tap(component_key: str, selected_key: str) -> None:
    tap = _tap_value(component_key)
    if isinstance(tap, str):
        toggle_region(tap, selected_key)


def body_map(
    knowledge: KnowledgeBase,
    view: str,
    selected: set[str] | None = None,
    key: str = "body_map",
    *,
    selected_key: str = SELECTED_REGIONS_KEY,
) -> None:
    """Draw the tappable map of one view; a tap toggles that area in `st.session_state[selected_key]`.

    `selected` is what the map shows as chosen; it defaults to the stored selection.
    """
    shown = selected_regions(selected_key) if selected is None else set(selected)
    view_taps = {target.id for target in body.tap_targets(view)}
    component_key = f"{key}_{view}"
    _BODY_MAPS[view](
        key=component_key,
        # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
        data=[
            {
                "view": view,
                "selected": sorted(shown & view_taps),
                "labels": body.tap_labels(knowledge.regions, view),
            }
        ],
        on_tap_change=partial(_on_tap, component_key, selected_key),
    )


def view_picker(key: str = "body_map_view", default: str = "back") -> str:
    """A segmented control to switch between the front, back and side views; returns the chosen view key."""
    chosen = st.segmented_control(
        strings.BODYMAP_VIEW_LABEL,
        options=list(body.VIEWS),
        format_func=lambda view: strings.BODYMAP_VIEW_CHOICES[view],
        default=default,
        required=True,
        key=key,
    )
    return chosen if chosen in body.VIEWS else default


def _copy_choices(widget_key: str, group: list[str], selected_key: str) -> None:
    picked = st.session_state.get(widget_key) or []
    kept = selected_regions(selected_key) - set(group)
    _store(kept | {tap for tap in picked if tap in group}, selected_key)


def region_choices(
    knowledge: KnowledgeBase,
    view: str,
    key: str = "body_map_list",
    *,
    selected_key: str = SELECTED_REGIONS_KEY,
) -> None:
    """The map's areas for `view` as multi-select pills, one group per side, kept in step with the map."""
    labels = body.tap_labels(knowledge.regions, view)
    chosen = selected_regions(selected_key)
    for side, taps in body.side_groups(view):
        options = [tap for tap in taps if tap in labels]
        if not options:
            continue
        widget_key = f"{key}_{view}_{side}"
        wanted = [tap for tap in options if tap in chosen]
        shown = st.session_state.get(widget_key, [])
        # Written before the widget is drawn, so a tap on the map shows up in the list on the same run; only
        # when it differs, because a written value makes Streamlit re-send the group and the browser redraw
        # every pill in it, on every tap anywhere on the page.
        if not isinstance(shown, list) or set(shown) != set(wanted):
            st.session_state[widget_key] = wanted
        st.pills(
            strings.BODYMAP_GROUP_LABELS[side],
            options=options,
            format_func=lambda tap: plain(labels[tap]),
            selection_mode="multi",
            wrap=True,
            key=widget_key,
            on_change=_copy_choices,
            args=(widget_key, options, selected_key),
        )
