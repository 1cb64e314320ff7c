"""Which language each visitor reads, decided at the start of every run and served to `glutemap.language`.

The deployment's language (GLUTEMAP_LANGUAGE, "en" unless set) is every visitor's start; outside kiosk
mode a visitor may choose another one for the session with `?lang=`, e.g. `?lang=en-XA` for the
pseudo-locale. The clinic's settings give the care words and spelling. Importing this module registers
the session's language as the one `glutemap.strings` and the knowledge are shown in.
"""

from __future__ import annotations

import threading

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from glutemap import language
from glutemap.clinic import visitor_language
from glutemap.language import LANGUAGE_CODES, Language
from glutemap.settings import deployment
from glutemap.ui.clinic_settings import clinic_settings

LANGUAGE_PARAM = "lang"
_LANGUAGE_KEY = "glutemap_language"  # the Language of this session, kept for the callbacks of its next run


class _ThisRun(threading.local):
    """The language chosen for the run on this thread, with the run's context (a thread serves one run)."""

    context: object | None = None
    language: Language | None = None


_this_run = _ThisRun()


def deployment_language() -> Language:
    """What a visitor reads before choosing: the deployment's language with the clinic's wording."""
    clinic, _problems = clinic_settings()
    return visitor_language(clinic, deployment().language)


def choose_language() -> Language:
    """Decide this run's language (first thing in app.py): `?lang=` when allowed, else the session's or the default."""
    default = deployment_language()
    kept = st.session_state.get(_LANGUAGE_KEY)
    code = kept.code if isinstance(kept, Language) else default.code
    wanted = st.query_params.get(LANGUAGE_PARAM)
    if wanted in LANGUAGE_CODES and not deployment().kiosk:
        code = next(known for known in LANGUAGE_CODES if known == wanted)
    chosen = Language(code, default.wording)
    st.session_state[_LANGUAGE_KEY] = chosen
    _this_run.context, _this_run.language = get_script_run_ctx(), chosen
    return chosen


def _session_language() -> Language:
    context = get_script_run_ctx()
    if context is None:
        return language.DEFAULT
    if _this_run.language is not None and _this_run.context is context:
        return _this_run.language
    # A callback runs before app.py chooses: it reads the language the session had on its last run.
    kept = st.session_state.get(_LANGUAGE_KEY)
    return kept if isinstance(kept, Language) else language.DEFAULT


language.use_provider(_session_language)
