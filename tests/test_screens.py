"""What the Conditions, Anatomy and Sources & about screens show, checked on the tiny and shipped knowledge."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from conftest import TINY_FILES, KnowledgeWriter

from glutemap import strings
from glutemap.knowledge.loader import load_knowledge
from glutemap.knowledge.models import IcdCode, KnowledgeBase, MuscleRole, SourceKind
from glutemap.screens.about import sources_view
from glutemap.screens.anatomy import layer_sentence, muscle_choices, muscle_view
from glutemap.screens.common import FOCUS_MUSCLES, RecordLink, Table, choice_kept
from glutemap.screens.conditions import condition_count, condition_index, condition_view

REVIEWED = dt.date(2026, 11, 23)


def _ids(knowledge: KnowledgeBase, query: str) -> list[str]:
    return [summary.id for summary in condition_index(knowledge, query)]


# --- condition index --------------------------------------------------------------------------------------
def test_empty_search_lists_every_condition_by_name(tiny_knowledge: KnowledgeBase) -> None:
    """With nothing typed, the index lists every condition in alphabetical order of name."""
    assert _ids(tiny_knowledge, "") == ["outer_knee_pain", "side_hip_pain"]


def test_search_finds_a_condition_by_another_name(tiny_knowledge: KnowledgeBase) -> None:
    """A word from one of a condition's other names finds it."""
    assert _ids(tiny_knowledge, "tendon") == ["side_hip_pain"]


def test_search_finds_a_condition_by_everyday_words(tiny_knowledge: KnowledgeBase) -> None:
    """Everyday words recorded for a condition find it."""
    assert _ids(tiny_knowledge, "running") == ["outer_knee_pain"]


def test_search_needs_every_typed_word(tiny_knowledge: KnowledgeBase) -> None:
    """Each extra word narrows the index: a condition must contain all of them."""
    assert _ids(tiny_knowledge, "knee") == ["outer_knee_pain"]
    assert _ids(tiny_knowledge, "knee tendon") == []


def test_search_forgives_a_typo(tiny_knowledge: KnowledgeBase) -> None:
    """A long word with one letter wrong still finds the condition."""
    assert _ids(tiny_knowledge, "tendom") == ["side_hip_pain"]


def test_search_matches_the_start_of_a_word(tiny_knowledge: KnowledgeBase) -> None:
    """A word still being typed matches the words it begins."""
    assert _ids(tiny_knowledge, "tend") == ["side_hip_pain"]


def test_search_of_only_small_words_lists_everything(tiny_knowledge: KnowledgeBase) -> None:
    """Words that carry no meaning (like "the") do not filter anything out."""
    assert _ids(tiny_knowledge, "the my") == ["outer_knee_pain", "side_hip_pain"]


def test_overlong_search_is_read_up_to_the_limit(tiny_knowledge: KnowledgeBase) -> None:
    """A pasted wall of text is cut to the matcher's limit instead of failing."""
    assert _ids(tiny_knowledge, "tendon " * 2000) == ["side_hip_pain"]


def test_shipped_index_finds_it_band_syndrome_by_its_short_name(shipped_knowledge: KnowledgeBase) -> None:
    """The shipped index finds iliotibial band syndrome by "IT band"."""
    assert "it_band_syndrome" in _ids(shipped_knowledge, "IT band")


# --- condition page ---------------------------------------------------------------------------------------
def test_unknown_condition_has_no_view(tiny_knowledge: KnowledgeBase) -> None:
    """An id that names no condition gives None, for the page to show "not found"."""
    assert condition_view(tiny_knowledge, "no_such_condition") is None


def test_condition_view_says_the_evidence_plainly(tiny_knowledge: KnowledgeBase) -> None:
    """Each muscle link carries the muscle's name and the plain-words evidence label."""
    view = condition_view(tiny_knowledge, "side_hip_pain")
    assert view is not None
    (link,) = view.muscles
    assert (link.muscle_name, link.evidence_label) == ("Gluteus medius", strings.EVIDENCE_LABELS["association"])
    assert link.evidence_detail == "Seen together in small studies."


def test_condition_view_links_exercises_by_name_and_category(tiny_knowledge: KnowledgeBase) -> None:
    """Exercises that may help come with their names and category labels, ready to link."""
    view = condition_view(tiny_knowledge, "side_hip_pain")
    assert view is not None
    assert view.exercises == (RecordLink("clam_shell", "Clam shell", strings.CATEGORY_LABELS["activation"]),)


def test_condition_view_names_where_it_is_felt(tiny_knowledge: KnowledgeBase) -> None:
    """The condition's regions are shown by their labels."""
    view = condition_view(tiny_knowledge, "side_hip_pain")
    assert view is not None
    assert view.felt_in == ("Side of the hip",)


