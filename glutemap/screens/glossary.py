"""Find the glossary terms used in a piece of text, so screens can show a plain gloss beside it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from glutemap.knowledge.models import GlossaryTerm


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(word) for word in ordered) + r")\b", re.IGNORECASE)


def terms_in(texts: Iterable[str], glossary: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """Glossary terms (or their other forms) that occur in `texts`, in glossary order, each once."""
    by_word: dict[str, GlossaryTerm] = {}
    for term in glossary:
        for word in (term.term, *term.also):
            by_word.setdefault(word.lower(), term)
    if not by_word:
        return []
    texts = list(texts)
    # A substring test per word first: one regex alternating over every word is slow in Python's engine
    # (about 5 ms for Explore's result cards), and a word that is not in the text cannot match.
    folded = "\n".join(texts).casefold()
    candidates = tuple(word for word in by_word if word.casefold() in folded)
    if not candidates:
        return []
    pattern = _pattern(candidates)
    found: dict[str, GlossaryTerm] = {}
    for text in texts:
        for hit in pattern.finditer(text):
            term = by_word[hit.group(1).lower()]
            found.setdefault(term.term, term)
    order = {term.term: position for position, term in enumerate(glossary)} if isinstance(glossary, (list, tuple)) else {}
    return sorted(found.values(), key=lambda term: order.get(term.term, 0))
