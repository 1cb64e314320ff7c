"""References read from the schema's RefersTo marks: one declaration for the loader, the Sources page and the docs."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from glutemap.knowledge import models
from glutemap.knowledge.models import KnowledgeBase, RefersTo
from glutemap.knowledge.references import Reference, references, references_to
from glutemap.screens.about import sources_view

# Field names that always hold ids of other records, whichever model they are in.
REFERENCE_FIELD_NAMES = {"sources", "regions", "region", "covered_by", "muscle", "exercises", "condition", "conditions",
                         "numbers_from", "option"}


def _models() -> list[type[BaseModel]]:
    return [value for value in vars(models).values()
            if isinstance(value, type) and issubclass(value, BaseModel) and value is not models.Record]


def _marked(annotation: object, metadata: list[object]) -> bool:
    if any(isinstance(mark, RefersTo) for mark in metadata):
        return True
    return any(isinstance(mark, RefersTo) for mark in typing.get_args(annotation)) or any(
        _marked(arg, []) for arg in typing.get_args(annotation))


def test_every_field_that_names_other_records_is_marked() -> None:
    """A field called sources, regions, muscle, exercises, … in any model carries a RefersTo mark."""
    unmarked = [
        f"{model.__name__}.{name}"
        for model in _models() if model is not KnowledgeBase
        for name, info in model.model_fields.items()
        if name in REFERENCE_FIELD_NAMES and not _marked(info.annotation, list(info.metadata))
    ]
    assert unmarked == []


def test_references_inside_nested_records_come_with_their_path(shipped_knowledge: KnowledgeBase) -> None:
    """A muscle link's sources inside a condition are found, with the path to each one."""
    condition = shipped_knowledge.conditions["trochanteric_bursitis"]
    found = list(references(condition))
    first_link = condition.muscle_links[0]
    assert Reference("muscles", ("muscle_links", 0, "muscle"), first_link.muscle) in found
    assert Reference("sources", ("muscle_links", 0, "sources", 0), first_link.sources[0]) in found


def test_a_concept_choice_names_each_of_its_concepts(shipped_knowledge: KnowledgeBase) -> None:
    """"numbness|tingling" in a rule is two concept references."""
    flag = next(flag for flag in shipped_knowledge.red_flags.values() if any("|" in c for r in flag.rules for c in r.all))
    rule_index, rule = next((i, r) for i, r in enumerate(flag.rules) if any("|" in c for c in r.all))
    choice_index, choice = next((i, c) for i, c in enumerate(rule.all) if "|" in c)
    named = [ref.target for ref in references(flag) if ref.path == ("rules", rule_index, "all", choice_index)]
    assert named == choice.split("|")


def test_references_to_lists_each_source_once(shipped_knowledge: KnowledgeBase) -> None:
    """The sources a record names anywhere, first mention first, without repeats."""
    exercise = shipped_knowledge.exercises["clam_shell"]
    cited = references_to(exercise, "sources")
    assert len(cited) == len(set(cited))
    assert set(exercise.sources) <= set(cited)


def test_the_sources_page_lists_every_record_that_cites_each_source(shipped_knowledge: KnowledgeBase) -> None:
    """Every source a record names anywhere (care options and trial results included) lists that record."""
    cited_by = {entry.source.id: {(c.kind, c.id) for c in entry.cited_by}
                for group in sources_view(shipped_knowledge).groups for entry in group.entries}
    for kind in ("options", "outcomes", "conditions", "progression", "regions"):
        for record_id, record in getattr(shipped_knowledge, kind).items():
            for source_id in references_to(record, "sources"):
                assert (kind, record_id) in cited_by[source_id], (kind, record_id, source_id)
