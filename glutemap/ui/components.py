"""Screen pieces shared by every page: the disclaimer, the urgent panel, glosses, the unavailable page.

Knowledge and visitor text is always rendered as text (st.text / st.write of plain strings with Markdown
escaped), never as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

import streamlit as st
from plotly.graph_objects import Figure

from glutemap import language, strings
from glutemap.figures.exercise_pictures import display_width, render_motion_svg, render_pictures_svg
from glutemap.figures.muscles import VIEWS, has_muscle_drawing, muscle_drawing, muscle_drawing_text
from glutemap.knowledge.citation import citation_line
from glutemap.knowledge.models import KnowledgeBase, Pictures
from glutemap.screens.glossary import terms_in
from glutemap.ui.app_shell import ensure_routed
from glutemap.ui.knowledge import KnowledgeState, current_knowledge, knowledge_in

_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|<>~$:"
# Escaping is not enough: the renderer finds web addresses, e-mail addresses and `:name:` directives in
# the text it has already unescaped. An invisible word joiner (U+2060: no width, no line break, skipped
# by screen readers) inside each of those patterns keeps them text: after a colon that touches the next
# character (http://, mailto:, :material/icon:), between "www" and its dot, and before an "@".
_WORD_JOINER = "\u2060"
_LINK_SEAMS = re.compile(r"(?<=:)(?=\S)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
_ESCAPED = str.maketrans({char: "\\" + char for char in _MARKDOWN_SPECIALS})


def set_widget_value(key: str, value: object) -> None:
    """Give the widget under `key` this value, writing it only when it differs from what it holds.

    A written value makes Streamlit send the widget with "take this value" and the browser redraw it in
    full; written on every run, that would redraw it on every tap anywhere on the page.
    """
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def plain(text: str) -> str:
    """Escape Markdown so knowledge or visitor text shows exactly as written (no links, HTML or styling)."""
    return _LINK_SEAMS.sub(_WORD_JOINER, text).translate(_ESCAPED)


def say(text: str) -> None:
    """Show a paragraph of knowledge text as plain text."""
    st.markdown(plain(text))


def md_heading(text: str, level: int = 3) -> str:
    """A Markdown heading of plain text (level 3 looks like st.subheader)."""
    return f"{'#' * level} {plain(text)}"


def md_bold(text: str) -> str:
    """A line of plain text in bold."""
    return f"**{plain(text)}**"


def md_bullets(items: Iterable[str]) -> str:
    """Plain texts as a Markdown bullet list ("" for none)."""
    return "\n".join(f"- {plain(item)}" for item in items)


def md_section(heading: str, items: Iterable[str]) -> str:
    """A bold heading over a bullet list, or "" when the list is empty."""
    lines = md_bullets(items)
    return f"{md_bold(heading)}\n\n{lines}" if lines else ""


@contextmanager
def folded(label: str, *, key: str, icon: str | None = None) -> Iterator[bool]:
    """A folded section whose contents are built only while it is open: `with folded(...) as shown: if shown: ...`.

    Streamlit sends (and the browser redraws) every element on every rerun, folded or not; a results card's
    folded lists made each tap on Explore about a third slower. Opening the section costs one short rerun.
    Only for contents that hold no widget whose value must outlive the fold (a widget left out of a run
    loses its value).
    """
    with st.expander(label, icon=icon, key=key, on_change="rerun") as section:
        yield bool(section.open)


def blocks(*parts: str) -> None:
    """Several Markdown blocks (from the md_* helpers) shown as ONE element.

    Each Streamlit element is its own message and its own redraw on every rerun; a result card written
    line by line cost the browser about a millisecond per line, so text that belongs together goes out as one.
    """
    text = "\n\n".join(part for part in parts if part)
    if text:
        st.markdown(text)


def bullets(items: Iterable[str]) -> None:
    """Show a list of knowledge texts as plain bullet points."""
    blocks(md_bullets(items))


def numbered(items: Iterable[str]) -> None:
    """Show steps as a numbered list of plain texts."""
    blocks("\n".join(f"{number}. {plain(item)}" for number, item in enumerate(items, start=1)))


def _cell(value: object) -> str:
    return plain(" ".join(str(value).split())) if value is not None else ""


def table(rows: Sequence[Mapping[str, object]]) -> None:
    """A small table of knowledge values as an escaped Markdown table (a real <table> for screen readers).

    Not st.dataframe: that pulls pandas, numpy and pyarrow (about 90 MB per server) into memory for tables
    of a few rows, and its canvas grid is harder for assistive technology than a plain table.
    """
    if not rows:
        return
    columns = list(rows[0])
    lines = ["| " + " | ".join(_cell(column) for column in columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(_cell(row.get(column)) for column in columns) + " |" for row in rows]
    st.markdown("\n".join(lines))


# Plotly's mode bar offers "download as PNG" (on a kiosk the download bar leads to the file manager) and
# zoom tools these small figures do not need: every chart goes out without it.
_CHART_CONFIG = {"displayModeBar": False}
_STATIC_CHART_CONFIG = {"displayModeBar": False, "staticPlot": True}


def chart(figure: Figure, key: str, alt: str, *, static: bool = False, streamlit_theme: bool = True) -> None:
    """A plotly figure with its text alternative and no toolbar; `static` also turns off hover and zoom."""
    st.plotly_chart(
        figure,
        key=key,
        alt=alt,
        config=_STATIC_CHART_CONFIG if static else _CHART_CONFIG,
        theme="streamlit" if streamlit_theme else None,
    )


MOVING_PICTURE_HEIGHT = 260  # pixels: a standing figure stays within one phone screen


def exercise_pictures(pictures: Pictures) -> None:
    """An exercise moving from start to end and back, then its start and end stills side by side, each described."""
    moving_alt = strings.EXERCISES_PICTURE_MOVING.format(start=pictures.alt_start, end=pictures.alt_end)
    st.image(render_motion_svg(pictures, moving_alt), caption=strings.EXERCISES_PICTURE_MOVING_CAPTION, alt=moving_alt,
             width=display_width(pictures, MOVING_PICTURE_HEIGHT))
    start, end = render_pictures_svg(pictures)
    left, right = st.columns(2)
    left.image(start, caption=strings.EXERCISES_PICTURE_START.format(alt=pictures.alt_start), alt=pictures.alt_start,
               width="stretch")
    right.image(end, caption=strings.EXERCISES_PICTURE_END.format(alt=pictures.alt_end), alt=pictures.alt_end,
                width="stretch")


def show_muscle_drawing(knowledge: KnowledgeBase, muscle_id: str) -> None:
    """The muscle on the bones from the side and from behind, side by side (stacked on a narrow screen).

    Each drawing carries its text equivalent as alt text; nothing is shown for a muscle without a drawing.
    """
    if not has_muscle_drawing(knowledge, muscle_id):
        return
    st.caption(strings.MUSCLE_DRAWING_INTRO)
    for view, column in zip(VIEWS, st.columns(len(VIEWS)), strict=True):
        column.image(muscle_drawing(knowledge, muscle_id, view), alt=muscle_drawing_text(knowledge, muscle_id, view),
                     width="stretch")


def disclaimer(knowledge: KnowledgeBase) -> None:
    """The short notice on every page as one compact line that opens to the full text."""
    with folded(plain(knowledge.disclaimer.short), icon=":material/info:", key="disclaimer_open") as shown:
        if shown:
            blocks(*map(plain, knowledge.disclaimer.notice))


def unavailable() -> None:
    """A calm page for when no valid knowledge could ever be loaded."""
    st.title(strings.UNAVAILABLE_TITLE)
    st.write(strings.UNAVAILABLE_BODY)


def page_knowledge() -> KnowledgeBase:
    """The knowledge for this page, with the disclaimer shown; stops the page calmly if there is none."""
    ensure_routed()
    state: KnowledgeState = current_knowledge()
    if state.knowledge is None:
        unavailable()
        st.stop()
    assert state.knowledge is not None  # for type checkers: st.stop() does not return
    # Broken files (state.stale) are for staff, in the log and at /_glutemap/status: a visitor can do
    # nothing about them, and the knowledge shown is still a whole, valid version.
    knowledge = knowledge_in(state.knowledge, language.current())
    disclaimer(knowledge)
    return knowledge


def glossary_for(knowledge: KnowledgeBase, texts: Iterable[str]) -> None:
    """Plain glosses of the medical terms that appear in `texts`."""
    terms = terms_in(texts, knowledge.glossary)
    if not terms:
        return
    with folded(strings.GLOSSARY_HEADING, key="glossary_open") as shown:
        if shown:
            blocks(*(f"{md_bold(term.term)}: {plain(term.gloss)}" for term in terms))


def sources_list(knowledge: KnowledgeBase, source_ids: Iterable[str]) -> None:
    """Sources as plain text; st.text, because Markdown turns bare web addresses into links and a kiosk
    visitor must never be able to leave the app."""
    lines = [f"• {citation_line(knowledge.sources[source_id])}" for source_id in source_ids]
    if lines:
        st.text("\n".join(lines))
