"""The one matcher: chosen regions, symptoms, red flags and free text in; explained results out.

Red flags come first and are decided by rules over concepts held in the knowledge, never by the ranking of
conditions. Conditions carry a score and the reasons they were shown; muscles carry why; an area GluteMap
links to nothing brings its `not_linked` note. Deterministic and pure: the same input and knowledge give
the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from glutemap import strings
from glutemap.knowledge.models import ConceptRule, KnowledgeBase
from glutemap.memo import IdentityCache
from glutemap.search.analysis import HYPOTHETICAL, NEGATED, OTHER, Analysis, Hit, Lexicon, analyse, build_lexicon
from glutemap.search.text import MAX_TEXT_CHARS

URGENCY_ORDER = {"emergency": 0, "urgent": 1, "prompt": 2}
MIN_SCORE = 1.5

# Points per kind of evidence a person gave; names and everyday phrases outweigh places on the body.
POINTS_NAME = 6.0
POINTS_WORDS = 3.0
POINTS_SYMPTOM = 3.0
POINTS_SYMPTOM_CHOSEN = 4.0
POINTS_SIGN = 3.0  # the first of a condition's typical concept combinations found in the text
POINTS_REGION_CHOSEN = 2.0
POINTS_SYMPTOM_REGION_CHOSEN = 1.5
POINTS_REGION_WRITTEN = 1.5
POINTS_SYMPTOM_REGION_WRITTEN = 1.0
# A concept shared with a condition's own description, split between every condition that shares it.
POINTS_CONCEPT = 1.5
MIN_SHARED_CONCEPTS = 2
MAX_CONCEPT_POINTS = 1.0  # one idea only this condition's description uses still weighs less than a name
SHORT_TEXT_WORDS = 3
COMPLAINT_KINDS = frozenset({"symptom", "course", "activity"})
# A past that is over silences a symptom ("a fever last month, long gone") but not a fact about the person.
LASTING_KINDS = frozenset({"cause", "person", "body_part", "number"})
# A warning sign only supposed ("what if ...") or someone else's beside the writer's own trouble is asked about.
SUPPOSED_CONTEXTS = frozenset({HYPOTHETICAL, OTHER})
# Kinds of concept that describe a complaint (places are counted through regions instead).
PROFILE_KINDS = frozenset({"symptom", "course", "activity", "cause", "function"})


class TextTooLong(ValueError):
    """Free text longer than the matcher reads; callers cap input at `MAX_TEXT_CHARS`."""

    def __init__(self, length: int) -> None:
        super().__init__(strings.MATCH_TEXT_TOO_LONG.format(length=length, limit=MAX_TEXT_CHARS))


@dataclass(frozen=True)
class UrgentMatch:
    id: str
    title: str
    urgency: str
    advice: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A red flag the text suggests without establishing it: shown as "Does this apply to you?"."""

    id: str
    question: str


@dataclass(frozen=True)
class AreaNote:
    """What usually causes pain in an area GluteMap links to no condition, and whom to see."""

    region: str
    label: str
    causes: str
    who_to_see: str


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
    ask: tuple[Question, ...] = ()
    notes: tuple[AreaNote, ...] = ()

    @property
    def has_red_flag(self) -> bool:
        return bool(self.urgent)

    def as_json(self) -> dict[str, list[dict[str, object]]]:
        """The stable shape documented for `glutemap search --json`."""
        return {
            "urgent": [
                {"id": u.id, "title": u.title, "urgency": u.urgency, "advice": u.advice} for u in self.urgent
            ],
            "ask": [{"id": q.id, "question": q.question} for q in self.ask],
            "conditions": [
                {"id": c.id, "name": c.name, "score": c.score, "reasons": list(c.reasons)} for c in self.conditions
            ],
            "muscles": [{"id": m.id, "name": m.name, "why": list(m.why)} for m in self.muscles],
            "notes": [
                {"region": n.region, "label": n.label, "causes": n.causes, "who_to_see": n.who_to_see} for n in self.notes
            ],
        }


@dataclass(frozen=True)
class _Index:
    lexicon: Lexicon
    # condition id -> the complaint concepts its own description uses
    profiles: dict[str, frozenset[str]]
    # concept id -> points it gives each condition that shares it
    concept_points: dict[str, float]


_INDEX_CACHE: IdentityCache[_Index] = IdentityCache()


