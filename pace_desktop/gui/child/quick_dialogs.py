"""Short steps for what the clocks read (CLOCKS.md) and a worker records often: a statutory
visit (a date and a line), and a hearing that continued or varied an order ("continued on …",
one operation that ends the episode and starts the next, so the order is never typed twice).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from pace_desktop.domain import Event, LegalEpisode
from pace_desktop.domain.vocab import LEGAL_STATUSES, VISIT
from pace_desktop.gui.child.record_dialog import RecordDialog, text_of
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from pace_desktop.views.episode_checks import Problems, check_required, read_day
from pace_desktop.views.words import plain_date

# Orders a hearing continues or varies: the supervision orders and interim ones.
CONTINUABLE = ("icso", "cso_home", "cso_away")


class VisitDialog(RecordDialog):
    """A statutory visit: kept as a chronology entry of kind `visit`, not significant unless
    the worker says so, so the chronology for a hearing is not filled with routine visits."""

    def __init__(self, runner: StoreRunner, ref: str, author: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Record a visit",
                         "A statutory visit to the child (regulation 46). Once saved it is "
                         "final, like every chronology entry.", parent)
        self._ref = ref
        self._author = author
        self.date = self.text_field("date", "&Date of the visit", plain_date(date.today()),
                                    "e.g. 3 Mar 2024", needed=True)
        self.title = self.text_field("title", "&What happened", "Statutory visit",
                                     "e.g. Freya seen alone at her carer's home", needed=True)
        self.significant = self.flag_field("significant", "Also a &significant event", False)

    def check(self) -> Problems:
        problems: Problems = {}
        day = read_day(self.date.text(), "date", problems,
                       required="Type the date of the visit.")
        if day is not None and day > date.today():
            problems["date"] = "A visit is recorded once it has happened."
        check_required(self.title.text(), "title", "Say in a line what happened.", problems)
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        day = read_day(self.date.text(), "date", problems)
        assert day is not None
        event = Event(date=day, title=text_of(self.title), kind=VISIT, source=self._author,
                      significant=self.significant.isChecked())
        ref = self._ref
        return lambda store: store.add_event(ref, event)


class ContinueOrderDialog(RecordDialog):
    def __init__(self, runner: StoreRunner, ref: str, episode: LegalEpisode,
                 parent: QWidget | None = None) -> None:
        label = LEGAL_STATUSES.get(episode.status, episode.status)
        super().__init__(runner, "An order continued or varied",
                         f"{label}, from {plain_date(episode.start)}. The hearing's date ends "
                         "this episode and starts the next one, so the order's clocks start "
                         "again from the hearing.", parent)
        self._ref = ref
        self._episode = episode
        self.date = self.text_field("date", "&Continued on", plain_date(date.today()),
                                    "The date of the hearing, e.g. 14 May 2026", needed=True)
        choices = {code: LEGAL_STATUSES[code] for code in CONTINUABLE}
        self.status = self.choice_field("status", "&Order from then on", choices,
                                        episode.status if episode.status in choices else None,
                                        "Choose…", needed=True)
        self.reference = self.text_field("reference", "&Hearing reference",
                                         episode.reference or "")

    def check(self) -> Problems:
        problems: Problems = {}
        day = read_day(self.date.text(), "date", problems,
                       required="Type the date the hearing continued the order.")
        if day is not None and day < self._episode.start:
            problems["date"] = (f"The order began on {plain_date(self._episode.start)}; it can"
                                " only be continued on or after that day.")
        if day is not None and day > date.today():
            problems["date"] = "Record the hearing once it has happened."
        if not text_of(self.status):
            problems["status"] = "Choose the order as it stands after the hearing."
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        day = read_day(self.date.text(), "date", problems)
        assert day is not None
        ref, uid, status = self._ref, self._episode.id, text_of(self.status)
        reference = text_of(self.reference) or None
        return lambda store: store.continue_order(ref, uid, day, status, reference)
