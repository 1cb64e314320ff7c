"""Every visible word of the interface, looked up in the visitor's language when it is used.

`strings.EXPLORE_TITLE` reads the English message of that name from `glutemap.english` and returns it
through the language layer (`glutemap.language`): the clinic's care words and spelling, or the
pseudo-locale. Read a string where it is shown, never into a module-level constant, or it would be
fixed in whatever language was in use when the module was imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glutemap import english, language

if TYPE_CHECKING:
    # Type checkers see the English messages with their types; at run time `__getattr__` looks them up.
    from glutemap.english import *  # noqa: F403


def __getattr__(name: str) -> Any:
    """The message `name` in the current visitor's language (AttributeError for an unknown name)."""
    if not name.isupper():
        raise AttributeError(name)
    return language.translated(getattr(english, name))


def __dir__() -> list[str]:
    return [name for name in dir(english) if name.isupper()]
