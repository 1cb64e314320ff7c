"""Exercises: a filterable library; each exercise opens by link (`?exercise=<id>`) and survives a reload."""

import streamlit as st

from glutemap import strings
from glutemap.figures.exercise_charts import emg_figure, phases_figure
from glutemap.figures.exercise_pictures import render_pictures_svg
from glutemap.screens.common import choice_kept
from glutemap.screens.exercises import (
    ExerciseCard,
    ExerciseView,
    FilterChoices,
    exercise_cards,
    exercise_names,
    exercise_view,
    filter_exercises,
    filter_options,
    known_choices,
    phase_views,
    phases_alt,
    progression_ladder,
)
from glutemap.ui.address import follow_link, show_in_address
from glutemap.ui.components import (
    blocks,
    bullets,
    chart,
    exercise_pictures,
    folded,
    md_section,
    numbered,
    page_knowledge,
    plain,
    say,
    set_widget_value,
    table,
)
from glutemap.ui.plan_widgets import add_to_plan_button

EXERCISE_PARAM = "exercise"
CHOICE_KEY = "exercise_choice"
FILTER_KEYS = {
    "muscles": "exercise_filter_muscle",
    "categories": "exercise_filter_category",
    "conditions": "exercise_filter_condition",
    "equipment": "exercise_filter_equipment",
}

knowledge = page_knowledge()
names = exercise_names(knowledge)
options = filter_options(knowledge)


def clear_filters() -> None:
    """Show every exercise again."""
    for key in FILTER_KEYS.values():
        st.session_state[key] = []


def text_lines(lines: tuple[str, ...]) -> None:
    """Lines as plain text: Markdown would turn web addresses into links, and a kiosk visitor must not leave."""
    for line in lines:
        st.text(f"• {line}")


def show_phases() -> None:
    """The recovery order as a figure, with the same steps in words."""
    phases = phase_views(knowledge)
    if not phases:
        return
    with folded(strings.PHASES_HEADING, icon=":material/timeline:", key="exercise_phases_open") as section_shown:
        if not section_shown:
            return
        st.write(strings.PHASES_INTRO)
        chart(phases_figure(phases), key="phases_figure", alt=phases_alt(phases), static=True, streamlit_theme=False)
        st.markdown(f"**{strings.PHASES_TEXT}**")
        for phase in phases:
            say(phase.sentence)
            if phase.category_labels:
                st.caption(plain(strings.PHASES_CATEGORIES.format(categories=", ".join(phase.category_labels))))
        sources = sorted({source for phase in phases for source in phase.sources})
        st.text(strings.PHASES_SOURCE.format(sources="; ".join(sources)))


def show_ladder() -> None:
    """The ladder from the seed articles' activation doses to strengthening, step by step in words."""
    ladder = progression_ladder(knowledge)
    if not ladder:
        return
    with folded(strings.LADDER_HEADING, icon=":material/stairs:", key="exercise_ladder_open") as section_shown:
        if not section_shown:
            return
        st.write(strings.LADDER_INTRO)
        for step in ladder:
            with st.container(border=True, key=f"ladder_step_{step.number}"):
                st.markdown(f"**{plain(step.heading)}**")
                say(step.what)
                st.markdown(f"*{strings.LADDER_EXERCISES}*")
                for exercise_id, name in step.exercises:
                    st.page_link("pages/exercises.py", label=plain(name), query_params={"exercise": exercise_id},
                                 icon=":material/fitness_center:")
                say(step.dose)
                say(step.move_up_when)
                st.caption(plain(strings.LADDER_SOURCES.format(sources="; ".join(step.sources))))
                st.caption(plain(strings.LADDER_REVIEWED.format(date=step.reviewed_on)))


