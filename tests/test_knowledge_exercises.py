"""Exercise knowledge from activation to strength: numeric dosage, first-line care, pain rules and the ladder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge
from glutemap.knowledge.models import Exercise, KnowledgeBase
from glutemap.screens.exercises import dosage_numbers, exercise_view, pain_rules, progression_ladder
from glutemap.screens.plan import PlanItem
from glutemap.takehome.handout import build_handout
from testing.folded import open_folded

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 30
SEED_SOURCES = {"seed_000", "seed_004"}
LOWER_LEG_CONDITIONS = ("achilles_tendinitis", "plantar_fasciitis", "shin_splints", "patellofemoral_pain", "it_band_syndrome")
TENDON_CONDITIONS = ("trochanteric_bursitis", "gluteal_tendon_tear", "achilles_tendinitis")


_SHIPPED, _ = check_knowledge(DEFAULT_KNOWLEDGE_DIR)
_EXERCISES = dict(_SHIPPED.exercises) if _SHIPPED is not None else {}
EXERCISE_IDS = sorted(_EXERCISES)
HOLD_IDS = sorted(
    e.id for e in _EXERCISES.values() if e.dosage.hold_seconds_min is not None or e.dosage.hold_seconds_max is not None
)
NOT_GLUTE_IDS = sorted(e.id for e in _EXERCISES.values() if not e.glute_exercise)


def _exercise_data(**changes: Any) -> dict[str, Any]:
    """A valid exercise record as plain data, with `changes` applied."""
    data: dict[str, Any] = {
        "id": "calf_thing",
        "name": "Calf thing",
        "category": "dynamic",
        "summary": "Rise onto the toes.",
        "steps": ("Stand tall.", "Rise onto your toes."),
        "dosage": {"text": "10 raises", "reps": 10, "per_side": False},
        "easier": ("Rise less.",),
        "harder": ("Use one leg.",),
        "stop_if": ("Sharp pain.",),
        "muscles": ({"muscle": "gluteus_medius", "role": "secondary"},),
        "sources": ("seed_000",),
        "reviewed_on": dt.date(2026, 12, 4),
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_exercise_has_a_numeric_dosage(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """Each exercise gives repetitions or a hold time, sets or rounds, days a week, and a source for its numbers."""
    exercise = shipped_knowledge.exercises[exercise_id]
    dosage = exercise.dosage
    assert dosage.reps is not None or dosage.hold_seconds_min is not None or dosage.hold_seconds_max is not None
    assert dosage.sets is not None or dosage.rounds is not None
    assert dosage.days_per_week is not None
    assert dosage.numbers_from is not None or SEED_SOURCES & set(exercise.sources)


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_no_exercise_tells_a_patient_the_source_gives_no_number(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """Neither the dosage text nor its short lines say that no number is given."""
    view = exercise_view(shipped_knowledge, exercise_id)
    shown = " ".join((view.dosage_text, *view.dosage_numbers)).casefold()
    assert "gives no" not in shown
    assert strings.EXERCISES_DOSAGE_NO_NUMBERS.casefold() not in shown


@pytest.mark.parametrize("exercise_id", HOLD_IDS)
def test_a_hold_is_never_counted_in_total(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """A hold or stretch (done one side at a time) never reads "Counted in total, not for each side"."""
    dosage = shipped_knowledge.exercises[exercise_id].dosage
    assert strings.EXERCISES_DOSAGE_IN_TOTAL not in dosage_numbers(dosage)


def test_there_are_at_least_seventeen_exercises(shipped_knowledge: KnowledgeBase) -> None:
    """The library holds the seed exercises, the strengthening work and first-line care: 17 or more."""
    assert len(shipped_knowledge.exercises) >= 17


@pytest.mark.parametrize("exercise_id", ["small_leg_circles", "large_leg_circles"])
def test_leg_circles_are_counted_in_each_direction(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """The circles' repetitions read "in each direction" and are counted for each side."""
    lines = dosage_numbers(shipped_knowledge.exercises[exercise_id].dosage)
    assert strings.EXERCISES_DOSAGE_REPS_EACH_DIRECTION.format(reps=5) in lines
    assert strings.EXERCISES_DOSAGE_PER_SIDE in lines


def test_the_seated_stretch_has_a_sourced_hold_time(shipped_knowledge: KnowledgeBase) -> None:
    """The seated knee-to-shoulder stretch gives a hold time, and names where it comes from."""
    dosage = shipped_knowledge.exercises["seated_knee_to_shoulder_stretch"].dosage
    assert dosage.hold_seconds_min is not None and dosage.hold_seconds_max is not None
    assert dosage.numbers_from in shipped_knowledge.sources


