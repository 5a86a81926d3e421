"""The print dialog: choose who a copy is for, see it page by page, then print or save it.

The store worker reads the record and lays out the PDF (`documents.make_pdf`), returning
bytes; a pool thread draws the pages with pypdfium2 (`raster`). The interface thread only
places finished images, so the window never freezes. Nothing is written to disk while
previewing or printing: the bytes stay in memory and are dropped when the dialog closes.
Saving a PDF file is a separate, explicit act behind a warning (`save_pdf`).

Changing any choice drops the bytes at once and disables Print and Save until the new
version is ready, so a copy made for one recipient can never go to another. Who the copy is
for, the review of identifiers and checks, and the record kept of each print are in
review_steps.py (this file is over 500 lines because the preview, printing and saving
machinery is one state machine and reads best in one place).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSizeF, QStandardPaths, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.date_edit import DateEdit
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.printing.preview import PreviewPane
from pace_desktop.gui.printing.printer_job import PrintTask
from pace_desktop.gui.printing.raster import PageImage, RasterSignals, RasterTask
from pace_desktop.gui.printing.review_panel import ReviewPanel
from pace_desktop.gui.printing.review_steps import ReviewSteps
from pace_desktop.gui.printing.save_pdf import SaveWarningDialog, write_atomically
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.print_jobs import (
    ASK_WHO,
    DOCUMENTS,
    Made,
    PrintRequest,
    allocated_workers,
    explain,
    make_pdf,
    suggested_file_name,
)
from pace_desktop.settings import Settings

# Long enough to wait out a run of clicks in a date box, short enough to feel immediate.
DEBOUNCE_MS = 350

READ_FIRST = ("Names, phone numbers, addresses, schools and roads found in the text are"
              " highlighted in the preview: decide on each under Identifiers.")


class PrintDialog(ReviewSteps, QDialog):
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

    # -- building the window ------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.about_label = QLabel(f"Preparing the {DOCUMENTS[self.document].lower()}…")
        self.about_label.setWordWrap(True)
        enlarge(self.about_label, 1.25)
        set_tone(self.about_label, "title")
        outer.addWidget(self.about_label)

        body = QHBoxLayout()
        body.addWidget(self._build_choices(), 0)
        self.preview = PreviewPane()
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        body.addWidget(self.preview, 1)
        outer.addLayout(body, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        say(self.message, "")
        outer.addWidget(self.message)

        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        set_tone(self.status, "hint")
        self.print_button = self._action_button("&Print…", "Print", self.print_document)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.save_button = self._action_button("&Save as PDF…", "Save as PDF",
                                               self.save_as_pdf)
        self.stop_button = self._action_button("St&op printing", "Stop printing",
                                               self.stop_printing)
        self.stop_button.hide()
        self.close_button = self._action_button("Close", "Close", self.close)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.stop_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)
        self.resize(1180, 820)

    def _build_choices(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(380)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 6, 0)

        # The question is a label linked to its combo box rather than the group's title: on
        # Linux a combo box is heard as its value ("Panel members") and only a linked label
        # says what is being chosen.
        who = QGroupBox()
        who_layout = QVBoxLayout(who)
        self.recipient_combo = QComboBox()
        self.recipient_combo.setAccessibleName("Who is this copy for?")
        who_label = QLabel("&Who is this copy for?")
        enlarge(who_label, 1.0)
        who_label.setBuddy(self.recipient_combo)
        who_layout.addWidget(who_label)
        # No default: the copy is for someone, and what is left out depends on whom.
        self.load_recipients()
        who_layout.addWidget(self.recipient_combo)
        self.withholding_label = self._hint("", "What is left out")
        who_layout.addWidget(self.withholding_label)
        who_layout.addWidget(self._hint(READ_FIRST, "Read before sending"))
        column.addWidget(who)
        if self.document == "clocks_report":
            # The report names children and clocks only; it is not made for anyone outside.
            who.hide()
            column.addWidget(self._hint("The clocks report is for use within the service.",
                                        "Who the report is for"))

        self.entries_box = QGroupBox("Entries")
        form = QFormLayout(self.entries_box)
        today = QDate.currentDate()
        self.from_check, self.from_edit = self._date_row(form, "&From", today.addYears(-1))
        self.to_check, self.to_edit = self._date_row(form, "&To", today)
        self.significant_label = self._hint(
            "Only entries marked significant are included: a chronology is a summary of"
            " significant events, not the whole record.", "Only significant entries")
        form.addRow(self.significant_label)
        self.journey_check = QCheckBox("Open with the timeline and the clocks")
        self.journey_check.setAccessibleName("Open with the timeline and the clocks")
        form.addRow(self.journey_check)
        self.clocks_check = QCheckBox("Show the c&locks to this recipient too")
        self.clocks_check.setAccessibleName("Show the clocks to this recipient too")
        self.clocks_check.setToolTip("Internal copies always show the clocks table; other"
                                     " copies only when this is ticked.")
        form.addRow(self.clocks_check)
        self.page_button = QPushButton("&Analysis and sources…")
        self.page_button.setAccessibleName("Analysis and sources")
        self.page_button.setAutoDefault(False)
        form.addRow(self.page_button)
        column.addWidget(self.entries_box)
        self.entries_box.setVisible(self.document == "chronology")
        self.review = ReviewPanel()
        self.review.setVisible(self.document != "clocks_report")
        column.addWidget(self.review, 1)

        self.worker_box = QGroupBox()
        worker_layout = QVBoxLayout(self.worker_box)
        self.worker_combo = QComboBox()
        self.worker_combo.setAccessibleName("Whose children?")
        worker_label = QLabel("W&hose children?")
        enlarge(worker_label, 1.0)
        worker_label.setBuddy(self.worker_combo)
        worker_layout.addWidget(worker_label)
        self.worker_combo.addItem("The whole caseload", None)
        worker_layout.addWidget(self.worker_combo)
        column.addWidget(self.worker_box)
        self.worker_box.setVisible(self.document == "clocks_report")

        marking = self._hint(
            f"Every page is marked {self.settings.protective_marking} and says who printed it"
            " and when.", "Marking")
        column.addWidget(marking)
        if self.document == "clocks_report":
            column.addStretch(1)
        self._show_withholding()
        return panel

    def _date_row(self, form: QFormLayout, text: str,
                  start: QDate) -> tuple[QCheckBox, QDateEdit]:
        plain = text.replace("&", "")
        check = QCheckBox(text)
        check.setAccessibleName(f"Only entries {plain.lower()} a date")
        edit = DateEdit(start)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setEnabled(False)
        edit.setAccessibleName(f"{plain} date")
        check.toggled.connect(edit.setEnabled)
        form.addRow(check, edit)
        return check, edit

    def _hint(self, text: str, about: str) -> QLabel:
        # No accessible name: on Linux a label's name is read instead of its words, so the
        # words stay the name and `about` says what they are about.
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAccessibleDescription(about)
        set_tone(label, "hint")
        return label

    def _action_button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        # Enter in a date box must not print or save by accident.
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _connect_choices(self) -> None:
        self.recipient_combo.currentIndexChanged.connect(lambda _: self._recipient_changed())
        self.worker_combo.currentIndexChanged.connect(lambda _: self._choices_changed())
        for check in (self.from_check, self.to_check, self.journey_check):
            check.toggled.connect(lambda _: self._choices_changed())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _: self._choices_changed())

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

    # -- printing -------------------------------------------------------------------------

    def print_document(self) -> None:
        """Print… : the system's print dialog, then the pages to the chosen printer."""
        if self._pdf is None or self._print_cancel is not None:
            return
        printer = self.make_printer()
        # The queue shows the document's name to anyone near the printer: no child's name.
        printer.setDocName(f"PACE {DOCUMENTS[self.document].lower()}")
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(f"Print the {DOCUMENTS[self.document].lower()}")
        chooser.setMinMax(1, max(1, self.preview.page_count))
        self._printer = printer  # kept alive for as long as the chooser and the task need it
        chooser.finished.connect(lambda result: self._printer_chosen(chooser, printer, result))
        # QPrintDialog.open() in PySide wants a receiver; the plain window-modal open is
        # QDialog's.
        QDialog.open(chooser)

    def _printer_chosen(self, chooser: QPrintDialog, printer: QPrinter, result: int) -> None:
        chooser.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page (or the range chosen) onto `printer`, on a pool thread."""
        if self._pdf is None or self._print_cancel is not None:
            return
        self._printer = printer
        self._print_cancel = threading.Event()
        task = PrintTask(self._pdf, printer, self._print_cancel)
        self._print_signals = task.signals
        task.signals.progress.connect(self._print_progress)
        task.signals.finished.connect(self._print_finished)
        say(self.message, "")
        self.status.setText("Sending the pages to the printer…")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.show()
        self._show_actions()
        self._print_pool.start(task)

    def stop_printing(self) -> None:
        if self._print_cancel is not None:
            self._print_cancel.set()
            self.status.setText("Stopping…")

    def _print_progress(self, sent: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(sent)
        self.status.setText(f"Sent page {sent} of {total} to the printer…")

    def _print_finished(self, ok: bool, message: str) -> None:
        self._print_cancel = None
        self.stop_button.hide()
        self.progress.hide()
        if ok:
            self.status.setText(message)
            self.keep_print("printed")
        else:
            self.status.setText("")
            say(self.message, message)
        self._show_actions()
        self.printed.emit(ok, message)

    # -- saving a PDF file ------------------------------------------------------------------

    def save_as_pdf(self) -> None:
        """Save as PDF… : the warning first; only once it is accepted, choose the file."""
        if self._pdf is None:
            return
        warning = SaveWarningDialog(self)
        self.save_warning = warning
        warning.accepted.connect(lambda: self._choose_file(warning.chosen_password))
        warning.finished.connect(lambda _: self._forget_warning(warning))
        warning.open()

    def _forget_warning(self, warning: SaveWarningDialog) -> None:
        warning.password.clear()
        warning.again.clear()
        if getattr(self, "save_warning", None) is warning:
            self.save_warning = None
        warning.deleteLater()

    def _choose_file(self, password: str | None) -> None:
        request = self._made_for
        if self._pdf is None or request is None:
            return
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        # The person's documents folder (their home if it does not exist), never the folder
        # the app happened to be started from.
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        name = suggested_file_name(self.document, self.child_ref, request.recipient)
        chooser = QFileDialog(self, "Save as PDF", str(folder), "PDF files (*.pdf)")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDirectory(str(folder))
        chooser.selectFile(name)
        chooser.setDefaultSuffix("pdf")
        self.file_chooser = chooser
        chooser.fileSelected.connect(lambda path: self._save_to(Path(path), request, password))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def _save_to(self, path: Path, request: PrintRequest, password: str | None) -> None:
        if not password:
            if self._pdf is not None:
                self._write(path, self._pdf, protected=False)
            return
        # The password is built into the file as it is made, so this copy is made again on
        # the worker with the same choices as the preview.
        self._busy(True)
        self.status.setText("Making the protected copy…")
        protected = request.with_password(password)
        self.runner.call(lambda store: make_pdf(store, protected).pdf,
                         lambda pdf: self._write(path, pdf, protected=True),
                         self._save_failed)

    def _save_failed(self, exc: Exception) -> None:
        self._busy(False)
        self.status.setText("")
        say(self.message, "The file was not saved. " + explain(exc))

    def _write(self, path: Path, pdf: bytes, protected: bool) -> None:
        self._busy(False)
        try:
            write_atomically(path, pdf)
        except OSError as exc:
            self.status.setText("")
            say(self.message, f"The file was not saved: {exc.strerror or exc} ({path}).")
            return
        say(self.message, "")
        self.keep_print("saved_protected" if protected else "saved")
        if protected:
            self.status.setText(f"Saved to {path}, protected by your password.")
        else:
            self.status.setText(f"Saved to {path}. It has no password: keep it safe and"
                                " delete it when it is no longer needed.")
        self.saved.emit(str(path))

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

    def _workers_loaded(self, names: list[str]) -> None:
        if self._closing:
            return
        for name in names:
            self.worker_combo.addItem(f"{name}'s children", name)

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
