"""What every print shares: A4 pages framed by the protective marking, the child, page N of
M and who printed it when; PDF metadata; optional password protection; bytes out.

A password, when given, is put on with pypdf after reportlab has laid the pages out: AES-256
(the PDF 2.0 security handler, revision 6, key derived with SHA-256/384/512 rounds), never
RC4. reportlab's own encryption gives RC4 at 128 bits unless the unmaintained `pyaes` is
installed, and RC4 is broken. The owner password is random and thrown away: nobody can lift
the restrictions without remaking the print.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from pace_desktop.chronology.fonts import BOLD, REGULAR, register_fonts
from pace_desktop.chronology.selection import long_date

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 14 * mm
FRAME_TOP = PAGE_HEIGHT - 19 * mm
FRAME_BOTTOM = 19 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = FRAME_TOP - FRAME_BOTTOM
PDF_ENCRYPTION_BITS = 256
PDF_ENCRYPTION = "AES-256"  # pypdf's name for the PDF 2.0 handler (revision 6)


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """Who is printing, when, under what marking, and an optional password for the file."""

    printed_by: str
    marking: str = "OFFICIAL-SENSITIVE"
    printed_on: date = field(default_factory=date.today)
    password: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """The document's name (page header and PDF title), what it is about (PDF subject) and,
    for a child's document, the line naming the child that heads every page."""

    title: str
    subject: str
    child_line: str | None = None


def child_line(name: str, born: date, ref: str) -> str:
    return f"{name} · born {long_date(born)} · {ref}"


def build_pdf(story: Sequence[Flowable], heading: Heading, options: PrintOptions) -> bytes:
    """Lay out `story` and return the PDF file as bytes (nothing is written to disk)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=PAGE_HEIGHT - FRAME_TOP, bottomMargin=FRAME_BOTTOM,
        title=heading.title, author=options.printed_by, subject=heading.subject,
        creator="PACE Desktop", producer="PACE Desktop (reportlab)", keywords="",
        invariant=False,
        # Otherwise every page starts in Helvetica, a font reportlab cannot embed.
        initialFontName=REGULAR,
    )
    frame = Frame(MARGIN_X, FRAME_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=_framed_canvas(heading, options))
    if options.password:
        return protect(buffer.getvalue(), options.password)
    return buffer.getvalue()


def protect(pdf: bytes, password: str) -> bytes:
    """`pdf` encrypted with AES-256 under `password`, in memory."""
    import secrets

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(32),
                   algorithm=PDF_ENCRYPTION)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _framed_canvas(heading: Heading, options: PrintOptions) -> type[Canvas]:
    """A canvas that holds each page back until the end, when the page count is known.

    Only the page's drawing instructions are kept (a few kilobytes a page), so a 400-page
    chronology stays well within memory.
    """

    class FramedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                body = self._code
                # The head goes before the body in the page's content, so that text
                # extraction and screen readers meet the marking and the child first.
                self._code = []
                _draw_head(self, heading, options)
                head, self._code = self._code, []
                _draw_foot(self, number, total, options)
                self._code = head + body + self._code
                Canvas.showPage(self)
            Canvas.save(self)

    return FramedCanvas


def _draw_head(c: Canvas, heading: Heading, options: PrintOptions) -> None:
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.setFont(BOLD, 10)
    c.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 8 * mm, options.marking)
    title_room = right - left
    if heading.child_line:
        c.setFont(REGULAR, 8.5)
        c.drawRightString(right, PAGE_HEIGHT - 14 * mm, heading.child_line)
        title_room -= stringWidth(heading.child_line, REGULAR, 8.5) + 12
    c.setFont(BOLD, 8.5)
    c.drawString(left, PAGE_HEIGHT - 14 * mm, _fit(heading.title, BOLD, 8.5, title_room))
    c.setLineWidth(0.5)
    c.line(left, PAGE_HEIGHT - 15.8 * mm, right, PAGE_HEIGHT - 15.8 * mm)
    c.restoreState()


def _draw_foot(c: Canvas, number: int, total: int, options: PrintOptions) -> None:
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.setLineWidth(0.5)
    c.line(left, 15 * mm, right, 15 * mm)
    c.setFont(REGULAR, 8)
    c.drawString(left, 11.5 * mm,
                 f"Printed on {long_date(options.printed_on)} by {options.printed_by}")
    c.drawRightString(right, 11.5 * mm, f"Page {number} of {total}")
    c.setFont(BOLD, 10)
    c.drawCentredString(PAGE_WIDTH / 2, 5.5 * mm, options.marking)
    c.restoreState()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """The first line of `text` that fits in `room`, with an ellipsis if it was cut."""
    if stringWidth(text, font, size) <= room:
        return text
    first = (simpleSplit(text, font, size, max(room - 10, 20)) or [""])[0]
    return first + "…"