def test_condition_view_lists_its_own_and_its_links_sources_once(tiny_knowledge: KnowledgeBase) -> None:
    """Sources of the condition and of its muscle links are listed together, each once."""
    view = condition_view(tiny_knowledge, "side_hip_pain")
    assert view is not None
    assert [source.id for source in view.sources] == ["seed_000", "review_one"]
    assert view.sources[1].address == "https://example.org/review"


def test_condition_texts_include_symptoms_for_the_glossary(tiny_knowledge: KnowledgeBase) -> None:
    """The texts searched for glossary terms include the summary and the symptoms."""
    view = condition_view(tiny_knowledge, "side_hip_pain")
    assert view is not None
    assert {"Pain over the bony bump at the side of the hip.", "Pain when lying on that side"} <= set(view.texts())


def test_icd_code_without_validity_says_so(tiny_knowledge: KnowledgeBase) -> None:
    """An ICD-10-CM code with no recorded validity is labelled as such, not left blank."""
    condition = tiny_knowledge.conditions["side_hip_pain"]
    coded = condition.model_copy(update={"icd10cm": (IcdCode(code="M70.60", title="Trochanteric bursitis"),)})
    knowledge = tiny_knowledge.model_copy(update={"conditions": {**tiny_knowledge.conditions, coded.id: coded}})
    view = condition_view(knowledge, "side_hip_pain")
    assert view is not None
    code, title, validity, note = strings.CONDITION_ICD_COLUMNS
    assert view.icd_table().records() == [
        {code: "M70.60", title: "Trochanteric bursitis", validity: strings.CONDITION_ICD_VALIDITY_UNKNOWN, note: ""}
    ]


def test_shipped_it_band_codes_reach_the_clinician_table(shipped_knowledge: KnowledgeBase) -> None:
    """The shipped IT band syndrome page lists its right-leg ICD-10-CM code with its validity."""
    view = condition_view(shipped_knowledge, "it_band_syndrome")
    assert view is not None
    code, _title, validity, _note = strings.CONDITION_ICD_COLUMNS
    codes = dict(zip(view.icd_table().column(code), view.icd_table().column(validity), strict=True))
    recorded = {code.code: code.valid for code in shipped_knowledge.conditions["it_band_syndrome"].icd10cm}
    assert codes["M76.31"] == recorded["M76.31"]


# --- muscle page ------------------------------------------------------------------------------------------
def test_unknown_muscle_has_no_view(tiny_knowledge: KnowledgeBase) -> None:
    """An id that names no muscle gives None."""
    assert muscle_view(tiny_knowledge, "deltoid") is None


def test_muscle_choices_put_medius_and_minimus_first(shipped_knowledge: KnowledgeBase) -> None:
    """The selector offers gluteus medius and minimus first, then the context muscles."""
    choices = [choice.id for choice in muscle_choices(shipped_knowledge)]
    assert tuple(choices[:2]) == FOCUS_MUSCLES
    assert set(choices) == set(shipped_knowledge.muscles)


def test_layer_sentence_names_the_covering_muscles(tiny_knowledge: KnowledgeBase) -> None:
    """A muscle's depth is said in words, with the muscles that cover it."""
    sentence = layer_sentence(tiny_knowledge, tiny_knowledge.muscles["gluteus_minimus"])
    assert sentence == "Gluteus minimus: layer 3 (deep), covered by Gluteus medius."


def test_referral_rows_hold_region_labels_and_how_often(tiny_knowledge: KnowledgeBase) -> None:
    """Each referral area becomes a row with the region's label and the plain spread label."""
    view = muscle_view(tiny_knowledge, "gluteus_minimus")
    assert view is not None
    rows = [(row.region, row.spread_label, row.views) for row in view.referral_rows]
    assert rows == [
        ("Side of the hip", strings.SPREAD_LABELS["primary"], "Side"),
        ("Outer thigh", strings.SPREAD_LABELS["occasional"], "Side"),
    ]


def test_referral_pattern_table_is_the_text_equivalent(tiny_knowledge: KnowledgeBase) -> None:
    """Each pattern's table names every area, how often and where exactly, in the knowledge's words."""
    view = muscle_view(tiny_knowledge, "gluteus_minimus")
    assert view is not None
    table = view.referral_patterns[0].table()
    assert table.column(strings.REFERRAL_COLUMNS[0]) == ("Side of the hip", "Outer thigh")
    assert table.column(strings.REFERRAL_COLUMNS[2]) == ("over the bony bump at the side of the hip", "the outside of the thigh")


