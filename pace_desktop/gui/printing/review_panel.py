"""What the worker reviews before a copy leaves the service, beside its preview:

* Identifiers: every name, phone number, address part, school, service and road found in
  the copy's free text, ticked when it will be left out (the proposal, until the worker
  decides). Each is highlighted in the preview: yellow where it still shows, green with an
  outline where it has been left out. Those withheld by a non-disclosure request are ticked
  and cannot be unticked.
* Checks: where the chronology and the record disagree; Print and Save wait until each is
  put right in the record or accepted as it stands.
* From the record (chronologies): the entries drawn from the legal status, the homes and
  the decision records, ticked when included; unticking one leaves it out, kept as a choice
  on the chronology.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.chronology import Finding
from pace_desktop.gui.looks import set_tone
from pace_desktop.gui.printing.raster import Mark
from pace_desktop.print_jobs import Made

SHOWS = (255, 236, 110)  # highlighter yellow: will print as it is
LEFT_OUT = (150, 225, 160)  # green: what prints in its place
_KEY = Qt.ItemDataRole.UserRole


class ReviewPanel(QTabWidget):
    decisions_changed = Signal()
    accept_checks = Signal(list)  # the keys of the checks shown
    entry_toggled = Signal(str, bool)  # key of an entry drawn from the record, left out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Before it prints")
        self._findings: dict[str, Finding] = {}
        self._filling = False

        self.identifiers = QListWidget()
        self.identifiers.setAccessibleName("Identifiers: ticked ones are left out")
        self.identifiers.setWordWrap(True)
        self.identifiers.itemChanged.connect(self._identifier_changed)
        self._id_tab = self._tab(
            "Names, phone numbers, addresses, schools and roads found in this copy, highlighted"
            " in the preview. Ticked: left out. Untick one to keep it.", self.identifiers)

        self.checks = QListWidget()
        self.checks.setAccessibleName("Checks before printing")
        self.checks.setWordWrap(True)
        self.accept_button = QPushButton("Accept these as they stand")
        self.accept_button.setAccessibleName("Accept the checks as they stand")
        self.accept_button.clicked.connect(
            lambda: self.accept_checks.emit(list(self._check_keys)))
        self._check_keys: list[str] = []
        self._checks_tab = self._tab(
            "Where the chronology and the record disagree. Put each right in the record, or"
            " accept it as it stands; printing waits until then.", self.checks,
            self.accept_button)

        self.drawn = QListWidget()
        self.drawn.setAccessibleName("Entries drawn from the record: ticked ones are included")
        self.drawn.setWordWrap(True)
        self.drawn.itemChanged.connect(self._drawn_changed)
        self._drawn_tab = self._tab(
            "Each change of legal status, move and decision in the record is an entry of its"
            " own. Untick one to leave it out of this child's chronology; the record is not"
            " changed.", self.drawn)
        self.clear()

    def _tab(self, intro: str, *widgets: QWidget) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 4, 4)
        hint = QLabel(intro)
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        column.addWidget(hint)
        for w in widgets:
            column.addWidget(w, 1 if isinstance(w, QListWidget) else 0)
        self.addTab(page, "")
        return page

    # -- what the dialog hands in ------------------------------------------------------------

    def clear(self) -> None:
        self._filling = True
        self._findings = {}
        self._check_keys = []
        for widget in (self.identifiers, self.checks, self.drawn):
            widget.clear()
        self._filling = False
        self._titles()

    def show_made(self, made: Made, chronology: bool) -> None:
        self._filling = True
        self._findings = {f.key: f for f in made.findings}
        self.identifiers.clear()
        for f in made.findings:
            how = " (withheld by a non-disclosure request)" if f.forced else ""
            item = QListWidgetItem(f"{f.text}: {f.kind_words.lower()}, {f.count}×{how}")
            item.setData(_KEY, f.key)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if f.forced:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if f.leave_out else Qt.CheckState.Unchecked)
            self.identifiers.addItem(item)
        self.checks.clear()
        self._check_keys = [c.key for c in made.checks]
        for c in made.checks:
            self.checks.addItem(f"{c.where}\n{c.says}")
        self.accept_button.setEnabled(bool(made.checks))
        self.drawn.clear()
        for d in made.drawn:
            item = QListWidgetItem(d.words)
            item.setData(_KEY, d.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if d.left_out else Qt.CheckState.Checked)
            self.drawn.addItem(item)
        self.setTabVisible(self.indexOf(self._drawn_tab), chronology)
        self._filling = False
        self._titles()
        if made.checks:
            self.setCurrentWidget(self._checks_tab)

    def _titles(self) -> None:
        self.setTabText(self.indexOf(self._id_tab), f"Identifiers ({self.identifiers.count()})")
        self.setTabText(self.indexOf(self._checks_tab), f"Checks ({self.checks.count()})")
        self.setTabText(self.indexOf(self._drawn_tab), f"From the record ({self.drawn.count()})")

    # -- what the worker decides -------------------------------------------------------------

    def decisions(self) -> dict[str, bool]:
        """Leave out (True) or keep, for every identifier not forced by a request."""
        out: dict[str, bool] = {}
        for i in range(self.identifiers.count()):
            item = self.identifiers.item(i)
            key = str(item.data(_KEY))
            if not self._findings[key].forced:
                out[key] = item.checkState() == Qt.CheckState.Checked
        return out

    def marks(self) -> tuple[Mark, ...]:
        """What to highlight in the preview: each identifier as it shows, or what shows in
        its place."""
        marks: dict[str, Mark] = {}
        for f in self._findings.values():
            if f.leave_out:
                marks.setdefault(f.replacement, Mark(f.replacement, LEFT_OUT, outline=True))
            else:
                for form in f.seen_as:
                    marks.setdefault(form.casefold(), Mark(form, SHOWS))
        return tuple(marks.values())

    @property
    def open_checks(self) -> int:
        return len(self._check_keys)

    def _identifier_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.decisions_changed.emit()

    def _drawn_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.entry_toggled.emit(str(item.data(_KEY)),
                                    item.checkState() != Qt.CheckState.Checked)