@pytest.mark.parametrize(("exercise_id", "other_name"), [
    ("abduction_lift", "side-lying dynamic abduction"), ("side_lying_dynamic_abduction", "abduction lift"),
])
def test_the_two_side_lying_lifts_say_how_they_differ(
    shipped_knowledge: KnowledgeBase, exercise_id: str, other_name: str
) -> None:
    """Each of the two side-lying lifts says, in its summary, how it differs from the other."""
    summary = shipped_knowledge.exercises[exercise_id].summary.casefold()
    assert f"how it differs from {other_name}" in summary or f"how it differs from the {other_name}" in summary


def test_toe_taps_are_not_a_glute_exercise(shipped_knowledge: KnowledgeBase) -> None:
    """Toe taps are marked as not a glute exercise and list no gluteal muscle."""
    toe_taps = shipped_knowledge.exercises["toe_taps"]
    assert toe_taps.glute_exercise is False
    assert not [link for link in toe_taps.muscles if link.muscle.startswith("gluteus")]


def test_clam_shells_carry_the_compression_caution(shipped_knowledge: KnowledgeBase) -> None:
    """Clam shells tell people with side-of-hip pain to use a pillow, keep the knee from crossing and not lie on it."""
    clam = shipped_knowledge.exercises["clam_shell"]
    text = " ".join((*clam.steps, *clam.stop_if)).casefold()
    assert "pillow between your knees" in text
    assert "across the middle of your body" in text
    assert "lie on the side that does not hurt" in text


@pytest.mark.parametrize("condition_id", LOWER_LEG_CONDITIONS)
def test_lower_leg_conditions_list_first_line_care_that_is_not_a_glute_exercise(
    shipped_knowledge: KnowledgeBase, condition_id: str
) -> None:
    """Each knee, shin, ankle or foot condition suggests at least one exercise that is not a glute exercise."""
    exercises = [shipped_knowledge.exercises[e] for e in shipped_knowledge.conditions[condition_id].exercises]
    assert [exercise.id for exercise in exercises if not exercise.glute_exercise]


