"""The language layer: care words, spelling and the pseudo-locale, for interface strings and knowledge alike."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from streamlit.testing.v1 import AppTest

from glutemap import english, language, strings
from glutemap.clinic import load_clinic_settings
from glutemap.knowledge.loader import check_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.language import Language, Wording, localize, pseudo, uk_spelling

ROOT = Path(__file__).resolve().parent.parent
UK_CLINIC = Wording(doctor="GP", therapist="physiotherapist", spelling="UK")


def _all_text(value: Any) -> Iterator[str]:
    """Every string anywhere inside a record."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _all_text(getattr(value, name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _all_text(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_text(item)


# --- care words -------------------------------------------------------------------------------------------


def test_the_default_wording_fills_doctor_and_physical_therapist() -> None:
    """With no clinic choice, the placeholders read as the US words the knowledge was written with."""
    assert Language().text("See a {doctor} or a {therapist}.") == "See a doctor or a physical therapist."


def test_a_clinic_wording_fills_its_own_words_with_plurals_and_capitals() -> None:
    """"GP" and "physiotherapist" replace every placeholder form, keeping a capital first letter."""
    text = "{Doctor}s? {doctors} and {therapists} offer {therapy}. {Therapist}: see your {doctor}."
    assert Language(wording=UK_CLINIC).text(text) == (
        "GPs? GPs and physiotherapists offer physiotherapy. Physiotherapist: see your GP."
    )


def test_format_fields_other_than_care_words_are_left_for_format() -> None:
    """"{count}" is a format field of the message, not a care word: it survives for `.format`."""
    assert Language(wording=UK_CLINIC).text("{count} problem(s): ask a {doctor}") == "{count} problem(s): ask a GP"


def test_every_doctor_word_a_clinic_may_choose_has_a_plural() -> None:
    """The settings' choices and the plural table list the same words."""
    assert set(language.DOCTOR_WORDS) == set(language.DoctorWord.__args__)
    assert set(language.THERAPIST_WORDS) == set(language.TherapistWord.__args__)


# --- spelling ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("us", "uk"),
    [("center", "centre"), ("Centers", "Centres"), ("organized", "organised"), ("randomization", "randomisation"),
     ("color", "colour"), ("behavior", "behaviour"), ("fibers", "fibres"), ("program", "programme")],
)  # fmt: skip
def test_uk_spelling_turns_us_words_british(us: str, uk: str) -> None:
    """Listed words and "-ize" verbs change, with their capital letters kept."""
    assert uk_spelling(us) == uk


@pytest.mark.parametrize("word", ["size", "prize", "seized", "GP", "exercise", "centerline", "disc"])
def test_uk_spelling_leaves_other_words_alone(word: str) -> None:
    """Words that only look like "-ize" verbs, and words that are not on the list, stay as they are."""
    assert uk_spelling(word) == word


def test_the_english_messages_use_us_spelling() -> None:
    """No interface message is written in British spelling (a UK clinic gets it from the table instead)."""
    british = {uk for uk in english.UK_SPELLINGS.values()}
    messages = " ".join(_all_text(tuple(value for name, value in vars(english).items() if name.isupper() and
                                        not name.startswith("UK_"))))  # fmt: skip
    assert sorted({word for word in re.findall(r"[a-z]+", messages.lower()) if word in british}) == []


def test_knowledge_prose_uses_us_spelling(shipped_knowledge: KnowledgeBase) -> None:
    """Shown knowledge text is in US spelling; publication details and search phrases may differ."""
    shown = localize(shipped_knowledge, Language(wording=Wording(spelling="UK")))
    changed = [
        before for before, after in zip(_all_text(shipped_knowledge), _all_text(shown), strict=True) if before != after
    ]
    british = set(english.UK_SPELLINGS.values())
    found = {word for text in changed for word in re.findall(r"[a-z]+", text.lower()) if word in british}
    assert found == set()


# --- the pseudo-locale ------------------------------------------------------------------------------------


def test_pseudo_leaves_no_plain_letter_outside_fields_code_and_addresses() -> None:
    """Every letter is accented, except format fields, code and web addresses, which must keep working."""
    shown = pseudo("Found {count} problem(s); run `make test` or see https://example.org/x now")
    assert "{count}" in shown and "`make test`" in shown and "https://example.org/x" in shown
    rest = re.sub(r"\{count\}|`make test`|https://example\.org/x", "", shown)
    assert re.findall(r"[A-Za-z]", rest) == []


def test_pseudo_text_is_longer_and_bracketed() -> None:
    """About a third longer, so layouts are tried with longer words, and marked so cut-off text shows."""
    shown = pseudo("Explore where it hurts")
    assert shown.startswith("[") and shown.endswith("]")
    assert len(shown) >= len("Explore where it hurts") * 1.3


def test_pseudo_never_writes_markdown_strikethrough() -> None:
    """The padding is not "~~", which Markdown would read as strikethrough."""
    assert "~" not in pseudo("A long sentence that gets padded a lot")


# --- the interface strings --------------------------------------------------------------------------------


def test_strings_are_looked_up_in_the_current_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """`strings.X` reads the message at use, in whatever language the provider names now."""
    assert strings.HOME_TITLE == english.HOME_TITLE
    monkeypatch.setattr(language, "_provider", lambda: Language(language.PSEUDO))
    assert pseudo(english.HOME_TITLE) == strings.HOME_TITLE
    assert strings.URGENCY_LABELS["urgent"] == pseudo(english.URGENCY_LABELS["urgent"].replace("{doctor}", "doctor"))


