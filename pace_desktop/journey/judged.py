"""Judged clocks kept between sessions, so a manager's 10,000-child due list is on screen
within a second of unlock instead of after several seconds of judging.

Judging a child as of day D gives the same runs (start, due, met, stopped) for every later
day until the record can say something new: the first date after D that any of its records
carries (a move, an order's start or end, a meeting, a chronology entry), or a birthday on
which a rule stops applying. Until then only the status and the day counts move with the
calendar, and those are cheap. So a child is judged once, with the day its judgement holds
until (`valid_until`, exclusive), and each later day's due list reads statuses off the kept
runs. The store forgets a child's judgement whenever anything of that child changes, and every
judgement when the rules (or this engine) change: `rules_fingerprint`.

Only the runs that can ever reach the due list are kept: open clocks, and orders that lapsed
(an order's lapse stays on the list for a while after the gap closes). A clock met on time,
met late or closed never comes back, so it is not kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import holidays

from pace_desktop.domain.dates import add_months, add_years
from pace_desktop.domain.records import Child
from pace_desktop.journey.clocks import DUE_SOON_DAYS, clock_status, instance_of, numbered_runs
from pace_desktop.journey.due import GAP_SHOWN_MONTHS, DueItem, still_shown, urgency
from pace_desktop.journey.facts import Facts
from pace_desktop.journey.rules import Rule

ENGINE_VERSION = 1
"""Raise when the engine would judge the same record differently: every kept judgement is
then worked out again (the fingerprint changes)."""

_WANTED = frozenset({"lapsed", "overdue", "due_soon"})


@dataclass(frozen=True, slots=True)
class JudgedRun:
    """One clock instance's dates, judged once; `soon_from` is its own warning window's first
    day when the rule has one."""

    rule: str
    instance: int
    start: date
    due: date
    met: date | None
    stopped: date | None
    soon_from: date | None


@dataclass(frozen=True, slots=True)
class JudgedChild:
    ref: str
    name: str
    judged_on: date
    valid_until: date | None  # the first day the runs may differ; None: no later fact known
    runs: tuple[JudgedRun, ...]

    def holds_on(self, day: date) -> bool:
        return self.judged_on <= day and (self.valid_until is None or day < self.valid_until)


def rules_fingerprint(rules: Iterable[Rule]) -> str:
    """Changes whenever any rule, the working-day calendar or the engine changes.

    The rules are frozen dataclasses of strings, numbers, dates and tuples, so their `repr`
    is stable from one run to the next; the holiday library's version covers Scotland's bank
    holidays, which come from it."""
    text = f"{ENGINE_VERSION}|{holidays.__version__}|{tuple(rules)!r}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def judge_for_keeping(child: Child, rules: Sequence[Rule], as_of: date) -> JudgedChild:
    """`child`'s runs that can reach the due list, and how long they hold."""
    facts = Facts.of(child, as_of)
    runs = []
    for rule, number, run in numbered_runs(facts, rules):
        closed = run.met or run.stopped
        if closed is not None and not (rule.order_limit and closed > run.due):
            continue  # met, met late, closed or missed: it can never be due again
        soon_from = None
        if rule.warning and closed is None:
            soon_from = rule.warning.before(run.due, rule.calendar)
        runs.append(JudgedRun(rule.id, number, run.start, run.due, run.met, run.stopped,
                              soon_from))
    return JudgedChild(child.ref, child.name, as_of, next_fact_after(child, rules, as_of),
                       tuple(runs))


def next_fact_after(child: Child, rules: Iterable[Rule], as_of: date) -> date | None:
    """The first day after `as_of` on which the record has something the clocks read."""
    later: list[date] = []
    for spell in (*child.living, *child.legal):
        later += [d for d in (spell.start, spell.end) if d is not None and d > as_of]
    later += [m.date for m in child.meetings if m.date > as_of]
    later += [e.date for e in child.events if e.date > as_of]
    for age in {r.until_age for r in rules if r.until_age is not None}:
        birthday = add_years(child.date_of_birth, age)
        if birthday > as_of:
            later.append(birthday)
    return min(later, default=None)


def due_items(judged: Iterable[JudgedChild], rules: Sequence[Rule], as_of: date,
              within_days: int = DUE_SOON_DAYS) -> list[DueItem]:
    """The due list as of `as_of` from kept judgements that hold on that day: the same list
    `due_list` gives from the records themselves (a test holds them to it)."""
    by_id = {r.id: r for r in rules}
    shown_from = add_months(as_of, -GAP_SHOWN_MONTHS)
    items: list[DueItem] = []
    for child in judged:
        for run in child.runs:
            rule = by_id.get(run.rule)
            if rule is None:
                continue
            status = clock_status(run.due, run.met, run.stopped, as_of, within_days,
                                  soon_from=run.soon_from, order_limit=rule.order_limit)
            if status not in _WANTED:
                continue
            clock = instance_of(rule, run.instance, run, as_of, status)
            if status != "lapsed" or still_shown(clock, shown_from):
                items.append(DueItem(child.ref, child.name, clock))
    items.sort(key=urgency)
    return items

