"""The language layer: every visible word, interface or knowledge, passes through `Language.text` at render time.

English is the language the app and its knowledge are written in (US spelling). A language here is:

- a code: "en", or "en-XA", the pseudo-locale, where every word is accented and lengthened so a screen
  with a plain English word left on it shows a word that skipped this layer;
- the clinic's wording: the words for whom to see ("doctor" or "GP", "physical therapist" or
  "physiotherapist"), filled into the `{doctor}`-style placeholders of interface and knowledge text, and
  the spelling (US, or UK from a table of word pairs), so one screen never mixes two sets of care words.

A language other than English reads its interface messages from a gettext catalogue
(`glutemap/locales/<code>/LC_MESSAGES/messages.mo`, keyed by the English message; `glutemap catalogue` writes the
template, `messages.pot`); plural forms, dates and lists follow the language's rules from Babel's locale data.

The interface reads its words through `glutemap.strings` (which asks `current()`); the knowledge through
`localize()`, which returns a copy of the knowledge whose shown text is in the language (search vocabulary,
ids and publication details stay as written). Which language a visitor sees is decided by the screen layer,
which registers a provider with `use_provider`; without one (scripts, the CLI, tests) it is `DEFAULT`.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from babel import Locale
from babel.dates import format_date
from babel.support import Translations
from pydantic import BaseModel

from glutemap import english
from glutemap.knowledge.models import CARE_WORD_PLACEHOLDERS, holds_shown_text
from glutemap.memo import IdentityCache

LanguageCode = Literal["en", "en-XA"]
LANGUAGE_CODES: tuple[LanguageCode, ...] = ("en", "en-XA")
PSEUDO: LanguageCode = "en-XA"
Spelling = Literal["US", "UK"]
DoctorWord = Literal["doctor", "GP", "family doctor", "primary care doctor"]
TherapistWord = Literal["physical therapist", "physiotherapist"]

# The care words a clinic may choose (see settings/clinic.yaml), each with its plural. All start with a
# consonant sound, so the knowledge's "a {doctor}" reads right with every choice.
DOCTOR_WORDS: Mapping[str, str] = {"doctor": "doctors", "GP": "GPs", "family doctor": "family doctors",
                                   "primary care doctor": "primary care doctors"}  # fmt: skip
THERAPIST_WORDS: Mapping[str, tuple[str, str]] = {
    # word: (plural, the treatment)
    "physical therapist": ("physical therapists", "physical therapy"),
    "physiotherapist": ("physiotherapists", "physiotherapy"),
}
# The care-word placeholders (models.CARE_WORD_PLACEHOLDERS), with or without a capital first letter.
PLACEHOLDER = re.compile(r"\{(" + "|".join(f"[{name[0].upper()}{name[0]}]{name[1:]}" for name in CARE_WORD_PLACEHOLDERS) + r")\}")


@dataclass(frozen=True)
class Wording:
    """A clinic's words: whom to see, and the spelling."""

    doctor: DoctorWord = "doctor"
    therapist: TherapistWord = "physical therapist"
    spelling: Spelling = "US"

    def fill(self, name: str) -> str:
        """The word for one placeholder name ("doctor", "Therapists", ...)."""
        lower = name[0].lower() + name[1:]
        therapist_plural, therapy = THERAPIST_WORDS[self.therapist]
        words = {"doctor": self.doctor, "doctors": DOCTOR_WORDS[self.doctor],
                 "therapist": self.therapist, "therapists": therapist_plural, "therapy": therapy}  # fmt: skip
        word = words[lower]
        return word[0].upper() + word[1:] if name[0].isupper() else word


