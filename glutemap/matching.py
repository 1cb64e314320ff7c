"""The one matcher: chosen regions, symptoms, red flags and free text in; explained results out.

Red flags always come first. Conditions carry a score and the reasons they were shown; muscles carry why.
Deterministic and pure: the same input and knowledge give the same result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from glutemap.models import SPREAD_LABELS, KnowledgeBase
from glutemap.text import MAX_TEXT_CHARS, find_phrase, tokens

URGENCY_ORDER = {"emergency": 0, "urgent": 1, "prompt": 2}
MIN_SCORE = 1.5

# Points per kind of evidence a person gave; names and everyday phrases outweigh places on the body.
POINTS_NAME = 6.0
POINTS_WORDS = 3.0
POINTS_SYMPTOM = 3.0
POINTS_REGION_CHOSEN = 2.0
POINTS_REGION_WRITTEN = 1.5
POINTS_SYMPTOM_REGION = 1.0
POINTS_SYMPTOM_CHOSEN = 4.0


class TextTooLong(ValueError):
    """Free text longer than the matcher reads; callers cap input at `MAX_TEXT_CHARS`."""

    def __init__(self, length: int) -> None:
        super().__init__(f"the description is {length:,} characters long; the limit is {MAX_TEXT_CHARS:,}")


@dataclass(frozen=True)
class UrgentMatch:
    id: str
    title: str
    urgency: str
    advice: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MuscleInvolvement:
    muscle: str
    name: str
    how: str
    evidence: str


@dataclass(frozen=True)
class ConditionMatch:
    id: str
    name: str
    score: float
    reasons: tuple[str, ...]
    muscles: tuple[MuscleInvolvement, ...]


@dataclass(frozen=True)
class MuscleMatch:
    id: str
    name: str
    why: tuple[str, ...]


@dataclass(frozen=True)
class MatchResult:
    urgent: tuple[UrgentMatch, ...]
    conditions: tuple[ConditionMatch, ...]
    muscles: tuple[MuscleMatch, ...]
    regions: tuple[str, ...] = ()
    regions_from_text: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def has_red_flag(self) -> bool:
        return bool(self.urgent)

    def as_json(self) -> dict[str, list[dict[str, object]]]:
        """The stable shape documented for `glutemap search --json`."""
        return {
            "urgent": [
                {"id": u.id, "title": u.title, "urgency": u.urgency, "advice": u.advice} for u in self.urgent
            ],
            "conditions": [
                {"id": c.id, "name": c.name, "score": c.score, "reasons": list(c.reasons)} for c in self.conditions
            ],
            "muscles": [{"id": m.id, "name": m.name, "why": list(m.why)} for m in self.muscles],
        }


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    shown: str


@dataclass
class _Index:
    """Pre-tokenised phrases of one knowledge base."""

    names: dict[str, list[_Phrase]] = field(default_factory=dict)
    words: dict[str, list[_Phrase]] = field(default_factory=dict)
    symptoms: dict[str, list[tuple[str, _Phrase]]] = field(default_factory=dict)
    regions: dict[str, list[_Phrase]] = field(default_factory=dict)
    red_flags: dict[str, list[_Phrase]] = field(default_factory=dict)


def _phrases(texts: Iterable[str]) -> list[_Phrase]:
    found = []
    for text in texts:
        words = tokens(text)
        if words:
            found.append(_Phrase(words, text))
    return found


_INDEX_CACHE: dict[int, tuple[KnowledgeBase, _Index]] = {}


def _index(knowledge: KnowledgeBase) -> _Index:
    cached = _INDEX_CACHE.get(id(knowledge))
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    index = _Index()
    for condition in knowledge.conditions.values():
        index.names[condition.id] = _phrases((condition.name, *condition.also_called))
        index.words[condition.id] = _phrases(condition.words)
        index.symptoms[condition.id] = [
            (symptom.text, phrase) for symptom in condition.symptoms for phrase in _phrases(symptom.words)
        ]
    for region in knowledge.regions.values():
        index.regions[region.id] = _phrases((region.label, *region.words))
    for flag in knowledge.red_flags.values():
        # The checklist wording too, so typing what the tick box says is never missed.
        index.red_flags[flag.id] = _phrases((*flag.words, flag.everyday))
    if len(_INDEX_CACHE) > 8:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(knowledge)] = (knowledge, index)
    return index


def base_region(region_id: str) -> str:
    """`knee_lateral_l` -> `knee_lateral`: the map reports a side, the knowledge is side-free."""
    for suffix in ("_l", "_r"):
        if region_id.endswith(suffix):
            return region_id[: -len(suffix)]
    return region_id


def _first_hit(phrases: list[_Phrase], text: tuple[str, ...]) -> _Phrase | None:
    return next((phrase for phrase in phrases if find_phrase(phrase.words, text) is not None), None)


def _urgent(
    knowledge: KnowledgeBase, index: _Index, chosen: Iterable[str], text: tuple[str, ...]
) -> tuple[UrgentMatch, ...]:
    chosen_set = set(chosen)
    found = []
    for flag in knowledge.red_flags.values():
        reasons = []
        if flag.id in chosen_set:
            reasons.append(f"You ticked: {flag.everyday}")
        hit = _first_hit(index.red_flags[flag.id], text) if text else None
        if hit is not None:
            reasons.append(f'You wrote words like "{hit.shown}"')
        if reasons:
            found.append(UrgentMatch(flag.id, flag.title, flag.urgency, flag.advice, tuple(reasons)))
    found.sort(key=lambda match: (URGENCY_ORDER[match.urgency], match.id))
    return tuple(found)


def _text_regions(index: _Index, text: tuple[str, ...]) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(sorted(rid for rid, phrases in index.regions.items() if _first_hit(phrases, text) is not None))


def _score_condition(
    knowledge: KnowledgeBase,
    index: _Index,
    condition_id: str,
    chosen_regions: set[str],
    written_regions: set[str],
    chosen_symptoms: set[str],
    text: tuple[str, ...],
) -> tuple[float, list[str]]:
    condition = knowledge.conditions[condition_id]
    score = 0.0
    reasons: list[str] = []
    if text:
        name = _first_hit(index.names[condition_id], text)
        if name is not None:
            score += POINTS_NAME
            reasons.append(f'You wrote "{name.shown}", a name for {condition.name}')
        for phrase in index.words[condition_id]:
            if find_phrase(phrase.words, text) is not None:
                score += POINTS_WORDS
                reasons.append(f'Your words match "{phrase.shown}"')
        seen_symptoms: set[str] = set()
        for symptom_text, phrase in index.symptoms[condition_id]:
            if symptom_text not in seen_symptoms and find_phrase(phrase.words, text) is not None:
                seen_symptoms.add(symptom_text)
                score += POINTS_SYMPTOM
                reasons.append(f'Your words fit the symptom "{symptom_text}"')
    for symptom in condition.symptoms:
        if f"{condition_id}:{symptom.id}" in chosen_symptoms:
            score += POINTS_SYMPTOM_CHOSEN
            reasons.append(f'You chose the symptom "{symptom.text}"')
    symptom_regions = {region for symptom in condition.symptoms for region in symptom.regions}
    for region_id in sorted(chosen_regions | written_regions):
        label = knowledge.regions[region_id].label
        how = "You chose" if region_id in chosen_regions else "You mentioned"
        if region_id in condition.regions:
            score += POINTS_REGION_CHOSEN if region_id in chosen_regions else POINTS_REGION_WRITTEN
            reasons.append(f'{how} "{label}", a main place this is felt')
        elif region_id in symptom_regions:
            score += POINTS_SYMPTOM_REGION
            reasons.append(f'{how} "{label}", where this is sometimes felt')
    return score, reasons


def _muscles(
    knowledge: KnowledgeBase, conditions: list[ConditionMatch], regions: Iterable[str]
) -> tuple[MuscleMatch, ...]:
    why: dict[str, list[str]] = {}
    for condition in conditions:
        for involvement in condition.muscles:
            why.setdefault(involvement.muscle, []).append(f"Can be involved in {condition.name}: {involvement.how}")
    for region_id in regions:
        label = knowledge.regions[region_id].label
        for muscle in knowledge.muscles.values():
            for pattern in muscle.referral_patterns:
                for area in pattern.areas:
                    if area.region == region_id:
                        spread = SPREAD_LABELS[area.spread].lower()
                        why.setdefault(muscle.id, []).append(
                            f'Can send (refer) pain to "{label}" ({pattern.label.lower()}: {spread})'
                        )
    ordered = sorted(why.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        MuscleMatch(muscle_id, knowledge.muscles[muscle_id].name, tuple(dict.fromkeys(reasons)))
        for muscle_id, reasons in ordered
    )


def match(
    knowledge: KnowledgeBase,
    regions: Iterable[str] = (),
    symptoms: Iterable[str] = (),
    red_flags: Iterable[str] = (),
    text: str = "",
) -> MatchResult:
    """Red flags first, then ranked conditions with reasons, then the muscles involved and why."""
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(len(text))
    index = _index(knowledge)
    words = tokens(text) if text else ()
    unknown: list[str] = []
    chosen_regions: set[str] = set()
    for region_id in regions:
        base = base_region(region_id)
        if base in knowledge.regions:
            chosen_regions.add(base)
        else:
            unknown.append(region_id)
    chosen_flags = []
    for flag in red_flags:
        if flag in knowledge.red_flags:
            chosen_flags.append(flag)
        else:
            unknown.append(flag)
    chosen_symptoms = set(symptoms)
    written_regions = set(_text_regions(index, words)) - chosen_regions

    urgent = _urgent(knowledge, index, chosen_flags, words)
    conditions: list[ConditionMatch] = []
    for condition in knowledge.conditions.values():
        score, reasons = _score_condition(
            knowledge, index, condition.id, chosen_regions, written_regions, chosen_symptoms, words
        )
        if score >= MIN_SCORE:
            involvement = tuple(
                MuscleInvolvement(link.muscle, knowledge.muscles[link.muscle].name, link.how, link.evidence)
                for link in condition.muscle_links
            )
            conditions.append(ConditionMatch(condition.id, condition.name, round(score, 1), tuple(reasons), involvement))
    conditions.sort(key=lambda match: (-match.score, match.name))
    all_regions = sorted(chosen_regions | written_regions)
    return MatchResult(
        urgent=urgent,
        conditions=tuple(conditions),
        muscles=_muscles(knowledge, conditions, all_regions),
        regions=tuple(sorted(chosen_regions)),
        regions_from_text=tuple(sorted(written_regions)),
        unknown=tuple(unknown),
    )