def _build_index(knowledge: KnowledgeBase) -> _Index:
    lexicon = build_lexicon(knowledge)
    # The conditions' own texts are read with the shared vocabulary only (a text names its own condition).
    concept_lexicon = build_lexicon(knowledge, concepts_only=True)
    profiles: dict[str, frozenset[str]] = {}
    for condition in knowledge.conditions.values():
        texts = (condition.name, *condition.also_called, *condition.words,
                 *(part for symptom in condition.symptoms for part in (symptom.text, *symptom.words)))
        found: set[str] = set()
        for text in texts:
            found.update(
                hit.key
                for hit in analyse(text, concept_lexicon).of_kind("concept")
                if hit.counts and knowledge.concepts[hit.key].kind in PROFILE_KINDS
            )
        profiles[condition.id] = frozenset(found)
    shared: dict[str, int] = {}
    for concepts in profiles.values():
        for concept in concepts:
            shared[concept] = shared.get(concept, 0) + 1
    return _Index(
        lexicon, profiles, {concept: min(MAX_CONCEPT_POINTS, POINTS_CONCEPT / count) for concept, count in shared.items()}
    )


def search_index(knowledge: KnowledgeBase) -> _Index:
    """The matcher's index of one knowledge base, built once (warm-ups call this ahead of the first visitor)."""
    return _INDEX_CACHE.get(knowledge, lambda: _build_index(knowledge))


def spelled(knowledge: KnowledgeBase, text: str) -> str:
    """`text` as words with spelling corrected against the knowledge ("tendom" -> "tendon")."""
    return " ".join(word.raw for word in analyse(text, search_index(knowledge).lexicon).words)


def base_region(region_id: str) -> str:
    """`knee_lateral_l` -> `knee_lateral`: the map reports a side, the knowledge is side-free."""
    for suffix in ("_l", "_r"):
        if region_id.endswith(suffix):
            return region_id[: -len(suffix)]
    return region_id


# --- red flags -------------------------------------------------------------------------------------------
BESIDE = 3  # words: how near an `unless_beside` concept must stand to the first concept of a rule


def _nearest(hits: Sequence[Hit], anchor: Hit) -> Hit:
    return min(hits, key=lambda hit: (abs(hit.start - anchor.start), hit.start))


def _rule_holds(rule: ConceptRule, by_concept: dict[str, list[Hit]], present: set[str]) -> tuple[Hit, ...] | None:
    """The hits that satisfy `rule` (every slot filled within `rule.within` words), or None."""
    cancelling = [concept for choice in rule.unless for concept in choice.split("|")]
    if rule.unless_within is None and any(concept in present for concept in cancelling):
        return None
    slots = [
        [hit for concept in choice.split("|") for hit in by_concept.get(concept, ()) if not (rule.not_the_writers and hit.mine)]
        for choice in rule.all
    ]
    if not all(slots):
        return None
    for anchor in slots[0]:
        if rule.unless_within is not None and any(
            abs(hit.start - anchor.start) <= rule.unless_within for concept in cancelling for hit in by_concept.get(concept, ())
        ):
            continue
        if any(
            abs(hit.start - anchor.start) <= BESIDE for choice in rule.unless_beside
            for concept in choice.split("|") for hit in by_concept.get(concept, ())
        ):
            continue
        chosen = [anchor]
        for slot in slots[1:]:
            chosen.append(_nearest(slot, anchor))
        if max(hit.end for hit in chosen) - min(hit.start for hit in chosen) < rule.within:
            return tuple(chosen)
    return None


def _quoted(held: Sequence[Hit]) -> str:
    """The words that satisfied a rule, in the order written, each once: "pain down my leg", not "… leg" again
    when one phrase filled two slots."""
    shown = {  # keyed by place in the text: two slots filled by the same words show them once
        (hit.start, hit.end): hit.shown
        for hit in held
        if not any(
            other.start <= hit.start and hit.end <= other.end and other.end - other.start > hit.end - hit.start
            for other in held
        )
    }
    return " … ".join(text for _, text in sorted(shown.items()))


def _inside_a_wider_place(knowledge: KnowledgeBase, analysis: Analysis) -> set[Hit]:
    """Body-part hits inside a longer place phrase: the "back" of "back of my heel", the "legs" of "between my legs"."""
    places = [
        hit for hit in analysis.hits
        if hit.kind == "region" or (hit.kind == "concept" and knowledge.concepts[hit.key].kind == "body_part")
    ]
    return {
        hit for hit in places
        if hit.kind == "concept" and any(
            other.key != hit.key and other.start <= hit.start and hit.end <= other.end
            and other.end - other.start > hit.end - hit.start
            # "the middle of my lower back" is still the back: only another place makes "back" a part of it
            and not (other.kind == "region" and other.key in knowledge.concepts[hit.key].regions)
            for other in places
        )
    }


