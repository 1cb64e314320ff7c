"""The matcher: everyday phrasings against the shipped knowledge, red flags first, and its structural rules."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge, load_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.search.matcher import MatchResult, TextTooLong, base_region, match
from glutemap.search.text import MAX_TEXT_CHARS

# (what a person might type, the condition that should come first or second)
EVERYDAY_PHRASINGS = [
    ("outer knee pain when running", "it_band_syndrome"),
    ("pain on the outside of my knee after a long run", "it_band_syndrome"),
    ("ITB", "it_band_syndrome"),
    ("pain on the side of my hip when I lie on it", "trochanteric_bursitis"),
    ("hip bursitis", "trochanteric_bursitis"),
    ("outer hip pain", "trochanteric_bursitis"),
    ("planter fasciitis", "plantar_fasciitis"),
    ("heel pain first thing in the morning", "plantar_fasciitis"),
    ("slipped disc", "bulging_disc"),
    ("herniated disc in my lower back", "bulging_disc"),
    ("degenerative disc disease", "degenerative_disc"),
    ("worn discs in my back", "degenerative_disc"),
    ("shin splints", "shin_splints"),
    ("pain along the inside of my shin when running", "shin_splints"),
    ("achilles pain when running", "achilles_tendinitis"),
    ("achilles tendonitis", "achilles_tendinitis"),
    ("kneecap pain going down stairs", "patellofemoral_pain"),
    ("pain around my kneecap when I squat", "patellofemoral_pain"),
    ("lower back pain", "low_back_pain"),
    ("my lower back aches", "low_back_pain"),
]
DISC_CONDITIONS = {"bulging_disc", "degenerative_disc"}
UNRELATED_TEXT = ["sore throat", "my cat is sick", "", "asdf qwer", "I need a new phone charger"]


def _top_two(result: MatchResult) -> list[str]:
    return [condition.id for condition in result.conditions[:2]]


@pytest.mark.parametrize(("text", "condition_id"), EVERYDAY_PHRASINGS)
def test_everyday_phrasings_rank_their_condition_in_the_top_two(
    shipped_knowledge: KnowledgeBase, text: str, condition_id: str
) -> None:
    """Common ways of describing each condition, typos included, put it first or second."""
    assert condition_id in _top_two(match(shipped_knowledge, text=text))


def test_bulging_disc_in_plain_words_finds_the_disc_condition(shipped_knowledge: KnowledgeBase) -> None:
    """'bulging disc', the seed article's own words, finds the bulging disc condition."""
    assert "bulging_disc" in _top_two(match(shipped_knowledge, text="bulging disc"))


def test_sciatica_finds_a_disc_condition_first(shipped_knowledge: KnowledgeBase) -> None:
    """'sciatica' leads to a disc record, the usual cause of nerve-root leg pain."""
    assert match(shipped_knowledge, text="sciatica").conditions[0].id in DISC_CONDITIONS


@pytest.mark.parametrize("text", ["sore lower back", "my back hurts, right in the lower back", "pain in my bum and buttock"])
def test_no_reason_is_given_twice(shipped_knowledge: KnowledgeBase, text: str) -> None:
    """A place named twice in the words ("lower back" holds "back") is one reason, counted once."""
    for condition in match(shipped_knowledge, text=text).conditions:
        assert len(condition.reasons) == len(set(condition.reasons)), condition.id


def test_pain_down_the_side_of_the_leg_points_to_gluteus_minimus(shipped_knowledge: KnowledgeBase) -> None:
    """The "pseudo-sciatica" description gives conditions and lists gluteus minimus among the muscles."""
    result = match(shipped_knowledge, text="pain down the side of my leg")
    assert result.conditions
    assert "gluteus_minimus" in [muscle.id for muscle in result.muscles]


@pytest.mark.parametrize("text", UNRELATED_TEXT)
def test_unrelated_text_finds_no_condition(shipped_knowledge: KnowledgeBase, text: str) -> None:
    """Words about something else, or nothing at all, give no conditions and no red flags."""
    result = match(shipped_knowledge, text=text)
    assert result.conditions == ()
    assert result.urgent == ()


def _red_flag_wordings() -> list[tuple[str, str]]:
    """(red-flag id, wording) for the everyday wording and every `words` phrase of each shipped red flag."""
    knowledge, _ = check_knowledge(DEFAULT_KNOWLEDGE_DIR)
    if knowledge is None:  # the `shipped_knowledge` fixture then fails these tests with every loader error
        return [("shipped_knowledge_is_invalid", "")]
    return [(flag.id, text) for flag in knowledge.red_flags.values() for text in (flag.everyday, *flag.words)]


