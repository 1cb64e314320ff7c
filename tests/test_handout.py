"""The take-home handout: what it holds, and a PDF whose text holds each dosage, the disclaimer and sources."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from exercise_knowledge import EXTRA_FILES, HIP_HOLD_ALT_START, HIP_HOLD_DOSAGE
from pypdf import PdfReader

from glutemap import strings
from glutemap.knowledge.citation import brief_citation
from glutemap.knowledge.loader import load_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.common import long_date
from glutemap.screens.decide import questions_to_ask
from glutemap.screens.exercises import dosage_numbers
from glutemap.screens.plan import EMPTY_PLAN, PlanItem, add
from glutemap.takehome.handout import (
    FONT_CANDIDATES,
    TEXT_SIZES,
    build_handout,
    handout_pdf,
    latin1,
    take_home_code,
    unicode_font,
)

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def knowledge(make_knowledge) -> KnowledgeBase:
    """The tiny knowledge plus a second exercise with pictures."""
    return load_knowledge(make_knowledge(EXTRA_FILES))


def _pdf_text(pdf: bytes) -> str:
    """All text of a PDF with line breaks and runs of spaces folded, as wrapping puts them anywhere."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def _folded(text: str) -> str:
    return " ".join(text.split())


# --- what the QR code carries ----------------------------------------------------------------------------------


def test_take_home_text_lists_exercises_in_order_with_side_and_dosage_numbers(knowledge: KnowledgeBase) -> None:
    """The code's text holds the date, then each exercise by number with its side and its dosage numbers."""
    plan = (PlanItem("hip_hold", "left"), PlanItem("clam_shell", "both"))
    text = take_home_code(knowledge, plan, TODAY)
    lines = text.splitlines()
    assert long_date(TODAY) in lines[0]
    assert lines[1].startswith("1. Hip hold, your left leg: ") and lines[2].startswith("2. Clam shell, both legs: ")
    assert all(number in lines[2] for number in dosage_numbers(knowledge.exercises["clam_shell"].dosage))
    assert "Stop" in lines[-1]


def test_take_home_text_leaves_out_exercises_no_longer_in_the_knowledge(knowledge: KnowledgeBase) -> None:
    """An exercise removed from the knowledge since it was planned is not in the code."""
    text = take_home_code(knowledge, (PlanItem("gone_now", "both"), PlanItem("clam_shell", "both")), TODAY)
    assert "gone_now" not in text
    assert "1. Clam shell" in text


def test_with_the_clinic_address_the_code_is_a_short_link_to_the_plan(knowledge: KnowledgeBase) -> None:
    """A clinic that serves GluteMap to visitors' homes gets a link that opens the plan there."""
    plan = (PlanItem("hip_hold", "left"), PlanItem("gone_now", "both"), PlanItem("clam_shell", "both"))
    link = take_home_code(knowledge, plan, TODAY, "https://glutemap.example.org")
    assert link == "https://glutemap.example.org/plan?plan=hip_hold.l~clam_shell.b"


def test_handout_numbers_exercises_with_their_side(knowledge: KnowledgeBase) -> None:
    """Each exercise is headed by its place in the plan, its name and the side chosen."""
    handout = build_handout(knowledge, (PlanItem("hip_hold", "right"), PlanItem("clam_shell", "both")), TODAY)
    assert [item.heading for item in handout.items] == ["1. Hip hold — your right leg", "2. Clam shell — both legs"]


def test_handout_holds_dosage_steps_cautions_and_pictures(knowledge: KnowledgeBase) -> None:
    """An exercise's dosage (as written), steps, stop-if cautions and pictures come from the knowledge."""
    exercise = knowledge.exercises["hip_hold"]
    item = build_handout(knowledge, (PlanItem("hip_hold", "left"),), TODAY).items[0]
    assert item.dosage == HIP_HOLD_DOSAGE
    assert item.steps == exercise.steps
    assert item.stop_if == exercise.stop_if
    assert item.pictures == exercise.pictures


def test_cautions_every_planned_exercise_shares_are_said_once(shipped_knowledge: KnowledgeBase) -> None:
    """A caution found under every exercise of the plan (such as the warning signs) is said once, above them."""
    plan = (PlanItem("clam_shell", "right"), PlanItem("side_plank", "both"), PlanItem("glute_bridge", "both"))
    handout = build_handout(shipped_knowledge, plan, TODAY)
    everywhere = set.intersection(*(set(shipped_knowledge.exercises[item.exercise_id].stop_if) for item in plan))
    assert everywhere and set(handout.stop_every) == everywhere
    for item, planned in zip(handout.items, plan, strict=True):
        own = [caution for caution in shipped_knowledge.exercises[planned.exercise_id].stop_if if caution not in everywhere]
        assert list(item.stop_if) == own


