"""The Exercises screen's logic: filters, one exercise's view, EMG charts, recovery phases and deep links."""

from __future__ import annotations

import pytest
from exercise_knowledge import EXTRA_FILES, HIP_HOLD_DOSAGE

from glutemap import strings
from glutemap.figures.exercise_charts import LABEL_WIDTH, TITLE_WIDTH, emg_figure
from glutemap.knowledge.loader import check_knowledge, load_knowledge
from glutemap.knowledge.models import Dosage, KnowledgeBase
from glutemap.knowledge.references import linked_id
from glutemap.screens.exercises import (
    NO_EQUIPMENT,
    FilterChoices,
    dosage_numbers,
    emg_charts,
    exercise_names,
    exercise_view,
    filter_exercises,
    filter_options,
    known_choices,
    phase_views,
)


@pytest.fixture
def knowledge(make_knowledge) -> KnowledgeBase:
    """Tiny knowledge with two exercises (clam shell, hip hold), EMG data and phases."""
    return load_knowledge(make_knowledge(EXTRA_FILES))


def _ids(knowledge: KnowledgeBase, **choices: tuple[str, ...]) -> list[str]:
    return [exercise.id for exercise in filter_exercises(knowledge, FilterChoices(**choices))]


def test_no_filter_shows_every_exercise_activation_first(knowledge: KnowledgeBase) -> None:
    """With nothing chosen every exercise shows, ordered by kind (activation before isometric)."""
    assert _ids(knowledge) == ["clam_shell", "hip_hold"]


def test_muscle_filter_keeps_exercises_working_that_muscle(knowledge: KnowledgeBase) -> None:
    """Choosing a muscle keeps the exercises that work it, as main or secondary muscle."""
    assert _ids(knowledge, muscles=("gluteus_minimus",)) == ["hip_hold"]
    assert _ids(knowledge, muscles=("gluteus_medius",)) == ["clam_shell", "hip_hold"]


def test_category_filter_keeps_that_kind(knowledge: KnowledgeBase) -> None:
    """Choosing a kind keeps only exercises of that kind."""
    assert _ids(knowledge, categories=("isometric",)) == ["hip_hold"]


def test_condition_filter_keeps_exercises_the_condition_suggests(knowledge: KnowledgeBase) -> None:
    """Choosing a condition keeps the exercises that condition links."""
    assert _ids(knowledge, conditions=("side_hip_pain",)) == ["clam_shell"]


def test_equipment_filter_matches_items_and_no_equipment(knowledge: KnowledgeBase) -> None:
    """An item keeps exercises using it; "no equipment" keeps those that need none (optional kit is fine)."""
    assert _ids(knowledge, equipment=("resistance band",)) == ["clam_shell"]
    assert _ids(knowledge, equipment=(NO_EQUIPMENT,)) == ["clam_shell", "hip_hold"]


def test_choices_within_a_filter_widen_and_filters_together_narrow(knowledge: KnowledgeBase) -> None:
    """Two kinds show both kinds; a kind plus a muscle shows only exercises matching both."""
    assert _ids(knowledge, categories=("activation", "isometric")) == ["clam_shell", "hip_hold"]
    assert _ids(knowledge, categories=("activation",), muscles=("gluteus_minimus",)) == []


def test_filter_options_offer_only_what_some_exercise_matches(knowledge: KnowledgeBase) -> None:
    """Filters offer only used kinds, worked muscles, linking conditions and used equipment."""
    options = filter_options(knowledge)
    assert list(options.categories) == ["activation", "isometric"]
    assert options.categories["isometric"] == strings.CATEGORY_LABELS["isometric"]
    assert set(options.muscles) == {"gluteus_medius", "gluteus_minimus"}
    assert list(options.conditions) == ["outer_knee_pain", "side_hip_pain"]
    assert list(options.equipment) == ["resistance band", NO_EQUIPMENT]


def test_known_choices_drop_stale_and_repeated_values() -> None:
    """Widget or address values that are not options are dropped, repeats kept once."""
    assert known_choices(["a", "zzz", "a", 3, "b"], {"a", "b"}) == ("a", "b")