RED_FLAG_WORDINGS = _red_flag_wordings()


@pytest.mark.parametrize(("flag_id", "text"), RED_FLAG_WORDINGS)
def test_every_red_flag_is_found_from_each_of_its_wordings(shipped_knowledge: KnowledgeBase, flag_id: str, text: str) -> None:
    """Typing a red flag's checklist wording or any of its phrases raises that red flag."""
    assert flag_id in [urgent.id for urgent in match(shipped_knowledge, text=text).urgent]


printable_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=800)


@settings(max_examples=150, deadline=None)
@given(before=printable_text, wording=st.sampled_from(RED_FLAG_WORDINGS), after=printable_text)
def test_a_red_flag_phrase_anywhere_in_any_text_is_never_missed(
    shipped_knowledge: KnowledgeBase, before: str, wording: tuple[str, str], after: str
) -> None:
    """Whatever sentences surround a red-flag phrase, the result has an urgent warning.

    The phrase is its own sentence: a "no" or "if" written right before it in the same sentence is meant to
    change its meaning (the context tests cover that).
    """
    text = f"{before}. {wording[1]}. {after}"
    assert match(shipped_knowledge, text=text).urgent


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=MAX_TEXT_CHARS))
def test_matching_the_same_text_twice_gives_the_same_result(shipped_knowledge: KnowledgeBase, text: str) -> None:
    """The matcher is deterministic: equal input gives an equal result."""
    assert match(shipped_knowledge, text=text) == match(shipped_knowledge, text=text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=MAX_TEXT_CHARS))
def test_any_text_up_to_the_limit_is_matched_without_error(shipped_knowledge: KnowledgeBase, text: str) -> None:
    """Emoji, control characters, right-to-left script or markup up to 2,000 characters never raise."""
    assert isinstance(match(shipped_knowledge, text=text), MatchResult)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=MAX_TEXT_CHARS + 1, max_size=MAX_TEXT_CHARS + 500))
def test_text_over_the_limit_raises_text_too_long(tiny_knowledge: KnowledgeBase, text: str) -> None:
    """More than 2,000 characters is refused with `TextTooLong` before any matching work."""
    with pytest.raises(TextTooLong, match="the limit is 2,000"):
        match(tiny_knowledge, text=text)


def test_text_of_exactly_the_limit_is_accepted(tiny_knowledge: KnowledgeBase) -> None:
    """The limit itself is allowed: 2,000 characters are read."""
    assert match(tiny_knowledge, text="x" * MAX_TEXT_CHARS).conditions == ()


def test_chosen_red_flags_come_back_emergency_first(tiny_knowledge: KnowledgeBase) -> None:
    """Ticked red flags are returned most urgent first, whatever order they were ticked in."""
    result = match(tiny_knowledge, red_flags=["night_pain", "saddle_numbness"])
    assert [(urgent.id, urgent.urgency) for urgent in result.urgent] == [
        ("saddle_numbness", "emergency"),
        ("night_pain", "prompt"),
    ]


def test_a_ticked_red_flag_says_it_was_ticked(tiny_knowledge: KnowledgeBase) -> None:
    """The reason for a ticked red flag repeats its checklist wording."""
    result = match(tiny_knowledge, red_flags=["saddle_numbness"])
    assert result.urgent[0].reasons == ("You ticked: Numbness around your bottom or genitals",)
    assert result.has_red_flag


def test_a_written_red_flag_quotes_the_phrase_that_matched(tiny_knowledge: KnowledgeBase) -> None:
    """A red flag found in free text names the phrase it matched."""
    result = match(tiny_knowledge, text="I feel numb between my legs")
    assert result.urgent[0].reasons == ('You wrote words like "numb between my legs"',)


def test_red_flags_are_reported_alongside_conditions(tiny_knowledge: KnowledgeBase) -> None:
    """A red flag does not hide the conditions; both come back, red flags in their own list."""
    result = match(tiny_knowledge, regions=["hip_lateral"], text="saddle numbness")
    assert [urgent.id for urgent in result.urgent] == ["saddle_numbness"]
    assert [condition.id for condition in result.conditions] == ["side_hip_pain"]


@pytest.mark.parametrize(("region_id", "base"), [("hip_lateral_l", "hip_lateral"), ("hip_lateral_r", "hip_lateral")])
def test_sided_region_ids_count_as_their_base_region(tiny_knowledge: KnowledgeBase, region_id: str, base: str) -> None:
    """The body map's left/right ids (`_l`, `_r`) are read as the side-free knowledge region."""
    result = match(tiny_knowledge, regions=[region_id])
    assert result.regions == (base,)
    assert result.unknown == ()


