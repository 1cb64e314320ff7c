"""Everyday-text handling: normalising, light stemming, typo tolerance and phrase search with gaps."""

from __future__ import annotations

import pytest

from glutemap.text import find_phrase, normalise, stem, tokens


def test_normalise_lowercases_strips_accents_and_drops_apostrophes() -> None:
    """Case, accents and apostrophes (straight or curly) never change what a word means to the matcher."""
    assert normalise("Café CAN'T don’t") == "cafe cant dont"


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("running", "run"),
        ("runs", "run"),
        ("knees", "knee"),
        ("stairs", "stair"),
        ("injuries", "injury"),
        ("boxes", "box"),
        ("hopped", "hop"),
        ("swelling", "swell"),
        ("falls", "fall"),
        ("glass", "glass"),
        ("bus", "bus"),
        ("sing", "sing"),
        ("knee", "knee"),
    ],
)
def test_stem_removes_common_endings_but_keeps_short_and_double_s_words(word: str, stemmed: str) -> None:
    """Plural and -ing/-ed endings are removed; short words and words ending in 'ss' are left alone."""
    assert stem(word) == stemmed


def test_tokens_drop_small_words_and_keep_order() -> None:
    """Function words vanish, meaningful words are stemmed and stay in the order written."""
    assert tokens("My knee hurts when I am running") == ("knee", "hurt", "run")


def test_tokens_keep_words_that_carry_meaning_for_symptoms() -> None:
    """Words such as 'pain', 'down' and 'night' are kept, because symptoms are described with them."""
    assert tokens("pain down the leg at night") == ("pain", "down", "leg", "night")


@pytest.mark.parametrize("text", ["", "   ", "!!! ???", "the and of", "😀 🦵"])
def test_tokens_of_text_without_meaningful_words_is_empty(text: str) -> None:
    """Punctuation, emoji and stop words alone give no tokens at all."""
    assert tokens(text) == ()


@pytest.mark.parametrize(
    ("wanted", "written"),
    [
        ("plantar", "planter"),  # one letter swapped for another
        ("plantar", "plantr"),  # one letter missing
        ("plantar", "plaantar"),  # one letter extra
        ("plantar", "plnatar"),  # two neighbouring letters swapped
        ("plantar", "plantra"),  # neighbour swap at the end
        ("ankle", "ankel"),  # exactly five letters is long enough
    ],
)
def test_one_typo_is_forgiven_in_words_of_five_or_more_letters(wanted: str, written: str) -> None:
    """A single edit or neighbour swap still matches when both words have at least five letters."""
    assert find_phrase((wanted,), (written,)) == (0, 0)


@pytest.mark.parametrize(
    ("wanted", "written"),
    [
        ("plantar", "plbntbr"),  # two letters changed
        ("plantar", "platnra"),  # two swaps
        ("plantar", "plantarxx"),  # two letters extra
        ("knee", "knea"),  # short word: no typo allowed
        ("back", "bakc"),  # short word: no swap allowed
        ("hip", "hop"),
        ("ankle", "ankl"),  # the shorter word has four letters
    ],
)
def test_no_typo_is_forgiven_beyond_one_edit_or_in_short_words(wanted: str, written: str) -> None:
    """Two edits, or any edit in a word shorter than five letters, is a different word."""
    assert find_phrase((wanted,), (written,)) is None


def test_find_phrase_allows_two_other_words_between_phrase_words() -> None:
    """'outer knee' matches 'outer left swollen knee': up to two words may sit in between."""
    assert find_phrase(("outer", "knee"), ("outer", "left", "swollen", "knee")) == (0, 3)


def test_find_phrase_rejects_three_other_words_between_phrase_words() -> None:
    """Three words in between is too far apart to count as the same phrase."""
    assert find_phrase(("outer", "knee"), ("outer", "left", "very", "swollen", "knee")) is None


def test_find_phrase_honours_a_custom_gap() -> None:
    """With `max_gap=0` the phrase words must be next to each other."""
    assert find_phrase(("outer", "knee"), ("outer", "left", "knee"), max_gap=0) is None
    assert find_phrase(("outer", "knee"), ("left", "outer", "knee"), max_gap=0) == (1, 2)


def test_find_phrase_needs_the_words_in_order() -> None:
    """'knee pain' is not found in 'pain knee': order matters."""
    assert find_phrase(("knee", "pain"), ("pain", "knee")) is None


def test_find_phrase_tries_later_starts_after_a_false_start() -> None:
    """A first word that leads nowhere does not stop the search for a later full match."""
    assert find_phrase(("pain", "knee"), ("pain", "a", "b", "c", "pain", "knee")) == (4, 5)


def test_find_phrase_with_an_empty_phrase_finds_nothing() -> None:
    """An empty phrase never matches, so an empty knowledge phrase cannot match every text."""
    assert find_phrase((), ("pain",)) is None
