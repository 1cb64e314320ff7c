"""The My plan screen through AppTest: add, side, reorder, remove, the QR code, and kiosk mode without download."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.screens.plan import PlanItem

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 30


def _plan_page(*exercise_ids: str) -> AppTest:
    """The plan page after adding exercises with their "Add to my plan" buttons on the Exercises screen."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.run()
    return _add_and_open(app, exercise_ids)


def _add_and_open(app: AppTest, exercise_ids: tuple[str, ...]) -> AppTest:
    for exercise_id in exercise_ids:
        app.switch_page("pages/exercises.py")
        app.query_params["exercise"] = exercise_id
        app.run()
        app.button(key=f"exercise_add_{exercise_id}").click().run()
    # A browser drops the query string when it follows a navigation link; AppTest keeps it.
    app.query_params.pop("exercise", None)
    app.switch_page("pages/plan.py")
    app.run()
    assert not app.exception
    return app


def _planned(app: AppTest) -> list[tuple[str, str]]:
    return [(item.exercise_id, item.side) for item in app.session_state["plan"]]


def _image_captions(app: AppTest) -> list[str]:
    return [image.caption for element in app.get("image") for image in element.proto.imgs]


def test_empty_plan_points_to_the_exercises() -> None:
    """With nothing planned the page says so and offers no QR code or download."""
    app = _plan_page()
    assert strings.PLAN_EMPTY in [info.value for info in app.info]
    assert strings.PLAN_QR_CAPTION not in _image_captions(app)
    assert not app.get("download_button")


def test_added_exercises_appear_in_order_for_both_legs() -> None:
    """Exercises added from the Exercises screen are listed in the order added, for both legs."""
    app = _plan_page("clam_shell", "toe_taps")
    assert _planned(app) == [("clam_shell", "both"), ("toe_taps", "both")]
    assert app.segmented_control(key="plan_side_clam_shell").value == "both"


def test_side_choice_is_kept_in_the_plan() -> None:
    """Choosing "Left leg" for an exercise stores left for that exercise only."""
    app = _plan_page("clam_shell", "toe_taps")
    app.segmented_control(key="plan_side_toe_taps").set_value("left").run()
    assert _planned(app) == [("clam_shell", "both"), ("toe_taps", "left")]


def test_move_up_and_down_reorder_the_plan() -> None:
    """The up and down buttons swap an exercise with its neighbour."""
    app = _plan_page("clam_shell", "toe_taps", "abduction_lift")
    app.button(key="plan_up_abduction_lift").click().run()
    assert [exercise for exercise, _ in _planned(app)] == ["clam_shell", "abduction_lift", "toe_taps"]
    app.button(key="plan_down_clam_shell").click().run()
    assert [exercise for exercise, _ in _planned(app)] == ["abduction_lift", "clam_shell", "toe_taps"]


def test_first_cannot_move_up_and_last_cannot_move_down() -> None:
    """The first exercise's up button and the last one's down button are disabled."""
    app = _plan_page("clam_shell", "toe_taps")
    assert app.button(key="plan_up_clam_shell").disabled
    assert app.button(key="plan_down_toe_taps").disabled
    assert not app.button(key="plan_down_clam_shell").disabled


def test_remove_takes_the_exercise_out() -> None:
    """The remove button takes that exercise out of the plan and off the page."""
    app = _plan_page("clam_shell", "toe_taps")
    app.button(key="plan_remove_clam_shell").click().run()
    assert _planned(app) == [("toe_taps", "both")]
    assert not any(button.key == "plan_up_clam_shell" for button in app.button)


def test_side_survives_a_reorder() -> None:
    """Moving an exercise keeps the side chosen for it."""
    app = _plan_page("clam_shell", "toe_taps")
    app.segmented_control(key="plan_side_toe_taps").set_value("right").run()
    app.button(key="plan_up_toe_taps").click().run()
    assert _planned(app) == [("toe_taps", "right"), ("clam_shell", "both")]
    assert app.segmented_control(key="plan_side_toe_taps").value == "right"


def test_plan_offers_qr_code_pdf_and_printable_handout() -> None:
    """Off the kiosk the plan shows the QR code, a PDF download and the handout with dosage and cautions."""
    app = _plan_page("clam_shell")
    assert strings.PLAN_QR_CAPTION in _image_captions(app)
    assert [button.proto.label for button in app.get("download_button")] == [strings.PLAN_PDF]
    handout = "\n".join(str(element.value) for element in app.markdown).replace("\\", "")
    assert "10 reps each side, 2 rounds each side, with or without a resistance band" in handout
    assert strings.HANDOUT_STOP_IF in handout