@pytest.mark.parametrize(("region_id", "base"), [("knee_lateral_l", "knee_lateral"), ("buttock", "buttock")])
def test_base_region_strips_only_a_side_suffix(region_id: str, base: str) -> None:
    """`base_region` removes a trailing `_l` or `_r` and leaves other ids alone."""
    assert base_region(region_id) == base


def test_unknown_region_and_red_flag_ids_are_reported(tiny_knowledge: KnowledgeBase) -> None:
    """Ids the knowledge does not have are returned in `unknown`, in the order given, and otherwise ignored."""
    result = match(tiny_knowledge, regions=["elbow_l", "hip_lateral"], red_flags=["no_such_flag"])
    assert result.unknown == ("elbow_l", "no_such_flag")
    assert result.regions == ("hip_lateral",)
    assert result.urgent == ()


def test_a_region_alone_gives_conditions_with_a_region_reason(tiny_knowledge: KnowledgeBase) -> None:
    """Choosing only a place on the body lists the conditions felt there, saying so."""
    result = match(tiny_knowledge, regions=["hip_lateral_r"])
    assert [(c.id, c.reasons) for c in result.conditions] == [
        ("side_hip_pain", ('You chose "Side of the hip", a main place this is felt',))
    ]


def test_a_region_written_in_words_counts_as_mentioned(tiny_knowledge: KnowledgeBase) -> None:
    """A region named in free text is reported separately from chosen regions and gives a reason."""
    result = match(tiny_knowledge, text="it is the side of my hip")
    assert result.regions_from_text == ("hip_lateral",)
    assert result.conditions[0].reasons == ('You mentioned "Side of the hip", a main place this is felt',)


def test_a_chosen_place_where_a_condition_is_sometimes_felt_shows_it(tiny_knowledge: KnowledgeBase) -> None:
    """Tapping a place listed under one of a condition's symptoms is enough to show that condition, saying so."""
    result = match(tiny_knowledge, regions=["thigh_lateral_l"])
    assert [(c.id, c.reasons) for c in result.conditions] == [
        ("side_hip_pain", ('You chose "Outer thigh", where this is sometimes felt',))
    ]


def test_a_written_place_where_a_condition_is_only_sometimes_felt_is_not_enough(tiny_knowledge: KnowledgeBase) -> None:
    """Naming in words a place listed only under a symptom scores too little to show the condition."""
    assert match(tiny_knowledge, text="outer thigh").conditions == ()


def test_a_chosen_symptom_gives_its_condition_with_a_reason(tiny_knowledge: KnowledgeBase) -> None:
    """A ticked symptom (`condition:symptom`) shows its condition and quotes the symptom."""
    result = match(tiny_knowledge, symptoms=["side_hip_pain:lying"])
    assert result.conditions[0].reasons == ('You chose the symptom "Pain when lying on that side"',)


def test_a_condition_name_in_the_text_is_given_as_the_reason(tiny_knowledge: KnowledgeBase) -> None:
    """Writing another name for a condition says which name was recognised."""
    result = match(tiny_knowledge, text="sore hip tendon")
    assert result.conditions[0].reasons == ('You wrote "sore hip tendon", a name for Side hip pain',)


def test_conditions_come_best_first(tiny_knowledge: KnowledgeBase) -> None:
    """The condition with more evidence from the person's input comes first."""
    result = match(tiny_knowledge, regions=["hip_lateral", "knee_lateral"], text="outer knee pain when running")
    assert [c.id for c in result.conditions] == ["outer_knee_pain", "side_hip_pain"]
    assert result.conditions[0].score > result.conditions[1].score


def _tendon_tear(narrower_than: str | None) -> str:
    """A condition named to sort before side_hip_pain, felt in the same place."""
    return (
        "id: a_tendon_tear\nname: A tendon tear\n"
        + (f"narrower_than: {narrower_than}\n" if narrower_than else "")
        + "summary: A torn tendon at the side of the hip.\n"
        "symptoms:\n  - id: weak\n    text: A weak hip\n"
        "regions:\n  - hip_lateral\n"
        "muscle_links:\n  - muscle: gluteus_medius\n    how: Its tendon can tear.\n    evidence: association\n"
        "    evidence_detail: Seen together in small studies.\n    sources:\n      - review_one\n"
        "exercises:\n  - clam_shell\nself_care:\n  - Rest it.\nsee_clinician:\n  - If you limp.\n"
        "sources:\n  - seed_000\nreviewed_on: 2026-11-23\n"
    )


