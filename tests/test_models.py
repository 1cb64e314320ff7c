"""The knowledge schema: good and bad value tables for every rule the models enforce."""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from glutemap import strings
from glutemap.knowledge import models
from glutemap.knowledge.models import (
    Dosage,
    Exercise,
    ExerciseMuscle,
    GlossaryTerm,
    IcdCode,
    Joint,
    Muscle,
    MuscleLink,
    RedFlag,
    ReferralArea,
    Region,
    Source,
)

# Minimal valid field values per model; tests change one field at a time. Strict models take tuples, not lists.
SOURCE: dict[str, Any] = {"id": "seed_000", "title": "A seed article", "kind": "seed"}
REGION: dict[str, Any] = {
    "id": "hip_lateral",
    "label": "Side of the hip",
    "where": "the side of the hip",
    "view": "side",
    "sources": ("seed_000",),
    "reviewed_on": dt.date(2026, 12, 4),
}
DOSAGE: dict[str, Any] = {"text": "10 reps each side", "reps": 10, "rounds": 2, "per_side": True}
RED_FLAG: dict[str, Any] = {
    "id": "saddle_numbness",
    "title": "Numbness around the bottom",
    "everyday": "Numbness around your bottom",
    "words": ("saddle numbness",),
    "group": "cauda_equina",
    "urgency": "emergency",
    "advice": "Get help now.",
    "sources": ("seed_000",),
    "reviewed_on": dt.date(2026, 12, 4),
}
MUSCLE: dict[str, Any] = {
    "id": "gluteus_minimus",
    "name": "Gluteus minimus",
    "summary": "The deepest buttock muscle.",
    "origin": "The hip bone.",
    "insertion": "The thigh bone.",
    "nerve": "Superior gluteal nerve",
    "nerve_roots": ("L4", "L5", "S1"),
    "blood_supply": "The superior gluteal artery.",
    "actions": ({"fibres": "Whole muscle", "actions": ("Moves the leg out.",)},),
    "layer": 3,
    "sources": ("seed_000",),
    "reviewed_on": dt.date(2026, 11, 23),
}
EXERCISE: dict[str, Any] = {
    "id": "clam_shell",
    "name": "Clam shell",
    "category": "activation",
    "summary": "Open and close the knees.",
    "steps": ("Lie on your side.", "Lift the top knee."),
    "dosage": DOSAGE,
    "easier": ("Smaller lift.",),
    "harder": ("Add a band.",),
    "stop_if": ("Sharp pain.",),
    "muscles": ({"muscle": "gluteus_medius", "role": "primary"},),
    "sources": ("seed_000",),
    "reviewed_on": dt.date(2026, 11, 23),
}
ICD: dict[str, Any] = {"code": "M76.30", "title": "Iliotibial band syndrome, unspecified leg"}
MUSCLE_LINK: dict[str, Any] = {
    "muscle": "gluteus_medius",
    "how": "Weakness may be linked.",
    "evidence": "association",
    "evidence_detail": "Seen together in small studies.",
    "sources": ("seed_000",),
}


def _valid(model: type[BaseModel], base: dict[str, Any], **changes: Any) -> BaseModel:
    return model.model_validate({**base, **changes})


def _rejected(model: type[BaseModel], base: dict[str, Any], **changes: Any) -> bool:
    try:
        model.model_validate({**base, **changes})
    except ValidationError:
        return True
    return False


@pytest.mark.parametrize("record_id", ["a", "clam_shell", "l5_s1_root", "a" * 60])
def test_ids_of_lower_case_letters_digits_and_underscores_are_accepted(record_id: str) -> None:
    """An id is a lower-case word that may hold digits and underscores, up to 60 characters."""
    assert _valid(Source, SOURCE, id=record_id).id == record_id  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "record_id", ["", "Clam", "1abc", "_clam", "clam-shell", "clam shell", "clam.shell", "é", "a" * 61]
)
def test_ids_with_other_characters_or_over_60_long_are_rejected(record_id: str) -> None:
    """Capitals, dashes, spaces, a leading digit or underscore, accents and long ids are refused."""
    assert _rejected(Source, SOURCE, id=record_id)


