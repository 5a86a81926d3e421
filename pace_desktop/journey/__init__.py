"""The journey engine: clocks (CLOCKS.md), milestones, the due list, cohort measures and
run-chart signals. Plain Python over the domain records: no Qt, no SQL, no I/O beyond
reading rules files."""

from __future__ import annotations

from pace_desktop.journey.as_json import clock_dict, milestone_dict, to_json
from pace_desktop.journey.clocks import (
    DUE_SOON_DAYS,
    STATUS_LABELS,
    STATUSES,
    ClockInstance,
    clock_status,
    judge_child,
    judge_facts,
)
from pace_desktop.journey.cohort import (
    MEASURES,
    MEASURES_BY_ID,
    CohortPoint,
    Measure,
    child_measures,
    cohort_measures,
)
from pace_desktop.journey.due import DueItem, due_list, urgency
from pace_desktop.journey.episodes import Span, accommodation_episodes, legal_episodes, legal_runs
from pace_desktop.journey.facts import Facts
from pace_desktop.journey.judged import JudgedChild, due_items, judge_for_keeping, rules_fingerprint
from pace_desktop.journey.milestones import ACCOMMODATED, Milestone, SourceRef, child_milestones
from pace_desktop.journey.rules import (
    Offset,
    Rule,
    RulesError,
    Trigger,
    calendar_of,
    default_rules_path,
    load_rules,
    rules_from_text,
)
from pace_desktop.journey.runchart import RunChart, Signal, analyse
from pace_desktop.journey.working_days import SCOTLAND, Holiday, WorkingCalendar

__all__ = [
    "ACCOMMODATED",
    "DUE_SOON_DAYS",
    "MEASURES",
    "MEASURES_BY_ID",
    "STATUSES",
    "STATUS_LABELS",
    "ClockInstance",
    "CohortPoint",
    "DueItem",
    "Facts",
    "Measure",
    "Milestone",
    "Offset",
    "Rule",
    "RulesError",
    "RunChart",
    "Signal",
    "SourceRef",
    "Span",
    "Trigger",
    "accommodation_episodes",
    "analyse",
    "child_measures",
    "child_milestones",
    "clock_dict",
    "clock_status",
    "cohort_measures",
    "default_rules_path",
    "due_list",
    "due_items",
    "JudgedChild",
    "judge_for_keeping",
    "rules_fingerprint",
    "judge_child",
    "judge_facts",
    "legal_episodes",
    "legal_runs",
    "load_rules",
    "milestone_dict",
    "rules_from_text",
    "to_json",
    "urgency",
    "calendar_of",
    "WorkingCalendar",
    "Holiday",
    "SCOTLAND",
]