def test_handout_says_shared_cautions_once_above_the_exercises() -> None:
    """With two exercises, the cautions both share are shown once under their own heading, before the exercises."""
    app = _plan_page("clam_shell", "side_plank")
    handout = "\n".join(str(element.value) for element in app.markdown).replace("\\", "")
    assert handout.count(strings.HANDOUT_STOP_EVERY) == 1
    assert handout.index(strings.HANDOUT_STOP_EVERY) < handout.index(strings.HANDOUT_STEPS)


def test_qr_text_shown_is_the_plan_text() -> None:
    """The "what the code contains" text names the exercise, the side and the dosage."""
    app = _plan_page("toe_taps")
    (shown,) = [text.value for text in app.text if text.value.startswith(strings.HANDOUT_PDF_TITLE)]
    assert "1. Toe taps (lying on your back), both legs: Repetitions: 10" in shown


def test_with_a_clinic_address_the_code_opens_the_plan_there(tmp_path, monkeypatch) -> None:
    """A clinic that set plan_address gets a QR code of a short link to the plan, captioned as such."""
    settings = tmp_path / "clinic.yaml"
    settings.write_text('plan_address: "https://glutemap.example-clinic.org"\n', encoding="utf-8")
    monkeypatch.setenv("GLUTEMAP_SETTINGS", str(settings))
    app = _plan_page("clam_shell")
    assert strings.PLAN_QR_LINK_CAPTION in _image_captions(app)
    assert "https://glutemap.example-clinic.org/plan?plan=clam_shell.b" in [text.value for text in app.text]


def test_plan_page_asks_for_nothing_typed() -> None:
    """The plan page has no text field: no name or personal detail is asked for."""
    app = _plan_page("clam_shell")
    assert not app.text_input and not app.text_area and not app.number_input and not app.date_input


def test_plan_ignores_junk_put_into_the_session() -> None:
    """Anything in the session's plan that is not a known exercise and side is ignored."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.session_state["plan"] = (("<b>Ann Smith</b>", "both"), PlanItem("clam_shell", "sideways"), ("toe_taps", "left"))
    app.switch_page("pages/plan.py")
    app.run()
    assert "Ann Smith" not in "\n".join(str(element.value) for element in (*app.markdown, *app.text))
    assert [button.key for button in app.button if button.key and button.key.startswith("plan_remove_")] == [
        "plan_remove_toe_taps"
    ]


def test_kiosk_plan_offers_the_qr_code_but_no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """In kiosk mode the plan shows the QR code and no PDF download button."""
    monkeypatch.setenv("GLUTEMAP_KIOSK", "1")
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.run()
    app.button(key="kiosk_start").click().run()
    app = _add_and_open(app, ("clam_shell",))
    assert strings.PLAN_QR_CAPTION in _image_captions(app)
    assert not app.get("download_button")
    assert strings.PLAN_KIOSK_NOTE in [markdown.value for markdown in app.markdown]


def test_a_new_session_takes_the_plan_from_the_address() -> None:
    """A reload or a bookmark (a new session on ?plan=...) shows the same plan, with its sides."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params["plan"] = "clam_shell.l~side_plank.b"
    app.switch_page("pages/plan.py")
    app.run()
    assert not app.exception
    assert _planned(app) == [("clam_shell", "left"), ("side_plank", "both")]


def test_adding_an_exercise_writes_the_plan_into_the_address() -> None:
    """After "Add to my plan" the address names the plan, so reloading keeps it."""
    app = _plan_page("clam_shell")
    assert app.query_params["plan"] == "clam_shell.b"


def test_the_kiosk_never_reads_or_writes_the_plan_in_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """In kiosk mode the next visitor starts empty whatever the address says, and no plan goes into it."""
    monkeypatch.setenv("GLUTEMAP_KIOSK", "1")
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params["plan"] = "clam_shell.l"
    app.run()
    app.button(key="kiosk_start").click().run()
    app.switch_page("pages/plan.py")
    app.run()
    assert "plan" not in app.session_state or _planned(app) == []
    app.switch_page("pages/exercises.py")
    app.query_params["exercise"] = "side_plank"
    app.run()
    app.button(key="exercise_add_side_plank").click().run()
    assert _planned(app) == [("side_plank", "both")]
    assert "plan" not in app.query_params  # Start cleared the address, and no plan was written into it
