"""Conditions, Anatomy and Sources & about screens through AppTest, on the shipped knowledge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markdown_tables import column
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.figures.muscles import VIEWS, muscle_drawing_text
from glutemap.knowledge.models import KnowledgeBase
from glutemap.ui.components import plain
from testing.folded import open_folded

TIMEOUT = 30
APP = str(Path(__file__).resolve().parent.parent / "app.py")
REFERENCE_PAGES = ("pages/conditions.py", "pages/anatomy.py", "pages/about.py")


def open_page(page: str, **query: str) -> AppTest:
    """The app opened on `page`, with `query` as the address's query parameters."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in query.items():
        app.query_params[name] = value
    app.switch_page(page)
    app.run()
    return app


def _text(app: AppTest) -> str:
    elements = (*app.title, *app.header, *app.subheader, *app.markdown, *app.caption, *app.warning, *app.info)
    return "\n".join(str(element.value) for element in elements)


def _images(app: AppTest) -> list[Any]:
    """Every picture shown as an image (its `url` and `alt`), in page order."""
    return [image for element in app.get("image") for image in element.proto.imgs]  # type: ignore[attr-defined]


def _condition_buttons(app: AppTest) -> list[str]:
    return [button.key for button in app.button if button.key and button.key.startswith("condition_open_")]


def _page_links(app: AppTest) -> list[tuple[str, str]]:
    return [(link.proto.page, link.proto.query_string) for link in app.get("page_link")]


@pytest.mark.parametrize("page", REFERENCE_PAGES)
def test_page_runs_and_shows_the_disclaimer(page: str, shipped_knowledge: KnowledgeBase) -> None:
    """Each screen runs without an error and shows the short disclaimer as one line that opens to the full text."""
    app = open_folded(open_page(page), "disclaimer_open")
    assert not app.exception
    assert not app.error
    notice = next(expander for expander in app.expander if expander.label == plain(shipped_knowledge.disclaimer.short))
    shown = "\n".join(str(markdown.value) for markdown in notice.markdown)
    assert all(plain(paragraph) in shown for paragraph in shipped_knowledge.disclaimer.notice)


# --- conditions -------------------------------------------------------------------------------------------
def test_condition_index_lists_every_condition(shipped_knowledge: KnowledgeBase) -> None:
    """With nothing typed, the index offers every condition."""
    app = open_page("pages/conditions.py")
    assert sorted(_condition_buttons(app)) == sorted(f"condition_open_{cid}" for cid in shipped_knowledge.conditions)


def test_search_narrows_the_index() -> None:
    """Typing words in the search box leaves only the conditions that match them."""
    app = open_page("pages/conditions.py")
    everything = _condition_buttons(app)
    app.text_input(key="condition_search").input("knee").run()
    narrowed = _condition_buttons(app)
    assert "condition_open_it_band_syndrome" in narrowed
    assert 0 < len(narrowed) < len(everything)


def test_search_with_no_match_says_so() -> None:
    """A search that matches nothing says so calmly instead of showing an empty list."""
    app = open_page("pages/conditions.py")
    app.text_input(key="condition_search").input("zzzqqq").run()
    assert not _condition_buttons(app)
    assert strings.CONDITION_NO_RESULTS in _text(app)


def test_condition_deep_link_opens_that_condition(shipped_knowledge: KnowledgeBase) -> None:
    """`?condition=it_band_syndrome` opens the page about IT band syndrome."""
    app = open_page("pages/conditions.py", condition="it_band_syndrome")
    assert not app.exception
    assert app.header[0].value == plain(shipped_knowledge.conditions["it_band_syndrome"].name)


def test_a_condition_page_has_one_list_of_words_used() -> None:
    """The condition's own text and its next steps share one words-used list."""
    app = open_page("pages/conditions.py", condition="trochanteric_bursitis")
    assert [expander.label for expander in app.expander].count(strings.GLOSSARY_HEADING) == 1


