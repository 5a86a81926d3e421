"""Judging a child's clocks as of a date, exactly as CLOCKS.md describes.

How a clock instance runs:

* It starts on a fact (see `Rule.starts_on`) and is due `offset` later.
* It is met by the first of its `met_by` facts, counting only facts on or before the as-of
  date and, for a clock that lives within an episode (a time away from home, a legal episode
  or run, or the episode of the clock that started it), on or before that episode's end.
* If the episode ends before the clock is met, the clock stops there: *closed* if that was
  on or before the due date, *missed* if after. When "episode_end" is one of its `met_by`
  facts, the end meets it instead (permanence_direction, icso_22_days).
* A clock that starts on the day another was met (`met:ID`, the review chain) starts only
  while the episode is still going on that day: a review held on the last day away from home
  does not open a new review clock that would be stopped the same day.
* A repeating rule starts its next instance on the day the previous one was met (on time or
  late), within the same episode. Only a meeting on a *later* day than the instance's start
  can lead to a next instance, so repeats always move forward in time.

Two reviews on one day: reviews are judged by date alone, and the review chain's "next review
after it" means a review on a strictly later date (`next_review`). Two reviews on the same day
are therefore one occasion: the first of them meets a clock, and the second cannot meet the
clock that the first one started. This keeps "the next review after it" true to the calendar
whatever order the two records were typed in.

Order limits (`Rule.order_limit`): the clock is a legal order that ceases by law on its due
date, so it cannot be met late. Not met by the due date, it is *lapsed* from the next day,
whether or not the record later shows it renewed or ended: the record then shows an order
that no longer existed, or a gap in legal authority, and someone must check it.

A rule with `until_age` stops applying on that birthday (a supervision order ceases at 18);
a rule with `met_after` is met only by facts after the day the instance of that other rule
with the same start was met (the hearing after the second-working-day hearing), and cannot be
met while that one is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from pace_desktop.domain.records import Child
from pace_desktop.journey.facts import Facts
from pace_desktop.journey.rules import Rule, Trigger, chain_order

DUE_SOON_DAYS = 28
STATUSES = ("met", "met_late", "overdue", "due_soon", "open", "closed", "missed", "lapsed")
# Each status's name, as the timeline's key says it, in the vocabulary of what a person reads
# beside a clock (journey.status_words, which says more: how late, due when): "Due later"
# beside "Due on 3 Mar 2026", "No longer applies", "Stopped applying late".
STATUS_LABELS: dict[str, str] = {
    "met": "Met on time", "met_late": "Met late", "overdue": "Overdue",
    "due_soon": "Due soon", "open": "Due later", "closed": "No longer applies",
    "missed": "Stopped applying late", "lapsed": "Lapsed",
}

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ClockInstance:
    """One run of one rule for one child, as of a date.

    `days` counts from `start` to `met`, else to `stopped` (the day the clock stopped
    applying), else to the as-of date; `days_over` is how far that same day lies past `due`.
    """

    rule: str
    instance: int
    label: str
    start: date
    due: date
    met: date | None
    status: str
    days: int
    days_over: int
    stopped: date | None = None
    order_limit: bool = False

    @property
    def is_open(self) -> bool:
        """Still waiting to be met (open, due soon or overdue)."""
        return self.met is None and self.stopped is None


class RunDates(Protocol):
    """What a clock instance's status and day counts are worked out from."""

    @property
    def start(self) -> date: ...
    @property
    def due(self) -> date: ...
    @property
    def met(self) -> date | None: ...
    @property
    def stopped(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class _Run:
    """A clock instance before numbering: enough to judge it and to start what follows it."""

    start: date
    due: date
    met: date | None
    stopped: date | None
    episode_end: date | None


def judge_child(
    child: Child, rules: Iterable[Rule], as_of: date, due_soon_days: int = DUE_SOON_DAYS
) -> list[ClockInstance]:
    """Every instance of every enabled rule for `child`, as of `as_of`.

    Ordered by rule (in the rules' order, a rule after any it follows) and then by instance
    number.
    """
    return judge_facts(Facts.of(child, as_of), rules, due_soon_days)


def judge_facts(
    facts: Facts,
    rules: Iterable[Rule],
    due_soon_days: int = DUE_SOON_DAYS,
    only: frozenset[str] | None = None,
) -> list[ClockInstance]:
    """As `judge_child`, for facts already gathered. With `only`, just the instances whose
    status is in it (the due list need not build thousands it would throw away)."""
    result: list[ClockInstance] = []
    as_of = facts.as_of
    for rule, number, run in numbered_runs(facts, rules):
        soon_from = None
        if rule.warning and run.met is None and run.stopped is None and as_of <= run.due:
            soon_from = rule.warning.before(run.due, rule.calendar)  # only when it matters
        status = clock_status(run.due, run.met, run.stopped, as_of, due_soon_days,
                              soon_from=soon_from, order_limit=rule.order_limit)
        if only is None or status in only:
            result.append(instance_of(rule, number, run, as_of, status))
    return result


def numbered_runs(facts: Facts, rules: Iterable[Rule]) -> Iterator[tuple[Rule, int, _Run]]:
    """Every run of every enabled rule, numbered, before any status is given: what a status
    needs besides the as-of date (`journey.judged` keeps these to judge another day)."""
    ordered = ordered_rules(rules)
    runs: dict[str, list[_Run]] = {}
    for rule in ordered:
        runs[rule.id] = _runs_of(rule, facts, runs) if _may_start(rule, facts, runs) else []
    for rule in ordered:
        if not rule.enabled:
            continue
        rule_runs = runs[rule.id]
        if len(rule_runs) > 1:
            rule_runs.sort(key=lambda r: (r.start, r.due))
        for number, run in enumerate(rule_runs, start=1):
            yield rule, number, run


_ORDERED: dict[int, tuple[tuple[Rule, ...], tuple[Rule, ...]]] = {}


def ordered_rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """The rules in the order clocks must be worked out (a rule after the one it follows).

    Remembered per rules tuple by identity: hashing nine nested rules on every child would
    cost more than judging the child.
    """
    if isinstance(rules, tuple):
        known = _ORDERED.get(id(rules))
        if known is not None and known[0] is rules:
            return known[1]
        ordered = _needed(chain_order(rules))
        if len(_ORDERED) > 64:
            _ORDERED.clear()
        _ORDERED[id(rules)] = (rules, ordered)
        return ordered
    return _needed(chain_order(rules))


def _needed(ordered: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Enabled rules, and the disabled ones an enabled rule follows or waits for (a switched
    off rule costs nothing unless a chain still needs its clocks)."""
    by_id = {r.id: r for r in ordered}
    wanted: set[str] = set()
    stack = [r.id for r in ordered if r.enabled]
    while stack:
        rid = stack.pop()
        if rid in wanted:
            continue
        wanted.add(rid)
        rule = by_id[rid]
        if rule.starts_on.kind == "met" and rule.starts_on.arg:
            stack.append(rule.starts_on.arg)
        if rule.met_after:
            stack.append(rule.met_after)
    return tuple(r for r in ordered if r.id in wanted)


def _may_start(rule: Rule, facts: Facts, runs: dict[str, list[_Run]]) -> bool:
    """False when the child's record has nothing that could start the clock: most children
    have no child protection order, IRD or interim order, so most rules stop here."""
    trigger = rule.starts_on
    match trigger.kind:
        case "legal_episode" | "legal_run":
            return any(s in facts.legal_statuses for s in (trigger.arg or "").split(","))
        case "milestone":
            return facts.has_milestone(trigger.arg or "")
        case "met":
            return any(r.met is not None for r in runs.get(trigger.arg or "", ()))
        case _:
            return True


_Seed = tuple[date, date | None, date | None]  # (start, end of its episode, next episode's start)


def _seeds(rule: Rule, facts: Facts, runs: dict[str, list[_Run]]) -> list[_Seed]:
    """(start, end of the episode it lives within, start of the next episode in its run) for
    each first instance of `rule`."""
    trigger = rule.starts_on
    match trigger.kind:
        case "accommodated":
            return [(s.start, s.end, None) for s in facts.accommodation]
        case "placement":
            return [(s.start, s.end, None) for s in facts.placements()]
        case "legal_episode":
            if any(m.kind == "next_episode" for m in rule.met_by):
                # Continued or varied, the order goes on in the next episode of its run: the
                # clock lives within the run and stops only when the run ends.
                return [(e.episode.start, e.run.end, e.next_start)
                        for e in facts.episodes_in_runs(trigger.arg or "")]
            return [(s.start, s.end, None) for s in facts.legal_episodes(trigger.arg or "")]
        case "legal_run":
            return [(s.start, s.end, None) for s in facts.legal_runs(trigger.arg or "")]
        case "milestone":
            return [(d, None, None)
                    for d in facts.milestone_dates(trigger.arg or "", trigger.routes)]
        case _:  # "met": the day each instance of the rule it follows was met
            return [
                (run.met, run.episode_end, None)
                for run in runs[trigger.arg or ""]
                if run.met is not None and (run.episode_end is None or run.met < run.episode_end)
            ]


def _runs_of(rule: Rule, facts: Facts, runs: dict[str, list[_Run]]) -> list[_Run]:
    result: list[_Run] = []
    for start, episode_end, next_start in _seeds(rule, facts, runs):
        while True:
            run = _run(rule, facts, runs, start, episode_end, next_start)
            result.append(run)
            if not rule.repeats or run.met is None or run.met <= start:
                break
            if episode_end is not None and run.met >= episode_end:
                break
            start, next_start = run.met, None
    return result


def _run(rule: Rule, facts: Facts, runs: dict[str, list[_Run]], start: date,
         episode_end: date | None, next_start: date | None) -> _Run:
    due = rule.due_after(start)
    # Facts after the clock's last day do not count: the end of its episode, or the birthday
    # on which it stops applying. Facts after the as-of date are not in `facts` at all.
    limit = episode_end
    if rule.until_age is not None:
        birthday = facts.birthday(rule.until_age)
        if birthday <= facts.as_of and (limit is None or birthday < limit):
            limit = birthday
    earliest_fact: date | None = start
    if rule.met_after is not None:
        earlier = next((r for r in runs.get(rule.met_after, ()) if r.start == start), None)
        earliest_fact = earlier.met + _ONE_DAY if earlier and earlier.met else None
    met: date | None = None
    for trigger in rule.met_by:
        found = _found(rule, trigger, facts, start, due, earliest_fact, limit,
                       episode_end, next_start)
        if found is not None and (met is None or found < met):
            met = found
    stopped = limit if met is None else None
    return _Run(start, due, met, stopped, episode_end)


def _found(rule: Rule, trigger: Trigger, facts: Facts, start: date, due: date,
           earliest: date | None, limit: date | None, episode_end: date | None,
           next_start: date | None) -> date | None:
    """The first fact of one `met_by` kind that meets the clock, if any yet."""
    def within(d: date | None) -> date | None:
        return d if d is not None and (limit is None or d <= limit) else None

    match trigger.kind:
        case "episode_end":
            return within(episode_end)
        case "next_episode":
            return within(next_start)
    if earliest is None:
        return None  # waiting for the clock it comes after (met_after)
    match trigger.kind:
        case "review" | "next_review":
            if trigger.kind == "next_review":
                earliest = max(earliest, start + _ONE_DAY)
            if rule.review_window is not None:
                earliest = max(earliest, rule.review_window.before(due, rule.calendar))
            return facts.first_review(earliest, limit)
        case "visit" | "next_visit":
            if trigger.kind == "next_visit":
                earliest = max(earliest, start + _ONE_DAY)
            return facts.first_visit(earliest, limit)
        case "meeting":
            return facts.first_meeting(trigger.arg or "", earliest, limit)
        case _:  # "milestone"
            return facts.first_milestone(trigger.arg or "", trigger.routes, earliest, limit)


def instance_of(rule: Rule, number: int, run: RunDates, as_of: date, status: str
              ) -> ClockInstance:
    end = run.met or run.stopped or as_of
    days_over = max(0, (end - run.due).days)
    return ClockInstance(
        rule=rule.id,
        instance=number,
        label=rule.label,
        start=run.start,
        due=run.due,
        met=run.met,
        status=status,
        days=(end - run.start).days,
        days_over=days_over,
        stopped=run.stopped,
        order_limit=rule.order_limit,
    )


def clock_status(
    due: date,
    met: date | None,
    stopped: date | None,
    as_of: date,
    due_soon_days: int = DUE_SOON_DAYS,
    *,
    soon_from: date | None = None,
    order_limit: bool = False,
) -> str:
    """The status table of CLOCKS.md. `soon_from` is the first day a rule with its own
    warning window counts as due soon; `order_limit` turns every late outcome into lapsed."""
    if met is not None:
        if met <= due:
            return "met"
        return "lapsed" if order_limit else "met_late"
    if stopped is not None:
        if stopped <= due:
            return "closed"
        return "lapsed" if order_limit else "missed"
    if as_of > due:
        return "lapsed" if order_limit else "overdue"
    if soon_from is not None:
        return "due_soon" if as_of >= soon_from else "open"
    return "due_soon" if (due - as_of).days <= due_soon_days else "open"
