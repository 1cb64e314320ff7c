"""Questions to ask a clinician travel with the take-home plan (handout and PDF)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.plan import EMPTY_PLAN, add
from glutemap.takehome.handout import build_handout, handout_pdf
from glutemap.ui.plan_widgets import PLAN_CONDITIONS_KEY

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TODAY = dt.date(2026, 11, 23)
CONDITION = "trochanteric_bursitis"


def _plan(knowledge: KnowledgeBase):  # type: ignore[no-untyped-def]
    return add(EMPTY_PLAN, knowledge.conditions[CONDITION].exercises[0], knowledge.exercises)


def test_handout_carries_the_questions_for_its_conditions(shipped_knowledge: KnowledgeBase) -> None:
    """A handout built for a condition lists that condition's questions under its name."""
    handout = build_handout(shipped_knowledge, _plan(shipped_knowledge), TODAY, [CONDITION, "not_a_condition"])
    assert [group.condition_id for group in handout.questions] == [CONDITION]
    assert handout.questions[0].questions == shipped_knowledge.conditions[CONDITION].questions_to_ask


def test_handout_without_conditions_has_no_questions(shipped_knowledge: KnowledgeBase) -> None:
    """Without a condition, the handout holds only the exercises."""
    assert build_handout(shipped_knowledge, _plan(shipped_knowledge), TODAY).questions == ()


def test_pdf_prints_the_questions(shipped_knowledge: KnowledgeBase) -> None:
    """The PDF's text holds the first question of the condition."""
    pdf = handout_pdf(build_handout(shipped_knowledge, _plan(shipped_knowledge), TODAY, [CONDITION]))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    first_question = shipped_knowledge.conditions[CONDITION].questions_to_ask[0]
    assert " ".join(first_question.split())[:40] in text


def test_adding_from_a_condition_page_puts_its_questions_on_the_plan(shipped_knowledge: KnowledgeBase) -> None:
    """"Add to my plan" on a condition page remembers the condition, and My plan shows its questions."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["condition"] = CONDITION
    app.run()
    exercise_id = shipped_knowledge.conditions[CONDITION].exercises[0]
    app.button(key=f"condition_add_{exercise_id}").click().run()
    assert app.session_state[PLAN_CONDITIONS_KEY] == [CONDITION]
    app.switch_page("pages/plan.py")
    app.run()
    shown = "\n".join(str(element.value) for element in app.markdown)
    first_question = shipped_knowledge.conditions[CONDITION].questions_to_ask[0]
    assert first_question[:30].replace("?", "\\?")[:20] in shown or first_question[:20] in shown.replace("\\", "")
