"""The on-disk snapshot of the last knowledge that validated (glutemap/knowledge/snapshot.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from glutemap.knowledge.models import KnowledgeBase
from glutemap.knowledge.snapshot import SnapshotUnusable, load_snapshot, save_snapshot, snapshot_file

SAVED_AT = dt.datetime(2026, 12, 4, 3, 0, tzinfo=dt.UTC)


def test_a_saved_snapshot_reads_back_as_the_same_knowledge(tiny_knowledge: KnowledgeBase, tmp_path: Path) -> None:
    """Knowledge written to a snapshot comes back equal, with when and from where it was saved."""
    path = tmp_path / "k.snapshot.json"
    assert save_snapshot(tiny_knowledge, path, Path("/srv/knowledge"), now=SAVED_AT)
    snapshot = load_snapshot(path)
    assert snapshot is not None
    assert snapshot.knowledge == tiny_knowledge
    assert (snapshot.saved_at, snapshot.folder) == (SAVED_AT, "/srv/knowledge")


def test_unchanged_knowledge_is_not_rewritten(tiny_knowledge: KnowledgeBase, tmp_path: Path) -> None:
    """Saving the same knowledge again writes nothing (the file keeps its first save time)."""
    path = tmp_path / "k.snapshot.json"
    save_snapshot(tiny_knowledge, path, tmp_path, now=SAVED_AT)
    assert not save_snapshot(tiny_knowledge, path, tmp_path)
    snapshot = load_snapshot(path)
    assert snapshot is not None and snapshot.saved_at == SAVED_AT


def test_saving_leaves_no_temporary_file(tiny_knowledge: KnowledgeBase, tmp_path: Path) -> None:
    """The snapshot is written to a temporary file and renamed into place: only the snapshot remains."""
    path = tmp_path / "snapshots" / "k.snapshot.json"
    save_snapshot(tiny_knowledge, path, tmp_path)
    assert [entry.name for entry in path.parent.iterdir()] == ["k.snapshot.json"]


def test_no_snapshot_is_none(tmp_path: Path) -> None:
    """A folder that never had a valid load has no snapshot."""
    assert load_snapshot(tmp_path / "missing.snapshot.json") is None


def test_a_snapshot_from_another_version_of_the_models_is_refused(tiny_knowledge: KnowledgeBase, tmp_path: Path) -> None:
    """A snapshot whose schema digest differs (saved before an upgrade) is refused with a reason."""
    path = tmp_path / "k.snapshot.json"
    save_snapshot(tiny_knowledge, path, tmp_path)
    header, body = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(json.dumps({**json.loads(header), "schema": "0" * 16}) + "\n" + body, encoding="utf-8")
    with pytest.raises(SnapshotUnusable, match="saved by another version of GluteMap"):
        load_snapshot(path)


@pytest.mark.parametrize("damage", ["", "not json\n{}", '{"format": 1}\n{}'])
def test_a_damaged_snapshot_is_refused(tmp_path: Path, damage: str) -> None:
    """An empty, garbled or header-less snapshot is refused, never half-served."""
    path = tmp_path / "k.snapshot.json"
    path.write_text(damage, encoding="utf-8")
    with pytest.raises(SnapshotUnusable):
        load_snapshot(path)


def test_damaged_knowledge_inside_a_snapshot_is_refused(tiny_knowledge: KnowledgeBase, tmp_path: Path) -> None:
    """A snapshot whose knowledge no longer validates is refused with the number of problems."""
    path = tmp_path / "k.snapshot.json"
    save_snapshot(tiny_knowledge, path, tmp_path)
    header, _body = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header + "\n" + '{"muscles": 3}\n', encoding="utf-8")
    with pytest.raises(SnapshotUnusable, match="the knowledge in it is damaged"):
        load_snapshot(path)


def test_each_knowledge_folder_has_its_own_snapshot(tmp_path: Path) -> None:
    """Two knowledge folders never share (and overwrite) one snapshot file."""
    assert snapshot_file(tmp_path, Path("/a/knowledge")) != snapshot_file(tmp_path, Path("/b/knowledge"))
    assert snapshot_file(tmp_path, Path("/a/knowledge")).parent == tmp_path
