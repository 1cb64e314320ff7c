"""The knowledge base as the app sees it: loaded once per change of the files, last good one kept."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from glutemap.loader import KnowledgeError, check_knowledge, knowledge_fingerprint
from glutemap.models import KnowledgeBase
from glutemap.search.matcher import search_index
from glutemap.settings import deployment
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
def _load(root: str, version: str) -> tuple[KnowledgeBase | None, tuple[KnowledgeError, ...]]:
    knowledge, errors = check_knowledge(Path(root))
    if errors:
        # Logged once per version of the files, because this call is cached on their fingerprint.
        log.error("Knowledge base at %s has %d problem(s):\n%s", root, len(errors), "\n".join(map(str, errors)))
    elif knowledge is not None:
        # The search index (stems, spelling, English word list) is built with the knowledge, in the
        # server's warm-up, rather than on the first visitor's first search.
        search_index(knowledge).lexicon.prepare_spelling()
        long_lived_objects_changed()  # the knowledge lives until the files change
    return knowledge, tuple(errors)


def current_knowledge() -> KnowledgeState:
    """The knowledge to serve now; a broken edit keeps the last good knowledge serving."""
    root = str(deployment().knowledge_dir)
    # One short key: Streamlit hashes cache arguments itself, and hashing the whole (name, size, mtime)
    # tuple of every file took milliseconds on every rerun.
    version = hashlib.sha256(repr(knowledge_fingerprint(Path(root))).encode()).hexdigest()
    knowledge, problems = _load(root, version)
    memory = _last_good()
    if knowledge is not None:
        memory.by_folder[root] = knowledge
        return KnowledgeState(knowledge)
    return KnowledgeState(memory.by_folder.get(root), problems)
