"""What the Exercises screen shows: filtering, one exercise's details, its EMG data, the recovery phases and the ladder.

Pure functions of the validated knowledge returning small frozen view models of plain text, so the page only
lays them out and tests can check exactly what a visitor would read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from glutemap import strings
from glutemap.knowledge.citation import citation_line
from glutemap.knowledge.models import Dosage, EmgStudy, Exercise, KnowledgeBase, PainRule, Pictures
from glutemap.screens.common import Table, long_date

NO_EQUIPMENT = "__none__"
# Query-string values are visitor-controlled: anything longer than an id can be is ignored outright.


def equipment_lines(knowledge: KnowledgeBase, exercise_id: str) -> tuple[str, ...]:
    """Each piece of equipment with whether it is optional."""
    return tuple(
        (strings.EXERCISES_EQUIPMENT_OPTIONAL if kit.optional else strings.EXERCISES_EQUIPMENT_NEEDED).format(item=kit.item)
        for kit in knowledge.exercises[exercise_id].equipment
    )


def display_name(exercise: Exercise) -> str:
    """The exercise's name, marked plainly when it is not a glute exercise (for lists and choices)."""
    return exercise.name if exercise.glute_exercise else strings.EXERCISES_NAME_NOT_GLUTE.format(name=exercise.name)


@dataclass(frozen=True)
class FilterChoices:
    """What the visitor picked in each filter; empty means "any". Within a filter any choice may match."""

    muscles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()


@dataclass(frozen=True)
class FilterOptions:
    """The choices each filter offers, as value -> label, in display order."""

    muscles: Mapping[str, str]
    categories: Mapping[str, str]
    conditions: Mapping[str, str]
    equipment: Mapping[str, str]


def conditions_for(knowledge: KnowledgeBase, exercise_id: str) -> tuple[str, ...]:
    """Ids of the conditions that suggest this exercise, in knowledge order."""
    return tuple(condition.id for condition in knowledge.conditions.values() if exercise_id in condition.exercises)


def filter_options(knowledge: KnowledgeBase) -> FilterOptions:
    """Only choices that at least one exercise can match, so no filter leads to an empty list by itself."""
    exercises = list(knowledge.exercises.values())
    worked = {link.muscle for exercise in exercises for link in exercise.muscles}
    linked = {condition for exercise in exercises for condition in conditions_for(knowledge, exercise.id)}
    used_categories = {exercise.category for exercise in exercises}
    items: dict[str, str] = {}
    for exercise in exercises:
        for kit in exercise.equipment:
            items.setdefault(kit.item.casefold(), kit.item)
    equipment = dict(sorted(items.items()))
    if any(not _needs_equipment(exercise) for exercise in exercises):
        equipment[NO_EQUIPMENT] = strings.EXERCISES_FILTER_NO_EQUIPMENT
    return FilterOptions(
        muscles={muscle.id: muscle.name for muscle in knowledge.muscles.values() if muscle.id in worked},
        categories={key: label for key, label in strings.CATEGORY_LABELS.items() if key in used_categories},
        conditions={
            condition.id: condition.name
            for condition in sorted(knowledge.conditions.values(), key=lambda condition: condition.name.casefold())
            if condition.id in linked
        },
        equipment=equipment,
    )


def _needs_equipment(exercise: Exercise) -> bool:
    return any(not kit.optional for kit in exercise.equipment)


def _matches(knowledge: KnowledgeBase, exercise: Exercise, choices: FilterChoices) -> bool:
    if choices.muscles and not {link.muscle for link in exercise.muscles} & set(choices.muscles):
        return False
    if choices.categories and exercise.category not in choices.categories:
        return False
    if choices.conditions and not set(conditions_for(knowledge, exercise.id)) & set(choices.conditions):
        return False
    if choices.equipment:
        items = {kit.item.casefold() for kit in exercise.equipment}
        wanted = set(choices.equipment)
        if not (items & wanted or (NO_EQUIPMENT in wanted and not _needs_equipment(exercise))):
            return False
    return True


def exercise_names(knowledge: KnowledgeBase) -> dict[str, str]:
    """Every exercise's name as lists and choices show it, by id."""
    return {exercise.id: display_name(exercise) for exercise in knowledge.exercises.values()}


@dataclass(frozen=True)
class ExerciseCard:
    """One exercise in the library: its name and its pictures (the card shows the end pose; None without any)."""

    id: str
    name: str
    pictures: Pictures | None


