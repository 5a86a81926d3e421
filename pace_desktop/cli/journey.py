"""Command-line views of the journey engine: one child's clocks, the due list, run charts."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from pace_desktop import journey
from pace_desktop.cli.common import CommandError, iso_date, open_store
from pace_desktop.domain.date_words import short_date
from pace_desktop.settings import Settings, load_settings
from pace_desktop.views.clock_words import clock_progress, due_summary, status_text
from pace_desktop.views.words import plain_date


def _rules(args: argparse.Namespace, settings: Settings) -> tuple[journey.Rule, ...]:
    override = args.rules or settings.rules_path()
    return journey.load_rules(override, record_visits=settings.record_visits)


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=1, ensure_ascii=False))


def run_journey(args: argparse.Namespace) -> int:
    settings = load_settings()
    rules = _rules(args, settings)
    as_of = args.as_of or date.today()
    with open_store(args) as store:
        child = store.child(args.child)
    data = journey.to_json(child, rules, as_of, settings.due_soon_days)
    if args.json:
        _print_json(data)
        return 0
    print(f"{child.name} ({child.ref}), born {short_date(child.date_of_birth)}; as of {as_of}")
    print("\nMilestones")
    for m in data["milestones"] or [{"date": "", "label": "none recorded yet", "route": None}]:
        route = f" ({m['route']})" if m.get("route") else ""
        print(f"  {m['date']:<10}  {m['label']}{route}")
    print("\nClocks")
    # The same clocks as the JSON, with the status in the screens' and prints' own words.
    clocks = journey.judge_child(child, rules, as_of, settings.due_soon_days)
    for c in sorted(clocks, key=lambda c: (c.start, c.rule)):
        print(f"  {status_text(c, as_of):<28} {c.label} ({c.instance}): started"
              f" {plain_date(c.start)}, due {plain_date(c.due)}, {clock_progress(c, as_of)}")
    return 0


def run_due(args: argparse.Namespace) -> int:
    settings = load_settings()
    rules = _rules(args, settings)
    as_of = args.as_of or date.today()
    within = settings.due_soon_days if args.within is None else args.within
    with open_store(args) as store:
        # Kept judgements: judged again only for children whose records changed.
        items = journey.due_items(store.judged_clocks(rules, as_of), rules, as_of, within)
    if args.json:
        _print_json({"as_of": as_of.isoformat(), "within": within, "due": [
            {"child": i.child_ref, "name": i.child_name, **journey.clock_dict(i.clock)}
            for i in items]})
        return 0
    if not items:
        print(f"No clock is overdue or due within {within} days of {as_of}.")
    for i in items:
        c = i.clock
        # The due list's own words, as on the screen (views.clock_words).
        print(f"{status_text(c, as_of):<28} {i.child_ref:<12} {i.child_name:<26}"
              f" {c.label} (due {plain_date(c.due)})")
    if items:
        print(due_summary(items, as_of, within))  # the line under the list on the screen
    return 0


def run_cohort(args: argparse.Namespace) -> int:
    settings = load_settings()
    measures = journey.MEASURES
    if args.measure:
        if args.measure not in journey.MEASURES_BY_ID:
            raise CommandError(f"There is no measure called {args.measure}. The measures are:",
                               [m.id for m in journey.MEASURES])
        measures = (journey.MEASURES_BY_ID[args.measure],)
    baseline = args.baseline if args.baseline is not None else (settings.baseline_points or None)
    with open_store(args) as store:
        points = journey.cohort_measures(store.children(clock_facts_only=True),
                                         date_from=args.date_from, date_to=args.date_to)
    out = []
    for m in measures:
        series = sorted(points.get(m.id, []), key=lambda p: (p.date, p.child_ref))
        chart = journey.analyse([p.days for p in series], baseline)
        out.append({
            "measure": m.id, "label": m.label, "median": chart.median,
            "baseline_points": chart.baseline_points,
            "points": [{"child": p.child_ref, "date": p.date.isoformat(), "days": p.days}
                       for p in series],
            "signals": [{"kind": s.kind, "direction": s.direction, "points": list(s.points),
                         "explanation": s.explanation} for s in chart.signals],
        })
    if args.json:
        _print_json({"from": _iso(args.date_from), "to": _iso(args.date_to), "measures": out})
        return 0
    for m in out:
        median = "no points" if m["median"] is None else f"median {m['median']:g} days"
        print(f"{m['label']}: {len(m['points'])} children, {median}")
        for s in m["signals"]:
            print(f"  {s['kind']}: {s['explanation']}")
    return 0


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _rules_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", metavar="FILE",
                   help="an authority's own clock rules (default: rules.toml in settings)")


def journey_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="judge as of DATE (today)")
    p.add_argument("--json", action="store_true")
    _rules_option(p)


def due_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=iso_date, metavar="DATE")
    p.add_argument("--within", type=int, metavar="DAYS", help="the due-soon window (28)")
    p.add_argument("--json", action="store_true")
    _rules_option(p)


def cohort_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--measure", metavar="NAME", help="one of: " + ", ".join(
        m.id for m in journey.MEASURES))
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    p.add_argument("--baseline", type=int, metavar="N",
                   help="freeze the median from the first N points")
    p.add_argument("--json", action="store_true")
