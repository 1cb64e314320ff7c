"""The Exercises screen through AppTest: deep links, filters, exact dosage, cautions, pictures and EMG."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_knowledge import EXTRA_FILES, HIP_HOLD_ALT_START, HIP_HOLD_DOSAGE
from markdown_tables import tables
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase
from testing.folded import open_folded

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 30


def _open(exercise_id: str | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if exercise_id is not None:
        app.query_params["exercise"] = exercise_id
    app.run()
    if exercise_id is None:
        app.switch_page("pages/exercises.py")
        app.run()
    assert not app.exception
    return app


def _unescaped(text: str) -> str:
    return text.replace("\\", "")


def _text(app: AppTest) -> str:
    parts = [*app.markdown, *app.caption, *app.subheader, *app.header, *app.error, *app.info]
    return _unescaped("\n".join(str(element.value) for element in parts))


def _images(app: AppTest) -> list[tuple[str, str]]:
    """(caption, alt) of the open exercise's pictures (the cards' small pictures carry no caption)."""
    return [(image.caption, image.alt) for element in app.get("image") for image in element.proto.imgs if image.caption]


CARD_PREFIX = "exercise_open_"


def _cards(app: AppTest) -> list[str]:
    """The exercise ids of the library's cards, in order."""
    return [button.key.removeprefix(CARD_PREFIX) for button in app.button if button.key and button.key.startswith(CARD_PREFIX)]


def _tap_card(app: AppTest, exercise_id: str) -> AppTest:
    return app.button(key=CARD_PREFIX + exercise_id).click().run()


def _opened(app: AppTest) -> str:
    return str(app.session_state["exercise_choice"])


