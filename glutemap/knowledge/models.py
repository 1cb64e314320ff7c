"""The knowledge base schema: strict, frozen pydantic models for every record kind."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic.fields import FieldInfo

from glutemap.knowledge.citation import UNOFFICIAL_HOST_REASON, unofficial_host


@dataclass(frozen=True)
class Shown:
    """Marks text a visitor reads: the language layer (glutemap/language.py) puts it in the visitor's language.

    Everything else stays as written: ids, the search vocabulary people type (`Phrase`) and the parts of
    a publication's citation (`CitationText`), which must match the publication.
    """


def _annotation_shows(annotation: Any) -> bool:
    metadata = getattr(annotation, "__metadata__", ())
    return any(isinstance(mark, Shown) for mark in metadata) or any(_annotation_shows(arg) for arg in get_args(annotation))


def holds_shown_text(field: FieldInfo) -> bool:
    """True for a field whose text a visitor reads: `Text` or `ShortText`, alone or inside tuples, dicts or `| None`."""
    return any(isinstance(mark, Shown) for mark in field.metadata) or _annotation_shows(field.annotation)


# The words for whom to see, which each clinic chooses ("doctor" or "GP", "physical therapist" or
# "physiotherapist"): knowledge text names them as placeholders, filled in by the language layer. A
# capital first letter ("{Doctor}") starts the word with a capital.
CARE_WORD_PLACEHOLDERS = ("doctor", "doctors", "therapist", "therapists", "therapy")
_BRACED_WORD = re.compile(r"\{([A-Za-z_]+)\}")


def _known_placeholders(text: str) -> str:
    unknown = [name for name in _BRACED_WORD.findall(text) if name[0].lower() + name[1:] not in CARE_WORD_PLACEHOLDERS]
    if unknown:
        raise ValueError(
            f"{{{unknown[0]}}} is not a care-word placeholder; use "
            + ", ".join(f"{{{name}}}" for name in CARE_WORD_PLACEHOLDERS)
            + " (or a capital first letter)"
        )
    return text


Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000), Shown(), AfterValidator(_known_placeholders)
]


@dataclass(frozen=True)
class RefersTo:
    """Marks a field as naming records of another kind, e.g. `RefersTo("sources")`.

    The one declaration of which field points at what: the loader checks every such id resolves, the
    Sources page lists who cites each source, and the field reference documents it, all from this mark.
    `separator` splits one value into several ids ("numbness|tingling").
    """

    kind: str
    separator: str | None = None


SourceId = Annotated[Id, RefersTo("sources")]
RegionId = Annotated[Id, RefersTo("regions")]
MuscleId = Annotated[Id, RefersTo("muscles")]
ExerciseId = Annotated[Id, RefersTo("exercises")]
ConditionId = Annotated[Id, RefersTo("conditions")]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), Shown(), AfterValidator(_known_placeholders)
]
# Words people type, matched in what they write; never shown as prose, so never translated.
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# Parts of a publication's citation (title, authors, journal...), kept exactly as published.
CitationText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
CitationShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

View = Literal["front", "back", "side"]
Spread = Literal["primary", "occasional", "rare"]
Evidence = Literal["seed_claim", "association", "limited_mixed", "prospective", "trial"]
Urgency = Literal["emergency", "urgent", "prompt"]
Category = Literal["activation", "flexibility", "isometric", "dynamic"]
RedFlagGroup = Literal[
    "cauda_equina", "cancer", "infection", "fracture", "neurological", "hip", "vascular", "inflammatory", "child", "tendon"
]
SourceKind = Literal["seed", "primary", "review", "guideline", "registry", "reference", "secondary", "code_list"]
MuscleRole = Literal["primary", "secondary"]
# How much pain an exercise may cause for a condition: tendon problems follow a pain-monitoring rule
# (some pain is acceptable if it settles within a day); everything else stops at pain.
PainRule = Literal["settles_in_24h", "stop_if_pain"]


class Record(BaseModel):
    """Base for every knowledge record: strict, unknown keys rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


