"""Reading free text into located concepts: spelling, stems, traps, phrases, numbers and their context.

The vocabulary and the rules are knowledge (`concepts.yaml`, `language.yaml`, and the phrases of regions,
conditions and red flags); this module only applies them. Context follows the ConText algorithm (Harkema
et al. 2009, doi:10.1016/j.jbi.2009.05.002) with rules made for lay text:

- a cue reaches forward (or, for "after" cues, back) a few words, and stops at punctuation or a scope end
  ("and", "but", "just", "now" ...), so "no fever, and I wet myself" still finds the bladder;
- a cue inside a matched phrase never silences it: "can't pee" and "cannot feel" are findings, not denials;
- the longest cue wins, so "not sure" (uncertain) is not read as "not" (denied);
- another person's words count as theirs only beside the writer's own trouble: people type for their
  family ("my dad can't pee" is an emergency sign), but "my brother had a clot, mine is the heel" tells
  the brother's story next to the writer's, and his sign is asked about, not assumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from glutemap.knowledge.models import Concept, KnowledgeBase, Language, NumberCue
from glutemap.search.spelling import Speller
from glutemap.search.text import BREAKS, COMMA, STOPWORDS, Word, all_stems, raw_words, stem

MAX_PHRASE_GAP = 1  # other content words allowed between two words of a phrase
FAHRENHEIT_ABOVE = 50.0  # a body temperature written above this is in degrees Fahrenheit

NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
HISTORICAL = "historical"
OTHER = "other"  # about someone else, in a text where the writer also speaks of their own trouble
OWNER_WORDS = 4  # "my" may stand this many words before the person: "my 80 year old mum"
OTHER_PERSON_WORDS = 12  # how far another person's story reaches, short of a full stop or the writer's "I"
# "my" speaks of the writer only right before a finding ("my heel hurts"); "my 7 year old" is someone else.
POSSESSIVES = frozenset({"my"})
PLACE_MODIFIERS = frozenset({"left", "right", "both", "own", "other", "bad", "good"})  # "my left knee", "my bad hip"
_PSEUDO = "pseudo"
_TIME_POINT = "time point"  # historical, unless the clause says the trouble started then


@dataclass(frozen=True)
class Hit:
    """A knowledge phrase (or number) found in the text, where, and whether its context silences it."""

    kind: str  # concept, region, name, words, symptom, flag
    key: str
    start: int
    end: int
    shown: str
    context: str = ""  # "", "negated", "hypothetical" or "historical"
    mine: bool = False  # a place the writer calls their own: "my knee", "my left hip"

    @property
    def counts(self) -> bool:
        """Affirmed: neither denied nor only supposed."""
        return not self.context


@dataclass(frozen=True)
class Analysis:
    words: tuple[Word, ...]
    hits: tuple[Hit, ...]
    corrections: tuple[tuple[str, str], ...] = ()

    def of_kind(self, kind: str) -> Iterator[Hit]:
        return (hit for hit in self.hits if hit.kind == kind)


WITHOUT = "without"
CIRCUMSTANCE_KINDS = frozenset({"course", "activity", "person"})  # when, doing what, who: not a trouble
PLACE_KINDS = frozenset({"body_part"})
FINDING_KINDS = frozenset({"symptom", "function"})  # what a place can be "numb there", "weak there"
SAME_PLACE_GAP = 2  # words between a finding and "there": "numb round there", "tingling in that area"
SAME_PLACE_REACH = 20  # how far back "there" looks for the place it names
# "There is", "there was": the word opens a sentence about what exists, and points back at no place.
EXISTENTIAL_VERBS = frozenset({"is", "are", "was", "were", "isnt", "arent", "wasnt", "werent", "has", "have", "had", "be"})
LIST_WORDS = frozenset({"or", "nor"})  # the words that close a list of findings a denial runs through
EXACT = "="  # a knowledge phrase written "=legs" matches those words as written, not their stems


@dataclass(frozen=True)
class _Phrase:
    stems: tuple[str, ...]
    kind: str
    key: str
    shown: str
    exact: bool = False


@dataclass(frozen=True)
class _NumberCue:
    """A number cue with its phrases stemmed once, when the index is built, not at every number read."""

    cue: NumberCue
    before: tuple[tuple[str, tuple[str, ...]], ...]
    after: tuple[tuple[str, tuple[str, ...]], ...]


def _stemmed(phrases: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((text, all_stems(text)) for text in phrases)


@dataclass
class Lexicon:
    """Every phrase of one knowledge base, stemmed once and indexed by its first stem."""

    phrases: dict[str, list[_Phrase]] = field(default_factory=dict)
    # Phrases of one content word and small words ("by the day", "in bed"): matched word for word, in order.
    whole_phrases: dict[str, list[_Phrase]] = field(default_factory=dict)
    traps: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    cues: dict[tuple[str, ...], str] = field(default_factory=dict)
    cue_lengths: tuple[int, ...] = ()
    scope_ends: frozenset[str] = frozenset()
    scope_words: int = 6
    cannot_without: frozenset[tuple[str, ...]] = frozenset()
    onset_words: frozenset[tuple[str, ...]] = frozenset()
    first_time_after: frozenset[tuple[str, ...]] = frozenset()
    other_person: frozenset[tuple[str, ...]] = frozenset()
    other_lengths: tuple[int, ...] = ()
    owned_person: frozenset[tuple[str, ...]] = frozenset()
    first_person: frozenset[str] = frozenset()
    third_person: frozenset[str] = frozenset()
    circumstance_concepts: frozenset[str] = frozenset()
    place_concepts: frozenset[str] = frozenset()
    finding_concepts: frozenset[str] = frozenset()
    same_place: frozenset[tuple[str, ...]] = frozenset()
    normal_after: frozenset[tuple[str, ...]] = frozenset()
    denials: frozenset[tuple[str, ...]] = frozenset()  # words that say no in a clause: "can't", "don't", "not"
    same_place_lengths: tuple[int, ...] = ()
    respellings: dict[str, str] = field(default_factory=dict)
    after_cues: dict[tuple[str, ...], str] = field(default_factory=dict)
    number_words: dict[str, int] = field(default_factory=dict)
    numbers: tuple[_NumberCue, ...] = ()
    number_concepts: tuple[Concept, ...] = ()
    speller: Speller | None = None

    def prepare_spelling(self) -> None:
        """Build the spelling index ahead of the first visitor (it is otherwise built at the first unknown word)."""
        if self.speller is not None:
            self.speller.prepare()

    def add(self, text: str, kind: str, key: str) -> None:
        exact = text.startswith(EXACT)
        every_word = [word for word in _join_number_words(raw_words(text), self.number_words) if word not in BREAKS]
        words = [word for word in every_word if word not in STOPWORDS]
        if len(words) == 1 and len(every_word) > 1:
            # Its small words are what make it: without them "by the day" is any "day", "on my feet" any "feet".
            words, table = every_word, self.whole_phrases
        else:
            table = self.phrases
        stems = tuple(words) if exact else tuple(stem(word) for word in words)
        if stems:
            index_key = EXACT + stems[0] if exact else stems[0]
            table.setdefault(index_key, []).append(_Phrase(stems, kind, key, text.removeprefix(EXACT), exact))


def without_brackets(name: str) -> str:
    """A name without its bracketed gloss: people type "plantar fasciitis", not "plantar fasciitis (heel pain)"."""
    return " ".join(re.sub(r"\([^()]*\)", " ", name).split())


def knowledge_phrases(knowledge: KnowledgeBase, concepts_only: bool = False) -> Iterator[tuple[str, str, str]]:
    """(text, kind, key) for every phrase the matcher looks for (or only the concepts' phrases)."""
    for concept in knowledge.concepts.values():
        for text in concept.words:
            yield text, "concept", concept.id
    if concepts_only:
        return
    for region in knowledge.regions.values():
        for text in (region.label, *region.words):
            yield text, "region", region.id
    for condition in knowledge.conditions.values():
        for text in dict.fromkeys((condition.name, without_brackets(condition.name), *condition.also_called)):
            yield text, "name", condition.id
        for text in condition.words:
            yield text, "words", condition.id
        for symptom in condition.symptoms:
            for text in symptom.words:
                yield text, "symptom", f"{condition.id}:{symptom.id}"
    for flag in knowledge.red_flags.values():
        # The checklist wording too, so typing what the tick box says is never missed.
        for text in (*flag.words, flag.everyday):
            yield text, "flag", flag.id


def _language_words(language: Language | None) -> Iterable[str]:
    if language is None:
        return ()
    texts = [
        *language.negation_before, *language.negation_after, *language.hypothetical_before, *language.pseudo_cues,
        *language.historical_before, *language.historical_after, *language.time_points_after, *language.onset_words,
        *language.first_time_after,
        *language.scope_ends, *language.cannot_without, *language.traps, *language.number_words,
        *language.other_person, *language.owned_person,
    ]
    for cue in language.numbers:
        texts += [*cue.before, *cue.after]
    return texts


def build_lexicon(knowledge: KnowledgeBase, concepts_only: bool = False) -> Lexicon:
    """Index the knowledge's phrases and rules for `analyse`.

    `concepts_only` gives a lexicon of the shared vocabulary alone, without spelling correction: reading the
    knowledge's own texts with it stays linear as records multiply.
    """
    language = knowledge.language
    lexicon = Lexicon(number_words=dict(language.number_words) if language else {})
    vocabulary: list[str] = []
    for text, kind, key in knowledge_phrases(knowledge, concepts_only):
        lexicon.add(text, kind, key)
        vocabulary += raw_words(text)
    vocabulary += [word for text in _language_words(language) for word in raw_words(text)]
    if not concepts_only:
        lexicon.speller = Speller(word for word in vocabulary if word not in STOPWORDS)
    lexicon.number_concepts = tuple(concept for concept in knowledge.concepts.values() if concept.measure is not None)
    # When, doing what, who and a number: built once here, read by every search that tells two people apart.
    lexicon.circumstance_concepts = frozenset(
        concept.id for concept in knowledge.concepts.values()
        if concept.kind in CIRCUMSTANCE_KINDS or concept.measure is not None
    )
    lexicon.place_concepts = frozenset(c.id for c in knowledge.concepts.values() if c.kind in PLACE_KINDS)
    lexicon.finding_concepts = frozenset(c.id for c in knowledge.concepts.values() if c.kind in FINDING_KINDS)
    if language is None:
        return lexicon
    for text in language.traps:
        stems = all_stems(text)
        if stems:
            lexicon.traps.setdefault(stems[0], []).append(stems)
    for kind, texts in ((NEGATED, language.negation_before), (HYPOTHETICAL, language.hypothetical_before),
                        (HISTORICAL, language.historical_before), (_PSEUDO, language.pseudo_cues)):
        for text in texts:
            lexicon.cues[all_stems(text)] = kind
    lexicon.after_cues = {all_stems(text): HISTORICAL for text in language.historical_after}
    lexicon.after_cues.update({all_stems(text): _TIME_POINT for text in language.time_points_after})
    lexicon.onset_words = frozenset(all_stems(text) for text in language.onset_words)
    lexicon.first_time_after = frozenset(all_stems(text) for text in language.first_time_after)
    lexicon.after_cues.update({all_stems(text): NEGATED for text in language.negation_after})
    lexicon.normal_after = frozenset(all_stems(text) for text in language.normal_after)
    lexicon.after_cues.update({stems: NEGATED for stems in lexicon.normal_after})
    lexicon.cue_lengths = tuple(sorted({len(stems) for stems in (*lexicon.cues, *lexicon.after_cues)}, reverse=True))
    lexicon.scope_ends = frozenset(stem(word) for text in language.scope_ends for word in raw_words(text))
    lexicon.scope_words = language.scope_words
    lexicon.cannot_without = frozenset(all_stems(text) for text in language.cannot_without)
    # "Can't pee" is a finding, not a cue, yet says no as "don't" does: both turn a later "normally" round.
    lexicon.denials = lexicon.cannot_without | {stems for stems, kind in lexicon.cues.items() if kind == NEGATED}
    lexicon.same_place = frozenset(all_stems(text) for text in language.same_place)
    lexicon.same_place_lengths = tuple(sorted({len(stems) for stems in lexicon.same_place}, reverse=True))
    lexicon.other_person = frozenset(all_stems(text) for text in language.other_person)
    lexicon.owned_person = frozenset(all_stems(text) for text in language.owned_person)
    lexicon.other_lengths = tuple(
        sorted({len(stems) for stems in (*lexicon.other_person, *lexicon.owned_person)}, reverse=True)
    )
    lexicon.first_person = frozenset(word for text in language.first_person for word in raw_words(text))
    lexicon.third_person = frozenset(word for text in language.third_person for word in raw_words(text))
    lexicon.respellings = {written.lower(): meant.lower() for written, meant in language.respellings.items()}
    lexicon.numbers = tuple(
        _NumberCue(cue, _stemmed(cue.before), _stemmed(cue.after)) for cue in language.numbers
    )
    return lexicon


def _join_number_words(words: list[str], number_words: dict[str, int]) -> list[str]:
    """"seventy two" -> "72", "two stone" -> "2 stone": written numbers become digits."""
    if not number_words:
        return words
    joined: list[str] = []
    pending: int | None = None
    for word in words:
        value = number_words.get(word)
        if value is not None:
            # "seventy two": a unit after a tens word adds to it; anything else starts a new number.
            if pending is not None and pending % 10 == 0 and pending >= 20 and value < 10:
                pending += value
                continue
            if pending is not None:
                joined.append(str(pending))
            pending = value
            continue
        if pending is not None:
            joined.append(str(pending))
            pending = None
        joined.append(word)
    if pending is not None:
        joined.append(str(pending))
    return joined


def _words(text: str, lexicon: Lexicon) -> tuple[tuple[Word, ...], tuple[tuple[str, str], ...]]:
    raw = _join_number_words(raw_words(text), lexicon.number_words)
    corrections = []
    words = []
    for written in raw:
        word = lexicon.respellings.get(written, written)
        if word != written:
            corrections.append((written, word))
        elif lexicon.speller is not None and written.isalpha() and written not in STOPWORDS:
            word = lexicon.speller.correct(written)
            if word != written:
                corrections.append((written, word))
        words.append(Word(word, stem(word)))
    return tuple(words), tuple(corrections)


def _trapped(words: tuple[Word, ...], lexicon: Lexicon) -> set[int]:
    """The positions of the words inside trap phrases ("hay fever"), which never count."""
    masked: set[int] = set()
    for index, word in enumerate(words):
        for trap in lexicon.traps.get(word.stem, ()):
            if _stems_at(words, index, len(trap)) == trap:
                masked.update(range(index, index + len(trap)))
    return masked


def _content_positions(words: tuple[Word, ...], lexicon: Lexicon, masked: set[int]) -> list[tuple[int, int]]:
    """(word index, thought number) of the words that count, with trap phrases left out."""
    positions = []
    thought = 0
    for index, word in enumerate(words):
        if word.is_break:
            thought += 1
        elif word.is_content and index not in masked:
            positions.append((index, thought))
    return positions


def _find_phrases(words: tuple[Word, ...], positions: list[tuple[int, int]], lexicon: Lexicon) -> list[Hit]:
    hits = []
    for at, (index, thought) in enumerate(positions):
        candidates = [*lexicon.phrases.get(words[index].stem, ()), *lexicon.phrases.get(EXACT + words[index].raw, ())]
        for phrase in candidates:
            cursor = at
            for wanted in phrase.stems[1:]:
                nxt = next(
                    (
                        k
                        for k in range(cursor + 1, min(cursor + 2 + MAX_PHRASE_GAP, len(positions)))
                        if positions[k][1] == thought and _form(words[positions[k][0]], phrase.exact) == wanted
                        and not _joins_two_things(words, positions[cursor + 1:k], lexicon)
                    ),
                    None,
                )
                if nxt is None:
                    break
                cursor = nxt
            else:
                hits.append(Hit(phrase.kind, phrase.key, index, positions[cursor][0], phrase.shown))
    return hits


def _joins_two_things(words: tuple[Word, ...], skipped: list[tuple[int, int]], lexicon: Lexicon) -> bool:
    """A phrase may skip one word ("pain shooting right down my leg"), but not an "and" or a "but" between two
    things ("back and legs" is not "back of my leg"), nor a "not" that turns it round ("calf is not swollen
    and not hot" is not "my calf is swollen and hot")."""
    return any(
        words[index].stem in lexicon.scope_ends or lexicon.cues.get((words[index].stem,)) == NEGATED
        for index, _thought in skipped
    )


def _find_whole_phrases(words: tuple[Word, ...], lexicon: Lexicon, masked: set[int]) -> list[Hit]:
    """The phrases matched word for word, small words included, none of them inside a trap."""
    hits = []
    for index, word in enumerate(words):
        for phrase in (*lexicon.whole_phrases.get(word.stem, ()), *lexicon.whole_phrases.get(EXACT + word.raw, ())):
            end = index + len(phrase.stems)
            found = tuple(_form(other, phrase.exact) for other in words[index:end])
            if found == phrase.stems and masked.isdisjoint(range(index, end)):
                hits.append(Hit(phrase.kind, phrase.key, index, end - 1, phrase.shown))
    return hits


def _form(word: Word, exact: bool) -> str:
    return word.raw if exact else word.stem


def _stems_at(words: tuple[Word, ...], start: int, length: int) -> tuple[str, ...] | None:
    if start < 0 or start + length > len(words):
        return None
    stems = tuple(word.stem for word in words[start : start + length])
    return None if BREAKS.intersection(stems) else stems


def _number_hits(words: tuple[Word, ...], lexicon: Lexicon) -> list[Hit]:
    hits = []
    for index, word in enumerate(words):
        if not word.raw[0].isdigit():
            continue
        value = float(word.raw)
        for stemmed in lexicon.numbers:
            cue = stemmed.cue
            after = _cue_after(words, index, stemmed.after) if cue.after else ""
            before = _cue_before(words, index, stemmed.before, cue.reach) if cue.before else ""
            if cue.opens_text and not _opens_text(words, index, bool(after)):
                continue
            if (cue.after and not after and not cue.opens_text) or (cue.before and not before):
                continue
            measured = value * cue.factor
            if cue.measure == "temperature" and measured > FAHRENHEIT_ABOVE:
                measured = (measured - 32) * 5 / 9
            for concept in lexicon.number_concepts:
                if concept.measure == cue.measure and _in_range(concept, measured):
                    shown = " ".join(part for part in (before, word.raw, after) if part)
                    hits.append(Hit("concept", concept.id, index, index, shown))
    return hits


def _opens_text(words: tuple[Word, ...], index: int, phrase_follows: bool) -> bool:
    """Whether the number at `index` opens the text with a comma or a cue phrase after it: "58, back went"
    (but "3, 4 days" is a count)."""
    if index != 0:
        return False
    return phrase_follows or (len(words) > 2 and words[1].raw == COMMA and not words[2].raw[0].isdigit())


def _in_range(concept: Concept, value: float) -> bool:
    return (concept.at_least is None or value >= concept.at_least) and (concept.below is None or value < concept.below)


def _cue_after(words: tuple[Word, ...], index: int, phrases: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    for text, stems in phrases:
        if _stems_at(words, index + 1, len(stems)) == stems:
            return text
    return ""


def _cue_before(
    words: tuple[Word, ...], index: int, phrases: tuple[tuple[str, tuple[str, ...]], ...], reach: int
) -> str:
    """The phrase that cues the number at `index` from up to `reach` words before it, never across a break:
    in "no fever. I'm 41" the 41 is an age, not a temperature."""
    for text, stems in phrases:
        for end in range(index - 1, max(index - 1 - reach, -1), -1):
            if words[end].is_break:
                break
            if _stems_at(words, end - len(stems) + 1, len(stems)) == stems:
                return text
    return ""


def _cue_ending_at(words: tuple[Word, ...], end: int, lexicon: Lexicon, consumed: frozenset[int]) -> str | None:
    for length in lexicon.cue_lengths:
        kind = lexicon.cues.get(_stems_at(words, end - length + 1, length) or ())
        if kind is not None and not consumed.intersection(range(end - length + 1, end + 1)):
            return kind
    return None


def _cue_starting_at(words: tuple[Word, ...], start: int, lexicon: Lexicon, consumed: frozenset[int]) -> str | None:
    for length in lexicon.cue_lengths:
        kind = lexicon.after_cues.get(_stems_at(words, start, length) or ())
        if kind is not None and not consumed.intersection(range(start, start + length)):
            return kind
    return None


def _context(
    hit: Hit,
    words: tuple[Word, ...],
    lexicon: Lexicon,
    consumed: frozenset[int],
    covered: frozenset[int],
    findings: frozenset[int],
) -> str:
    """"negated", "hypothetical", "historical" or "" for one hit, from the cues within its reach.

    `consumed` are the words inside knowledge phrases: the "don't" of "I don't feel the pee" belongs to the
    finding "don't feel", so it denies nothing else. `covered` are the words of any finding, for lists;
    `findings` those of symptoms and body functions, which a cue after them does not reach past.
    """
    index = hit.start - 1
    steps = 0
    while index >= 0 and steps < lexicon.scope_words:
        word = words[index]
        if word.raw == COMMA and _list_runs_on(words, index, hit, covered):
            index -= 1
            continue
        if word.is_break or word.stem in lexicon.scope_ends:
            break
        kind = _cue_ending_at(words, index, lexicon, consumed)
        if kind is not None:
            if kind == NEGATED and words[index].raw == WITHOUT and _in_clause(
                words, index - 1, -1, lexicon.cannot_without, lexicon
            ):
                return ""  # "can't sit without it throbbing": two noes make a yes
            if kind == NEGATED and _in_clause(words, hit.end + 1, 1, lexicon.first_time_after, lexicon):
                return ""  # "never had back trouble before": it is new, not absent
            return "" if kind == _PSEUDO else kind
        index -= 1
        steps += 1
    index = hit.end + 1
    steps = 0
    while index < len(words) and steps < lexicon.scope_words:
        word = words[index]
        if word.raw == COMMA:
            # "a high fever for a few days, long gone now": a cue that opens the next part looks back.
            # Only a past: "had breast cancer, all clear since" is still a cancer that was.
            closing = _cue_starting_at(words, index + 1, lexicon, consumed)
            return HISTORICAL if closing == HISTORICAL else ""
        if word.is_break or word.stem in lexicon.scope_ends:
            break
        kind = _cue_starting_at(words, index, lexicon, consumed)
        if kind is None and index in findings:
            break  # "back ache peeing fine": the "fine" belongs to the peeing, the finding in between
        if kind == _TIME_POINT:
            return "" if _onset_in_clause(words, hit.start, index, lexicon) else HISTORICAL
        if kind == NEGATED and _normal_at(words, index, lexicon) and _in_clause(words, index - 1, -1, lexicon.denials, lexicon):
            return ""  # "can't pee normally": two noes make a yes
        if kind is not None:
            return kind
        index += 1
        steps += 1
    return ""


def _mark_mine(words: tuple[Word, ...], hits: tuple[Hit, ...], lexicon: Lexicon) -> tuple[Hit, ...]:
    """The places the writer calls their own: "my knee", and a place later in the same clause, unless another
    person is named first ("my knees hurt around the kneecap": the kneecap is mine too)."""
    places = [hit for hit in hits if _is_place(hit, lexicon)]
    said = {hit for hit in places if _said_as_mine(words, hit.start, hit.end, lexicon)}
    owned_ends = [hit.end for hit in said]
    mine = said | {
        hit for hit in places
        if any(end < hit.start and _same_owner(words, end + 1, hit.start, lexicon) for end in owned_ends)
    }
    return tuple(replace(hit, mine=True) if hit in mine else hit for hit in hits)


def _is_place(hit: Hit, lexicon: Lexicon) -> bool:
    """Whether `hit` names a place: a body-map area or a body part."""
    return hit.kind == "region" or hit.key in lexicon.place_concepts


def _same_owner(words: tuple[Word, ...], start: int, stop: int, lexicon: Lexicon) -> bool:
    """Whether the words from `start` to `stop` stay in one clause and name no other person."""
    return not any(
        word.is_break or word.stem in lexicon.scope_ends or _names_a_person(words, at, lexicon)
        for at, word in enumerate(words[start:stop], start)
    )


def _said_as_mine(words: tuple[Word, ...], start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the place starting at `start` follows "my", perhaps with a side between ("my knee", "my left
    hip"), or has it inside ("the fronts of my knees")."""
    inside = range(start, end)
    if any(words[at].raw in POSSESSIVES and not _names_a_person(words, at + 1, lexicon) for at in inside):
        return True  # "the back of my knee", but not "the back of my daughter's knee"
    index = start - 1
    while index >= 0 and words[index].raw in PLACE_MODIFIERS:
        index -= 1
    return index >= 0 and words[index].raw in POSSESSIVES


def _places_said_again(
    words: tuple[Word, ...],
    hits: tuple[Hit, ...],
    lexicon: Lexicon,
    consumed: frozenset[int],
    covered: frozenset[int],
    findings: frozenset[int],
) -> tuple[Hit, ...]:
    """The place just named, found again where "there" (or "in that area") stands right after a finding.

    "The pain in my bum has gone but it's numb there": the bum sat in a clause that is over, the numbness does
    not, and a warning sign needs both together. The place found again takes the context of where "there" stands.
    """
    places = [hit for hit in hits if _is_place(hit, lexicon)]
    finding_hits = [hit for hit in hits if hit.kind == "concept" and hit.key in lexicon.finding_concepts]
    found: list[Hit] = []
    for start in range(len(words)):
        length = next(
            (size for size in lexicon.same_place_lengths if _stems_at(words, start, size) in lexicon.same_place), 0
        )
        end = start + length - 1
        if not length or covered.intersection(range(start, end + 1)):
            continue  # "down there" is a place of its own
        finding = next(
            (
                hit for hit in finding_hits
                if 0 <= start - hit.end - 1 <= SAME_PLACE_GAP
                and not any(word.is_break or word.stem in lexicon.scope_ends for word in words[hit.end + 1 : start])
            ),
            None,
        )
        if finding is None or (end + 1 < len(words) and words[end + 1].raw in EXISTENTIAL_VERBS):
            continue  # "sore, and there is numbness in my toes": that "there" points at nothing
        earlier = [hit for hit in places if hit.end < finding.start and finding.start - hit.end <= SAME_PLACE_REACH]
        if not earlier:
            continue
        last = max(earlier, key=lambda hit: (hit.end, hit.end - hit.start))  # the latest, and the widest there
        shown = " ".join(word.raw for word in words[start : end + 1])
        for place in earlier:
            if (place.start, place.end) == (last.start, last.end):  # "bum" may be a region and a body part
                # It stands at its first word, as close to its finding as "numb there" is
                again = Hit(place.kind, place.key, start, start, shown)
                found.append(replace(again, context=_context(again, words, lexicon, consumed, covered, findings)))
    return tuple(found)


def _normal_at(words: tuple[Word, ...], index: int, lexicon: Lexicon) -> bool:
    """Whether a "normal" word ("normally", "as usual") starts at `index`."""
    return any(_stems_at(words, index, len(stems)) == stems for stems in lexicon.normal_after)


def _list_runs_on(words: tuple[Word, ...], comma: int, hit: Hit, covered: frozenset[int]) -> bool:
    """Whether a denial before `comma` reaches `hit` after it, as in a list: "isn't red, hot or swollen",
    "no fever, chills or sweats". Only findings and "or" stand between, and an "or" or "nor" closes the list
    in the same part; "no fever, hot swollen knee" says the knee is hot."""
    between = range(comma + 1, hit.start)
    if any(index not in covered and words[index].raw not in LIST_WORDS for index in between):
        return False
    after = hit.end + 1
    closing = any(words[index].raw in LIST_WORDS for index in between)
    while not closing and after < len(words) and not words[after].is_break:
        closing = words[after].raw in LIST_WORDS
        after += 1
    return closing


def _in_clause(
    words: tuple[Word, ...], start: int, step: int, phrases: frozenset[tuple[str, ...]], lexicon: Lexicon
) -> bool:
    """Whether one of `phrases` stands within the scope from `start` on (`step` 1) or back (`step` -1), before
    the clause ends: "before" after "never had back trouble", "can't" before "without"."""
    index, steps = start, 0
    while 0 <= index < len(words) and steps < lexicon.scope_words:
        if words[index].is_break or words[index].stem in lexicon.scope_ends:
            return False
        if any(
            _stems_at(words, index if step > 0 else index - len(stems) + 1, len(stems)) == stems for stems in phrases
        ):
            return True
        index, steps = index + step, steps + 1
    return False


def _onset_in_clause(words: tuple[Word, ...], start: int, time_point: int, lexicon: Lexicon) -> bool:
    """Whether "started", "began" or "since" stands in the clause of a hit at `start`, before the time point at
    `time_point`: then "last month" says when a trouble that goes on began."""
    first = start
    while first > 0 and start - first < lexicon.scope_words:
        word = words[first - 1]
        if word.is_break or word.stem in lexicon.scope_ends:
            break
        first -= 1
    return any(
        _stems_at(words, index, len(stems)) == stems
        for index in range(first, time_point)
        for stems in lexicon.onset_words
    )


def _about_someone_else(words: tuple[Word, ...], lexicon: Lexicon) -> set[int]:
    """The word positions about another person: from a person word ("my brother", "nan") up to
    `OTHER_PERSON_WORDS` words on, ending early at punctuation or the writer's own "I", "me", "my". An "and"
    does not end it: "my mum had surgery and lost control of her bladder" is all the mother's."""
    inside: set[int] = set()
    index = 0
    while index < len(words):
        length = next((n for n in lexicon.other_lengths if _is_person(words, index, n, lexicon)), 0)
        if not length:
            index += 1
            continue
        end, steps = index + length, 0
        while end < len(words) and steps < OTHER_PERSON_WORDS:
            word = words[end]
            if word.raw in lexicon.first_person or (word.is_break and not _story_goes_on(words, end + 1, lexicon)):
                break
            # "he", "her": the same person's story goes on ("my 7 year old has a fever, his hip is red").
            steps = 0 if word.raw in lexicon.third_person else steps + 1
            end += 1
        inside.update(range(_owner_start(words, index, lexicon), end))
        index += length
    return inside


def _story_goes_on(words: tuple[Word, ...], start: int, lexicon: Lexicon) -> bool:
    """Whether the thought starting at `start` speaks of "him" or "her" before the writer's "I" or its end."""
    for word in words[start : start + OTHER_PERSON_WORDS]:
        if word.is_break or word.raw in lexicon.first_person:
            return False
        if word.raw in lexicon.third_person:
            return True
    return False


def _is_person(words: tuple[Word, ...], index: int, length: int, lexicon: Lexicon) -> bool:
    """Whether the `length` words at `index` name another person ("my 8 year old" only with its "my")."""
    stems = _stems_at(words, index, length)
    if stems in lexicon.other_person:
        return True
    return stems in lexicon.owned_person and _owner_start(words, index, lexicon) < index


def _names_a_person(words: tuple[Word, ...], index: int, lexicon: Lexicon) -> bool:
    """Whether another person is named at `index`: "daughter", "little one"."""
    return any(_stems_at(words, index, length) in lexicon.other_person for length in lexicon.other_lengths)


def _owner_start(words: tuple[Word, ...], index: int, lexicon: Lexicon) -> int:
    """Where the person's description starts: the "my" of "my brother" or "my 80 year old mum" is about them,
    not the writer speaking of themselves."""
    for back in range(index - 1, max(-1, index - 1 - OWNER_WORDS), -1):
        word = words[back]
        if word.is_break or word.stem in lexicon.scope_ends:
            break
        if word.raw in lexicon.first_person:
            return back
    return index


def _someone_elses(words: tuple[Word, ...], hits: Iterable[Hit], lexicon: Lexicon) -> set[int]:
    """Positions about someone else, when the writer also speaks of themselves outside them; else none.

    People type for their family, and then a relative's warning sign is the patient's ("my dad can't pee and
    his back hurts"). Only a writer who also says "I", "me" or "mine" outside another person's words, next to
    a finding of their own, is telling someone else's story beside theirs: "my brother had a clot in his leg,
    mine is the heel". That story is then asked about, not assumed.
    """
    inside = _about_someone_else(words, lexicon)
    if not inside:
        return inside
    # The writer's own trouble is a place or a symptom: "first thing in the morning" or "a warm bath" beside a
    # child's limp is when and what, not a trouble of the writer's own.
    own_starts = {
        hit.start for hit in hits if hit.start not in inside and hit.key not in lexicon.circumstance_concepts and hit.counts
    }
    speaks_of_self = any(
        at not in inside and word.raw in lexicon.first_person and (word.raw not in POSSESSIVES or at + 1 in own_starts)
        for at, word in enumerate(words)
    )
    return inside if speaks_of_self and own_starts else set()


def analyse(text: str, lexicon: Lexicon) -> Analysis:
    """The located, context-marked knowledge phrases and numbers in `text`."""
    words, corrections = _words(text, lexicon)
    masked = _trapped(words, lexicon)
    positions = _content_positions(words, lexicon, masked)
    found = list({(hit.kind, hit.key, hit.start, hit.end): hit for hit in reversed(
        _find_phrases(words, positions, lexicon) + _find_whole_phrases(words, lexicon, masked)
        + _number_hits(words, lexicon))}.values())[::-1]
    consumed = frozenset(index for hit in found if hit.end > hit.start for index in range(hit.start, hit.end + 1))
    covered = frozenset(index for hit in found for index in range(hit.start, hit.end + 1))
    findings = frozenset(
        index for hit in found if hit.key in lexicon.finding_concepts for index in range(hit.start, hit.end + 1)
    )
    hits = tuple(
        Hit(hit.kind, hit.key, hit.start, hit.end, hit.shown, _context(hit, words, lexicon, consumed, covered, findings))
        if lexicon.cues else hit
        for hit in found
    )
    hits += _places_said_again(words, hits, lexicon, consumed, covered, findings)
    hits = _mark_mine(words, hits, lexicon)
    theirs = _someone_elses(words, hits, lexicon)
    if theirs:
        # A red flag's own words still count wherever they stand ("numb bum" is never missed); what is
        # someone else's is the loose evidence the flags' rules and the conditions are built from.
        hits = tuple(
            Hit(hit.kind, hit.key, hit.start, hit.end, hit.shown, OTHER)
            if hit.start in theirs and not hit.context and hit.kind != "flag" else hit
            for hit in hits
        )
    return Analysis(words, hits, corrections)
