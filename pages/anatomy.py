"""Anatomy: a page per muscle (`?muscle=<id>`), its pain map, medius and minimus compared, the Trendelenburg sign."""

import streamlit as st

from glutemap import strings
from glutemap.figures.anatomy import (
    compare_muscles_table,
    layer_figure,
    layer_text,
    trendelenburg_figure,
    trendelenburg_text,
)
from glutemap.figures.referral import referral_description, referral_figure, referral_views
from glutemap.screens.anatomy import MuscleView, muscle_choices, muscle_view
from glutemap.screens.common import RecordLink, choice_kept, long_date
from glutemap.ui.address import follow_link, show_in_address
from glutemap.ui.components import (
    bullets,
    chart,
    glossary_for,
    page_knowledge,
    plain,
    say,
    set_widget_value,
    show_muscle_drawing,
    sources_list,
    table,
)

MUSCLE_PARAM = "muscle"
def choose_muscle(choices: list[RecordLink]) -> str:
    """The muscle selector; a valid `?muscle=` link decides what it shows, an unknown one gets a calm note."""
    names = {choice.id: choice.name for choice in choices}
    unknown = follow_link(MUSCLE_PARAM, "muscle_choice", names)
    if unknown is not None:
        st.warning(strings.NOT_FOUND.format(name=plain(unknown)), icon=":material/search_off:")
    if st.session_state.get("muscle_choice") not in names:
        st.session_state["muscle_choice"] = choices[0].id
    chosen: str = st.segmented_control(
        strings.MUSCLE_CHOICE_LABEL,
        options=list(names),
        format_func=lambda muscle_id: plain(names[muscle_id]),
        key="muscle_choice",
        required=True,
    )
    show_in_address(MUSCLE_PARAM, chosen, "muscle_choice")
    return chosen


def links(page: str, parameter: str, records: tuple[RecordLink, ...], icon: str) -> None:
    """Links to other screens, each opening one record there."""
    for record in records:
        label = f"{record.name} · {record.detail}" if record.detail else record.name
        st.page_link(page, label=plain(label), icon=icon, query_params={parameter: record.id})


def show_muscle(view: MuscleView) -> None:
    """Summary, attachments, supply, actions, depth and notes of one muscle."""
    st.header(plain(view.name))
    if view.latin_name:
        st.caption(plain(view.latin_name))
    say(view.summary)

    st.subheader(strings.MUSCLE_ATTACHMENTS)
    st.markdown(f"**{strings.MUSCLE_ORIGIN}**")
    say(view.origin)
    st.markdown(f"**{strings.MUSCLE_INSERTION}**")
    say(view.insertion)
    show_muscle_drawing(knowledge, view.id)

    st.subheader(strings.MUSCLE_ACTIONS)
    for group in view.actions:
        st.markdown(f"**{plain(group.fibres)}**")
        bullets(group.actions)

    # The rest opens on a tap: a phone shows what the muscle is, where it sits and what it does first.
    with st.expander(strings.MUSCLE_SUPPLY, icon=":material/bolt:", key="muscle_supply"):
        bullets(
            (
                strings.MUSCLE_NERVE.format(nerve=view.nerve),
                strings.MUSCLE_NERVE_ROOTS.format(roots=", ".join(view.nerve_roots)),
                strings.MUSCLE_BLOOD.format(blood=view.blood_supply),
            )
        )
    with st.expander(strings.MUSCLE_LAYER, icon=":material/layers:", key="muscle_layer"):
        say(view.layer_text)
        described = layer_text(knowledge, view.id)
        chart(layer_figure(knowledge, view.id), key="layer_figure", alt=" ".join(described))
        st.markdown(f"**{strings.FIGURE_TEXT_HEADING}**")
        bullets(described)
    if view.notes:
        with st.expander(strings.MUSCLE_NOTES, icon=":material/lightbulb:", key="muscle_notes"):
            bullets(view.notes)
    if view.aggravators:
        with st.expander(strings.MUSCLE_AGGRAVATORS, icon=":material/warning:", key="muscle_aggravators"):
            bullets(view.aggravators)
    if view.conditions:
        with st.expander(strings.MUSCLE_CONDITIONS, icon=":material/list_alt:", key="muscle_conditions"):
            links("pages/conditions.py", "condition", view.conditions, ":material/list_alt:")
    if view.exercises:
        with st.expander(strings.MUSCLE_EXERCISES, icon=":material/fitness_center:", key="muscle_exercises"):
            links("pages/exercises.py", "exercise", view.exercises, ":material/fitness_center:")
    glossary_for(knowledge, view.texts())
    with st.expander(strings.MUSCLE_FOR_CLINICIANS):
        bullets(view.clinician_notes)
        st.markdown(f"**{strings.SOURCES_HEADING}**")
        sources_list(knowledge, (source.id for source in view.sources))
    st.caption(strings.REVIEWED_ON.format(date=long_date(view.reviewed_on)))


