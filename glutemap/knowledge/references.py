"""Which records a record points at, read from the schema's `RefersTo` marks (glutemap/knowledge/models.py).

One walker for every use: the loader checks each reference resolves, the Sources page lists every record
that cites a source, and nothing keeps its own list of reference fields. Adding a record kind or a
reference field touches the schema only.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from glutemap.knowledge.models import RefersTo

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Reference:
    """One id a record names: the kind it names, where in the record (a path of fields and indexes), the id."""

    kind: str
    path: Path_
    target: str


Walker = Callable[[object, Path_], Iterator[Reference]]


def references(record: BaseModel) -> Iterator[Reference]:
    """Every reference inside `record`, nested models and lists included, in field order."""
    for name, walker in _plan(type(record)):
        yield from walker(getattr(record, name), (name,))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, Walker], ...]:
    """For each field of `model` that can hold a reference, a walker built once from its type.

    Built from the types once per model, so a load does not inspect annotations record by record (that
    cost about 50 ms per load; the compiled walkers, about 2 ms).
    """
    plan = []
    for name, info in model.model_fields.items():
        # pydantic moves the marks of an outer Annotated into the field's metadata.
        walker = _compile(info.annotation, tuple(mark for mark in info.metadata if isinstance(mark, RefersTo)))
        if walker is not None:
            plan.append((name, walker))
    return tuple(plan)


def _compile(annotation: Any, marks: tuple[RefersTo, ...]) -> Walker | None:
    """A walker for values of `annotation`, or None when such a value can hold no reference."""
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _compile(inner, (*marks, *(mark for mark in extra if isinstance(mark, RefersTo))))
    if marks:
        return _ids(marks)
    if origin in (Union, types.UnionType):
        walkers = [w for arg in get_args(annotation) if arg is not type(None) if (w := _compile(arg, ())) is not None]
        return _either(walkers) if walkers else None
    if origin is tuple:
        element = _compile(get_args(annotation)[0], ())
        return _each(element) if element is not None else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and _plan(annotation):
        return _nested
    return None


def _ids(marks: tuple[RefersTo, ...]) -> Walker:
    def ids(value: object, path: Path_) -> Iterator[Reference]:
        if isinstance(value, str):
            for mark in marks:
                for target in value.split(mark.separator) if mark.separator else (value,):
                    yield Reference(mark.kind, path, target)

    return ids


def _either(walkers: list[Walker]) -> Walker:
    def either(value: object, path: Path_) -> Iterator[Reference]:
        if value is not None:
            for walker in walkers:
                yield from walker(value, path)

    return either


def _each(element: Walker) -> Walker:
    def each(value: object, path: Path_) -> Iterator[Reference]:
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                yield from element(item, (*path, index))

    return each


def _nested(value: object, path: Path_) -> Iterator[Reference]:
    if isinstance(value, BaseModel):
        for name, walker in _plan(type(value)):
            yield from walker(getattr(value, name), (*path, name))


def references_to(record: BaseModel, kind: str) -> tuple[str, ...]:
    """The ids of `kind` that `record` names, first mention first, each once."""
    return tuple(dict.fromkeys(ref.target for ref in references(record) if ref.kind == kind))


MAX_LINKED_ID_CHARS = 60  # longer than any id; a longer value is not looked up at all


def linked_id(value: object, known: Collection[str]) -> str | None:
    """The record id a link in the address names (`?exercise=clam_shell`), or None if it names no known record.

    Streamlit gives one value, or a list for a repeated parameter (the first counts); spaces around it are ignored.
    """
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or len(value) > MAX_LINKED_ID_CHARS:
        return None
    value = value.strip()
    return value if value in known else None
