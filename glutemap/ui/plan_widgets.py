"""The plan in the session: an "Add to my plan" button for any page, and the plan editor's controls.

The plan lives in st.session_state["plan"] as a tuple of (exercise id, side) and is only changed through the
pure functions of `glutemap.screens.plan`, so it can never hold anything a visitor typed.
"""

from __future__ import annotations

import streamlit as st

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens import plan as plans
from glutemap.screens.plan import SIDES, Plan, Side
from glutemap.settings import deployment
from glutemap.ui.components import plain, set_widget_value
from glutemap.ui.knowledge import current_knowledge

PLAN_KEY = "plan"
PLAN_PAGE = "pages/plan.py"


def current_plan(knowledge: KnowledgeBase) -> Plan:
    """The session's plan, cleaned of anything that is not a known exercise id and side.

    Outside kiosk mode a new session takes the plan from the address (?plan=...), so a reload or a
    bookmark keeps it; a kiosk never reads or writes it there (the next visitor must start empty).
    """
    if PLAN_KEY not in st.session_state and not deployment().kiosk:
        st.session_state[PLAN_KEY] = plans.from_param(st.query_params.get(plans.PARAM), knowledge.exercises)
    return plans.clean(st.session_state.get(PLAN_KEY, ()), knowledge.exercises)


def keep_plan_in_address() -> None:
    """Write the plan into the page's address (outside kiosk mode), only when it differs from what is there.

    Called after every page: moving to another page drops the address's parameters, and a change made on
    this run (a button's callback) is already in the session.
    """
    knowledge = current_knowledge().knowledge
    if deployment().kiosk or knowledge is None:
        return
    wanted = plans.to_param(current_plan(knowledge))
    if st.query_params.get(plans.PARAM, "") != wanted:
        if wanted:
            st.query_params[plans.PARAM] = wanted
        else:
            st.query_params.pop(plans.PARAM, None)


def _store(plan: Plan) -> None:
    st.session_state[PLAN_KEY] = plan


def _add(knowledge: KnowledgeBase, exercise_id: str, side: Side = plans.DEFAULT_SIDE) -> None:
    _store(plans.add(current_plan(knowledge), exercise_id, knowledge.exercises, side))


PLAN_CONDITIONS_KEY = "plan_conditions"


def plan_conditions(knowledge: KnowledgeBase) -> tuple[str, ...]:
    """Known condition ids whose questions go on the handout (only ids, never visitor text)."""
    stored = st.session_state.get(PLAN_CONDITIONS_KEY) or []
    return tuple(cid for cid in dict.fromkeys(stored) if isinstance(cid, str) and cid in knowledge.conditions)


def remember_condition(knowledge: KnowledgeBase, condition_id: str | None) -> None:
    """Put a condition's questions on the handout (ignored unless it is a known condition id)."""
    if condition_id is not None and condition_id in knowledge.conditions:
        st.session_state[PLAN_CONDITIONS_KEY] = [*plan_conditions(knowledge), condition_id]


def _add_from(knowledge: KnowledgeBase, exercise_id: str, condition_id: str | None, side: Side) -> None:
    _add(knowledge, exercise_id, side)
    remember_condition(knowledge, condition_id)


def add_to_plan_button(
    knowledge: KnowledgeBase,
    exercise_id: str,
    key_prefix: str = "add",
    condition_id: str | None = None,
    side: Side = plans.DEFAULT_SIDE,
) -> None:
    """An "Add to my plan" button for one exercise (key f"{key_prefix}_{exercise_id}"); says so once it is added.

    Added from a condition's results or page (`condition_id`), that condition's questions to ask join the handout;
    `side` is the side it is planned for (e.g. the side of the areas chosen on Explore).
    """
    exercise = knowledge.exercises.get(exercise_id)
    if exercise is None:
        return
    if exercise_id in {item.exercise_id for item in current_plan(knowledge)}:
        st.success(strings.PLAN_ADDED.format(name=exercise.name), icon=":material/check_circle:")
        st.page_link(PLAN_PAGE, label=strings.PLAN_OPEN, icon=":material/assignment:")
        return
    st.button(
        strings.PLAN_ADD.format(name=exercise.name),
        key=f"{key_prefix}_{exercise_id}",
        icon=":material/add_task:",
        on_click=_add_from,
        args=(knowledge, exercise_id, condition_id, side),
    )


def _remove(knowledge: KnowledgeBase, exercise_id: str) -> None:
    _store(plans.remove(current_plan(knowledge), exercise_id))


def _move(knowledge: KnowledgeBase, exercise_id: str, offset: int) -> None:
    _store(plans.move(current_plan(knowledge), exercise_id, offset))


def _side_changed(knowledge: KnowledgeBase, exercise_id: str, widget_key: str) -> None:
    _store(plans.set_side(current_plan(knowledge), exercise_id, st.session_state.get(widget_key)))


def _clear() -> None:
    _store(plans.EMPTY_PLAN)


def side_key(exercise_id: str) -> str:
    """The widget key of an exercise's side choice in the plan editor."""
    return f"plan_side_{exercise_id}"


def plan_editor(knowledge: KnowledgeBase) -> Plan:
    """Side, order and remove controls for each planned exercise; returns the plan as shown."""
    plan = current_plan(knowledge)
    for index, item in enumerate(plan):
        name = knowledge.exercises[item.exercise_id].name
        with st.container(border=True, key=f"plan_item_{item.exercise_id}"):
            st.markdown(f"**{index + 1}\\. {plain(name)}**")
            widget_key = side_key(item.exercise_id)
            # Keep the widget in step with the plan (a stale value can linger after a remove and re-add).
            set_widget_value(widget_key, item.side)
            st.segmented_control(
                strings.PLAN_SIDE_LABEL.format(name=name),
                options=SIDES,
                format_func=strings.PLAN_SIDE_CHOICES.__getitem__,
                key=widget_key,
                required=True,
                on_change=_side_changed,
                args=(knowledge, item.exercise_id, widget_key),
            )
            up, down, remove = st.columns(3)
            up.button(
                strings.PLAN_UP.format(name=name), key=f"plan_up_{item.exercise_id}", icon=":material/arrow_upward:",
                disabled=index == 0, on_click=_move, args=(knowledge, item.exercise_id, -1), width="stretch", wrap=True,
            )
            down.button(
                strings.PLAN_DOWN.format(name=name), key=f"plan_down_{item.exercise_id}",
                icon=":material/arrow_downward:", disabled=index == len(plan) - 1,
                on_click=_move, args=(knowledge, item.exercise_id, 1), width="stretch", wrap=True,
            )
            remove.button(
                strings.PLAN_REMOVE.format(name=name), key=f"plan_remove_{item.exercise_id}", icon=":material/delete:",
                on_click=_remove, args=(knowledge, item.exercise_id), width="stretch", wrap=True,
            )
    if plan:
        st.button(strings.PLAN_CLEAR, key="plan_clear", icon=":material/clear_all:", on_click=_clear)
    return plan

