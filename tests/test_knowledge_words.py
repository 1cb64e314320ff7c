"""Plain words in the shipped knowledge: reading grade, one set of care words, and the clinical corrections."""

from __future__ import annotations

import io
import re
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.cli import main
from glutemap.knowledge.models import Concept, Evidence, KnowledgeBase, Language, Source
from glutemap.screens.conditions import condition_view
from glutemap.screens.readability import KINDS, MAX_GRADE, TARGET_MEDIAN_GRADE, graded_passages, patient_passages, summarise
from glutemap.ui.components import plain

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def graded(shipped_knowledge: KnowledgeBase) -> tuple[typing.Any, ...]:
    """Every patient-facing passage of the shipped knowledge with its grade (graded once per module)."""
    return graded_passages(shipped_knowledge)


# --- reading grade ----------------------------------------------------------------------------------------
def test_readability_command_prints_medians_per_kind_and_exits_0() -> None:
    """`glutemap readability` reports the median grade of each kind and the passages above grade 10, exit status 0."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["readability"], out, err)
    assert code == 0
    assert "Median grade by kind:" in out.getvalue()
    assert re.search(r"^  condition +\d+\.\d", out.getvalue(), re.MULTILINE)
    assert "Passages above grade 10: " in out.getvalue()
    assert err.getvalue() == ""


def test_readability_command_exits_0_even_for_a_broken_folder(tmp_path: Path) -> None:
    """The report never fails a build: a folder that does not load is reported and the exit status is still 0."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["--knowledge", str(tmp_path / "missing"), "readability"], out, err) == 0
    assert "problem" in err.getvalue()


def test_clinician_sections_are_not_graded(shipped_knowledge: KnowledgeBase) -> None:
    """Evidence details, clinician notes, ICD codes and "For clinicians" muscle notes are left out of the grading."""
    texts = {passage.text for passage in patient_passages(shipped_knowledge)}
    condition = shipped_knowledge.conditions["it_band_syndrome"]
    assert not {link.evidence_detail for link in condition.muscle_links} & texts
    assert not set(condition.clinician_notes) & texts
    muscle_notes = (note for muscle in shipped_knowledge.muscles.values() for note in muscle.notes)
    clinician_notes = {note for note in muscle_notes if note.lower().startswith("for clinicians")}
    assert clinician_notes and not clinician_notes & texts


def test_every_kind_of_patient_text_is_graded(graded: tuple[typing.Any, ...]) -> None:
    """Conditions, muscles, exercises, red flags, options, glossary, regions, phases and the disclaimer are all graded."""
    kinds = {item.passage.kind for item in graded}
    assert {"condition", "muscle", "exercise", "red_flag", "option", "glossary", "region", "phase", "disclaimer"} <= kinds


def test_patient_passages_have_a_median_grade_of_6_or_lower(graded: tuple[typing.Any, ...]) -> None:
    """Half of what a visitor reads is at school grade 6 or plainer."""
    assert summarise(graded).median <= TARGET_MEDIAN_GRADE


def test_the_glossary_reads_at_grade_6_or_lower(graded: tuple[typing.Any, ...]) -> None:
    """The glossary, which explains the hard words, is itself plain: median grade 6 or lower."""
    assert summarise(item for item in graded if item.passage.kind == "glossary").median <= TARGET_MEDIAN_GRADE


@pytest.mark.parametrize("kind", KINDS)
def test_no_patient_passage_is_above_grade_10(graded: tuple[typing.Any, ...], kind: str) -> None:
    """No passage a visitor reads is harder than school grade 10."""
    above = [f"{item.grade:.1f} {item.passage.where}" for item in graded if item.passage.kind == kind and item.grade > MAX_GRADE]
    assert above == []


# --- glossary -----------------------------------------------------------------------------------------------
def test_every_glossary_entry_names_its_sources_and_review_date(shipped_knowledge: KnowledgeBase) -> None:
    """Each shipped glossary entry cites at least one known source and says when it was last reviewed."""
    missing = [
        term.term
        for term in shipped_knowledge.glossary
        if not term.sources or term.reviewed_on is None or not set(term.sources) <= set(shipped_knowledge.sources)
    ]
    assert missing == []


