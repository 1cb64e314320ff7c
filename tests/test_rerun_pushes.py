"""A rerun that changes nothing pushes no widget value to the browser.

When a page writes a widget's value (`st.session_state[key] = ...`), Streamlit marks the widget so the browser
takes that value, and the browser then redraws the widget instead of reusing it. Written on every run, that
redraws it on every tap anywhere on the page (the 40-odd area buttons on Explore cost ~10 % of a tap's work).
Pages write a widget's value only when it differs from what the widget already shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from glutemap.ui import explore_widgets as explore_keys

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 30


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def pushed_widgets(app: AppTest) -> list[str]:
    """Each element whose value this run pushed to the browser, named by its key or type."""
    return [
        getattr(node, "key", None) or node.type
        for node in _nodes(app.main)
        if getattr(getattr(node, "proto", None), "set_value", False)
    ]


def _open(page: str, query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params.update(query or {})
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception
    return app


def _explore_with_choices() -> AppTest:
    app = _open("pages/explore.py")
    app.session_state[explore_keys.SELECTED_REGIONS] = ["calf_l", "lumbar_spine", "hip_lateral_r"]
    app.session_state[explore_keys.RED_FLAGS] = ["fever_with_pain"]
    app.session_state[explore_keys.SYMPTOM_TEXT] = "outer knee pain when running"
    app.run()
    return app


def _exercises_filtered() -> AppTest:
    app = _open("pages/exercises.py")
    app.multiselect(key="exercise_filter_category").set_value(["isometric"]).run()
    return app


def _plan_with_an_exercise() -> AppTest:
    app = _open("pages/exercises.py", {"exercise": "clam_shell"})
    app.button(key="exercise_add_clam_shell").click().run()
    app.query_params.pop("exercise", None)
    app.switch_page("pages/plan.py")
    app.run()
    return app


SCREENS: dict[str, Callable[[], AppTest]] = {
    "home": lambda: _open("pages/home.py"),
    "explore, with places, a red flag and words": _explore_with_choices,
    "conditions, one condition by link": lambda: _open("pages/conditions.py", {"condition": "it_band_syndrome"}),
    "anatomy, one muscle by link": lambda: _open("pages/anatomy.py", {"muscle": "gluteus_minimus"}),
    "exercises, filtered": _exercises_filtered,
    "my plan, one exercise": _plan_with_an_exercise,
    "sources and about": lambda: _open("pages/about.py"),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_rerun_without_a_change_pushes_no_widget_value(screen: str) -> None:
    """After the visitor's last change has been drawn, running the page again pushes no value to any widget."""
    app = SCREENS[screen]()
    app.run()
    assert not app.exception
    assert pushed_widgets(app) == []
