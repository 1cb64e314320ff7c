"""Glossary lookups for glosses beside medical terms."""

from glutemap.glossary import terms_in
from glutemap.models import GlossaryTerm

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
