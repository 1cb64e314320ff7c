"""Ready for a second language: plural forms, dates and lists by the language's rules, a gettext template of every
interface message, and a compiled catalogue read at render time."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from glutemap import english, language, strings
from glutemap.catalogue import interface_catalogue, messages, template_text
from glutemap.cli import main
from glutemap.language import Language, Wording, catalogue, pseudo
from glutemap.screens.common import long_date

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "glutemap" / "locales" / "messages.pot"
DAY = dt.date(2026, 3, 9)
SPANISH_TITLE = "Explora dónde te duele"
# Spanish has three plural forms in Babel's (CLDR's) rules: one, "many" (a million and its multiples) and other.
SPANISH_COUNT = ("Se muestra {shown} de {total} afección.", "Se muestran {shown} de {total} de afecciones.",
                 "Se muestran {shown} de {total} afecciones.")


@pytest.fixture
def in_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Caches of translated text are emptied before and after, so a test's language does not leak."""
    for cached in (language._text, language._shaped, language._catalogue):
        cached.cache_clear()
    yield
    for cached in (language._text, language._shaped, language._catalogue):
        cached.cache_clear()


@pytest.fixture
def spanish_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_language: None) -> Path:
    """A compiled Spanish catalogue with one message and one plural message, in place of the shipped locales."""
    po = Catalog(locale="es")
    po.add(english.EXPLORE_TITLE, SPANISH_TITLE)
    plural = english.CONDITION_RESULTS_COUNT
    po.add((plural.one, plural.other), SPANISH_COUNT)
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as mo:
        write_mo(mo, po)
    monkeypatch.setattr(language, "LOCALES_DIR", tmp_path)
    return tmp_path


# --- plurals ----------------------------------------------------------------------------------------------


def test_a_plural_message_reads_singular_for_one() -> None:
    """"1 of 1 condition", never "conditions" or "condition(s)"."""
    shown = strings.CONDITION_RESULTS_COUNT.format(shown=1, total=1)
    assert shown == english.CONDITION_RESULTS_COUNT.one.format(shown=1, total=1)


@pytest.mark.parametrize("total", [0, 2, 14])
def test_a_plural_message_reads_plural_for_other_numbers(total: int) -> None:
    shown = strings.CONDITION_RESULTS_COUNT.format(shown=0, total=total)
    assert shown == english.CONDITION_RESULTS_COUNT.other.format(shown=0, total=total)


def test_a_plural_message_in_the_pseudo_locale_is_accented(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_provider", lambda: Language(language.PSEUDO))
    assert strings.EXERCISES_COUNT.format(shown=2, total=3) == pseudo(english.EXERCISES_COUNT.other).format(shown=2, total=3)


def test_a_plural_message_needs_a_whole_number() -> None:
    with pytest.raises(TypeError, match="total"):
        strings.CONDITION_RESULTS_COUNT.format(shown=1, total="many")


def test_no_message_writes_a_plural_with_brackets() -> None:
    """"problem(s)" reads badly and cannot be translated: a plural message has both forms instead."""
    assert not [name for name, message in messages() if "(s)" in str(message)]


# --- dates and lists --------------------------------------------------------------------------------------


def test_a_date_follows_the_clinics_spelling() -> None:
    """US English writes the month first, UK English the day first; the month is always a word, never a number."""
    assert Language().long_date(DAY) == "March 9, 2026"
    assert Language(wording=Wording(spelling="UK")).long_date(DAY) == "9 March 2026"


def test_screens_write_dates_in_the_visitors_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_provider", lambda: Language(wording=Wording(spelling="UK")))
    assert long_date(DAY) == "9 March 2026"


def test_a_date_in_the_pseudo_locale_has_its_month_accented() -> None:
    shown = Language(language.PSEUDO).long_date(DAY)
    assert "March" not in shown and "9" in shown and "2026" in shown


@pytest.mark.parametrize(
    ("spelling", "items", "expected"),
    [("US", ["hip"], "hip"), ("US", ["hip", "knee"], "hip and knee"), ("US", ["hip", "knee", "foot"], "hip, knee, and foot"),
     ("UK", ["hip", "knee", "foot"], "hip, knee and foot"), ("US", ["a", "b", "c", "d"], "a, b, c, and d")],
)  # fmt: skip
def test_a_list_in_a_sentence_uses_the_languages_words(spelling: str, items: list[str], expected: str) -> None:
    assert Language(wording=Wording(spelling=spelling)).join(items) == expected  # type: ignore[arg-type]


def test_a_list_in_the_pseudo_locale_has_its_joining_word_accented() -> None:
    assert Language(language.PSEUDO).join(["x", "y"]) == "x " + pseudo("and")[1:4] + " y"


# --- the template and catalogues --------------------------------------------------------------------------


def test_the_template_in_the_repository_is_current() -> None:
    """`glutemap/locales/messages.pot` is what `glutemap catalogue` writes now: run it after changing a message."""
    assert TEMPLATE.read_text(encoding="utf-8") == template_text()


def test_the_template_holds_every_message_with_the_name_code_uses() -> None:
    template = read_po(io.StringIO(TEMPLATE.read_text(encoding="utf-8")))
    names = {name for entry in template if entry.id for name in entry.auto_comments}
    assert names == {name for name, _message in messages()}


def test_plural_messages_are_plural_entries_in_the_template() -> None:
    plural = english.CONDITION_RESULTS_COUNT
    assert interface_catalogue()[plural.one].id == (plural.one, plural.other)


def test_spelling_tables_are_not_messages() -> None:
    assert not [name for name, _message in messages() if name.startswith("UK_SPELLING")]


def test_the_cli_prints_the_template() -> None:
    out = io.StringIO()
    assert main(["catalogue"], out=out) == 0
    assert out.getvalue() == template_text()


def test_english_reads_every_message_as_written() -> None:
    """English is the source language: it has no catalogue, and a message comes back unchanged."""
    assert catalogue("en").gettext(english.EXPLORE_TITLE) == english.EXPLORE_TITLE


def test_a_language_reads_its_messages_from_its_compiled_catalogue(spanish_catalogue: Path) -> None:
    spanish = Language("es")  # type: ignore[arg-type]
    assert spanish.text(english.EXPLORE_TITLE) == SPANISH_TITLE
    assert spanish.plural(english.CONDITION_RESULTS_COUNT, shown=1, total=1) == SPANISH_COUNT[0].format(shown=1, total=1)
    assert spanish.plural(english.CONDITION_RESULTS_COUNT, shown=1, total=5) == SPANISH_COUNT[2].format(shown=1, total=5)


def test_a_message_missing_from_a_catalogue_stays_english(spanish_catalogue: Path) -> None:
    assert Language("es").text(english.HOME_TITLE) == english.HOME_TITLE  # type: ignore[arg-type]


def test_a_language_writes_dates_and_lists_its_own_way(spanish_catalogue: Path) -> None:
    spanish = Language("es")  # type: ignore[arg-type]
    assert spanish.long_date(DAY) == "9 de marzo de 2026"
    assert spanish.join(["cadera", "rodilla", "pie"]) == "cadera, rodilla y pie"
