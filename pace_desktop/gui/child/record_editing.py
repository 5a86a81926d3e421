"""The record screen's add and edit dialogs: one open at a time, each saving in one store
operation; the record reads itself again when the store says the change touched it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog

from pace_desktop.domain import Event, LegalEpisode, LivingEpisode, Person
from pace_desktop.gui.child.dialogs import (
    AmendDialog,
    ChildDialog,
    EventDialog,
    LegalDialog,
    LivingDialog,
    PersonDialog,
)
from pace_desktop.gui.child.list_tab import ListTab
from pace_desktop.gui.child.move_dialog import MoveDialog
from pace_desktop.gui.child.quick_dialogs import CONTINUABLE, ContinueOrderDialog, VisitDialog
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.settings import Settings
from pace_desktop.store import OpChanges
from pace_desktop.views.record_summary import ChildView


class RecordEditing:
    """Opening the dialogs that add to and change the child's record."""

    ref: str | None
    view: ChildView | None
    dialog: QDialog | None
    settings: Settings
    _runner: StoreRunner
    legal: ListTab
    changed: SignalInstance
    user_name: str

    reload: Callable[[], None]

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)  # type: ignore[attr-defined]
        dialog.finished.connect(lambda _: self._dialog_gone(dialog))
        dialog.open()

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, _changes: object) -> None:
        # The record itself is read again when the store worker says the change touched it
        # (`_store_changed`), whichever window made the change.
        if self.ref is not None:
            self.changed.emit(self.ref)

    def _store_changed(self, changes: OpChanges) -> None:
        if self.ref is not None and changes.touches(self.ref):
            self.reload()

    def edit_details(self) -> None:
        if self.view is not None:
            self._open(ChildDialog(self._runner, self.view.child, self))

    def _person(self, person: Person | None) -> None:
        if self.ref:
            self._open(PersonDialog(self._runner, self.ref, person, self))

    def _living(self, episode: LivingEpisode | None) -> None:
        if self.ref and self.view:
            self._open(LivingDialog(self._runner, self.ref, episode, self.view.child.living,
                                    self, people=self.view.child.people))

    def _add_move(self) -> None:
        if self.ref and self.view:
            self._open(MoveDialog(self._runner, self.ref, self.view.child.living, self,
                                  people=self.view.child.people))

    def _legal(self, episode: LegalEpisode | None) -> None:
        if self.ref:
            self._open(LegalDialog(self._runner, self.ref, episode, self))

    def _add_event(self) -> None:
        if self.ref:
            self._open(EventDialog(self._runner, self.ref, self.user_name, self))

    def _add_visit(self) -> None:
        if self.ref:
            self._open(VisitDialog(self._runner, self.ref, self.settings.audit_name, self))

    def _continue_order(self) -> None:
        """The chosen order, else the one order still running that a hearing can continue."""
        if not self.ref or self.view is None:
            return
        chosen = self.legal.current()
        running = [e for e in self.view.child.legal if e.end is None and e.status in CONTINUABLE]
        episode = chosen if chosen is not None and chosen.status in CONTINUABLE else (
            running[-1] if len(running) == 1 else None)
        if episode is None:
            self.legal.say_empty("Choose the supervision order the hearing continued.")
            return
        self._open(ContinueOrderDialog(self._runner, self.ref, episode, self))

    def _amend_event(self, event: Event) -> None:
        if self.ref:
            self._open(AmendDialog(self._runner, self.ref, event, self.user_name,
                                   self))

