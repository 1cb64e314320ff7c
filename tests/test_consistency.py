"""The shipped knowledge: loops over everything declared, so a missing link or a changed seed number fails."""

from __future__ import annotations

import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge
from glutemap.knowledge.models import KnowledgeBase, RedFlagGroup, Source, Urgency
from glutemap.search.matcher import match
from glutemap.search.text import phrase_stems as tokens

CONDITION_IDS = {
    "low_back_pain",
    "it_band_syndrome",
    "trochanteric_bursitis",
    "degenerative_disc",
    "bulging_disc",
    "patellofemoral_pain",
    "shin_splints",
    "achilles_tendinitis",
    "plantar_fasciitis",
}
EXERCISE_IDS = {
    "clam_shell",
    "abduction_lift",
    "large_leg_circles",
    "small_leg_circles",
    "toe_taps",
    "lying_crossover_stretch",
    "seated_knee_to_shoulder_stretch",
    "side_lying_isometric_press",
    "side_lying_dynamic_abduction",
}
# A phrase that boils down to one of these words alone would match far too much everyday text.
GENERIC_WORDS = {"pain", "ache", "sore", "hurt", "weak", "numb", "leg", "hip", "back", "night"}

# Seed dosages exactly as the two seed articles give them: (reps, rounds, build_up_to_reps, hold min, hold max).
SEED_DOSAGE_NUMBERS = {
    "clam_shell": (10, 2, None, None, None),
    "abduction_lift": (6, 2, None, None, None),
    "large_leg_circles": (5, 1, 12, None, None),
    "small_leg_circles": (5, 1, None, None, None),
    "toe_taps": (10, 1, None, None, None),
    "lying_crossover_stretch": (None, None, None, 10, 30),
    "side_lying_isometric_press": (None, None, None, 5, 10),
    "seated_knee_to_shoulder_stretch": (None, None, None, None, None),
    "side_lying_dynamic_abduction": (None, None, None, None, None),
}
SEED_PER_SIDE = {
    "clam_shell": True,
    "abduction_lift": True,
    "large_leg_circles": True,
    "small_leg_circles": True,
    "toe_taps": False,
}
# (exercise, a word in the equipment item): the seed offers this equipment as optional.
SEED_OPTIONAL_EQUIPMENT = [("clam_shell", "band"), ("abduction_lift", "ankle weight")]


def _shipped() -> KnowledgeBase | None:
    knowledge, _ = check_knowledge(DEFAULT_KNOWLEDGE_DIR)
    return knowledge


_SHIPPED = _shipped()


def _ids(kind: str) -> list[str]:
    """Record ids of one kind in the shipped knowledge, for parametrising (empty if it does not load)."""
    return sorted(getattr(_SHIPPED, kind)) if _SHIPPED is not None else []


def test_the_shipped_knowledge_loads_with_zero_errors() -> None:
    """`knowledge/` validates completely; every located error is shown if not."""
    _, errors = check_knowledge(DEFAULT_KNOWLEDGE_DIR)
    assert [str(error) for error in errors] == []


def test_every_condition_named_in_the_issue_exists(shipped_knowledge: KnowledgeBase) -> None:
    """The nine conditions GluteMap was specified with are all present."""
    assert sorted(CONDITION_IDS - set(shipped_knowledge.conditions)) == []


def test_every_seed_exercise_exists(shipped_knowledge: KnowledgeBase) -> None:
    """The nine exercises of the two seed articles are all present."""
    assert sorted(EXERCISE_IDS - set(shipped_knowledge.exercises)) == []


@pytest.mark.parametrize("condition_id", _ids("conditions"))
def test_every_condition_links_a_muscle_an_exercise_and_a_source(shipped_knowledge: KnowledgeBase, condition_id: str) -> None:
    """Each condition says which muscle may be involved, what exercise applies and where that comes from."""
    condition = shipped_knowledge.conditions[condition_id]
    assert condition.muscle_links
    assert condition.exercises
    assert condition.sources


def test_both_gluteal_muscles_exist(shipped_knowledge: KnowledgeBase) -> None:
    """Gluteus medius and gluteus minimus, the subject of GluteMap, are in the knowledge."""
    assert {"gluteus_medius", "gluteus_minimus"} <= set(shipped_knowledge.muscles)