def test_exercise_view_shows_dosage_exactly_as_written(knowledge: KnowledgeBase) -> None:
    """The dosage text is the knowledge's text, character for character."""
    assert exercise_view(knowledge, "hip_hold").dosage_text == HIP_HOLD_DOSAGE


def test_exercise_view_lists_main_muscles_first(knowledge: KnowledgeBase) -> None:
    """Muscles are listed main first, then secondary, each with its role."""
    assert exercise_view(knowledge, "hip_hold").muscles == ("Main muscle: Gluteus minimus", "Also works: Gluteus medius")


def test_exercise_view_names_linking_conditions_and_optional_equipment(knowledge: KnowledgeBase) -> None:
    """The view lists the conditions that suggest the exercise by name, and marks optional equipment."""
    view = exercise_view(knowledge, "clam_shell")
    assert [name for _, name in view.conditions] == ["Outer knee pain", "Side hip pain"]
    assert view.equipment == ("Resistance band (optional)",)


def test_dosage_numbers_come_only_from_the_structured_fields() -> None:
    """Repetitions, rounds, build-up, holds and side counting appear only where the knowledge has them."""
    dosage = Dosage(text="t", reps=5, rounds=1, per_side=True, build_up_to_reps=12)
    assert dosage_numbers(dosage) == (
        "Repetitions: 5", "Build up to: 12 repetitions", "Rounds: 1", strings.EXERCISES_DOSAGE_PER_SIDE
    )
    hold = Dosage(text="t", per_side=False, hold_seconds_min=10, hold_seconds_max=30)
    assert dosage_numbers(hold) == ("Hold: 10 to 30 seconds",)


def test_dosage_without_numbers_says_so() -> None:
    """When the source gives no numbers, the short list says that instead of inventing any."""
    assert dosage_numbers(Dosage(text="As advised", per_side=True)) == (strings.EXERCISES_DOSAGE_NO_NUMBERS,)


def test_emg_chart_marks_this_exercise_and_keeps_the_study_context(knowledge: KnowledgeBase) -> None:
    """The chart shows every task in the study, with this exercise marked in words and by a symbol."""
    (chart,) = emg_charts(knowledge, "clam_shell")
    assert [(row.task, row.is_this_exercise) for row in chart.rows] == [
        ("Clam in the study", True), ("Bridge in the study", False)
    ]
    assert chart.rows[0].label.startswith("◆")
    assert chart.rows[0].value_text == "40% (spread ± 10)"
    assert chart.rows[1].value_text == "55.5%"
    assert "Healthy adults only" in chart.caveat
    assert chart.table().rows[0] == ("Clam in the study", "40% (spread ± 10)", "Yes")


def test_no_emg_chart_without_verified_data(knowledge: KnowledgeBase) -> None:
    """An exercise no study measured gets no chart."""
    assert emg_charts(knowledge, "hip_hold") == ()


def test_shipped_emg_data_covers_clams_and_side_lying_abduction_only(shipped_knowledge: KnowledgeBase) -> None:
    """Only the exercises with verified EMG numbers (clam, side-lying abduction) get charts."""
    with_data = {exercise_id for exercise_id in shipped_knowledge.exercises if emg_charts(shipped_knowledge, exercise_id)}
    assert with_data == {"clam_shell", "abduction_lift", "side_lying_dynamic_abduction"}


def test_shipped_clam_chart_shows_distefano_numbers(shipped_knowledge: KnowledgeBase) -> None:
    """The clam's chart shows Distefano 2009: side-lying abduction 81% against the two clams, 40% and 38%."""
    (chart,) = emg_charts(shipped_knowledge, "clam_shell")
    assert "Distefano" in chart.title
    assert [(row.percent, row.is_this_exercise) for row in chart.rows] == [(81, False), (40, True), (38, True)]