def test_condition_deep_link_on_home_reaches_the_conditions_page(shipped_knowledge: KnowledgeBase) -> None:
    """A condition link that lands on the home page is routed to the condition's page."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.query_params["condition"] = "it_band_syndrome"
    app.run()
    assert app.header[0].value == plain(shipped_knowledge.conditions["it_band_syndrome"].name)


def test_unknown_condition_shows_not_found_and_the_index() -> None:
    """An unknown condition id gives a calm "not found" note and the index, never an error."""
    app = open_page("pages/conditions.py", condition="no_such_condition")
    assert not app.exception
    assert app.warning[0].value == strings.NOT_FOUND.format(name=plain("no_such_condition"))
    assert _condition_buttons(app)


def test_opening_a_condition_puts_it_in_the_address(shipped_knowledge: KnowledgeBase) -> None:
    """Choosing a condition from the index shows it and updates the address, so a reload keeps it."""
    app = open_page("pages/conditions.py")
    app.button(key="condition_open_it_band_syndrome").click().run()
    assert app.query_params["condition"] == "it_band_syndrome"
    assert app.header[0].value == plain(shipped_knowledge.conditions["it_band_syndrome"].name)


def test_back_to_the_index_clears_the_address() -> None:
    """Going back to all conditions removes the condition from the address and shows the index."""
    app = open_page("pages/conditions.py", condition="it_band_syndrome")
    app.button(key="condition_back").click().run()
    assert "condition" not in app.query_params
    assert _condition_buttons(app)


def test_condition_page_links_each_exercise_to_the_exercises_screen(shipped_knowledge: KnowledgeBase) -> None:
    """Every exercise that may help links to the Exercises screen with that exercise chosen."""
    app = open_page("pages/conditions.py", condition="it_band_syndrome")
    links = _page_links(app)
    for exercise_id in shipped_knowledge.conditions["it_band_syndrome"].exercises:
        assert ("exercises", f"exercise={exercise_id}") in links


def test_condition_page_shows_evidence_strength_in_plain_words(shipped_knowledge: KnowledgeBase) -> None:
    """Each muscle link says how strong the evidence is, in the plain label's words."""
    app = open_page("pages/conditions.py", condition="it_band_syndrome")
    for link in shipped_knowledge.conditions["it_band_syndrome"].muscle_links:
        assert plain(strings.EVIDENCE_LABELS[link.evidence]) in _text(app)


def test_condition_page_gives_clinicians_the_icd_codes(shipped_knowledge: KnowledgeBase) -> None:
    """The clinician section lists the condition's ICD-10-CM codes in a table."""
    app = open_page("pages/conditions.py", condition="it_band_syndrome")
    shown = set(column(app, strings.CONDITION_ICD_COLUMNS[0]))
    assert {code.code for code in shipped_knowledge.conditions["it_band_syndrome"].icd10cm} <= shown


# --- anatomy ----------------------------------------------------------------------------------------------
def test_anatomy_opens_on_gluteus_medius() -> None:
    """Without a link, the anatomy screen shows the gluteus medius."""
    app = open_page("pages/anatomy.py")
    assert app.segmented_control(key="muscle_choice").value == "gluteus_medius"
    assert app.header[0].value == "Gluteus medius"


def test_a_condition_opens_with_how_it_feels_when_to_see_someone_and_self_care() -> None:
    """Symptoms, when to see someone and self-care show at once; exercises (with the pain rule), the muscles, return
    to activity and questions are folded sections."""
    app = open_page("pages/conditions.py", condition="trochanteric_bursitis")
    shown = [str(element.value) for element in app.subheader]
    assert shown[:3] == [strings.CONDITION_SYMPTOMS, strings.CONDITION_SEE_CLINICIAN, strings.CONDITION_SELF_CARE]
    folded = [expander.label for expander in app.expander]
    for label in (strings.CONDITION_EXERCISES, strings.CONDITION_MUSCLES, strings.CONDITION_QUESTIONS):
        assert label in folded
    assert strings.PAIN_RULE_HEADING in _text(app)


def test_a_muscle_opens_with_where_it_sits_and_what_it_does_and_the_rest_folded() -> None:
    """Attachments (with the drawing) and actions show at once; supply, depth, notes, conditions and exercises are
    folded sections, so a phone reads what the muscle is before scrolling through lists."""
    app = open_page("pages/anatomy.py")
    assert [str(element.value) for element in app.subheader][:2] == [strings.MUSCLE_ATTACHMENTS, strings.MUSCLE_ACTIONS]
    folded = [expander.label for expander in app.expander]
    for label in (strings.MUSCLE_SUPPLY, strings.MUSCLE_LAYER, strings.MUSCLE_CONDITIONS, strings.MUSCLE_EXERCISES):
        assert label in folded


def test_muscle_deep_link_opens_that_muscle() -> None:
    """`?muscle=gluteus_minimus` opens the gluteus minimus page."""
    app = open_page("pages/anatomy.py", muscle="gluteus_minimus")
    assert not app.exception
    assert app.segmented_control(key="muscle_choice").value == "gluteus_minimus"
    assert app.header[0].value == "Gluteus minimus"


def test_unknown_muscle_shows_not_found() -> None:
    """An unknown muscle id gives a calm "not found" note and the selector, never an error."""
    app = open_page("pages/anatomy.py", muscle="deltoid")
    assert not app.exception
    assert app.warning[0].value == strings.NOT_FOUND.format(name="deltoid")
    assert app.segmented_control(key="muscle_choice").value == "gluteus_medius"


