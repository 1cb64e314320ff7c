"""Conditions: a searchable index, and a page per condition that a link can open (`?condition=<id>`)."""

import streamlit as st

from glutemap import strings
from glutemap.screens.common import long_date
from glutemap.screens.conditions import ConditionView, condition_count, condition_index, condition_view
from glutemap.ui.address import forget_in_address, requested, show_in_address
from glutemap.ui.components import bullets, glossary_for, page_knowledge, plain, say, sources_list, table
from glutemap.ui.decide_widgets import show_next_steps
from glutemap.ui.plan_widgets import add_to_plan_button

CONDITION_PARAM = "condition"


def open_condition(condition_id: str) -> None:
    """Keep the address in step with what is shown, so a reload or a shared link opens the same condition."""
    show_in_address(CONDITION_PARAM, condition_id)


def back_to_index() -> None:
    """Leave the condition page for the index."""
    forget_in_address(CONDITION_PARAM)


def show_index() -> None:
    """The search box and every condition that matches it."""
    query = st.text_input(
        strings.CONDITION_SEARCH_LABEL,
        key="condition_search",
        placeholder=strings.CONDITION_SEARCH_PLACEHOLDER,
        max_chars=200,
        persist_state="page",
    )
    found = condition_index(knowledge, query)
    total = condition_count(knowledge)
    if not total:
        st.write(strings.CONDITION_NONE_YET)
        return
    if not found:
        st.write(strings.CONDITION_NO_RESULTS)
        return
    st.caption(strings.CONDITION_RESULTS_COUNT.format(shown=len(found), total=total))
    columns = st.columns(2)
    for position, summary in enumerate(found):
        with columns[position % 2].container(border=True):
            st.button(
                f"**{plain(summary.name)}**",
                key=f"condition_open_{summary.id}",
                help=strings.CONDITION_OPEN_HELP,
                on_click=open_condition,
                args=(summary.id,),
                type="tertiary",
            )
            if summary.also_called:
                st.caption(plain(strings.CONDITION_ALSO_CALLED.format(names=", ".join(summary.also_called))))


def show_condition(view: ConditionView) -> None:
    """Everything about one condition, plainest first, clinician detail last."""
    st.button(strings.CONDITION_BACK, key="condition_back", icon=":material/arrow_back:", on_click=back_to_index)
    st.header(plain(view.name))
    if view.also_called:
        st.caption(plain(strings.CONDITION_ALSO_CALLED.format(names=", ".join(view.also_called))))
    say(view.summary)

    st.subheader(strings.CONDITION_SYMPTOMS)
    bullets(view.symptoms)
    if view.felt_in:
        st.markdown(f"**{strings.CONDITION_FELT_IN}**")
        bullets(view.felt_in)

    st.subheader(strings.CONDITION_SEE_CLINICIAN)
    bullets(view.see_clinician)
    st.subheader(strings.CONDITION_SELF_CARE)
    bullets(view.self_care)

    # The rest opens on a tap: a phone shows what it is, how it feels, when to see someone and what helps first.
    with st.expander(strings.CONDITION_EXERCISES, icon=":material/fitness_center:", key="condition_exercises"):
        st.write(strings.CONDITION_EXERCISES_CHECK_FIRST)
        for rule in view.pain_rules:
            with st.container(border=True, key="condition_pain_rule"):
                st.markdown(f"**{strings.PAIN_RULE_HEADING}**")
                say(rule)
        for exercise in view.exercises:
            link, add = st.columns([3, 2], vertical_alignment="center")
            link.page_link(
                "pages/exercises.py",
                label=plain(f"{exercise.name} · {exercise.detail}"),
                icon=":material/fitness_center:",
                query_params={"exercise": exercise.id},
            )
            with add:
                add_to_plan_button(knowledge, exercise.id, key_prefix="condition_add", condition_id=view.id)
    with st.expander(strings.CONDITION_MUSCLES, icon=":material/accessibility_new:", key="condition_muscles"):
        for muscle in view.muscles:
            with st.container(border=True):
                st.markdown(f"**{plain(muscle.muscle_name)}**")
                say(muscle.how)
                st.markdown(f"*{strings.CONDITION_EVIDENCE}:* {plain(muscle.evidence_label)}")
                st.page_link(
                    "pages/anatomy.py",
                    label=plain(strings.CONDITION_MUSCLE_PAGE.format(name=muscle.muscle_name)),
                    icon=":material/accessibility_new:",
                    query_params={"muscle": muscle.muscle_id},
                )
    if view.return_to_activity:
        with st.expander(strings.CONDITION_RETURN_TO_ACTIVITY, icon=":material/directions_run:", key="condition_return"):
            say(view.return_to_activity)
    if view.questions_to_ask:
        with st.expander(strings.CONDITION_QUESTIONS, icon=":material/help:", key="condition_questions"):
            bullets(view.questions_to_ask)
    next_step_texts = show_next_steps(knowledge, [view.id], urgent=False, key="condition_next_steps")
    glossary_for(knowledge, (*view.texts(), *next_step_texts))

    with st.expander(strings.CONDITION_FOR_CLINICIANS):
        if view.icd10cm:
            st.markdown(f"**{strings.CONDITION_ICD_HEADING}**")
            table(view.icd_table().records())
        st.markdown(f"**{strings.CONDITION_EVIDENCE_DETAIL}**")
        for muscle in view.muscles:
            st.markdown(f"*{plain(muscle.muscle_name)}: {plain(muscle.evidence_label)}*")
            say(muscle.evidence_detail)
        if view.clinician_notes:
            st.markdown(f"**{strings.CONDITION_CLINICIAN_NOTES}**")
            bullets(view.clinician_notes)
        st.markdown(f"**{strings.SOURCES_HEADING}**")
        sources_list(knowledge, (source.id for source in view.sources))
    st.caption(strings.REVIEWED_ON.format(date=long_date(view.reviewed_on)))


knowledge = page_knowledge()
st.title(strings.CONDITIONS_TITLE)
st.write(strings.CONDITIONS_INTRO)

asked = requested(CONDITION_PARAM)
chosen = condition_view(knowledge, asked) if asked else None
if chosen is not None:
    show_condition(chosen)
else:
    if asked:
        st.warning(strings.NOT_FOUND.format(name=plain(asked)), icon=":material/search_off:")
    show_index()
