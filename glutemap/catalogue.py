"""The interface's gettext template: every message of `glutemap.english`, where a translator starts a language.

`glutemap catalogue` prints it; the repository keeps it as `glutemap/locales/messages.pot` (a test checks the two
agree). A translator copies it to `<code>/LC_MESSAGES/messages.po` (`pybabel init -i messages.pot -d
glutemap/locales -l es`), translates each `msgstr`, and compiles it to `messages.mo` (`pybabel compile -d
glutemap/locales`), which `glutemap.language.catalogue` reads. Each message is keyed by its English text and
commented with the name code uses for it; plural messages carry both English forms.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from glutemap import english

# Upper-case names in `english` that are tables for the language layer, not messages a visitor reads.
NOT_MESSAGES = frozenset({"UK_SPELLINGS", "UK_SPELLING_KEEP"})
# Fixed, so the template changes only when a message does.
TEMPLATE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def messages() -> Iterator[tuple[str, str | tuple[str, str]]]:
    """(name, message) for every interface message, in the order `english` defines them; a plural message is
    its (singular, plural) pair, and each item of a tuple or mapping is a message of its own ("NAME[key]").
    Empty texts are left out: there is nothing to translate (and gettext keeps the empty message for its header)."""
    for name, value in vars(english).items():
        if not name.isupper() or name in NOT_MESSAGES:
            continue
        if isinstance(value, english.Plural):
            yield name, (value.one, value.other)
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, tuple) else None
        named = [(name, value)] if items is None else [(f"{name}[{key}]", item) for key, item in items]
        yield from ((shown_name, text) for shown_name, text in named if isinstance(text, str) and text)


def interface_catalogue() -> Catalog:
    """The template catalogue: every message once, with the names that use it and gettext's format flag."""
    catalogue = Catalog(project="GluteMap", creation_date=TEMPLATE_DATE, revision_date=TEMPLATE_DATE,
                        charset="utf-8", fuzzy=False)  # fmt: skip
    for name, message in messages():
        texts = message if isinstance(message, tuple) else (message,)
        flags = ("python-brace-format",) if any("{" in text for text in texts) else ()
        catalogue.add(message, auto_comments=(name,), flags=flags)
    return catalogue


def template_text() -> str:
    """The template as a .pot file's text."""
    buffer = io.BytesIO()
    write_po(buffer, interface_catalogue(), width=100, omit_header=False, include_lineno=False)
    return buffer.getvalue().decode("utf-8")
