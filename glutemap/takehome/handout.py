"""The take-home handout of a plan: one view model for the screen's print section and the PDF (fpdf2).

The handout holds knowledge text, the date and the side choices only: never a name or anything typed.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from glutemap import strings
from glutemap.figures.exercise_pictures import render_pictures_png
from glutemap.knowledge.citation import brief_citation
from glutemap.knowledge.models import KnowledgeBase, Pictures
from glutemap.screens.common import long_date
from glutemap.screens.decide import ConditionQuestions, questions_to_ask
from glutemap.screens.exercises import dosage_numbers, equipment_lines, pain_rule_text, pain_rules
from glutemap.screens.plan import Plan, known, plan_link, side_text


@dataclass(frozen=True)
class HandoutItem:
    """One exercise as the handout shows it."""

    heading: str
    steps: tuple[str, ...]
    dosage: str
    equipment: tuple[str, ...]
    stop_if: tuple[str, ...]
    pictures: Pictures | None


@dataclass(frozen=True)
class Handout:
    """Everything printed: title, date, exercises, notices, and one short citation per source of those exercises."""

    title: str
    date_line: str
    intro: str
    items: tuple[HandoutItem, ...]
    notice: tuple[str, ...]
    emergency: str
    sources: tuple[str, ...]
    questions: tuple[ConditionQuestions, ...] = ()
    pain_rules: tuple[str, ...] = ()
    # Cautions every exercise of the plan shares (e.g. the warning signs), said once instead of under each one.
    stop_every: tuple[str, ...] = ()


def build_handout(
    knowledge: KnowledgeBase, plan: Plan, today: dt.date, condition_ids: Iterable[str] = ()
) -> Handout:
    """The handout for `plan` as of `today`, with the questions to ask for `condition_ids`.

    Exercises or conditions no longer in the knowledge are left out.
    """
    items = []
    source_ids: list[str] = []
    planned = [item for item in plan if item.exercise_id in knowledge.exercises]
    for number, item in enumerate(planned, start=1):
        exercise = knowledge.exercises[item.exercise_id]
        items.append(
            HandoutItem(
                heading=strings.HANDOUT_ITEM.format(
                    number=number, name=exercise.name, side=side_text(item.side)
                ),
                steps=exercise.steps,
                dosage=exercise.dosage.text,
                equipment=equipment_lines(knowledge, exercise.id),
                stop_if=exercise.stop_if,
                pictures=exercise.pictures,
            )
        )
        cited = (*exercise.sources, *((exercise.dosage.numbers_from,) if exercise.dosage.numbers_from else ()))
        source_ids += [source for source in dict.fromkeys(cited) if source not in source_ids]
    shared = shared_cautions(item.stop_if for item in items)
    items = [replace(item, stop_if=tuple(caution for caution in item.stop_if if caution not in shared)) for item in items]
    return Handout(
        title=strings.HANDOUT_TITLE,
        date_line=strings.HANDOUT_DATE.format(date=long_date(today)),
        intro=knowledge.disclaimer.short,
        items=tuple(items),
        notice=(*knowledge.disclaimer.before_exercise, knowledge.disclaimer.not_a_diagnosis),
        emergency=knowledge.disclaimer.emergency,
        # Two records of one publication (e.g. read at two addresses) are one line.
        sources=tuple(
            dict.fromkeys(brief_citation(knowledge.sources[source]) for source in source_ids if source in knowledge.sources)
        ),
        questions=questions_to_ask(knowledge, condition_ids),
        pain_rules=_pain_lines(knowledge, tuple(condition_ids)) if items else (),
        stop_every=shared,
    )


def shared_cautions(cautions: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """The cautions found in every one of two or more exercises' lists, in the first list's order; else none."""
    lists = list(cautions)
    if len(lists) < 2:
        return ()
    return tuple(caution for caution in lists[0] if all(caution in other for other in lists[1:]))


def _pain_lines(knowledge: KnowledgeBase, condition_ids: tuple[str, ...]) -> tuple[str, ...]:
    """How much pain is all right: each chosen condition's rule, or the general rule when none is chosen."""
    lines = pain_rules(knowledge, condition_ids)
    if not lines:
        return (strings.PAIN_RULE_GENERAL.format(rule=pain_rule_text("stop_if_pain")),)
    return tuple(line.sentence for line in lines)


