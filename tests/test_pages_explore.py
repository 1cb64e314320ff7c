"""Home and Explore screens through AppTest: disclaimer, results with reasons, red flag first."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.figures.muscles import VIEWS, muscle_drawing_text
from glutemap.knowledge.models import KnowledgeBase
from glutemap.ui import explore_widgets as keys
from glutemap.ui.components import plain
from testing.folded import open_folded

TIMEOUT = 30
APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def explore() -> AppTest:
    """The app opened on the Explore screen."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.run()
    app.switch_page("pages/explore.py")
    app.run()
    return app


def _text(app: AppTest) -> str:
    return "\n".join(str(element.value) for element in (*app.markdown, *app.subheader, *app.caption, *app.error))


def test_home_shows_what_it_is_and_the_disclaimer(shipped_knowledge) -> None:
    """Home runs without error, says it is for learning only and shows the short disclaimer."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT)
    app.run()
    assert not app.exception
    assert app.title[0].value == strings.HOME_TITLE
    assert any(shipped_knowledge.disclaimer.short[:40] in expander.label.replace("\\", "") for expander in app.expander)


def test_explore_starts_with_a_prompt_and_no_results(explore: AppTest) -> None:
    """With nothing chosen, Explore invites the visitor to choose and shows no condition."""
    assert not explore.exception
    assert "Choose a place on the body" in _text(explore)
    assert not any(block.key and block.key.startswith("result_") for block in explore.get("flex_container"))


def test_warning_signs_are_short_questions_with_the_full_wording_one_tap_away(explore: AppTest, shipped_knowledge) -> None:
    """The checklist offers every red flag by its short title; the everyday wording of each sits in the popover."""
    open_folded(explore, "warning_signs_open")
    checklist = explore.pills(key=keys.RED_FLAGS_LIST)
    titles = {plain(flag.title) for flag in shipped_knowledge.red_flags.values()}
    assert set(checklist.options) == titles
    explore.session_state["warning_signs_detail"] = True
    explore.run()
    details = "\n".join(str(markdown.value) for markdown in explore.get("popover")[0].markdown)
    assert all(flag.everyday[:30] in details.replace("\\", "") for flag in shipped_knowledge.red_flags.values())


def test_a_ticked_sign_stays_ticked_when_its_list_is_folded_again(explore: AppTest) -> None:
    """Folding the checklist (which then is not drawn) keeps the ticks and the urgent advice they bring."""
    open_folded(explore, "warning_signs_open")
    explore.pills(key=keys.RED_FLAGS_LIST).set_value(["fever_with_pain"]).run()
    assert explore.error and explore.error[0].value == f"**{strings.URGENT_TITLE}**"
    explore.session_state["warning_signs_open"] = False
    explore.run()
    assert not explore.get("button_group") or all(group.key != keys.RED_FLAGS_LIST for group in explore.get("button_group"))
    assert explore.session_state[keys.RED_FLAGS] == ["fever_with_pain"]
    assert explore.error and explore.error[0].value == f"**{strings.URGENT_TITLE}**"


def test_the_checklist_shows_the_stored_ticks_when_opened(explore: AppTest) -> None:
    """A sign ticked another way (an answer to a question we asked) shows ticked when the list opens."""
    explore.session_state[keys.RED_FLAGS] = ["saddle_numbness"]
    open_folded(explore.run(), "warning_signs_open")
    assert explore.pills(key=keys.RED_FLAGS_LIST).value == ["saddle_numbness"]


def test_the_checklist_and_the_list_of_areas_open_on_a_tap(explore: AppTest) -> None:
    """Both long lists start folded, so a phone shows the map and the text box without scrolling far."""
    labels = {expander.label: expander for expander in explore.expander}
    assert strings.EXPLORE_RED_FLAGS_OPEN in labels and strings.BODYMAP_LIST_HELP in labels
    assert not labels[strings.EXPLORE_RED_FLAGS_OPEN].proto.expanded
    assert not labels[strings.BODYMAP_LIST_HELP].proto.expanded


def test_free_text_shows_conditions_with_reasons(explore: AppTest) -> None:
    """Typed words bring up matching conditions, each with why it was shown and the muscles involved."""
    explore.session_state[keys.SYMPTOM_TEXT] = "outer knee pain when running"
    open_folded(explore.run(), "why_shown_")
    text = _text(explore)
    assert "Iliotibial band syndrome" in text
    assert strings.EXPLORE_WHY in [expander.label for expander in explore.expander]
    assert "Gluteus medius" in text


def test_region_choice_shows_conditions(explore: AppTest) -> None:
    """Choosing a body region (as the map or toggles do) updates the results."""
    explore.session_state[keys.SELECTED_REGIONS] = ["heel_plantar_l"]
    explore.run()
    assert "Plantar" in _text(explore)


def _keys(app: AppTest) -> list[str]:
    return [block.key for block in app.get("flex_container") if block.key]


def test_results_come_in_four_sections_with_conditions_open(explore: AppTest) -> None:
    """Results are split into four sections to choose from; the conditions show first, the others are not built."""
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.run()
    sections = next(widget for widget in explore.get("button_group") if widget.key == keys.RESULTS_SECTION)
    assert sections.label == strings.EXPLORE_SECTIONS_LABEL
    assert [str(option) for option in sections.options] == [
        strings.EXPLORE_SECTION_CONDITIONS,
        strings.EXPLORE_SECTION_NEXT,
        strings.EXPLORE_SECTION_MUSCLES,
        strings.EXPLORE_SECTION_FLOW,
    ]
    assert sections.value == strings.EXPLORE_SECTION_CONDITIONS
    assert "result_it_band_syndrome" in _keys(explore)
    cards = [key for key in _keys(explore) if key.startswith("result_")]
    # The only pictures are the result cards' own (one each); the pain maps and the flow chart are not built.
    assert len(explore.get("image")) == len(cards)
    assert cards and not explore.get("plotly_chart")
    assert "explore_next" not in _keys(explore)


def test_no_sections_before_any_choice(explore: AppTest) -> None:
    """With nothing chosen there is nothing to split: no result tabs, only the prompt."""
    assert not explore.tabs


def test_next_steps_section_shows_the_decision_aid(explore: AppTest) -> None:
    """Opening "What you could do next" shows the options for the conditions on screen, and no condition card."""
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.session_state[keys.RESULTS_SECTION] = strings.EXPLORE_SECTION_NEXT
    explore.run()
    assert {"explore_next", "explore_next_self_care"} <= set(_keys(explore))
    assert not any(key.startswith("result_") for key in _keys(explore))


def test_muscles_section_shows_both_pain_maps(explore: AppTest) -> None:
    """Opening "Muscles and pain maps" shows a pain-map picture per muscle, described in words."""
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.session_state[keys.RESULTS_SECTION] = strings.EXPLORE_SECTION_MUSCLES
    explore.run()
    alts = [image.proto.imgs[0].alt for image in explore.get("image")]  # type: ignore[attr-defined]
    intros = [strings.REFERRAL_ALT.format(muscle=name, view=strings.BODYMAP_VIEW_TITLES["back"])
              for name in ("Gluteus medius", "Gluteus minimus")]  # the default view
    pain_maps = [alt for alt in alts if alt.startswith(tuple(intros))]
    assert len(pain_maps) == 2 and all(alt.startswith(intro) for alt, intro in zip(pain_maps, intros, strict=True))
    assert strings.EXPLORE_MUSCLES_HEADING in [subheader.value for subheader in explore.subheader]


def test_muscles_section_draws_each_muscle_on_the_bones(explore: AppTest, shipped_knowledge: KnowledgeBase) -> None:
    """Under each muscle on the list, an expander shows it on the bones from the side and from behind."""
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.session_state[keys.RESULTS_SECTION] = strings.EXPLORE_SECTION_MUSCLES
    explore.run()
    labels = [expander.label for expander in explore.expander]
    alts = [image.proto.imgs[0].alt for image in explore.get("image")]  # type: ignore[attr-defined]
    shown = [muscle_id for muscle_id, muscle in shipped_knowledge.muscles.items()
             if strings.MUSCLE_DRAWING_EXPANDER.format(name=plain(muscle.name)) in labels]
    assert shown
    for muscle_id in shown:
        for view in VIEWS:
            assert muscle_drawing_text(shipped_knowledge, muscle_id, view) in alts


def test_flow_section_shows_the_figure(explore: AppTest) -> None:
    """Opening "How it connects" shows the plotly flow figure (its table sits in an expander below)."""
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.session_state[keys.RESULTS_SECTION] = strings.EXPLORE_SECTION_FLOW
    explore.run()
    assert len(explore.get("plotly_chart")) == 1
    assert strings.EXPLORE_FLOW_TABLE in [expander.label for expander in explore.expander]


def test_unrelated_text_leaves_the_muscle_section_empty_with_a_note(explore: AppTest) -> None:
    """A section with nothing to show says so instead of staying blank."""
    explore.session_state[keys.SYMPTOM_TEXT] = "sore throat"
    explore.session_state[keys.RESULTS_SECTION] = strings.EXPLORE_SECTION_MUSCLES
    explore.run()
    assert strings.EXPLORE_SECTION_EMPTY in _text(explore)


def test_red_flag_puts_urgent_panel_first_and_hides_exercises(explore: AppTest) -> None:
    """A ticked red flag shows "Seek care now" before any result and no exercise link."""
    explore.session_state[keys.RED_FLAGS] = ["saddle_numbness"]
    explore.session_state[keys.SYMPTOM_TEXT] = "outer knee pain when running"
    explore.run()
    assert explore.error[0].value == "**Seek care now**"
    labels = [link.label for link in explore.get("page_link")]
    assert not any("Clam" in label for label in labels)
    assert "hidden until you have read the urgent advice" in _text(explore)


def test_a_cards_folded_sections_are_built_only_once_opened(explore: AppTest) -> None:
    """A card's reasons and exercises reach the browser only when opened: every tap stays short."""
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.run()
    assert not any("exercise=" in str(link.proto.query_string) for link in explore.get("page_link"))
    open_folded(explore, "exercises_for_")
    assert any("exercise=" in str(link.proto.query_string) for link in explore.get("page_link"))


