"""QR codes that carry a plan's plain text, so a phone reads the plan from the picture and nothing is sent."""

from __future__ import annotations

import io

import segno

# Low (7%) error correction: a screen or print-out is undamaged, and a full plan stays readable at a smaller
# version (fewer, larger squares) than medium would give.
ERROR_LEVEL = "l"
MODULE_PIXELS = 6
QUIET_ZONE = 4  # modules of white border that readers need


def _code(text: str) -> segno.QRCode | None:
    try:
        # No ECI header: many phone readers ignore it; plain UTF-8 bytes read fine without it.
        return segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False)
    except segno.DataOverflowError:
        return None


def fits(text: str) -> bool:
    """True when `text` fits in one QR code."""
    return _code(text) is not None


def qr_png(text: str, module_pixels: int = MODULE_PIXELS) -> bytes | None:
    """A PNG QR code holding exactly `text`, or None when the text is too long for one code."""
    code = _code(text)
    if code is None:
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=module_pixels, border=QUIET_ZONE)
    return buffer.getvalue()


def qr_svg(text: str, title: str) -> str | None:
    """An SVG QR code holding exactly `text` (with an accessible title), or None when the text is too long."""
    code = _code(text)
    if code is None:
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=MODULE_PIXELS, border=QUIET_ZONE, title=title, xmldecl=False)
    return buffer.getvalue().decode("utf-8")
