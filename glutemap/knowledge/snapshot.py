"""The last knowledge that validated, kept on disk, so a restart while the files are broken still serves it.

Without it the last good knowledge lived only in memory: a restart (the nightly timer, or `make serve`
bringing a crashed replica back) while someone's edit was broken turned a typo into an outage, and left
replicas disagreeing. The snapshot is written only after a load validates, atomically (a temporary file
renamed over the old one), so it is always a whole, valid knowledge base. It holds knowledge, never
anything from a visit.

The file is two lines: a JSON header (format, when saved, which folder, a digest of the models' schema)
and the knowledge base as pydantic's JSON. A snapshot from an app whose models have since changed is
refused by the schema digest with a clear message, rather than half-read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from glutemap.knowledge.models import KnowledgeBase

SNAPSHOT_FORMAT = 1
SNAPSHOT_SUFFIX = ".snapshot.json"


class SnapshotUnusable(Exception):
    """A snapshot file that exists but cannot be served (damaged, or from another version of the app)."""


@dataclass(frozen=True)
class Snapshot:
    """A knowledge base read back from disk, with when it was saved and from which folder."""

    knowledge: KnowledgeBase
    saved_at: dt.datetime
    folder: str


@cache
def schema_digest() -> str:
    """A short digest of the knowledge models' JSON schema: it changes whenever a model changes."""
    schema = json.dumps(KnowledgeBase.model_json_schema(), sort_keys=True)
    return hashlib.sha256(schema.encode()).hexdigest()[:16]


def snapshot_file(snapshot_dir: Path, knowledge_dir: Path) -> Path:
    """Where the snapshot of one knowledge folder lives: one file per folder, named by a digest of its path."""
    key = hashlib.sha256(str(Path(knowledge_dir).resolve()).encode()).hexdigest()[:16]
    return Path(snapshot_dir) / f"knowledge-{key}{SNAPSHOT_SUFFIX}"


def save_snapshot(knowledge: KnowledgeBase, path: Path, folder: Path, now: dt.datetime | None = None) -> bool:
    """Write `knowledge` to `path` atomically; False (nothing written) when the same knowledge is already there."""
    body = knowledge.model_dump_json()
    digest = hashlib.sha256(body.encode()).hexdigest()
    if _saved_digest(path) == digest:
        return False
    header = {
        "format": SNAPSHOT_FORMAT,
        "saved_at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "folder": str(folder),
        "schema": schema_digest(),
        "digest": digest,
    }
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(json.dumps(header) + "\n" + body + "\n")
        temporary = Path(handle.name)
    os.replace(temporary, path)
    return True


def _saved_digest(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
    except (OSError, ValueError):
        return None
    return header.get("digest") if isinstance(header, dict) else None


def load_snapshot(path: Path) -> Snapshot | None:
    """The snapshot at `path`, None when there is none, or SnapshotUnusable saying why it cannot be served."""
    try:
        header_line, body = path.read_text(encoding="utf-8").split("\n", 1)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise SnapshotUnusable(f"{path}: cannot be read ({error})") from None
    try:
        header = json.loads(header_line)
        saved_at = dt.datetime.fromisoformat(header["saved_at"])
    except (ValueError, KeyError, TypeError):
        raise SnapshotUnusable(f"{path}: the header is damaged") from None
    if header.get("format") != SNAPSHOT_FORMAT or header.get("schema") != schema_digest():
        raise SnapshotUnusable(f"{path}: saved by another version of GluteMap (its knowledge models differ)")
    try:
        knowledge = KnowledgeBase.model_validate_json(body)
    except ValidationError as error:
        raise SnapshotUnusable(f"{path}: the knowledge in it is damaged ({error.error_count()} problem(s))") from None
    return Snapshot(knowledge, saved_at, str(header.get("folder", "")))
