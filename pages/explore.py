"""Explore: red-flag checklist, where it hurts (map and plain choices), own words, then explained results."""

from collections.abc import Sequence
from functools import partial

import streamlit as st

from glutemap import strings
from glutemap.figures.body import split_tap_id
from glutemap.figures.flow import flow_figure, flow_table
from glutemap.figures.referral import area_thumbnail, referral_description, referral_figure, referral_table
from glutemap.knowledge.models import KnowledgeBase, RedFlag
from glutemap.screens.explore import (
    ConditionCard,
    ExploreView,
    answer_token,
    description_examples,
    explore_view,
    safety_checklist,
)
from glutemap.screens.plan import Side, side_for
from glutemap.search.text import MAX_TEXT_CHARS
from glutemap.settings import deployment
from glutemap.ui import explore_widgets as keys
from glutemap.ui.bodymap import body_map, region_choices, selected_regions, view_picker
from glutemap.ui.components import (
    blocks,
    chart,
    folded,
    glossary_for,
    md_bold,
    md_bullets,
    md_heading,
    md_section,
    page_knowledge,
    plain,
    show_muscle_drawing,
    table,
)
from glutemap.ui.decide_widgets import show_next_steps, urgent_panel
from glutemap.ui.explore_widgets import clear_choices, confirm_red_flag, red_flag_checklist, ticked_red_flags, use_example
from glutemap.ui.parts import rerun_alone, then_whole_page
from glutemap.ui.plan_widgets import add_to_plan_button
from glutemap.ui.scroll import bring_into_view


def show_conditions(knowledge: KnowledgeBase, view: ExploreView, side: Side) -> tuple[str, ...]:
    """One card per condition that fits: why it was shown, how the muscles are involved, exercises (planned for `side`).

    Returns the texts shown (as every results section does), for the page's one list of words used.
    """
    for note in view.result.notes:
        with st.container(border=True, key=f"area_note_{note.region}"):
            blocks(md_heading(strings.EXPLORE_AREA_NOTE.format(label=note.label)), plain(note.causes),
                   md_section(strings.EXPLORE_AREA_WHO, (note.who_to_see,)))
    if not view.cards and view.result.muscles:
        st.write(strings.EXPLORE_MUSCLES_ONLY)
        blocks(*(md_section(muscle.name, muscle.why) for muscle in view.result.muscles))
    elif not view.cards and not view.result.notes:
        st.write(strings.EXPLORE_NO_MATCH)
    for card in view.cards:
        show_condition_card(knowledge, card, view.show_exercises, side)
    return (*(card.summary for card in view.cards), *(item.how for card in view.cards for item in card.involvement))


def show_condition_card(knowledge: KnowledgeBase, card: ConditionCard, show_exercises: bool, side: Side) -> None:
    """A result card that opens short: where it is felt (a picture), the name, what it is and the first reason;
    the reasons with the muscles, and the exercises, one tap away."""
    # "result_<id>" names the card and nothing else: browser tests, the load test and the benchmark count cards by it.
    with st.container(border=True, key=f"result_{card.id}"):
        with st.container(horizontal=True, vertical_alignment="top", gap="small"):
            st.image(area_thumbnail(card.regions), alt=card.picture_alt)
            with st.container():
                blocks(md_heading(card.name), plain(card.summary))
                if card.reasons:
                    st.caption(plain(card.reasons[0]))
        with folded(strings.EXPLORE_WHY, icon=":material/help:", key=f"why_shown_{card.id}") as shown:
            if shown:
                blocks(
                    md_bullets(card.reasons),
                    md_section(strings.EXPLORE_HOW_MUSCLES, (f"{item.muscle_name}: {item.how} ({strings.EXPLORE_EVIDENCE}: "
                                                             f"{item.evidence_label})" for item in card.involvement)),
                )
        if show_exercises and card.exercises:
            label = strings.EXPLORE_EXERCISES_COUNT.format(count=len(card.exercises))
            with folded(label, icon=":material/fitness_center:", key=f"exercises_for_{card.id}") as shown:
                if shown:
                    show_card_exercises(knowledge, card, side)
        elif not show_exercises:
            st.caption(strings.EXPLORE_EXERCISES_HIDDEN)
        st.page_link("pages/conditions.py", label=strings.EXPLORE_OPEN_CONDITION.format(name=card.name),
                     query_params={"condition": card.id}, icon=":material/arrow_forward:")


