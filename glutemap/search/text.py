"""Everyday text into words: normalising, a real stemmer, and the words that carry no meaning for matching."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_TEXT_CHARS = 2000
BREAK = "."
COMMA = ","  # a softer break: a list ("not red, hot or swollen") may run on past it
BREAKS = frozenset({BREAK, COMMA})

# Small words that carry no meaning for matching. Words that change meaning ("no", "not", "cant",
# "never", "without", "and") are kept: the context step reads them.
STOPWORDS = frozenset(
    {
        "a", "an", "the", "my", "your", "his", "her", "their", "our", "of", "in", "on", "at", "to", "into",
        "onto", "is", "are", "am", "was", "were", "i", "im", "it", "its", "me", "be", "been", "being", "very",
        "really", "so", "quite", "bit", "lot", "lots", "some", "that", "this", "also", "too", "by",
        "with", "from", "s", "ive", "id", "he", "she", "hes", "shes", "him", "them", "they",
        "theyre", "we", "us", "you", "youre", "just", "like", "kind", "sort", "have", "has", "had",
        "do", "does", "did", "kinda", "sorta",
        "pretty", "totally", "literally", "basically", "actually", "um", "uh", "lol", "tbh", "rn", "pls",
        "please", "hi", "hello", "hey", "thanks", "thank", "will", "would", "which", "who", "what",
    }
)
# Letters, numbers (with a decimal part), and punctuation that ends a thought.
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)?|[.,;:!?()\n]|(?<=\s)-(?=\s)")
# "cannot", "can not", "couldn't", "unable to" and "not able to" all mean "cant" here, so one phrase covers every
# spelling: "I'm not able to pee" is the same warning sign as "I can't pee".
_CANNOT = re.compile(
    r"\b(?:can ?not|couldnt|could not|unable to|(?:am |im |is |are |was |were )?(?:not|never|isnt|arent|wasnt|werent|no longer)"
    r"(?: be| been)? able to|(?:havent|hasnt|hadnt) been able to|wont be able to)\b"
)
# "do not" is "dont", as the knowledge writes it ("I do not feel it" is "I dont feel it"); the negation cues
# list both spellings, so nothing is lost for them.
_NOT = re.compile(r"\b(do|does|did|is|are|was|were|have|has|had|would|should|will) not\b")
_CONTRACTED = {"will": "wont"}
# "sh*t": a word softened with symbols is the word (the respellings then read "sht" as meant).
_SOFTENED = re.compile(r"(?<=[a-z])[*#@$]+(?=[a-z])")
# "peed my self" is "peed myself": one word, as the knowledge writes it.
_SELF = re.compile(r"\b(my|him|her|your|them|our) (self|selves)\b")
# "IT band" would otherwise lose "it" (a small word) and match "resistance band".
_IT_BAND = re.compile(r"\bit[ -]?band\b")
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
# "my child's school": the possessive goes, so "childs" is never mistaken for another word.
_POSSESSIVE = re.compile(r"(?<=[a-z])['’]s\b")

_STEMMER = snowballstemmer.stemmer("english")


def normalise(text: str) -> str:
    """Lower-case, accent-free text with apostrophes dropped (so "can't" == "cant")."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(char for char in folded if not unicodedata.combining(char))
    lowered = _SOFTENED.sub("", _POSSESSIVE.sub("", ascii_text.lower()).translate(_APOSTROPHES))
    contracted = _NOT.sub(lambda found: _CONTRACTED.get(found[1], found[1] + "nt"), lowered)
    return _IT_BAND.sub("itband", _SELF.sub(r"\1\2", _CANNOT.sub("cant", contracted)))


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem: "numbness" -> "numb", "tingling" -> "tingl"."""
    if not word.isalpha():
        return word
    return str(_STEMMER.stemWord(word))


def raw_words(text: str) -> list[str]:
    """Normalised words, numbers and thought-ending punctuation (as `BREAK`, or `COMMA` for a comma alone), in
    order."""
    words: list[str] = []
    for token in _TOKEN.findall(normalise(text)):
        if token[0].isalnum():
            words.append(token.replace(",", "."))
            continue
        mark = COMMA if token == "," else BREAK
        if words and words[-1] in BREAKS:
            words[-1] = BREAK if BREAK in (words[-1], mark) else COMMA
        else:
            words.append(mark)
    return words


@dataclass(frozen=True)
class Word:
    """One word of the text: as written (after spelling correction) and as stemmed."""

    raw: str
    stem: str

    @property
    def is_break(self) -> bool:
        return self.raw in BREAKS

    @property
    def is_content(self) -> bool:
        """Counts for matching: not a break and not a small word."""
        return self.raw not in BREAKS and self.raw not in STOPWORDS


def phrase_stems(text: str) -> tuple[str, ...]:
    """The stems that count for matching in a knowledge phrase."""
    return tuple(stem(word) for word in raw_words(text) if word not in BREAKS and word not in STOPWORDS)


def all_stems(text: str) -> tuple[str, ...]:
    """Every stem of a short cue phrase, small words included ("no history of")."""
    return tuple(stem(word) for word in raw_words(text) if word not in BREAKS)