def test_emg_data_naming_an_unknown_exercise_is_reported(make_knowledge) -> None:
    """The loader rejects EMG data that points at an exercise that does not exist, naming file and field."""
    files = {**EXTRA_FILES, "emg.yaml": EXTRA_FILES["emg.yaml"].replace("- clam_shell", "- clam_shel")}  # type: ignore[union-attr]
    knowledge, errors = check_knowledge(make_knowledge(files))
    assert knowledge is None
    assert [(error.file, error.field) for error in errors] == [("knowledge/emg.yaml", "values[0].exercises[0]")]
    assert "unknown exercise 'clam_shel'" in errors[0].message


def test_phases_keep_file_order_with_check_ins_last(knowledge: KnowledgeBase) -> None:
    """Recovery steps keep their order, and "at any stage" check-ins come after them."""
    phases = phase_views(knowledge)
    assert [phase.title for phase in phases] == ["Rest", "Move", "If it gets worse"]
    assert phases[1].category_labels == (strings.CATEGORY_LABELS["dynamic"],)
    assert phases[0].sentence == "1. Rest (The first days): Rest so healing can begin."


def test_shipped_phases_start_with_easing_off_and_end_with_the_setback_advice(shipped_knowledge: KnowledgeBase) -> None:
    """The shipped order is easing off, daily flexibility and holds, added resistance, and a doctor check after setbacks."""
    phases = phase_views(shipped_knowledge)
    assert [phase.categories for phase in phases] == [(), ("flexibility", "isometric"), ("dynamic",), ()]
    assert "Ease off" in phases[0].title
    assert phases[-1].kind == "check_in" and "doctor" in phases[-1].what


@pytest.mark.parametrize(
    ("value", "expected"),
    [("clam_shell", "clam_shell"), (["hip_hold"], "hip_hold"), (" clam_shell ", "clam_shell"),
     ("nope", None), ("x" * 500, None), (None, None), ([], None)],
)
def test_a_link_names_an_exercise_only_by_a_known_id(knowledge: KnowledgeBase, value: object, expected: str | None) -> None:
    """A deep link opens an exercise only when it names one; anything else is ignored."""
    assert linked_id(value, knowledge.exercises) == expected


def test_sets_rest_and_days_a_week_are_listed_when_given() -> None:
    """A strength dosage shows its sets, rest between sets and days a week, in that order after the repetitions."""
    dosage = Dosage(text="t", reps=10, per_side=True, sets=2, rest_seconds=90, days_per_week=2)
    assert dosage_numbers(dosage) == (
        "Repetitions: 10", "Sets: 2", "Rest between sets: 90 seconds", "Days a week: 2", strings.EXERCISES_DOSAGE_PER_SIDE
    )


def test_exercise_names_mark_every_exercise_that_is_not_for_the_glutes(shipped_knowledge: KnowledgeBase) -> None:
    """The names lists show: every exercise once, those for other muscles marked, glute exercises as named."""
    names = exercise_names(shipped_knowledge)
    assert set(names) == set(shipped_knowledge.exercises)
    for exercise_id, exercise in shipped_knowledge.exercises.items():
        assert (names[exercise_id] == exercise.name) == exercise.glute_exercise


def test_an_emg_chart_fits_a_phone_its_spread_left_to_the_table(knowledge: KnowledgeBase) -> None:
    """Title and bar labels wrap short enough for a 360 px screen, and each bar's value is the number alone."""
    (chart,) = [chart for chart in emg_charts(knowledge, "clam_shell") if chart.rows]
    figure = emg_figure(chart)
    title_lines = figure.layout.title.text.split("<br>")
    assert all(len(line) <= TITLE_WIDTH for line in title_lines)
    assert strings.EMG_AXIS.split()[-1] in title_lines[-1]  # what the bars measure, under the title
    assert all(len(line) <= LABEL_WIDTH for label in figure.data[0].y for line in label.split("<br>"))
    assert list(figure.data[0].text) == [row.value_short for row in reversed(chart.rows)]
    assert figure.layout.margin.t >= 22 * len(title_lines)