@pytest.mark.parametrize(
    ("field", "value"),
    [("reps", "10"), ("reps", 10.0), ("reps", True), ("rounds", "2"), ("hold_seconds_min", "5")],
)
def test_dosage_numbers_must_be_real_integers(field: str, value: Any) -> None:
    """Strict mode: a quoted "10", a float or a boolean is never silently turned into a count."""
    assert _rejected(Dosage, DOSAGE, **{field: value})


@pytest.mark.parametrize("value", ["yes", "true", "no", 1, 0, None])
def test_per_side_must_be_a_real_boolean(value: Any) -> None:
    """`per_side` takes only true or false, never text such as "yes" or a number."""
    assert _rejected(Dosage, DOSAGE, per_side=value)


@pytest.mark.parametrize("value", [True, False, 1.1, 10, dt.date(2026, 1, 1)])
def test_text_fields_reject_yaml_booleans_numbers_and_dates(value: Any) -> None:
    """YAML's `no`, `on`, `1.10` or a bare date in a text field is an error, not text."""
    assert _rejected(RedFlag, RED_FLAG, title=value)


@pytest.mark.parametrize("value", ["", "   ", "\n"])
def test_text_fields_reject_empty_or_blank_text(value: str) -> None:
    """Text must hold at least one visible character."""
    assert _rejected(RedFlag, RED_FLAG, advice=value)


def test_text_fields_are_stripped_of_surrounding_whitespace() -> None:
    """Leading and trailing spaces in text are removed when the record is read."""
    assert _valid(RedFlag, RED_FLAG, title="  Saddle numbness \n").title == "Saddle numbness"  # type: ignore[attr-defined]


def test_short_text_over_200_characters_is_rejected() -> None:
    """Labels and titles stay short enough to show on one line."""
    assert _rejected(RedFlag, RED_FLAG, title="x" * 201)


@pytest.mark.parametrize(
    ("model", "base"),
    [
        (Source, SOURCE),
        (Region, REGION),
        (Dosage, DOSAGE),
        (RedFlag, RED_FLAG),
        (Muscle, MUSCLE),
        (Exercise, EXERCISE),
        (IcdCode, ICD),
        (MuscleLink, MUSCLE_LINK),
        (GlossaryTerm, {"term": "abduction", "gloss": "moving the leg out"}),
    ],
)
def test_unknown_keys_are_rejected(model: type[BaseModel], base: dict[str, Any]) -> None:
    """A misspelt or invented field is an error instead of being ignored."""
    assert _valid(model, base) is not None
    assert _rejected(model, base, colour="red")


@pytest.mark.parametrize(
    ("model", "base", "field", "value"),
    [
        (Source, SOURCE, "title", "Changed"),
        (RedFlag, RED_FLAG, "urgency", "prompt"),
        (Dosage, DOSAGE, "reps", 3),
        (Muscle, MUSCLE, "layer", 1),
    ],
)
def test_records_are_frozen(model: type[BaseModel], base: dict[str, Any], field: str, value: Any) -> None:
    """Assigning to a field of a loaded record raises, so shared knowledge cannot be changed by accident."""
    record = _valid(model, base)
    with pytest.raises(ValidationError, match="frozen"):
        setattr(record, field, value)


@pytest.mark.parametrize(("low", "high"), [(10, 30), (5, 5), (None, 30), (10, None), (None, None)])
def test_dosage_hold_range_in_order_is_accepted(low: int | None, high: int | None) -> None:
    """A hold range whose minimum is at most its maximum, or with either end missing, is valid."""
    assert _valid(Dosage, DOSAGE, hold_seconds_min=low, hold_seconds_max=high) is not None


def test_dosage_hold_minimum_above_maximum_is_rejected() -> None:
    """`hold_seconds_min: 30` with `hold_seconds_max: 10` is refused with a message naming both fields."""
    with pytest.raises(ValidationError, match="hold_seconds_min must not be larger than hold_seconds_max"):
        Dosage.model_validate({**DOSAGE, "hold_seconds_min": 30, "hold_seconds_max": 10})