def test_muscle_view_lists_conditions_that_involve_it(tiny_knowledge: KnowledgeBase) -> None:
    """The muscle page links to each condition that names it, with the evidence said plainly."""
    view = muscle_view(tiny_knowledge, "gluteus_medius")
    assert view is not None
    assert view.conditions == (RecordLink("side_hip_pain", "Side hip pain", strings.EVIDENCE_LABELS["association"]),)


def test_muscle_view_lists_exercises_that_work_it(tiny_knowledge: KnowledgeBase) -> None:
    """The muscle page links to the exercises that work it and says how much."""
    view = muscle_view(tiny_knowledge, "gluteus_medius")
    assert view is not None
    assert view.exercises == (RecordLink("clam_shell", "Clam shell", strings.EXERCISE_ROLE_LABELS["primary"]),)


def test_clinician_notes_are_kept_apart(shipped_knowledge: KnowledgeBase) -> None:
    """Notes written "For clinicians" go to the clinician section, not the visitor's notes."""
    view = muscle_view(shipped_knowledge, "gluteus_medius")
    assert view is not None
    assert view.clinician_notes
    assert all(note.startswith("For clinicians") for note in view.clinician_notes)
    assert not any(note.startswith("For clinicians") for note in view.notes)


def test_shipped_minimus_notes_give_the_pseudo_sciatica_nickname(shipped_knowledge: KnowledgeBase) -> None:
    """The gluteus minimus page explains its "pseudo-sciatica" nickname."""
    view = muscle_view(shipped_knowledge, "gluteus_minimus")
    assert view is not None
    assert any("pseudo-sciatica" in note for note in view.notes)


def test_shipped_medius_notes_explain_trendelenburg_and_phasic(shipped_knowledge: KnowledgeBase) -> None:
    """The gluteus medius page explains the Trendelenburg sign and the "phasic muscle" label."""
    view = muscle_view(shipped_knowledge, "gluteus_medius")
    assert view is not None
    assert any("Trendelenburg" in note for note in view.notes)
    assert any("phasic" in note.lower() for note in view.notes)


# --- sources & about --------------------------------------------------------------------------------------
def test_sources_view_lists_every_source_once(tiny_knowledge: KnowledgeBase) -> None:
    """Every source appears in exactly one group."""
    view = sources_view(tiny_knowledge)
    ids = [entry.source.id for group in view.groups for entry in group.entries]
    assert sorted(ids) == sorted(tiny_knowledge.sources)
    assert view.count == len(tiny_knowledge.sources)


def test_sources_are_grouped_under_their_kind_label(tiny_knowledge: KnowledgeBase) -> None:
    """Groups are named by the kind of source in words."""
    labels = [group.label for group in sources_view(tiny_knowledge).groups]
    assert labels == [strings.SOURCE_KIND_LABELS["seed"], strings.SOURCE_KIND_LABELS["review"]]


def test_source_lists_the_records_it_supports(tiny_knowledge: KnowledgeBase) -> None:
    """A source names every record citing it, including a condition citing it only for a muscle link."""
    view = sources_view(tiny_knowledge)
    (entry,) = [entry for group in view.groups for entry in group.entries if entry.source.id == "review_one"]
    assert [(citation.kind_label, citation.name) for citation in entry.cited_by] == [
        (strings.RECORD_KIND_LABELS["muscles"], "Gluteus minimus"),
        (strings.RECORD_KIND_LABELS["conditions"], "Side hip pain"),
    ]
    assert entry.supports() == "Muscles: Gluteus minimus. Conditions: Side hip pain."


def test_source_details_give_kind_address_and_support_as_text(tiny_knowledge: KnowledgeBase) -> None:
    """Under its title a source shows its kind, its address written out, and the records it supports."""
    view = sources_view(tiny_knowledge)
    (entry,) = [entry for group in view.groups for entry in group.entries if entry.source.id == "review_one"]
    assert entry.details() == (
        "Kind: Review of studies",
        "Address: https://example.org/review",
        "Supports: Muscles: Gluteus minimus. Conditions: Side hip pain.",
    )


def test_source_without_address_says_so(tiny_knowledge: KnowledgeBase) -> None:
    """A source with no web address says so instead of leaving a blank."""
    view = sources_view(tiny_knowledge)
    (entry,) = [entry for group in view.groups for entry in group.entries if entry.source.id == "seed_000"]
    assert entry.details()[1] == strings.ABOUT_SOURCE_NO_ADDRESS


