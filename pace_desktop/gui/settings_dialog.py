"""The Settings dialog (layout in ui/settings.ui): lock time, due-soon window, protective
marking, the user's name for the audit log, an authority's clock rules file, and the team
hub's address (settings_hub.py).

A rules file is checked by loading it exactly as the app will (`journey.load_rules`); its
error is shown next to the field, so a broken file never silently turns the clocks off.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from pace_desktop.gui.looks import say, set_tone
from pace_desktop.gui.settings_clocks import ClocksSettings
from pace_desktop.gui.settings_hub import HubSettings
from pace_desktop.gui.ui_files import child, load_into
from pace_desktop.journey import SCOTLAND, RulesError, WorkingCalendar, load_rules
from pace_desktop.settings import Settings, SettingsError, save_settings, validate

RULES_FILTER = "Clock rules (*.toml);;All files (*)"


def sentence(text: str) -> str:
    """`text` ending in exactly one full stop (a path or a loader's words may end in one)."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def check_rules_file(text: str) -> str:
    """'' when the file loads (or none is named), else what is wrong, in the loader's words."""
    if not text.strip():
        return ""
    path = Path(text.strip()).expanduser()
    if not path.is_file():
        return sentence(f"There is no file at {path}")
    try:
        load_rules(path)
    except RulesError as exc:
        return sentence(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        return sentence(f"The file cannot be read ({exc})")
    return ""


def _unit(box: QSpinBox, unit: str, n: int) -> None:
    box.setSuffix(f" {unit}" if n == 1 else f" {unit}s")


class SettingsDialog(QDialog):
    """Emits `saved(Settings)` once the settings are written to `path`."""

    saved = Signal(Settings)

    def __init__(self, settings: Settings, path: Path | None = None,
                 parent: QWidget | None = None,
                 calendar: WorkingCalendar = SCOTLAND) -> None:
        super().__init__(parent)
        load_into(self, "settings.ui")
        self._path = path
        self._settings = settings
        self.idle_edit = child(self, QSpinBox, "idleEdit")
        self.due_soon_edit = child(self, QSpinBox, "dueSoonEdit")
        self.marking_edit = child(self, QLineEdit, "markingEdit")
        self.user_name_edit = child(self, QLineEdit, "userNameEdit")
        self.rules_edit = child(self, QLineEdit, "rulesEdit")
        self.messages = {name: child(self, QLabel, f"{name}Message")
                         for name in ("idle", "dueSoon", "marking", "userName", "rules",
                                      "settings")}
        for label in self.messages.values():
            set_tone(label, "error")
            say(label, "")
        set_tone(child(self, QLabel, "settingsIntro"), "hint")
        self.idle_edit.setValue(settings.idle_lock_minutes)
        self.due_soon_edit.setValue(settings.due_soon_days)
        self.marking_edit.setText(settings.protective_marking)
        self.user_name_edit.setText(settings.user_name)
        self.user_name_edit.setPlaceholderText(
            "Empty: the name given when the store was created")
        # The role has a row of its own: squeezed beside the name it showed neither in full
        # at a display scale of 1.5.
        self.user_role_edit = child(self, QLineEdit, "userRoleEdit")
        self.user_role_edit.setText(settings.user_role)
        self.rules_edit.setText(settings.rules_file)
        self.buttons = child(self, QDialogButtonBox, "settingsButtons")
        self.clocks = ClocksSettings(settings.record_visits, calendar, self)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(layout.indexOf(self.buttons), self.clocks)
        self.hub = HubSettings(settings.hub_url, self)
        self.hub_url_edit = self.hub.edit
        self.messages["hubUrl"] = self.hub.message
        layout.insertWidget(layout.indexOf(self.clocks), self.hub)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        child(self, QPushButton, "rulesChooseButton").clicked.connect(self.choose_rules)
        self.rules_edit.editingFinished.connect(self.check_rules)
        self.rules_edit.textEdited.connect(lambda _: say(self.messages["rules"], ""))
        self.marking_edit.textEdited.connect(lambda _: say(self.messages["marking"], ""))
        self.file_dialog: QFileDialog | None = None
        self._tab_in_reading_order()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.adjustSize()  # as tall as its fields, not the .ui file's design-time size
        # adjustSize leaves wrapped hints (the hub's, the working days') cut short: it does not
        # ask the layout how tall its text needs to be at this width.
        # On a short screen (a display scale of 1.5 on a laptop), wider rather than cut off.
        width, needed = self.width(), layout.heightForWidth(self.width())
        room = self.screen().availableGeometry() if self.screen() is not None else None
        widest = int(room.width() * 0.9) if room is not None else width
        while room is not None and needed > room.height() * 0.92 and width < widest:
            width = min(widest, width + 60)
            needed = layout.heightForWidth(width)
        self.resize(width, max(needed, self.height()))
        # "1 minute", "1 day": the unit agrees with the number shown.
        for box, unit in ((self.idle_edit, "minute"), (self.due_soon_edit, "day")):
            box.valueChanged.connect(lambda n, b=box, u=unit: _unit(b, u, n))
            _unit(box, unit, box.value())
        self.idle_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts in a field

    def _tab_in_reading_order(self) -> None:
        """Tab goes down the dialog as it reads: the hub and the clocks were added after the
        .ui file's fields, so by default they came after Save and Cancel."""
        chain = [child(self, QPushButton, "rulesChooseButton"), self.hub_url_edit,
                 self.clocks.visits, self.clocks.holidays, *self.buttons.buttons()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def values(self) -> Settings:
        return replace(self._settings, idle_lock_minutes=self.idle_edit.value(),
                       due_soon_days=self.due_soon_edit.value(),
                       protective_marking=self.marking_edit.text().strip(),
                       user_name=self.user_name_edit.text().strip(),
                       user_role=self.user_role_edit.text().strip(),
                       rules_file=self.rules_edit.text().strip(),
                       record_visits=self.clocks.visits.isChecked(),
                       hub_url=self.hub_url_edit.text().strip())

    def check_rules(self) -> bool:
        problem = check_rules_file(self.rules_edit.text())
        say(self.messages["rules"], problem)
        self.rules_edit.setAccessibleDescription(problem)
        return not problem

    def choose_rules(self) -> None:
        start = self.rules_edit.text() or str(Path.home())
        dialog = QFileDialog(self, "Choose a clock rules file", start, RULES_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._rules_chosen)
        self.file_dialog = dialog
        dialog.open()

    def _rules_chosen(self, chosen: str) -> None:
        self.rules_edit.setText(chosen)
        self.check_rules()
        self.rules_edit.setFocus()

    def save(self) -> None:
        for label in self.messages.values():
            say(label, "")
        ok = self.check_rules()
        settings = self.values()
        if not self.hub.check():
            if ok:
                self.hub_url_edit.setFocus()
            ok = False
        if not settings.protective_marking:
            say(self.messages["marking"], "Type the marking printed on every page, for example "
                "OFFICIAL-SENSITIVE.")
            self.marking_edit.setFocus()
            ok = False
        if not ok:
            if self.messages["rules"].text() and self.messages["marking"].isHidden():
                self.rules_edit.setFocus()
            return
        try:
            validate({"idle_lock_minutes": settings.idle_lock_minutes,
                      "due_soon_days": settings.due_soon_days,
                      "user_name": settings.user_name,
                      "protective_marking": settings.protective_marking}, "Settings")
            save_settings(settings, self._path)
        except (SettingsError, OSError) as exc:
            say(self.messages["settings"], sentence(f"The settings could not be saved: {exc}"))
            return
        self.saved.emit(settings)
        self.accept()
