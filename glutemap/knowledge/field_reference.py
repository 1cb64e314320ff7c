"""The knowledge field reference: every knowledge file's fields in plain words, generated from the schema.

`glutemap fields` prints it and docs/knowledge-fields.md holds a copy that a test keeps equal to it, so the
reference cannot drift from `glutemap/knowledge/models.py`. Which model each file or folder holds comes from the
loader's maps (`FOLDER_KINDS`, `LIST_FILES`, `SINGLE_FILES` and their `OPTIONAL_` twins).
"""

from __future__ import annotations

import datetime as dt
import inspect
import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt, MinLen
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from glutemap.knowledge.loader import (
    FOLDER_KINDS,
    LIST_FILES,
    OPTIONAL_FOLDER_KINDS,
    OPTIONAL_LIST_FILES,
    OPTIONAL_SINGLE_FILES,
    SINGLE_FILES,
)
from glutemap.knowledge.models import ConceptChoice, Doi, Id, Pmid, RefersTo, ShortText, Text

Shape = Literal["folder", "list", "single"]


@dataclass(frozen=True)
class KnowledgeFile:
    """One file or folder of the knowledge and the model each of its records must fit."""

    path: str
    shape: Shape
    required: bool
    model: type[BaseModel]


@dataclass(frozen=True)
class FieldRow:
    """One field of a model, in plain words."""

    name: str
    type: str
    presence: str
    description: str


def knowledge_files() -> tuple[KnowledgeFile, ...]:
    """Every file and folder the loader reads: folders first (the records people edit most), then lists, then singles."""
    groups: tuple[tuple[dict[str, type[BaseModel]], Shape, bool], ...] = (
        (FOLDER_KINDS, "folder", True),
        (OPTIONAL_FOLDER_KINDS, "folder", False),
        (LIST_FILES, "list", True),
        (OPTIONAL_LIST_FILES, "list", False),
        (SINGLE_FILES, "single", True),
        (OPTIONAL_SINGLE_FILES, "single", False),
    )
    return tuple(
        KnowledgeFile(f"{name}/" if shape == "folder" else name, shape, required, model)
        for mapping, shape, required in groups
        for name, model in mapping.items()
    )


def _constraint_of(alias: Any) -> StringConstraints:
    """The StringConstraints inside an `Annotated[str, StringConstraints(...)]` alias."""
    return next(part for part in get_args(alias)[1:] if isinstance(part, StringConstraints))


# The schema's named kinds of text (glutemap/knowledge/models.py): singular, plural, and a gloss for the legend, which
# also states the exact rule read from the constraint itself.
_NAMED_TEXT: tuple[tuple[StringConstraints, str, str, str], ...] = (
    (_constraint_of(Id), "id", "ids", "lower-case letters, digits and `_`, starting with a letter"),
    (_constraint_of(ShortText), "short text", "short texts", ""),
    (_constraint_of(Text), "text", "texts", ""),
    (_constraint_of(ConceptChoice), "concept choice", "concept choices", "concept ids; `a|b` means either one"),
    (_constraint_of(Doi), "DOI", "DOIs", "10.NNNN/…, without https://doi.org/"),
    (_constraint_of(Pmid), "PubMed id", "PubMed ids", "digits only"),
)


def _rule_words(constraint: StringConstraints) -> str:
    """What a StringConstraints asks of a text, in plain words."""
    parts = []
    if constraint.min_length:
        parts.append("not empty" if constraint.min_length == 1 else f"at least {constraint.min_length} characters")
    if constraint.max_length is not None:
        parts.append(f"at most {constraint.max_length:,} characters")
    if constraint.pattern is not None:
        parts.append(f"matches `{constraint.pattern}`")
    if constraint.strip_whitespace:
        parts.append("spaces at either end are dropped")
    return ", ".join(parts)


