"""The plan model: pure add/remove/move/side functions, cleaning, and the plain text the QR code carries."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_knowledge
from exercise_knowledge import EXTRA_FILES
from hypothesis import given
from hypothesis import strategies as st

from glutemap.knowledge.loader import load_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens import plan as plans
from glutemap.screens.plan import SIDES, PlanItem, add, clean, from_param, move, plan_link, remove, set_side, side_for

KNOWN = ("clam_shell", "hip_hold", "toe_taps")
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The tiny knowledge plus a second exercise (module-wide: the property tests reuse it)."""
    return load_knowledge(write_knowledge(tmp_path_factory.mktemp("plan"), EXTRA_FILES))


def test_add_appends_a_known_exercise_for_both_sides() -> None:
    """A known exercise is added at the end, for both legs unless a side is given."""
    assert add((), "clam_shell", KNOWN) == (PlanItem("clam_shell", "both"),)
    assert add((PlanItem("clam_shell", "both"),), "hip_hold", KNOWN, "left")[-1] == PlanItem("hip_hold", "left")


def test_add_ignores_unknown_ids() -> None:
    """An id that is not an exercise in the knowledge never enters the plan."""
    assert add((), "my name is Ann", KNOWN) == ()


def test_add_ignores_an_exercise_already_planned() -> None:
    """Adding the same exercise twice keeps one entry (and its side)."""
    once = add((), "clam_shell", KNOWN, "left")
    assert add(once, "clam_shell", KNOWN, "right") == once


def test_add_with_an_unknown_side_uses_both() -> None:
    """A side other than left, right or both falls back to both."""
    assert add((), "clam_shell", KNOWN, "upside down") == (PlanItem("clam_shell", "both"),)


@pytest.mark.parametrize(
    ("area_sides", "side"),
    [
        (["right"], "right"),
        (["left", "left", "none"], "left"),
        (["left", "right"], "both"),
        (["none"], "both"),
        ([], "both"),
        (["up", "right"], "right"),
    ],
)
def test_the_side_follows_the_areas_chosen(area_sides: list[str], side: str) -> None:
    """Areas on one side only plan that side; both sides, the middle only or nothing plan both legs."""
    assert side_for(area_sides) == side


def test_remove_drops_only_that_exercise() -> None:
    """Removing one exercise keeps the others in order."""
    plan = (PlanItem("clam_shell", "both"), PlanItem("hip_hold", "left"), PlanItem("toe_taps", "both"))
    assert remove(plan, "hip_hold") == (PlanItem("clam_shell", "both"), PlanItem("toe_taps", "both"))


def test_move_up_and_down_swaps_neighbours() -> None:
    """Moving up or down one place swaps an exercise with its neighbour."""
    plan = (PlanItem("clam_shell", "both"), PlanItem("hip_hold", "left"), PlanItem("toe_taps", "both"))
    assert [item.exercise_id for item in move(plan, "hip_hold", -1)] == ["hip_hold", "clam_shell", "toe_taps"]
    assert [item.exercise_id for item in move(plan, "hip_hold", 1)] == ["clam_shell", "toe_taps", "hip_hold"]


def test_move_stops_at_the_ends() -> None:
    """Moving the first up or the last down leaves the plan as it is."""
    plan = (PlanItem("clam_shell", "both"), PlanItem("hip_hold", "left"))
    assert move(plan, "clam_shell", -1) == plan
    assert move(plan, "hip_hold", 5) == plan


def test_set_side_changes_only_that_exercise() -> None:
    """Choosing a side changes that exercise's side and nothing else."""
    plan = (PlanItem("clam_shell", "both"), PlanItem("hip_hold", "both"))
    assert set_side(plan, "hip_hold", "right") == (PlanItem("clam_shell", "both"), PlanItem("hip_hold", "right"))


def test_set_side_ignores_anything_but_the_three_sides() -> None:
    """A side value that is not left, right or both is ignored."""
    plan = (PlanItem("clam_shell", "left"),)
    assert set_side(plan, "clam_shell", "Ann's left") == plan
    assert set_side(plan, "clam_shell", None) == plan