def test_on_equal_evidence_a_less_common_form_comes_after_the_broader_condition(make_knowledge: Any) -> None:
    knowledge = load_knowledge(make_knowledge(files={"conditions/a_tendon_tear.yaml": _tendon_tear("side_hip_pain")}))
    result = match(knowledge, regions=["hip_lateral"])
    assert [c.id for c in result.conditions] == ["side_hip_pain", "a_tendon_tear"]
    assert result.conditions[0].score == result.conditions[1].score


def test_equal_evidence_is_otherwise_in_name_order(make_knowledge: Any) -> None:
    knowledge = load_knowledge(make_knowledge(files={"conditions/a_tendon_tear.yaml": _tendon_tear(None)}))
    assert [c.id for c in match(knowledge, regions=["hip_lateral"]).conditions] == ["a_tendon_tear", "side_hip_pain"]


def test_a_less_common_form_with_more_evidence_still_comes_first(make_knowledge: Any) -> None:
    knowledge = load_knowledge(make_knowledge(files={"conditions/a_tendon_tear.yaml": _tendon_tear("side_hip_pain")}))
    result = match(knowledge, regions=["hip_lateral"], symptoms=["a_tendon_tear:weak"])
    assert result.conditions[0].id == "a_tendon_tear"


# Plain side-of-hip pain, in the words people use, without anything that points to a tear (weakness, a limp,
# a fall): the common cause is listed before the tear.
PLAIN_SIDE_OF_HIP_PAIN = (
    "my hip hurts on the outside",
    "sore on the outer part of my hip",
    "achy side of my hip",
    "the outside of my right hip is killing me",
    "lateral hip pain",
)


@pytest.mark.parametrize("text", PLAIN_SIDE_OF_HIP_PAIN)
def test_plain_side_of_hip_pain_lists_the_common_cause_before_a_tendon_tear(
    shipped_knowledge: KnowledgeBase, text: str
) -> None:
    ranked = [c.id for c in match(shipped_knowledge, text=text).conditions]
    assert ranked.index("trochanteric_bursitis") < ranked.index("gluteal_tendon_tear")


def test_muscles_carry_why_they_are_listed(tiny_knowledge: KnowledgeBase) -> None:
    """Each muscle says whether it comes from a condition link or from a referral pattern to a chosen place."""
    result = match(tiny_knowledge, regions=["hip_lateral"])
    assert {muscle.id: muscle.why for muscle in result.muscles} == {
        "gluteus_medius": ("Can be involved in Side hip pain: Its tendon can become painful.",),
        "gluteus_minimus": ('Can send (refer) pain to "Side of the hip" (front fibres: main area)',),
    }


def test_a_region_with_referred_pain_lists_the_muscle_and_why(tiny_knowledge: KnowledgeBase) -> None:
    """A place a muscle refers pain to lists that muscle with the referral pattern as a reason."""
    result = match(tiny_knowledge, regions=["thigh_lateral"])
    why = {m.id: m.why for m in result.muscles}
    assert 'Can send (refer) pain to "Outer thigh" (front fibres: sometimes spreads here)' in why["gluteus_minimus"]


def test_conditions_carry_their_muscle_links(tiny_knowledge: KnowledgeBase) -> None:
    """A matched condition lists the muscles linked to it, with how and the evidence level."""
    involvement = match(tiny_knowledge, regions=["knee_lateral"]).conditions[0].muscles
    assert [(m.muscle, m.evidence) for m in involvement] == [("gluteus_minimus", "seed_claim")]


def test_nothing_chosen_gives_an_empty_result(tiny_knowledge: KnowledgeBase) -> None:
    """No input gives no red flags, conditions or muscles."""
    assert match(tiny_knowledge) == MatchResult(urgent=(), conditions=(), muscles=())


def test_the_json_shape_is_stable(tiny_knowledge: KnowledgeBase) -> None:
    """`as_json` gives exactly the documented keys for urgent items, conditions and muscles."""
    data = match(tiny_knowledge, regions=["hip_lateral"], red_flags=["night_pain"]).as_json()
    assert list(data) == ["urgent", "ask", "conditions", "muscles", "notes"]
    assert [set(item) for item in data["urgent"]] == [{"id", "title", "urgency", "advice"}]
    assert [set(item) for item in data["conditions"]] == [{"id", "name", "score", "reasons"}]
    assert {frozenset(item) for item in data["muscles"]} == {frozenset({"id", "name", "why"})}


