"""Saving a print as a PDF file: an explicit act, with a warning first, and an atomic write.

The store is encrypted; a saved PDF is not unless a password is given (then AES-256), so the
warning says so in plain words before anyone picks a folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.chronology import PDF_ENCRYPTION_BITS
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.safe_files import write_bytes

LEAVES_STORE = ("This file will leave the encrypted store. Anyone who gets the file can read"
                " it. Keep it safe and delete it when it is no longer needed.")
STRENGTH = (f"A password encrypts the file with AES ({PDF_ENCRYPTION_BITS}-bit): choose a long"
            " one, since a short password can be guessed. Keep the file on an encrypted device"
            " even so.")


class SaveWarningDialog(QDialog):
    """Says what saving means and offers a password (typed twice). Accepting is consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save as PDF")
        self.setAccessibleName("Save as PDF: warning")
        layout = QVBoxLayout(self)

        heading = QLabel("Before you save")
        enlarge(heading, 1.2)
        set_tone(heading, "title")
        layout.addWidget(heading)
        self.warning = QLabel(LEAVES_STORE)
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)

        self.use_password = QCheckBox("Protect the file with a password")
        self.use_password.setAccessibleName("Protect the file with a password")
        layout.addWidget(self.use_password)

        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Type the password again")
        password_label = QLabel("&Password:")
        password_label.setBuddy(self.password)
        again_label = QLabel("Type it &again:")
        again_label.setBuddy(self.again)
        form.addRow(password_label, self.password)
        form.addRow(again_label, self.again)
        layout.addLayout(form)

        self.strength = QLabel(STRENGTH)
        self.strength.setWordWrap(True)
        set_tone(self.strength, "hint")
        layout.addWidget(self.strength)

        self.message = QLabel()
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        say(self.message, "")
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            "I understand: choose where to save…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName("I understand: choose where to save")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel saving")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.use_password.toggled.connect(self._password_toggled)
        self.password.textChanged.connect(lambda _: say(self.message, ""))
        self.again.textChanged.connect(lambda _: say(self.message, ""))
        self._password_toggled(False)
        self.setMinimumWidth(460)

    @property
    def chosen_password(self) -> str | None:
        """The password to protect the file with, once accepted; None for no password."""
        return self.password.text() if self.use_password.isChecked() else None

    def _password_toggled(self, on: bool) -> None:
        for edit in (self.password, self.again):
            edit.setEnabled(on)
            if not on:
                edit.clear()
        if on:
            self.password.setFocus()
        say(self.message, "")

    def _try_accept(self) -> None:
        if self.use_password.isChecked():
            if not self.password.text():
                say(self.message, "Type a password, or untick the password box.")
                self.password.setFocus()
                return
            if self.password.text() != self.again.text():
                say(self.message, "The two passwords are not the same. Type them again.")
                self.again.selectAll()
                self.again.setFocus()
                return
        self.accept()

    def done(self, result: int) -> None:
        # Keep the password only as long as the caller needs it: it reads chosen_password in
        # its accepted handler, and a cancelled dialog forgets it at once.
        if result != QDialog.DialogCode.Accepted:
            self.password.clear()
            self.again.clear()
        super().done(result)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the whole new one:
    the product's one way of writing a file (hidden 0600 temp beside it, fsynced, renamed)."""
    write_bytes(path, data)