def test_uncited_source_supports_nothing(make_knowledge: KnowledgeWriter) -> None:
    """A source no record cites is still listed, with no citing records."""
    extra = '- id: unused\n  title: "A guideline nobody cites"\n  kind: guideline\n  authors: "A Body"\n  year: 2020\n'
    knowledge = load_knowledge(make_knowledge({"sources.yaml": TINY_FILES["sources.yaml"] + extra}))
    entries = {entry.source.id: entry for group in sources_view(knowledge).groups for entry in group.entries}
    assert entries["unused"].cited_by == ()
    assert entries["unused"].details()[2] == strings.ABOUT_SOURCE_UNUSED


def test_review_dates_cover_every_reviewed_record(tiny_knowledge: KnowledgeBase) -> None:
    """Every record that cites a source appears once with its review date (areas and warning signs too)."""
    view = sources_view(tiny_knowledge)
    rows = set(view.review_table().rows)
    kind = strings.RECORD_KIND_LABELS
    assert (kind["muscles"], "Gluteus medius", "2026-11-23") in rows
    assert (kind["exercises"], "Clam shell", "2026-11-23") in rows
    kinds = {row[0] for row in rows}
    assert {kind[name] for name in ("muscles", "conditions", "exercises", "red_flags", "regions", "disclaimer")} <= kinds
    records = (tiny_knowledge.muscles, tiny_knowledge.conditions, tiny_knowledge.exercises, tiny_knowledge.red_flags,
               tiny_knowledge.regions)
    assert len(rows) == sum(map(len, records)) + 1  # and the notice (disclaimer)


def test_shipped_sources_view_covers_every_source(shipped_knowledge: KnowledgeBase) -> None:
    """Every shipped source is on the Sources screen."""
    view = sources_view(shipped_knowledge)
    assert {entry.source.id for group in view.groups for entry in group.entries} == set(shipped_knowledge.sources)


def test_every_source_kind_has_a_label() -> None:
    """Each kind of source allowed by the schema has a display label, and no label is for an unknown kind."""
    assert set(strings.SOURCE_KIND_LABELS) == set(get_args(SourceKind))


def test_every_exercise_role_has_a_label() -> None:
    """Each exercise muscle role has a display label."""
    assert set(strings.EXERCISE_ROLE_LABELS) == set(get_args(MuscleRole))


def test_every_record_kind_has_singular_and_plural_labels() -> None:
    """Each kind of citing record can be named alone and in a group."""
    assert set(strings.RECORD_KIND_LABELS) == set(strings.RECORD_KIND_PLURALS)
    assert set(KnowledgeBase.model_fields) - {"sources"} <= set(strings.RECORD_KIND_LABELS)


def test_every_allowed_layer_has_a_depth_word() -> None:
    """Each layer number the schema allows (1 to 4) is described in words."""
    assert set(strings.LAYER_DEPTH_WORDS) == {1, 2, 3, 4}


def test_table_records_are_keyed_by_column() -> None:
    """A table's rows become dicts keyed by column name, for st.dataframe."""
    table = Table(("A", "B"), (("1", "2"), ("3", "4")))
    assert table.records() == [{"A": "1", "B": "2"}, {"A": "3", "B": "4"}]
    assert table.column("B") == ("2", "4")



def test_the_index_counts_every_condition(shipped_knowledge: KnowledgeBase) -> None:
    """The count beside a search ("3 of 15") is of every condition in the knowledge."""
    assert condition_count(shipped_knowledge) == len(condition_index(shipped_knowledge)) == len(shipped_knowledge.conditions)


def test_a_condition_page_marks_an_exercise_that_is_not_for_the_glutes(shipped_knowledge: KnowledgeBase) -> None:
    """An exercise for other muscles is labelled as such beside its kind; a glute exercise shows its kind alone."""
    view = condition_view(shipped_knowledge, "achilles_tendinitis")
    assert view is not None
    details = {link.id: link.detail for link in view.exercises}
    for exercise_id, detail in details.items():
        exercise = shipped_knowledge.exercises[exercise_id]
        assert detail.startswith(strings.CATEGORY_LABELS[exercise.category])
        assert (strings.EXERCISES_NOT_GLUTE_SHORT in detail) == (not exercise.glute_exercise)
    assert any(not shipped_knowledge.exercises[exercise_id].glute_exercise for exercise_id in details)


def test_a_choice_stays_while_it_is_still_offered() -> None:
    assert choice_kept("hip_hold", ["clam_shell", "hip_hold"]) == "hip_hold"


def test_a_choice_no_longer_offered_gives_way_to_the_first_option() -> None:
    assert choice_kept("toe_taps", ["clam_shell", "hip_hold"]) == "clam_shell"
    assert choice_kept(None, ["back", "front"]) == "back"


def test_no_choice_when_nothing_is_offered() -> None:
    assert choice_kept("clam_shell", []) is None