def take_home_code(knowledge: KnowledgeBase, plan: Plan, today: dt.date, address: str | None = None) -> str:
    """What the plan's QR code carries, kept short so a phone scans it easily.

    With the address of a GluteMap the visitor can reach from home (the clinic's `plan_address`), a link that
    opens the plan there; otherwise the plan as compact plain text: date, each exercise with its side and its
    dosage numbers, and when to stop.
    """
    if address:
        return plan_link(address, known(knowledge, plan))
    lines = [strings.PLAN_TEXT_TITLE.format(date=long_date(today))]
    for number, item in enumerate(known(knowledge, plan), start=1):
        exercise = knowledge.exercises[item.exercise_id]
        numbers = strings.PLAN_TEXT_SEPARATOR.join(dosage_numbers(exercise.dosage))
        lines.append(strings.PLAN_TEXT_ITEM.format(number=number, name=exercise.name, side=side_text(item.side),
                                                   dosage=numbers))
    lines.append(strings.PLAN_TEXT_STOP)
    return "\n".join(lines)


# --- PDF ------------------------------------------------------------------------------------------------------

FONT_FAMILY = "GluteMapSans"
# Millimetres. An exercise is its pictures in a narrow column on the left and its words beside them, so three
# exercises fit on about two A4 pages; a new exercise starts on a new page only when its pictures would not fit.
PICTURE_COLUMN = 36
COLUMN_GAP = 5
PICTURE_MAX_HEIGHT = 34
HEADING_ROOM = 10
WORDS_START_ROOM = 40
# Smaller pictures keep an exercise on a page with room left rather than start a new page for it.
PICTURE_SCALES = (1.0, 0.85, 0.7)
MARGIN = 13
# Points; a line is the font size times LINE_FACTOR millimetres (about 1.25 times the type size).
TEXT_SIZE = 9
LINE_FACTOR = 0.44
# A plan that would spill onto a third page is set a little smaller first: a short plan that fits on one sheet
# (printed on both sides) is easier to keep and follow than one that runs over, down to 8 points (subheadings and
# paragraphs half a point larger), still easy to read.
TEXT_SIZES = (9.0, 8.5, 8.0)
FITTING_PAGES = 2
# Unicode fonts commonly installed on Debian; without one the PDF falls back to Helvetica and plain Latin-1 text.
FONT_CANDIDATES: tuple[tuple[Path, Path], ...] = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (
        Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
        Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ),
)
_LATIN1_STANDINS = {
    "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "−": "-", "…": "...", "•": "-",
    "◆": "*", "≥": ">=", "≤": "<=", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


def unicode_font(candidates: Sequence[tuple[Path, Path]] = FONT_CANDIDATES) -> tuple[Path, Path] | None:
    """The first installed (regular, bold) font pair, or None."""
    for regular, bold in candidates:
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def latin1(text: str) -> str:
    """Text the built-in PDF fonts can show: typographic marks become plain ones, accents are kept."""
    text = "".join(_LATIN1_STANDINS.get(char, char) for char in text)
    if all(ord(char) < 256 for char in text):
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if ord(char) < 256 and not unicodedata.combining(char)) or "?"