def test_gluteus_minimus_has_front_and_back_fibre_referral_patterns(shipped_knowledge: KnowledgeBase) -> None:
    """The two classic gluteus minimus pain maps (front and back fibres) are both described."""
    patterns = {pattern.id for pattern in shipped_knowledge.muscles["gluteus_minimus"].referral_patterns}
    assert {"anterior_fibres", "posterior_fibres"} <= patterns


@pytest.mark.parametrize("exercise_id", _ids("exercises"))
def test_every_exercise_says_when_to_stop(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """Each exercise has at least one stop-if caution."""
    assert shipped_knowledge.exercises[exercise_id].stop_if


def test_there_are_at_least_ten_red_flags(shipped_knowledge: KnowledgeBase) -> None:
    """The red-flag checklist is broad enough to be useful."""
    assert len(shipped_knowledge.red_flags) >= 10


def test_red_flags_cover_every_group(shipped_knowledge: KnowledgeBase) -> None:
    """Cauda equina, cancer, infection, fracture, nerve and hip warning signs are all represented."""
    groups = {flag.group for flag in shipped_knowledge.red_flags.values()}
    assert sorted(set(typing.get_args(RedFlagGroup)) - groups) == []


def test_red_flag_urgencies_are_all_known(shipped_knowledge: KnowledgeBase) -> None:
    """Every red flag uses one of the declared urgencies, so it can be sorted and labelled."""
    urgencies = {flag.urgency for flag in shipped_knowledge.red_flags.values()}
    assert urgencies <= set(typing.get_args(Urgency))


def _match_phrases(knowledge: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """(where, phrase) for every `words` phrase of red flags, conditions and their symptoms."""
    for flag in knowledge.red_flags.values():
        yield from ((f"red flag {flag.id}", phrase) for phrase in flag.words)
    for condition in knowledge.conditions.values():
        yield from ((f"condition {condition.id}", phrase) for phrase in condition.words)
        for symptom in condition.symptoms:
            yield from ((f"symptom {condition.id}:{symptom.id}", phrase) for phrase in symptom.words)


def test_every_match_phrase_is_distinctive(shipped_knowledge: KnowledgeBase) -> None:
    """No phrase boils down to nothing, or to one generic word such as 'pain' or 'hip' that matches too much."""
    generic = [
        f"{where}: {phrase!r}"
        for where, phrase in _match_phrases(shipped_knowledge)
        if len(tokens(phrase)) == 0 or (len(tokens(phrase)) == 1 and tokens(phrase)[0] in GENERIC_WORDS)
    ]
    assert generic == []


@pytest.mark.parametrize("exercise_id", sorted(SEED_DOSAGE_NUMBERS))
def test_seed_dosage_numbers_are_exact(shipped_knowledge: KnowledgeBase, exercise_id: str) -> None:
    """Reps, rounds, build-up and hold times are exactly the seed's; where the seed gives none, a number needs a source."""
    dosage = shipped_knowledge.exercises[exercise_id].dosage
    numbers = (dosage.reps, dosage.rounds, dosage.build_up_to_reps, dosage.hold_seconds_min, dosage.hold_seconds_max)
    for number, seed in zip(numbers, SEED_DOSAGE_NUMBERS[exercise_id], strict=True):
        assert number == seed or (seed is None and dosage.numbers_from is not None)


@pytest.mark.parametrize(("exercise_id", "per_side"), sorted(SEED_PER_SIDE.items()))
def test_seed_dosage_per_side_is_exact(shipped_knowledge: KnowledgeBase, exercise_id: str, per_side: bool) -> None:
    """Whether the seed's count is per leg or in total is kept (toe taps are 10 in total)."""
    assert shipped_knowledge.exercises[exercise_id].dosage.per_side is per_side


@pytest.mark.parametrize(("exercise_id", "item_word"), SEED_OPTIONAL_EQUIPMENT)
def test_seed_equipment_is_optional(shipped_knowledge: KnowledgeBase, exercise_id: str, item_word: str) -> None:
    """The band for clam shells and the ankle weight for abduction lifts are offered as optional."""
    equipment = shipped_knowledge.exercises[exercise_id].equipment
    assert [item.optional for item in equipment if item_word in item.item.lower()] == [True]


def _cited_sources(knowledge: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """(record, source id) for every source cited by a record or a condition's muscle link."""
    for kind in ("muscles", "conditions", "exercises", "red_flags"):
        for record in getattr(knowledge, kind).values():
            yield from ((f"{kind}/{record.id}", source) for source in record.sources)
    for condition in knowledge.conditions.values():
        for link in condition.muscle_links:
            yield from ((f"conditions/{condition.id} › {link.muscle}", source) for source in link.sources)


def test_every_cited_source_resolves(shipped_knowledge: KnowledgeBase) -> None:
    """Each cited source id is defined in sources.yaml (sources.yaml may hold more than is cited)."""
    cited = _cited_sources(shipped_knowledge)
    unresolved = [f"{where}: {source}" for where, source in cited if source not in shipped_knowledge.sources]
    assert unresolved == []


def _texts(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Every string inside a record, with a readable path; a source's `url` is the one place links belong."""
    if isinstance(value, Source):
        yield from ((f"{where}.{name}", text) for name, text in (("title", value.title), ("note", value.note or "")))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{where}[{key}]")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _texts(item, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


@pytest.mark.parametrize("forbidden", ["http", "<", "]("])
def test_no_text_holds_links_or_markup(shipped_knowledge: KnowledgeBase, forbidden: str) -> None:
    """Knowledge text is plain: no URLs (outside a source's url), no HTML and no Markdown links."""
    found = [f"{where}: {text[:80]!r}" for where, text in _texts(shipped_knowledge, "knowledge") if forbidden in text]
    assert found == []


# Words that say how soon to act, at each urgency or a more urgent one (English knowledge text).
URGENCY_WORDS = {
    "emergency": ("emergency", "999", "911", "call", "now", "straight away", "immediately", "right away"),
    "urgent": ("today", "same day", "same-day", "urgent", "now", "straight away", "immediately", "emergency"),
    "prompt": ("within a few days", "within days", "few days", "soon", "today", "now", "urgent", "emergency"),
}


def _advice_passages(knowledge: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """Patient passages that can name a sign: conditions' advice, stop-if cautions, area notes, options, glossary."""
    for condition in knowledge.conditions.values():
        for text in (*condition.see_clinician, *condition.self_care):
            yield f"condition {condition.id}", text
    for exercise in knowledge.exercises.values():
        for text in exercise.stop_if:
            yield f"exercise {exercise.id}", text
    for region in knowledge.regions.values():
        if region.not_linked is not None:
            yield f"region {region.id}", region.not_linked.who_to_see
    for option in knowledge.options.values():
        # An option's title says how soon ("Seek care now"), so its passages are read with it.
        for text in (option.summary, *option.when_it_fits, *option.what_it_involves, *option.what_is_known):
            yield f"option {option.id}", f"{option.title}: {text}"
    for term in knowledge.glossary:
        yield f"glossary {term.term}", term.gloss


def test_every_passage_that_names_a_sign_is_as_urgent_as_its_flag(shipped_knowledge: KnowledgeBase) -> None:
    """A passage the matcher reads as a red flag tells people to act at that flag's urgency (or sooner)."""
    weaker = []
    for where, text in _advice_passages(shipped_knowledge):
        for urgent in match(shipped_knowledge, text=text).urgent:
            if not any(word in text.lower() for word in URGENCY_WORDS[urgent.urgency]):
                weaker.append(f"{where}: {urgent.id} is {urgent.urgency}: {text[:90]}")
    assert weaker == []


def test_every_shipped_red_flag_is_dated(shipped_knowledge: KnowledgeBase) -> None:
    """Each red flag says when its wording, rules and sources were last reviewed."""
    assert [flag.id for flag in shipped_knowledge.red_flags.values() if flag.reviewed_on is None] == []


def test_every_suggested_description_finds_its_own_condition_first(shipped_knowledge: KnowledgeBase) -> None:
    """A description offered to tap on Explore shows the condition it was written for at the top of the results."""
    offered = {condition.id: condition.example for condition in shipped_knowledge.conditions.values() if condition.example}
    assert len(offered) >= 6
    first = {condition_id: match(shipped_knowledge, text=text).conditions[0].id for condition_id, text in offered.items()}
    assert first == {condition_id: condition_id for condition_id in offered}
