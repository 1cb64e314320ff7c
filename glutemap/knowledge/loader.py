"""The one knowledge loader: safe YAML -> located data -> pydantic models -> cross-reference checks.

Every problem is collected as a `KnowledgeError` naming the file, line, record and field, so a person
editing the knowledge sees all of them at once, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from glutemap.knowledge.collector import collection_paused
from glutemap.knowledge.knowledge_status import LOAD_TIME_BUDGET_SECONDS
from glutemap.knowledge.models import (
    CareOption,
    Concept,
    Condition,
    Disclaimer,
    EmgStudy,
    Exercise,
    GlossaryTerm,
    KnowledgeBase,
    Language,
    Muscle,
    ProgressionStep,
    RedFlag,
    Region,
    RehabPhase,
    Source,
    TrialOutcome,
)
from glutemap.knowledge.references import references

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 40
OUTSIDE_FOLDER = "a symbolic link that leads outside the knowledge folder; only files inside it are read"
DEFAULT_KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"

# PyYAML's C parser is about ten times faster; the pure-Python one is the fallback.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FOLDER_KINDS: dict[str, type[BaseModel]] = {
    "muscles": Muscle,
    "conditions": Condition,
    "exercises": Exercise,
    "red_flags": RedFlag,
}
LIST_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": Source,
    "regions.yaml": Region,
    "glossary.yaml": GlossaryTerm,
}
SINGLE_FILES: dict[str, type[BaseModel]] = {"disclaimer.yaml": Disclaimer}
# Read only when present: a knowledge folder without them simply has no EMG charts or phase timeline.
OPTIONAL_LIST_FILES: dict[str, type[BaseModel]] = {
    "emg.yaml": EmgStudy,
    "phases.yaml": RehabPhase,
    "progression.yaml": ProgressionStep,
    # Without them free text is read word by word, with no concepts, context or flag rules.
    "concepts.yaml": Concept,
}
OPTIONAL_SINGLE_FILES: dict[str, type[BaseModel]] = {"language.yaml": Language}
KNOWLEDGE_SUFFIXES = (".yaml", ".yml")
# Likewise read only when present: without them the decision aid shows no option cards or trial numbers.
OPTIONAL_FOLDER_KINDS: dict[str, type[BaseModel]] = {"options": CareOption, "outcomes": TrialOutcome}

M = TypeVar("M", bound=BaseModel)
Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class KnowledgeError:
    """One located problem in the knowledge folder."""

    file: str
    line: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = " › ".join(part for part in (self.record, self.field) if part)
        return f"{where}: {what}: {self.message}" if what else f"{where}: {self.message}"


class KnowledgeBaseInvalid(Exception):
    """Raised with every error found when the knowledge folder cannot be used."""

    def __init__(self, errors: Sequence[KnowledgeError]) -> None:
        self.errors = tuple(sorted(errors))
        super().__init__(f"{len(self.errors)} problem(s) in the knowledge base")

    def report(self) -> str:
        """All errors, one per line."""
        return "\n".join(str(error) for error in self.errors)


@dataclass
class _Located:
    """YAML data plus the line where each path inside it starts."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known node on `path` (1-based; 0 if unknown)."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return 0


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


def _line(mark: Any) -> int:
    return int(mark.line) + 1 if mark is not None else 0


