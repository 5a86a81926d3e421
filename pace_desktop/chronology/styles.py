"""Paragraph styles and small building blocks shared by the documents."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from pace_desktop.chronology.fonts import BOLD, REGULAR, register_fonts
from pace_desktop.chronology.page_frame import FRAME_WIDTH
from pace_desktop.chronology.recipients import Recipient


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, spaceAfter=3)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=16, leading=20,
                                spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=11.5, leading=14,
                             spaceBefore=8, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "notice": ParagraphStyle("notice", parent=body, fontName=BOLD, fontSize=9.5),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: record text is never markup)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def heading(text: str) -> Paragraph:
    return para(text, "h2")


WITHHELD_NOTICE = "Some information in the record has been withheld from this copy."
REPORTER_NOTICE = ("These papers are complete: nothing in the record is withheld from them."
                   " The schedule of non-disclosure requests is at the end, for the"
                   " Reporter and the hearing to decide on.")
COURT_NOTICE = ("These papers are complete, as the court directed: nothing in the record is"
                " withheld from them. They are for the court only, not for the parties. The"
                " schedule of non-disclosure requests is at the end.")


def recipient_notice(label: str, withheld: bool, r: Recipient | None = None) -> list[Flowable]:
    """Who the copy is for, and whether anything was withheld (never what)."""
    lines = [f"Prepared for {label}."]
    if r is not None and r.directed:
        lines.append(COURT_NOTICE)
    elif r is not None and r.kind == "reporter":
        lines.append(REPORTER_NOTICE)
    elif withheld:
        lines.append(WITHHELD_NOTICE)
    box = Table([[para(" ".join(lines), "notice")]], colWidths=[FRAME_WIDTH])
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [box, Spacer(1, 6)]


def facts_table(rows: list[tuple[str, str]], label_width: float = 130) -> Table:
    """Two columns, label and value, for a child's details and similar short facts."""
    data = [[para(label, "small"), para(value or "not recorded", "small")]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, FRAME_WIDTH - label_width])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR),
        ("FONT", (0, 0), (0, -1), BOLD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.Color(0.75, 0.75, 0.75)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table
