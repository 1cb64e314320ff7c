"""Everyday-text handling shared by the matcher: normalising, light stemming and forgiving phrase search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

MAX_TEXT_CHARS = 2000

# Small words that carry no meaning for matching; words like "pain", "down" or "night" are kept.
STOPWORDS = frozenset(
    {
        "a", "an", "the", "my", "your", "his", "her", "their", "our", "of", "in", "on", "at", "to",
        "into", "onto", "when", "while", "and", "or", "but", "is", "are", "am", "was", "were", "i",
        "im", "i'm", "it", "its", "it's", "me", "have", "has", "had", "been", "be", "do", "does", "did",
        "with", "for", "from", "that", "this", "there", "very", "really", "some", "bit", "got", "get",
        "gets", "feel", "feels", "felt", "like", "just", "so", "also", "if", "after", "before",
        "during", "then", "than", "too", "quite", "lot", "lots", "any",
    }
)
_TOKEN = re.compile(r"[a-z0-9]+")
# "cannot", "can not" and "couldnt" all mean "cant" here, so one phrase covers every spelling.
_CANNOT = re.compile(r"\b(?:can ?not|couldnt|could not)\b")
# "IT band" would otherwise shrink to "band" ("it" is a small word) and match "resistance band".
_IT_BAND = re.compile(r"\bit[ -]?band\b")
_FUZZY_MIN_LENGTH = 5


def normalise(text: str) -> str:
    """Lower-case, accent-free text with apostrophes dropped (so "can't" == "cant")."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(char for char in folded if not unicodedata.combining(char))
    lowered = ascii_text.lower().replace("'", "").replace("’", "")
    return _IT_BAND.sub("itband", _CANNOT.sub("cant", lowered))


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A deliberately light stemmer: running/runs/ran-style endings, applied the same way to both sides."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) >= 3 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]
            return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxz":
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def tokens(text: str) -> tuple[str, ...]:
    """Meaningful stemmed words of `text`, in order."""
    return tuple(stem(word) for word in _TOKEN.findall(normalise(text)) if word not in STOPWORDS)


@lru_cache(maxsize=65536)
def _close(a: str, b: str) -> bool:
    """True when two stemmed words are equal, or one typo apart in words long enough to be safe."""
    if a == b:
        return True
    if min(len(a), len(b)) < _FUZZY_MIN_LENGTH or abs(len(a) - len(b)) > 1:
        return False
    return _within_one_edit(a, b)


def _within_one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        # one swap of neighbouring letters ("fasciits" vs "fasciist")
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = j = 0
    skipped = False
    while i < len(short) and j < len(long_):
        if short[i] == long_[j]:
            i += 1
            j += 1
        elif skipped:
            return False
        else:
            skipped = True
            j += 1
    return True


def find_phrase(phrase: Sequence[str], text: Sequence[str], max_gap: int = 2) -> tuple[int, int] | None:
    """Where all phrase words occur in order in `text` with at most `max_gap` other words between them."""
    if not phrase:
        return None
    for start, word in enumerate(text):
        if not _close(phrase[0], word):
            continue
        position = start
        for wanted in phrase[1:]:
            window = text[position + 1 : position + 2 + max_gap]
            step = next((k for k, candidate in enumerate(window) if _close(wanted, candidate)), None)
            if step is None:
                break
            position += 1 + step
        else:
            return start, position
    return None
