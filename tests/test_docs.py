"""The documents a newcomer reads: every relative link leads somewhere, and the README stays short."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md")),
             ROOT / "deploy" / "README.md", ROOT / "bench" / "README.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file(document: Path) -> None:
    """Links to other files of the repository (not web addresses) point at files that exist."""
    found = LINK.findall(document.read_text(encoding="utf-8"))
    targets = [target for target in found if "://" not in target and re.fullmatch(r"[\w./-]+", target)]
    missing = [target for target in targets if not (document.parent / target).exists()]
    assert missing == []


def test_the_readme_is_short_enough_to_read() -> None:
    """The README stays at about 150 lines; the detail lives in the documents it links to."""
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 150
