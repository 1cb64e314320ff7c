"""Spelling correction against the knowledge's own words that never turns a real English word into another.

"sciatia" -> "sciatica" and "kneee" -> "knee", but "never" stays "never" and "fiver" stays "fiver": a word
found in SymSpell's English frequency list (shipped inside the `symspellpy` wheel) is left as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from symspellpy import SymSpell, Verbosity

# One typo in words of four letters or more (in three-letter words only a missing letter), two in words of
# seven or more: shorter words have too many near neighbours to guess safely.
MIN_LENGTH_ONE_EDIT = 4
MIN_LENGTH_TWO_EDITS = 7


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """About 83,000 common English words, read from the dictionary that ships with symspellpy."""
    dictionary = resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    with dictionary.open(encoding="utf-8") as lines:
        return frozenset(line.split(" ", 1)[0] for line in lines)


class Speller:
    """Corrects a word to the nearest word the knowledge uses, when the word is neither English nor known."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._counts = Counter(word for word in vocabulary if word.isalpha())
        self._known = frozenset(self._counts)
        self._symspell: SymSpell | None = None  # built at the first unknown word (a warm-up calls `prepare`)
        self._cache: dict[str, str] = {}

    def prepare(self) -> None:
        """Build the correction index now rather than at the first unknown word."""
        if self._symspell is None:
            english_words()
            symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
            for word, count in self._counts.items():
                symspell.create_dictionary_entry(word, count)
            self._symspell = symspell

    def correct(self, word: str) -> str:
        """The knowledge word `word` was probably meant to be, or `word` itself."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        corrected = self._correct(word)
        if len(self._cache) < 20_000:
            self._cache[word] = corrected
        return corrected

    def _correct(self, word: str) -> str:
        if len(word) < MIN_LENGTH_ONE_EDIT - 1 or not word.isalpha() or word in self._known or word in english_words():
            return word
        self.prepare()
        assert self._symspell is not None
        max_edits = 2 if len(word) >= MIN_LENGTH_TWO_EDITS else 1
        suggestions = self._symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=max_edits)
        if not suggestions:
            return word
        if len(word) < MIN_LENGTH_ONE_EDIT:
            # Three letters: only a missing letter is safe to restore ("bak" -> "back", never "hpi" -> "hip").
            suggestions = [item for item in suggestions if len(item.term) == len(word) + 1]
            if not suggestions:
                return word
        best = min(suggestions, key=lambda item: (item.distance, -item.count, item.term))
        return str(best.term)
