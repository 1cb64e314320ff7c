"""Routing helpers: every page file exists, deep links go to the page that shows the record."""

from pathlib import Path

import pytest

from glutemap.ui.app_shell import DEEP_LINKS, deep_link_target, screens

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("page_file", [page[0] for page in screens()])
def test_every_listed_page_file_exists(page_file: str) -> None:
    """Each navigation entry points at a real file in pages/."""
    assert (ROOT / page_file).is_file()


@pytest.mark.parametrize(("parameter", "page_file"), [(k, v[1]) for k, v in DEEP_LINKS.items()])
def test_deep_link_on_home_goes_to_its_page(parameter: str, page_file: str) -> None:
    """/?condition=x (and muscle, exercise) on the home page redirects to the page for that record."""
    assert deep_link_target({parameter: "x"}, "home") == page_file


def test_deep_link_on_its_own_page_stays() -> None:
    """A deep link already on its page needs no redirect."""
    assert deep_link_target({"condition": "x"}, "conditions") is None


def test_several_deep_links_settle_on_one_page() -> None:
    """?condition=x&muscle=y goes to one page and stays there, instead of bouncing between the two."""
    first = deep_link_target({"condition": "x", "muscle": "y"}, "plan")
    assert first == "pages/conditions.py"
    assert deep_link_target({"condition": "x", "muscle": "y"}, "conditions") is None


def test_no_deep_link_no_redirect() -> None:
    """Ordinary visits are not redirected."""
    assert deep_link_target({}, "explore") is None