def show_card_exercises(knowledge: KnowledgeBase, card: ConditionCard, side: Side) -> None:
    """A card's pain rule, then each exercise: a link to it and a button that adds it to the plan (for `side`)."""
    for rule in card.pain_rules:
        st.caption(plain(rule))
    for exercise in card.exercises:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.page_link("pages/exercises.py", label=plain(exercise.name), query_params={"exercise": exercise.id},
                         icon=":material/fitness_center:")
            add_to_plan_button(knowledge, exercise.id, key_prefix=f"explore_add_{card.id}", condition_id=card.id, side=side)


def show_muscles_and_pain_maps(knowledge: KnowledgeBase, view: ExploreView, body_view: str) -> tuple[str, ...]:
    """Why each muscle is on the list, then where each one can send pain, with the chosen places outlined."""
    if not view.result.muscles:
        st.write(strings.EXPLORE_SECTION_EMPTY)
        return ()
    shown = tuple(line for muscle in view.result.muscles for line in muscle.why)
    st.subheader(strings.EXPLORE_MUSCLES_HEADING)
    for muscle in view.result.muscles:
        blocks(md_section(muscle.name, muscle.why))
        with st.expander(strings.MUSCLE_DRAWING_EXPANDER.format(name=plain(muscle.name))):
            show_muscle_drawing(knowledge, muscle.id)
    if not (view.result.regions or view.result.regions_from_text):
        return shown
    st.subheader(strings.EXPLORE_REFERRAL_HEADING)
    st.write(strings.EXPLORE_REFERRAL_INTRO)
    chosen = [*view.result.regions, *view.result.regions_from_text]
    muscles = view.referral_muscles
    for muscle, tab in zip(muscles, st.tabs([plain(muscle.name) for muscle in muscles]), strict=True):
        with tab:
            st.image(referral_figure(knowledge, muscle.id, body_view, chosen),
                     alt=referral_description(knowledge, muscle.id, body_view))
            table(referral_table(knowledge, muscle.id).records())
    return shown


def show_flow(view: ExploreView) -> tuple[str, ...]:
    """The links from places to conditions, muscles and exercises, as a figure and as a table."""
    if not view.flow:
        st.write(strings.EXPLORE_SECTION_EMPTY)
        return ()
    chart(flow_figure(view.flow, strings.FLOW_KIND_LABELS, strings.EXPLORE_FLOW_TITLE), key="flow_chart",
          alt=strings.EXPLORE_FLOW_TITLE)
    with st.expander(strings.EXPLORE_FLOW_TABLE):
        table(flow_table(view.flow, strings.FLOW_KIND_LABELS))
    return ()


def show_red_flag_detail(flags: Sequence[RedFlag]) -> None:
    """Each warning sign in full, in everyday words, one tap away (built only while shown)."""
    with st.popover(strings.EXPLORE_RED_FLAGS_DETAIL, icon=":material/help:", key="warning_signs_detail",
                    on_change="rerun") as detail:
        if detail.open:
            blocks(*(f"{md_bold(flag.title)}: {plain(flag.everyday)}" for flag in flags))


RESULTS_ANCHOR = "explore_results"