@dataclass(frozen=True)
class Language:
    """What one visitor reads: a language code and the clinic's wording."""

    code: LanguageCode = "en"
    wording: Wording = Wording()

    @property
    def pseudo(self) -> bool:
        """True for the pseudo-locale (accented, lengthened English)."""
        return self.code == PSEUDO

    @property
    def locale(self) -> Locale:
        """Babel's locale: its plural rules, date patterns and list words (English follows the clinic's spelling)."""
        return _locale(self.code, self.wording.spelling)

    def text(self, message: str) -> str:
        """`message` in this language: from the catalogue, care words filled, spelling applied, accented in the
        pseudo-locale."""
        return _text(self, message)

    def plural(self, message: english.Plural, **fields: object) -> str:
        """The form of `message` for the number in `fields` (by this language's plural rules), filled in."""
        count = fields[message.count]
        if not isinstance(count, int):
            raise TypeError(f"{message.count} must be a whole number, not {count!r}")
        return _shaped(self, catalogue(self.code).ngettext(message.one, message.other, count)).format(**fields)

    def long_date(self, day: dt.date) -> str:
        """`day` written out in this language's long form ("December 4, 2026"; UK spelling: "4 December 2026")."""
        return _shaped(self, format_date(day, format="long", locale=self.locale))

    def join(self, items: Sequence[str]) -> str:
        """Items as a list in a sentence, with this language's words and commas ("hip, knee, and foot")."""
        if len(items) < 2:
            return "".join(items)
        patterns = self.locale.list_patterns["standard"]
        if len(items) == 2:
            return _connector(self, patterns["2"]).format(*items)
        joined = _connector(self, patterns["end"]).format(items[-2], items[-1])
        for item in reversed(items[1:-2]):
            joined = _connector(self, patterns["middle"]).format(item, joined)
        return _connector(self, patterns["start"]).format(items[0], joined)


@dataclass(frozen=True)
class PluralMessage(english.Plural):
    """A plural message as one visitor reads it: `format` picks the form by the visitor's language."""

    language: Language = Language()

    def format(self, **fields: object) -> str:
        """The form for the number in `fields[self.count]`, in the language, with the fields filled in."""
        return self.language.plural(self, **fields)


DEFAULT = Language()
# Where compiled catalogues live: <code>/LC_MESSAGES/messages.mo (gettext's layout), beside the template.
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
CATALOGUE_DOMAIN = "messages"


@cache
def _locale(code: LanguageCode, spelling: Spelling) -> Locale:
    if code in LANGUAGE_CODES:  # English and its pseudo-locale
        return Locale.parse("en_GB" if spelling == "UK" else "en_US")
    return Locale.parse(code.replace("-", "_"))


def catalogue(code: str, directory: Path | None = None) -> gettext.NullTranslations:
    """The interface messages of the language `code` (from `directory`, by default LOCALES_DIR), keyed by the English
    message. English is the source, so it (and the pseudo-locale, generated from it) has none: its catalogue returns
    every message unchanged, as does a language whose catalogue is missing."""
    if code in LANGUAGE_CODES:
        return _NO_CATALOGUE
    return _catalogue(code, directory or LOCALES_DIR)


_NO_CATALOGUE = gettext.NullTranslations()


@cache
def _catalogue(code: str, directory: Path) -> gettext.NullTranslations:
    return Translations.load(str(directory), [code.replace("-", "_")], CATALOGUE_DOMAIN)


@lru_cache(maxsize=8192)
def _text(language: Language, message: str) -> str:
    return _shaped(language, catalogue(language.code).gettext(message))


@lru_cache(maxsize=8192)
def _shaped(language: Language, message: str) -> str:
    """A message already in the language, with the clinic's care words and spelling; accented in the pseudo-locale."""
    shown = PLACEHOLDER.sub(lambda match: language.wording.fill(match.group(1)), message) if "{" in message else message
    if language.wording.spelling == "UK":
        shown = uk_spelling(shown)
    return pseudo(shown) if language.pseudo else shown


def _connector(language: Language, pattern: str) -> str:
    """A list pattern ("{0}, and {1}"); in the pseudo-locale its words are accented too (without brackets)."""
    return accented(pattern) if language.pseudo else pattern


# --- UK spelling ------------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")
# "-ize" verbs and their "-ization" nouns are "-ise" in British spelling; these words are not such verbs.
_IZE = re.compile(r"^(\w+)iz(e|ed|es|ing|ation|ations)$", re.IGNORECASE)


def _keep_case(found: str, replacement: str) -> str:
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    return replacement[0].upper() + replacement[1:] if found[0].isupper() else replacement


def _uk_word(match: re.Match[str]) -> str:
    word = match.group(0)
    lower = word.lower()
    british = english.UK_SPELLINGS.get(lower)
    if british is None:
        ize = _IZE.match(lower)
        if ize is None or lower in english.UK_SPELLING_KEEP:
            return word
        british = f"{ize.group(1)}is{ize.group(2)}"
    return _keep_case(word, british)


