"""A take-home exercise plan: an ordered tuple of (exercise id, side), changed only by pure functions.

Nothing a visitor types can enter a plan: every function keeps only ids of exercises in the knowledge and
the three fixed sides, so the plan (and the handout and QR code made from it) holds knowledge text only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Literal, NamedTuple, TypeGuard

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase

Side = Literal["left", "right", "both"]
SIDES: tuple[Side, ...] = ("left", "right", "both")
DEFAULT_SIDE: Side = "both"


class PlanItem(NamedTuple):
    """One exercise in the plan and the side (the person's own) it is done on."""

    exercise_id: str
    side: Side


Plan = tuple[PlanItem, ...]
EMPTY_PLAN: Plan = ()


def is_side(value: object) -> TypeGuard[Side]:
    """True only for "left", "right" or "both"."""
    return isinstance(value, str) and value in SIDES


def side_for(area_sides: Iterable[str]) -> Side:
    """The side to do an exercise on, from the sides of the areas a visitor chose ("left", "right", "none"):
    areas on one side only give that side; areas on both sides, in the middle only, or none give both."""
    sides = {side for side in area_sides if side in ("left", "right")}
    only = sides.pop() if len(sides) == 1 else None
    return only if is_side(only) else DEFAULT_SIDE


def _ids(plan: Plan) -> list[str]:
    return [item.exercise_id for item in plan]


def add(plan: Plan, exercise_id: object, known_ids: Collection[str], side: object = DEFAULT_SIDE) -> Plan:
    """The plan with the exercise added at the end; unchanged if the id is unknown or already planned."""
    if not isinstance(exercise_id, str) or exercise_id not in known_ids or exercise_id in _ids(plan):
        return plan
    return (*plan, PlanItem(exercise_id, side if is_side(side) else DEFAULT_SIDE))


def remove(plan: Plan, exercise_id: object) -> Plan:
    """The plan without the exercise."""
    return tuple(item for item in plan if item.exercise_id != exercise_id)


def move(plan: Plan, exercise_id: object, offset: int) -> Plan:
    """The plan with the exercise moved `offset` places (negative = up), kept within the list."""
    ids = _ids(plan)
    if not isinstance(exercise_id, str) or exercise_id not in ids:
        return plan
    old = ids.index(exercise_id)
    new = min(max(old + offset, 0), len(plan) - 1)
    items = list(plan)
    items.insert(new, items.pop(old))
    return tuple(items)


def set_side(plan: Plan, exercise_id: object, side: object) -> Plan:
    """The plan with the exercise's side changed; unchanged if the side is not one of the three."""
    if not is_side(side):
        return plan
    return tuple(PlanItem(item.exercise_id, side) if item.exercise_id == exercise_id else item for item in plan)


def clean(raw: object, known_ids: Collection[str]) -> Plan:
    """A valid plan from anything (e.g. session state): unknown ids, bad sides and repeats are dropped."""
    if not isinstance(raw, (tuple, list)):
        return EMPTY_PLAN
    plan: Plan = EMPTY_PLAN
    for entry in raw:
        if isinstance(entry, (tuple, list)) and len(entry) == 2 and is_side(entry[1]):
            plan = add(plan, entry[0], known_ids, entry[1])
    return plan


# The plan in the address (?plan=clam_shell.l~side_plank.b): exercise ids and a one-letter side only,
# so a bookmark or a reload keeps the plan while nothing is stored on the server.
PARAM = "plan"
_SIDE_LETTERS: dict[Side, str] = {"left": "l", "right": "r", "both": "b"}
_LETTER_SIDES: dict[str, Side] = {letter: side for side, letter in _SIDE_LETTERS.items()}
MAX_PARAM_CHARS = 2000


def plan_link(address: str, plan: Plan) -> str:
    """The web address that opens `plan` on My plan of the GluteMap at `address` (e.g. a clinic's public site)."""
    return f"{address.rstrip('/')}/plan?{PARAM}={to_param(plan)}"


def to_param(plan: Plan) -> str:
    """The plan as a short address value ("" for an empty plan)."""
    return "~".join(f"{item.exercise_id}.{_SIDE_LETTERS[item.side]}" for item in plan)


def from_param(value: object, known_ids: Collection[str]) -> Plan:
    """The plan an address value names; anything that is not a known exercise id and side letter is dropped."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or len(value) > MAX_PARAM_CHARS:
        return EMPTY_PLAN
    entries = []
    for part in value.split("~"):
        exercise_id, _, letter = part.partition(".")
        if letter in _LETTER_SIDES:
            entries.append((exercise_id, _LETTER_SIDES[letter]))
    return clean(entries, known_ids)


def side_text(side: Side) -> str:
    """How the side choice reads on the handout, e.g. "left leg"."""
    return strings.PLAN_SIDE_HANDOUT[side]


def known(knowledge: KnowledgeBase, plan: Iterable[PlanItem]) -> Plan:
    """Only the items whose exercise is still in the knowledge (it may have been edited meanwhile)."""
    return tuple(item for item in plan if item.exercise_id in knowledge.exercises)
