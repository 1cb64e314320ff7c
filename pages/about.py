"""Sources & about: how to use GluteMap, the full notice, privacy, every source and when pages were reviewed."""

import streamlit as st

from glutemap import strings
from glutemap.screens.about import SourceEntry, sources_view
from glutemap.screens.common import long_date
from glutemap.ui.components import glossary_for, numbered, page_knowledge, plain, say, table


def show_source(entry: SourceEntry) -> None:
    """One source as text: its title in bold, then kind, written-out address (never a link) and what it supports."""
    lines = [f"**{plain(entry.source.title)}**", *(plain(line) for line in entry.details())]
    st.markdown("  \n".join(lines))


knowledge = page_knowledge()
st.title(strings.ABOUT_TITLE)

st.header(strings.ABOUT_HOW_TO_USE)
numbered(strings.ABOUT_STEPS)

st.header(strings.ABOUT_NOTICE)
for paragraph in knowledge.disclaimer.notice:
    say(paragraph)
st.header(strings.ABOUT_EMERGENCY)
say(knowledge.disclaimer.emergency)
st.header(strings.ABOUT_PRIVACY)
say(knowledge.disclaimer.privacy)
glossary_for(knowledge, (*knowledge.disclaimer.notice, knowledge.disclaimer.emergency))

sources = sources_view(knowledge)
st.header(strings.ABOUT_SOURCES)
st.write(strings.ABOUT_SOURCES_INTRO.format(count=sources.count))
for number, group in enumerate(sources.groups):
    with st.expander(f"{group.label} ({len(group.entries)})", expanded=number == 0):
        for entry in group.entries:
            show_source(entry)

st.header(strings.ABOUT_REVIEWS)
if sources.review_range is not None:
    first, last = sources.review_range
    st.write(strings.ABOUT_REVIEW_RANGE.format(first=long_date(first), last=long_date(last)))
table(sources.review_table().records())