def exercise_cards(knowledge: KnowledgeBase, exercise_ids: Iterable[str]) -> tuple[ExerciseCard, ...]:
    """The library's cards for `exercise_ids`, in that order."""
    exercises = knowledge.exercises
    return tuple(ExerciseCard(exercise_id, display_name(exercises[exercise_id]), exercises[exercise_id].pictures)
                 for exercise_id in exercise_ids)


def filter_exercises(knowledge: KnowledgeBase, choices: FilterChoices) -> tuple[Exercise, ...]:
    """Exercises matching every filter (any choice within a filter), in category then name order."""
    order = list(strings.CATEGORY_LABELS)
    found = [exercise for exercise in knowledge.exercises.values() if _matches(knowledge, exercise, choices)]
    return tuple(sorted(found, key=lambda exercise: (order.index(exercise.category), exercise.name.casefold())))


def known_choices(values: Iterable[object], allowed: Collection[str]) -> tuple[str, ...]:
    """Only the values that are real options, once each (widget or URL state may hold stale values)."""
    kept: list[str] = []
    for value in values:
        if isinstance(value, str) and value in allowed and value not in kept:
            kept.append(value)
    return tuple(kept)


# --- one exercise ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmgRow:
    """One bar of an EMG chart."""

    task: str
    percent: float
    spread: float | None
    is_this_exercise: bool

    @property
    def label(self) -> str:
        """The bar's label; the exercise on the page is marked by a symbol as well as by colour."""
        return (strings.EMG_THIS_EXERCISE if self.is_this_exercise else "") + self.task

    @property
    def value_short(self) -> str:
        """The value alone, short enough to sit beside its bar on a phone (the table gives the spread)."""
        return strings.EMG_VALUE.format(value=_number(self.percent))

    @property
    def value_text(self) -> str:
        """The value as a reader would say it, with its spread where the study gives one."""
        value = _number(self.percent)
        if self.spread is None:
            return strings.EMG_VALUE.format(value=value)
        return strings.EMG_SPREAD.format(value=value, spread=_number(self.spread))


@dataclass(frozen=True)
class EmgChart:
    """One study's numbers for one muscle, as chart, table and plain captions."""

    title: str
    rows: tuple[EmgRow, ...]
    details: tuple[str, ...]
    caveat: str
    sources: tuple[str, ...]

    @property
    def alt(self) -> str:
        """A one-sentence description of the chart for screen readers."""
        values = "; ".join(f"{row.task}: {row.value_text}" for row in self.rows)
        return f"{self.title}. {values}."

    def table(self) -> Table:
        """The chart's numbers as a table (its text equivalent)."""
        return Table(
            strings.EMG_TABLE_COLUMNS,
            tuple(
                (row.task, row.value_text, strings.EMG_YES if row.is_this_exercise else strings.EMG_NO) for row in self.rows
            ),
        )


@dataclass(frozen=True)
class ExerciseView:
    """Everything the Exercises screen shows about one exercise."""

    id: str
    name: str
    category: str
    summary: str
    steps: tuple[str, ...]
    dosage_text: str
    dosage_numbers: tuple[str, ...]
    dosage_source: str | None
    equipment: tuple[str, ...]
    stop_if: tuple[str, ...]
    easier: tuple[str, ...]
    harder: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    muscles: tuple[str, ...]
    glute_exercise: bool
    conditions: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    clinician_notes: tuple[str, ...]
    sources: tuple[str, ...]
    pictures: Pictures | None
    emg: tuple[EmgChart, ...]
    reviewed_on: str


def _number(value: float) -> str:
    return f"{value:g}"