def _check_events(text: str) -> None:
    """Reject aliases and deep nesting before any object is built (PyYAML would expand or crash)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _YamlProblem(
                _line(event.start_mark), "anchors and aliases (&name, *name) are not allowed; write the text out"
            )
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _YamlProblem(_line(event.start_mark), f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


# Plain YAML data only: any other tag (!!python/..., !!set, !!binary) is refused, because `_build` below
# constructs mappings and sequences itself and would otherwise drop such a tag without a word.
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, located: _Located) -> Any:
    """Turn a composed node into plain data, recording lines and refusing duplicate keys and odd tags."""
    located.lines[path] = _line(node.start_mark)
    if node.tag not in _ALLOWED_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _YamlProblem(
            _line(node.start_mark), f"the YAML tag '{shown}' is not allowed; remove it (or put the text in quotes)"
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _YamlProblem(_line(key_node.start_mark), "keys must be plain words")
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                raise _YamlProblem(
                    _line(key_node.start_mark), f"key {key!r} must be text (put it in quotes if meant as text)"
                )
            if key in result:
                raise _YamlProblem(_line(key_node.start_mark), f"duplicate key '{key}'")
            result[key] = _build(loader, value_node, (*path, key), located)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, index), located) for index, item in enumerate(node.value)]
    return loader.construct_object(node)


def _read_limited(path: Path) -> bytes:
    """The bytes of an ordinary file, at most one more than the size limit; `_YamlProblem` for anything else.

    Opened without blocking and checked on the open file itself: a pipe (FIFO) would otherwise hang the
    read forever, and a device such as /dev/zero never ends. Reading stops one byte past the limit, so a
    file that grows after it was measured cannot exhaust memory either.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _YamlProblem(0, "not an ordinary file (a pipe, device or folder); only ordinary files are read")
        size = os.fstat(descriptor).st_size
        if size > MAX_FILE_BYTES:
            raise _YamlProblem(0, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        chunks: list[bytes] = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    raw = b"".join(chunks)
    if len(raw) > MAX_FILE_BYTES:
        raise _YamlProblem(0, f"file is over the limit of {MAX_FILE_BYTES:,} bytes")
    return raw


def read_yaml(path: Path) -> _Located:
    """Read one YAML file safely; raise `_YamlProblem` with a line for anything unusable."""
    raw = _read_limited(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _YamlProblem(line, "not valid UTF-8 text; save the file as UTF-8") from None
    if not text.strip():
        raise _YamlProblem(1, "file is empty")
    try:
        _check_events(text)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            located = _Located(None)
            located.data = _build(loader, node, (), located) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "could not be read"
        line = _line(mark)
        # libyaml's message for a tab often does not say "tab", so look at the line itself.
        source_lines = text.splitlines()
        tab_on_line = 1 <= line <= len(source_lines) and "\t" in source_lines[line - 1]
        if tab_on_line or "tab" in problem.lower():
            problem += " (use spaces, not tabs, to indent)"
        raise _YamlProblem(line, f"YAML syntax: {problem}") from None
    except yaml.YAMLError as error:
        raise _YamlProblem(0, f"YAML: {error}") from None
    return located


def _tuples(value: Any) -> Any:
    """Lists become tuples, because the frozen models store tuples and strict mode will not convert."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value


def _field_name(location: Sequence[str | int]) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _explain(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; this field is not part of the record)"
    if kind == "missing":
        return "required field is missing"
    if isinstance(value, bool) and kind.startswith("string"):
        return f"YAML read this as {str(value).lower()} (yes/no); put the text in quotes"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and kind.startswith("string"):
        return f"YAML read this as the number {value}; put the text in quotes"
    if isinstance(value, dt.date) and kind.startswith("string"):
        return "YAML read this as a date; put the text in quotes"
    if kind == "value_error" and "ctx" in error:
        return str(error["ctx"]["error"])  # our own validators' words, without pydantic's "Value error, "
    message = str(error["msg"])
    if kind == "literal_error" and "ctx" in error:
        return f"{message}, got {value!r}"
    return message


def _validate(
    model: type[M], data: Any, located: _Located, base: Path_, file: str, record: str
) -> tuple[M | None, list[KnowledgeError]]:
    try:
        return model.model_validate(_tuples(data)), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            location = tuple(error["loc"])
            errors.append(
                KnowledgeError(
                    file=file,
                    line=located.line_of((*base, *location)),
                    record=record,
                    field=_field_name(location),
                    message=_explain(error),
                )
            )
        return None, errors


def _record_name(data: Any, fallback: str) -> str:
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return str(data["id"])
    if isinstance(data, dict) and isinstance(data.get("term"), str):
        return str(data["term"])
    return fallback


@dataclass
class _Collected:
    """Models read so far, with where each came from (for cross-reference messages)."""

    records: dict[str, dict[str, BaseModel]] = field(default_factory=dict)
    origin: dict[tuple[str, str], tuple[str, _Located, Path_]] = field(default_factory=dict)
    singles: dict[str, BaseModel] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    errors: list[KnowledgeError] = field(default_factory=list)
    # Records (and whole kinds) already reported as broken: pointing at them is not a second error.
    broken_ids: dict[str, set[str]] = field(default_factory=dict)
    unreadable_kinds: set[str] = field(default_factory=set)
    deadline: float = float("inf")
    out_of_time: bool = False

    def mark_broken(self, kind: str, record_id: object) -> None:
        """Remember that the record `record_id` of `kind` exists but has its own errors."""
        if isinstance(record_id, str):
            self.broken_ids.setdefault(kind, set()).add(record_id)

    def add(self, kind: str, model: BaseModel, file: str, located: _Located, base: Path_) -> None:
        record_id = str(getattr(model, "id"))  # noqa: B009 - every keyed model has an id
        bucket = self.records.setdefault(kind, {})
        if record_id in bucket:
            first_file = self.origin[(kind, record_id)][0]
            self.errors.append(
                KnowledgeError(
                    file, located.line_of((*base, "id")), record_id, "id", f"duplicate id; first defined in {first_file}"
                )
            )
            return
        bucket[record_id] = model
        self.origin[(kind, record_id)] = (file, located, base)


def _present(path: Path) -> bool:
    """True for anything at `path`, even a pipe, device or broken link: those are reported, not skipped."""
    return path.exists() or path.is_symlink()


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _outside(path: Path, root: Path) -> bool:
    """True when `path`, its symbolic links followed, leads outside the knowledge folder `root`."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symbolic-link loop (Python 3.11)
        return True


def _read_into(collected: _Collected, path: Path, root: Path) -> _Located | None:
    file = _relative(path, root)
    if collected.out_of_time:
        return None
    if time.monotonic() > collected.deadline:
        collected.out_of_time = True
        collected.errors.append(
            KnowledgeError(file, 0, "", "", f"loading stopped here: it took longer than {LOAD_TIME_BUDGET_SECONDS:g} s "
                           "(is the folder on a slow or stuck disk?)")
        )
        return None
    if _outside(path, root):
        collected.errors.append(
            KnowledgeError(file, 0, "", "", OUTSIDE_FOLDER)
        )
        return None
    try:
        return read_yaml(path)
    except _YamlProblem as problem:
        collected.errors.append(KnowledgeError(file, problem.line, "", "", problem.message))
    except OSError as error:
        collected.errors.append(KnowledgeError(file, 0, "", "", f"cannot read file: {error.strerror}"))
    return None


def _load_folder(collected: _Collected, root: Path, kind: str, model: type[BaseModel]) -> None:
    folder = root / kind
    if not folder.is_dir():
        collected.errors.append(KnowledgeError(_relative(folder, root), 0, "", "", "folder is missing"))
        collected.unreadable_kinds.add(kind)
        return
    if _outside(folder, root):
        collected.errors.append(
            KnowledgeError(_relative(folder, root), 0, "", "", OUTSIDE_FOLDER)
        )
        collected.unreadable_kinds.add(kind)
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix not in KNOWLEDGE_SUFFIXES:
            continue
        collected.mark_broken(kind, path.stem)  # until it validates below
        located = _read_into(collected, path, root)
        if located is None:
            continue
        file = _relative(path, root)
        if not isinstance(located.data, dict):
            collected.errors.append(KnowledgeError(file, 1, path.stem, "", "file must hold one record (a mapping of fields)"))
            continue
        record = _record_name(located.data, path.stem)
        if located.data.get("id") != path.stem:
            collected.errors.append(
                KnowledgeError(
                    file, located.line_of(("id",)), record, "id", f"id must equal the file name '{path.stem}'"
                )
            )
            continue
        parsed, errors = _validate(model, located.data, located, (), file, record)
        collected.errors.extend(errors)
        if parsed is not None:
            collected.broken_ids[kind].discard(path.stem)
            collected.add(kind, parsed, file, located, ())


def _load_list(collected: _Collected, root: Path, name: str, model: type[BaseModel]) -> None:
    path = root / name
    file = _relative(path, root)
    kind = name.removesuffix(".yaml")
    if not _present(path):
        collected.errors.append(KnowledgeError(file, 0, "", "", "file is missing"))
        collected.unreadable_kinds.add(kind)
        return
    located = _read_into(collected, path, root)
    if located is None:
        collected.unreadable_kinds.add(kind)
        return
    if not isinstance(located.data, list):
        collected.errors.append(KnowledgeError(file, 1, "", "", "file must hold a list of records (lines starting with '- ')"))
        collected.unreadable_kinds.add(kind)
        return
    for index, item in enumerate(located.data):
        record = _record_name(item, f"item {index + 1}")
        parsed, errors = _validate(model, item, located, (index,), file, record)
        collected.errors.extend(errors)
        if parsed is None:
            collected.mark_broken(kind, item.get("id") if isinstance(item, dict) else None)
            continue
        if isinstance(parsed, GlossaryTerm):
            collected.glossary.append(parsed)
        else:
            collected.add(kind, parsed, file, located, (index,))


def _load_single(collected: _Collected, root: Path, name: str, model: type[BaseModel]) -> None:
    path = root / name
    file = _relative(path, root)
    if not _present(path):
        collected.errors.append(KnowledgeError(file, 0, "", "", "file is missing"))
        return
    located = _read_into(collected, path, root)
    if located is None:
        return
    parsed, errors = _validate(model, located.data, located, (), file, name.removesuffix(".yaml"))
    collected.errors.extend(errors)
    if parsed is not None:
        collected.singles[name] = parsed


def _check_references(collected: _Collected) -> None:
    for (kind, record_id), (file, located, base) in collected.origin.items():
        model = collected.records[kind][record_id]
        for target_kind, path, target in ((ref.kind, ref.path, ref.target) for ref in references(model)):
            known = collected.records.get(target_kind, {})
            if target in known or target_kind in collected.unreadable_kinds:
                continue
            if target in collected.broken_ids.get(target_kind, ()):
                continue
            choices = ", ".join(sorted(known)[:12]) + (" …" if len(known) > 12 else "")
            collected.errors.append(
                KnowledgeError(
                    file,
                    located.line_of((*base, *path)),
                    record_id,
                    _field_name(path),
                    f"unknown {target_kind.removesuffix('s')} '{target}' (known: {choices or 'none'})",
                )
            )


def read_mapping_file(
    path: Path, model: type[M], shown_as: str, record: str, not_a_mapping: str
) -> tuple[M | None, list[KnowledgeError]]:
    """One YAML file holding a single mapping (e.g. the clinic settings), read and validated like knowledge.

    The same safe reader and located errors as the knowledge; a file holding only comments is an empty
    mapping; `not_a_mapping` is the message when the file holds something else.
    """
    try:
        located = read_yaml(path)
    except _YamlProblem as problem:
        return None, [KnowledgeError(shown_as, problem.line, "", "", problem.message)]
    except OSError as error:
        return None, [KnowledgeError(shown_as, 0, "", "", f"cannot read file: {error.strerror}")]
    if located.data is None:
        located = _Located({}, located.lines)
    if not isinstance(located.data, dict):
        return None, [KnowledgeError(shown_as, 1, "", "", not_a_mapping)]
    return _validate(model, located.data, located, (), shown_as, record)


def check_knowledge(
    root: Path = DEFAULT_KNOWLEDGE_DIR, time_budget: float = LOAD_TIME_BUDGET_SECONDS
) -> tuple[KnowledgeBase | None, list[KnowledgeError]]:
    """Load and validate the knowledge folder within `time_budget` seconds; the knowledge base or every error found."""
    with collection_paused():
        return _check_knowledge(Path(root), time.monotonic() + time_budget)


def _check_knowledge(root: Path, deadline: float) -> tuple[KnowledgeBase | None, list[KnowledgeError]]:
    collected = _Collected(deadline=deadline)
    if not root.is_dir():
        return None, [KnowledgeError(root.as_posix(), 0, "", "", "knowledge folder not found")]
    for name, model in SINGLE_FILES.items():
        _load_single(collected, root, name, model)
    for name, model in LIST_FILES.items():
        _load_list(collected, root, name, model)
    for name, model in OPTIONAL_LIST_FILES.items():
        if _present(root / name):
            _load_list(collected, root, name, model)
    for name, model in OPTIONAL_SINGLE_FILES.items():
        if _present(root / name):
            _load_single(collected, root, name, model)
    for kind, model in FOLDER_KINDS.items():
        _load_folder(collected, root, kind, model)
    for kind, model in OPTIONAL_FOLDER_KINDS.items():
        if (root / kind).is_dir():
            _load_folder(collected, root, kind, model)
    _check_references(collected)
    if collected.errors:
        return None, sorted(set(collected.errors))
    records = collected.records
    knowledge = KnowledgeBase(
        muscles=records.get("muscles", {}),  # type: ignore[arg-type]
        conditions=records.get("conditions", {}),  # type: ignore[arg-type]
        exercises=records.get("exercises", {}),  # type: ignore[arg-type]
        regions=records.get("regions", {}),  # type: ignore[arg-type]
        red_flags=records.get("red_flags", {}),  # type: ignore[arg-type]
        sources=records.get("sources", {}),  # type: ignore[arg-type]
        glossary=tuple(collected.glossary),
        disclaimer=collected.singles["disclaimer.yaml"],  # type: ignore[arg-type]
        emg=records.get("emg", {}),  # type: ignore[arg-type]
        phases=records.get("phases", {}),  # type: ignore[arg-type]
        progression=records.get("progression", {}),  # type: ignore[arg-type]
        options=records.get("options", {}),  # type: ignore[arg-type]
        outcomes=records.get("outcomes", {}),  # type: ignore[arg-type]
        concepts=records.get("concepts", {}),  # type: ignore[arg-type]
        language=collected.singles.get("language.yaml"),  # type: ignore[arg-type]
    )
    return knowledge, []


def load_knowledge(root: Path = DEFAULT_KNOWLEDGE_DIR) -> KnowledgeBase:
    """The validated knowledge base, or `KnowledgeBaseInvalid` listing every problem."""
    knowledge, errors = check_knowledge(root)
    if knowledge is None:
        raise KnowledgeBaseInvalid(errors)
    return knowledge


def knowledge_fingerprint(root: Path = DEFAULT_KNOWLEDGE_DIR) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of every knowledge file: changes when any file changes.

    Called on every rerun (twice per tap), so it walks the folder with `os.scandir` and plain strings: the
    same walk with `Path.rglob` and `relative_to` took several milliseconds.
    """
    if not os.path.isdir(root):
        return ()
    entries: list[tuple[str, int, int]] = []
    folders = [("", os.fspath(root))]
    while folders:
        prefix, folder = folders.pop()
        try:
            listing = list(os.scandir(folder))
        except OSError:
            continue
        for entry in listing:
            name = prefix + entry.name
            try:
                if entry.is_dir():
                    folders.append((name + "/", entry.path))
                elif entry.name.endswith(KNOWLEDGE_SUFFIXES):
                    status = entry.stat()
                    entries.append((name, status.st_size, status.st_mtime_ns))
            except OSError:
                continue
    return tuple(sorted(entries))
