"""The File menu's work on the open store: import, export, backup, change passphrase.

Every dialog here is opened with `open()` (window-modal, not a nested event loop), so the
window keeps drawing and tests drive the same dialogs a person sees. The work itself runs on
the store's worker; a busy dialog shows while it runs, and the interface never freezes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.looks import say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.unlock_window import plain_failure
from pace_desktop.store import MIN_PASSPHRASE, CaseStore, OpChanges, passphrase_problem

INTERCHANGE_FILTER = "Interchange files (*.json);;All files (*)"
STORE_FILTER = "PACE stores (*.pacestore);;All files (*)"


def import_job(path: Path) -> Callable[[CaseStore], OpChanges]:
    def job(store: CaseStore) -> OpChanges:
        from pace_desktop.exchange import read_interchange_file

        children = read_interchange_file(path)
        return store.import_children(children, source=f"import of {path.name}")
    return job


def export_job(path: Path) -> Callable[[CaseStore], int]:
    def job(store: CaseStore) -> int:
        from pace_desktop.exchange import write_interchange_file

        children = list(store.children())
        write_interchange_file(path, children)
        return len(children)
    return job


class ProblemsDialog(QDialog):
    """Every problem an import found, one a line, to read, copy or print."""

    def __init__(self, summary: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("The file was not imported")
        self.setAccessibleName("Problems in the file")
        layout = QVBoxLayout(self)
        heading = QLabel(summary + " Put these right in the file and import it again:")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.problems = problems
        self.text = QPlainTextEdit("\n".join(problems))
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Every problem found, one a line")
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100,
                    self.fontMetrics().lineSpacing() * 24)


class PassphraseDialog(QDialog):
    """A new passphrase, typed twice; the store is unlocked, so the old one is not asked."""

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle("Change the passphrase")
        self.setAccessibleName("Change the passphrase")
        layout = QVBoxLayout(self)
        hint = QLabel(f"At least {MIN_PASSPHRASE} characters; a few unrelated words work well. "
                      "Backups made before today keep the old passphrase.")
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        layout.addWidget(hint)
        self.first = self._field(layout, "&New passphrase")
        self.first_message = self._message(layout)
        self.second = self._field(layout, "&Type it again")
        self.second_message = self._message(layout)
        self.store_message = self._message(layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change passphrase")
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts in the first box

    def _field(self, layout: QVBoxLayout, label: str) -> QLineEdit:
        caption = QLabel(label)
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(label.replace("&", ""))
        caption.setBuddy(edit)
        layout.addWidget(caption)
        layout.addWidget(edit)
        return edit

    def _message(self, layout: QVBoxLayout) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        set_tone(label, "error")
        say(label, "")
        layout.addWidget(label)
        return label

    def change(self) -> None:
        for label in (self.first_message, self.second_message, self.store_message):
            say(label, "")
        new = self.first.text()
        if len(new) < MIN_PASSPHRASE:
            say(self.first_message, f"The passphrase needs at least {MIN_PASSPHRASE} "
                f"characters (this one has {len(new)}).")
            self.first.setFocus()
            return
        if (weak := passphrase_problem(new)) is not None:
            say(self.first_message, weak)  # the core's judgement (zxcvbn), as the CLI says it
            self.first.setFocus()
            return
        if self.second.text() != new:
            say(self.second_message, "The two passphrases are not the same. Please type it "
                "again.")
            self.second.clear()
            self.second.setFocus()
            return
        self.setEnabled(False)
        self._runner.call(lambda store: store.rekey(new), lambda _: self._done(),
                          self._failed)

    def _done(self) -> None:
        self.first.clear()
        self.second.clear()
        self.setEnabled(True)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        say(self.store_message, plain_failure(exc, "changing the passphrase"))


class FileActions(QObject):
    """The handlers behind File ▸ Import/Export/Backup/Change passphrase."""

    def __init__(self, window: QMainWindow, runner: StoreRunner) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self.file_dialog: QFileDialog | None = None
        self.dialog: QDialog | None = None  # the problems or passphrase dialog on show
        self.progress: QProgressDialog | None = None
        self.last_message = ""

    # -- choosing files --------------------------------------------------------------------------

    def _ask(self, title: str, name_filter: str, saving: bool,
             then: Callable[[Path], None]) -> None:
        dialog = QFileDialog(self._window, title, str(Path.home()), name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving
                             else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if saving
                           else QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        dialog.finished.connect(lambda _: self._forget_file_dialog(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _forget_file_dialog(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None
        dialog.deleteLater()

    def choose_import(self) -> None:
        self._ask("Import children from a file", INTERCHANGE_FILTER, False, self.import_file)

    def choose_export(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Export leaves the encrypted store",
                          "The exported file is NOT encrypted: anyone who gets it can read "
                          "every child's record in it. Keep it only on an encrypted device, "
                          "and delete it when it has done its job.",
                          QMessageBox.StandardButton.Cancel, self._window)
        go = box.addButton("Choose where to export…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName("Export warning")
        self.dialog = box
        box.finished.connect(lambda _: self._after_warning(box, go))
        box.open()

    def _after_warning(self, box: QMessageBox, go: Any) -> None:
        if box.clickedButton() is go:
            self._ask("Export the caseload", INTERCHANGE_FILTER, True, self.export_to)
        box.deleteLater()

    def choose_backup(self) -> None:
        self._ask("Write an encrypted backup", STORE_FILTER, True, self.backup_to)

    def change_passphrase(self) -> None:
        dialog = PassphraseDialog(self._runner, self._window)
        dialog.accepted.connect(lambda: self._say("The passphrase is changed. Use the new one "
                                                  "from now on."))
        self.dialog = dialog
        dialog.open()

    # -- the work --------------------------------------------------------------------------------

    def import_file(self, path: Path) -> None:
        self._busy(f"Importing {path.name}…")
        self._runner.call(import_job(path), self._imported, self._import_failed)

    def export_to(self, path: Path) -> None:
        if not path.suffix:
            path = path.with_suffix(".json")
        self._busy(f"Exporting to {path.name}…")
        self._runner.call(export_job(path),
                          lambda n: self._finish(f"{n:,} children exported to {path}. The file "
                                                 "is not encrypted: keep it safe."),
                          lambda exc: self._fail(exc, "exporting"))

    def backup_to(self, path: Path) -> None:
        if not path.suffix:
            path = path.with_suffix(".pacestore")
        self._busy(f"Writing a backup to {path.name}…")
        self._runner.call(lambda store: store.backup(path),
                          lambda made: self._finish(f"Encrypted backup written to {made}. It "
                                                    "opens with this store's passphrase."),
                          lambda exc: self._fail(exc, "writing the backup"))

    def _imported(self, result: OpChanges) -> None:
        added, updated = len(result.added), len(result.updated)
        self._finish(f"Imported {added:,} new {'child' if added == 1 else 'children'}"
                     + (f" and brought {updated:,} up to date." if updated else "."))
        reload = getattr(self._window, "load", None)
        if callable(reload):
            reload()

    def _import_failed(self, exc: Exception) -> None:
        problems = getattr(exc, "problems", None)
        if not problems:
            self._fail(exc, "importing")
            return
        self._end_busy()
        dialog = ProblemsDialog(str(exc), list(problems), self._window)
        self.dialog = dialog
        dialog.open()
        self._say(str(exc))

    # -- progress and messages -------------------------------------------------------------------

    def _busy(self, what: str) -> None:
        self._end_busy()
        progress = QProgressDialog(what, "", 0, 0, self._window)
        progress.setCancelButton(None)  # the work is one transaction: it finishes or not
        progress.setWindowTitle("Working")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAccessibleName(what)
        self.progress = progress
        self._say(what)

    def _end_busy(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _finish(self, message: str) -> None:
        self._end_busy()
        self._say(message)

    def _fail(self, exc: Exception, doing: str) -> None:
        self._end_busy()
        message = plain_failure(exc, doing)
        box = QMessageBox(QMessageBox.Icon.Warning, "That did not work", message,
                          QMessageBox.StandardButton.Close, self._window)
        self.dialog = box
        box.open()
        self._say(message)

    def _say(self, message: str) -> None:
        self.last_message = message
        self._window.statusBar().showMessage(message)