def test_clean_keeps_only_valid_entries() -> None:
    """Cleaning session data drops unknown ids, bad sides, repeats and malformed entries."""
    raw = [
        ("clam_shell", "left"), ("hacker", "both"), ("hip_hold", "sideways"), ("clam_shell", "right"), "junk",
        ("toe_taps", "both", 3),
    ]
    assert clean(raw, KNOWN) == (PlanItem("clam_shell", "left"),)
    assert clean("clam_shell", KNOWN) == ()


# Visitor text in the property test is drawn from Unicode's private-use area, which no knowledge text uses,
# so finding any such character in the plan text would prove that visitor text leaked in.
VISITOR_TEXT = st.text(alphabet=st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF), min_size=1, max_size=30)
OFFERED = st.one_of(st.sampled_from(KNOWN), st.sampled_from(SIDES), VISITOR_TEXT, st.text(max_size=30))
OPERATION = st.tuples(st.sampled_from(("add", "remove", "move", "set_side")), OFFERED, OFFERED, st.integers(-3, 3))


def _apply(plan: plans.Plan, operation: tuple[str, str, str, int], known: tuple[str, ...]) -> plans.Plan:
    name, first, second, offset = operation
    if name == "add":
        return add(plan, first, known, second)
    if name == "remove":
        return remove(plan, first)
    if name == "move":
        return move(plan, first, offset)
    return set_side(plan, first, second)


@given(operations=st.lists(OPERATION, max_size=25))
def test_a_plan_only_ever_holds_known_ids_and_the_three_sides(operations) -> None:
    """Whatever strings are offered as ids or sides, the plan holds only known exercise ids and fixed sides."""
    plan: plans.Plan = ()
    for operation in operations:
        plan = _apply(plan, operation, KNOWN)
    assert all(item.exercise_id in KNOWN and item.side in SIDES for item in plan)
    assert len({item.exercise_id for item in plan}) == len(plan)


# --- the plan in the address ------------------------------------------------------------------------------------


def test_a_plan_link_opens_my_plan_at_the_address_with_the_plan_in_it(shipped_knowledge: KnowledgeBase) -> None:
    """The link is the address's My plan page with the plan parameter, and reads back to the same plan."""
    plan = (PlanItem("clam_shell", "right"), PlanItem("side_plank", "both"))
    link = plan_link("https://glutemap.example.org/", plan)
    assert link == "https://glutemap.example.org/plan?plan=clam_shell.r~side_plank.b"
    assert from_param(link.split("plan=", 1)[1], shipped_knowledge.exercises) == plan


def test_a_plan_round_trips_through_its_address_value(shipped_knowledge: KnowledgeBase) -> None:
    """A plan written into the address reads back as the same exercises, order and sides."""
    plan = (PlanItem("clam_shell", "left"), PlanItem("side_plank", "both"), PlanItem("glute_bridge", "right"))
    value = plans.to_param(plan)
    assert value == "clam_shell.l~side_plank.b~glute_bridge.r"
    assert plans.from_param(value, shipped_knowledge.exercises) == plan


@pytest.mark.parametrize("value", ["", "nonsense", "clam_shell", "clam_shell.x", "<script>.l", "clam_shell.l" * 200,
                                   "made_up.l", None, 3])
def test_an_address_value_that_names_no_known_exercise_gives_nothing(shipped_knowledge: KnowledgeBase,
                                                                      value: object) -> None:
    """Unknown ids, bad side letters, markup, an over-long value or no value at all give an empty plan."""
    assert plans.from_param(value, shipped_knowledge.exercises) == ()


def test_junk_beside_a_real_exercise_is_dropped(shipped_knowledge: KnowledgeBase) -> None:
    """Only the parts that name a known exercise and side are kept, each once."""
    value = "clam_shell.l~made_up.r~clam_shell.b~side_plank.q"
    assert plans.from_param(value, shipped_knowledge.exercises) == (PlanItem("clam_shell", "left"),)


def test_an_empty_plan_has_an_empty_address_value() -> None:
    """Nothing planned writes nothing into the address."""
    assert plans.to_param(()) == ""