Doi = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^10\.\d{4,9}/\S+$", max_length=200)]
Pmid = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,8}$")]
CitationPart = Literal["authors", "year", "journal"]
# Kinds cited like a journal article need authors, year and journal; a guideline needs its body (as authors)
# and year, because a clinician must be able to tell which version is meant.
CITATION_NEEDS: dict[str, tuple[str, ...]] = {
    "primary": ("authors", "year", "journal"),
    "review": ("authors", "year", "journal"),
    "guideline": ("authors", "year"),
    # A trial's registration is cited by its registry, number and date of registration, as the ICMJE asks, not
    # by authors.
    "registry": ("year", "journal"),
}


class Source(Record):
    """A publication or page that knowledge records cite, with the parts of a canonical citation."""

    id: Id
    title: CitationText
    kind: SourceKind
    authors: CitationShortText | None = Field(default=None, description='"Mellor R, Bennell K, Grimaldi A, et al." or the body')
    year: int | None = Field(default=None, ge=1800, le=2100)
    journal: CitationShortText | None = Field(default=None, description="journal, or publisher, organisation or website")
    volume: CitationShortText | None = None
    issue: CitationShortText | None = None
    pages: CitationShortText | None = Field(default=None, description='"346-352" or an article number such as "k1662"')
    doi: Doi | None = Field(default=None, description="10.NNNN/..., without https://doi.org/")
    pmid: Pmid | None = Field(default=None, description="PubMed id, digits only")
    url: CitationShortText | None = Field(default=None, description="the official address, never a file-sharing copy")
    note: CitationText | None = None
    unconfirmed: tuple[CitationPart, ...] = Field(
        default=(), description="needed citation parts that could not be confirmed, left out rather than guessed"
    )

    @field_validator("url")
    @classmethod
    def _official_url(cls, url: str | None) -> str | None:
        host = None if url is None else unofficial_host(url)
        if host is not None:
            raise ValueError(f"the host '{host}' is a {UNOFFICIAL_HOST_REASON}")
        return url

    @model_validator(mode="after")
    def _citable(self) -> Source:
        needs = CITATION_NEEDS.get(self.kind, ())
        missing = [name for name in needs if getattr(self, name) is None and name not in self.unconfirmed]
        if missing:
            raise ValueError(
                f"a {self.kind} source needs {', '.join(needs)} (missing: {', '.join(missing)}); "
                "if a part cannot be confirmed, leave it out and name it in unconfirmed"
            )
        body = self.authors if self.kind == "guideline" else None  # a guideline's body publishes it
        if self.kind != "seed" and not any((self.journal, body, self.url, self.doi, self.pmid)):
            # A copy whose publication nobody identified ("a teaching document, author and publisher unknown")
            # is not a source a clinician can check.
            raise ValueError(
                "a source must say where it was published: a journal, publisher, body or site (journal), "
                "or an official url, DOI or PubMed id"
            )
        stale = [name for name in self.unconfirmed if getattr(self, name) is not None]
        if stale:
            raise ValueError(f"unconfirmed names parts that are given: {', '.join(stale)}")
        return self


class RegionNote(Record):
    """For an area GluteMap links to no condition: what usually causes pain there and whom to see."""

    causes: Text
    who_to_see: Text
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


class Region(Record):
    """A body-map region (side-free base id); the map adds `_l` / `_r` for the person's own side."""

    id: Id
    label: ShortText
    where: Text
    view: View
    also_views: tuple[View, ...] = ()
    sided: bool = True
    choir_ids: tuple[Phrase, ...] = ()
    words: tuple[Phrase, ...] = Field(default=(), description="everyday phrases that name this region")
    not_linked: RegionNote | None = Field(default=None, description="where no condition here is linked to the two muscles")
    sources: tuple[SourceId, ...] = Field(min_length=1, description="what the region's name and landmarks follow")
    reviewed_on: dt.date


class ReferralArea(Record):
    region: RegionId
    spread: Spread


class ReferralPattern(Record):
    id: Id
    label: ShortText
    areas: tuple[ReferralArea, ...] = Field(min_length=1)
    note: Text | None = None
    trigger_point: RegionId | None = Field(
        default=None,
        description="the region over the part of the muscle where this pattern's trigger points lie (drawn as an X); "
        "leave it out unless the muscle's sources place them",
    )


