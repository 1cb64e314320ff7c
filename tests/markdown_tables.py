"""Read the Markdown tables a page rendered with `glutemap.ui.components.table` back into rows."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

_ESCAPE = re.compile(r"\\(.)")


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    parts = re.split(r"(?<!\\)\|", inner)
    return [_ESCAPE.sub(r"\1", part.strip()) for part in parts]


def tables(app: AppTest) -> list[list[dict[str, str]]]:
    """Every table on the page, each as a list of {column: cell text} rows."""
    found = []
    for element in app.markdown:
        lines = str(element.value).splitlines()
        if len(lines) < 2 or not lines[0].startswith("| ") or not lines[1].startswith("| ---"):
            continue
        header = _cells(lines[0])
        found.append([dict(zip(header, _cells(line), strict=True)) for line in lines[2:]])
    return found


def column(app: AppTest, name: str) -> list[str]:
    """All cells of the column `name`, across every table on the page that has it."""
    return [row[name] for table in tables(app) for row in table if name in row]