def _gloss(knowledge: KnowledgeBase, term: str) -> typing.Any:
    return next(entry for entry in knowledge.glossary if entry.term == term)


def test_a_disc_bulge_is_not_called_a_herniation(shipped_knowledge: KnowledgeBase) -> None:
    """The disc-bulge entry neither lists herniated or slipped disc as other names nor glosses them as the same."""
    bulge = _gloss(shipped_knowledge, "Disc bulge")
    words = " ".join((*bulge.also,)).lower()
    assert "hernia" not in words and "slipped" not in words
    assert "hernia" in bulge.gloss.lower()  # it says how the two differ


def test_a_herniated_disc_has_its_own_entry(shipped_knowledge: KnowledgeBase) -> None:
    """Herniated and slipped disc lead to their own gloss, which says the soft centre pushes through the outer ring."""
    herniation = _gloss(shipped_knowledge, "Disc herniation")
    assert {"herniated disc", "slipped disc"} <= {word.lower() for word in herniation.also}
    assert "ring" in herniation.gloss.lower()


def test_sciatica_is_a_symptom_not_another_word_for_radiculopathy(shipped_knowledge: KnowledgeBase) -> None:
    """Sciatica is glossed as pain along the sciatic nerve, and radiculopathy as nerve-root irritation with or without pain."""
    sciatica = _gloss(shipped_knowledge, "Sciatica")
    radiculopathy = _gloss(shipped_knowledge, "Radiculopathy")
    assert "sciatic nerve" in sciatica.gloss.lower()
    assert "radiculopathy" not in " ".join(sciatica.also).lower()
    assert "with or without pain" in radiculopathy.gloss.lower()
    assert "sciatica" not in " ".join(radiculopathy.also).lower()


# --- clinical corrections -----------------------------------------------------------------------------------
def test_every_evidence_level_has_a_label() -> None:
    """Each value of the evidence vocabulary has a plain label, and no label is left over."""
    assert set(strings.EVIDENCE_LABELS) == set(typing.get_args(Evidence))


def test_shin_splints_and_plantar_fasciitis_evidence_is_limited_and_mixed(shipped_knowledge: KnowledgeBase) -> None:
    """The hip-strength link for shin splints and plantar heel pain is labelled limited and mixed, not prospective."""
    for condition_id in ("shin_splints", "plantar_fasciitis"):
        levels = {link.evidence for link in shipped_knowledge.conditions[condition_id].muscle_links}
        assert levels == {"limited_mixed"}


