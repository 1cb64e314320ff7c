"""The knowledge field reference: generated from the schema, committed as docs/knowledge-fields.md, never drifting."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Literal

from pydantic import Field

from glutemap.cli import main
from glutemap.knowledge.field_reference import FieldRow, KnowledgeFile, field_reference, field_rows, knowledge_files
from glutemap.knowledge.loader import (
    FOLDER_KINDS,
    LIST_FILES,
    OPTIONAL_FOLDER_KINDS,
    OPTIONAL_LIST_FILES,
    OPTIONAL_SINGLE_FILES,
    SINGLE_FILES,
)
from glutemap.knowledge.models import Id, Record, ShortText

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "knowledge-fields.md"


class _Joint(Record):
    """A made-up nested record."""

    x: float = Field(ge=0, le=100)


class _Thing(Record):
    """A made-up record that shows each behaviour in one place."""

    id: Id
    colour: Literal["red", "green", "blue"]
    start: _Joint
    joints: tuple[_Joint, ...] = Field(min_length=1)
    note: ShortText | None = Field(default=None, description="anything worth saying")
    size: int = Field(default=3, ge=1, le=9)


THINGS = (KnowledgeFile("things/", "folder", True, _Thing),)


def _row(name: str) -> FieldRow:
    return next(row for row in field_rows(_Thing) if row.name == name)


def test_the_committed_reference_equals_the_generated_text() -> None:
    """docs/knowledge-fields.md is exactly what `glutemap fields` generates from the schema today."""
    assert COMMITTED.read_text(encoding="utf-8") == field_reference(), (
        "the schema changed: run `.venv/bin/glutemap fields > docs/knowledge-fields.md`"
    )


def test_glutemap_fields_prints_the_reference() -> None:
    """`glutemap fields` exits 0 and prints the generated reference, nothing else."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["fields"], out, err) == 0
    assert (out.getvalue(), err.getvalue()) == (field_reference(), "")


def test_every_knowledge_file_and_folder_has_a_section() -> None:
    """Every file and folder in the loader's maps gets its own section, optional ones marked as such."""
    text = field_reference()
    folders = {**FOLDER_KINDS, **OPTIONAL_FOLDER_KINDS}
    files = {**LIST_FILES, **OPTIONAL_LIST_FILES, **SINGLE_FILES, **OPTIONAL_SINGLE_FILES}
    expected = {f"{name}/" for name in folders} | set(files)
    assert {file.path for file in knowledge_files()} == expected
    for path in expected:
        assert f"\n## `knowledge/{path}`\n" in text
    optional = {f"{name}/" for name in OPTIONAL_FOLDER_KINDS} | {*OPTIONAL_LIST_FILES, *OPTIONAL_SINGLE_FILES}
    assert {file.path for file in knowledge_files() if not file.required} == optional


def test_a_required_field_says_required() -> None:
    """A field without a default reads "required"."""
    assert _row("colour").presence == "required"


def test_an_optional_field_gives_its_default() -> None:
    """A field with a default reads "optional" followed by that default."""
    assert _row("note").presence == "optional, default none"
    assert _row("size").presence == "optional, default `3`"


def test_a_literal_lists_its_values() -> None:
    """A Literal field reads "one of:" followed by every allowed value in order."""
    assert _row("colour").type == "one of: `red`, `green`, `blue`"


def test_a_list_names_what_it_holds_and_its_minimum() -> None:
    """A tuple field reads "list of" its items, with the least number of items it needs."""
    assert _row("joints").type == "list of [_Joint](#_joint), at least 1"


def test_a_number_gives_its_range() -> None:
    """A bounded number states both bounds in words."""
    assert _row("size").type == "whole number from 1 to 9"


def test_a_field_description_is_shown() -> None:
    """A field's `description` in the model is the last cell of its row."""
    assert _row("note").description == "anything worth saying"


def test_nested_models_get_their_own_section_once() -> None:
    """A nested model is linked from its field and expanded once in its own section, however often it appears."""
    text = field_reference(THINGS)
    assert text.count("\n### _Joint\n") == 1
    section = text.split("\n### _Joint\n", 1)[1]
    assert "A made-up nested record." in section
    assert "| `x` | number from 0 to 100 | required |  |" in section
    assert "| `start` | [_Joint](#_joint) | required |  |" in text


def test_every_table_row_has_as_many_cells_as_its_header() -> None:
    """No type or description breaks a table: pipes inside cells are escaped, so every row matches its header."""
    header_cells = 0
    for line in field_reference().splitlines():
        cells = len(re.split(r"(?<!\\)\|", line)) - 2
        if not line.startswith("| "):
            header_cells = 0
        elif header_cells == 0:
            header_cells = cells
        else:
            assert cells == header_cells, line
