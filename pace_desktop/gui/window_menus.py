"""The main window's menus: what each action does (lock, find, new child, new meeting,
save, print, settings, the file actions)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pace_desktop.gui.child.record import LIVING
from pace_desktop.gui.ui_files import child
from pace_desktop.gui.window_parts import RECORD_PAGE, WindowParts
from pace_desktop.journey import Rule, calendar_of
from pace_desktop.settings import Settings
from pace_desktop.store import OpChanges


class WindowMenus(WindowParts):
    """The menu actions, connected once the window is built."""

    def _connect_menus(self) -> None:
        self.action("lockAction").triggered.connect(self.lock_requested)
        self.action("quitAction").triggered.connect(self.quit_requested)
        self.action("findAction").triggered.connect(self._focus_search)
        self.action("caseloadAction").triggered.connect(self.show_caseload)
        self.action("settingsAction").triggered.connect(self.open_settings)
        self.action("newChildAction").triggered.connect(self.add_child)
        self.action("newMeetingAction").triggered.connect(self._new_meeting)
        self.action("saveAction").triggered.connect(self._save)
        self.action("newStoreAction").triggered.connect(lambda: self.switch_store.emit("new"))
        self.action("openStoreAction").triggered.connect(lambda: self.switch_store.emit("open"))
        self.action("importAction").triggered.connect(self.files.choose_import)
        self.action("exportAction").triggered.connect(self.files.choose_export)
        self.action("backupAction").triggered.connect(self.files.choose_backup)
        self.action("passphraseAction").triggered.connect(self.files.change_passphrase)
        for action, document in (("printChronologyAction", "chronology"),
                                 ("printSummaryAction", "summary"),
                                 ("printRecordAction", "decision_record"),
                                 ("printClocksAction", "clocks_report")):
            self.action(action).triggered.connect(
                lambda _=False, d=document: self.print_document(d))

    def action(self, name: str) -> QAction:
        return child(self, QAction, name)

    def print_document(self, document: str) -> QWidget | None:
        """Open the print dialog for `document` ("chronology", "summary", "decision_record" or
        "clocks_report"): a preview rendered in memory, then the printer or, deliberately, a
        file. The child's documents are for the child on screen."""
        from pace_desktop.gui.printing import open_print_dialog

        ref = self.record.ref if self.screens.currentIndex() == RECORD_PAGE else None
        meeting_id = None
        if document != "clocks_report" and ref is None:
            self.statusBar().showMessage("Open a child's record first, then print from it.")
            return None
        if document == "decision_record":
            meeting = self.record.meetings.current()
            if meeting is None:
                self.record.show_tab("Meetings")
                self.statusBar().showMessage(
                    "Choose a meeting in the Meetings tab, then print its decision record.")
                return None
            meeting_id = meeting.id
        dialog = open_print_dialog(self, self._runner, document, ref, self.settings,
                                   meeting_id)
        self.print_dialogs.append(dialog)
        dialog.destroyed.connect(lambda: self.print_dialogs.remove(dialog)
                                 if dialog in self.print_dialogs else None)
        return dialog

    def open_settings(self) -> None:
        from pace_desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.settings_path, self,
                                calendar=calendar_of(self.rules))
        dialog.saved.connect(self.settings_changed)
        self.settings_dialog = dialog
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        # Over the window it belongs to, not at the screen's corner.
        frame = dialog.frameGeometry()
        frame.moveCenter(self.frameGeometry().center())
        dialog.move(frame.topLeft())

    def show_warnings(self, warnings: Sequence[str]) -> None:
        """Problems that stay true while they last (a broken rules or settings file): shown
        above the caseload until they are put right, not as a passing status message."""
        text = "\n".join(f"⚠ {w}" for w in warnings)
        self.warning_label.setText(text)
        self.warning_label.setVisible(bool(warnings))

    def apply_settings(self, settings: Settings, rules: Sequence[Rule]) -> None:
        """New settings in force: the due list and the record are judged again."""
        self.settings = settings
        self.rules = tuple(rules)
        self.record.apply_settings(settings, self.rules)
        self.hub.show_last()  # the hub in Settings may be another
        if self._loaded:
            self.load_facts()

    def add_child(self) -> None:
        """Record ▸ New child: once saved, the child's record opens to add the rest."""
        from pace_desktop.gui.child.dialogs import ChildDialog

        dialog = ChildDialog(self._runner, None, self)
        self.child_dialog = dialog

        def saved(changes: OpChanges) -> None:
            refs = sorted(changes.children)  # the caseload refreshes from `_store_changed`
            if refs:
                self.open_child(refs[0], LIVING)

        dialog.saved.connect(saved)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()

    def _new_meeting(self) -> None:
        if self.screens.currentIndex() == RECORD_PAGE and self.record.ref:
            self.record.record_meeting()
        else:
            self.statusBar().showMessage("Open a child's record first, then record a meeting.")

    def _save(self) -> None:
        if not self.record.save_current():
            self.statusBar().showMessage("Everything here is saved as you go; Ctrl+S saves "
                                         "a meeting record while one is open.")

    def _focus_search(self) -> None:
        self.show_caseload()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()
