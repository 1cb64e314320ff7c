"""The knowledge base as the app sees it: loaded once per change of the files, last good one kept.

What is served, in order: the files when they validate; else the last good knowledge this process saw;
else, after a restart, the snapshot on disk of the last knowledge that validated (glutemap/knowledge/snapshot.py).
Visitors see no notice of any of this; staff find it in the log and at /_glutemap/status.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from glutemap.knowledge import knowledge_status
from glutemap.knowledge.loader import KnowledgeError, check_knowledge, knowledge_fingerprint
from glutemap.knowledge.models import KnowledgeBase
from glutemap.knowledge.snapshot import Snapshot, SnapshotUnusable, load_snapshot, save_snapshot, snapshot_file
from glutemap.language import Language, localize
from glutemap.memo import IdentityCache
from glutemap.search.matcher import search_index
from glutemap.settings import Deployment, deployment
from glutemap.ui.heap import long_lived_objects_changed

log = logging.getLogger("glutemap")


@dataclass(frozen=True)
class KnowledgeState:
    """What to serve: the knowledge (None if none was ever valid) and any problems with the files now."""

    knowledge: KnowledgeBase | None
    problems: tuple[KnowledgeError, ...] = ()

    @property
    def stale(self) -> bool:
        """True when the files on disk are broken but an earlier good version is still being served."""
        return self.knowledge is not None and bool(self.problems)


@dataclass
class _LastGood:
    by_folder: dict[str, KnowledgeBase] = field(default_factory=dict)


@st.cache_resource(show_spinner=False)
def _last_good() -> _LastGood:
    return _LastGood()


@st.cache_resource(show_spinner=False, max_entries=8)
def _load(root: str, version: str, snapshot_dir: str | None) -> tuple[KnowledgeBase | None, tuple[KnowledgeError, ...]]:
    knowledge_status.load_started()
    try:
        knowledge, errors = check_knowledge(Path(root))
    finally:
        knowledge_status.load_finished()
    if errors:
        # Logged once per version of the files, because this call is cached on their fingerprint.
        log.error("Knowledge base at %s has %d problem(s):\n%s", root, len(errors), "\n".join(map(str, errors)))
    elif knowledge is not None:
        long_lived_objects_changed()  # the knowledge lives until the files change
        if snapshot_dir is not None:
            _keep_snapshot(knowledge, Path(root), Path(snapshot_dir))
    return knowledge, tuple(errors)


def _keep_snapshot(knowledge: KnowledgeBase, root: Path, snapshot_dir: Path) -> None:
    path = snapshot_file(snapshot_dir, root)
    try:
        if save_snapshot(knowledge, path, root):
            log.info("Saved the validated knowledge as the snapshot %s", path)
    except OSError as error:
        log.warning("Could not save the knowledge snapshot %s (%s); a restart with broken files would serve nothing",
                    path, error.strerror)


@st.cache_resource(show_spinner=False, max_entries=8)
def _snapshot(root: str, snapshot_dir: str) -> Snapshot | None:
    """The snapshot of `root`, read once per process (it is only needed when the files were broken at start)."""
    path = snapshot_file(Path(snapshot_dir), Path(root))
    try:
        snapshot = load_snapshot(path)
    except SnapshotUnusable as unusable:
        log.error("The knowledge snapshot cannot be served: %s", unusable)
        return None
    if snapshot is None:
        log.error("No knowledge snapshot at %s: nothing valid to serve until the files are fixed", path)
        return None
    search_index(snapshot.knowledge).lexicon.prepare_spelling()
    log.warning("Serving the knowledge snapshot saved at %s (%s) because the files at %s do not validate",
                snapshot.saved_at.isoformat(), path, root)
    return snapshot


def _fallback(settings: Deployment, root: str) -> tuple[KnowledgeBase | None, Snapshot | None]:
    """The last good knowledge of this process, else the snapshot on disk, else nothing."""
    memory = _last_good().by_folder.get(root)
    if memory is not None or settings.snapshot_dir is None:
        return memory, None
    snapshot = _snapshot(root, str(settings.snapshot_dir))
    return (snapshot.knowledge, snapshot) if snapshot is not None else (None, None)


def current_knowledge() -> KnowledgeState:
    """The knowledge to serve now; broken files keep the last good knowledge (or its snapshot) serving."""
    settings = deployment()
    root = str(settings.knowledge_dir)
    # One short key: Streamlit hashes cache arguments itself, and hashing the whole (name, size, mtime)
    # tuple of every file took milliseconds on every rerun.
    version = hashlib.sha256(repr(knowledge_fingerprint(Path(root))).encode()).hexdigest()
    snapshot_dir = str(settings.snapshot_dir) if settings.snapshot_dir is not None else None
    knowledge, problems = _load(root, version, snapshot_dir)
    if knowledge is not None:
        _last_good().by_folder[root] = knowledge
        knowledge_status.now_serving("files")
        return KnowledgeState(knowledge)
    fallback, snapshot = _fallback(settings, root)
    if snapshot is not None:
        knowledge_status.now_serving("snapshot", len(problems), snapshot.saved_at.isoformat())
    else:
        knowledge_status.now_serving("last good" if fallback is not None else "nothing", len(problems))
    return KnowledgeState(fallback, problems)


_prepared: IdentityCache[bool] = IdentityCache()


def knowledge_in(knowledge: KnowledgeBase, chosen: Language) -> KnowledgeBase:
    """`knowledge` with its shown text in `chosen`, built once per pair (about 10 ms the first time)."""
    return localize(knowledge, chosen)


def prepare_search(knowledge: KnowledgeBase, chosen: Language) -> None:
    """Build the search index of `knowledge` in `chosen` (stems, spelling, English word list), once per pair.

    About a quarter of a second on two cores. The first search would build it anyway; the warm-up calls
    this ahead of the first visitor's first search, not on the way to their first page.
    """
    shown = knowledge_in(knowledge, chosen)
    _prepared.get(shown, lambda: _prepare_search(shown))


def _prepare_search(shown: KnowledgeBase) -> bool:
    search_index(shown).lexicon.prepare_spelling()
    long_lived_objects_changed()  # it lives as long as the knowledge it was made from
    return True