def test_a_single_exercise_keeps_all_its_cautions(shipped_knowledge: KnowledgeBase) -> None:
    """With one exercise nothing is shared: its cautions stay under it."""
    handout = build_handout(shipped_knowledge, (PlanItem("side_plank", "both"),), TODAY)
    assert handout.stop_every == ()
    assert handout.items[0].stop_if == shipped_knowledge.exercises["side_plank"].stop_if


def test_handout_lists_each_source_once(knowledge: KnowledgeBase) -> None:
    """Sources shared by several planned exercises are listed once, each as one brief citation line."""
    both = (PlanItem("clam_shell", "both"), PlanItem("hip_hold", "both"))
    sources = build_handout(knowledge, both, TODAY).sources
    assert len(sources) == len(set(sources))
    assert brief_citation(knowledge.sources["review_one"]) in sources


def test_handout_date_is_spelled_out(knowledge: KnowledgeBase) -> None:
    """The handout carries today's date in words."""
    assert build_handout(knowledge, EMPTY_PLAN, TODAY).date_line == strings.HANDOUT_DATE.format(date=long_date(TODAY))


def test_pdf_text_holds_each_dosage_and_the_disclaimer(knowledge: KnowledgeBase) -> None:
    """The PDF's text holds every chosen exercise's dosage text exactly, the date, the short notice and what to know
    before exercising (the rest of the notice stays on screen, one tap away)."""
    plan = (PlanItem("hip_hold", "left"), PlanItem("clam_shell", "both"))
    text = _pdf_text(handout_pdf(build_handout(knowledge, plan, TODAY)))
    assert HIP_HOLD_DOSAGE in text
    assert knowledge.exercises["clam_shell"].dosage.text in text
    assert long_date(TODAY) in text
    assert _folded(knowledge.disclaimer.short) in text
    for paragraph in knowledge.disclaimer.before_exercise:
        assert _folded(paragraph) in text
    assert all(_folded(paragraph) not in text for paragraph in knowledge.disclaimer.full)


def test_pdf_holds_cautions_picture_descriptions_and_sources(knowledge: KnowledgeBase) -> None:
    """The PDF's text holds the stop-if cautions, the pictures' descriptions and the sources."""
    text = _pdf_text(handout_pdf(build_handout(knowledge, (PlanItem("hip_hold", "left"),), TODAY)))
    assert _folded(knowledge.exercises["hip_hold"].stop_if[0]) in text
    assert HIP_HOLD_ALT_START in text
    assert "Doe J, et al. Hip Journal. 2020." in text


def test_pdf_leaves_out_exercises_not_chosen(knowledge: KnowledgeBase) -> None:
    """Only the chosen exercises are printed."""
    text = _pdf_text(handout_pdf(build_handout(knowledge, (PlanItem("clam_shell", "both"),), TODAY)))
    assert HIP_HOLD_DOSAGE not in text


def test_pdf_of_every_shipped_exercise_holds_each_dosage(shipped_knowledge: KnowledgeBase) -> None:
    """With every shipped exercise planned, the PDF holds each one's dosage text and the disclaimer."""
    plan = EMPTY_PLAN
    for exercise_id in shipped_knowledge.exercises:
        plan = add(plan, exercise_id, shipped_knowledge.exercises)
    text = _pdf_text(handout_pdf(build_handout(shipped_knowledge, plan, TODAY)))
    for exercise in shipped_knowledge.exercises.values():
        assert _folded(exercise.dosage.text) in text, exercise.id
    assert _folded(shipped_knowledge.disclaimer.short) in text


def test_a_three_exercise_plan_prints_on_two_pages(shipped_knowledge: KnowledgeBase) -> None:
    """Pictures beside the words (smaller rather than a new page), shared cautions said once, brief sources: three
    exercises with their questions fit on two A4 pages (they took five, then three)."""
    plan = (PlanItem("clam_shell", "right"), PlanItem("side_plank", "both"), PlanItem("glute_bridge", "both"))
    pdf = handout_pdf(build_handout(shipped_knowledge, plan, TODAY, ["trochanteric_bursitis"]))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2


def _type_sizes(pdf: bytes) -> set[float]:
    """Every size of type (points) that printed words are set in."""
    sizes: set[float] = set()

    def note_size(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            sizes.add(round(size * tm[0], 2))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=note_size)
    return sizes


