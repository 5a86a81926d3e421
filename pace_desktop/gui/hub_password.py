"""The hub's password, asked for when the hub wants one and libpq found none (no line in the
worker's PGPASSFILE, ~/.pgpass): a password field for this sync (or this check against the
hub's witness, gui/store_check.py) only.

What is typed goes to the one connection of that sync and nowhere else: not to Settings, not
to any file or log, not to the status line; the field is emptied as soon as it is read, and
the next sync asks again (a worker who wants not to be asked keeps the password in
~/.pgpass, as every libpq program does). Escape, Cancel or the close box: no sync, said so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PasswordPrompt(QDialog):
    """`answered(password)` once: the password typed, or "" if the person cancelled."""

    answered = Signal(str)

    def __init__(self, parent: QWidget, why: str, verb: str = "sync") -> None:
        super().__init__(parent)
        self.setObjectName("hubPasswordDialog")
        self.setWindowTitle("Password for the team hub")
        layout = QVBoxLayout(self)
        text = QLabel(why + f"\n\nType it here for this {verb} only: PACE Desktop does not keep"
                      f" it. (To {verb} without being asked, keep it in your ~/.pgpass.)")
        text.setWordWrap(True)
        layout.addWidget(text)
        caption = QLabel("&Password")
        self.field = QLineEdit()
        self.field.setObjectName("hubPasswordField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        caption.setBuddy(self.field)
        layout.addWidget(caption)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sync_button = buttons.addButton(f"&{verb.capitalize()}",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter syncs (Qt would otherwise make Cancel, the first button, the default).
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.sync_button.setAutoDefault(True)
        self.sync_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.finished.connect(self._finished)

    def _finished(self, result: int) -> None:
        # `finished` gives a plain int; PySide6's DialogCode is not equal to it.
        password = self.field.text() if result == QDialog.DialogCode.Accepted.value else ""
        self.field.clear()
        self.deleteLater()
        self.answered.emit(password)