def _concept_hits(knowledge: KnowledgeBase, analysis: Analysis, affirmed_only: bool) -> dict[str, list[Hit]]:
    """Concept hits that count for the rules: affirmed ones; past ones only for lasting facts ("had cancer")."""
    by_concept: dict[str, list[Hit]] = {}
    inside = _inside_a_wider_place(knowledge, analysis)
    for hit in analysis.of_kind("concept"):
        if hit in inside:
            continue
        lasting = hit.context == "historical" and knowledge.concepts[hit.key].kind in LASTING_KINDS
        if hit.counts or lasting or (not affirmed_only and hit.context in SUPPOSED_CONTEXTS):
            by_concept.setdefault(hit.key, []).append(hit)
    return by_concept


def _flags(
    knowledge: KnowledgeBase, analysis: Analysis | None, chosen: Iterable[str]
) -> tuple[tuple[UrgentMatch, ...], tuple[Question, ...]]:
    chosen_set = set(chosen)
    affirmed = _concept_hits(knowledge, analysis, True) if analysis else {}
    supposed = _concept_hits(knowledge, analysis, False) if analysis else {}
    present, maybe_present = set(affirmed), set(supposed)
    phrase_hits = [hit for hit in analysis.of_kind("flag")] if analysis else []
    found, asked = [], []
    for flag in knowledge.red_flags.values():
        reasons = []
        if flag.id in chosen_set:
            reasons.append(strings.MATCH_FLAG_TICKED.format(flag=flag.everyday))
        phrase = next((hit for hit in phrase_hits if hit.key == flag.id and hit.counts), None)
        if phrase is not None:
            reasons.append(strings.MATCH_FLAG_WORDS.format(words=phrase.shown))
        else:
            for rule in flag.rules:
                held = _rule_holds(rule, affirmed, present)
                if held is not None:
                    reasons.append(strings.MATCH_FLAG_WORDS.format(words=_quoted(held)))
                    break
        if reasons:
            found.append(UrgentMatch(flag.id, flag.title, flag.urgency, flag.advice, tuple(reasons)))
            continue
        suggested = any(hit.key == flag.id and hit.context in SUPPOSED_CONTEXTS for hit in phrase_hits) or any(
            _rule_holds(rule, supposed, maybe_present) is not None for rule in flag.rules
        ) or any(_rule_holds(rule, affirmed, present) is not None for rule in flag.ask_when)
        if suggested:
            asked.append(Question(flag.id, flag.everyday))
    found.sort(key=lambda match: (URGENCY_ORDER[match.urgency], match.id))
    return tuple(found), tuple(asked)


def _is_complaint(knowledge: KnowledgeBase, analysis: Analysis) -> bool:
    """Text that describes a symptom, its course or what brings it on, or is short enough to be a place alone.

    Places and shared ideas count only then: "nobody ever texts me back" or "hip hip hooray" name a body
    part without complaining of anything.
    """
    content = sum(1 for word in analysis.words if word.is_content)
    return content <= SHORT_TEXT_WORDS or any(
        hit.counts and hit.kind == "concept" and knowledge.concepts[hit.key].kind in COMPLAINT_KINDS for hit in analysis.hits
    )


# --- places ----------------------------------------------------------------------------------------------
def _text_places(knowledge: KnowledgeBase, analysis: Analysis) -> tuple[tuple[str, ...], ...]:
    """The areas each place phrase names; a precise phrase ("outer knee", "back of my heel") wins over a broader or
    equally broad one inside it ("knee", "heel")."""
    placed: list[tuple[Hit, tuple[str, ...]]] = []
    for hit in analysis.hits:
        if not hit.counts:
            continue
        if hit.kind == "region":
            placed.append((hit, (hit.key,)))
        elif hit.kind == "concept" and knowledge.concepts[hit.key].regions:
            placed.append((hit, knowledge.concepts[hit.key].regions))
    places: list[tuple[str, ...]] = []
    for hit, hit_regions in placed:
        inside_narrower = any(
            other.start <= hit.start and hit.end <= other.end and (other.start, other.end) != (hit.start, hit.end)
            and len(other_regions) <= len(hit_regions)
            for other, other_regions in placed
        )
        if not inside_narrower:
            places.append(hit_regions)
    return tuple(dict.fromkeys(places))