def _text_words(constraints: Sequence[Any], plural: bool) -> str:
    found = [part for part in constraints if isinstance(part, StringConstraints)]
    if not found:
        return "any texts" if plural else "any text"
    for known, singular, plural_words, _ in _NAMED_TEXT:
        if found[0] == known:
            return plural_words if plural else singular
    return f"{'texts' if plural else 'text'} ({_rule_words(found[0])})"


def _number(value: Any) -> str:
    """A bound as written: 100,000 with a separator, a year such as 1800 without."""
    return f"{value:,}" if abs(value) >= 10_000 else f"{value}"


def _number_words(noun: str, constraints: Sequence[Any]) -> str:
    low = next((part.ge for part in constraints if isinstance(part, Ge)), None)
    high = next((part.le for part in constraints if isinstance(part, Le)), None)
    above = next((part.gt for part in constraints if isinstance(part, Gt)), None)
    below = next((part.lt for part in constraints if isinstance(part, Lt)), None)
    if low is not None and high is not None:
        return f"{noun} from {_number(low)} to {_number(high)}"
    bounds = [
        *([f"at least {_number(low)}"] if low is not None else []),
        *([f"above {_number(above)}"] if above is not None else []),
        *([f"at most {_number(high)}"] if high is not None else []),
        *([f"below {_number(below)}"] if below is not None else []),
    ]
    return f"{noun}, {' and '.join(bounds)}" if bounds else noun


def anchor(model: type[BaseModel]) -> str:
    """The Markdown anchor of a nested model's own section (its heading is the model's name)."""
    return model.__name__.lower()


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def type_words(annotation: Any, constraints: Sequence[Any] = (), plural: bool = False) -> str:
    """A field's type in plain words: text, list of …, date, one of: a, b, c; a nested model as a link to its section."""
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return type_words(inner, [*extra, *constraints], plural)
    if origin in (Union, types.UnionType):
        options = [option for option in get_args(annotation) if option is not type(None)]
        return " or ".join(type_words(option, constraints, plural) for option in options)
    if origin is Literal:
        values = ", ".join(f"`{value}`" for value in get_args(annotation))
        refers = next((part for part in constraints if isinstance(part, RefersTo)), None)
        named = f", naming a record in `{refers.kind}`" if refers is not None else ""
        return f"{'each one of' if plural else 'one of'}: {values}{named}"
    if origin is tuple:
        item = get_args(annotation)[0]
        words = type_words(item, (), plural=True)
        listed = f"list, {words}" if get_origin(item) is Literal else f"list of {words}"
        least = next((part.min_length for part in constraints if isinstance(part, MinLen)), 0)
        return f"{listed}, at least {least}" if least else listed
    if origin is dict:
        key, value = get_args(annotation)
        return f"mapping of {type_words(key, (), True)} to {type_words(value, (), True)}"
    if _is_model(annotation):
        return f"[{annotation.__name__}](#{anchor(annotation)})"
    if annotation is str:
        words = _text_words(constraints, plural)
        refers = next((part for part in constraints if isinstance(part, RefersTo)), None)
        if refers is None:
            return words
        joined = f" (several joined by `{refers.separator}`)" if refers.separator else ""
        return f"{words} naming {'records' if plural else 'a record'} in `{refers.kind}`{joined}"
    if annotation is bool:
        return "`true` or `false`"
    if annotation is int:
        return _number_words("whole numbers" if plural else "whole number", constraints)
    if annotation is float:
        return _number_words("numbers" if plural else "number", constraints)
    if annotation is dt.date:
        return "dates (YYYY-MM-DD, unquoted)" if plural else "date (YYYY-MM-DD, unquoted)"
    raise TypeError(f"no plain words for the type {annotation!r}; teach glutemap/knowledge/field_reference.py about it")


def _default_words(info: FieldInfo) -> str:
    value = info.get_default(call_default_factory=True)
    if value is None:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (tuple, list)) and not value:
        return "an empty list"
    if isinstance(value, dict) and not value:
        return "an empty mapping"
    return f"`{value}`"