@pytest.mark.parametrize(
    ("field", "value"),
    [("reps", 0), ("reps", 101), ("rounds", 21), ("build_up_to_reps", 0), ("hold_seconds_max", 601)],
)
def test_dosage_numbers_outside_their_range_are_rejected(field: str, value: int) -> None:
    """Counts and hold times must lie in believable ranges (reps 1-100, rounds 1-20, holds 1-600 s)."""
    assert _rejected(Dosage, DOSAGE, **{field: value})


@pytest.mark.parametrize("layer", [0, 5, -1])
def test_muscle_layer_outside_one_to_four_is_rejected(layer: int) -> None:
    """Gluteal layers are numbered 1 (most superficial) to 4."""
    assert _rejected(Muscle, MUSCLE, layer=layer)


@pytest.mark.parametrize("code", ["M76.30", "M22.2X1", "M54.5", "M79", "S86.891", "M51.360"])
def test_icd_codes_in_icd10_shape_are_accepted(code: str) -> None:
    """A letter, two characters, then optionally a dot and one to four characters."""
    assert _valid(IcdCode, ICD, code=code) is not None


@pytest.mark.parametrize(
    "code", ["m76.30", "M7", "M76.", "M76.12345", "76.30", "MM6.3", "M76 30", " M76.30x"]
)
def test_icd_codes_in_other_shapes_are_rejected(code: str) -> None:
    """Lower case, a missing part, a trailing dot, too many characters or spaces are refused."""
    assert _rejected(IcdCode, ICD, code=code)


@pytest.mark.parametrize("roots", [("L1",), ("L4", "L5", "S1"), ("S5",)])
def test_nerve_roots_l1_to_s5_are_accepted(roots: tuple[str, ...]) -> None:
    """Lumbar and sacral roots L1-L5 and S1-S5 are valid."""
    assert _valid(Muscle, MUSCLE, nerve_roots=roots) is not None


@pytest.mark.parametrize("roots", [("L6",), ("S0",), ("T12",), ("l4",), ("L45",), (" L4",), ()])
def test_nerve_roots_outside_l1_to_s5_are_rejected(roots: tuple[str, ...]) -> None:
    """Other spinal levels, lower case, extra characters and an empty list are refused."""
    assert _rejected(Muscle, MUSCLE, nerve_roots=roots)


def test_exercise_needs_at_least_two_steps() -> None:
    """A single instruction is not enough to follow an exercise safely."""
    assert _rejected(Exercise, EXERCISE, steps=("Lie down.",))


def test_exercise_needs_a_stop_if_caution() -> None:
    """Every exercise says when to stop."""
    assert _rejected(Exercise, EXERCISE, stop_if=())


@pytest.mark.parametrize(("x", "y"), [(-0.1, 50), (100.1, 50), (50, -1), (50, 101)])
def test_joint_positions_outside_the_100_box_are_rejected(x: float, y: float) -> None:
    """Stick-figure joints lie inside a 100 x 100 box."""
    with pytest.raises(ValidationError):
        Joint(x=x, y=y)


# (model, minimal record, field, every allowed value, one value that is not allowed)
ENUM_FIELDS: list[tuple[type[BaseModel], dict[str, Any], str, Any, str]] = [
    (Region, REGION, "view", models.View, "top"),
    (ReferralArea, {"region": "hip_lateral", "spread": "primary"}, "spread", models.Spread, "often"),
    (MuscleLink, MUSCLE_LINK, "evidence", models.Evidence, "proven"),
    (RedFlag, RED_FLAG, "urgency", models.Urgency, "soon"),
    (RedFlag, RED_FLAG, "group", models.RedFlagGroup, "stroke"),
    (Exercise, EXERCISE, "category", models.Category, "cardio"),
    # Every kind validates once the citation parts that journal and guideline kinds need are given.
    (Source, {**SOURCE, "authors": "Doe J", "year": 2020, "journal": "Hip J"}, "kind", models.SourceKind, "blog"),
    (ExerciseMuscle, {"muscle": "gluteus_medius", "role": "primary"}, "role", models.MuscleRole, "main"),
]