class _Pdf(FPDF):
    def __init__(self, fonts: tuple[Path, Path] | None, text_size: float = TEXT_SIZE) -> None:
        super().__init__(format="A4")
        self.text_size = text_size
        self.paragraph_size = text_size + 0.5
        self.has_unicode_font = fonts is not None
        if fonts is not None:
            self.add_font(FONT_FAMILY, "", str(fonts[0]))
            self.add_font(FONT_FAMILY, "B", str(fonts[1]))
            self.body_font = FONT_FAMILY
        else:
            self.body_font = "Helvetica"
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)

    def text_of(self, text: str) -> str:
        return text if self.has_unicode_font else latin1(text)

    def heading(self, text: str, size: float = 13) -> None:
        """A bold heading, moved to the next page with what follows when fewer than two lines of room are left."""
        if self.get_y() + size * 0.5 + 2 * self.paragraph_size * LINE_FACTOR > self.page_break_trigger:
            self.add_page()
        self.set_font(self.body_font, "B", size)
        self.multi_cell(0, size * 0.5, self.text_of(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.5)

    def paragraph(self, text: str, size: float | None = None, bold: bool = False) -> None:
        size = size or self.paragraph_size
        self.set_font(self.body_font, "B" if bold else "", size)
        self.multi_cell(0, size * LINE_FACTOR, self.text_of(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def listed(self, items: Sequence[str], numbered: bool, size: float | None = None) -> None:
        size = size or self.paragraph_size
        self.set_font(self.body_font, "", size)
        line = size * LINE_FACTOR
        for number, item in enumerate(items, start=1):
            marker = f"{number}." if numbered else "-"
            self.cell(5, line, marker)
            self.multi_cell(0, line, self.text_of(item), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.5)

    def cautions(self, cautions: Sequence[str]) -> None:
        """Cautions in bold, each marked with "!" (not by colour alone: the print may be black and white)."""
        self.set_font(self.body_font, "B", self.text_size)
        line = self.text_size * LINE_FACTOR
        for caution in cautions:
            self.cell(5, line, "!")
            self.multi_cell(0, line, self.text_of(caution), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.5)

    def picture_column(self, pictures: Pictures, top: float, draw: bool = True, scale: float = 1.0) -> float:
        """The start and end pictures, each captioned, one above the other in the left column; returns their bottom.

        With `draw=False` nothing is drawn: only the bottom is measured (to decide whether the exercise fits the page).
        `scale` below 1 draws the pictures smaller (their captions keep their size).
        """
        start, end = render_pictures_png(pictures, width=360)
        # A standing figure is tall: cap its height and narrow it instead, so two pictures stay beside the words.
        height = min(PICTURE_COLUMN * _png_aspect(start), PICTURE_MAX_HEIGHT) * scale
        width = height / _png_aspect(start)
        y = top
        self.set_font(self.body_font, "", 7.5)
        for png, label, alt in (
            (start, strings.HANDOUT_PICTURE_START, pictures.alt_start),
            (end, strings.HANDOUT_PICTURE_END, pictures.alt_end),
        ):
            caption = self.text_of(f"{label}: {alt}")
            if draw:
                self.image(io.BytesIO(png), x=self.l_margin, y=y, w=width, h=height, alt_text=self.text_of(alt))
            caption_height: float = self.multi_cell(PICTURE_COLUMN, 3.2, caption, dry_run=True, output="HEIGHT")  # type: ignore[assignment]
            if draw:
                self.set_xy(self.l_margin, y + height + 0.5)
                self.multi_cell(PICTURE_COLUMN, 3.2, caption, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            y += height + 0.5 + caption_height + 2
        return y

    def exercise(self, item: HandoutItem) -> None:
        """One exercise: heading, then pictures on the left and dosage, equipment, steps and cautions beside them."""
        # A new page only when the heading and the pictures (a little smaller if need be), or the first lines,
        # would not fit on this one.
        room = self.page_break_trigger - self.get_y() - HEADING_ROOM
        scale = 1.0
        if item.pictures is None:
            fits = room >= WORDS_START_ROOM
        else:
            pictures = item.pictures
            fitting = [size for size in PICTURE_SCALES if self.picture_column(pictures, 0, draw=False, scale=size) <= room]
            fits, scale = bool(fitting), (fitting[0] if fitting else 1.0)
        if not fits:
            self.add_page()
        self.heading(item.heading, size=11)
        top, page = self.get_y(), self.page_no()
        pictures_bottom = self.picture_column(item.pictures, top, scale=scale) if item.pictures is not None else top
        margin = self.l_margin
        if item.pictures is not None:
            self.set_left_margin(margin + PICTURE_COLUMN + COLUMN_GAP)
        self.set_xy(self.l_margin, top)
        self.heading(strings.HANDOUT_DOSAGE, size=self.paragraph_size)
        self.paragraph(item.dosage, size=self.text_size, bold=True)
        if item.equipment:
            self.heading(strings.HANDOUT_EQUIPMENT, size=self.paragraph_size)
            self.listed(item.equipment, numbered=False, size=self.text_size)
        self.heading(strings.HANDOUT_STEPS, size=self.paragraph_size)
        self.listed(item.steps, numbered=True, size=self.text_size)
        if item.stop_if:
            self.heading(strings.HANDOUT_STOP_IF, size=self.paragraph_size)
            self.cautions(item.stop_if)
        words_bottom = self.get_y()
        self.set_left_margin(margin)
        # The words may run onto the next page (the pictures never do): then they alone set where the next part goes.
        self.set_xy(margin, words_bottom if self.page_no() > page else max(words_bottom, pictures_bottom))
        self.ln(3)


def _png_aspect(png: bytes) -> float:
    """Height over width of a PNG, read from its header."""
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    return height / width


def handout_pdf(handout: Handout, font_candidates: Sequence[tuple[Path, Path]] = FONT_CANDIDATES) -> bytes:
    """The handout as PDF bytes, made in memory (nothing is written to disk).

    Set in the largest of TEXT_SIZES that fits on FITTING_PAGES pages, or the smallest when none does.
    """
    fonts = unicode_font(font_candidates)
    for text_size in TEXT_SIZES:
        pdf = _handout_layout(handout, fonts, text_size)
        if pdf.pages_count <= FITTING_PAGES:
            break
    return bytes(pdf.output())


def _handout_layout(handout: Handout, fonts: tuple[Path, Path] | None, text_size: float) -> _Pdf:
    pdf = _Pdf(fonts, text_size)
    pdf.set_title(pdf.text_of(strings.HANDOUT_PDF_TITLE))
    pdf.set_creator(pdf.text_of(strings.APP_TITLE))
    pdf.set_lang("en")
    pdf.add_page()
    pdf.heading(handout.title, size=18)
    pdf.paragraph(handout.date_line)
    pdf.paragraph(handout.intro, bold=True)
    if handout.pain_rules:
        pdf.heading(strings.HANDOUT_PAIN, size=11)
        pdf.listed(handout.pain_rules, numbered=False, size=pdf.text_size)
    if handout.stop_every:
        pdf.heading(strings.HANDOUT_STOP_EVERY, size=11)
        pdf.cautions(handout.stop_every)
    for item in handout.items:
        pdf.ln(2)
        pdf.exercise(item)
    if handout.questions:
        pdf.ln(3)
        pdf.heading(strings.HANDOUT_QUESTIONS)
        for group in handout.questions:
            pdf.heading(group.condition_name, size=11)
            pdf.listed(group.questions, numbered=False)
    pdf.ln(3)
    pdf.heading(strings.HANDOUT_NOTICE)
    for paragraph in handout.notice:
        pdf.paragraph(paragraph)
    pdf.heading(strings.HANDOUT_EMERGENCY, size=11)
    pdf.paragraph(handout.emergency, bold=True)
    if handout.sources:
        # Short: one run of brief citations (the app's Sources page has each in full with its address).
        pdf.heading(strings.HANDOUT_SOURCES, size=10)
        pdf.paragraph(strings.HANDOUT_SOURCES_SEPARATOR.join(handout.sources), size=7)
    return pdf