def show_filters() -> FilterChoices:
    """The four filters; returns what is chosen (stale values from older knowledge are dropped)."""
    st.markdown(f"**{strings.EXERCISES_FILTERS_HEADING}**")
    choices: dict[str, tuple[str, ...]] = {}
    labels = {
        "muscles": (strings.EXERCISES_FILTER_MUSCLE, options.muscles),
        "categories": (strings.EXERCISES_FILTER_CATEGORY, options.categories),
        "conditions": (strings.EXERCISES_FILTER_CONDITION, options.conditions),
        "equipment": (strings.EXERCISES_FILTER_EQUIPMENT, options.equipment),
    }
    columns = st.columns(2)
    for position, (name, (label, offered)) in enumerate(labels.items()):
        key = FILTER_KEYS[name]
        if key in st.session_state:
            set_widget_value(key, list(known_choices(st.session_state[key], offered)))
        chosen = columns[position % 2].multiselect(
            label,
            options=list(offered),
            format_func=offered.__getitem__,
            key=key,
            placeholder=strings.EXERCISES_FILTER_PLACEHOLDER,
        )
        choices[name] = known_choices(chosen, offered)
    st.button(strings.EXERCISES_CLEAR_FILTERS, key="exercise_filters_clear", on_click=clear_filters)
    return FilterChoices(**choices)


def choose_exercise(shown: list[str]) -> str | None:
    """The cards of the exercises the filters leave; a link in the address wins once, then the visitor's tap."""
    follow_link(EXERCISE_PARAM, CHOICE_KEY, names)
    # The filters may hide the exercise that was open: then the first one they leave opens.
    opened = choice_kept(st.session_state.get(CHOICE_KEY), shown)
    if opened is None:
        return None
    st.session_state[CHOICE_KEY] = opened
    show_library(exercise_cards(knowledge, shown), opened)
    show_in_address(EXERCISE_PARAM, opened, CHOICE_KEY)
    return opened


def open_exercise(exercise_id: str) -> None:
    """Show this exercise below the cards (a card's button)."""
    st.session_state[CHOICE_KEY] = exercise_id


CARD_WIDTH = 150  # px: two cards and part of a third on a 360 px phone, so the row plainly scrolls sideways


def show_library(cards: tuple[ExerciseCard, ...], opened: str) -> None:
    """One row of cards that scrolls sideways: a picture of the end pose and the name, which opens the exercise.

    The one shown below is marked by a tick and the word "shown" as well as by colour.
    """
    st.caption(strings.EXERCISES_CHOOSE)
    with st.container(horizontal=True, gap="small", key="exercise_cards"):
        for card in cards:
            is_open = card.id == opened
            with st.container(border=True, width=CARD_WIDTH, key=f"exercise_card_{card.id}"):
                if card.pictures is not None:
                    st.image(render_pictures_svg(card.pictures)[1], alt=card.pictures.alt_end, width="stretch")
                label = strings.EXERCISES_CARD_SHOWN.format(name=plain(card.name)) if is_open else plain(card.name)
                st.button(label, key=f"exercise_open_{card.id}", type="primary" if is_open else "secondary",
                          icon=":material/check:" if is_open else None, width="stretch", on_click=open_exercise,
                          args=(card.id,))


def show_pictures(view: ExerciseView) -> None:
    """Start and end stick figures, each with its description as caption and as alt text."""
    if view.pictures is None:
        st.caption(strings.EXERCISES_NO_PICTURES)
        return
    exercise_pictures(view.pictures)
    st.caption(strings.EXERCISES_PICTURE_KEY)


def show_emg(view: ExerciseView) -> None:
    """Published muscle-activity numbers, where verified, as chart, table and caveat."""
    if not view.emg:
        return
    with st.expander(strings.EMG_HEADING, icon=":material/monitoring:", key="exercise_emg"):
        st.write(strings.EMG_INTRO)
        for index, emg in enumerate(view.emg):
            with st.container(border=True):
                chart(emg_figure(emg), key=f"emg_{view.id}_{index}", alt=emg.alt, static=True, streamlit_theme=False)
                for detail in emg.details:
                    st.caption(plain(detail))
                say(strings.EMG_CAVEAT + emg.caveat)
                # The chart's text equivalent (a folded section cannot sit inside this one).
                st.markdown(f"**{strings.EMG_TABLE}**")
                table(emg.table().records())
                for source in emg.sources:
                    st.text(strings.EMG_SOURCE.format(source=source))