def _area_notes(knowledge: KnowledgeBase, regions: Iterable[str]) -> tuple[AreaNote, ...]:
    notes = []
    for region_id in sorted(regions):
        region = knowledge.regions[region_id]
        if region.not_linked is not None:
            notes.append(AreaNote(region.id, region.label, region.not_linked.causes, region.not_linked.who_to_see))
    return tuple(notes)


# --- conditions ------------------------------------------------------------------------------------------
def _score_condition(
    knowledge: KnowledgeBase,
    index: _Index,
    condition_id: str,
    chosen_regions: set[str],
    written_places: tuple[tuple[str, ...], ...],
    chosen_symptoms: set[str],
    analysis: Analysis | None,
    complaint: bool,
    signs_by_concept: dict[str, list[Hit]],
) -> tuple[float, list[str]]:
    condition = knowledge.conditions[condition_id]
    score = 0.0
    reasons: list[str] = []
    if analysis is not None:
        affirmed = [hit for hit in analysis.hits if hit.context not in (NEGATED, OTHER)]
        name = next((hit for hit in affirmed if hit.kind == "name" and hit.key == condition_id), None)
        if name is not None:
            score += POINTS_NAME
            reasons.append(strings.MATCH_REASON_NAME.format(words=name.shown, name=condition.name))
        for shown in dict.fromkeys(hit.shown for hit in affirmed if hit.kind == "words" and hit.key == condition_id):
            score += POINTS_WORDS
            reasons.append(strings.MATCH_REASON_WORDS.format(words=shown))
        symptom_texts = {symptom.id: symptom.text for symptom in condition.symptoms}
        for key in dict.fromkeys(hit.key for hit in affirmed if hit.kind == "symptom"):
            owner, symptom_id = key.split(":", 1)
            if owner == condition_id:
                score += POINTS_SYMPTOM
                reasons.append(strings.MATCH_REASON_SYMPTOM.format(symptom=symptom_texts[symptom_id]))
        for sign in condition.signs:
            held = _rule_holds(sign, signs_by_concept, set(signs_by_concept))
            if held is not None:
                score += POINTS_SIGN
                reasons.append(strings.MATCH_REASON_SIGN.format(words=_quoted(held)))
                break
        profile = index.profiles[condition_id]
        shared = dict(
            reversed([(hit.key, hit.shown) for hit in affirmed if hit.kind == "concept" and hit.key in profile])
        )
        # One shared idea ("sick", "sore") says too little on its own; two or more, or any other evidence, count.
        if complaint and (len(shared) >= MIN_SHARED_CONCEPTS or score > 0):
            for concept_id, shown in sorted(shared.items()):
                score += index.concept_points[concept_id]
                reasons.append(strings.MATCH_REASON_CONCEPT.format(words=shown))
    for symptom in condition.symptoms:
        if f"{condition_id}:{symptom.id}" in chosen_symptoms:
            score += POINTS_SYMPTOM_CHOSEN
            reasons.append(strings.MATCH_REASON_SYMPTOM_CHOSEN.format(symptom=symptom.text))
    symptom_regions = {region for symptom in condition.symptoms for region in symptom.regions}
    for region_id in sorted(chosen_regions):
        label = knowledge.regions[region_id].label
        if region_id in condition.regions:
            score += POINTS_REGION_CHOSEN
            reasons.append(strings.MATCH_REASON_REGION_MAIN_CHOSEN.format(place=label))
        elif region_id in symptom_regions:
            score += POINTS_SYMPTOM_REGION_CHOSEN
            reasons.append(strings.MATCH_REASON_REGION_SOME_CHOSEN.format(place=label))
    # A written place counts once, at its best: "bum" names four areas but is one thing the person said; and an
    # area counts once, however many of the written places name it ("my lower back ... my back").
    credited: set[str] = set()
    for place in written_places:
        main = [region for region in place if region in condition.regions and region not in chosen_regions]
        some = [region for region in place if region in symptom_regions and region not in chosen_regions]
        if credited.intersection(main or some):
            continue
        credited.update(main or some)
        if main:
            score += POINTS_REGION_WRITTEN
            reasons.append(strings.MATCH_REASON_REGION_MAIN_WRITTEN.format(place=knowledge.regions[main[0]].label))
        elif some:
            score += POINTS_SYMPTOM_REGION_WRITTEN
            reasons.append(strings.MATCH_REASON_REGION_SOME_WRITTEN.format(place=knowledge.regions[some[0]].label))
    return score, reasons