def field_rows(model: type[BaseModel]) -> tuple[FieldRow, ...]:
    """Every field of `model`, in the order the model declares them."""
    return tuple(
        FieldRow(
            name=name,
            type=type_words(info.annotation, info.metadata),
            presence="required" if info.is_required() else f"optional, default {_default_words(info)}",
            description=" ".join((info.description or "").split()),
        )
        for name, info in model.model_fields.items()
    )


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    if _is_model(annotation):
        return [annotation]
    return [model for argument in get_args(annotation) for model in _nested_models(argument)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _doc(model: type[BaseModel]) -> str:
    doc = model.__dict__.get("__doc__")
    return " ".join(inspect.cleandoc(doc).split()) if isinstance(doc, str) else ""


def _table(model: type[BaseModel]) -> list[str]:
    lines = ["| field | type | required? | what it holds |", "| --- | --- | --- | --- |"]
    lines += [
        f"| `{row.name}` | {_cell(row.type)} | {_cell(row.presence)} | {_cell(row.description)} |"
        for row in field_rows(model)
    ]
    return lines


def _where(file: KnowledgeFile) -> str:
    if file.shape == "folder":
        held = f"Folder `knowledge/{file.path}`: one YAML file per record, named after its `id` (`<id>.yaml`)."
    elif file.shape == "list":
        held = f"File `knowledge/{file.path}`: a YAML list of records, each starting with `- `."
    else:
        held = f"File `knowledge/{file.path}`: one record (a mapping of fields)."
    need = "Required." if file.required else "Optional: read only when present."
    return f"{held} {need} Model: `{file.model.__name__}` in `glutemap/knowledge/models.py`."


def _legend() -> list[str]:
    lines = ["Kinds of text used below:", ""]
    lines += [
        f"- **{singular}**: {f'{gloss} ({_rule_words(constraint)})' if gloss else _rule_words(constraint)}"
        for constraint, singular, _, gloss in _NAMED_TEXT
    ]
    return lines


INTRO = """\
# Knowledge fields

Generated from `glutemap/knowledge/models.py` by `glutemap fields`; do not edit by hand. After a schema change run
`.venv/bin/glutemap fields > docs/knowledge-fields.md` (a test fails while this file and the schema differ).

Every record is strict: a key not listed here is an error, and so is a value of the wrong type (`"10"` is
text, not a whole number). "list" means a YAML list (lines starting with `- `). `glutemap validate`
also checks what a table cannot show: that every id a record names (a source, region, muscle, exercise,
condition, concept) exists, and the rules across fields that a model states (for example an exercise
needs `muscles` or `works`). Run it after every edit."""


def field_reference(files: Sequence[KnowledgeFile] | None = None) -> str:
    """The whole reference as Markdown: one section per knowledge file or folder, then one per nested model."""
    chosen = knowledge_files() if files is None else tuple(files)
    lines = [INTRO, "", *_legend(), "", "| file or folder | record | required? |", "| --- | --- | --- |"]
    lines += [
        f"| `knowledge/{file.path}` | `{file.model.__name__}` | {'yes' if file.required else 'no, read when present'} |"
        for file in chosen
    ]
    nested: list[type[BaseModel]] = []

    def collect(model: type[BaseModel]) -> None:
        for info in model.model_fields.values():
            for found in _nested_models(info.annotation):
                if found not in nested:
                    nested.append(found)
                    collect(found)

    for file in chosen:
        lines += ["", f"## `knowledge/{file.path}`", "", _where(file)]
        if _doc(file.model):
            lines += ["", _doc(file.model)]
        lines += ["", *_table(file.model)]
        collect(file.model)
    if nested:
        lines += ["", "## Nested records", "", "Records that appear inside the ones above, each described once."]
    for model in nested:
        lines += ["", f"### {model.__name__}"]
        if _doc(model):
            lines += ["", _doc(model)]
        lines += ["", *_table(model)]
    return "\n".join(lines) + "\n"
