"""The tappable body map (an inline-SVG `st.components.v2` component) and the same choices as plain widgets.

The chosen areas live in `st.session_state[SELECTED_REGIONS_KEY]` (a sorted list of tap ids such as
`"knee_lateral_r"`); the map and the lists only ever toggle ids there, so tests can set that key
directly instead of clicking. The component's markup is built once from `glutemap.body` (geometry and
fixed strings only); knowledge labels travel in `data` and the script sets them with `setAttribute`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

import streamlit as st

from glutemap import body, strings
from glutemap.models import KnowledgeBase
from glutemap.ui.components import plain

SELECTED_REGIONS_KEY = "explore_regions"
"""Session-state key holding the chosen tap ids (list or set of strings) for the Explore screen."""

_TAP_EVENT = "tap"

_HTML = '<div class="gm-map">' + "".join(body.svg(view) for view in body.VIEWS) + "</div>"

_CSS = """
.gm-map { width: 100%; display: flex; justify-content: center; }
.gm-view { display: none; width: 100%; max-width: 440px; height: auto; overflow: visible;
  touch-action: manipulation; -webkit-tap-highlight-color: transparent; user-select: none; }
.gm-map[data-active="front"] .gm-view[data-view="front"],
.gm-map[data-active="back"] .gm-view[data-view="back"],
.gm-map[data-active="side_left"] .gm-view[data-view="side_left"],
.gm-map[data-active="side_right"] .gm-view[data-view="side_right"] { display: block; }
.gm-outline polygon { fill: #eceff3; stroke: #6b7280; stroke-width: 1.2; stroke-linejoin: round; }
.gm-region { fill: #ffffff; fill-opacity: 0.65; stroke: #4b5563; stroke-width: 1; stroke-linejoin: round;
  cursor: pointer; outline: none; }
.gm-region:hover { fill: #dbeafe; fill-opacity: 1; }
.gm-region.gm-selected { fill: var(--gm-hatch); fill-opacity: 1; stroke: #1e3a8a; stroke-width: 3; }
.gm-region:focus-visible { stroke: #b45309; stroke-width: 4; stroke-dasharray: 6 3; }
.gm-region.gm-missing { pointer-events: none; fill: #eceff3; cursor: default; }
.gm-hatch-bg { fill: #93c5fd; }
.gm-hatch-line { stroke: #1e3a8a; stroke-width: 3; }
.gm-captions text { font: 600 11px sans-serif; fill: #1f2937; }
"""

# Labels come from the knowledge, so they are only ever set as attributes or textContent, never as markup.
_JS = """
export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = component.data[0];
  const map = parentElement.querySelector(".gm-map");
  if (!map || !data) { return; }
  map.setAttribute("data-active", data.view);
  const selected = new Set(data.selected || []);
  const labels = data.labels || {};
  const view = map.querySelector('svg.gm-view[data-view="' + CSS.escape(String(data.view)) + '"]');
  if (!view) { return; }
  const show = (region, chosen) => {
    region.classList.toggle("gm-selected", chosen);
    region.setAttribute("aria-pressed", chosen ? "true" : "false");
  };
  view.querySelectorAll("[data-region]").forEach((region) => {
    const id = region.getAttribute("data-region");
    const label = labels[id];
    if (typeof label !== "string") {
      region.classList.add("gm-missing");
      region.setAttribute("tabindex", "-1");
      region.setAttribute("aria-hidden", "true");
      region.onclick = null;
      region.onkeydown = null;
      return;
    }
    region.classList.remove("gm-missing");
    region.setAttribute("tabindex", "0");
    region.removeAttribute("aria-hidden");
    region.setAttribute("aria-label", label);
    let tooltip = region.querySelector("title");
    if (!tooltip) {
      tooltip = document.createElementNS("http://www.w3.org/2000/svg", "title");
      region.appendChild(tooltip);
    }
    tooltip.textContent = label;
    show(region, selected.has(id));
    const toggle = () => {
      show(region, region.getAttribute("aria-pressed") !== "true");
      setTriggerValue("tap", id);
    };
    region.onclick = toggle;
    region.onkeydown = (event) => {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        toggle();
      }
    };
  });
}
"""

_BODY_MAP = st.components.v2.component("glutemap_body_map", html=_HTML, css=_CSS, js=_JS)


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
    _BODY_MAP(
        key=key,
        # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
        data=[
            {
                "view": view,
                "selected": sorted(shown & view_taps),
                "labels": body.tap_labels(knowledge.regions, view),
            }
        ],
        on_tap_change=partial(_on_tap, key, selected_key),
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
