"""A second language's knowledge is the same knowledge: records, links, numbers, sources and review dates match;
only the text a visitor reads and the search vocabulary may differ."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import yaml

from glutemap import language
from glutemap.cli import main
from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR
from glutemap.knowledge.models import KnowledgeBase
from glutemap.knowledge.parallel import parallel_differences
from glutemap.language import Language, localize


def _with_condition(knowledge: KnowledgeBase, condition_id: str, **changes: object) -> KnowledgeBase:
    condition = knowledge.conditions[condition_id].model_copy(update=changes)
    return knowledge.model_copy(update={"conditions": {**knowledge.conditions, condition_id: condition}})


def test_the_same_knowledge_with_other_words_is_parallel(written_knowledge: KnowledgeBase) -> None:
    """Every shown text changed (the pseudo-locale) and the knowledge is still the same knowledge."""
    assert parallel_differences(written_knowledge, localize(written_knowledge, Language(language.PSEUDO))) == []


def test_a_record_missing_from_one_language_is_named(written_knowledge: KnowledgeBase) -> None:
    fewer = {key: value for key, value in written_knowledge.conditions.items() if key != "shin_splints"}
    other = written_knowledge.model_copy(update={"conditions": fewer})
    assert parallel_differences(written_knowledge, other) == ["conditions.shin_splints: only in the first"]


def test_a_different_link_is_named_with_its_record_and_field(written_knowledge: KnowledgeBase) -> None:
    exercises = written_knowledge.conditions["it_band_syndrome"].exercises
    other = _with_condition(written_knowledge, "it_band_syndrome", exercises=tuple(reversed(exercises)))
    found = parallel_differences(written_knowledge, other)
    assert found and all(line.startswith("conditions.it_band_syndrome.exercises[") for line in found)


def test_a_different_review_date_or_source_is_named(written_knowledge: KnowledgeBase) -> None:
    condition = written_knowledge.conditions["it_band_syndrome"]
    other = _with_condition(written_knowledge, "it_band_syndrome", reviewed_on=dt.date(2001, 1, 1),
                            sources=condition.sources[1:])  # fmt: skip
    found = parallel_differences(written_knowledge, other)
    assert any(line.startswith("conditions.it_band_syndrome.reviewed_on:") for line in found)
    assert any(line.startswith("conditions.it_band_syndrome.sources") for line in found)


def test_a_different_dosage_number_is_named(written_knowledge: KnowledgeBase) -> None:
    exercise = written_knowledge.exercises["clam_shell"]
    dosage = exercise.dosage.model_copy(update={"reps": (exercise.dosage.reps or 1) + 1})
    other = written_knowledge.model_copy(
        update={"exercises": {**written_knowledge.exercises, "clam_shell": exercise.model_copy(update={"dosage": dosage})}}
    )
    assert [line.split(":")[0] for line in parallel_differences(written_knowledge, other)] == ["exercises.clam_shell.dosage.reps"]


def test_search_words_may_differ_between_languages(written_knowledge: KnowledgeBase) -> None:
    """What people type differs by language: phrases and the vocabulary are a language's own."""
    other = _with_condition(written_knowledge, "it_band_syndrome", words=("dolor en la rodilla",))
    other = other.model_copy(update={"concepts": {}})
    assert parallel_differences(written_knowledge, other) == []


def test_the_command_compares_two_folders(tmp_path: Path) -> None:
    """`glutemap compare` exits 0 for parallel folders and 1 with each difference for others."""
    second = tmp_path / "knowledge-xx"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, second)
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", str(DEFAULT_KNOWLEDGE_DIR), str(second)], out=out, err=err) == 0
    record = second / "exercises" / "clam_shell.yaml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["dosage"]["rounds"] = (data["dosage"].get("rounds") or 1) + 1
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["compare", str(DEFAULT_KNOWLEDGE_DIR), str(second)], out=out, err=err) == 1
    assert out.getvalue().startswith("exercises.clam_shell.dosage.rounds:")