@pytest.mark.parametrize(("model", "base", "field", "vocabulary", "bad"), ENUM_FIELDS)
def test_every_value_of_a_fixed_vocabulary_is_accepted(
    model: type[BaseModel], base: dict[str, Any], field: str, vocabulary: Any, bad: str
) -> None:
    """Each allowed value of a Literal field validates."""
    for value in typing.get_args(vocabulary):
        assert getattr(_valid(model, base, **{field: value}), field) == value


@pytest.mark.parametrize(("model", "base", "field", "vocabulary", "bad"), ENUM_FIELDS)
def test_a_value_outside_a_fixed_vocabulary_is_rejected(
    model: type[BaseModel], base: dict[str, Any], field: str, vocabulary: Any, bad: str
) -> None:
    """A value that is not in the Literal, or the right word in capitals, is refused."""
    assert _rejected(model, base, **{field: bad})
    assert _rejected(model, base, **{field: typing.get_args(vocabulary)[0].upper()})


def _vocabularies() -> dict[str, Any]:
    """Every fixed vocabulary (a module-level Literal alias) that models.py declares, by name."""
    return {name: value for name, value in vars(models).items() if typing.get_origin(value) is typing.Literal}


def _labels_name(vocabulary_name: str) -> str:
    """`RedFlagGroup` -> `strings.RED_FLAG_GROUP_LABELS`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", vocabulary_name).upper() + "_LABELS"


# Labels that live under a name other than the vocabulary's own (screen wording belongs in strings.py).
LABELS_ELSEWHERE: dict[str, dict[str, str]] = {"MuscleRole": strings.EXERCISE_ROLE_LABELS}
# Vocabularies added after the foundation whose labels are not written yet: remove a name once its
# `<NAME>_LABELS` exists (the test below then insists on it).
NO_LABELS_YET = frozenset({"EmgStatistic", "PhaseKind", "OptionId"})
# Vocabularies that are drawn (a mat, a step, the joint a push arrow starts from) and never named on screen.
DRAWN_ONLY = frozenset({"Prop", "PushJoint"})


def _labels_for(vocabulary_name: str) -> dict[str, str] | None:
    if vocabulary_name in LABELS_ELSEWHERE:
        return LABELS_ELSEWHERE[vocabulary_name]
    name = _labels_name(vocabulary_name)
    found = getattr(strings, name, None)
    return typing.cast(dict[str, str] | None, found)


def test_fixed_vocabularies_are_found() -> None:
    """The discovery below really sees the vocabularies (so the label tests cannot pass on nothing)."""
    assert {"View", "Spread", "Evidence", "Urgency", "Category", "RedFlagGroup"} <= set(_vocabularies())


@pytest.mark.parametrize("vocabulary_name", sorted(_vocabularies()))
def test_every_fixed_vocabulary_value_has_a_display_label(vocabulary_name: str) -> None:
    """Each Literal value in models.py has a non-empty label in a `<NAME>_LABELS` dict, and no label is stale."""
    labels = _labels_for(vocabulary_name)
    if vocabulary_name in NO_LABELS_YET | DRAWN_ONLY:
        assert labels is None, f"{vocabulary_name} has labels now: remove it from NO_LABELS_YET or DRAWN_ONLY"
        return
    assert labels is not None, (
        f"{vocabulary_name} has no {_labels_name(vocabulary_name)} in models.py or strings.py"
    )
    values = set(typing.get_args(_vocabularies()[vocabulary_name]))
    assert set(labels) == values
    assert all(label.strip() for label in labels.values())


def test_the_schema_holds_no_visible_words() -> None:
    """Labels of the fixed vocabularies live with every other visible word (glutemap/english.py), not in models.py."""
    assert [name for name in vars(models) if name.endswith("_LABELS")] == []
