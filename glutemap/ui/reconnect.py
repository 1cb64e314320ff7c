"""After the connection to the server drops and comes back, reload to the start screen.

A restarted server has forgotten every session, but Streamlit's page would keep showing the old screen
until the next click; a full reload gives the visitor a clean, working start instead.
"""

from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const state = window.__glutemapReconnect || (window.__glutemapReconnect = {});
  state.root = component.data[0].root;
  if (state.installed) { return; }
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) { return; }
  state.installed = true;
  let lost = false;
  new MutationObserver(() => {
    const connection = app.getAttribute("data-test-connection-state");
    if (connection && connection !== "CONNECTED") { lost = true; return; }
    if (connection === "CONNECTED" && lost) { window.location.replace(state.root); }
  }).observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
}
"""

_watch = st.components.v2.component("glutemap_reconnect", js=_JS, isolate_styles=False)


def reload_after_reconnect() -> None:
    """Mount the watcher (invisible); safe to call on every run."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
    _watch(key="reconnect_watch", data=[{"root": f"/{base}/" if base else "/"}], height=0)
