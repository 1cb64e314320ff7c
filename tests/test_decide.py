"""The decision aid: which choices are shown, in what order, with which numbers, sources and questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from glutemap import strings
from glutemap.clinic import ClinicSettings
from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge
from glutemap.knowledge.models import OPTION_ORDER, KnowledgeBase
from glutemap.screens.decide import next_steps, questions_to_ask, urgent_contact

KnowledgeWriter = Callable[..., Path]
SHIPPED_CONDITIONS = sorted(path.stem for path in (DEFAULT_KNOWLEDGE_DIR / "conditions").glob("*.yaml"))
ROUTINE = ["see_clinician_soon", "self_care", "watch_and_wait"]
CLINIC = ClinicSettings()

TINY_OPTION = """\
id: {id}
title: "Choice {id}"
summary: "What this choice is."
when_it_fits:
  - "When it fits."
what_it_involves:
  - "What it involves."
what_is_known:
  - "What is known."
what_is_not_known:
  - "What is not known."
sources:
  - seed_000
reviewed_on: 2026-11-23
"""

TINY_OUTCOME = """\
id: tiny_trial
title: "A tiny trial"
study: "Someone 2020"
conditions:
  - side_hip_pain
question: "Which helped?"
population: "Ten people."
timepoint: "8 weeks"
improved_means: "They said they were better."
arms:
  - label: "Exercise"
    involves: "Exercise."
    improved: 4
    total: 5
    option: self_care
  - label: "Waiting"
    involves: "Nothing."
    improved: 1
    total: 5
harms: "None reported."
does_not_tell:
  - "One small trial."
sources:
  - review_one