def where_it_hurts(knowledge: KnowledgeBase, input_mode: str) -> str:
    """The map and the words, side by side on a wide screen, one of them (`input_mode`) on a phone.

    Returns the body view shown on the map, which the pain maps in the results use too.
    """
    with st.container(key=f"explore_inputs_{input_mode}"):
        words_column, map_column = st.columns([1, 1] if deployment().kiosk else [3, 2])
        with map_column, st.container(key="explore_map_area"):
            body_view = view_picker(key="explore_view")
            st.caption(strings.BODYMAP_HELP)
            body_map(knowledge, body_view, key="explore_map", selected_key=keys.SELECTED_REGIONS)
        with words_column:
            with st.container(key="explore_words"):
                # One line: Enter (or the phone keyboard's Go) applies it, as people expect; the button does too.
                st.text_input(
                    strings.EXPLORE_TEXT_LABEL,
                    key=keys.SYMPTOM_TEXT,
                    max_chars=MAX_TEXT_CHARS,
                    placeholder=strings.EXPLORE_TEXT_PLACEHOLDER,
                )
                with st.container(horizontal=True):
                    st.button(strings.EXPLORE_APPLY, key="explore_apply", type="primary", width="stretch")
                    # Clearing also unticks the warning signs, which live outside this part.
                    st.button(strings.EXPLORE_CLEAR, key="explore_clear", on_click=then_whole_page(clear_choices),
                              width="stretch")
                examples = description_examples(knowledge)
                st.pills(strings.EXPLORE_EXAMPLES_LABEL, options=list(examples),
                         format_func=lambda key: plain(examples[key]), key=keys.EXAMPLE, on_change=use_example,
                         args=(examples,), wrap=False)
            with (
                st.container(key="explore_area_list"),
                folded(strings.BODYMAP_LIST_HELP, icon=":material/list:", key="area_list_open") as area_list_shown,
            ):
                if area_list_shown:
                    region_choices(knowledge, body_view, key="explore_list", selected_key=keys.SELECTED_REGIONS)
    return body_view


def show_answer_start(view: ExploreView) -> None:
    """Urgent advice always first, then the questions we ask back and what was understood from the words."""
    with st.container(key=RESULTS_ANCHOR):
        st.header(strings.EXPLORE_RESULTS_HEADING)
    if view.result.urgent:
        urgent_panel(view.result.urgent)
        if not view.show_exercises:
            st.button(strings.URGENT_ACK, key=keys.URGENT_ACK + "_button",
                      on_click=lambda: st.session_state.update({keys.URGENT_ACK: True}))
        else:
            st.caption(strings.URGENT_ACKNOWLEDGED)
    if view.result.ask:
        with st.container(border=True, key="explore_ask"):
            st.subheader(strings.EXPLORE_ASK_HEADING)
            st.caption(strings.EXPLORE_ASK_HELP)
            for question in view.result.ask:
                st.write(plain(question.question))
                # "Yes" ticks the sign in the safety check above, outside this part.
                st.button(strings.EXPLORE_ASK_YES, key=f"explore_ask_{question.id}",
                          on_click=then_whole_page(confirm_red_flag), args=(question.id,))
    if view.text_too_long:
        st.caption(strings.EXPLORE_TEXT_TOO_LONG)
    if view.result.regions_from_text:
        places = ", ".join(view.understood_places)
        st.caption(plain(strings.EXPLORE_UNDERSTOOD.format(places=places)))
    if not view.has_input:
        st.write(strings.EXPLORE_NO_INPUT)