def dosage_numbers(dosage: Dosage) -> tuple[str, ...]:
    """The structured dosage fields as short lines; only numbers the record gives appear.

    "Counted for each side" follows one-sided work; "Counted in total" only counted repetitions done with both
    sides together or in turn, never a hold or stretch (one side at a time is never counted "in total").
    """
    lines: list[str] = []
    if dosage.reps is not None:
        reps = strings.EXERCISES_DOSAGE_REPS_EACH_DIRECTION if dosage.each_direction else strings.EXERCISES_DOSAGE_REPS
        lines.append(reps.format(reps=dosage.reps))
    if dosage.build_up_to_reps is not None:
        build_up = (
            strings.EXERCISES_DOSAGE_BUILD_UP_EACH_DIRECTION if dosage.each_direction else strings.EXERCISES_DOSAGE_BUILD_UP
        )
        lines.append(build_up.format(reps=dosage.build_up_to_reps))
    if dosage.rounds is not None:
        lines.append(strings.EXERCISES_DOSAGE_ROUNDS.format(rounds=dosage.rounds))
    low, high = dosage.hold_seconds_min, dosage.hold_seconds_max
    if low is not None and high is not None:
        hold = (
            strings.EXERCISES_DOSAGE_HOLD.format(seconds=low)
            if low == high
            else strings.EXERCISES_DOSAGE_HOLD_RANGE.format(low=low, high=high)
        )
        lines.append(hold)
    elif low is not None:
        lines.append(strings.EXERCISES_DOSAGE_HOLD.format(seconds=low))
    elif high is not None:
        lines.append(strings.EXERCISES_DOSAGE_HOLD_UP_TO.format(seconds=high))
    if dosage.sets is not None:
        lines.append(strings.EXERCISES_DOSAGE_SETS.format(sets=dosage.sets))
    if dosage.rest_seconds is not None:
        lines.append(strings.EXERCISES_DOSAGE_REST.format(seconds=dosage.rest_seconds))
    if dosage.days_per_week is not None:
        lines.append(strings.EXERCISES_DOSAGE_DAYS.format(days=dosage.days_per_week))
    if dosage.frequency is not None:
        lines.append(strings.EXERCISES_DOSAGE_FREQUENCY.format(frequency=dosage.frequency))
    if not lines:
        return (strings.EXERCISES_DOSAGE_NO_NUMBERS,)
    if dosage.per_side:
        lines.append(strings.EXERCISES_DOSAGE_PER_SIDE)
    elif dosage.reps is not None and low is None and high is None:
        lines.append(strings.EXERCISES_DOSAGE_IN_TOTAL)
    return tuple(lines)


def dosage_source(knowledge: KnowledgeBase, dosage: Dosage) -> str | None:
    """Where the numbers the seed articles do not give come from, as one line; None if all are the seed's."""
    if dosage.numbers_from is None or dosage.numbers_from not in knowledge.sources:
        return None
    return strings.EXERCISES_DOSAGE_NUMBERS_FROM.format(source=knowledge.sources[dosage.numbers_from].title)


def _emg_chart(knowledge: KnowledgeBase, study: EmgStudy, exercise_id: str) -> EmgChart:
    muscle = knowledge.muscles[study.muscle].name
    details = [strings.EMG_STATISTIC[study.statistic]]
    if study.participants:
        details.insert(0, strings.EMG_WHO.format(participants=study.participants))
    if study.method:
        details.insert(1 if study.participants else 0, strings.EMG_METHOD.format(method=study.method))
    return EmgChart(
        title=strings.EMG_CHART_TITLE.format(
            muscle=muscle, part=strings.EMG_PART.format(part=study.part) if study.part else "", study=study.study
        ),
        rows=tuple(
            EmgRow(value.task, value.percent_mvic, value.spread, exercise_id in value.exercises) for value in study.values
        ),
        details=tuple(details),
        caveat=study.caveat,
        sources=tuple(citation_line(knowledge.sources[source]) for source in study.sources),
    )


def emg_charts(knowledge: KnowledgeBase, exercise_id: str) -> tuple[EmgChart, ...]:
    """Charts of every study with verified numbers for this exercise; none when no study measured it."""
    return tuple(
        _emg_chart(knowledge, study, exercise_id)
        for study in knowledge.emg.values()
        if any(exercise_id in value.exercises for value in study.values)
    )


def exercise_view(knowledge: KnowledgeBase, exercise_id: str) -> ExerciseView:
    """The full view of one exercise (the id must exist)."""
    exercise = knowledge.exercises[exercise_id]
    roles = strings.EXERCISES_MUSCLE_ROLE
    ordered_links = sorted(exercise.muscles, key=lambda link: list(roles).index(link.role))
    return ExerciseView(
        id=exercise.id,
        name=exercise.name,
        category=strings.CATEGORY_LABELS[exercise.category],
        summary=exercise.summary,
        steps=exercise.steps,
        dosage_text=exercise.dosage.text,
        dosage_numbers=dosage_numbers(exercise.dosage),
        dosage_source=dosage_source(knowledge, exercise.dosage),
        equipment=equipment_lines(knowledge, exercise.id),
        stop_if=exercise.stop_if,
        easier=exercise.easier,
        harder=exercise.harder,
        common_mistakes=exercise.common_mistakes,
        muscles=(
            *(f"{roles[link.role]}: {knowledge.muscles[link.muscle].name}" for link in ordered_links),
            *((strings.EXERCISES_WORKS.format(works=exercise.works),) if exercise.works else ()),
        ),
        glute_exercise=exercise.glute_exercise,
        conditions=tuple(
            sorted(
                (
                    (condition_id, knowledge.conditions[condition_id].name)
                    for condition_id in conditions_for(knowledge, exercise.id)
                ),
                key=lambda pair: pair[1].casefold(),
            )
        ),
        notes=exercise.notes,
        clinician_notes=exercise.clinician_notes,
        sources=tuple(citation_line(knowledge.sources[source]) for source in exercise.sources),
        pictures=exercise.pictures,
        emg=emg_charts(knowledge, exercise.id),
        reviewed_on=long_date(exercise.reviewed_on),
    )


