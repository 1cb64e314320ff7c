"""Every visible word of the app that is not knowledge content, in one place (a Spanish edition will follow).

Knowledge text (conditions, muscles, exercises, disclaimers) lives in `knowledge/`; this module holds the
labels, headings and short messages of the screens. Group by screen; keep names descriptive.
"""

from __future__ import annotations

APP_TITLE = "GluteMap"
APP_TAGLINE = "Learn how two hip muscles can be linked to hip, back, knee and foot pain."

# --- navigation -------------------------------------------------------------------------------------------
NAV_HOME = "Home"
NAV_EXPLORE = "Explore"
NAV_CONDITIONS = "Conditions"
NAV_ANATOMY = "Anatomy"
NAV_EXERCISES = "Exercises"
NAV_PLAN = "My plan"
NAV_ABOUT = "Sources & about"
NAV_LABEL = "Go to"

# --- shared components ------------------------------------------------------------------------------------
DISCLAIMER_MORE = "Read the full notice"
GLOSSARY_HEADING = "Words used here"
SOURCES_HEADING = "Sources"
REVIEWED_ON = "Content last reviewed on {date}."
UNAVAILABLE_TITLE = "GluteMap is temporarily unavailable"
UNAVAILABLE_BODY = (
    "The information GluteMap shows could not be loaded just now. Please try again later, or ask a member "
    "of staff. If you are in pain or worried about your health, please talk to a doctor or nurse."
)
STALE_NOTICE = (
    "Staff notice: the knowledge files were edited and have {count} problem(s); the last good version is "
    "still shown. Run `glutemap validate` on the server for details."
)
ERROR_TITLE = "Sorry, something went wrong on this screen"
ERROR_BODY = "Nothing you chose was lost. You can try again, or go back to the start."
BACK_TO_START = "Back to the start"
NOT_FOUND = "We could not find “{name}”. Choose one from the list instead."

# --- urgent panel -----------------------------------------------------------------------------------------
URGENT_TITLE = "Seek care now"
URGENT_INTRO = (
    "You chose or described something that can be a sign of a serious problem. This does not mean something "
    "serious is happening, but it needs a doctor's check before anything else."
)
URGENT_ACK = "I understand. Show me the information anyway"
URGENT_ACKNOWLEDGED = "You have read the urgent advice above. Exercises stay hidden while a warning sign is chosen."
URGENCY_PREFIX = {"emergency": "EMERGENCY", "urgent": "URGENT", "prompt": "SOON"}
