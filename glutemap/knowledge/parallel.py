"""Knowledge in two languages stays one knowledge: the same records, links, numbers, sources and review dates.

A second language's knowledge is a folder laid out like `knowledge/` (e.g. `knowledge-es/`), loaded and checked by
the same loader. Only the text a visitor reads (fields typed `Text` or `ShortText`, marked `Shown`) and the search
vocabulary people type (`Phrase` fields, the `concepts` and the context cues in `language.yaml`) may differ; every
id, link, number, date, source and citation must match, so plans, QR codes and links carry over between languages.
`glutemap compare ENGLISH OTHER` reports each difference by kind, record and field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

from pydantic import BaseModel

from glutemap.knowledge.models import KnowledgeBase, Phrase, holds_shown_text

# Kinds that are a language's own search vocabulary, not shared content.
VOCABULARY_KINDS = frozenset({"concepts", "language"})
SHOWN = "<text>"  # what a visitor reads stands for itself in the comparison: its words may differ


def _holds_phrases(annotation: Any) -> bool:
    """True for a field typed with `Phrase` (words people type), alone or inside tuples, lists or `| None`."""
    return annotation == Phrase or any(_holds_phrases(argument) for argument in get_args(annotation))


def _skeleton(value: Any, shown: bool = False) -> Any:
    """`value` with shown text replaced by SHOWN and phrases left out: what two languages must share."""
    if isinstance(value, BaseModel):
        parts: dict[str, Any] = {}
        for name, info in type(value).model_fields.items():
            if _holds_phrases(info.annotation):
                continue
            parts[name] = _skeleton(getattr(value, name), holds_shown_text(info))
        return parts
    if isinstance(value, str):
        return SHOWN if shown else value
    if isinstance(value, tuple | list):
        return [_skeleton(item, shown) for item in value]
    if isinstance(value, dict):
        return {key: _skeleton(item, shown) for key, item in value.items()}
    return value


def _differences(path: str, first: Any, second: Any) -> Iterator[str]:
    if isinstance(first, dict) and isinstance(second, dict):
        for key in first.keys() | second.keys():
            if key not in second:
                yield f"{path}.{key}: only in the first"
            elif key not in first:
                yield f"{path}.{key}: only in the second"
            else:
                yield from _differences(f"{path}.{key}", first[key], second[key])
    elif isinstance(first, list) and isinstance(second, list) and len(first) == len(second):
        for index, (one, other) in enumerate(zip(first, second, strict=True)):
            yield from _differences(f"{path}[{index}]", one, other)
    elif first != second:
        yield f"{path}: {_brief(first)} in the first, {_brief(second)} in the second"


def _brief(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} items"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parallel_differences(first: KnowledgeBase, second: KnowledgeBase) -> list[str]:
    """Every way `second` is not `first` in another language: records, ids, links, numbers, dates, sources.

    Each line names the kind, the record and the field ("conditions.it_band_syndrome.exercises[2]: ..."); the
    text a visitor reads and the search vocabulary are not compared. An empty list means the two are parallel.
    """
    found: list[str] = []
    for kind in sorted(KnowledgeBase.model_fields):
        if kind in VOCABULARY_KINDS:
            continue
        found.extend(sorted(_differences(kind, _skeleton(getattr(first, kind)), _skeleton(getattr(second, kind)))))
    return found
