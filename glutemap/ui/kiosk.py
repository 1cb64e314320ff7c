"""Kiosk mode: welcome screen, the app's own large navigation, lock-down and the idle reset.

The idle reset reloads the root URL (a brand-new session): clearing session state alone would leave the
previous visitor's widget values on screen.
"""

from __future__ import annotations

import streamlit as st

from glutemap import strings
from glutemap.settings import Deployment

WELCOMED = "kiosk_welcomed"
JUST_STARTED = "kiosk_just_started"
HOME_FILE = "pages/home.py"

# Static, trusted CSS (never content): touch targets of at least 48 px and a visible focus everywhere.
TOUCH_CSS = """
<style>
:root { --glutemap-touch-css: 1; }
button, [data-testid="stPageLink"] a, [data-testid="stBaseButton-pills"], [data-testid="stBaseButton-pillsActive"],
[role="checkbox"], [role="radio"], [role="tab"], summary, input, textarea, select {
  min-height: 48px !important;
}
[data-testid="stPageLink"] a { padding: 0.6rem 1rem; border: 2px solid #0b5394; border-radius: 0.5rem; }
[data-stale="true"] { transition: opacity 0s linear 0.5s !important; }
*:focus-visible { outline: 3px solid #b45309 !important; outline-offset: 2px; }
</style>
"""
# Kiosk only: large type for a screen read standing up.
KIOSK_CSS = """
<style>
html, body, [data-testid="stApp"] { font-size: 20px; }
/* Streamlit's hover toolbar on charts and tables (full screen and the like): nothing a kiosk needs. */
[data-testid="stElementToolbar"] { display: none !important; }
</style>
"""


def touch_friendly() -> None:
    """Touch targets of at least 48 px and a clear focus ring, on every page in every mode."""
    st.html(TOUCH_CSS)

_IDLE_JS = """
export default function (component) {
  const data = component.data[0];
  const state = window.__glutemapIdle || (window.__glutemapIdle = {});
  state.data = data;
  if (state.installed) { return; }
  state.installed = true;

  const overlay = document.createElement("div");
  overlay.setAttribute("role", "alertdialog");
  overlay.setAttribute("aria-modal", "true");
  overlay.setAttribute("data-testid", "kiosk-idle-warning");
  overlay.style.cssText = "position:fixed;inset:0;z-index:100000;display:none;align-items:center;" +
    "justify-content:center;background:rgba(0,0,0,0.75);";
  const box = document.createElement("div");
  box.style.cssText = "background:#fff;color:#111;max-width:36rem;padding:2rem;border-radius:1rem;" +
    "font-size:1.5rem;text-align:center;border:4px solid #111;";
  const message = document.createElement("p");
  message.setAttribute("aria-live", "assertive");
  const button = document.createElement("button");
  button.type = "button";
  button.setAttribute("data-testid", "kiosk-still-here");
  button.style.cssText = "min-height:64px;min-width:16rem;font-size:1.5rem;background:#0b5394;color:#fff;" +
    "border:3px solid #111;border-radius:0.75rem;cursor:pointer;";
  box.append(message, button);
  overlay.append(box);
  document.body.append(overlay);

  let lastActivity = Date.now();
  const phase = () => {
    const d = state.data;
    const idleFor = (Date.now() - lastActivity) / 1000;
    if (idleFor < d.idle_seconds) { return ["active", 0]; }
    const intoWarning = idleFor - d.idle_seconds;
    if (intoWarning < d.warning_seconds) { return ["warning", Math.ceil(d.warning_seconds - intoWarning)]; }
    return ["reset", 0];
  };
  const activity = () => {
    if (overlay.style.display === "flex") { return; }  // only the button dismisses the warning
    lastActivity = Date.now();
  };
  for (const type of ["pointerdown", "touchstart", "keydown", "wheel", "scroll", "mousemove"]) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  }
  button.addEventListener("click", () => {
    overlay.style.display = "none";
    lastActivity = Date.now();
  });
  // Streamlit's single-key shortcuts (rerun, clear cache) must do nothing on a kiosk.
  window.addEventListener("keydown", (event) => {
    const tag = (event.target && event.target.tagName) || "";
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(tag) || (event.target && event.target.isContentEditable);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["c", "r", "C", "R"].includes(event.key)) {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  }, { capture: true });
  setInterval(() => {
    const [now, left] = phase();
    if (now === "active") { overlay.style.display = "none"; return; }
    if (now === "warning") {
      message.textContent = state.data.labels.warning.replace("{seconds}", String(left));
      button.textContent = state.data.labels.still_here;
      if (overlay.style.display !== "flex") { overlay.style.display = "flex"; button.focus(); }
      return;
    }
    window.location.replace(state.data.root);
  }, 250);
}
"""

_idle_timer = st.components.v2.component("glutemap_kiosk_idle", js=_IDLE_JS, isolate_styles=False)


def install(settings: Deployment) -> None:
    """Large type and touch targets, and the idle timer that reloads to the welcome screen."""
    st.html(KIOSK_CSS)
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    _idle_timer(
        key="kiosk_idle",
        # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
        data=[
            {
                "idle_seconds": settings.idle_seconds,
                "warning_seconds": settings.warning_seconds,
                "root": f"/{base}/" if base else "/",
                "labels": {"warning": strings.KIOSK_IDLE_WARNING, "still_here": strings.KIOSK_STILL_HERE},
            }
        ],
        height=0,
    )


def welcome() -> bool:
    """The attract screen; True once the visitor has pressed Start in this session."""
    if st.session_state.get(WELCOMED):
        return True
    st.title(strings.KIOSK_WELCOME_TITLE)
    st.write(strings.KIOSK_WELCOME_BODY)
    st.info(strings.KIOSK_WELCOME_NOTICE, icon=":material/info:")
    st.button(
        strings.KIOSK_START,
        key="kiosk_start",
        type="primary",
        width="stretch",
        on_click=lambda: st.session_state.update({WELCOMED: True, JUST_STARTED: True}),
    )
    return False


def open_home_after_start(current_url_path: str) -> None:
    """Start always opens Home with nothing in the address.

    A new visitor can arrive on any URL: Back after an idle reset reloads the previous visitor's page (the
    browser keeps its history), and a fresh session there shows the welcome screen first. Without this,
    Start would then open that visitor's condition or exercise.
    """
    if not st.session_state.pop(JUST_STARTED, False):
        return
    if current_url_path not in ("", "home") or st.query_params:
        st.query_params.clear()
        st.switch_page(HOME_FILE)


NAVIGATION_PER_ROW = 4


def navigation(pages: tuple[tuple[str, str, str, str], ...]) -> None:
    """The app's own large navigation buttons (the Streamlit menu and sidebar are hidden in kiosk mode)."""
    with st.container(key="kiosk_navigation"):
        for start in range(0, len(pages), NAVIGATION_PER_ROW):
            row = pages[start : start + NAVIGATION_PER_ROW]
            columns = st.columns(NAVIGATION_PER_ROW)
            for column, (file, title, _url_path, icon) in zip(columns, row, strict=False):
                column.page_link(file, label=title, icon=icon, width="stretch")
