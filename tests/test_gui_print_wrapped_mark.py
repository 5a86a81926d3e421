"""An identifier that runs over two lines is highlighted in the preview on both, by the code
the print dialog's preview uses (pdfium over the real PDF): wrapped by the layout, and typed
across a line break in the record (the form the review lists it in then holds the break)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor

from pace_desktop.chronology import decision_record_pdf, prepare
from pace_desktop.gui.printing.raster import (
    POINTS_PER_INCH,
    Mark,
    mark_rects,
    opened,
    page_image,
    paint_marks,
)
from pace_desktop.gui.printing.review_panel import SHOWS
from tests.test_hearing_every_copy import OPTIONS, record


def _wrapping(words: str) -> bytes:
    """The hearing's decision record with `words` placed where the line breaks inside them."""
    for n in range(40, 160):
        views = "Skye said " + "very " * (n // 5) + "x" * (n % 5) + f" much she likes {words}."
        kid = record()
        kid = replace(kid, meetings=tuple(replace(m, child_views=views) if m.id == "hearing"
                                          else m for m in kid.meetings))
        pdf = decision_record_pdf(kid, "hearing", "internal", OPTIONS)
        with opened(pdf) as doc:
            text = doc[0].get_textpage().get_text_range()
        pattern = r"\s+".join(map(re.escape, words.split()))
        hit = re.search(pattern, text)
        if hit and "\n" in hit.group(0):
            return pdf
    raise AssertionError(f"{words!r} never wrapped")


@pytest.mark.parametrize("words", ("Pinewood Nursery", "Mrs Mitchell",
                                   "[school or service withheld]"))
def test_a_wrapped_identifier_is_highlighted_on_both_lines(qapp: object, words: str) -> None:
    pdf = _wrapping(words)
    mark = Mark(words, SHOWS)
    with opened(pdf) as doc:
        found = mark_rects(doc, 0, (mark,))
        height = doc.get_page_size(0)[1]
        image = page_image(doc, 0, 96)
    tops = sorted({round(top) for _m, (_l, _b, _r, top) in found})
    assert len(tops) == 2, found  # one rectangle on each line
    scale = 96 / POINTS_PER_INCH
    paint_marks(image, height, scale, found)
    yellow = QColor(*SHOWS)
    for _m, (left, bottom, right, top) in found:
        xs = range(int(left * scale), int(right * scale) + 1)
        ys = range(int((height - top) * scale), int((height - bottom) * scale) + 1)
        assert any(image.pixelColor(x, y) == yellow for x in xs for y in ys)


def test_an_identifier_typed_across_a_line_break_is_highlighted(qapp: object) -> None:
    # The record's text breaks the nursery's name over two lines; the review lists it as it
    # reads there ("Pinewood\nNursery"), and that form is what the preview highlights.
    from datetime import date

    from pace_desktop.chronology import chronology_pdf
    from pace_desktop.domain import Event
    from tests.hearing_papers import full_child

    kid = full_child()
    note = Event(date(2024, 9, 2), "Skye's first day back", id="e-back",
                 detail="Skye went back to Pinewood\nNursery today and loved it.")
    kid = replace(kid, events=(note,))
    finding = next(f for f in prepare(kid, "person:mum").seen.findings
                   if f.text == "Pinewood Nursery")
    assert finding.seen_as == ("Pinewood\nNursery",)
    keep = {finding.key: False}
    pdf = chronology_pdf(kid, "person:mum", OPTIONS, decisions=keep)
    with opened(pdf) as doc:
        found = [mark_rects(doc, i, (Mark(finding.seen_as[0], SHOWS),)) for i in range(len(doc))]
    assert len({round(t) for page in found for _m, (_l, _b, _r, t) in page}) == 2