def show_exercise(view: ExerciseView) -> None:
    """Everything about one exercise, safety first, research detail last."""
    st.header(plain(view.name))
    st.caption(plain(strings.EXERCISES_KIND.format(category=view.category)))
    if not view.glute_exercise:
        st.info(strings.EXERCISES_NOT_GLUTE, icon=":material/info:")
    say(view.summary)
    add_to_plan_button(knowledge, view.id, key_prefix="exercise_add")
    with st.container(border=True, key="exercise_stop_if"):
        st.error(f"**{strings.EXERCISES_STOP_IF}**", icon=":material/front_hand:")
        bullets(view.stop_if)
    st.subheader(strings.EXERCISES_PICTURES)
    show_pictures(view)
    st.subheader(strings.EXERCISES_STEPS)
    numbered(view.steps)
    st.subheader(strings.EXERCISES_DOSAGE)
    st.markdown(f"{strings.EXERCISES_DOSAGE_HOW_MUCH} **{plain(view.dosage_text)}**")
    st.caption(strings.EXERCISES_DOSAGE_NUMBERS)
    bullets(view.dosage_numbers)
    if view.dosage_source:
        st.caption(plain(view.dosage_source))
    st.subheader(strings.EXERCISES_EQUIPMENT)
    if view.equipment:
        bullets(view.equipment)
    else:
        st.write(strings.EXERCISES_EQUIPMENT_NONE)
    # The rest opens on a tap, so a phone shows what to do and how much without scrolling past the research.
    with st.expander(strings.EXERCISES_EASIER_HARDER, icon=":material/swap_vert:", key="exercise_steps_more"):
        blocks(md_section(strings.EXERCISES_EASIER, view.easier), md_section(strings.EXERCISES_HARDER, view.harder))
    if view.common_mistakes:
        with st.expander(strings.EXERCISES_MISTAKES, icon=":material/report:", key="exercise_mistakes"):
            bullets(view.common_mistakes)
    with st.expander(strings.EXERCISES_MUSCLES, icon=":material/accessibility_new:", key="exercise_muscles"):
        bullets(view.muscles)
        if view.conditions:
            st.markdown(f"**{strings.EXERCISES_CONDITIONS}**")
            for condition_id, name in view.conditions:
                st.page_link("pages/conditions.py", label=plain(name), query_params={"condition": condition_id},
                             icon=":material/arrow_forward:")
    if view.notes:
        with st.expander(strings.EXERCISES_NOTES, icon=":material/notes:", key="exercise_notes"):
            bullets(view.notes)
    show_emg(view)
    if view.clinician_notes:
        with st.expander(strings.EXERCISES_FOR_CLINICIANS, key="exercise_clinicians"):
            bullets(view.clinician_notes)
    with st.expander(strings.SOURCES_HEADING, icon=":material/menu_book:", key="exercise_sources"):
        text_lines(view.sources)
    st.caption(plain(strings.REVIEWED_ON.format(date=view.reviewed_on)))
    st.caption(plain(strings.EXERCISES_LINK.format(id=view.id)))


st.title(strings.EXERCISES_TITLE)
st.write(strings.EXERCISES_INTRO)
show_phases()
show_ladder()
filters = show_filters()
shown = [exercise.id for exercise in filter_exercises(knowledge, filters)]
st.caption(strings.EXERCISES_COUNT.format(shown=len(shown), total=len(names)))
if not shown:
    st.info(strings.EXERCISES_NONE_MATCH)
chosen = choose_exercise(shown)
if chosen is not None:
    st.divider()
    show_exercise(exercise_view(knowledge, chosen))
