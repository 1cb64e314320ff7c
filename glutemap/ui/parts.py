"""Parts of a screen that a tap inside reruns on their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

from glutemap.ui.app_shell import run_safely, screens
from glutemap.ui.plan_widgets import keep_plan_in_address

P = ParamSpec("P")


def rerun_alone(draw: Callable[[], None]) -> None:
    """Draw a part of a screen that a tap inside it reruns on its own (a Streamlit fragment).

    Streamlit otherwise reruns the whole page and the browser redraws every element of it on each tap; a
    tap on Explore's map redrew the page's header, safety check and style sheet too, which made it about
    1.7 times slower than a hello-world click. The part keeps the page's error boundary and writes the plan
    into the address itself, since app.py's own code after the page does not run on such a rerun.
    """
    _part_rerun_alone(draw)


@st.fragment
def _part_rerun_alone(draw: Callable[[], None]) -> None:
    run_safely(draw, start_page=screens()[0][0])
    keep_plan_in_address()


def then_whole_page(callback: Callable[P, None]) -> Callable[P, None]:
    """`callback`, then a rerun of the whole page: for a control inside a part (see rerun_alone) that changes
    something shown outside it, e.g. "Clear", which also unticks the warning signs above the part."""

    def run_then_rerun_whole_page(*args: P.args, **kwargs: P.kwargs) -> None:
        callback(*args, **kwargs)
        st.rerun()  # from a callback, Streamlit reruns the whole page instead of only the part

    return run_then_rerun_whole_page