# --- recovery phases ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhaseView:
    """One step of the recovery order, in words."""

    number: int
    kind: str
    title: str
    when: str
    what: str
    categories: tuple[str, ...]
    category_labels: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def sentence(self) -> str:
        """The step as one sentence for the text equivalent of the timeline."""
        return strings.PHASES_STEP.format(number=self.number, title=self.title, when=self.when, what=self.what)


def phase_views(knowledge: KnowledgeBase) -> tuple[PhaseView, ...]:
    """The recovery steps in file order: ordinary phases first, then the check-in steps."""
    ordered = [phase for phase in knowledge.phases.values() if phase.kind == "phase"]
    ordered += [phase for phase in knowledge.phases.values() if phase.kind != "phase"]
    return tuple(
        PhaseView(
            number=number,
            kind=phase.kind,
            title=phase.title,
            when=phase.when,
            what=phase.what,
            categories=phase.categories,
            category_labels=tuple(strings.CATEGORY_LABELS[category] for category in phase.categories),
            sources=tuple(citation_line(knowledge.sources[source]) for source in phase.sources),
        )
        for number, phase in enumerate(ordered, start=1)
    )


def phases_alt(phases: tuple[PhaseView, ...]) -> str:
    """A one-sentence description of the recovery timeline for screen readers."""
    return strings.PHASES_FIGURE_TITLE + ": " + "; ".join(f"{phase.number}. {phase.title} ({phase.when})" for phase in phases)


# --- pain rules -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PainRuleLine:
    """How much pain is all right with one condition's exercises, in the person's words."""

    condition_id: str
    condition_name: str
    rule: PainRule
    text: str

    @property
    def sentence(self) -> str:
        """The rule with the condition's name in front, for lists that cover several conditions."""
        return strings.PAIN_RULE_FOR.format(condition=self.condition_name, rule=self.text)


def pain_rule_text(rule: PainRule) -> str:
    """The patient wording of a pain rule."""
    return strings.PAIN_RULES[rule]


def pain_rules(knowledge: KnowledgeBase, condition_ids: Iterable[str]) -> tuple[PainRuleLine, ...]:
    """The pain rule of each known condition, once each, in the order given."""
    lines: list[PainRuleLine] = []
    for condition_id in dict.fromkeys(condition_ids):
        condition = knowledge.conditions.get(condition_id)
        if condition is not None:
            lines.append(PainRuleLine(condition.id, condition.name, condition.pain_rule, pain_rule_text(condition.pain_rule)))
    return tuple(lines)


# --- progression ladder ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LadderStep:
    """One step of the ladder from activation to strengthening, in words."""

    number: int
    heading: str
    what: str
    exercises: tuple[tuple[str, str], ...]
    dose: str
    move_up_when: str
    sources: tuple[str, ...]
    reviewed_on: str


def progression_ladder(knowledge: KnowledgeBase) -> tuple[LadderStep, ...]:
    """The ladder in file order; exercises as (id, name) pairs, leaving out any no longer in the knowledge."""
    return tuple(
        LadderStep(
            number=number,
            heading=strings.LADDER_STEP.format(title=step.title, level=step.level),
            what=step.what,
            exercises=tuple(
                (exercise_id, display_name(knowledge.exercises[exercise_id]))
                for exercise_id in step.exercises
                if exercise_id in knowledge.exercises
            ),
            dose=strings.LADDER_DOSE.format(dose=step.dose),
            move_up_when=strings.LADDER_MOVE_UP.format(rule=step.move_up_when),
            sources=tuple(citation_line(knowledge.sources[source]) for source in step.sources if source in knowledge.sources),
            reviewed_on=long_date(step.reviewed_on),
        )
        for number, step in enumerate(knowledge.progression.values(), start=1)
    )