def test_choosing_a_muscle_puts_it_in_the_address() -> None:
    """Picking another muscle shows it and updates the address, so a reload keeps it."""
    app = open_page("pages/anatomy.py")
    app.segmented_control(key="muscle_choice").set_value("gluteus_minimus").run()
    assert app.query_params["muscle"] == "gluteus_minimus"
    assert app.header[0].value == "Gluteus minimus"


def test_context_muscles_can_be_chosen(shipped_knowledge: KnowledgeBase) -> None:
    """Every muscle in the knowledge, including the context muscles, is offered by the selector."""
    app = open_page("pages/anatomy.py")
    assert set(app.segmented_control(key="muscle_choice").options) == {
        plain(muscle.name) for muscle in shipped_knowledge.muscles.values()
    }


def test_muscle_page_draws_layers_pain_map_and_trendelenburg() -> None:
    """The gluteus medius page draws the layer slice and the one-leg stance figure, and the pain map as an image."""
    app = open_page("pages/anatomy.py")
    assert len(app.get("plotly_chart")) == 2
    pain_map_alt = strings.REFERRAL_ALT.format(muscle="Gluteus medius", view=strings.BODYMAP_VIEW_TITLES["back"])
    (pain_map,) = [image for image in _images(app) if image.alt.startswith(pain_map_alt)]
    assert pain_map.url.startswith("data:image/svg+xml;base64,")


def test_muscle_page_draws_the_muscle_on_the_bones(shipped_knowledge: KnowledgeBase) -> None:
    """The chosen muscle is drawn on the bones from the side and from behind, each drawing described in words."""
    app = open_page("pages/anatomy.py", muscle="gluteus_minimus")
    alts = [image.alt for image in _images(app)]
    for view in VIEWS:
        assert alts.count(muscle_drawing_text(shipped_knowledge, "gluteus_minimus", view)) == 1


def test_pain_map_has_a_view_choice_and_a_table(shipped_knowledge: KnowledgeBase) -> None:
    """The pain map comes with a body-view choice and a table naming every area it shows."""
    app = open_page("pages/anatomy.py", muscle="gluteus_minimus")
    assert app.segmented_control(key="referral_view").value
    shown = set(column(app, strings.REFERRAL_COLUMNS[0]))
    expected = {
        shipped_knowledge.regions[area.region].label
        for pattern in shipped_knowledge.muscles["gluteus_minimus"].referral_patterns
        for area in pattern.areas
    }
    assert shown == expected


def test_pain_map_carries_its_caveat(shipped_knowledge: KnowledgeBase) -> None:
    """The pain map is shown with the caveat that it is a learning aid, not a test."""
    app = open_page("pages/anatomy.py", muscle="gluteus_minimus")
    caveat = shipped_knowledge.muscles["gluteus_minimus"].referral_caveat
    assert caveat is not None
    assert plain(caveat) in [info.value for info in app.info]


def test_muscle_page_explains_the_trendelenburg_sign() -> None:
    """The one-leg stance section explains the Trendelenburg sign in words."""
    app = open_page("pages/anatomy.py")
    text = _text(app)
    assert strings.TRENDELENBURG_HEADING in text
    assert plain(strings.TRENDELENBURG_TEXT[2]) in text


def test_comparison_shows_both_muscles_side_by_side(shipped_knowledge: KnowledgeBase) -> None:
    """The comparison shows both muscles' origins."""
    text = _text(open_page("pages/anatomy.py", muscle="piriformis"))
    for muscle_id in ("gluteus_medius", "gluteus_minimus"):
        assert plain(shipped_knowledge.muscles[muscle_id].origin) in text


# --- sources & about --------------------------------------------------------------------------------------
def test_about_lists_every_source_title(shipped_knowledge: KnowledgeBase) -> None:
    """Every source in the knowledge is named on the Sources & about screen."""
    text = _text(open_page("pages/about.py"))
    missing = [source.id for source in shipped_knowledge.sources.values() if plain(source.title) not in text]
    assert missing == []


def test_about_writes_addresses_as_text_not_links(shipped_knowledge: KnowledgeBase) -> None:
    """Source addresses are shown escaped as plain text, so none becomes a clickable link."""
    text = _text(open_page("pages/about.py"))
    with_address = [source for source in shipped_knowledge.sources.values() if source.url]
    assert with_address
    for source in with_address:
        assert plain(source.url or "") in text
    assert "](" not in text and "<a " not in text


def test_about_shows_notice_privacy_and_how_to_use(shipped_knowledge: KnowledgeBase) -> None:
    """The screen gives the full notice, the privacy statement and short steps for using GluteMap."""
    text = _text(open_page("pages/about.py"))
    for paragraph in (*shipped_knowledge.disclaimer.notice, shipped_knowledge.disclaimer.privacy):
        assert plain(paragraph) in text
    assert plain(strings.ABOUT_STEPS[0]) in text