class FibreAction(Record):
    fibres: ShortText
    actions: tuple[Text, ...] = Field(min_length=1)


class Muscle(Record):
    id: Id
    name: ShortText
    latin_name: ShortText | None = None
    summary: Text
    origin: Text
    insertion: Text
    nerve: ShortText
    nerve_roots: tuple[Annotated[str, StringConstraints(pattern=r"^[LS][1-5]$")], ...] = Field(min_length=1)
    blood_supply: Text
    actions: tuple[FibreAction, ...] = Field(min_length=1)
    layer: int = Field(ge=1, le=4, description="1 = most superficial gluteal layer")
    covered_by: tuple[MuscleId, ...] = ()
    notes: tuple[Text, ...] = ()
    referral_patterns: tuple[ReferralPattern, ...] = ()
    referral_caveat: Text | None = None
    aggravators: tuple[Text, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


# "numbness|tingling": any one of the named concepts fills the slot.
ConceptChoice = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\|[a-z][a-z0-9_]*)*$", max_length=200), RefersTo("concepts", "|")
]


class ConceptRule(Record):
    """Concepts that must all be found (in any order, not negated) within `within` words of each other."""

    all: tuple[ConceptChoice, ...] = Field(min_length=1)
    unless: tuple[ConceptChoice, ...] = Field(default=(), description="concepts anywhere in the text that cancel the rule")
    unless_within: int | None = Field(
        default=None,
        ge=1,
        le=400,
        description="when set, `unless` cancels only within this many words of the first concept found: an old"
        " accident does not cancel a new one told in the next sentence",
    )
    within: int = Field(default=8, ge=1, le=400, description="the longest stretch of words the concepts may span")
    unless_beside: tuple[ConceptChoice, ...] = Field(
        default=(),
        description="concepts that cancel only right beside (3 words of) the first concept found: the 'hot' of 'my"
        " flat is so hot' is the room's",
    )
    not_the_writers: bool = Field(
        default=False,
        description="a place the writer calls their own ('my knees') fills no slot: in 'squats with the baby in"
        " the carrier, my knees hurt' the knees are not the child's",
    )


class Symptom(Record):
    id: Id
    text: ShortText
    regions: tuple[RegionId, ...] = ()
    words: tuple[Phrase, ...] = ()


class MuscleLink(Record):
    muscle: MuscleId
    how: Text
    evidence: Evidence
    evidence_detail: Text
    sources: tuple[SourceId, ...] = Field(min_length=1)


class IcdCode(Record):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    title: ShortText
    valid: ShortText | None = None
    note: Text | None = None