def uk_spelling(text: str) -> str:
    """`text` in British spelling: "center" -> "centre", "organized" -> "organised", "GP" stays "GP"."""
    return _WORD.sub(_uk_word, text)


# --- the pseudo-locale ------------------------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçďéƒĝĥíĵķļɱñöþʠŕšţüṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĻḾÑÖÞǪŔŠŢÜṼŴẊÝŽ",
)
# Kept as they are: format fields ("{count}"), code (`python -m ...`) and web addresses.
_KEEP = re.compile(r"\{[^{}]*\}|`[^`]*`|https?://\S+")


def accented(text: str) -> str:
    """Every letter accented, format fields, code and web addresses kept: "and {1}" -> "áñď {1}"."""
    parts: list[str] = []
    position = 0
    for kept in _KEEP.finditer(text):
        parts.append(text[position : kept.start()].translate(_ACCENTED))
        parts.append(kept.group(0))
        position = kept.end()
    parts.append(text[position:].translate(_ACCENTED))
    return "".join(parts)


def pseudo(text: str) -> str:
    """Accented and about a third longer, in brackets: "Explore" -> "[Éẋþļöŕé ··]"."""
    if not text.strip():
        return text
    # Middle dots, not tildes: "~~" is strikethrough in Markdown.
    return "[" + accented(text) + " " + "·" * max(2, len(text) // 3) + "]"


# --- which language is in use -----------------------------------------------------------------------------

_provider: Callable[[], Language] = lambda: DEFAULT  # noqa: E731


def use_provider(provider: Callable[[], Language]) -> None:
    """Let the screen layer decide the language of each visitor (called once, at start-up)."""
    global _provider
    _provider = provider


def current() -> Language:
    """The language of the visitor being served now (DEFAULT outside a visit)."""
    return _provider()


def translated(value: Any, language: Language | None = None) -> Any:
    """A message in the current language: text, a tuple of texts, or a mapping whose values are texts."""
    chosen = current() if language is None else language
    if isinstance(value, str):
        return chosen.text(value)
    if isinstance(value, english.Plural):
        return PluralMessage(value.one, value.other, value.count, language=chosen)
    if isinstance(value, tuple):
        return tuple(translated(item, chosen) for item in value)
    if isinstance(value, dict):
        return {key: translated(item, chosen) for key, item in value.items()}
    return value


# --- the knowledge in a language --------------------------------------------------------------------------

Model = TypeVar("Model", bound=BaseModel)


def _holds_records(annotation: Any) -> bool:
    """True for a field's type holding records (models), alone or inside tuples, dicts and `| None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_records(argument) for argument in get_args(annotation))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of `model` the language layer visits: (name, True for shown text / False for records)."""
    visited: list[tuple[str, bool]] = []
    for name, info in model.model_fields.items():
        shown = holds_shown_text(info)
        if shown or _holds_records(info.annotation):
            visited.append((name, shown))
    return tuple(visited)


def _shown(value: Any, language: Language, text: bool) -> Any:
    if isinstance(value, str):
        return language.text(value) if text else value
    if isinstance(value, BaseModel):
        return localize_record(value, language)
    if isinstance(value, tuple):
        return tuple(_shown(item, language, text) for item in value)
    if isinstance(value, dict):
        return {key: _shown(item, language, text) for key, item in value.items()}
    return value


def localize_record(record: Model, language: Language) -> Model:
    """A copy of `record` whose `Shown` text is in `language`; ids, phrases and citations stay as written."""
    changes: dict[str, Any] = {}
    for name, text in _plan(type(record)):
        value = getattr(record, name)
        shown = _shown(value, language, text)
        if shown != value:
            changes[name] = shown
    return record.model_copy(update=changes) if changes else record


_localized: IdentityCache[BaseModel] = IdentityCache()


def localize(knowledge: Model, language: Language) -> Model:
    """The knowledge with its shown text in `language`, built once per knowledge and language."""
    return _localized.get(knowledge, lambda: localize_record(knowledge, language), extra=language)  # type: ignore[return-value]