def show_referral(view: MuscleView) -> None:
    """Where this muscle's pain is often felt: body outline, the same as a table, and the caveat."""
    st.write(strings.REFERRAL_INTRO)
    if not view.referral_patterns:
        st.write(strings.REFERRAL_NONE)
        return
    if view.referral_caveat:
        st.info(plain(view.referral_caveat), icon=":material/info:")
    body_views = referral_views(knowledge, view.id)
    if body_views:
        # Another muscle may not be drawn on the view chosen for the last one: then its first view shows.
        set_widget_value("referral_view", choice_kept(st.session_state.get("referral_view"), body_views))
        body_view: str = st.segmented_control(
            strings.REFERRAL_VIEW_LABEL,
            options=body_views,
            format_func=strings.BODYMAP_VIEW_CHOICES.__getitem__,
            key="referral_view",
            required=True,
        )
        st.image(referral_figure(knowledge, view.id, body_view), alt=referral_description(knowledge, view.id, body_view))
    for pattern in view.referral_patterns:
        st.markdown(f"**{plain(pattern.label)}**")
        if pattern.note:
            say(pattern.note)
        table(pattern.table().records())


def show_comparison() -> None:
    """Gluteus medius and minimus side by side, one feature per row."""
    table = compare_muscles_table(knowledge)
    st.write(strings.COMPARE_INTRO)
    widths = [1] + [2] * (len(table.columns) - 1)
    for cells in (table.columns, *table.rows):
        row = st.columns(widths)
        row[0].markdown(f"**{plain(cells[0])}**")
        for column, cell in zip(row[1:], cells[1:], strict=True):
            # A line break in a cell separates fibre groups; keep it as a Markdown hard break.
            text = "  \n".join(plain(line) for line in cell.split("\n"))
            column.markdown(f"**{text}**" if cells is table.columns else text)


def show_trendelenburg() -> None:
    """What happens to the pelvis when standing on one leg, in a picture and in words."""
    st.subheader(strings.TRENDELENBURG_HEADING)
    st.write(strings.TRENDELENBURG_INTRO)
    described = trendelenburg_text()
    chart(trendelenburg_figure(), key="trendelenburg_figure", alt=" ".join(described))
    st.markdown(f"**{strings.FIGURE_TEXT_HEADING}**")
    bullets(described)


knowledge = page_knowledge()
st.title(strings.ANATOMY_TITLE)
st.write(strings.ANATOMY_INTRO)

choices = muscle_choices(knowledge)
if not choices:
    st.write(strings.UNAVAILABLE_BODY)
    st.stop()
muscle = muscle_view(knowledge, choose_muscle(choices))
assert muscle is not None  # the selector only offers muscles that exist

about_tab, referral_tab, compare_tab, trendelenburg_tab = st.tabs(
    [strings.ANATOMY_TAB_MUSCLE, strings.ANATOMY_TAB_REFERRAL, strings.ANATOMY_TAB_COMPARE,
     strings.ANATOMY_TAB_TRENDELENBURG]
)
with about_tab:
    show_muscle(muscle)
with referral_tab:
    show_referral(muscle)
with compare_tab:
    show_comparison()
with trendelenburg_tab:
    show_trendelenburg()
