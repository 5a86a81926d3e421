"""What a form says before a record is finalised: the reasons it still needs (the rule is
the core's, domain.decision_rules, and the store applies it again when finalising), and the
change to the child's legal status a hearing's orders will make, for the person to confirm.
"""

from __future__ import annotations

from pace_desktop.domain.decision_rules import (
    legal_changes,
    missing_reasons,
    panel_route_before,
)
from pace_desktop.domain.records import Child, Meeting
from pace_desktop.forms.validation import FieldProblem


def finalise_problems(meeting: Meeting, child: Child) -> list[FieldProblem]:
    """What must be put right before `meeting` can be finalised, tied to the decisions."""
    others = tuple(m for m in child.meetings if m.id != meeting.id or not meeting.id)
    found = missing_reasons(meeting, panel_route_before(others, meeting))
    return [FieldProblem("decisions", m.message) for m in found]


def legal_change_lines(meeting: Meeting, child: Child) -> list[str]:
    """The change finalising will make to the legal status, one plain line each."""
    return [c.words for c in legal_changes(meeting, child.legal)]
