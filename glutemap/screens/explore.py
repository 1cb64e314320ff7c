"""What the Explore screen shows for a visitor's choices: urgent advice first, then explained results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glutemap import language, strings
from glutemap.knowledge.models import KnowledgeBase, RedFlag
from glutemap.screens.common import FOCUS_MUSCLES, MuscleInvolvementView, RecordLink, muscle_involvements
from glutemap.screens.exercises import display_name, pain_rules
from glutemap.search.matcher import URGENCY_ORDER, MatchResult, TextTooLong, match
from glutemap.search.text import MAX_TEXT_CHARS


def safety_checklist(knowledge: KnowledgeBase) -> tuple[RedFlag, ...]:
    """The warning signs in the order a visitor should read them: the most urgent first, then as filed."""
    flags = list(knowledge.red_flags.values())
    return tuple(sorted(flags, key=lambda flag: URGENCY_ORDER[flag.urgency]))


def description_examples(knowledge: KnowledgeBase) -> dict[str, str]:
    """Descriptions to tap instead of typing (no keyboard on a kiosk, a small one on a phone), by condition id,
    from the top of the body down (in the order of each condition's first area in the regions file)."""
    place = {region_id: index for index, region_id in enumerate(knowledge.regions)}
    offered = [condition for condition in knowledge.conditions.values() if condition.example]
    offered.sort(key=lambda condition: place[condition.regions[0]])
    return {condition.id: condition.example for condition in offered if condition.example}


@dataclass(frozen=True)
class ExerciseLink:
    id: str
    name: str


@dataclass(frozen=True)
class ConditionCard:
    """One result: what it is, why it was shown, the muscles, exercises (with the pain rule), and where it is felt
    (`regions`, drawn as the card's picture, whose text equivalent is `picture_alt`)."""

    id: str
    name: str
    summary: str
    score: float
    reasons: tuple[str, ...]
    involvement: tuple[MuscleInvolvementView, ...]
    exercises: tuple[ExerciseLink, ...]
    regions: tuple[str, ...] = ()
    picture_alt: str = ""
    pain_rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlowLink:
    """One step of the chain region -> condition -> muscle -> exercise, for the flow figure and its table."""

    source_kind: str
    source: str
    target_kind: str
    target: str


@dataclass(frozen=True)
class ExploreView:
    result: MatchResult
    cards: tuple[ConditionCard, ...]
    show_exercises: bool
    flow: tuple[FlowLink, ...]
    text_too_long: bool = False
    text_given: bool = False
    # The places read from the visitor's words, by name, and the muscles whose pain maps are offered.
    understood_places: tuple[str, ...] = ()
    referral_muscles: tuple[RecordLink, ...] = ()

    @property
    def has_input(self) -> bool:
        """True once the visitor chose, ticked or typed anything."""
        return bool(self.text_given or self.result.regions or self.cards or self.result.urgent or self.result.ask)


def _cards(knowledge: KnowledgeBase, result: MatchResult, show_exercises: bool) -> tuple[ConditionCard, ...]:
    cards = []
    for found in result.conditions:
        condition = knowledge.conditions[found.id]
        involvement = muscle_involvements(knowledge, condition.muscle_links)
        exercises = (
            tuple(ExerciseLink(eid, display_name(knowledge.exercises[eid])) for eid in condition.exercises)
            if show_exercises
            else ()
        )
        areas = [knowledge.regions[region].label for region in condition.regions if region in knowledge.regions]
        cards.append(
            ConditionCard(
                found.id, condition.name, condition.summary, found.score, found.reasons, involvement, exercises,
                regions=condition.regions,
                picture_alt=strings.EXPLORE_CARD_PICTURE.format(name=condition.name, areas=language.current().join(areas)),
                pain_rules=tuple(
                    f"{strings.PAIN_RULE_HEADING}: {rule.text}" for rule in pain_rules(knowledge, [found.id])
                ) if show_exercises else (),
            )
        )
    return tuple(cards)


def flow_links(knowledge: KnowledgeBase, result: MatchResult, show_exercises: bool) -> tuple[FlowLink, ...]:
    """The region -> condition -> muscle -> exercise chain behind the results (exercises only if allowed)."""
    links: list[FlowLink] = []
    regions = [*result.regions, *result.regions_from_text]
    for found in result.conditions:
        condition = knowledge.conditions[found.id]
        for region_id in regions:
            symptom_regions = {r for symptom in condition.symptoms for r in symptom.regions}
            if region_id in condition.regions or region_id in symptom_regions:
                links.append(FlowLink("region", knowledge.regions[region_id].label, "condition", condition.name))
        for link in condition.muscle_links:
            links.append(FlowLink("condition", condition.name, "muscle", knowledge.muscles[link.muscle].name))
    if show_exercises:
        shown_muscles = {link.target for link in links if link.target_kind == "muscle"}
        for found in result.conditions:
            for exercise_id in knowledge.conditions[found.id].exercises:
                exercise = knowledge.exercises[exercise_id]
                for worked in exercise.muscles:
                    name = knowledge.muscles[worked.muscle].name
                    if name in shown_muscles and worked.role == "primary":
                        links.append(FlowLink("muscle", name, "exercise", exercise.name))
    return tuple(dict.fromkeys(links))


def explore_view(
    knowledge: KnowledgeBase,
    regions: Iterable[str] = (),
    red_flags: Iterable[str] = (),
    text: str = "",
    urgent_acknowledged: bool = False,
) -> ExploreView:
    """Match the visitor's choices; exercises stay hidden while a red flag is unacknowledged."""
    too_long = False
    try:
        result = match(knowledge, regions=regions, red_flags=red_flags, text=text)
    except TextTooLong:
        # The text box caps input; a longer text (e.g. pasted by script) is read up to the limit.
        too_long = True
        result = match(knowledge, regions=regions, red_flags=red_flags, text=text[:MAX_TEXT_CHARS])
    show_exercises = not result.urgent or urgent_acknowledged
    return ExploreView(
        result=result,
        cards=_cards(knowledge, result, show_exercises),
        show_exercises=show_exercises,
        flow=flow_links(knowledge, result, show_exercises),
        text_too_long=too_long,
        text_given=bool(text.strip()),
        understood_places=tuple(knowledge.regions[region].label for region in result.regions_from_text),
        referral_muscles=tuple(
            RecordLink(muscle, knowledge.muscles[muscle].name) for muscle in FOCUS_MUSCLES if muscle in knowledge.muscles
        ),
    )


def answer_token(view: ExploreView, regions: Iterable[str], red_flags: Iterable[str], text: str) -> str:
    """What the answer depends on, as one string ("" before any choice); when it changes, the answer is shown.

    The urgent flags come first, so a new warning sign always changes it, even when typed in words.
    """
    if not view.has_input:
        return ""
    urgent = ",".join(sorted(match.id for match in view.result.urgent))
    return "|".join((urgent, ",".join(sorted(regions)), ",".join(sorted(red_flags)), text.strip()))