reviewed_on: 2026-11-23
"""


def _option_files() -> dict[str, str]:
    return {f"options/{option_id}.yaml": TINY_OPTION.format(id=option_id) for option_id in OPTION_ORDER}


def _errors(folder: Path) -> list[str]:
    knowledge, errors = check_knowledge(folder)
    assert knowledge is None or not errors
    return [str(error) for error in errors]


# --- the shipped knowledge --------------------------------------------------------------------------------


def test_shipped_knowledge_has_the_four_options(shipped_knowledge: KnowledgeBase) -> None:
    """Every option the decision aid can show exists as a knowledge record."""
    assert sorted(shipped_knowledge.options) == sorted(OPTION_ORDER)


@pytest.mark.parametrize("condition_id", SHIPPED_CONDITIONS)
def test_each_condition_gets_the_routine_options_with_when_it_fits_text(
    shipped_knowledge: KnowledgeBase, condition_id: str
) -> None:
    """Without a red flag, each condition shows the three routine choices, each saying when it fits."""
    steps = next_steps(shipped_knowledge, [condition_id], urgent=False, kiosk=False, clinic=CLINIC)
    assert [card.id for card in steps.options] == ROUTINE
    assert all(card.when_it_fits and all(text.strip() for text in card.when_it_fits) for card in steps.options)


def test_there_are_fourteen_conditions_to_cover() -> None:
    """The per-condition test above covers all fourteen shipped conditions."""
    assert len(SHIPPED_CONDITIONS) == 14


@pytest.mark.parametrize("condition_ids", [[], ["trochanteric_bursitis"], ["bulging_disc", "low_back_pain"]])
def test_a_red_flag_puts_seek_care_now_first_and_alone(shipped_knowledge: KnowledgeBase, condition_ids: list[str]) -> None:
    """With a red flag, "seek care now" is the top card and no other choice is shown beside it."""
    steps = next_steps(shipped_knowledge, condition_ids, urgent=True, kiosk=False, clinic=CLINIC)
    assert [card.id for card in steps.cards] == ["seek_care_now"]
    assert steps.top is not None and steps.top.id == "seek_care_now"
    assert steps.options == ()
    assert steps.others_hidden_note


def test_a_red_flag_hides_the_trial_numbers(shipped_knowledge: KnowledgeBase) -> None:
    """Numbers comparing routine choices are not shown while a red flag asks for an urgent check."""
    steps = next_steps(shipped_knowledge, ["trochanteric_bursitis"], urgent=True, kiosk=False, clinic=CLINIC)
    assert steps.trials == ()


def test_seek_care_now_never_appears_without_a_red_flag(shipped_knowledge: KnowledgeBase) -> None:
    """Without a red flag there is no top card and "seek care now" is not among the choices."""
    steps = next_steps(shipped_knowledge, SHIPPED_CONDITIONS, urgent=False, kiosk=False, clinic=CLINIC)
    assert steps.top is None
    assert "seek_care_now" not in [card.id for card in steps.cards]


def test_seek_care_now_survives_a_missing_record(shipped_knowledge: KnowledgeBase) -> None:
    """Even if its knowledge record is missing, a red flag still puts a "seek care now" card on top."""
    options = {key: value for key, value in shipped_knowledge.options.items() if key != "seek_care_now"}
    knowledge = shipped_knowledge.model_copy(update={"options": options})
    steps = next_steps(knowledge, [], urgent=True, kiosk=False, clinic=CLINIC)
    assert steps.top is not None and steps.top.id == "seek_care_now"
    assert steps.top.title == strings.URGENT_TITLE


def test_leap_numbers_are_exactly_the_facts(shipped_knowledge: KnowledgeBase) -> None:
    """The LEAP trial shows 51 of 66, 38 of 65 and 20 of 68 improved at 8 weeks (facts.md 6 and 9.4)."""
    steps = next_steps(shipped_knowledge, ["trochanteric_bursitis"], urgent=False, kiosk=False, clinic=CLINIC)
    [trial] = steps.trials
    assert trial.timepoint == "8 weeks"
    assert [(arm.improved, arm.total) for arm in trial.arms] == [(51, 66), (38, 65), (20, 68)]


def test_trial_numbers_say_what_they_do_not_tell(shipped_knowledge: KnowledgeBase) -> None:
    """Every trial shown states its limits, who took part and what is known about harms."""
    for outcome in shipped_knowledge.outcomes.values():
        steps = next_steps(shipped_knowledge, outcome.conditions, urgent=False, kiosk=False, clinic=CLINIC)
        trial = next(t for t in steps.trials if t.id == outcome.id)
        assert trial.does_not_tell and trial.population and trial.harms


def test_conditions_without_numbers_say_so_plainly(shipped_knowledge: KnowledgeBase) -> None:
    """A condition with no trial numbers gets a plain sentence naming it instead of a picture."""
    steps = next_steps(shipped_knowledge, ["it_band_syndrome"], urgent=False, kiosk=False, clinic=CLINIC)
    assert steps.trials == ()
    assert steps.no_numbers_note is not None
    assert shipped_knowledge.conditions["it_band_syndrome"].name in steps.no_numbers_note
    assert "no trial" in steps.no_numbers_note


def test_a_condition_with_numbers_is_not_listed_as_without(shipped_knowledge: KnowledgeBase) -> None:
    """Only the conditions that lack numbers are named in the "no numbers" sentence."""
    steps = next_steps(
        shipped_knowledge, ["trochanteric_bursitis", "shin_splints"], urgent=False, kiosk=False, clinic=CLINIC
    )
    assert steps.no_numbers_note is not None
    assert shipped_knowledge.conditions["shin_splints"].name in steps.no_numbers_note
    assert shipped_knowledge.conditions["trochanteric_bursitis"].name not in steps.no_numbers_note


def test_condition_notes_appear_only_for_conditions_on_screen(shipped_knowledge: KnowledgeBase) -> None:
    """An option's note about one condition is not shown when only another condition is on screen."""
    steps = next_steps(shipped_knowledge, ["it_band_syndrome"], urgent=False, kiosk=False, clinic=CLINIC)
    shown = {note.condition_id for card in steps.options for note in card.condition_notes}
    assert shown <= {"it_band_syndrome"}


@pytest.mark.parametrize("urgent", [False, True])
def test_every_view_states_sources_review_date_and_no_commercial_interest(
    shipped_knowledge: KnowledgeBase, urgent: bool
) -> None:
    """Each options view carries known sources, the review date and the no-commercial-interest statement."""
    steps = next_steps(shipped_knowledge, ["trochanteric_bursitis"], urgent=urgent, kiosk=False, clinic=CLINIC)
    assert steps.source_ids
    assert set(steps.source_ids) <= set(shipped_knowledge.sources)
    assert steps.reviewed_on == dt.date(2026, 11, 23)
    assert "no commercial interest" in steps.no_commercial_interest


