"""Faults the running app must survive: edited or broken knowledge, missing knowledge, a failing page."""

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from glutemap import strings

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
CONDITION = "it_band_syndrome"


def _condition_page() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["condition"] = CONDITION
    app.run()
    app.switch_page("pages/conditions.py")
    app.run()
    return app


def _shown(app: AppTest) -> str:
    return "\n".join(str(e.value) for e in (*app.title, *app.header, *app.subheader, *app.markdown, *app.caption))


def _rename(folder: Path, old: str, new: str) -> None:
    path = folder / "conditions" / f"{CONDITION}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_valid_edit_appears_without_a_restart(knowledge_copy: Path) -> None:
    """A valid change to a knowledge file shows on the next interaction, with no restart."""
    app = _condition_page()
    assert "Iliotibial band syndrome" in _shown(app)
    _rename(knowledge_copy, "name: Iliotibial band syndrome", "name: Edited band syndrome")
    app.run()
    assert "Edited band syndrome" in _shown(app)


def test_broken_edit_keeps_the_last_good_knowledge(knowledge_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A broken edit keeps serving the last good knowledge, tells visitors nothing and logs one located error."""
    app = _condition_page()
    _rename(knowledge_copy, "exercises:", "exercises: [not_an_exercise]\nexercises_again:")
    with caplog.at_level(logging.ERROR, logger="glutemap"):
        app.run()
        app.run()
    assert not app.exception
    assert "Iliotibial band syndrome" in _shown(app)
    assert not any("problem" in caption.value for caption in app.caption)
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1
    assert f"conditions/{CONDITION}.yaml:" in errors[0].getMessage()


@pytest.mark.parametrize("page", ["pages/home.py", "pages/explore.py", "pages/conditions.py", "pages/anatomy.py",
                                  "pages/exercises.py", "pages/plan.py", "pages/about.py"])
def test_missing_knowledge_shows_a_calm_unavailable_page(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no valid knowledge ever loaded, every page says "temporarily unavailable" and no error escapes."""
    monkeypatch.setenv("GLUTEMAP_KNOWLEDGE_DIR", str(tmp_path / "nowhere"))
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception
    assert app.title[0].value == strings.UNAVAILABLE_TITLE


def _failing_page() -> None:
    import streamlit as st

    from glutemap.ui.app_shell import run_safely

    def start() -> None:
        st.title("Start")

    def explode() -> None:
        raise RuntimeError("secret internal detail")

    start_page = st.Page(start, title="Start", default=True)
    st.navigation([start_page], position="hidden")
    run_safely(explode, start_page=start_page)


def test_page_error_shows_a_friendly_message_and_logs_details(caplog: pytest.LogCaptureFixture) -> None:
    """An exception inside a page becomes a calm message with a way back; the details go to the log only."""
    app = AppTest.from_function(_failing_page, default_timeout=30)
    with caplog.at_level(logging.ERROR, logger="glutemap"):
        app.run()
    assert not app.exception
    assert app.error[0].value == strings.ERROR_TITLE
    assert "secret internal detail" not in _shown(app)
    assert any("secret internal detail" in (record.exc_text or str(record.exc_info)) for record in caplog.records)
