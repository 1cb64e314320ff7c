"""The decision aid after a result: the choices about what to do next, compared honestly (pure, no Streamlit).

Following the patient decision-aid standards (IPDAS), each choice says when it fits, what it involves, what
is known and what is not; trial numbers appear only where the knowledge holds them, with their limits.

A matched warning sign changes the screen: "seek care now" is then the only choice shown, at the top, and
the other choices are hidden. Watching and waiting or starting exercises are not reasonable alternatives to
an urgent check, so listing them beside it would weaken the one message that matters. When no warning sign
matched, "seek care now" is never shown, so it keeps its meaning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from glutemap import language, strings
from glutemap.clinic import ClinicSettings
from glutemap.knowledge.models import OPTION_ORDER, CareOption, KnowledgeBase, TrialOutcome

URGENT_OPTION = "seek_care_now"
ROUTINE_OPTIONS = tuple(option for option in OPTION_ORDER if option != URGENT_OPTION)


@dataclass(frozen=True)
class ConditionNote:
    """What one option adds for one of the conditions on screen."""

    condition_id: str
    condition_name: str
    when_it_fits: tuple[str, ...]
    what_is_known: tuple[str, ...]


@dataclass(frozen=True)
class OptionCard:
    """One choice, described the same way as every other choice."""

    id: str
    title: str
    summary: str
    when_it_fits: tuple[str, ...]
    what_it_involves: tuple[str, ...]
    what_is_known: tuple[str, ...]
    what_is_not_known: tuple[str, ...]
    condition_notes: tuple[ConditionNote, ...] = ()


@dataclass(frozen=True)
class ArmNumbers:
    """One trial group: its label, what it involved and how many of those with a result improved."""

    label: str
    involves: str
    improved: int
    total: int
    closest_option: str | None

    @property
    def not_improved(self) -> int:
        return self.total - self.improved


@dataclass(frozen=True)
class TrialNumbers:
    """A trial's per-group numbers for the icon array and its table, with what they do not tell."""

    id: str
    title: str
    study: str
    condition_names: tuple[str, ...]
    question: str
    population: str
    timepoint: str
    improved_means: str
    arms: tuple[ArmNumbers, ...]
    harms: str
    does_not_tell: tuple[str, ...]


@dataclass(frozen=True)
class ConditionQuestions:
    """Questions a person could take to a clinician about one condition."""

    condition_id: str
    condition_name: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class UrgentContact:
    """Who to tell and which number to call, worded for a kiosk on site or for anywhere else."""

    kiosk: bool
    emergency_number: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class NextSteps:
    """Everything the "what next" view shows, in order."""

    urgent: bool
    top: OptionCard | None
    options: tuple[OptionCard, ...]
    others_hidden_note: str | None
    trials: tuple[TrialNumbers, ...]
    no_numbers_note: str | None
    questions: tuple[ConditionQuestions, ...]
    contact: UrgentContact
    source_ids: tuple[str, ...]
    reviewed_on: dt.date | None

    @property
    def no_commercial_interest(self) -> str:
        """The statement that GluteMap gains nothing from any choice."""
        return str(strings.DECIDE_NO_COMMERCIAL_INTEREST)

    @property
    def cards(self) -> tuple[OptionCard, ...]:
        """Every option card in screen order, the top one first."""
        return ((self.top,) if self.top is not None else ()) + self.options

    def texts(self) -> tuple[str, ...]:
        """Every knowledge text on the view, for finding the glossary terms it uses."""
        card_texts = (
            text
            for card in self.cards
            for text in (
                card.summary,
                *card.when_it_fits,
                *card.what_it_involves,
                *card.what_is_known,
                *card.what_is_not_known,
                *(line for note in card.condition_notes for line in (*note.when_it_fits, *note.what_is_known)),
            )
        )
        trial_texts = (
            text
            for trial in self.trials
            for text in (trial.question, trial.population, trial.harms, *trial.does_not_tell, *(a.involves for a in trial.arms))
        )
        return (*card_texts, *trial_texts)


def known_conditions(knowledge: KnowledgeBase, condition_ids: Iterable[str]) -> tuple[str, ...]:
    """The ids that name a condition, each once, in the order given."""
    return tuple(dict.fromkeys(cid for cid in condition_ids if cid in knowledge.conditions))


def urgent_contact(clinic: ClinicSettings | None, kiosk: bool) -> UrgentContact:
    """The contact lines for the urgent panel; with no usable settings, no number is guessed."""
    number = clinic.emergency_number if clinic is not None else None
    lines: list[str] = []
    if kiosk:
        help_text = (clinic.on_site_help if clinic is not None else None) or strings.CLINIC_DEFAULT_ON_SITE_HELP
        if clinic is not None and clinic.clinic_name:
            lines.append(strings.URGENT_CONTACT_KIOSK_NAMED.format(clinic=clinic.clinic_name, on_site_help=help_text))
        else:
            lines.append(strings.URGENT_CONTACT_KIOSK.format(on_site_help=help_text))
    lines.append(strings.URGENT_CONTACT_NUMBER.format(number=number) if number else strings.URGENT_CONTACT_NO_NUMBER)
    return UrgentContact(kiosk=kiosk, emergency_number=number, lines=tuple(lines))


def _card(knowledge: KnowledgeBase, option: CareOption, condition_ids: tuple[str, ...]) -> OptionCard:
    notes_by_condition = {note.condition: note for note in option.for_conditions}
    notes = tuple(
        ConditionNote(cid, knowledge.conditions[cid].name, note.when_it_fits, note.what_is_known)
        for cid in condition_ids
        if (note := notes_by_condition.get(cid)) is not None
    )
    return OptionCard(
        id=option.id,
        title=option.title,
        summary=option.summary,
        when_it_fits=option.when_it_fits,
        what_it_involves=option.what_it_involves,
        what_is_known=option.what_is_known,
        what_is_not_known=option.what_is_not_known,
        condition_notes=notes,
    )


