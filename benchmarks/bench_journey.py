"""How fast the journey engine is: one long journey, the due list and cohort measures.

Prints median timings against the targets; no asserts (benchmarks report, tests decide).
Run: .venv/bin/python benchmarks/bench_journey.py
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from pace_desktop.domain.records import (
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
)
from pace_desktop.journey import (
    cohort_measures,
    due_items,
    due_list,
    judge_child,
    judge_for_keeping,
    load_rules,
)

AS_OF = date(2026, 6, 30)
SEED = 20260630
AWAY = ("foster", "kinship", "residential_la", "prospective_adopters")
JOURNEY = (
    ("permanence_recommendation", "po"),
    ("panel_recommendation", None),
    ("adm_decision", None),
    ("petition_lodged", "po"),
    ("order_granted", "po"),
)
NOTE_KINDS = ("referral", "advice_hearing", "kinship_options_decided", "adm_decision",
              "panel_recommendation", "permanence_recommendation")


def make_child(rng: random.Random, n: int, notes: int) -> Child:
    """A plausible journey: one or two times away, reviews, the PACE milestones, and notes."""
    start = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2400))
    living: list[LivingEpisode] = [LivingEpisode("at_home", start - timedelta(days=900), start)]
    at = start
    for _ in range(rng.randint(1, 3)):
        length = rng.randint(30, 700)
        end = at + timedelta(days=length)
        living.append(LivingEpisode(rng.choice(AWAY), at, end if end < AS_OF else None))
        if end >= AS_OF:
            break
        gap = rng.choice((0, 1, 2, 120))
        if gap > 1:
            living.append(LivingEpisode("at_home", end, end + timedelta(days=gap)))
        at = end + timedelta(days=gap)
    # An interim order renewed on its 22nd day, then a supervision order that a hearing
    # continues every year before it runs out (a new episode each time, CLOCKS.md).
    icso_end = start + timedelta(days=21)
    legal = [LegalEpisode("icso", start, icso_end)]
    meetings = [Meeting("two_week_planning", start + timedelta(days=14), status="final"),
                Meeting("hearing", start, status="final"),
                Meeting("hearing", icso_end, status="final")]
    made = icso_end
    while True:
        renewed = made + timedelta(days=365 - rng.randint(1, 30))
        if renewed > AS_OF:
            legal.append(LegalEpisode("cso_away", made, None))
            break
        legal.append(LegalEpisode("cso_away", made, renewed))
        meetings.append(Meeting("hearing", renewed, status="final"))
        made = renewed
    day = start + timedelta(days=14)
    while day < AS_OF:
        day += timedelta(days=rng.randint(60, 200))
        meetings.append(Meeting("lac_review", day, status=rng.choice(("draft", "final"))))
    events: list[Event] = []
    day = start
    for kind, route in JOURNEY[: rng.randint(0, len(JOURNEY))]:
        day += timedelta(days=rng.randint(10, 250))
        if rng.random() < 0.3:
            meetings.append(Meeting("permanence_planning", day,
                                    decisions=(Decision("decided", kind, route),)))
        else:
            events.append(Event(day, "Milestone", kind=kind, route=route))
    for _ in range(notes):
        note_day = start + timedelta(days=rng.randrange(0, 2000))
        # One entry in ten is a milestone the clocks must look through as well.
        kind = rng.choice(NOTE_KINDS) if rng.random() < 0.1 else "note"
        events.append(Event(note_day, "A note about the day", kind=kind))
    return Child(
        ref=f"B-{n:05d}", given_name="Test", family_name=f"Child {n}",
        date_of_birth=date(2015, 1, 1), living=tuple(living), legal=tuple(legal),
        events=tuple(sorted(events, key=lambda e: e.date)),
        meetings=tuple(sorted(meetings, key=lambda m: m.date)),
    )


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def report(name: str, seconds: float, target: float) -> None:
    verdict = "pass" if seconds < target else "FAIL"
    print(f"{name:<44} {seconds * 1000:9.2f} ms   target < {target * 1000:g} ms   {verdict}")


def main() -> None:
    rng = random.Random(SEED)
    rules = load_rules()
    long_child = make_child(rng, 0, notes=2000)
    caseload = [make_child(rng, n, notes=rng.randint(0, 30)) for n in range(1, 10_001)]

    print(f"one journey: {len(long_child.events)} events, {len(long_child.meetings)} meetings")
    report("one child's clocks (2,000 events)",
           median_seconds(lambda: judge_child(long_child, rules, AS_OF), 50), 0.010)
    due = due_list(caseload, rules, AS_OF, 28)
    print(f"due list: {len(caseload)} children, {len(due)} clocks overdue or due soon")
    report("due list (10,000 children)",
           median_seconds(lambda: due_list(caseload, rules, AS_OF, 28), 5), 1.0)
    # CPU time too: on a machine busy with other work it moves far less than the clock does.
    began = time.process_time()
    due_list(caseload, rules, AS_OF, 28)
    print(f"{'due list (10,000 children), CPU time':<44} "
          f"{(time.process_time() - began) * 1000:9.2f} ms")
    # What the app and `due` do: judgements kept by the store, read back the next day; only
    # the statuses are worked out again (the store part is in bench_gui.py).
    next_day = AS_OF + timedelta(days=1)
    kept = [judge_for_keeping(child, rules, AS_OF) for child in caseload]
    # Records with something dated the next day are judged again, as the store does.
    kept = [k if k.holds_on(next_day) else judge_for_keeping(child, rules, next_day)
            for k, child in zip(kept, caseload, strict=True)]
    print(f"judgements kept from the day before: {sum(k.judged_on == AS_OF for k in kept):,}")
    assert due_items(kept, rules, next_day, 28) == due_list(caseload, rules, next_day, 28)
    report("due list from kept judgements (10,000)",
           median_seconds(lambda: due_items(kept, rules, next_day, 28), 5), 1.0)
    points = sum(len(p) for p in cohort_measures(caseload, AS_OF).values())
    print(f"cohort: {points} points across the measures")
    report("cohort measures (10,000 children)",
           median_seconds(lambda: cohort_measures(caseload, AS_OF), 5), 1.0)


if __name__ == "__main__":
    main()