def _muscles(
    knowledge: KnowledgeBase, conditions: Sequence[ConditionMatch], regions: Iterable[str]
) -> tuple[MuscleMatch, ...]:
    why: dict[str, list[str]] = {}
    for condition in conditions:
        for involvement in condition.muscles:
            why.setdefault(involvement.muscle, []).append(
                strings.MATCH_MUSCLE_CONDITION.format(condition=condition.name, how=involvement.how)
            )
    for region_id in regions:
        label = knowledge.regions[region_id].label
        for muscle in knowledge.muscles.values():
            for pattern in muscle.referral_patterns:
                for area in pattern.areas:
                    if area.region == region_id:
                        why.setdefault(muscle.id, []).append(
                            strings.MATCH_MUSCLE_REFERRAL.format(
                                place=label, pattern=pattern.label.lower(), spread=strings.SPREAD_LABELS[area.spread].lower()
                            )
                        )
    ordered = sorted(why.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        MuscleMatch(muscle_id, knowledge.muscles[muscle_id].name, tuple(dict.fromkeys(reasons)))
        for muscle_id, reasons in ordered
    )


def _as_said(analysis: Analysis) -> Analysis:
    """The analysis with every supposed ("if", "could it be") finding read as said."""
    hits = tuple(replace(hit, context="") if hit.context == HYPOTHETICAL else hit for hit in analysis.hits)
    return replace(analysis, hits=hits)


def _conditions(
    knowledge: KnowledgeBase,
    index: _Index,
    analysis: Analysis | None,
    chosen_regions: set[str],
    chosen_symptoms: set[str],
) -> tuple[list[ConditionMatch], set[str]]:
    """The conditions that score at least MIN_SCORE, and the areas the text names beyond the chosen ones."""
    complaint = analysis is not None and _is_complaint(knowledge, analysis)
    written_places = _text_places(knowledge, analysis) if analysis and complaint else ()
    written_regions = {region for place in written_places for region in place} - chosen_regions
    signs = _concept_hits(knowledge, analysis, True) if analysis and complaint else {}
    conditions: list[ConditionMatch] = []
    for condition in knowledge.conditions.values():
        score, reasons = _score_condition(
            knowledge, index, condition.id, chosen_regions, written_places, chosen_symptoms, analysis, complaint, signs
        )
        if score >= MIN_SCORE:
            involvement = tuple(
                MuscleInvolvement(link.muscle, knowledge.muscles[link.muscle].name, link.how, link.evidence)
                for link in condition.muscle_links
            )
            conditions.append(ConditionMatch(condition.id, condition.name, round(score, 1), tuple(reasons), involvement))
    return conditions, written_regions


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
    index = search_index(knowledge)
    analysis = analyse(text, index.lexicon) if text.strip() else None
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
    urgent, ask = _flags(knowledge, analysis, chosen_flags)
    conditions, written_regions = _conditions(knowledge, index, analysis, chosen_regions, chosen_symptoms)
    if not conditions and analysis is not None and any(hit.context == HYPOTHETICAL for hit in analysis.hits):
        # "Should I stop cycling if the outside of my knee aches?" asks about a trouble the person has: with
        # nothing else to go on, the conditions read the supposed words as said (the warning signs never do).
        conditions, written_regions = _conditions(
            knowledge, index, _as_said(analysis), chosen_regions, chosen_symptoms
        )
    # On equal evidence the more common comes first: a less common form of a condition (a tendon tear within
    # side-of-hip pain) after the broader ones, not before them because its name sorts first.
    conditions.sort(
        key=lambda match: (-match.score, knowledge.conditions[match.id].narrower_than is not None, match.name)
    )
    all_regions = sorted(chosen_regions | written_regions)
    return MatchResult(
        urgent=urgent,
        conditions=tuple(conditions),
        muscles=_muscles(knowledge, conditions, all_regions),
        regions=tuple(sorted(chosen_regions)),
        regions_from_text=tuple(sorted(written_regions)),
        unknown=tuple(unknown),
        ask=ask,
        notes=_area_notes(knowledge, all_regions),
    )