def _all_texts(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Every string a person reads in the knowledge, with its path: sources and search vocabulary are left out."""
    if isinstance(value, (Source, Concept, Language)):
        return
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in ("words", "also", "also_called", "sources"):
                yield from _all_texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _all_texts(item, f"{where}[{key}]")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _all_texts(item, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


def test_every_statement_of_the_side_of_hip_trial_gives_its_timepoint(shipped_knowledge: KnowledgeBase) -> None:
    """Wherever a text states the side-of-hip (LEAP) trial result, it says the result was at 8 weeks."""
    trial = re.compile(
        r"(better|more people|did best).{0,80}(injection|waiting|trial)|(injection|waiting).{0,80}(better|worse)", re.I
    )
    missing = [
        f"{where}: {text[:90]}"
        for where, text in _all_texts(shipped_knowledge, "knowledge")
        if trial.search(text) and "trial" in text.lower() and "8 weeks" not in text
    ]
    assert missing == []


def test_the_it_band_self_care_keeps_the_no_comparison_group_caveat(shipped_knowledge: KnowledgeBase) -> None:
    """The IT band bullet about runners who got stronger hips says there was no comparison group."""
    bullets = [text for text in shipped_knowledge.conditions["it_band_syndrome"].self_care if "runners" in text.lower()]
    assert bullets and all("no comparison group" in text for text in bullets)


def test_the_low_back_reaches_the_buttock_creases(shipped_knowledge: KnowledgeBase) -> None:
    """The low back pain page defines the low back the way the body map does: down to the buttock creases."""
    assert "buttock crease" in shipped_knowledge.conditions["low_back_pain"].summary.lower()


def test_sizes_are_given_in_inches_with_about(shipped_knowledge: KnowledgeBase) -> None:
    """Patient texts give sizes one way: "about … inches", never centimetres first."""
    texts = [passage.text for passage in patient_passages(shipped_knowledge)]
    assert [text for text in texts if re.search(r"\d\s?cm\b", text)] == []
    assert any("about 1 to 2.5 inches" in text for text in texts)


def test_no_muscle_page_says_its_sources_do_not_cover_a_fact(shipped_knowledge: KnowledgeBase) -> None:
    """Attachments, nerve and blood supply are filled from sources on every muscle page."""
    gaps = [
        f"{muscle.id}.{name}"
        for muscle in shipped_knowledge.muscles.values()
        for name in ("origin", "insertion", "nerve", "blood_supply")
        if "not covered" in getattr(muscle, name).lower()
    ]
    assert gaps == []


# --- low back pain ------------------------------------------------------------------------------------------
def test_low_back_pain_advises_staying_active_and_reassures(shipped_knowledge: KnowledgeBase) -> None:
    """The low back pain page says to keep active and that most low back pain gets better within weeks."""
    condition = shipped_knowledge.conditions["low_back_pain"]
    text = " ".join((condition.summary, *condition.self_care)).lower()
    assert "active" in text
    assert "weeks" in text


def test_no_phase_tells_everyone_to_rest_for_days(shipped_knowledge: KnowledgeBase) -> None:
    """The rehabilitation order never tells every reader to rest for days."""
    resting = [phase.id for phase in shipped_knowledge.phases.values() if re.search(r"\brest\b.{0,40}\bdays\b", phase.what, re.I)]
    assert resting == []


# --- return to activity ---------------------------------------------------------------------------------------
def test_every_condition_says_how_to_return_to_activity(shipped_knowledge: KnowledgeBase) -> None:
    """Each condition has a passage on going back to walking, running and sport."""
    assert [c.id for c in shipped_knowledge.conditions.values() if not c.return_to_activity] == []


def test_the_condition_view_carries_return_to_activity(shipped_knowledge: KnowledgeBase) -> None:
    """The condition view model holds the return-to-activity passage and offers it to the glossary."""
    view = condition_view(shipped_knowledge, "it_band_syndrome")
    assert view is not None
    assert view.return_to_activity == shipped_knowledge.conditions["it_band_syndrome"].return_to_activity
    assert view.return_to_activity in view.texts()


def test_condition_page_shows_return_to_activity(shipped_knowledge: KnowledgeBase) -> None:
    """The condition page shows the return-to-activity passage in its own folded section."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["condition"] = "low_back_pain"
    app.switch_page("pages/conditions.py")
    app.run()
    assert not app.exception
    assert strings.CONDITION_RETURN_TO_ACTIVITY in [expander.label for expander in app.expander]
    passage = shipped_knowledge.conditions["low_back_pain"].return_to_activity
    assert passage is not None
    assert plain(passage) in [markdown.value for markdown in app.markdown]


# --- one set of care words ------------------------------------------------------------------------------------
CARE_WORDS = re.compile(r"\b(GP|GPs|911|999|A&E|ER)\b|A&E")


def test_no_knowledge_text_hard_codes_care_words(shipped_knowledge: KnowledgeBase) -> None:
    """Knowledge texts say "doctor", "emergency department" and "your emergency number", never GP, 911, 999, A&E or ER."""
    found = [f"{where}: {text[:90]}" for where, text in _all_texts(shipped_knowledge, "knowledge") if CARE_WORDS.search(text)]
    assert found == []


def test_knowledge_texts_use_one_name_for_physical_therapists(shipped_knowledge: KnowledgeBase) -> None:
    """Patient texts say "physical therapist", the spelling most of the knowledge uses, never "physiotherapist"."""
    found = [p.where for p in patient_passages(shipped_knowledge) if "physiotherapist" in p.text.lower()]
    assert found == []