def test_an_exercise_added_from_right_side_areas_is_planned_for_the_right_leg(explore: AppTest, shipped_knowledge) -> None:
    """Areas tapped on the right only: "Add to my plan" plans the exercise for the right leg, not both."""
    explore.session_state[keys.SELECTED_REGIONS] = ["hip_lateral_r", "thigh_lateral_upper_r"]
    open_folded(explore.run(), "exercises_for_")
    add = next(button for button in explore.button if button.key and button.key.startswith("explore_add_"))
    add.click().run()
    assert [item.side for item in explore.session_state["plan"]] == ["right"]


@pytest.mark.parametrize("section", [strings.EXPLORE_SECTION_CONDITIONS, strings.EXPLORE_SECTION_NEXT])
def test_each_results_section_has_one_list_of_words_used(explore: AppTest, section: str) -> None:
    """The words-used list appears once, at the end, whichever section is shown (the next steps had their own)."""
    explore.session_state[keys.SYMPTOM_TEXT] = "pain on the side of my hip when I lie on it"
    explore.session_state[keys.RESULTS_SECTION] = section
    explore.run()
    assert [expander.label for expander in explore.expander].count(strings.GLOSSARY_HEADING) == 1


def test_acknowledging_the_urgent_panel_shows_exercises(explore: AppTest) -> None:
    """After "I understand", exercise links appear while the urgent panel stays on top."""
    explore.session_state[keys.RED_FLAGS] = ["fever_with_pain"]
    explore.session_state[keys.SELECTED_REGIONS] = ["hip_lateral_r"]
    explore.run()
    open_folded(explore.button(key=keys.URGENT_ACK + "_button").click().run(), "exercises_for_")
    assert explore.error[0].value == "**Seek care now**"
    assert any("exercise" in str(link.proto.query_string) for link in explore.get("page_link"))


