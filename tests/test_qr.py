"""QR codes: they decode (with zxing-cpp) to exactly the plan text, and refuse text that cannot fit."""

from __future__ import annotations

import datetime as dt
import io

import zxingcpp
from PIL import Image

from glutemap.models import KnowledgeBase
from glutemap.plan import EMPTY_PLAN, add, plan_text
from glutemap.qr import fits, qr_png, qr_svg


def _decoded(png: bytes) -> str:
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1
    return results[0].text


def test_qr_of_a_nine_exercise_plan_decodes_to_exactly_the_plan_text(shipped_knowledge: KnowledgeBase) -> None:
    """A plan of nine exercises (more than any condition suggests) fits in one code that reads back the same."""
    plan = EMPTY_PLAN
    for exercise_id in list(shipped_knowledge.exercises)[:9]:
        plan = add(plan, exercise_id, shipped_knowledge.exercises, "left")
    text = plan_text(shipped_knowledge, plan, dt.date(2026, 11, 23))
    png = qr_png(text)
    assert png is not None
    assert _decoded(png) == text


def test_qr_keeps_typographic_characters() -> None:
    """Dashes, curly quotes and accents survive the round trip (UTF-8 without an ECI header)."""
    text = "Hold 5–10 s — “gently”, café ± 2"
    png = qr_png(text)
    assert png is not None
    assert _decoded(png) == text


def test_text_too_long_for_one_code_gives_no_code() -> None:
    """Text beyond a QR code's capacity returns None instead of failing."""
    text = "x" * 5000
    assert not fits(text)
    assert qr_png(text) is None
    assert qr_svg(text, "title") is None


def test_svg_code_carries_its_title() -> None:
    """The SVG version is an SVG element with an accessible title."""
    svg = qr_svg("plan", "QR code holding your plan")
    assert svg is not None
    assert svg.startswith("<svg")
    assert "<title>QR code holding your plan</title>" in svg
