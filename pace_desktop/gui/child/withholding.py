"""Non-disclosure requests in the child record (DOMAIN.md, hearing papers): asked for from
any entry, person, home (or only its address) or meeting with "Ask to withhold…", listed in
the Withheld tab as the Reporter's schedule lists them, and decided there.

The rules (an item in the record, at least one person, a reason) are the store's: the
dialog says them next to the fields first, and the store refuses anything that breaks them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from pace_desktop.chronology import describe_item, schedule_rows
from pace_desktop.chronology.schedule import ScheduleRow
from pace_desktop.domain import Child, Nondisclosure
from pace_desktop.domain.nondisclosure import ADDRESS_PREFIX, DECISIONS
from pace_desktop.gui.child.list_tab import Column, ListTab
from pace_desktop.gui.child.record_dialog import RecordDialog, text_of
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from pace_desktop.views.episode_checks import Problems, read_day
from pace_desktop.views.words import plain_date

WITHHELD = "Withheld"
COLUMNS = (
    Column("What is to be withheld", lambda r: r.what, "The address of Morag Mitchell"),
    Column("From whom", lambda r: r.from_whom, "Gary Innes (Dad)"),
    Column("Asked", lambda r: r.asked, "30 September 2024"),
    Column("Decision", lambda r: r.decision, "Waiting for the hearing's decision"),
    Column("Why", lambda r: r.why),
)


def rows(child: Child) -> list[ScheduleRow]:
    """Requests kept as records; an entry withheld by role (older records) shows too."""
    return schedule_rows(child)


def items_for(child: Child, kind: str, record: Any) -> list[tuple[str, str]]:
    """What a request may name for one record: the record, and for a person or a home with an
    address, that address alone."""
    out = [(record.id, describe_item(child, record.id))]
    if kind in ("person", "home") and getattr(record, "address", None):
        out.append((ADDRESS_PREFIX + record.id,
                    describe_item(child, ADDRESS_PREFIX + record.id) + " (the address only)"))
    return out


class NondisclosureDialog(RecordDialog):
    """Ask for an item to be withheld from named people: what, from whom, why, when asked."""

    def __init__(self, runner: StoreRunner, child: Child, items: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Ask to withhold from named people",
                         "The Reporter decides on a non-disclosure request; until the hearing"
                         " decides, every copy for the people named here leaves the item out."
                         " The Reporter's papers keep it, with this request.", parent)
        self._ref = child.ref
        self.item = self.choice_field("item", "&What is to be withheld", dict(items),
                                      items[0][0], "Choose…", needed=True)
        self.people = QListWidget()
        self.people.setAccessibleName("From whom")
        owner = items[0][0]
        for p in child.people:
            if p.id == owner:
                continue
            entry = QListWidgetItem(f"{p.name}" + (f" ({p.relationship})"
                                                   if p.relationship else ""))
            entry.setData(Qt.ItemDataRole.UserRole, p.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(entry)
        self.people.setFixedHeight(self.people.fontMetrics().lineSpacing() * 6 + 12)
        self.people.itemChanged.connect(lambda _: self._field_edited("people"))
        self.field("people", "&From whom", self.people, needed=True)
        self.reason = self.long_field("reason", "Wh&y disclosure would harm the child",
                                      needed=True)
        self.requested = self.text_field("requested", "As&ked on", plain_date(date.today()),
                                         "e.g. 3 Mar 2024", needed=True)

    def chosen_people(self) -> tuple[str, ...]:
        return tuple(str(self.people.item(i).data(Qt.ItemDataRole.UserRole))
                     for i in range(self.people.count())
                     if self.people.item(i).checkState() == Qt.CheckState.Checked)

    def check(self) -> Problems:
        problems: Problems = {}
        if not text_of(self.item):
            problems["item"] = "Choose what is to be withheld."
        if not self.chosen_people():
            problems["people"] = "Tick at least one person to withhold it from."
        if not text_of(self.reason):
            problems["reason"] = "Say why disclosure would harm the child."
        read_day(self.requested.text(), "requested", problems)
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        request = Nondisclosure(text_of(self.item), self.chosen_people(), text_of(self.reason),
                                read_day(self.requested.text(), "requested", problems))
        ref = self._ref
        return lambda store: store.save_nondisclosure(ref, request)


class DecisionDialog(RecordDialog):
    """The hearing's decision on one request."""

    def __init__(self, runner: StoreRunner, ref: str, row: ScheduleRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Record the hearing's decision",
                         f"{row.what}. Withhold from: {row.from_whom}.", parent)
        self._ref, self._id = ref, row.id
        self.decision = self.choice_field("decision", "&Decision", DECISIONS, None, "Choose…",
                                          needed=True)
        self.on = self.text_field("on", "Decided o&n", plain_date(date.today()),
                                  "e.g. 3 Mar 2024", needed=True)

    def check(self) -> Problems:
        problems: Problems = {}
        if not text_of(self.decision):
            problems["decision"] = "Choose granted, refused, or waiting."
        read_day(self.on.text(), "on", problems)
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        ref, uid, decision = self._ref, self._id, text_of(self.decision)
        on = read_day(self.on.text(), "on", problems) or date.today()
        return lambda store: store.decide_nondisclosure(ref, uid, decision, on)


class WithholdingActions:
    """The record screen's part in non-disclosure: the Withheld tab, "Ask to withhold…" on
    the people, homes, entries and meetings, and deciding a request."""

    ref: str | None
    view: Any
    _runner: StoreRunner
    people: ListTab
    living: ListTab
    chronology: ListTab
    meetings: ListTab
    withheld: ListTab

    def _open(self, dialog: Any) -> None:
        raise NotImplementedError

    def withholding_tab(self) -> ListTab:
        tab = ListTab(
            WITHHELD, "Requests to withhold something from named people, for the Reporter and"
            " the hearing to decide. Ask for one with “Ask to withhold…” on a person, a home,"
            " an entry or a meeting.", COLUMNS, None, "Record the decisi&on…")
        for where, kind in ((self.people, "person"), (self.living, "home"),
                            (self.chronology, "entry"), (self.meetings, "meeting")):
            # `clicked` passes whether the button is checked: `_` takes it.
            where.extra_button("Ask to &withhold…", lambda _=False, where=where, kind=kind:
                               self.ask_to_withhold(where, kind))
        tab.edit_requested.connect(self.decide)
        return tab

    def ask_to_withhold(self, tab: ListTab, kind: str) -> None:
        """A non-disclosure request for the row chosen in `tab`."""
        if not self.ref or self.view is None:
            return
        record = tab.current()
        if record is None:
            tab.say_empty("Choose a row in the list first, then ask to withhold it.")
            return
        child = self.view.child
        if not [p for p in child.people if p.id != getattr(record, "id", None)]:
            tab.say_empty("Add the people it is to be withheld from first.")
            return
        self._open(NondisclosureDialog(self._runner, child, items_for(child, kind, record),
                                       self))  # type: ignore[arg-type]

    def decide(self, row: ScheduleRow) -> None:
        if not self.ref:
            return
        if row.id.startswith("role:"):
            self.withheld.say_empty("This entry is marked in the record to be withheld; it is"
                                    " not a request, so there is no decision to record.")
            return
        self._open(DecisionDialog(self._runner, self.ref, row, self))  # type: ignore[arg-type]
