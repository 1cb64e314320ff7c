"""The theme's colours meet WCAG 2.1 AA contrast (axe cannot judge every combination in the browser)."""

import tomllib
from pathlib import Path

import pytest

from glutemap.ui.kiosk import TOUCH_CSS

THEME = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text())["theme"]


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    """Black on white is 21:1 and a colour on itself is 1:1."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [("textColor", "backgroundColor"), ("textColor", "secondaryBackgroundColor"),
     ("primaryColor", "backgroundColor"), ("primaryColor", "secondaryBackgroundColor")],
)
def test_theme_text_colours_reach_aa_for_normal_text(foreground: str, background: str) -> None:
    """Body text and primary-coloured text or links reach 4.5:1 on both backgrounds."""
    assert contrast(THEME[foreground], THEME[background]) >= 4.5


def test_borders_are_visible_against_both_backgrounds() -> None:
    """A control's edge reaches the 3:1 non-text contrast WCAG asks (1.4.11) on the page and on panels."""
    assert contrast(THEME["borderColor"], THEME["backgroundColor"]) >= 3.0
    assert contrast(THEME["borderColor"], THEME["secondaryBackgroundColor"]) >= 3.0


def test_links_are_the_primary_colour() -> None:
    """One colour says "you can tap this", for buttons and links alike."""
    assert THEME["linkColor"] == THEME["primaryColor"]


def test_headings_step_down_from_the_page_title() -> None:
    """The type scale: each heading level is no larger than the one above it, and the smallest is body size."""
    sizes = [float(size.removesuffix("rem")) for size in THEME["headingFontSizes"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1.0


def test_white_text_on_primary_buttons_reaches_aa() -> None:
    """Primary buttons (white label on the primary colour) reach 4.5:1."""
    assert contrast("#ffffff", THEME["primaryColor"]) >= 4.5


def test_focus_ring_is_visible_against_the_background() -> None:
    """The focus ring colour reaches the 3:1 non-text contrast WCAG asks of focus indicators."""
    focus = TOUCH_CSS.split("outline: 3px solid ")[1][:7]
    assert contrast(focus, THEME["backgroundColor"]) >= 3.0
