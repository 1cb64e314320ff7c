"""QR codes: they decode (with zxing-cpp) to exactly the plan text, and refuse text that cannot fit."""

from __future__ import annotations

import datetime as dt
import io

import zxingcpp
from PIL import Image

from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.plan import EMPTY_PLAN, PlanItem, add
from glutemap.takehome.handout import take_home_code
from glutemap.takehome.qr import MODULE_PIXELS, QUIET_ZONE, fits, qr_png, qr_svg


def _decoded(png: bytes) -> str:
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1
    return results[0].text


def test_qr_of_a_nine_exercise_plan_decodes_to_exactly_the_plan_text(shipped_knowledge: KnowledgeBase) -> None:
    """A plan of nine exercises (more than any condition suggests) fits in one code that reads back the same."""
    plan = EMPTY_PLAN
    for exercise_id in list(shipped_knowledge.exercises)[:9]:
        plan = add(plan, exercise_id, shipped_knowledge.exercises, "left")
    text = take_home_code(shipped_knowledge, plan, dt.date(2026, 11, 23))
    png = qr_png(text)
    assert png is not None
    assert _decoded(png) == text


def _version(png: bytes) -> int:
    """The QR version (size) of a code drawn by qr_png: 21 modules for version 1, 4 more per version."""
    modules = Image.open(io.BytesIO(png)).width // MODULE_PIXELS - 2 * QUIET_ZONE
    return (modules - 17) // 4


THREE_EXERCISES = (PlanItem("clam_shell", "right"), PlanItem("side_plank", "both"), PlanItem("glute_bridge", "both"))


def test_a_three_exercise_plan_as_text_needs_a_mid_sized_code(shipped_knowledge: KnowledgeBase) -> None:
    """A typical plan's text code stays at version 15 or below (it was 21: the full dosage text and the notice)."""
    png = qr_png(take_home_code(shipped_knowledge, THREE_EXERCISES, dt.date(2026, 11, 23)))
    assert png is not None
    assert _version(png) <= 15


def test_a_three_exercise_plan_as_a_link_needs_a_small_code(shipped_knowledge: KnowledgeBase) -> None:
    """With the clinic's address the same plan is a version 5 code or smaller: quick to scan from a screen."""
    link = take_home_code(shipped_knowledge, THREE_EXERCISES, dt.date(2026, 11, 23), "https://glutemap.example-clinic.org")
    png = qr_png(link)
    assert png is not None
    assert _version(png) <= 5
    assert _decoded(png) == link


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