@pytest.fixture
def tiny_app(make_knowledge, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The Exercises screen over the tiny knowledge plus a second exercise."""
    monkeypatch.setenv("GLUTEMAP_KNOWLEDGE_DIR", str(make_knowledge(EXTRA_FILES)))
    return _open()


def test_deep_link_opens_that_exercise() -> None:
    """`?exercise=clam_shell` opens the clam shell on the Exercises screen."""
    app = _open("clam_shell")
    assert app.title[0].value == strings.EXERCISES_TITLE
    assert app.header[0].value == "Clam shell"
    assert _opened(app) == "clam_shell"


def test_deep_link_survives_a_reload() -> None:
    """The address keeps the exercise, so a fresh session with the same address opens it again."""
    first = _open("toe_taps")
    _tap_card(first, "clam_shell")
    reloaded = _open(first.query_params["exercise"])
    assert reloaded.header[0].value == "Clam shell"


def test_choosing_an_exercise_updates_the_address() -> None:
    """Picking another exercise puts its id in the address, ready to share or reload."""
    app = _open("clam_shell")
    _tap_card(app, "toe_taps")
    assert "Toe taps" in app.header[0].value
    assert app.query_params["exercise"] == "toe_taps"


def test_unknown_deep_link_falls_back_to_the_list() -> None:
    """A link naming no exercise opens the first exercise of the list instead of failing."""
    app = _open("not_an_exercise")
    assert _opened(app) == _cards(app)[0]
    assert app.query_params["exercise"] != "not_an_exercise"


def test_the_library_is_a_card_per_exercise_with_a_picture_of_its_end_pose(shipped_knowledge: KnowledgeBase) -> None:
    """Every exercise has a card whose picture (the end pose) carries that pose's description as alt text."""
    app = _open("clam_shell")
    assert sorted(_cards(app)) == sorted(shipped_knowledge.exercises)
    alts = [image.alt for element in app.get("image") for image in element.proto.imgs if not image.caption]
    assert alts == [pictures.alt_end for exercise_id in _cards(app)
                    if (pictures := shipped_knowledge.exercises[exercise_id].pictures) is not None]


def test_the_open_exercises_card_says_so_in_words_and_a_tick() -> None:
    """The card of the exercise shown below is marked by more than colour: "(shown)" and a tick."""
    app = _open("clam_shell")
    card = app.button(key=CARD_PREFIX + "clam_shell")
    assert card.label == strings.EXERCISES_CARD_SHOWN.format(name="Clam shell")
    assert card.proto.icon == ":material/check:"
    marker = strings.EXERCISES_CARD_SHOWN.format(name="").strip()
    assert all(marker not in button.label for button in app.button if button.key != CARD_PREFIX + "clam_shell")


def test_dosage_is_shown_exactly_as_the_knowledge_holds_it(shipped_knowledge: KnowledgeBase) -> None:
    """Every exercise page shows its dosage text character for character, plus the structured numbers."""
    for exercise in shipped_knowledge.exercises.values():
        text = _text(_open(exercise.id))
        assert exercise.dosage.text in text, exercise.id


def test_stop_if_cautions_are_shown_in_a_warning(shipped_knowledge: KnowledgeBase) -> None:
    """The "Stop if" heading is a red warning and every caution of the exercise is listed."""
    app = _open("side_lying_isometric_press")
    assert any(strings.EXERCISES_STOP_IF in error.value for error in app.error)
    text = _text(app)
    for caution in shipped_knowledge.exercises["side_lying_isometric_press"].stop_if:
        assert caution in text


def test_pictures_carry_their_description_as_caption_and_alt(shipped_knowledge: KnowledgeBase) -> None:
    """The moving picture describes both poses in its alt text; the start and end stills show their description as
    visible caption and as alt text."""
    pictures = shipped_knowledge.exercises["clam_shell"].pictures
    assert pictures is not None
    assert _images(_open("clam_shell")) == [
        (strings.EXERCISES_PICTURE_MOVING_CAPTION,
         strings.EXERCISES_PICTURE_MOVING.format(start=pictures.alt_start, end=pictures.alt_end)),
        (strings.EXERCISES_PICTURE_START.format(alt=pictures.alt_start), pictures.alt_start),
        (strings.EXERCISES_PICTURE_END.format(alt=pictures.alt_end), pictures.alt_end),
    ]


def test_emg_chart_comes_with_a_table_source_and_caveat() -> None:
    """Where EMG numbers are verified, the chart has a table equivalent, its source and a caveat, one tap away."""
    app = _open("clam_shell")
    text = _text(app)
    assert strings.EMG_HEADING in [expander.label for expander in app.expander]
    assert "Distefano" in text
    assert strings.EMG_CAVEAT in text
    table = tables(app)[0]
    assert list(table[0]) == list(strings.EMG_TABLE_COLUMNS)
    assert [row[strings.EMG_TABLE_COLUMNS[2]] for row in table] == ["", "Yes", "Yes"]


def test_no_emg_section_without_verified_data() -> None:
    """Exercises without verified EMG numbers show no chart or activity section."""
    app = _open("toe_taps")
    assert strings.EMG_HEADING not in [expander.label for expander in app.expander]
    assert not tables(app)


def test_an_exercise_opens_with_what_to_do_and_the_detail_folded() -> None:
    """Cautions, pictures, steps, dosage and equipment show at once; easier and harder steps, mistakes, muscles,
    research and sources are folded sections (a phone shows what to do without scrolling past the research)."""
    app = _open("clam_shell")
    headings = [str(element.value) for element in app.subheader]
    shown = [strings.EXERCISES_PICTURES, strings.EXERCISES_STEPS, strings.EXERCISES_DOSAGE, strings.EXERCISES_EQUIPMENT]
    assert headings == shown
    folded = [expander.label for expander in app.expander]
    for label in (strings.EXERCISES_EASIER_HARDER, strings.EXERCISES_MUSCLES, strings.EMG_HEADING, strings.SOURCES_HEADING):
        assert label in folded


def test_recovery_phases_have_a_text_version() -> None:
    """The recovery timeline is also written out step by step, easing off first, setback advice last."""
    text = _text(open_folded(_open("clam_shell"), "exercise_phases_open"))
    assert "1. Ease off first" in text
    assert "4. If you have a setback" in text


def test_category_filter_narrows_the_list(tiny_app: AppTest) -> None:
    """Choosing a kind of exercise leaves only exercises of that kind to choose from."""
    assert _cards(tiny_app) == ["clam_shell", "hip_hold"]
    tiny_app.multiselect(key="exercise_filter_category").set_value(["isometric"]).run()
    assert _cards(tiny_app) == ["hip_hold"]
    assert tiny_app.header[0].value == "Hip hold"


def test_filters_that_match_nothing_say_so_and_clear(tiny_app: AppTest) -> None:
    """Filters with no match show a message; "Show all" brings every exercise back."""
    tiny_app.session_state["exercise_choice"] = "clam_shell"
    tiny_app.multiselect(key="exercise_filter_category").set_value(["isometric"]).run()
    tiny_app.multiselect(key="exercise_filter_muscle").set_value(["gluteus_medius"]).run()
    tiny_app.multiselect(key="exercise_filter_condition").set_value(["side_hip_pain"]).run()
    assert strings.EXERCISES_NONE_MATCH in [info.value for info in tiny_app.info]
    tiny_app.button(key="exercise_filters_clear").click().run()
    assert _cards(tiny_app) == ["clam_shell", "hip_hold"]


def test_equipment_filter_offers_no_equipment(tiny_app: AppTest) -> None:
    """The equipment filter offers each item and "No equipment needed"."""
    assert tiny_app.multiselect(key="exercise_filter_equipment").options == [
        "Resistance band", strings.EXERCISES_FILTER_NO_EQUIPMENT
    ]


def test_tiny_exercise_shows_its_dosage_and_picture(tiny_app: AppTest) -> None:
    """An exercise from another knowledge folder shows its own dosage text and picture description."""
    _tap_card(tiny_app, "hip_hold")
    assert HIP_HOLD_DOSAGE in _text(tiny_app)
    assert _images(tiny_app)[1][1] == HIP_HOLD_ALT_START


def test_add_to_plan_button_adds_the_exercise_and_then_confirms() -> None:
    """"Add to my plan" puts the exercise in the session's plan and is replaced by a confirmation."""
    app = _open("clam_shell")
    app.button(key="exercise_add_clam_shell").click().run()
    assert [item.exercise_id for item in app.session_state["plan"]] == ["clam_shell"]
    assert strings.PLAN_ADDED.format(name="Clam shell") in [success.value for success in app.success]
    assert not any(button.key == "exercise_add_clam_shell" for button in app.button)
