"""Record a move: where the child lives now ends on the day of the move and the new home
starts that day, in one store operation (`add_move`), so a move is never typed as two edits
and the record never shows two homes at once or a gap between them.

The checks are the core's (`views.episode_checks.check_move`, asking the same rule the store
enforces), so what the dialog says and what the store refuses are one answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from pace_desktop.domain import LivingEpisode, Person
from pace_desktop.domain.entry_checks import carer_message
from pace_desktop.domain.episode_rules import ended_by_move
from pace_desktop.domain.vocab import LIVING_TYPES
from pace_desktop.gui.child.record_dialog import RecordDialog, text_of
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from pace_desktop.views.episode_checks import Problems, check_move, read_day
from pace_desktop.views.words import plain_date


def _now_words(living: Sequence[LivingEpisode]) -> str:
    """What the move ends, in words, for the dialog's introduction."""
    going_on = [e for e in living if e.end is None]
    if not going_on:
        return ("The new home starts on the day of the move. Any home that was still going "
                "on that day ends then.")
    now = max(going_on, key=lambda e: e.start)
    where = LIVING_TYPES.get(now.type, now.type).lower()
    return (f"The child lives {where} now, since {plain_date(now.start)}. That time ends on "
            "the day of the move, and the new home starts the same day.")


class MoveDialog(RecordDialog):
    def __init__(self, runner: StoreRunner, ref: str, living: Sequence[LivingEpisode],
                 parent: QWidget | None = None, people: Sequence[Person] = ()) -> None:
        super().__init__(runner, "Record a move", _now_words(living), parent)
        self._ref = ref
        self._living = tuple(living)
        self._people = tuple(people)
        self.date = self.text_field("date", "&Date of the move", "", "e.g. 3 Mar 2024",
                                    needed=True)
        self.type = self.choice_field("type", "&Where the child moved to", LIVING_TYPES, None,
                                      "Choose…", needed=True)
        # Carers are people in the child's record, chosen, never typed (as in LivingDialog).
        self.carer = self.choice_field("carer", "Ca&rers", {p.id: p.name for p in self._people},
                                       None, "Not recorded")
        self.address = self.long_field("address", "&Address")
        self.confidential = self.flag_field("confidential", "Keep the address c&onfidential",
                                            True)
        self.reason = self.long_field("reason", "Why the child &moved")

    def ending(self) -> list[LivingEpisode]:
        """The homes this move would end, as the store will end them."""
        problems: Problems = {}
        on = read_day(self.date.text(), "date", problems)
        return ended_by_move(self._living, on) if on is not None else []

    def check(self) -> Problems:
        problems: Problems = {}
        on = read_day(self.date.text(), "date", problems)
        check_move(text_of(self.type), on, self._living, problems)
        carer = carer_message(text_of(self.carer), self._people)
        if carer:
            problems["carer"] = carer
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        on = read_day(self.date.text(), "date", problems)
        assert on is not None
        episode = LivingEpisode(
            type=text_of(self.type), start=on, carer=text_of(self.carer) or None,
            address=text_of(self.address) or None,
            address_confidential=self.confidential.isChecked(),
            reason_for_move=text_of(self.reason) or None)
        ref = self._ref
        return lambda store: store.add_move(ref, episode)
