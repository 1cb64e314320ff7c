"""Exercise clinician notes: research detail behind "For clinicians", never in the handout or a patient note."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from exercise_knowledge import EXTRA_FILES
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Expander

from glutemap import strings
from glutemap.knowledge.loader import load_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.exercises import exercise_view
from glutemap.screens.plan import PlanItem
from glutemap.screens.readability import patient_passages
from glutemap.takehome.handout import build_handout, handout_pdf

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 30
SENTINEL = "Sentinel study 2099 (12 healthy adults, surface EMG) measured 42 percent MVIC."
# Citation shapes that belong in clinician notes only: "Smith et al.", and journal abbreviations.
AUTHOR_CITATION = re.compile(r"\bet al\b|\band colleagues\b", re.IGNORECASE)
JOURNAL_ACRONYMS = re.compile(r"\b(IJSPT|JOSPT|BJSM|AJSM|MSSE|BMJ|JAMA|CPG)\b")


@pytest.fixture
def noted_knowledge(make_knowledge) -> KnowledgeBase:
    """The tiny knowledge plus `hip_hold`, which carries one clinician note."""
    files = dict(EXTRA_FILES)
    hip_hold = files["exercises/hip_hold.yaml"]
    assert hip_hold is not None
    files["exercises/hip_hold.yaml"] = hip_hold.replace("sources:\n", f'clinician_notes:\n  - "{SENTINEL}"\nsources:\n', 1)
    return load_knowledge(make_knowledge(files))


def _pdf_text(pdf: bytes) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def _texts(node: object, skip_label: str | None = None) -> Iterator[str]:
    """Every text value in an AppTest element tree, leaving out expanders labelled `skip_label`."""
    if isinstance(node, Expander) and node.label == skip_label:
        return
    if isinstance(node, Block):
        for child in node.children.values():
            yield from _texts(child, skip_label)
    elif isinstance(getattr(node, "value", None), str):
        yield node.value.replace("\\", "")


def _folded(text: str) -> str:
    return " ".join(text.split())


def test_the_exercise_view_keeps_clinician_notes_apart_from_notes(noted_knowledge: KnowledgeBase) -> None:
    """The exercise view model carries clinician notes in their own field, not among the visitor's notes."""
    view = exercise_view(noted_knowledge, "hip_hold")
    assert view.clinician_notes == (SENTINEL,)
    assert SENTINEL not in view.notes


def test_clinician_notes_never_appear_in_the_handout(noted_knowledge: KnowledgeBase) -> None:
    """Neither the handout's content nor its PDF text holds an exercise's clinician notes."""
    handout = build_handout(noted_knowledge, (PlanItem("hip_hold", "left"),), dt.date(2026, 11, 23))
    assert "Sentinel" not in repr(handout)
    assert "Sentinel" not in _pdf_text(handout_pdf(handout))


def test_clinician_notes_are_not_graded_as_patient_text(shipped_knowledge: KnowledgeBase) -> None:
    """The reading-grade check leaves every exercise's clinician notes out, as it does other clinician sections."""
    texts = {passage.text for passage in patient_passages(shipped_knowledge)}
    clinician_notes = {note for exercise in shipped_knowledge.exercises.values() for note in exercise.clinician_notes}
    assert clinician_notes and not clinician_notes & texts


def test_the_exercise_page_shows_clinician_notes_only_behind_for_clinicians(shipped_knowledge: KnowledgeBase) -> None:
    """On the exercise page each clinician note is inside the "For clinicians" expander and nowhere else."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params["exercise"] = "clam_shell"
    app.run()
    assert not app.exception
    notes = shipped_knowledge.exercises["clam_shell"].clinician_notes
    assert notes
    expanders = [expander for expander in app.expander if expander.label == strings.EXERCISES_FOR_CLINICIANS]
    assert len(expanders) == 1
    inside = _folded(" ".join(_texts(expanders[0])))
    outside = _folded(" ".join(_texts(app.main, skip_label=strings.EXERCISES_FOR_CLINICIANS)))
    for note in notes:
        assert _folded(note) in inside
        assert _folded(note) not in outside


def test_the_for_clinicians_heading_is_the_one_conditions_use() -> None:
    """Exercises and conditions label their clinician detail with the same words."""
    assert strings.EXERCISES_FOR_CLINICIANS == strings.CONDITION_FOR_CLINICIANS == "For clinicians"


def test_no_patient_note_cites_an_author_or_a_journal(shipped_knowledge: KnowledgeBase) -> None:
    """Shipped exercise notes for visitors name no author ("et al") and no journal abbreviation."""
    journals = {
        source.journal
        for source in shipped_knowledge.sources.values()
        if source.journal is not None and len(source.journal.split()) > 1
    }
    cited = [
        f"{exercise.id}: {note}"
        for exercise in shipped_knowledge.exercises.values()
        for note in exercise.notes
        if AUTHOR_CITATION.search(note) or JOURNAL_ACRONYMS.search(note) or any(journal in note for journal in journals)
    ]
    assert cited == []


def test_the_citation_check_catches_the_old_style_of_note() -> None:
    """The patterns above flag notes written the way research detail is written."""
    assert AUTHOR_CITATION.search("Distefano et al. 2009 measured 81%")
    assert AUTHOR_CITATION.search("the 2015 review by Grimaldi, Mellor and colleagues")
    assert JOURNAL_ACRONYMS.search("a review table (IJSPT 2014) lists 28%")
    assert not AUTHOR_CITATION.search("Studies in healthy adults found this works the side of the hip strongly.")
