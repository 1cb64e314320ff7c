"""The Explore view model: urgent advice first, exercises gated, explained cards and flow links."""

from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.exercises import display_name
from glutemap.screens.explore import description_examples, explore_view, safety_checklist
from glutemap.search.matcher import URGENCY_ORDER
from glutemap.search.text import MAX_TEXT_CHARS


def test_red_flag_hides_exercises_until_acknowledged(shipped_knowledge: KnowledgeBase) -> None:
    """With a red flag and no acknowledgement, no exercise appears in cards or in the flow."""
    view = explore_view(shipped_knowledge, regions=["knee_lateral_r"], red_flags=["fever_with_pain"])
    assert view.result.urgent and not view.show_exercises
    assert all(not card.exercises for card in view.cards)
    assert all(link.target_kind != "exercise" for link in view.flow)


def test_acknowledged_red_flag_shows_exercises_again(shipped_knowledge: KnowledgeBase) -> None:
    """Once the urgent advice is acknowledged, exercise ideas come back (the panel itself stays)."""
    view = explore_view(shipped_knowledge, regions=["knee_lateral_r"], red_flags=["fever_with_pain"],
                        urgent_acknowledged=True)
    assert view.result.urgent and view.show_exercises
    assert any(card.exercises for card in view.cards)


def test_cards_explain_muscle_involvement_with_evidence(shipped_knowledge: KnowledgeBase) -> None:
    """Each card says how each muscle is involved and how strong the evidence is."""
    view = explore_view(shipped_knowledge, text="outer knee pain when running")
    card = view.cards[0]
    assert card.reasons
    assert all(item.how and item.evidence_label for item in card.involvement)


def test_flow_runs_from_region_to_condition_to_muscle(shipped_knowledge: KnowledgeBase) -> None:
    """The flow holds region -> condition and condition -> muscle links for a chosen region."""
    view = explore_view(shipped_knowledge, regions=["knee_lateral_l"])
    kinds = {(link.source_kind, link.target_kind) for link in view.flow}
    assert {("region", "condition"), ("condition", "muscle")} <= kinds


def test_overlong_text_is_read_up_to_the_limit(shipped_knowledge: KnowledgeBase) -> None:
    """Text beyond the limit is flagged and its first part still matched, red flags included."""
    view = explore_view(shipped_knowledge, text="fever " + "x" * MAX_TEXT_CHARS)
    assert view.text_too_long
    assert view.result.urgent


def test_no_input_has_nothing_to_show(shipped_knowledge: KnowledgeBase) -> None:
    """An empty visit shows no results and no flow."""
    view = explore_view(shipped_knowledge)
    assert not view.has_input and not view.flow


def test_safety_checklist_holds_every_warning_sign_most_urgent_first(shipped_knowledge: KnowledgeBase) -> None:
    """Every red flag is on the checklist once, emergencies before urgent signs before prompt ones."""
    checklist = safety_checklist(shipped_knowledge)
    assert sorted(flag.id for flag in checklist) == sorted(shipped_knowledge.red_flags)
    ranks = [URGENCY_ORDER[flag.urgency] for flag in checklist]
    assert ranks == sorted(ranks)
    assert checklist[0].urgency == "emergency"


def test_suggested_descriptions_run_from_the_top_of_the_body_down(shipped_knowledge: KnowledgeBase) -> None:
    """The back's suggestion comes before the hip's, the knee's before the heel's."""
    order = list(description_examples(shipped_knowledge))
    assert order.index("low_back_pain") < order.index("trochanteric_bursitis") < order.index("it_band_syndrome")
    assert order.index("it_band_syndrome") < order.index("plantar_fasciitis")


def test_exercise_links_mark_an_exercise_that_is_not_for_the_glutes(shipped_knowledge: KnowledgeBase) -> None:
    """A card's exercise that works other muscles says so in its name, as every list of exercises does."""
    view = explore_view(shipped_knowledge, regions=["achilles_r"])
    links = {link.id: link.name for card in view.cards for link in card.exercises}
    calf_raise = shipped_knowledge.exercises["calf_raise"]
    assert not calf_raise.glute_exercise
    assert links["calf_raise"] == display_name(calf_raise) != calf_raise.name


def test_places_read_from_words_are_named(shipped_knowledge: KnowledgeBase) -> None:
    """The places found in the visitor's words come back by their everyday names, for "We understood: ..."."""
    view = explore_view(shipped_knowledge, text="pain on the outside of my knee")
    assert view.understood_places == tuple(shipped_knowledge.regions[r].label for r in view.result.regions_from_text)
    assert view.understood_places


def test_pain_maps_are_offered_for_the_two_focus_muscles(shipped_knowledge: KnowledgeBase) -> None:
    """The muscles section offers the pain maps of gluteus medius and minimus, by name."""
    view = explore_view(shipped_knowledge, regions=["hip_lateral_r"])
    assert [(muscle.id, muscle.name) for muscle in view.referral_muscles] == [
        (muscle_id, shipped_knowledge.muscles[muscle_id].name) for muscle_id in ("gluteus_medius", "gluteus_minimus")
    ]


def test_a_card_carries_where_it_is_felt_and_a_text_for_its_picture(shipped_knowledge: KnowledgeBase) -> None:
    """The card's picture shades the condition's areas; its text equivalent names the condition and each area."""
    view = explore_view(shipped_knowledge, text="outer knee pain when running")
    for card in view.cards:
        condition = shipped_knowledge.conditions[card.id]
        assert card.regions == condition.regions
        assert condition.name in card.picture_alt
        assert all(shipped_knowledge.regions[region].label in card.picture_alt for region in condition.regions)


def test_a_card_carries_its_pain_rule_only_with_its_exercises(shipped_knowledge: KnowledgeBase) -> None:
    shown = explore_view(shipped_knowledge, regions=["hip_lateral_r"])
    assert all(card.pain_rules for card in shown.cards if card.exercises)
    hidden = explore_view(shipped_knowledge, regions=["hip_lateral_r"], red_flags=["fever_with_pain"])
    assert all(not card.pain_rules for card in hidden.cards)
