"""Sending a print to a printer: each page drawn by pdfium at the printer's resolution and
painted with QPainter onto the QPrinter, on a pool thread so the window keeps working.

Qt allows QPainter on a QPrinter outside the interface thread; the dialog does not touch the
printer while the task runs. No file is written by this code: where the pages go is the
printer's business (the system's print queue for a real printer).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRectF, QRunnable, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from pace_desktop.gui.printing.raster import opened, page_image

# Text at 300 dpi is crisp on paper; more only makes the print job bigger and slower.
MAX_PRINT_DPI = 300


def print_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), MAX_PRINT_DPI))


def pages_wanted(printer: QPrinter, count: int) -> list[int]:
    """Page indexes (from 0) the person chose in the print dialog; all of them by default."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return list(range(count))
    first = max(first, 1)
    last = min(last if last > 0 else count, count)
    return list(range(first - 1, last))


class PrintSignals(QObject):
    progress = Signal(int, int)  # pages sent, pages to send
    finished = Signal(bool, str)  # all sent, and a sentence saying what happened


class PrintTask(QRunnable):
    def __init__(self, pdf: bytes, printer: QPrinter, cancelled: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.signals = PrintSignals()
        self._pdf = pdf
        self._printer = printer
        self._cancelled = cancelled

    def run(self) -> None:
        try:
            ok, message = self._paint()
        except Exception as exc:  # said in the dialog, never lost on a pool thread
            ok, message = False, f"The pages could not be sent to the printer ({exc})."
        self.signals.finished.emit(ok, message)

    def _paint(self) -> tuple[bool, str]:
        printer = self._printer
        with opened(self._pdf) as doc:
            count = len(doc)
        pages = pages_wanted(printer, count)
        if not pages:
            return False, "The pages chosen are not in this document, so nothing was printed."
        dpi = print_dpi(printer)
        # The PDF already carries its own margins and page frame: paint onto the whole sheet.
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            return False, "The printer could not be started. Check it is on and try again."
        try:
            for sent, index in enumerate(pages):
                if self._cancelled.is_set():
                    printer.abort()
                    return False, "Printing was stopped. Pages already sent may still print."
                if sent:
                    printer.newPage()
                with opened(self._pdf) as doc:
                    image = page_image(doc, index, dpi)
                    width_pt, height_pt = doc.get_page_size(index)
                painter.drawImage(_fit(printer, width_pt, height_pt), image)
                self.signals.progress.emit(sent + 1, len(pages))
        finally:
            painter.end()
        pages_word = "page" if len(pages) == 1 else "pages"
        return True, f"{len(pages)} {pages_word} sent to the printer."


def _fit(printer: QPrinter, width_pt: float, height_pt: float) -> QRectF:
    """The page's place on the sheet, in printer pixels: actual size if it fits, otherwise
    shrunk to fit (an A4 page on Letter paper), centred."""
    sheet = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    per_point = printer.resolution() / 72.0
    width, height = width_pt * per_point, height_pt * per_point
    shrink = min(1.0, sheet.width() / width, sheet.height() / height)
    width, height = width * shrink, height * shrink
    return QRectF(sheet.left() + (sheet.width() - width) / 2,
                  sheet.top() + (sheet.height() - height) / 2, width, height)