def test_red_flag_words_in_free_text_trigger_the_panel(explore: AppTest) -> None:
    """Typing a red-flag phrase is enough for the urgent panel."""
    explore.session_state[keys.SYMPTOM_TEXT] = "I fell off a ladder and my hip hurts"
    explore.run()
    assert explore.error and explore.error[0].value == "**Seek care now**"


def test_unrelated_text_says_nothing_fits(explore: AppTest) -> None:
    """Text unrelated to these muscles gets an honest "nothing fits" and no guesses."""
    explore.session_state[keys.SYMPTOM_TEXT] = "sore throat"
    explore.run()
    assert "Nothing in GluteMap fits" in _text(explore)


def test_hostile_text_is_shown_as_text(explore: AppTest) -> None:
    """Markup typed by a visitor never becomes HTML: it stays in the text box, escaped elsewhere."""
    explore.session_state[keys.SYMPTOM_TEXT] = "<script>alert(1)</script> [click](javascript:alert(1)) outer knee"
    explore.run()
    assert not explore.exception
    assert all("<script>" not in str(element.value) for element in explore.markdown)


def test_a_tapped_suggestion_is_used_as_the_description(explore: AppTest, shipped_knowledge) -> None:
    """Tapping a suggested description fills the text box with it and shows its condition; the chip lets go again."""
    condition = shipped_knowledge.conditions["plantar_fasciitis"]
    explore.pills(key=keys.EXAMPLE).set_value(condition.id).run()
    assert explore.session_state[keys.SYMPTOM_TEXT] == condition.example
    assert explore.pills(key=keys.EXAMPLE).value is None
    assert plain(condition.name) in _text(explore)


