"""The print dialog: choose who a copy is for, see it page by page, then print or save it.

The store worker reads the record and lays out the PDF (`documents.make_pdf`), returning
bytes; a pool thread draws the pages with pypdfium2 (`raster`). The interface thread only
places finished images, so the window never freezes. Nothing is written to disk while
previewing or printing: the bytes stay in memory and are dropped when the dialog closes.
Saving a PDF file is a separate, explicit act behind a warning (`save_pdf`).

Changing any choice drops the bytes at once and disables Print and Save until the new
version is ready, so a copy made for one recipient can never go to another. Who the copy is
for, the review of identifiers and checks, and the record kept of each print are in
review_steps.py; the window's building in print_window.py; printing and saving a file in
print_output.py.
"""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QDate, QSizeF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from pace_desktop.gui.looks import say
from pace_desktop.gui.printing.print_output import PrintOutput
from pace_desktop.gui.printing.print_window import PrintWindow
from pace_desktop.gui.printing.raster import PageImage, RasterSignals, RasterTask
from pace_desktop.gui.printing.review_steps import ReviewSteps
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.print_jobs import (
    ASK_WHO,
    DOCUMENTS,
    Made,
    PrintRequest,
    allocated_workers,
    explain,
    make_pdf,
)
from pace_desktop.settings import Settings

# Long enough to wait out a run of clicks in a date box, short enough to feel immediate.
DEBOUNCE_MS = 350


