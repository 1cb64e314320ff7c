"""Synthetic knowledge folders N times the shipped one, for the scale benchmark.

Copy 0 is the shipped knowledge unchanged. Copies 1..N-1 repeat every record with its id renamed
(`gluteus_medius` -> `gluteus_medius_c7`) and every reference renamed the same way, so each copy has the
shipped cross-reference pattern. Every phrase the matcher indexes (names, labels, words) gets one extra
made-up word at its end (`q7z`): the matcher still has to scan it as far as a real phrase, but an everyday
phrasing matches only copy 0, as it would in a real, larger knowledge base whose records each have their
own vocabulary. The disclaimer is a single record and is not copied.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from glutemap.knowledge import loader

FOLDERS = ("muscles", "conditions", "exercises", "red_flags")
# Fields that hold the id of another record, and the kind of record they point at.
REFERENCE_FIELDS = {
    "sources": "sources",
    "covered_by": "muscles",
    "region": "regions",
    "regions": "regions",
    "muscle": "muscles",
    "exercises": "exercises",
}
LIST_FILE_KINDS = {
    "sources.yaml": "sources",
    "regions.yaml": "regions",
    "emg.yaml": "emg",
    "phases.yaml": "phases",
}


class _NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared objects out in full: the loader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True, width=120), "utf-8")


def _rename_references(value: Any, ids: dict[str, set[str]], suffix: str) -> Any:
    """Rename, anywhere inside `value`, the ids held by reference fields."""
    if isinstance(value, list):
        return [_rename_references(item, ids, suffix) for item in value]
    if not isinstance(value, dict):
        return value
    renamed: dict[str, Any] = {}
    for key, item in value.items():
        kind = REFERENCE_FIELDS.get(key)
        if kind is not None and isinstance(item, str) and item in ids[kind]:
            renamed[key] = item + suffix
        elif kind is not None and isinstance(item, list):
            renamed[key] = [
                entry + suffix if isinstance(entry, str) and entry in ids[kind] else _rename_references(entry, ids, suffix)
                for entry in item
            ]
        else:
            renamed[key] = _rename_references(item, ids, suffix)
    return renamed


def _mark_phrases(record: dict[str, Any], kind: str, marker: str) -> None:
    """Append `marker` to every phrase of `record` that the matcher indexes."""

    def marked(texts: list[str]) -> list[str]:
        return [f"{text} {marker}" for text in texts]

    if kind == "conditions":
        record["name"] = f"{record['name']} {marker}"
        record["also_called"] = marked(record.get("also_called", []))
        record["words"] = marked(record.get("words", []))
        for symptom in record.get("symptoms", []):
            symptom["words"] = marked(symptom.get("words", []))
    elif kind == "regions":
        record["label"] = f"{record['label']} {marker}"
        record["words"] = marked(record.get("words", []))
    elif kind == "red_flags":
        record["everyday"] = f"{record['everyday']} {marker}"
        record["words"] = marked(record.get("words", []))


def _copy(record: dict[str, Any], kind: str, number: int, ids: dict[str, set[str]]) -> dict[str, Any]:
    if number == 0:
        return record
    suffix = f"_c{number}"
    duplicate: dict[str, Any] = _rename_references(copy.deepcopy(record), ids, suffix)
    duplicate["id"] = record["id"] + suffix
    _mark_phrases(duplicate, kind, f"q{number}z")
    return duplicate


def write_synthetic_knowledge(source: Path, destination: Path, factor: int) -> int:
    """Write a knowledge folder `factor` times the size of `source` into `destination`; return its file count."""
    ids: dict[str, set[str]] = {kind: set() for kind in (*FOLDERS, *LIST_FILE_KINDS.values())}
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in FOLDERS:
        records[kind] = [_read(path) for path in sorted((source / kind).glob("*.yaml"))]
        ids[kind] = {record["id"] for record in records[kind]}
    lists: dict[str, list[dict[str, Any]]] = {}
    for name, kind in LIST_FILE_KINDS.items():
        if (source / name).is_file():
            lists[name] = _read(source / name)
            ids[kind] = {record["id"] for record in lists[name]}

    destination.mkdir(parents=True, exist_ok=True)
    files = 0
    for kind in FOLDERS:
        (destination / kind).mkdir(exist_ok=True)
        for number in range(factor):
            for record in records[kind]:
                duplicate = _copy(record, kind, number, ids)
                _write(destination / kind / f"{duplicate['id']}.yaml", duplicate)
                files += 1
    for name, kind in LIST_FILE_KINDS.items():
        if name in lists:
            _write(destination / name, [_copy(record, kind, n, ids) for n in range(factor) for record in lists[name]])
            files += 1
    glossary = _read(source / "glossary.yaml")
    _write(
        destination / "glossary.yaml",
        [{**term, "term": term["term"] + (f" q{n}z" if n else "")} for n in range(factor) for term in glossary],
    )
    _write(destination / "disclaimer.yaml", _read(source / "disclaimer.yaml"))
    # The vocabulary and reading rules are shared by every record, as in a real larger knowledge base.
    for name in ("concepts.yaml", "language.yaml"):
        if (source / name).is_file():
            _write(destination / name, _read(source / name))
            files += 1
    return files + 2


@contextmanager
def file_size_limit_lifted() -> Iterator[None]:
    """At 100x, sources.yaml and regions.yaml outgrow the loader's per-file guard; lift it in this process only."""
    saved = loader.MAX_FILE_BYTES
    loader.MAX_FILE_BYTES = 1 << 30
    try:
        yield
    finally:
        loader.MAX_FILE_BYTES = saved
