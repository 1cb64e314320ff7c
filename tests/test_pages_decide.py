"""The "what next" view on screen (AppTest): choices in order, icon array with its table, urgent contact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markdown_tables import tables
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.screens.common import long_date

TIMEOUT = 30


def _decision_page(condition_ids: list[str], urgent: bool) -> None:
    """A tiny page that shows only the decision aid (AppTest runs this function's body as the script)."""
    from glutemap.knowledge.loader import load_knowledge
    from glutemap.ui.decide_widgets import show_next_steps

    show_next_steps(load_knowledge(), condition_ids, urgent)


def _urgent_contact_page() -> None:
    """A tiny page that shows only the urgent contact line."""
    from glutemap.ui.decide_widgets import urgent_contact

    urgent_contact()


def _run(condition_ids: list[str], urgent: bool) -> AppTest:
    app = AppTest.from_function(
        _decision_page, kwargs={"condition_ids": condition_ids, "urgent": urgent}, default_timeout=TIMEOUT
    )
    app.run()
    assert not app.exception
    return app


def _text(app: AppTest) -> str:
    parts = (*app.markdown, *app.subheader, *app.caption, *app.error, *app.info, *app.header)
    return "\n".join(str(element.value).replace("\\", "") for element in parts)


def _block_keys(app: AppTest) -> list[str]:
    return [block.key for block in app.get("flex_container") if block.key]


@pytest.fixture(autouse=True)
def _clinic_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts outside a kiosk with no settings file (the defaults), unless it sets its own."""
    monkeypatch.delenv("GLUTEMAP_KIOSK", raising=False)
    monkeypatch.setenv("GLUTEMAP_SETTINGS", str(tmp_path / "no_settings.yaml"))


def test_routine_choices_appear_in_order_without_seek_care() -> None:
    """Without a red flag the three routine choices appear in order and "seek care now" does not."""
    keys = _block_keys(_run(["it_band_syndrome"], urgent=False))
    routine = ["next_steps_see_clinician_soon", "next_steps_self_care", "next_steps_watch_and_wait"]
    assert [key for key in keys if key in routine] == routine
    assert "next_steps_top" not in keys


def test_trial_numbers_show_as_an_icon_array_with_a_table() -> None:
    """For side-of-hip pain the LEAP icon array is drawn, with the same numbers in a table."""
    app = _run(["trochanteric_bursitis"], urgent=False)
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    table = tables(app)[0]
    assert [row[strings.ICON_ARRAY_COLUMNS[2]] for row in table] == ["51", "38", "20"]
    assert [row[strings.ICON_ARRAY_COLUMNS[4]] for row in table] == ["66", "65", "68"]
    assert "51 of 66 people improved at 8 weeks" in _text(app)


def test_no_numbers_are_said_plainly() -> None:
    """A condition without trial numbers gets a sentence, not a picture."""
    app = _run(["shin_splints"], urgent=False)
    assert not app.get("plotly_chart")
    assert "we found no trial that gives numbers" in _text(app)


def test_a_red_flag_shows_seek_care_now_alone_at_the_top() -> None:
    """With a red flag the first block is "seek care now", with the number, and no other choice is shown."""
    app = _run(["bulging_disc"], urgent=True)
    keys = _block_keys(app)
    assert "next_steps_top" in keys
    assert not any(key.startswith(("next_steps_self_care", "next_steps_watch", "next_steps_see_")) for key in keys)
    assert app.error[0].value == "**Seek care now**"
    assert "In an emergency, call 911." in _text(app)


def test_the_view_states_sources_date_and_no_commercial_interest() -> None:
    """The view ends with the review date and the no-commercial-interest statement, and lists sources."""
    app = _run(["trochanteric_bursitis"], urgent=False)
    text = _text(app)
    assert strings.REVIEWED_ON.format(date=long_date(dt.date(2026, 11, 23))) in text
    assert "GluteMap has no commercial interest in any of these choices" in text
    assert any(expander.label == strings.DECIDE_SOURCES for expander in app.expander)


def test_questions_to_ask_are_shown() -> None:
    """The condition's own questions to ask a clinician appear under their heading."""
    app = _run(["plantar_fasciitis"], urgent=False)
    text = _text(app)
    assert strings.HANDOUT_QUESTIONS in text
    assert "Could my footwear or the shape of my feet play a part?" in text


def test_kiosk_contact_uses_the_clinic_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """In kiosk mode the urgent line sends the visitor to the staff and shows the clinic's own number."""
    settings = tmp_path / "clinic.yaml"
    settings.write_text('emergency_number: "999"\non_site_help: "Press the call button by the door."\n', encoding="utf-8")
    monkeypatch.setenv("GLUTEMAP_SETTINGS", str(settings))
    monkeypatch.setenv("GLUTEMAP_KIOSK", "1")
    app = AppTest.from_function(_urgent_contact_page, default_timeout=TIMEOUT)
    app.run()
    assert [element.value.replace("\\", "") for element in app.markdown] == [
        "**Alert the clinic staff now. Press the call button by the door.**\n\n**In an emergency, call 999.**",
    ]


def test_a_broken_settings_file_shows_a_notice_and_guesses_no_number(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bad settings file leaves a staff notice and a line without any number rather than a wrong one."""
    settings = tmp_path / "clinic.yaml"
    settings.write_text("emergency_number: 999\n", encoding="utf-8")
    monkeypatch.setenv("GLUTEMAP_SETTINGS", str(settings))
    app = AppTest.from_function(_urgent_contact_page, default_timeout=TIMEOUT)
    app.run()
    assert app.caption[0].value == strings.CLINIC_SETTINGS_NOTICE.format(count=1)
    assert app.markdown[-1].value.replace("\\", "") == "**In an emergency, call your local emergency number.**"
