"""The print dialog's two ways out: the pages to a printer (a pool thread paints them,
with progress and Stop), or, deliberately and behind a warning, a PDF file written whole
or not at all. Both use the bytes of the version on screen, never a newer or older one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QThreadPool, SignalInstance
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QProgressBar, QPushButton

from pace_desktop.gui.looks import say
from pace_desktop.gui.printing.preview import PreviewPane
from pace_desktop.gui.printing.printer_job import PrintTask
from pace_desktop.gui.printing.save_pdf import SaveWarningDialog, write_atomically
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.print_jobs import DOCUMENTS, PrintRequest, explain, make_pdf, suggested_file_name


class PrintOutput:
    """Mixed into PrintDialog, which provides the attributes named here."""

    runner: StoreRunner
    document: str
    child_ref: str | None
    printed: SignalInstance
    saved: SignalInstance
    message: QLabel
    status: QLabel
    progress: QProgressBar
    stop_button: QPushButton
    preview: PreviewPane
    _pdf: bytes | None
    _made_for: PrintRequest | None
    _print_pool: QThreadPool
    _print_cancel: threading.Event | None
    make_printer: Callable[[], QPrinter]
    keep_print: Callable[..., None]
    _busy: Callable[[bool], None]
    _show_actions: Callable[[], None]

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