class PrintDialog(PrintWindow, PrintOutput, ReviewSteps, QDialog):
    """One print of one document. `document` is a key of `documents.DOCUMENTS`.

    Signals, for the integrator and tests: `preview_ready(pages)` when every page of the
    current version is drawn; `printed(ok, message)`; `saved(path)`.
    """

    preview_ready = Signal(int)
    printed = Signal(bool, str)
    saved = Signal(str)

    def __init__(self, runner: StoreRunner, document: str, child_ref: str | None,
                 settings: Settings, meeting_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if document not in DOCUMENTS:
            raise ValueError(f"There is no print called {document!r}.")
        self.runner = runner
        self.document = document
        self.child_ref = child_ref
        self.meeting_id = meeting_id
        self.settings = settings
        # Tests swap this for a PDF-file printer; the app always prints to a real printer.
        self.make_printer = lambda: QPrinter(QPrinter.PrinterMode.HighResolution)

        self._generation = 0  # versions of the PDF asked of the worker
        self._raster_gen = 0  # drawings of the pages (a new version, or a new zoom)
        self._request_id: int | None = None
        self._again = False
        self._pdf: bytes | None = None
        self._latest: Made | None = None
        self._made_for: PrintRequest | None = None
        self._raster_cancel = threading.Event()
        self._raster_signals: list[RasterSignals] = []
        self._keep_images = False
        self._drawn_all = False  # every page of the current version is in the preview
        self._print_cancel: threading.Event | None = None
        self._closing = False
        # One thread: pdfium takes one caller at a time anyway, and pages arrive in order.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._print_pool = QThreadPool(self)
        self._print_pool.setMaxThreadCount(1)

        self.setWindowTitle(f"Print: {DOCUMENTS[document]}")
        self.setAccessibleName(f"Print the {DOCUMENTS[document].lower()}")
        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._render)
        self._zoom_debounce = QTimer(self)
        self._zoom_debounce.setSingleShot(True)
        self._zoom_debounce.setInterval(DEBOUNCE_MS)
        self._zoom_debounce.timeout.connect(self._redraw_pages)
        self.preview.zoom_changed.connect(lambda _: self._zoom_debounce.start())
        self._connect_choices()
        self.connect_review()
        if document == "clocks_report":
            self.runner.call(allocated_workers, self._workers_loaded, lambda _exc: None)
        self._show_actions()
        QTimer.singleShot(0, self._render)

    # -- the request ----------------------------------------------------------------------

    @property
    def pdf(self) -> bytes | None:
        """The bytes shown in the preview, or None while a new version is being made."""
        return self._pdf

    @property
    def is_busy(self) -> bool:
        """Making or drawing is under way (or about to start) for the current choices."""
        return (self._request_id is not None or self._debounce.isActive()
                or self._zoom_debounce.isActive()
                or (self._pdf is not None and not self._drawn_all))

    def current_request(self) -> PrintRequest | None:
        """The print the controls describe, or None (with the reason shown) if they clash."""
        date_from = _py_date(self.from_edit.date()) if self.from_check.isChecked() else None
        date_to = _py_date(self.to_edit.date()) if self.to_check.isChecked() else None
        if date_from and date_to and date_from > date_to:
            say(self.message, "The ‘from’ date is after the ‘to’ date. Change one of them.")
            return None
        recipient = self.recipient()
        if recipient is None:
            return None
        return PrintRequest.for_settings(
            self.document, self.child_ref, self.settings,
            recipient=recipient, meeting_id=self.meeting_id,
            date_from=date_from if self.document == "chronology" else None,
            date_to=date_to if self.document == "chronology" else None,
            with_journey=self.document == "chronology" and self.journey_check.isChecked(),
            with_clocks=True if self.clocks_check.isChecked() else None,
            worker=self.worker_combo.currentData(), as_of=date.today(),
        ).deciding(self.review.decisions())

    def _recipient_changed(self) -> None:
        # Another person's copy starts from what was decided for them (or the proposals),
        # never from the decisions made for the last recipient.
        self.review.clear()
        self._choices_changed()

    def _choices_changed(self) -> None:
        self._show_withholding()
        # Drop the old version now: until the new one is ready nothing can be printed or
        # saved, so a copy made for one recipient never goes to another.
        self._pdf = None
        self._latest = None
        self._made_for = None
        self._raster_cancel.set()
        self._raster_gen += 1
        self._drawn_all = False
        self.status.setText("Updating the preview…")
        self._busy(True)
        self._show_actions()
        self._debounce.start()

    def _show_withholding(self) -> None:
        self.withholding_label.setText(self.withholding_words())

    # -- making the PDF on the store worker -----------------------------------------------

    def _render(self) -> None:
        if self._closing:
            return
        say(self.message, "")
        request = self.current_request()
        if request is None:
            self._busy(False)
            self.preview.clear()
            self.status.setText(ASK_WHO if self.recipient() is None else "")
            return
        if self._request_id is not None:
            # The worker answers in order: wait for the one in hand, then ask again.
            self._again = True
            return
        self._generation += 1
        generation = self._generation
        self._raster_cancel.set()
        self._busy(True)
        self.status.setText(f"Making the {DOCUMENTS[self.document].lower()}…")
        self._request_id = self.runner.call(
            lambda store: make_pdf(store, request),
            lambda made: self._made(generation, request, made),
            lambda exc: self._failed(generation, exc))

    def _made(self, generation: int, request: PrintRequest, made: Made) -> None:
        self._request_id = None
        if self._closing:
            return
        if self._again or generation != self._generation:
            self._again = False
            self._render()
            return
        if self._debounce.isActive():
            return  # the person changed something meanwhile; the timer will ask again
        self._pdf = made.pdf
        self._latest = made
        self._made_for = request
        self.about_label.setText(made.about)
        self.review.show_made(made, self.document == "chronology")
        self._start_raster()

    def _failed(self, generation: int, exc: Exception) -> None:
        self._request_id = None
        if self._closing:
            return
        if self._again:
            self._again = False
            self._render()
            return
        self._pdf = None
        self._latest = None
        self._made_for = None
        self._raster_cancel.set()
        self.preview.clear()
        self._busy(False)
        self.status.setText("")
        say(self.message, explain(exc))
        self._show_actions()

    # -- drawing the pages on a pool thread -----------------------------------------------

    def _start_raster(self, keep_images: bool = False) -> None:
        """Draw the pages of the current bytes; `keep_images` (a new zoom) leaves the old
        pictures up until the sharper ones replace them."""
        if self._pdf is None:
            return
        self._raster_cancel.set()
        self._raster_cancel = threading.Event()
        self._raster_gen += 1
        self._keep_images = keep_images
        if not keep_images:
            self._drawn_all = False
        task = RasterTask(self._pdf, self.preview.screen_dpi(), self._raster_gen,
                          self._raster_cancel, self.review.marks())
        signals = task.signals
        signals.begun.connect(self._pages_begun)
        signals.page_ready.connect(self._page_ready)
        signals.ended.connect(self._pages_ended)
        signals.broke.connect(self._pages_broke)
        # Held here as well as by the task, so the signals outlive the pool thread's emits.
        self._raster_signals = [*self._raster_signals[-3:], signals]
        if not keep_images:
            self.status.setText("Drawing the pages…")
            self._busy(True)
        self._pool.start(task)

    def _redraw_pages(self) -> None:
        if self._pdf is not None and not self._closing:
            # Half-drawn pages are drawn again from the start, with the progress shown.
            self._start_raster(keep_images=self._drawn_all)

    def _pages_begun(self, generation: int, sizes: list[QSizeF]) -> None:
        if generation != self._raster_gen or self._pdf is None:
            return
        if not (self._keep_images and sizes == self.preview.page_sizes()):
            self.preview.set_pages(sizes)
            self.progress.setRange(0, max(1, len(sizes)))
            self.progress.setValue(0)
        self._show_actions()

    def _page_ready(self, page: PageImage) -> None:
        if page.generation != self._raster_gen or self._pdf is None:
            return
        self.preview.set_page_image(page)
        if not self._keep_images:
            self.progress.setValue(self.preview.pages_drawn)

    def _pages_ended(self, generation: int) -> None:
        if generation != self._raster_gen or self._pdf is None:
            return
        self._drawn_all = True
        if self._keep_images:
            return
        self._busy(False)
        count = self.preview.page_count
        self.status.setText(f"{count} {'page' if count == 1 else 'pages'}, ready to print.")
        self._show_actions()
        self.preview_ready.emit(count)

    def _pages_broke(self, generation: int, message: str) -> None:
        if generation != self._raster_gen:
            return
        self._busy(False)
        self.status.setText("")
        say(self.message, message)

    # -- state shown ------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        # The bar is there only while something is happening; the status line says what.
        if busy and self._pdf is None:
            self.progress.setRange(0, 0)  # no page count yet: a moving bar
        self.progress.setVisible(busy)
        self.progress.setAccessibleDescription("Working" if busy else "Ready")

    def _show_actions(self) -> None:
        # Open checks hold the copy back until each is put right or accepted.
        ready = (self._pdf is not None and self._print_cancel is None
                 and not self.review.open_checks)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # -- closing ------------------------------------------------------------------------------

    def close_for_lock(self) -> None:
        """The app is locking: stop everything, forget the pages and bytes, close now."""
        self.stop_printing()
        self._shut()
        super().close()

    def reject(self) -> None:
        # Close, Escape and the window's close box all end here (QDialog.closeEvent calls
        # reject), so printing in progress is respected whichever way the person leaves.
        if self._print_cancel is not None and not self._closing:
            say(self.message, "Printing is still going on. Wait for it to finish, or press"
                              " Stop printing, then close.")
            return
        self._shut()
        super().reject()

    def _shut(self) -> None:
        if self._closing:
            return
        self._closing = True
        self._debounce.stop()
        self._zoom_debounce.stop()
        self._raster_cancel.set()
        if self._request_id is not None:
            self.runner.forget(self._request_id)
            self._request_id = None
        self._pdf = None
        self._latest = None
        self._made_for = None
        self.preview.clear()
        # Pool threads stop after their current page; wait so none outlives the window.
        self._pool.waitForDone()
        self._print_pool.waitForDone()


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def open_print_dialog(parent: QWidget | None, runner: StoreRunner, document: str,
                      child_ref: str | None, settings: Settings,
                      meeting_id: str | None = None) -> PrintDialog:
    """Show a print dialog, not modal, and return it; it deletes itself when closed."""
    dialog = PrintDialog(runner, document, child_ref, settings, meeting_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


__all__ = ["PrintDialog", "open_print_dialog"]