def _fallback_seek_care() -> OptionCard:
    """The urgent card even if its knowledge record is missing: a warning sign must never go without it."""
    return OptionCard(
        id=URGENT_OPTION,
        title=strings.URGENT_TITLE,
        summary=strings.DECIDE_SEEK_CARE_FALLBACK_SUMMARY,
        when_it_fits=(strings.DECIDE_SEEK_CARE_FALLBACK_WHEN,),
        what_it_involves=(strings.DECIDE_SEEK_CARE_FALLBACK_INVOLVES,),
        what_is_known=(),
        what_is_not_known=(),
    )


def trials_for(knowledge: KnowledgeBase, condition_ids: Iterable[str]) -> tuple[TrialNumbers, ...]:
    """Trial numbers that apply to any of the conditions, each trial once, in the conditions' order."""
    wanted = known_conditions(knowledge, condition_ids)
    found: dict[str, TrialNumbers] = {}
    for cid in wanted:
        for outcome in knowledge.outcomes.values():
            if cid in outcome.conditions and outcome.id not in found:
                found[outcome.id] = _trial(knowledge, outcome)
    return tuple(found.values())


def _trial(knowledge: KnowledgeBase, outcome: TrialOutcome) -> TrialNumbers:
    def option_title(option_id: str | None) -> str | None:
        option = knowledge.options.get(option_id) if option_id else None
        return option.title if option is not None else None

    return TrialNumbers(
        id=outcome.id,
        title=outcome.title,
        study=outcome.study,
        condition_names=tuple(knowledge.conditions[c].name for c in outcome.conditions if c in knowledge.conditions),
        question=outcome.question,
        population=outcome.population,
        timepoint=outcome.timepoint,
        improved_means=outcome.improved_means,
        arms=tuple(
            ArmNumbers(arm.label, arm.involves, arm.improved, arm.total, option_title(arm.option)) for arm in outcome.arms
        ),
        harms=outcome.harms,
        does_not_tell=outcome.does_not_tell,
    )


def questions_to_ask(knowledge: KnowledgeBase, condition_ids: Iterable[str]) -> tuple[ConditionQuestions, ...]:
    """The questions to take to a clinician, per condition that has any (also for the take-home handout)."""
    return tuple(
        ConditionQuestions(cid, knowledge.conditions[cid].name, knowledge.conditions[cid].questions_to_ask)
        for cid in known_conditions(knowledge, condition_ids)
        if knowledge.conditions[cid].questions_to_ask
    )


def _sources_and_date(
    knowledge: KnowledgeBase, options: Iterable[CareOption], condition_ids: tuple[str, ...], trial_ids: Iterable[str]
) -> tuple[tuple[str, ...], dt.date | None]:
    source_ids: list[str] = []
    dates: list[dt.date] = []
    for option in options:
        source_ids.extend(option.sources)
        for note in option.for_conditions:
            if note.condition in condition_ids:
                source_ids.extend(note.sources)
        dates.append(option.reviewed_on)
    for trial_id in trial_ids:
        outcome = knowledge.outcomes[trial_id]
        source_ids.extend(outcome.sources)
        dates.append(outcome.reviewed_on)
    # The oldest review date is the honest one: every part shown was reviewed on or after it.
    return tuple(dict.fromkeys(source_ids)), min(dates) if dates else None


def next_steps(
    knowledge: KnowledgeBase,
    condition_ids: Iterable[str],
    urgent: bool,
    kiosk: bool,
    clinic: ClinicSettings | None,
) -> NextSteps:
    """The choices after a result: "seek care now" alone at the top when urgent, else the three routine choices."""
    conditions = known_conditions(knowledge, condition_ids)
    contact = urgent_contact(clinic, kiosk)
    questions = questions_to_ask(knowledge, conditions)
    if urgent:
        record = knowledge.options.get(URGENT_OPTION)
        top = _card(knowledge, record, conditions) if record is not None else _fallback_seek_care()
        source_ids, reviewed_on = _sources_and_date(knowledge, [record] if record else [], conditions, ())
        return NextSteps(
            urgent=True,
            top=top,
            options=(),
            others_hidden_note=strings.DECIDE_OTHERS_HIDDEN,
            trials=(),
            no_numbers_note=None,
            questions=questions,
            contact=contact,
            source_ids=source_ids,
            reviewed_on=reviewed_on,
        )
    shown = [knowledge.options[option_id] for option_id in ROUTINE_OPTIONS if option_id in knowledge.options]
    trials = trials_for(knowledge, conditions)
    covered = {cid for trial_id in (t.id for t in trials) for cid in knowledge.outcomes[trial_id].conditions}
    without_numbers = [knowledge.conditions[cid].name for cid in conditions if cid not in covered]
    source_ids, reviewed_on = _sources_and_date(knowledge, shown, conditions, (t.id for t in trials))
    return NextSteps(
        urgent=False,
        top=None,
        options=tuple(_card(knowledge, option, conditions) for option in shown),
        others_hidden_note=None,
        trials=trials,
        no_numbers_note=(
            strings.DECIDE_NO_NUMBERS.format(names=language.current().join(without_numbers)) if without_numbers else None
        ),
        questions=questions,
        contact=contact,
        source_ids=source_ids,
        reviewed_on=reviewed_on,
    )