@pytest.mark.parametrize("exercise_id", NOT_GLUTE_IDS)
def test_non_glute_exercises_are_full_records(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """A first-line exercise that is not a glute exercise says what it works, has pictures and a sourced dosage."""
    exercise = shipped_knowledge.exercises[exercise_id]
    assert exercise.works
    assert exercise.pictures is not None
    assert exercise.dosage.numbers_from in shipped_knowledge.sources
    assert strings.EXERCISES_WORKS.format(works=exercise.works) in exercise_view(shipped_knowledge, exercise_id).muscles


@pytest.mark.parametrize("condition_id", TENDON_CONDITIONS)
def test_tendon_conditions_use_the_pain_monitoring_rule(shipped_knowledge: KnowledgeBase, condition_id: str) -> None:
    """Side-of-hip tendon pain and Achilles pain allow some pain that settles within a day, not "stop at any pain"."""
    assert shipped_knowledge.conditions[condition_id].pain_rule == "settles_in_24h"
    (line,) = pain_rules(shipped_knowledge, [condition_id])
    assert "5 out of 10" in line.text and "next morning" in line.text


def test_other_conditions_keep_the_stop_if_it_hurts_rule(shipped_knowledge: KnowledgeBase) -> None:
    """Conditions that are not tendon problems keep the rule to stop when an exercise hurts."""
    (line,) = pain_rules(shipped_knowledge, ["low_back_pain"])
    assert line.rule == "stop_if_pain"
    assert line.text == strings.PAIN_RULES["stop_if_pain"]


def test_the_handout_carries_the_pain_rule_of_a_tendon_condition(shipped_knowledge: KnowledgeBase) -> None:
    """A take-home plan made from a side-of-hip tendon condition says how much pain is all right."""
    plan = (PlanItem("clam_shell", "left"),)
    handout = build_handout(shipped_knowledge, plan, dt.date(2026, 12, 4), ["trochanteric_bursitis"])
    assert len(handout.pain_rules) == 1
    assert strings.PAIN_RULES["settles_in_24h"] in handout.pain_rules[0]


def test_the_handout_without_a_condition_gives_the_general_pain_rule(shipped_knowledge: KnowledgeBase) -> None:
    """A plan made without a condition still tells people when to stop."""
    handout = build_handout(shipped_knowledge, (PlanItem("clam_shell", "both"),), dt.date(2026, 12, 4))
    assert handout.pain_rules == (strings.PAIN_RULE_GENERAL.format(rule=strings.PAIN_RULES["stop_if_pain"]),)


def test_every_ladder_exercise_resolves(shipped_knowledge: KnowledgeBase) -> None:
    """Every exercise a ladder step names is an exercise in the knowledge."""
    named = [exercise for step in shipped_knowledge.progression.values() for exercise in step.exercises]
    assert named
    assert [exercise for exercise in named if exercise not in shipped_knowledge.exercises] == []


def test_the_ladder_runs_from_seed_activation_to_strengthening(shipped_knowledge: KnowledgeBase) -> None:
    """The first step uses the seed activation exercises and says they are below strengthening; later steps strengthen."""
    steps = list(shipped_knowledge.progression.values())
    assert {"clam_shell", "abduction_lift"} <= set(steps[0].exercises)
    assert "below strengthening" in steps[0].dose
    assert {"single_leg_squat", "side_plank", "lateral_step_down"} <= {e for step in steps[1:] for e in step.exercises}
    assert all("next morning" in step.move_up_when or "two sessions in a row" in step.move_up_when for step in steps)


def test_the_ladder_view_numbers_its_steps_and_names_the_exercises(shipped_knowledge: KnowledgeBase) -> None:
    """The ladder view model numbers the steps in file order and gives each exercise's display name."""
    ladder = progression_ladder(shipped_knowledge)
    assert [step.number for step in ladder] == list(range(1, len(shipped_knowledge.progression) + 1))
    assert ("clam_shell", "Clam shell") in ladder[0].exercises
    assert ladder[0].move_up_when.startswith(strings.LADDER_MOVE_UP.format(rule=""))


def test_an_unknown_ladder_exercise_is_reported(make_knowledge) -> None:
    """A progression step naming an exercise that does not exist is a located knowledge error."""
    folder = make_knowledge({"progression.yaml": """\
- id: step_one
  title: "Step 1"
  level: Activation
  what: "Wake the muscles up."
  exercises:
    - clams
  dose: "Light."
  move_up_when: "Two easy sessions."
  sources:
    - seed_000
  reviewed_on: 2026-12-04
"""})
    _, errors = check_knowledge(folder)
    assert [error.message for error in errors] == ["unknown exercise 'clams' (known: clam_shell)"]


def test_a_glute_exercise_needs_a_muscle() -> None:
    """An exercise marked as a glute exercise must list at least one muscle record."""
    with pytest.raises(ValidationError):
        Exercise.model_validate(_exercise_data(muscles=()), strict=False)


def test_first_line_care_may_name_what_it_works_instead_of_a_muscle() -> None:
    """An exercise that is not a glute exercise may give plain `works` text instead of muscle records."""
    exercise = Exercise.model_validate(_exercise_data(muscles=(), glute_exercise=False, works="Calf muscles"), strict=False)
    assert exercise.works == "Calf muscles"
    with pytest.raises(ValidationError):
        Exercise.model_validate(_exercise_data(muscles=(), glute_exercise=False), strict=False)


def _open(query: dict[str, str], page: str | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    if page is not None:
        app.switch_page(page)
        app.run()
    assert not app.exception
    return app


def _markdown(app: AppTest) -> str:
    parts = [*app.markdown, *app.caption, *app.info]
    return "\n".join(str(element.value) for element in parts).replace("\\", "")


def test_the_exercise_page_shows_the_ladder() -> None:
    """The Exercises screen shows the ladder, each step's heading and its rule for moving up."""
    app = _open({"exercise": "clam_shell"})
    assert strings.LADDER_HEADING in [expander.label for expander in app.expander]
    text = _markdown(open_folded(app, "exercise_ladder_open"))
    assert "Step 1: Wake the muscles up" in text
    assert strings.LADDER_MOVE_UP.format(rule="") in text


def test_the_exercise_page_marks_first_line_care_as_not_a_glute_exercise() -> None:
    """A non-glute exercise opens with a plain note that it is not a glute exercise."""
    app = _open({"exercise": "eccentric_heel_drop"})
    assert strings.EXERCISES_NOT_GLUTE in _markdown(app)


def test_the_condition_page_shows_its_pain_rule() -> None:
    """A tendon condition's page shows the pain-monitoring rule next to its exercises."""
    app = _open({"condition": "achilles_tendinitis"}, page="pages/conditions.py")
    text = _markdown(app)
    assert strings.PAIN_RULE_HEADING in text
    assert strings.PAIN_RULES["settles_in_24h"] in text