def test_results_follow_the_knowledge_they_were_given(tiny_knowledge: KnowledgeBase, shipped_knowledge: KnowledgeBase) -> None:
    """Two knowledge bases in one process never share an index: each answers from its own records."""
    assert [c.id for c in match(tiny_knowledge, text="outer knee pain when running").conditions] == ["outer_knee_pain"]
    assert "outer_knee_pain" not in [c.id for c in match(shipped_knowledge, text="outer knee pain when running").conditions]


def _shipped_taps() -> list[str]:
    knowledge, _ = check_knowledge(DEFAULT_KNOWLEDGE_DIR)
    if knowledge is None:
        return ["shipped_knowledge_is_invalid"]
    return [f"{r.id}_{side}" if r.sided else r.id for r in knowledge.regions.values() for side in ("l", "r")]


@pytest.mark.parametrize("tap", sorted(set(_shipped_taps())))
def test_every_area_of_the_body_map_answers(shipped_knowledge: KnowledgeBase, tap: str) -> None:
    """Any area alone, on either side, gives conditions, muscles that refer pain there, or a note on what does."""
    result = match(shipped_knowledge, regions=[tap])
    assert result.conditions or result.muscles or result.notes


def test_an_area_note_comes_with_the_area(shipped_knowledge: KnowledgeBase) -> None:
    """An area GluteMap links to no condition brings its note on usual causes and whom to see."""
    noted = [region for region in shipped_knowledge.regions.values() if region.not_linked is not None]
    assert noted, "the shipped knowledge has area notes"
    result = match(shipped_knowledge, regions=[noted[0].id])
    assert [note.region for note in result.notes] == [noted[0].id]


@pytest.mark.parametrize("text", ["pain going down my leg", "nerve pain in my leg", "pain radiating down the leg"])
def test_pain_running_down_the_leg_points_to_a_disc_condition(shipped_knowledge: KnowledgeBase, text: str) -> None:
    assert [c.id for c in match(shipped_knowledge, text=text).conditions][:1] == ["bulging_disc"]


def test_words_that_fill_two_parts_of_a_pattern_are_quoted_once(shipped_knowledge: KnowledgeBase) -> None:
    """"pain down my leg" is both the sciatica words and the leg: the reason quotes it once, not "… leg" again."""
    reasons = match(shipped_knowledge, text="pain down my leg").conditions[0].reasons
    assert 'Your words fit how this often shows: "pain down my leg"' in reasons


@pytest.mark.parametrize("text", ["upper back pain between my shoulder blades", "aching at the top of my back"])
def test_the_upper_back_is_not_the_low_back(shipped_knowledge: KnowledgeBase, text: str) -> None:
    """The map and the conditions stop at the lowest ribs: upper back pain is not offered low back conditions."""
    assert match(shipped_knowledge, text=text).conditions == ()


def test_the_low_back_named_beside_the_upper_back_still_counts(shipped_knowledge: KnowledgeBase) -> None:
    ranked = [c.id for c in match(shipped_knowledge, text="my upper back is fine but my lower back aches").conditions]
    assert ranked[:1] == ["low_back_pain"]


def test_the_back_of_the_heel_is_not_also_its_underside(shipped_knowledge: KnowledgeBase) -> None:
    """ "Back of my heel" names the back of the heel only, not the "heel" inside it as well."""
    ranked = [c.id for c in match(shipped_knowledge, text="the back of my heel is sore where my shoe rubs").conditions]
    assert ranked[:1] == ["achilles_tendinitis"]


def test_an_and_between_two_places_does_not_join_them_into_one(shipped_knowledge: KnowledgeBase) -> None:
    """ "Sore back and legs" is the back and the legs, not "back of my leg" with "and" skipped."""
    reasons = [r for c in match(shipped_knowledge, text="sore back and legs after standing").conditions for r in c.reasons]
    assert not any("Back of the thigh" in reason for reason in reasons)


@pytest.mark.parametrize(
    "text", ["the scan showed a small tear in the tendon at the side of my hip", "felt something rip in my hip in the gym"]
)
def test_a_torn_tendon_at_the_hip_points_to_the_tear(shipped_knowledge: KnowledgeBase, text: str) -> None:
    assert match(shipped_knowledge, text=text).conditions[0].id == "gluteal_tendon_tear"


def test_pain_that_came_back_is_not_back_pain(shipped_knowledge: KnowledgeBase) -> None:
    ranked = [c.id for c in match(shipped_knowledge, text="the heel pain in the mornings came back this week").conditions]
    assert "low_back_pain" not in ranked
