"""The print dialog's part in hearing papers (DOMAIN.md, hearing papers), kept apart from the
dialog's preview and printing machinery:

* who the copy is for: the child's own recipients (the Reporter, the panel, the child, each
  relevant person by name, a safeguarder, a curator, each carer by name, the court,
  internal), read from the record; no default, so nothing is made until someone is chosen;
* the review beside the preview (review_panel.py) and what the worker does in it: decide on
  identifiers (the copy is made again), accept checks and leave entries drawn from the
  record out (each one store operation, then the copy is made again);
* the chronology's own page (chronology_page_dialog.py);
* keeping each print that leaves (printed or saved) as a record with its decisions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton

from pace_desktop.chronology import parse_recipient, recipient_choices
from pace_desktop.gui.looks import say
from pace_desktop.gui.printing.chronology_page_dialog import ChronologyPageDialog
from pace_desktop.gui.printing.review_panel import ReviewPanel
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.print_jobs import Made, PrintRequest, explain, print_record

CHOOSE = "Choose who this copy is for…"
WITHHOLDING: dict[str, str] = {
    "reporter": "Nothing is left out: the Reporter's papers are complete and end with the"
                " schedule of non-disclosure requests.",
    "panel": "Left out: entries withheld from the panel, confidential addresses, and the"
             " identifiers ticked below.",
    "child": "Left out: entries withheld from the child, confidential addresses, and the"
             " identifiers ticked below.",
    "person": "Left out: everything a non-disclosure request withholds from this person,"
              " confidential addresses, and the identifiers ticked below.",
    "safeguarder": "Left out: confidential addresses and the identifiers ticked below.",
    "curator": "Left out: confidential addresses and the identifiers ticked below.",
    "carer": "Left out: everything withheld from this carer, other people's confidential"
             " addresses, and the identifiers ticked below.",
    "court": "Treated as going to each relevant person: left out is everything withheld from"
             " any of them, confidential addresses, and the identifiers ticked below.",
    "court:full": "Nothing is left out, as the court directed: for the court only, not the"
                  " parties; it ends with the schedule of non-disclosure requests.",
    "internal": "Nothing is left out. This copy is for use within the service only.",
}


class ReviewSteps:
    """Mixed into PrintDialog, which provides the attributes named here."""

    runner: StoreRunner
    document: str
    child_ref: str | None
    recipient_combo: QComboBox
    withholding_label: QLabel
    message: QLabel
    review: ReviewPanel
    clocks_check: QCheckBox
    page_button: QPushButton
    _latest: Made | None
    _made_for: PrintRequest | None
    _closing: bool

    def _choices_changed(self) -> None:
        raise NotImplementedError

    # -- who it is for --------------------------------------------------------------------------

    def load_recipients(self) -> None:
        if self.document == "clocks_report" or not self.child_ref:
            self.recipient_combo.addItem("Internal (nothing withheld)", "internal")
            return
        self.recipient_combo.addItem(CHOOSE, None)
        ref = self.child_ref
        self.runner.call(lambda store: recipient_choices(store.child(ref)),
                         self._recipients_loaded, lambda exc: say(self.message, explain(exc)))

    def _recipients_loaded(self, choices: list[tuple[str, str]]) -> None:
        if self._closing:
            return
        for code, label in choices:
            self.recipient_combo.addItem(label, code)

    def recipient(self) -> str | None:
        code = self.recipient_combo.currentData()
        return str(code) if code else None

    def withholding_words(self) -> str:
        code = self.recipient()
        if code is None:
            return "What is left out depends on who the copy is for, so choose first."
        return WITHHOLDING.get(code, WITHHOLDING.get(parse_recipient(code).kind, ""))

    # -- the review -----------------------------------------------------------------------------

    def connect_review(self) -> None:
        self.review.decisions_changed.connect(self._choices_changed)
        self.review.accept_checks.connect(self.accept_checks)
        self.review.entry_toggled.connect(self.leave_out_entry)
        self.page_button.clicked.connect(self.edit_page)
        self.clocks_check.toggled.connect(lambda _: self._choices_changed())

    def accept_checks(self, keys: list[str]) -> None:
        ref = self.child_ref
        if ref and keys:
            self.runner.call(lambda store: store.accept_checks(ref, keys),
                             lambda _: self._choices_changed(), self._store_failed)

    def leave_out_entry(self, key: str, left_out: bool) -> None:
        ref = self.child_ref
        if ref:
            self.runner.call(lambda store: store.leave_out_entry(ref, key, left_out),
                             lambda _: self._choices_changed(), self._store_failed)

    def edit_page(self) -> None:
        ref = self.child_ref
        if ref:
            self.runner.call(lambda store: store.chronology_page(ref), self._page_read,
                             self._store_failed)

    def _page_read(self, page: Any) -> None:
        if self._closing or not self.child_ref:
            return
        dialog = ChronologyPageDialog(self.runner, self.child_ref, page,
                                      self)  # type: ignore[arg-type]
        self.page_dialog = dialog
        dialog.saved.connect(lambda _: self._choices_changed())
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()

    def _store_failed(self, exc: Exception) -> None:
        say(self.message, explain(exc))

    # -- keeping what was decided with each print that leaves -----------------------------------

    def keep_print(self, how: str) -> None:
        made, request = self._latest, self._made_for
        if made is None or request is None or not request.child_ref or \
                request.document == "clocks_report":
            return
        ref = request.child_ref
        self.runner.call(lambda store: store.record_print(
            ref, print_record(request, made, how, store.user)), None, self._store_failed)