def test_trial_sources_are_listed_with_the_view(shipped_knowledge: KnowledgeBase) -> None:
    """The sources of the trial numbers shown are part of the view's sources."""
    steps = next_steps(shipped_knowledge, ["trochanteric_bursitis"], urgent=False, kiosk=False, clinic=CLINIC)
    assert "mellor_2018" in steps.source_ids


def test_view_texts_include_trial_limits_for_the_glossary(shipped_knowledge: KnowledgeBase) -> None:
    """The texts offered to the glossary cover option cards and trial details."""
    steps = next_steps(shipped_knowledge, ["trochanteric_bursitis"], urgent=False, kiosk=False, clinic=CLINIC)
    texts = steps.texts()
    assert steps.options[0].summary in texts
    assert steps.trials[0].does_not_tell[0] in texts


def test_questions_come_from_each_condition_in_order(shipped_knowledge: KnowledgeBase) -> None:
    """The questions to ask are each condition's own, in the order the conditions were given."""
    ids = ["plantar_fasciitis", "bulging_disc"]
    groups = questions_to_ask(shipped_knowledge, ids)
    assert [group.condition_id for group in groups] == ids
    assert groups[0].questions == shipped_knowledge.conditions["plantar_fasciitis"].questions_to_ask


def test_questions_stay_when_a_red_flag_matched(shipped_knowledge: KnowledgeBase) -> None:
    """A person sent for an urgent check still gets the questions to take with them."""
    steps = next_steps(shipped_knowledge, ["bulging_disc"], urgent=True, kiosk=False, clinic=CLINIC)
    assert [group.condition_id for group in steps.questions] == ["bulging_disc"]


def test_unknown_and_repeated_condition_ids_are_ignored(shipped_knowledge: KnowledgeBase) -> None:
    """Ids that name no condition are dropped and repeats are shown once."""
    steps = next_steps(
        shipped_knowledge, ["nope", "shin_splints", "shin_splints"], urgent=False, kiosk=False, clinic=CLINIC
    )
    assert [group.condition_id for group in steps.questions] == ["shin_splints"]


def test_option_text_is_plain(shipped_knowledge: KnowledgeBase) -> None:
    """Option and trial texts hold no Markdown, HTML or web addresses."""
    texts = [
        text
        for option in shipped_knowledge.options.values()
        for text in (
            option.title,
            option.summary,
            *option.when_it_fits,
            *option.what_it_involves,
            *option.what_is_known,
            *option.what_is_not_known,
            *(line for note in option.for_conditions for line in (*note.when_it_fits, *note.what_is_known)),
        )
    ]
    texts += [
        text
        for outcome in shipped_knowledge.outcomes.values()
        for text in (outcome.question, outcome.population, outcome.harms, *outcome.does_not_tell)
    ]
    for text in texts:
        assert not any(mark in text for mark in ("**", "](", "<", "http", "`", "#")), text


# --- the urgent contact line ------------------------------------------------------------------------------


def test_kiosk_contact_tells_the_visitor_to_alert_staff_and_shows_the_number() -> None:
    """In kiosk mode the first line sends the visitor to the staff, and the number follows."""
    contact = urgent_contact(ClinicSettings(emergency_number="999", on_site_help="Ring the bell at reception."), True)
    assert contact.lines == ("Alert the clinic staff now. Ring the bell at reception.", "In an emergency, call 999.")


def test_kiosk_contact_names_the_clinic_when_set() -> None:
    """A clinic name from the settings appears in the kiosk line."""
    contact = urgent_contact(ClinicSettings(clinic_name="Riverside Physio"), True)
    assert contact.lines[0].startswith("Alert the staff of Riverside Physio now.")


def test_contact_outside_a_kiosk_gives_only_the_number() -> None:
    """Away from a kiosk there is no staff to alert, so only the emergency number is given."""
    contact = urgent_contact(ClinicSettings(emergency_number="112"), False)
    assert contact.lines == ("In an emergency, call 112.",)


def test_without_usable_settings_no_number_is_guessed() -> None:
    """If the settings could not be read, the line says to call the local emergency number."""
    contact = urgent_contact(None, False)
    assert contact.emergency_number is None
    assert contact.lines == (strings.URGENT_CONTACT_NO_NUMBER,)


