"""The team hub part of Settings: the hub's address, checked as it is typed in (one line saying
what is wrong), and where the password comes from (PGPASSFILE: the app never keeps it)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pace_desktop.gui.looks import say, set_tone
from pace_desktop.hub.connect import check_url
from pace_desktop.hub.errors import HubError

EXAMPLE = "postgresql://login@hub.example.gov.uk/pace?sslmode=verify-full&sslrootcert=ca.crt"


def hub_url_problem(text: str) -> str:
    """'' for an address the sync can use (or none: no hub), else what is wrong, one line."""
    text = text.strip()
    if not text:
        return ""
    if not text.startswith(("postgresql://", "postgres://")):
        return f"The hub address starts with postgresql:// (for example {EXAMPLE})."
    try:
        check_url(text)
    except HubError as exc:
        return str(exc)
    return ""


class HubSettings(QGroupBox):
    def __init__(self, hub_url: str, parent: QWidget | None = None) -> None:
        super().__init__("Team hub", parent)
        layout = QVBoxLayout(self)
        caption = QLabel("Team hu&b address")
        self.edit = QLineEdit(hub_url)
        self.edit.setObjectName("hubUrlEdit")
        self.edit.setPlaceholderText("Empty: this laptop does not sync with a hub")
        caption.setBuddy(self.edit)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        hint = QLabel("From your team's administrator, for example " + EXAMPLE + ". The"
                      " password is never typed here and never kept by PACE Desktop: put it"
                      " in your PGPASSFILE (~/.pgpass).")
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        layout.addWidget(hint)
        self.message = QLabel()
        self.message.setObjectName("hubUrlMessage")
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        say(self.message, "")
        layout.addWidget(self.message)
        self.edit.editingFinished.connect(self.check)
        self.edit.textEdited.connect(lambda _: say(self.message, ""))

    def check(self) -> bool:
        problem = hub_url_problem(self.edit.text())
        say(self.message, problem)
        self.edit.setAccessibleDescription(problem)
        return not problem