def test_clear_button_forgets_every_choice(explore: AppTest) -> None:
    """"Clear my choices" empties the regions, text and red flags."""
    explore.session_state[keys.SYMPTOM_TEXT] = "outer knee pain"
    explore.session_state[keys.SELECTED_REGIONS] = ["knee_lateral_r"]
    explore.run()
    explore.button(key="explore_clear").click().run()
    assert not explore.session_state[keys.SELECTED_REGIONS]
    assert not explore.session_state[keys.SYMPTOM_TEXT]


def test_a_suggested_sign_is_asked_and_yes_ticks_it(explore: AppTest) -> None:
    """Words that suggest a sign without establishing it ask "Does this apply to you?"; Yes ticks the sign."""
    explore.session_state[keys.SYMPTOM_TEXT] = "sore back, what if I can't pee later"
    explore.run()
    assert strings.EXPLORE_ASK_HEADING in _text(explore)
    explore.button(key="explore_ask_bladder_trouble").click().run()
    assert "bladder_trouble" in explore.session_state[keys.RED_FLAGS]
    assert not explore.exception


def test_an_area_only_muscles_refer_to_is_an_answer_not_nothing(explore: AppTest, shipped_knowledge) -> None:
    """An area with referred pain but no condition lists the muscles instead of "nothing fits"."""
    from glutemap.search.matcher import match

    area = next(
        f"{r.id}_l" if r.sided else r.id
        for r in shipped_knowledge.regions.values()
        if not match(shipped_knowledge, regions=[r.id]).conditions and match(shipped_knowledge, regions=[r.id]).muscles
    )
    explore.session_state[keys.SELECTED_REGIONS] = [area]
    explore.run()
    text = _text(explore)
    assert strings.EXPLORE_MUSCLES_ONLY in text
    assert strings.EXPLORE_NO_MATCH not in text


def test_an_area_note_is_shown_for_an_area_glutemap_does_not_cover(explore: AppTest, shipped_knowledge) -> None:
    """An area with a not-linked note shows what usually causes pain there and whom to see."""
    region = next(r for r in shipped_knowledge.regions.values() if r.not_linked is not None)
    explore.session_state[keys.SELECTED_REGIONS] = [f"{region.id}_l" if region.sided else region.id]
    explore.run()
    assert region.not_linked.causes[:40] in _text(explore).replace("\\", "")
