"""The one escaping helper: knowledge and visitor text reaches Markdown as text, never as a link or directive."""

from __future__ import annotations

import re

import pytest

from glutemap.ui.components import plain

# What the renderer (remark-gfm and Streamlit's own plugins) turns into something other than text. The
# autolink and directive finders run on text the Markdown parser has already unescaped, so the tests
# look at the text after unescaping, as they do.
GFM_WEB_ADDRESS = re.compile(r"(https?://|www(?=\.))[-.\w]+", re.IGNORECASE)
GFM_EMAIL_ADDRESS = re.compile(r"[-.\w+]+@[-\w]+(\.[-\w]+)+")
SCHEME = re.compile(r"\b(mailto|xmpp|javascript|data|file|ftp):[^\s\u2060]", re.IGNORECASE)
STREAMLIT_DIRECTIVE = re.compile(r":[a-z_]+[/\[:]|:[a-z_]+:", re.IGNORECASE)

LINK_TRICKS = (
    "Please continue at http://evil.example/login",
    "HTTPS://EVIL.EXAMPLE",
    "go to www.evil.example now",
    "WWW.Evil.Example/path?x=1",
    "write to help@evil.example",
    "mailto:help@evil.example",
    "xmpp:someone@evil.example",
    "[log in](http://evil.example)",
    "![pixel](http://evil.example/p.png)",
    "<http://evil.example>",
    "<help@evil.example>",
    ":material/home: :red[alarm] :smile: :blue-background[x]",
    "javascript:alert(1)",
    "data:text/html,hi",
    "file:///etc/passwd",
    "evil.example\u200b/login http\u00a0://x",
)


def _unescaped(markdown: str) -> str:
    """The text the renderer's autolink finder sees: backslash escapes resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("text", LINK_TRICKS)
def test_addresses_and_directives_stay_text(text: str) -> None:
    """No web address, e-mail address, URL scheme or `:name:` directive survives into the rendered text."""
    seen = _unescaped(plain(text))
    for finder in (GFM_WEB_ADDRESS, GFM_EMAIL_ADDRESS, SCHEME, STREAMLIT_DIRECTIVE):
        assert finder.search(seen) is None, (finder.pattern, seen)


@pytest.mark.parametrize("text", LINK_TRICKS)
def test_the_text_still_reads_the_same(text: str) -> None:
    """Only invisible word joiners are added: what the visitor reads is what was written."""
    assert _unescaped(plain(text)).replace("\u2060", "") == text


def test_markdown_syntax_is_escaped() -> None:
    """Link brackets, emphasis, headings and HTML brackets are escaped, so they show as typed."""
    assert plain("[a](b) **c** # d <e>") == "\\[a\\]\\(b\\) \\*\\*c\\*\\* \\# d \\<e\\>"


def test_ordinary_sentences_are_left_alone() -> None:
    """A colon followed by a space, and words that merely contain 'www', get no joiner."""
    assert "\u2060" not in plain("Note: rest for a day. Awww, my knee.")
