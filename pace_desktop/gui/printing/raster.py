"""Turning PDF bytes into page images with pypdfium2, in memory, off the interface thread.

PySide6's Linux wheels have no QtPdf, so pdfium (through pypdfium2) draws the pages. The
bytes are handed to pdfium straight from memory: no page, image or PDF is ever written to
disk. pdfium is not safe to call from two threads at once, so every call goes through one
lock; the preview and printing each run on a pool thread and take turns.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium
from PySide6.QtCore import QObject, QRectF, QRunnable, QSizeF, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen

POINTS_PER_INCH = 72.0
# Longest side any page image may have: a 30x zoom on a big screen would otherwise ask for
# gigabytes.
MAX_SIDE_PX = 8000

_PDFIUM = threading.Lock()


@contextmanager
def opened(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    """The document held open for the length of the block, with the pdfium lock held."""
    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            yield doc
        finally:
            doc.close()


def page_sizes(doc: pdfium.PdfDocument) -> list[QSizeF]:
    """Each page's size in points (1/72 inch)."""
    return [QSizeF(*doc.get_page_size(i)) for i in range(len(doc))]


def page_image(doc: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page drawn at `dpi` on white; the image owns its pixels."""
    page = doc[index]
    try:
        width, height = page.get_size()
        scale = dpi / POINTS_PER_INCH
        longest = max(width, height) * scale
        if longest > MAX_SIDE_PX:
            scale *= MAX_SIDE_PX / longest
        bitmap = page.render(scale=scale, prefer_bgrx=True, fill_color=(255, 255, 255, 255))
        try:
            # BGRx in memory is exactly QImage's RGB32 on a little-endian machine; copy()
            # because the bitmap's buffer is freed when the bitmap closes.
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32).copy()
        finally:
            bitmap.close()
        return image
    finally:
        page.close()


@dataclass(frozen=True, slots=True)
class Mark:
    """Words to highlight wherever they appear on a page (any letter case), and how: the
    identifiers a worker is deciding on are shown before anything prints."""

    text: str
    colour: tuple[int, int, int]
    outline: bool = False  # an outline as well as the fill, so it reads without colour


def mark_rects(doc: pdfium.PdfDocument, index: int, marks: tuple[Mark, ...]
               ) -> list[tuple[Mark, tuple[float, float, float, float]]]:
    """Where each mark's words are on the page, in PDF points (left, bottom, right, top).

    Searched in the page's own text, with any run of spaces and line breaks between two
    words (and a break after a hyphen) counting as one space: an identifier that wraps
    across two lines of a table cell ("Pinewood" at the end of one, "Nursery" at the start
    of the next) is highlighted on both. pdfium's own search wants the exact characters,
    line break included, and missed it. The page's text has one character per pdfium
    character index, so a match's span is the span pdfium draws rectangles for.
    """
    if not marks:
        return []
    page = doc[index]
    try:
        text_page = page.get_textpage()
        try:
            text = text_page.get_text_range()
            if len(text) != text_page.count_chars():  # never seen; pdfium's search then
                return _searched(text_page, marks)
            found = []
            for mark in marks:
                for hit in _pattern(mark.text).finditer(text):
                    start, count = hit.start(), hit.end() - hit.start()
                    for r in range(text_page.count_rects(start, count)):
                        found.append((mark, text_page.get_rect(r)))
            return found
        finally:
            text_page.close()
    finally:
        page.close()


def _pattern(words: str) -> re.Pattern[str]:
    parts = [re.escape(w).replace(r"\-", r"-\s*") for w in words.split()]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def _searched(text_page: pdfium.PdfTextPage, marks: tuple[Mark, ...]
              ) -> list[tuple[Mark, tuple[float, float, float, float]]]:
    found = []
    for mark in marks:
        searcher = text_page.search(mark.text, match_case=False)
        try:
            while (hit := searcher.get_next()) is not None:
                start, count = hit
                for r in range(text_page.count_rects(start, count)):
                    found.append((mark, text_page.get_rect(r)))
        finally:
            searcher.close()
    return found


def paint_marks(image: QImage, page_height: float, scale: float,
                found: list[tuple[Mark, tuple[float, float, float, float]]]) -> None:
    """Highlighter over the words (multiplied, so the text stays black and readable)."""
    if not found:
        return
    painter = QPainter(image)
    try:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for mark, (left, bottom, right, top) in found:
            rect = QRectF(left * scale - 1, (page_height - top) * scale - 1,
                          (right - left) * scale + 2, (top - bottom) * scale + 2)
            painter.fillRect(rect, QColor(*mark.colour))
            if mark.outline:
                painter.setPen(QPen(QColor(0, 0, 0), max(1.0, scale / 2)))
                painter.drawRect(rect)
    finally:
        painter.end()


def page_text(doc: pdfium.PdfDocument, index: int) -> str:
    """The page's text in reading order, so a screen reader can read the preview."""
    page = doc[index]
    try:
        text_page = page.get_textpage()
        try:
            return text_page.get_text_range()
        finally:
            text_page.close()
    finally:
        page.close()


def count_pages(pdf: bytes) -> int:
    with opened(pdf) as doc:
        return len(doc)


@dataclass(frozen=True, slots=True)
class PageImage:
    """One page of the preview, drawn at `dpi`; `text` is for assistive technology."""

    generation: int
    index: int
    image: QImage
    text: str
    dpi: float


class RasterSignals(QObject):
    """Signals of a raster task; they arrive on the interface thread (queued)."""

    begun = Signal(int, object)  # generation, list[QSizeF] of page sizes in points
    page_ready = Signal(object)  # PageImage
    ended = Signal(int)  # generation
    broke = Signal(int, str)  # generation, what went wrong in plain words


class RasterTask(QRunnable):
    """Draws every page of `pdf` at `dpi`, page by page, until done or cancelled.

    Page sizes go first so the preview can lay out the right number of pages at once;
    the lock is taken per page, so a print job is not kept waiting for the whole preview.
    """

    def __init__(self, pdf: bytes, dpi: float, generation: int,
                 cancelled: threading.Event, marks: tuple[Mark, ...] = ()) -> None:
        super().__init__()
        self._marks = marks
        self.setAutoDelete(True)
        self.signals = RasterSignals()
        self._pdf = pdf
        self._dpi = dpi
        self._generation = generation
        self._cancelled = cancelled

    def run(self) -> None:
        gen = self._generation
        try:
            with opened(self._pdf) as doc:
                sizes = page_sizes(doc)
            self.signals.begun.emit(gen, sizes)
            for index in range(len(sizes)):
                if self._cancelled.is_set():
                    return
                with opened(self._pdf) as doc:
                    image = page_image(doc, index, self._dpi)
                    text = page_text(doc, index)
                    found = mark_rects(doc, index, self._marks)
                if found:
                    scale = image.width() / sizes[index].width()
                    paint_marks(image, sizes[index].height(), scale, found)
                self.signals.page_ready.emit(PageImage(gen, index, image, text, self._dpi))
            self.signals.ended.emit(gen)
        except Exception as exc:  # a pool thread must not die silently: tell the dialog
            self.signals.broke.emit(gen, f"The preview could not be drawn ({exc}).")