def test_an_unknown_string_name_is_an_attribute_error() -> None:
    """A misspelt message name fails loudly, not with an empty text."""
    with pytest.raises(AttributeError):
        _ = strings.NO_SUCH_MESSAGE


def test_only_the_lookup_reads_the_english_messages() -> None:
    """Every other module reads messages through `glutemap.strings`, so none skips the language layer (the template
    writer reads them to list them for translators)."""
    readers = []
    for path in [*ROOT.joinpath("glutemap").rglob("*.py"), ROOT / "app.py", *ROOT.joinpath("pages").glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [alias.name for alias in node.names] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if "glutemap.english" in names or module == "glutemap.english" or (module == "glutemap" and "english" in names):
                readers.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(readers)) == ["glutemap/catalogue.py", "glutemap/language.py", "glutemap/strings.py"]


# --- the knowledge ----------------------------------------------------------------------------------------


def test_no_placeholder_is_left_in_the_knowledge_a_visitor_reads(written_knowledge: KnowledgeBase) -> None:
    """With any clinic wording, no "{doctor}"-style placeholder reaches the screen."""
    for wording in (Wording(), UK_CLINIC):
        shown = localize(written_knowledge, Language(wording=wording))
        assert [text for text in _all_text(shown) if language.PLACEHOLDER.search(text)] == []


def test_the_knowledge_names_whom_to_see_with_placeholders(written_knowledge: KnowledgeBase) -> None:
    """The shipped knowledge uses the placeholders, so a clinic's words reach its text."""
    shown = localize(written_knowledge, Language(wording=UK_CLINIC))
    assert any("GP" in text for text in _all_text(shown.conditions))
    assert any("physiotherapist" in text for text in _all_text(shown.conditions))


def test_ids_phrases_and_citations_stay_as_written(written_knowledge: KnowledgeBase) -> None:
    """The pseudo-locale changes shown text only: ids, search phrases and publication details are untouched."""
    shown = localize(written_knowledge, Language(language.PSEUDO))
    assert shown.conditions.keys() == written_knowledge.conditions.keys()
    condition = next(iter(written_knowledge.conditions.values()))
    assert shown.conditions[condition.id].id == condition.id
    assert shown.conditions[condition.id].words == condition.words
    assert shown.conditions[condition.id].name != condition.name
    source = next(iter(written_knowledge.sources.values()))
    assert shown.sources[source.id] == source


def test_localized_knowledge_is_built_once_per_language(written_knowledge: KnowledgeBase) -> None:
    """Asking again for the same knowledge and language gives the same object (no rebuild per visitor)."""
    assert localize(written_knowledge, Language(language.PSEUDO)) is localize(written_knowledge, Language(language.PSEUDO))


def test_an_unknown_placeholder_in_the_knowledge_is_a_located_error(tmp_path: Path) -> None:
    """"{docter}" in a record is reported with file, line and field, like any other knowledge mistake."""
    import shutil

    shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge")
    path = tmp_path / "knowledge" / "options" / "self_care.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1) if content.startswith("summary:"))
    path.write_text(text.replace("summary: ", "summary: Ask your {docter}. ", 1), encoding="utf-8")
    knowledge, errors = check_knowledge(tmp_path / "knowledge")
    assert knowledge is None
    messages = [str(error) for error in errors]
    assert any("self_care.yaml" in m and f":{line}" in m and "summary" in m and "{docter}" in m for m in messages), messages


# --- clinic settings --------------------------------------------------------------------------------------


def test_the_clinic_settings_choose_the_care_words(tmp_path: Path) -> None:
    """doctor_word, therapist_word and spelling become the clinic's wording."""
    path = tmp_path / "clinic.yaml"
    path.write_text('doctor_word: "GP"\ntherapist_word: "physiotherapist"\nspelling: "UK"\n', encoding="utf-8")
    settings, errors = load_clinic_settings(path)
    assert errors == [] and settings is not None
    assert settings.wording == UK_CLINIC


def test_a_care_word_outside_the_choices_is_a_located_error(tmp_path: Path) -> None:
    """A word the app does not offer (it would break "a {doctor}" or plurals) is refused with its line."""
    path = tmp_path / "clinic.yaml"
    path.write_text('emergency_number: "999"\ndoctor_word: "osteopath"\n', encoding="utf-8")
    settings, errors = load_clinic_settings(path)
    assert settings is None
    assert any("doctor_word" in str(error) and ":2" in str(error) for error in errors)


def test_a_page_shows_the_clinic_words_and_never_the_other_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With GP and physiotherapist chosen, Home says them and no longer says doctor or physical therapist."""
    path = tmp_path / "clinic.yaml"
    path.write_text('doctor_word: "GP"\ntherapist_word: "physiotherapist"\nspelling: "UK"\n', encoding="utf-8")
    monkeypatch.setenv("GLUTEMAP_SETTINGS", str(path))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    assert not app.exception
    text = "\n".join(str(element.value) for element in (*app.markdown, *app.info, *app.warning, *app.caption))
    text += "\n".join(expander.label for expander in app.expander)
    assert "GP or physiotherapist" in text
    assert "physical therapist" not in text.lower() and not re.search(r"\bdoctor\b", text)