def test_the_seek_care_view_carries_the_contact(shipped_knowledge: KnowledgeBase) -> None:
    """The urgent view holds the settings' number and kiosk wording."""
    clinic = ClinicSettings(emergency_number="999")
    steps = next_steps(shipped_knowledge, [], urgent=True, kiosk=True, clinic=clinic)
    assert steps.contact.lines[-1] == "In an emergency, call 999."
    assert steps.contact.lines[0].startswith("Alert the clinic staff now.")


# --- loading option and outcome records -------------------------------------------------------------------


def test_a_folder_without_options_or_outcomes_still_loads(tiny_knowledge: KnowledgeBase) -> None:
    """The two decision-aid folders are optional; without them the knowledge has none."""
    assert tiny_knowledge.options == {}
    assert tiny_knowledge.outcomes == {}


def test_tiny_options_and_outcome_load(make_knowledge: KnowledgeWriter) -> None:
    """Valid option and outcome files load and link to their condition."""
    folder = make_knowledge(files={**_option_files(), "outcomes/tiny_trial.yaml": TINY_OUTCOME})
    knowledge, errors = check_knowledge(folder)
    assert errors == []
    assert knowledge is not None
    steps = next_steps(knowledge, ["side_hip_pain"], urgent=False, kiosk=False, clinic=CLINIC)
    assert [trial.id for trial in steps.trials] == ["tiny_trial"]
    assert steps.trials[0].arms[0].closest_option == "Choice self_care"


def test_an_unknown_option_id_is_a_located_error(make_knowledge: KnowledgeWriter) -> None:
    """An option file whose id is not one of the four choices is reported with file and line."""
    folder = make_knowledge(files={"options/phone_a_friend.yaml": TINY_OPTION.format(id="phone_a_friend")})
    [message] = _errors(folder)
    assert message.startswith("knowledge/options/phone_a_friend.yaml:1: phone_a_friend › id: Input should be 'seek_care_now'")


def test_more_improved_than_total_is_a_located_error(make_knowledge: KnowledgeWriter) -> None:
    """An arm claiming more people improved than took part is refused, pointing at the arm."""
    broken = TINY_OUTCOME.replace("improved: 4\n", "improved: 6\n")
    folder = make_knowledge(files={**_option_files(), "outcomes/tiny_trial.yaml": broken})
    assert "knowledge/outcomes/tiny_trial.yaml:11: tiny_trial › arms[0]: improved must not be larger than total" in _errors(
        folder
    )


def test_an_outcome_for_an_unknown_condition_is_a_located_error(make_knowledge: KnowledgeWriter) -> None:
    """An outcome naming a condition that does not exist is reported at that line."""
    broken = TINY_OUTCOME.replace("  - side_hip_pain\n", "  - side_hip_pane\n")
    folder = make_knowledge(files={**_option_files(), "outcomes/tiny_trial.yaml": broken})
    [message] = _errors(folder)
    assert message.startswith(
        "knowledge/outcomes/tiny_trial.yaml:5: tiny_trial › conditions[0]: unknown condition 'side_hip_pane'"
    )


def test_a_condition_note_for_an_unknown_condition_is_a_located_error(make_knowledge: KnowledgeWriter) -> None:
    """An option's note about a condition that does not exist is reported at that line."""
    text = TINY_OPTION.format(id="self_care").replace(
        "sources:\n  - seed_000\nreviewed_on",
        'for_conditions:\n  - condition: nowhere\n    what_is_known:\n      - "Something."\n    sources:\n'
        "      - seed_000\nsources:\n  - seed_000\nreviewed_on",
    )
    folder = make_knowledge(files={"options/self_care.yaml": text})
    [message] = _errors(folder)
    assert message.startswith("knowledge/options/self_care.yaml:13: self_care › for_conditions[0].condition: unknown condition")


def test_a_condition_note_must_say_something(make_knowledge: KnowledgeWriter) -> None:
    """A note with neither when-it-fits nor what-is-known text is refused."""
    text = TINY_OPTION.format(id="self_care").replace(
        "sources:\n  - seed_000\nreviewed_on",
        "for_conditions:\n  - condition: side_hip_pain\n    sources:\n      - seed_000\nsources:\n  - seed_000\nreviewed_on",
    )
    folder = make_knowledge(files={"options/self_care.yaml": text})
    assert _errors(folder) == [
        "knowledge/options/self_care.yaml:13: self_care › for_conditions[0]: give when_it_fits or what_is_known (or both)"
    ]
