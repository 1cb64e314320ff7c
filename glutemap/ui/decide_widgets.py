"""The "what next" decision aid on screen, the urgent panel and its contact line (who to tell, which number to call).

All text is knowledge or `strings` text rendered through the Markdown-escaping helpers; figures come with
a table and a text equivalent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import streamlit as st

from glutemap import strings
from glutemap.figures.icon_array import icon_array_alt, icon_array_figure, icon_array_table
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.common import long_date
from glutemap.screens.decide import NextSteps, OptionCard, TrialNumbers, UrgentContact, next_steps
from glutemap.screens.decide import urgent_contact as contact_lines
from glutemap.search.matcher import UrgentMatch
from glutemap.settings import deployment
from glutemap.ui.clinic_settings import clinic_settings
from glutemap.ui.components import blocks, chart, md_bold, md_heading, md_section, plain, say, sources_list, table

log = logging.getLogger("glutemap")


def _contact(kiosk: bool) -> UrgentContact:
    settings, problems = clinic_settings()
    if problems:
        st.caption(strings.CLINIC_SETTINGS_NOTICE.format(count=len(problems)))
    return contact_lines(settings, kiosk)


def _show_contact(contact: UrgentContact) -> None:
    blocks(*map(md_bold, contact.lines))


def urgent_contact(kiosk: bool | None = None) -> None:
    """The line under the urgent advice: alert the staff (kiosk) and the emergency number from the settings."""
    _show_contact(_contact(deployment().kiosk if kiosk is None else kiosk))


def _option(card: OptionCard, key: str, contact: UrgentContact | None = None) -> None:
    with st.container(border=True, key=key):
        if contact is not None:
            st.error(md_bold(card.title), icon=":material/emergency:")
            _show_contact(contact)
            title = ""
        else:
            title = md_heading(card.title)
        blocks(
            title,
            plain(card.summary),
            md_section(strings.DECIDE_WHEN_IT_FITS, card.when_it_fits),
            md_section(strings.DECIDE_WHAT_IT_INVOLVES, card.what_it_involves),
            md_section(strings.DECIDE_WHAT_IS_KNOWN, card.what_is_known),
            md_section(strings.DECIDE_WHAT_IS_NOT_KNOWN, card.what_is_not_known),
            *(
                md_section(strings.DECIDE_FOR_CONDITION.format(name=note.condition_name),
                           [*note.when_it_fits, *note.what_is_known])
                for note in card.condition_notes
            ),
        )


def _trial(trial: TrialNumbers, key: str) -> None:
    with st.container(border=True, key=key):
        st.subheader(plain(trial.title))
        st.caption(plain(trial.study))
        blocks(md_bold(strings.DECIDE_TRIAL_QUESTION), plain(trial.question))
        chart(icon_array_figure(trial.arms, trial.timepoint), key=f"{key}_icon_array", alt=icon_array_alt(trial.arms),
              static=True)
        for arm in trial.arms:
            line = strings.DECIDE_TRIAL_ARM_LINE.format(
                label=arm.label, improved=arm.improved, total=arm.total, timepoint=trial.timepoint
            )
            st.markdown(f"**{plain(line)}**")
            st.caption(plain(strings.DECIDE_TRIAL_ARM_INVOLVES.format(involves=arm.involves)))
            if arm.closest_option:
                st.caption(plain(strings.DECIDE_TRIAL_ARM_CLOSEST.format(option=arm.closest_option)))
        with st.expander(strings.DECIDE_TRIAL_TABLE):
            table(icon_array_table(trial.arms))
        blocks(
            md_section(strings.DECIDE_TRIAL_WHO, [trial.population]),
            md_section(strings.DECIDE_TRIAL_IMPROVED_MEANS, [trial.improved_means]),
            md_section(strings.DECIDE_TRIAL_HARMS, [trial.harms]),
            md_section(strings.DECIDE_TRIAL_LIMITS, trial.does_not_tell),
        )


def render_next_steps(knowledge: KnowledgeBase, steps: NextSteps, key: str = "next_steps") -> tuple[str, ...]:
    """Lay out an already-built `NextSteps`: top choice, other choices, numbers, questions, sources.

    Returns the texts shown, for the page's one list of words used (a page shows that list once, at its end).
    """
    with st.container(key=key):
        st.header(strings.DECIDE_HEADING)
        st.write(strings.DECIDE_INTRO_URGENT if steps.urgent else strings.DECIDE_INTRO)
        if steps.top is not None:
            _option(steps.top, f"{key}_top", steps.contact)
        if steps.others_hidden_note:
            st.info(steps.others_hidden_note, icon=":material/info:")
        for card in steps.options:
            _option(card, f"{key}_{card.id}")
        if steps.trials or steps.no_numbers_note:
            st.subheader(strings.DECIDE_NUMBERS_HEADING)
        if steps.trials:
            st.caption(strings.DECIDE_NUMBERS_INTRO)
        for trial in steps.trials:
            _trial(trial, f"{key}_trial_{trial.id}")
        if steps.no_numbers_note:
            say(steps.no_numbers_note)
        if steps.questions:
            st.subheader(strings.DECIDE_QUESTIONS_HEADING)
            blocks(*(md_section(group.condition_name, group.questions) for group in steps.questions))
        with st.expander(strings.DECIDE_SOURCES):
            sources_list(knowledge, (sid for sid in steps.source_ids if sid in knowledge.sources))
        if steps.reviewed_on is not None:
            st.caption(strings.REVIEWED_ON.format(date=long_date(steps.reviewed_on)))
        st.caption(steps.no_commercial_interest)
    return steps.texts()


def show_next_steps(
    knowledge: KnowledgeBase, condition_ids: Iterable[str], urgent: bool, key: str = "next_steps"
) -> tuple[str, ...]:
    """The decision aid for the conditions on screen; `urgent` puts "seek care now" alone at the top.

    Returns the texts shown, for the page's one list of words used.
    """
    kiosk = deployment().kiosk
    settings, problems = clinic_settings()
    if problems:
        st.caption(strings.CLINIC_SETTINGS_NOTICE.format(count=len(problems)))
    steps = next_steps(knowledge, list(condition_ids), urgent=urgent, kiosk=kiosk, clinic=settings)
    return render_next_steps(knowledge, steps, key)


def urgent_panel(urgent: tuple[UrgentMatch, ...]) -> None:
    """The "seek care now" panel, shown above everything else whenever a red flag matched."""
    with st.container(border=True, key="urgent_panel"):
        st.error(f"**{strings.URGENT_TITLE}**", icon=":material/emergency:")
        st.write(strings.URGENT_INTRO)
        urgent_contact()
        for match in urgent:
            prefix = strings.URGENCY_PREFIX[match.urgency]
            st.markdown(f"**{prefix}: {plain(match.title)}**")
            say(match.advice)
            for reason in match.reasons:
                st.caption(plain(reason))
