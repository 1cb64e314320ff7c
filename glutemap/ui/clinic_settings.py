"""The clinic's settings file (settings/clinic.yaml) as the running app sees it: re-read when it changes."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from glutemap.clinic import ClinicSettings, load_clinic_settings, settings_path
from glutemap.knowledge.loader import KnowledgeError

log = logging.getLogger("glutemap")


@st.cache_resource(show_spinner=False, max_entries=4)
def _clinic(path: str, modified_ns: int) -> tuple[ClinicSettings | None, tuple[KnowledgeError, ...]]:
    settings, errors = load_clinic_settings(Path(path))
    if errors:
        # Logged once per version of the file, because this call is cached on its modification time.
        log.error("Clinic settings at %s have %d problem(s):\n%s", path, len(errors), "\n".join(map(str, errors)))
    return settings, tuple(errors)


def clinic_settings() -> tuple[ClinicSettings | None, tuple[KnowledgeError, ...]]:
    """The clinic settings now (re-read when the file changes), or None with the problems found."""
    path = settings_path()
    try:
        modified_ns = path.stat().st_mtime_ns
    except OSError:
        modified_ns = 0  # missing file: the defaults
    return _clinic(str(path), modified_ns)