def _wordiest_plan(knowledge: KnowledgeBase) -> tuple[PlanItem, ...]:
    """The three exercises with the most words to print (steps, cautions, picture descriptions)."""
    def words(exercise_id: str) -> int:
        exercise = knowledge.exercises[exercise_id]
        pictures = (exercise.pictures.alt_start, exercise.pictures.alt_end) if exercise.pictures else ()
        return sum(len(text) for text in (*exercise.steps, *exercise.stop_if, *pictures))
    return tuple(PlanItem(exercise_id, "both") for exercise_id in sorted(knowledge.exercises, key=words)[-3:])


def test_the_wordiest_three_exercise_plan_prints_on_two_pages(shipped_knowledge: KnowledgeBase) -> None:
    """Any three exercises fit on two pages, with the questions of the condition that has the most: a plan that
    would run onto a third page is set a little smaller (about one in five did run over)."""
    def questions(condition_id: str) -> int:
        return sum(len(group.questions) for group in questions_to_ask(shipped_knowledge, [condition_id]))

    most_questions = max(shipped_knowledge.conditions, key=questions)
    handout = build_handout(shipped_knowledge, _wordiest_plan(shipped_knowledge), TODAY, [most_questions])
    pdf = handout_pdf(handout)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    assert max(TEXT_SIZES) + 0.5 not in _type_sizes(pdf)  # the largest paragraph type: it did not fit in it


def test_a_plan_that_fits_keeps_the_largest_type(shipped_knowledge: KnowledgeBase) -> None:
    """Type is made smaller only when the plan would not fit on two pages otherwise."""
    pdf = handout_pdf(build_handout(shipped_knowledge, (PlanItem("clam_shell", "right"),), TODAY))
    assert max(TEXT_SIZES) + 0.5 in _type_sizes(pdf)


@pytest.mark.parametrize(
    "exercise_ids",
    [("clam_shell", "side_plank", "glute_bridge"), ("single_leg_squat", "lateral_step_down", "hip_hitch"),
     ("seated_knee_to_shoulder_stretch", "abduction_lift", "lying_crossover_stretch")],
)  # fmt: skip
def test_no_page_ends_with_a_heading(shipped_knowledge: KnowledgeBase, exercise_ids: tuple[str, ...]) -> None:
    """A heading moves to the next page with its first lines rather than stand alone at the foot of a page."""
    plan = tuple(PlanItem(exercise_id, "both") for exercise_id in exercise_ids)
    handout = build_handout(shipped_knowledge, plan, TODAY, ["trochanteric_bursitis", "low_back_pain"])
    headings = [strings.HANDOUT_PAIN, strings.HANDOUT_STOP_EVERY, strings.HANDOUT_QUESTIONS, strings.HANDOUT_NOTICE,
                strings.HANDOUT_EMERGENCY, strings.HANDOUT_SOURCES, strings.HANDOUT_DOSAGE, strings.HANDOUT_STEPS,
                strings.HANDOUT_STOP_IF, *(item.heading for item in handout.items)]  # fmt: skip
    pages = PdfReader(io.BytesIO(handout_pdf(handout))).pages
    for page in pages[:-1]:
        last_line = page.extract_text().strip().splitlines()[-1]
        assert last_line not in headings


def test_handout_sources_are_brief_and_never_long_web_addresses(shipped_knowledge: KnowledgeBase) -> None:
    """Each source is one brief citation (with its DOI or PubMed id when it has one), listed once."""
    plan = (PlanItem("clam_shell", "both"), PlanItem("side_plank", "both"))
    sources = build_handout(shipped_knowledge, plan, TODAY).sources
    assert len(sources) == len(set(sources))
    assert not any("http" in line for line in sources)
    assert any("doi:" in line for line in sources)


def test_pdf_without_a_unicode_font_uses_plain_latin_text(knowledge: KnowledgeBase) -> None:
    """Where no Unicode font is installed, the PDF still builds, with typographic dashes made plain."""
    text = _pdf_text(handout_pdf(build_handout(knowledge, (PlanItem("hip_hold", "left"),), TODAY), font_candidates=()))
    assert latin1(HIP_HOLD_DOSAGE) in text
    assert "Hold 5 to 10 seconds - repeat as advised" in text


def test_latin1_keeps_accents_and_replaces_typographic_marks() -> None:
    """Plain-font text keeps Latin-1 letters and turns quotes and dashes into their plain forms."""
    assert latin1("café “hold” 5–10 s ± 2 ◆") == 'café "hold" 5-10 s ± 2 *'


def test_the_build_machine_has_a_unicode_font() -> None:
    """The Debian fonts the handout prefers are installed here, so the Unicode tests above use them."""
    assert unicode_font(FONT_CANDIDATES) is not None
