"""Glossary lookups for glosses beside medical terms."""

from glutemap.knowledge.models import GlossaryTerm
from glutemap.screens.glossary import terms_in

GLOSSARY = (
    GlossaryTerm(term="abduction", gloss="Moving the leg out to the side.", also=("abductor", "abductors")),
    GlossaryTerm(term="tendon", gloss="Tough cord joining muscle to bone.", also=()),
)


def test_other_forms_find_their_term() -> None:
    """"abductors" finds the glossary entry for abduction."""
    assert [t.term for t in terms_in(["weak hip abductors"], GLOSSARY)] == ["abduction"]


def test_terms_are_found_once_in_glossary_order() -> None:
    """Repeated terms appear once, in the order the glossary lists them."""
    found = terms_in(["tendon and abduction", "tendon again"], GLOSSARY)
    assert [t.term for t in found] == ["abduction", "tendon"]


def test_words_inside_other_words_do_not_count() -> None:
    """"tendons" is not matched by "tendon" unless listed, and "pretendon" never is."""
    assert terms_in(["pretendon"], GLOSSARY) == []


def test_matching_ignores_case() -> None:
    """A term in capitals is still found."""
    assert [t.term for t in terms_in(["Weak hip ABDUCTORS"], GLOSSARY)] == ["abduction"]


def test_a_term_split_across_two_texts_is_not_found() -> None:
    """Texts are separate: the end of one and the start of the next never make a term together."""
    assert terms_in(["the ten", "don"], GLOSSARY) == []