def show_answer_sections(knowledge: KnowledgeBase, view: ExploreView, chosen_regions: Sequence[str], body_view: str) -> None:
    """One section of the answer at a time (conditions first), then the words used in it."""
    # Only the chosen section is built: Streamlit redraws every element on each tap, so a shorter page
    # answers faster, above all on a kiosk's modest hardware. A segmented control rather than st.tabs:
    # mounting the tabs made a session's first tap about 17 ms slower in the browser.
    sections = {
        strings.EXPLORE_SECTION_CONDITIONS: partial(
            show_conditions, knowledge, view, side_for(split_tap_id(tap)[1] for tap in chosen_regions)
        ),
        strings.EXPLORE_SECTION_NEXT: partial(
            show_next_steps, knowledge, [card.id for card in view.cards], urgent=bool(view.result.urgent), key="explore_next"
        ),
        strings.EXPLORE_SECTION_MUSCLES: partial(show_muscles_and_pain_maps, knowledge, view, body_view),
        strings.EXPLORE_SECTION_FLOW: partial(show_flow, view),
    }
    first_section = next(iter(sections))
    shown_section = st.segmented_control(
        strings.EXPLORE_SECTIONS_LABEL, options=list(sections), default=first_section, required=True, key=keys.RESULTS_SECTION
    )
    shown_texts = sections.get(shown_section, sections[first_section])()
    glossary_for(knowledge, shown_texts)


def where_and_answer(knowledge: KnowledgeBase, input_mode: str) -> None:
    """Where it hurts and the answer: the part of the screen that a tap, Enter or a chip reruns on its own."""
    body_view = where_it_hurts(knowledge, input_mode)
    chosen_regions = selected_regions(keys.SELECTED_REGIONS)
    ticked_flags = ticked_red_flags()
    typed_text = st.session_state.get(keys.SYMPTOM_TEXT) or ""
    view = explore_view(knowledge, regions=chosen_regions, red_flags=ticked_flags, text=typed_text,
                        urgent_acknowledged=bool(st.session_state.get(keys.URGENT_ACK)))
    show_answer_start(view)
    # After a tap, Enter or a ticked sign, the answer comes into view: the urgent panel first when there is one.
    bring_into_view("urgent_panel" if view.result.urgent else RESULTS_ANCHOR,
                    answer_token(view, chosen_regions, ticked_flags, typed_text))
    if view.has_input:
        show_answer_sections(knowledge, view, chosen_regions, body_view)


knowledge = page_knowledge()
st.title(strings.EXPLORE_TITLE)
st.write(strings.EXPLORE_INTRO)

# Short enough for a phone: each warning sign is a short question with its full wording one tap away, the
# list of areas (the map's keyboard- and screen-reader-friendly twin) is one tap away, and on a wide screen
# the description sits beside the map. The folded lists have keys: without one, an expander could fold
# itself again when taps came quickly.
with st.container(border=True, key="explore_safety"):
    st.header(strings.EXPLORE_RED_FLAGS_HEADING)
    st.caption(strings.EXPLORE_RED_FLAGS_HELP)
    flags = safety_checklist(knowledge)
    flag_titles = {flag.id: plain(flag.title) for flag in flags}
    with (
        st.container(key="explore_safety_signs"),
        folded(strings.EXPLORE_RED_FLAGS_OPEN, icon=":material/emergency:", key="warning_signs_open") as checklist_shown,
    ):
        if checklist_shown:
            red_flag_checklist(strings.EXPLORE_RED_FLAGS_HEADING, flag_titles)
            show_red_flag_detail(flags)

st.header(strings.EXPLORE_WHERE_HEADING)
# A phone shows one way of saying where it hurts at a time, words first: the body map alone is nearly two
# screens tall there. The choice only hides the other way on a narrow screen (touch.css); a wider screen shows
# the words and the map side by side and never shows the choice. A kiosk's portrait screen gives the map
# half its width; elsewhere the words get the wider column.
input_mode = st.segmented_control(
    strings.EXPLORE_INPUT_MODE_LABEL,
    options=list(keys.INPUT_MODES),
    format_func=strings.EXPLORE_INPUT_MODES.__getitem__,
    default=keys.INPUT_MODES[0],
    required=True,
    key=keys.INPUT_MODE,
    label_visibility="collapsed",  # the heading above asks the question; screen readers still hear the label
)
rerun_alone(partial(where_and_answer, knowledge, input_mode or keys.INPUT_MODES[0]))