class Condition(Record):
    id: Id
    name: ShortText
    also_called: tuple[ShortText, ...] = ()
    words: tuple[Phrase, ...] = Field(default=(), description="extra everyday words that point here")
    example: ShortText | None = Field(
        default=None,
        description="a short description in a patient's own words, offered on Explore to tap instead of typing;"
        " it must find this condition first",
    )
    signs: tuple[ConceptRule, ...] = Field(default=(), description="concept combinations typical of this condition")
    narrower_than: ConditionId | None = Field(
        default=None,
        description="the broader, more common condition this is a less common form of (a tendon tear within"
        " side-of-hip pain): when the person's words fit both equally, the broader one is listed first",
    )
    summary: Text
    symptoms: tuple[Symptom, ...] = Field(min_length=1)
    regions: tuple[RegionId, ...] = Field(min_length=1)
    muscle_links: tuple[MuscleLink, ...] = Field(min_length=1)
    exercises: tuple[ExerciseId, ...] = Field(min_length=1)
    pain_rule: PainRule = Field(default="stop_if_pain", description="how much pain its exercises may cause")
    self_care: tuple[Text, ...] = Field(min_length=1)
    see_clinician: tuple[Text, ...] = Field(min_length=1)
    questions_to_ask: tuple[Text, ...] = ()
    return_to_activity: Text | None = Field(
        default=None, description="when and how people usually go back to walking, running and sport"
    )
    icd10cm: tuple[IcdCode, ...] = ()
    clinician_notes: tuple[Text, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date

    @model_validator(mode="after")
    def _not_narrower_than_itself(self) -> Condition:
        if self.narrower_than == self.id:
            raise ValueError("narrower_than names the condition itself; name the broader condition it is a form of")
        return self


class Dosage(Record):
    """Dosage exactly as the seed gives it; numbers the seed does not give come from `numbers_from`."""

    text: ShortText
    reps: int | None = Field(default=None, ge=1, le=100)
    rounds: int | None = Field(default=None, ge=1, le=20)
    per_side: bool
    each_direction: bool = Field(default=False, description="repetitions count once clockwise and once the other way")
    build_up_to_reps: int | None = Field(default=None, ge=1, le=100)
    hold_seconds_min: int | None = Field(default=None, ge=1, le=600)
    hold_seconds_max: int | None = Field(default=None, ge=1, le=600)
    frequency: ShortText | None = None
    sets: int | None = Field(default=None, ge=1, le=10)
    rest_seconds: int | None = Field(default=None, ge=0, le=600)
    days_per_week: int | None = Field(default=None, ge=1, le=7)
    numbers_from: SourceId | None = Field(default=None, description="the source of numbers the seed articles do not give")

    @model_validator(mode="after")
    def _holds_in_order(self) -> Dosage:
        if (
            self.hold_seconds_min is not None
            and self.hold_seconds_max is not None
            and self.hold_seconds_min > self.hold_seconds_max
        ):
            raise ValueError("hold_seconds_min must not be larger than hold_seconds_max")
        return self


class Equipment(Record):
    item: ShortText
    optional: bool


class ExerciseMuscle(Record):
    muscle: MuscleId
    role: MuscleRole


class Joint(Record):
    """A joint position of an exercise picture in a 100 x 100 box (y grows downward)."""

    x: float = Field(ge=0, le=100)
    y: float = Field(ge=0, le=100)


class Pose(Record):
    """Joint positions for an exercise picture; names are fixed so every picture draws the same way."""

    head: Joint
    neck: Joint
    hip: Joint
    knee: Joint
    ankle: Joint
    toe: Joint
    other_knee: Joint
    other_ankle: Joint
    hand: Joint
    elbow: Joint | None = Field(default=None, description="where the elbow sits; left out, it is worked out from the hand")
    floor_y: float = Field(ge=0, le=100)


PushJoint = Literal["hip", "knee", "ankle", "toe", "other_knee", "other_ankle", "hand"]
Prop = Literal["mat", "band", "step", "chair"]


class Push(Record):
    """Which way a hold pushes, drawn as an arrow: where start and end look the same, the arrow shows the effort."""

    joint: PushJoint = Field(description="the joint that pushes")
    toward: Joint = Field(description="a point in the push direction (same box); the arrow points from the joint toward it")


class Pictures(Record):
    start: Pose
    end: Pose
    alt_start: ShortText
    alt_end: ShortText
    push: Push | None = Field(default=None, description="for a hold: the push an arrow shows on the end picture")
    props: tuple[Prop, ...] = Field(
        default=(),
        description="what is drawn with the figure: a mat under it, a band around both legs above the knees, "
        "a step under the working foot (its top at floor_y), a chair under the pelvis",
    )


class Exercise(Record):
    id: Id
    name: ShortText
    category: Category
    summary: Text
    steps: tuple[Text, ...] = Field(min_length=2)
    dosage: Dosage
    equipment: tuple[Equipment, ...] = ()
    easier: tuple[Text, ...] = Field(min_length=1)
    harder: tuple[Text, ...] = Field(min_length=1)
    stop_if: tuple[Text, ...] = Field(min_length=1)
    common_mistakes: tuple[Text, ...] = ()
    muscles: tuple[ExerciseMuscle, ...] = ()
    works: ShortText | None = Field(default=None, description="what it works, in plain words, where no muscle record fits")
    pictures: Pictures | None = None
    glute_exercise: bool = Field(default=True, description="false for first-line care that does not work the hip muscles")
    notes: tuple[Text, ...] = Field(default=(), description="what a visitor needs to know, in plain words")
    clinician_notes: tuple[Text, ...] = Field(
        default=(), description='research detail (study numbers, authors, dosage derivations), shown under "For clinicians"'
    )
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date

    @model_validator(mode="after")
    def _says_what_it_works(self) -> Exercise:
        if self.glute_exercise and not self.muscles:
            raise ValueError("a glute exercise needs at least one entry in muscles")
        if not self.muscles and self.works is None:
            raise ValueError("give muscles or works")
        return self


class RedFlag(Record):
    id: Id
    title: ShortText
    everyday: ShortText
    words: tuple[Phrase, ...] = Field(min_length=1)
    rules: tuple[ConceptRule, ...] = Field(default=(), description="concept combinations that raise this flag")
    ask_when: tuple[ConceptRule, ...] = Field(
        default=(), description="concept combinations that suggest this flag without establishing it: ask the person"
    )
    group: RedFlagGroup
    urgency: Urgency
    advice: Text
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


ConceptKind = Literal["body_part", "symptom", "function", "course", "person", "activity", "cause", "number"]
Measure = Literal["age", "temperature", "weight_lost", "years_ago", "years_lasting"]


class Concept(Record):
    """One idea people put in many words (knowledge/concepts.yaml): "bum", "butt" and "glutes" are one body part."""

    id: Id
    kind: ConceptKind
    words: tuple[Phrase, ...] = ()
    regions: tuple[RegionId, ...] = Field(default=(), description="body-map areas these words name (body parts)")
    measure: Measure | None = Field(default=None, description="for kind number: which measured value")
    at_least: float | None = None
    below: float | None = None

    @model_validator(mode="after")
    def _words_or_measure(self) -> Concept:
        if self.kind == "number":
            if self.measure is None or (self.at_least is None and self.below is None):
                raise ValueError("a number concept needs measure and at_least or below")
        elif not self.words:
            raise ValueError("give at least one entry in words")
        return self


class NumberCue(Record):
    """How people write one measured value: phrases near a number, and the factor to the app's unit."""

    measure: Measure
    before: tuple[Phrase, ...] = Field(default=(), description="phrases just before the number")
    reach: int = Field(default=1, ge=1, le=5, description="how many words a before phrase may end ahead of the number")
    after: tuple[Phrase, ...] = Field(default=(), description="phrases right after the number")
    factor: float = Field(default=1.0, gt=0, description="multiply to get years, degrees Celsius or kilograms")
    opens_text: bool = Field(
        default=False,
        description="the number opens the description, with a comma after it or one of the after phrases:"
        " '58, back went on Monday', '72 with thin bones'",
    )

    @model_validator(mode="after")
    def _some_cue(self) -> NumberCue:
        if not self.before and not self.after and not self.opens_text:
            raise ValueError("give before or after phrases, or opens_text")
        return self


class Language(Record):
    """How free text is read (knowledge/language.yaml): context cues after the ConText algorithm, traps, numbers."""

    negation_before: tuple[Phrase, ...] = Field(min_length=1)
    negation_after: tuple[Phrase, ...] = ()
    hypothetical_before: tuple[Phrase, ...] = ()
    historical_before: tuple[Phrase, ...] = Field(default=(), description="a past that is over: 'used to have'")
    historical_after: tuple[Phrase, ...] = Field(default=(), description="a past that is over: 'long gone', 'got better'")
    time_points_after: tuple[Phrase, ...] = Field(
        default=(),
        description="when something happened ('last month', 'two weeks ago'): a past, unless an onset word in the"
        " same clause makes it the start of a trouble that goes on ('my back started hurting last month')",
    )
    onset_words: tuple[Phrase, ...] = Field(default=(), description="'started', 'began', 'since': see time_points_after")
    pseudo_cues: tuple[Phrase, ...] = Field(default=(), description="look like cues but are not: 'no idea', 'no longer'")
    scope_ends: tuple[Phrase, ...] = Field(default=(), description="words that close a negation's reach")
    first_time_after: tuple[Phrase, ...] = Field(
        default=(),
        description="words after a denied finding that make it new, not absent: 'never had back trouble before'",
    )
    normal_after: tuple[Phrase, ...] = Field(
        default=(),
        description="words after a finding that say it is as it should be ('bladder normal'), unless the same clause"
        " already says no ('can't pee normally', 'don't feel my bum normally'): two noes make a yes",
    )
    same_place: tuple[Phrase, ...] = Field(
        default=(),
        description="words that point back to the place just named, right after a finding: 'the pain in my bum has"
        " gone but it's numb there' is numb in the bum",
    )
    cannot_without: tuple[Phrase, ...] = Field(
        default=(),
        description="words that turn a later 'without' into a yes: 'can't sit through a film without my buttock"
        " throbbing' says it throbs",
    )
    other_person: tuple[Phrase, ...] = Field(
        default=(),
        description="words for someone else ('my brother', 'nan'): what follows is theirs when the writer also"
        " speaks of their own trouble ('my brother had a clot, mine is the heel'), and is then asked, not assumed",
    )
    owned_person: tuple[Phrase, ...] = Field(
        default=(),
        description="words that are someone else only after the writer's 'my': 'my 8 year old' (but not 'I am 72"
        " years old')",
    )
    first_person: tuple[Phrase, ...] = Field(
        default=(), description="single words by which the writer speaks of themselves: 'i', 'me', 'mine'"
    )
    third_person: tuple[Phrase, ...] = Field(
        default=(),
        description="single words for the other person ('he', 'her'): another person's story goes on past a comma"
        " while they are spoken of",
    )
    scope_words: int = Field(default=6, ge=1, le=20)
    traps: tuple[Phrase, ...] = Field(default=(), description="phrases whose words never count: 'hay fever'")
    respellings: dict[str, str] = Field(
        default_factory=dict,
        description="misspellings that are themselves English words, read as meant ('feal': 'feel', 'wen': 'when');"
        " spelling correction never rewrites an English word, so these are named one by one",
    )
    number_words: dict[str, int] = Field(default_factory=dict)
    numbers: tuple[NumberCue, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


class GlossaryTerm(Record):
    term: ShortText
    gloss: Text
    also: tuple[ShortText, ...] = ()
    # Optional in the schema so a small glossary can be written by hand; the shipped glossary names both
    # for every entry (a consistency test checks it, as it does for red flags' dates).
    sources: tuple[SourceId, ...] = ()
    reviewed_on: dt.date | None = None


class Disclaimer(Record):
    short: Text
    full: tuple[Text, ...] = Field(min_length=1)
    before_exercise: tuple[Text, ...] = Field(
        min_length=1,
        description="what to know before and while exercising: shown after `full` on screen, and alone on the take-home plan",
    )
    emergency: Text
    privacy: Text
    not_a_diagnosis: Text
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date

    @property
    def notice(self) -> tuple[str, ...]:
        """The whole notice as a screen shows it: the general paragraphs, then those about exercising."""
        return (*self.full, *self.before_exercise)


EmgStatistic = Literal["mean", "median"]
PhaseKind = Literal["phase", "check_in"]


class EmgValue(Record):
    """One task's muscle activity as a study reports it, in % of a maximum voluntary isometric contraction."""

    task: ShortText
    percent_mvic: float = Field(ge=0, le=300)
    spread: float | None = Field(default=None, ge=0, le=300, description="standard deviation, where reported")
    exercises: tuple[ExerciseId, ...] = Field(default=(), description="GluteMap exercises that match this task")


class EmgStudy(Record):
    """Verified muscle-activity (EMG) numbers for one muscle in one study (knowledge/emg.yaml)."""

    id: Id
    study: ShortText
    muscle: MuscleId
    part: ShortText | None = None
    participants: ShortText | None = None
    method: ShortText | None = None
    statistic: EmgStatistic
    values: tuple[EmgValue, ...] = Field(min_length=1)
    caveat: Text
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


class RehabPhase(Record):
    """One step of the rehabilitation order, in file order (knowledge/phases.yaml)."""

    id: Id
    kind: PhaseKind = "phase"
    title: ShortText
    when: ShortText
    what: Text
    categories: tuple[Category, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


class ProgressionStep(Record):
    """One rung of the ladder from activation to strengthening (knowledge/progression.yaml), in file order."""

    id: Id
    title: ShortText
    level: ShortText = Field(description="what kind of work this is, e.g. activation or strengthening")
    what: Text
    exercises: tuple[ExerciseId, ...] = Field(min_length=1)
    dose: Text
    move_up_when: Text
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date


class KnowledgeBase(Record):
    """The whole validated knowledge, keyed by id; built only by `glutemap.knowledge.loader`."""

    muscles: dict[str, Muscle]
    conditions: dict[str, Condition]
    exercises: dict[str, Exercise]
    regions: dict[str, Region]
    red_flags: dict[str, RedFlag]
    sources: dict[str, Source]
    glossary: tuple[GlossaryTerm, ...]
    disclaimer: Disclaimer
    emg: dict[str, EmgStudy] = Field(default_factory=dict)
    phases: dict[str, RehabPhase] = Field(default_factory=dict)
    progression: dict[str, ProgressionStep] = Field(default_factory=dict)
    options: dict[str, CareOption] = Field(default_factory=dict)
    outcomes: dict[str, TrialOutcome] = Field(default_factory=dict)
    concepts: dict[str, Concept] = Field(default_factory=dict)
    language: Language | None = None


# --- decision aid: the choices after a result, and trial numbers behind them -----------------------------

OptionId = Literal["seek_care_now", "see_clinician_soon", "self_care", "watch_and_wait"]
OptionRef = Annotated[OptionId, RefersTo("options")]
OPTION_ORDER: tuple[OptionId, ...] = ("seek_care_now", "see_clinician_soon", "self_care", "watch_and_wait")


class OptionConditionNote(Record):
    """What is known (and when the option fits) for one condition, on top of an option's general text."""

    condition: ConditionId
    when_it_fits: tuple[Text, ...] = ()
    what_is_known: tuple[Text, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _says_something(self) -> OptionConditionNote:
        if not self.when_it_fits and not self.what_is_known:
            raise ValueError("give when_it_fits or what_is_known (or both)")
        return self


class CareOption(Record):
    """One choice about what to do next (knowledge/options/<id>.yaml), described the way decision aids ask."""

    id: OptionId
    title: ShortText
    summary: Text
    when_it_fits: tuple[Text, ...] = Field(min_length=1)
    what_it_involves: tuple[Text, ...] = Field(min_length=1)
    what_is_known: tuple[Text, ...] = Field(min_length=1)
    what_is_not_known: tuple[Text, ...] = Field(min_length=1)
    for_conditions: tuple[OptionConditionNote, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date

    @model_validator(mode="after")
    def _one_note_per_condition(self) -> CareOption:
        seen = [note.condition for note in self.for_conditions]
        repeated = sorted({condition for condition in seen if seen.count(condition) > 1})
        if repeated:
            raise ValueError(f"more than one note for condition(s): {', '.join(repeated)}")
        return self


class TrialArm(Record):
    """One group of a trial: what it involved and how many of the people with a result improved."""

    label: ShortText
    involves: Text
    improved: int = Field(ge=0, le=100_000)
    total: int = Field(ge=1, le=100_000, description="people in this group with a result at the timepoint")
    option: OptionRef | None = Field(default=None, description="the GluteMap option this group is closest to")

    @model_validator(mode="after")
    def _improved_within_total(self) -> TrialArm:
        if self.improved > self.total:
            raise ValueError("improved must not be larger than total")
        return self


class TrialOutcome(Record):
    """Per-group trial numbers for one or more conditions (knowledge/outcomes/<id>.yaml), with their limits."""

    id: Id
    title: ShortText
    study: ShortText
    conditions: tuple[ConditionId, ...] = Field(min_length=1)
    question: Text
    population: Text
    timepoint: ShortText
    improved_means: Text
    arms: tuple[TrialArm, ...] = Field(min_length=2)
    harms: Text
    does_not_tell: tuple[Text, ...] = Field(min_length=1)
    sources: tuple[SourceId, ...] = Field(min_length=1)
    reviewed_on: dt.date

    @model_validator(mode="after")
    def _distinct_arms(self) -> TrialOutcome:
        labels = [arm.label for arm in self.arms]
        if len(set(labels)) != len(labels):
            raise ValueError("every arm needs its own label")
        return self


# KnowledgeBase names the decision-aid models above before they exist; resolve those names now.
KnowledgeBase.model_rebuild()
