"""Add and edit dialogs for one child's people, homes, legal status and chronology.

Homes and legal episodes are replaced when edited (they are facts that get corrected);
chronology entries are final once recorded, so the only edit is a dated amendment by a named
person, kept with the original.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from pace_desktop.domain import Child, Event, LegalEpisode, LivingEpisode, Person
from pace_desktop.domain.chi import chi_message
from pace_desktop.domain.entry_checks import carer_message
from pace_desktop.domain.vocab import (
    IMPACT_SIGNS,
    LEGAL_STATUSES,
    LIVING_TYPES,
    MILESTONE_KINDS,
    PERSON_ROLES,
    ROUTED_MILESTONES,
    ROUTES,
)
from pace_desktop.gui.child.record_dialog import RecordDialog, text_of
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from pace_desktop.views.episode_checks import (
    Problems,
    check_legal,
    check_living,
    check_required,
    read_day,
)
from pace_desktop.views.words import plain_date

ROLE_LABELS = {
    "parent": "Parent", "relevant_person": "Relevant person", "carer": "Carer",
    "sibling": "Brother or sister", "professional": "Professional", "other": "Someone else",
}
assert set(ROLE_LABELS) == set(PERSON_ROLES)
IMPACT_LABELS = {"positive": "Good for the child", "negative": "Harmful to the child",
                 "neutral": "Neither"}
assert set(IMPACT_LABELS) == set(IMPACT_SIGNS)
EVENT_KINDS = {"note": "An entry (not a milestone)", **MILESTONE_KINDS,
               "visit": "A statutory visit"}


def day_text(day: date | None) -> str:
    return plain_date(day)


class PersonDialog(RecordDialog):
    def __init__(self, runner: StoreRunner, ref: str, person: Person | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Edit a person" if person else "Add a person",
                         "People in the child's life: family, carers and professionals.",
                         parent)
        self._ref = ref
        self._person = person
        self.name = self.text_field("name", "&Name", person.name if person else "", needed=True)
        self.role = self.choice_field("role", "&Who they are", ROLE_LABELS,
                                      person.role if person else None, "Choose…", needed=True)
        self.relationship = self.text_field("relationship", "&Relationship to the child",
                                            person.relationship if person else "",
                                            "e.g. mother, gran, allocated social worker")
        self.address = self.long_field("address", "&Address", person.address if person else "")
        self.confidential = self.flag_field("confidential", "Keep the address c&onfidential",
                                            person.address_confidential if person else True)
        self.phone = self.text_field("phone", "&Phone", person.phone if person else "")

    def check(self) -> Problems:
        problems: Problems = {}
        check_required(self.name.text(), "name", "Type the person's name.", problems)
        if not text_of(self.role):
            problems["role"] = "Choose who this person is to the child."
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        person = Person(
            id=self._person.id if self._person else "", role=text_of(self.role),
            name=text_of(self.name), relationship=text_of(self.relationship) or None,
            address=text_of(self.address) or None,
            address_confidential=self.confidential.isChecked(),
            phone=text_of(self.phone) or None)
        ref = self._ref
        return lambda store: store.save_person(ref, person)


class LivingDialog(RecordDialog):
    def __init__(self, runner: StoreRunner, ref: str, episode: LivingEpisode | None,
                 all_episodes: Sequence[LivingEpisode], parent: QWidget | None = None,
                 people: Sequence[Person] = ()) -> None:
        super().__init__(runner, "Change a time in one place" if episode
                         else "Add where the child lives",
                         "Leave the end date empty while the child still lives there. A move "
                         "day can be both the last day in one place and the first in the next.",
                         parent)
        self._ref = ref
        self._episode = episode
        self._others = [e for e in all_episodes if episode is None or e.id != episode.id]
        self.type = self.choice_field("type", "&Where", LIVING_TYPES,
                                      episode.type if episode else None, "Choose…", needed=True)
        self.start = self.text_field("start", "&From", day_text(episode.start if episode else None),
                                     "e.g. 3 Mar 2024", needed=True)
        self.end = self.text_field("end", "&Until", day_text(episode.end if episode else None),
                                   "Empty while the child still lives here")
        # The carers are people in the child's record (the interchange format names them by
        # their person id), so they are chosen, never typed as free text.
        self._people = tuple(people)
        carers = {p.id: p.name for p in self._people}
        old = episode.carer if episode else None
        if old and old not in carers:  # written before carers were chosen from People
            carers[old] = f"{old} (not in People)"
        self.carer = self.choice_field("carer", "Ca&rers", carers, old, "Not recorded")
        self.address = self.long_field("address", "&Address",
                                       episode.address if episode else "")
        self.confidential = self.flag_field(
            "confidential", "Keep the address c&onfidential",
            episode.address_confidential if episode else True)
        self.reason = self.long_field("reason", "Why the child &moved",
                                      episode.reason_for_move if episode else "")

    def check(self) -> Problems:
        problems: Problems = {}
        start = read_day(self.start.text(), "start", problems)
        end = read_day(self.end.text(), "end", problems)
        check_living(text_of(self.type), start, end, self._others, problems)
        carer = carer_message(text_of(self.carer), self._people)
        if carer:
            problems["carer"] = carer
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        start = read_day(self.start.text(), "start", problems)
        assert start is not None
        episode = LivingEpisode(
            type=text_of(self.type), start=start, end=read_day(self.end.text(), "end", problems),
            carer=text_of(self.carer) or None, address=text_of(self.address) or None,
            address_confidential=self.confidential.isChecked(),
            reason_for_move=text_of(self.reason) or None,
            id=self._episode.id if self._episode else "")
        ref = self._ref
        return lambda store: store.save_living(ref, episode)


class LegalDialog(RecordDialog):
    def __init__(self, runner: StoreRunner, ref: str, episode: LegalEpisode | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Change a legal status" if episode else "Add a legal status",
                         "Leave the end date empty while it still applies.", parent)
        self._ref = ref
        self._episode = episode
        self.status = self.choice_field("status", "&Legal status", LEGAL_STATUSES,
                                        episode.status if episode else None, "Choose…",
                                        needed=True)
        self.start = self.text_field("start", "&From", day_text(episode.start if episode else None),
                                     "e.g. 3 Mar 2024", needed=True)
        self.end = self.text_field("end", "&Until", day_text(episode.end if episode else None),
                                   "Empty while it still applies")
        self.reference = self.text_field("reference", "&Court or hearing reference",
                                         episode.reference if episode else "")

    def check(self) -> Problems:
        problems: Problems = {}
        start = read_day(self.start.text(), "start", problems)
        end = read_day(self.end.text(), "end", problems)
        check_legal(text_of(self.status), start, end, problems)
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        start = read_day(self.start.text(), "start", problems)
        assert start is not None
        episode = LegalEpisode(status=text_of(self.status), start=start,
                               end=read_day(self.end.text(), "end", problems),
                               reference=text_of(self.reference) or None,
                               id=self._episode.id if self._episode else "")
        ref = self._ref
        return lambda store: store.save_legal(ref, episode)


class EventDialog(RecordDialog):
    """A new chronology entry. Once saved it is final: corrections are amendments."""

    def __init__(self, runner: StoreRunner, ref: str, author: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Add to the chronology",
                         "Write plainly and factually: the child and their family may read "
                         "this. Once saved, an entry is final; corrections are added as "
                         "amendments.", parent)
        self._ref = ref
        self.date = self.text_field("date", "&Date", day_text(date.today()), "e.g. 3 Mar 2024",
                                    needed=True)
        self.title = self.text_field("title", "&What happened", "", needed=True)
        self.kind = self.choice_field("kind", "&Milestone", EVENT_KINDS, "note",
                                      "An entry (not a milestone)")
        self.kind.removeItem(0)  # "note" is the blank choice here, listed once
        self.route = self.choice_field("route", "&Route chosen", ROUTES, None, "Not applicable")
        self.source = self.text_field("source", "&Source", author,
                                      "Who told us: person, service or agency")
        self.impact = self.long_field("impact", "&Impact on the child", "")
        self.impact_sign = self.choice_field("impact_sign", "Was it &good or harmful",
                                             IMPACT_LABELS, None, "Not said")
        self.action = self.long_field("action", "&Action taken or outcome", "")
        self.significant = self.flag_field("significant", "Significant &event", True)

    def check(self) -> Problems:
        problems: Problems = {}
        read_day(self.date.text(), "date", problems,
                 required="Type the date it happened (approximate is fine).")
        check_required(self.title.text(), "title", "Say briefly what happened.", problems)
        kind, route = text_of(self.kind), text_of(self.route)
        if kind == "permanence_recommendation" and not route:
            problems["route"] = "Choose the route that was recommended."
        elif route and kind not in ROUTED_MILESTONES:
            problems["route"] = "Only a recommendation, a petition or an order has a route."
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        day = read_day(self.date.text(), "date", problems)
        assert day is not None
        event = Event(date=day, title=text_of(self.title), kind=text_of(self.kind) or "note",
                      route=text_of(self.route) or None, source=text_of(self.source) or None,
                      impact=text_of(self.impact) or None,
                      impact_sign=text_of(self.impact_sign) or None,
                      action=text_of(self.action) or None,
                      significant=self.significant.isChecked())
        ref = self._ref
        return lambda store: store.add_event(ref, event)


class AmendDialog(RecordDialog):
    """A dated correction to a chronology entry, by a named person; the original stays."""

    def __init__(self, runner: StoreRunner, ref: str, event: Event, author: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Amend a chronology entry",
                         f"The entry of {plain_date(event.date)}, “{event.title}”, stays as it "
                         "was written. Your amendment is shown with it, dated and with your "
                         "name.", parent)
        self._ref = ref
        self._event = event
        self.author = self.text_field("author", "&Your name", author, needed=True)
        self.text = self.long_field("text", "&Amendment", "", needed=True)

    def check(self) -> Problems:
        problems: Problems = {}
        check_required(self.author.text(), "author",
                       "Type your name: an amendment is always signed.", problems)
        check_required(self.text.toPlainText(), "text", "Write what is corrected or added.",
                       problems)
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        ref, uid = self._ref, self._event.id
        author, text = text_of(self.author), text_of(self.text)
        return lambda store: store.amend_event(ref, uid, author, text)






class ChildDialog(RecordDialog):
    """A new child, or a child's own details (name, date of birth, CHI, workers)."""

    def __init__(self, runner: StoreRunner, child: Child | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "Change the child's details" if child else "Add a child",
                         "The reference cannot change once the child is recorded." if child
                         else "Where the child lives, their legal status and their "
                         "chronology are added in their record once they are saved.", parent)
        self._child = child
        self.ref = self.text_field("ref", "&Reference", child.ref if child else "",
                                   "Your council's reference for the child", needed=True)
        self.ref.setReadOnly(child is not None)
        self.given = self.text_field("given", "&Given name", child.given_name if child else "",
                                     needed=True, record_field="given_name")
        self.family = self.text_field("family", "&Family name",
                                      child.family_name if child else "", needed=True,
                                      record_field="family_name")
        self.known_as = self.text_field("known_as", "&Known as",
                                        child.known_as if child else "",
                                        "The name the child likes to be called, if different")
        self.born = self.text_field("born", "&Date of birth",
                                    day_text(child.date_of_birth if child else None),
                                    "e.g. 2 Jun 2021", needed=True)
        self.chi = self.text_field("chi", "&CHI number", child.chi if child else "",
                                   "Ten digits")
        self.worker = self.text_field("worker", "Allocated &worker",
                                      child.allocated_worker if child else "",
                                      record_field="allocated_worker")
        self.reviewer = self.text_field("reviewer", "Reviewing &officer",
                                        child.reviewing_officer if child else "",
                                        record_field="reviewing_officer")

    def check(self) -> Problems:
        problems: Problems = {}
        check_required(self.ref.text(), "ref", "Type the child's reference.", problems)
        check_required(self.given.text(), "given", "Type the child's given name.", problems)
        check_required(self.family.text(), "family", "Type the child's family name.", problems)
        born = read_day(self.born.text(), "born", problems,
                        required="Type the child's date of birth.")
        if born is not None and born > date.today():
            problems["born"] = "The date of birth is in the future."
        chi = chi_message(self.chi.text())
        if chi:
            problems["chi"] = chi
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        born = read_day(self.born.text(), "born", problems)
        assert born is not None
        details = dict(ref=text_of(self.ref), given_name=text_of(self.given),
                       family_name=text_of(self.family), date_of_birth=born,
                       known_as=text_of(self.known_as) or None,
                       chi=self.chi.text().replace(" ", "") or None,
                       allocated_worker=text_of(self.worker) or None,
                       reviewing_officer=text_of(self.reviewer) or None)
        if self._child is None:
            new = Child(**details)  # type: ignore[arg-type]
            return lambda store: store.add_child(new)
        changed = replace(self._child, **details)
        return lambda store: store.save_child_details(changed)
