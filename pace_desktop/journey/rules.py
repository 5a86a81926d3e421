"""Clock rules as data: the shipped default file, and an authority's own file merged on top.

A rule in an authority's file with the id of a default rule changes only the fields it gives;
a new id adds a local aim. A file that is wrong in any way raises `RulesError` naming the
file, the rule and the field: the product never falls back to the defaults in silence, since
a clock quietly judged by the wrong rule is worse than a clear refusal.

The vocabulary of `starts_on` and `met_by` is described at the top of default.toml; the
parts of a rule and how each field is read are in rule_fields.py.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from pace_desktop import paths
from pace_desktop.domain.vocab import ROUTED_MILESTONES
from pace_desktop.journey.calendar_file import CalendarError, parse_calendar
from pace_desktop.journey.rule_fields import (
    EPISODE_STARTS,
    FIELDS,
    MARKS,
    MET_KINDS,
    PARSERS,
    REQUIRED,
    START_KINDS,
    UNITS,
    FieldError,
    Offset,
    Trigger,
)
from pace_desktop.journey.working_days import SCOTLAND, Holiday, WorkingCalendar

__all__ = ["FIELDS", "MARKS", "MET_KINDS", "START_KINDS", "UNITS", "Offset", "Rule", "RulesError",
           "Trigger", "calendar_of", "chain_order", "default_rules_path", "load_rules",
           "rules_from_text"]


class RulesError(ValueError):
    """A rules file that cannot be used, with a message a person can act on."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: str
    starts_on: Trigger
    offset: Offset
    met_by: tuple[Trigger, ...]
    review_window: Offset | None = None
    repeats: bool = False
    enabled: bool = True
    source: str = ""
    mark: str = "local aim"
    order_limit: bool = False
    """The rule describes an order that ceases by law on its due date: never met late."""
    warning: Offset | None = None
    """How long before the due date the clock is due soon, when not the caseload's setting."""
    until_age: int | None = None
    """The clock stops applying on the child's birthday of this age (an order ceases then)."""
    met_after: str | None = None
    """Only facts after the day the instance of this rule with the same start was met count."""
    calendar: WorkingCalendar = SCOTLAND

    @property
    def has_episode(self) -> bool:
        """True when the clock lives within an episode that can end before it is met."""
        return self.starts_on.kind in EPISODE_STARTS

    @property
    def reads_visits(self) -> bool:
        """A statutory visit clock: it starts on a placement or is met by visits."""
        return self.starts_on.kind == "placement" or any(
            m.kind in ("visit", "next_visit") for m in self.met_by)

    def due_after(self, start: date) -> date:
        return self.offset.after(start, self.calendar)


def default_rules_path() -> Path:
    """Where the shipped default rules live: in `resources/`, from source or the bundle."""
    return paths.resources_dir() / "rules" / "default.toml"


def load_rules(
    override: Path | str | None = None, *, default: Path | str | None = None,
    record_visits: bool = False,
) -> tuple[Rule, ...]:
    """The default rules with an authority's `override` file merged on top, if given.

    Disabled rules are kept (a later clock in a chain may still need them); the engine reports
    only enabled ones. `record_visits` (a setting) switches the statutory visit clocks on, as
    an authority's file can: an authority that records visits in the product wants them.
    """
    base = _read_file(Path(default) if default is not None else default_rules_path())
    files = [base] if override is None else [base, _read_file(Path(override))]
    rules = _merge(files)
    if record_visits:
        rules = tuple(replace(r, enabled=True) if r.reads_visits else r for r in rules)
    return rules


def rules_from_text(text: str, name: str = "rules.toml") -> tuple[Rule, ...]:
    """Rules from TOML text alone (no defaults), e.g. for tests and previews."""
    return _merge([_parse_file(_parse_toml(text, name), name, text)])


def calendar_of(rules: Iterable[Rule]) -> WorkingCalendar:
    """The working-day calendar the rules count with (every rule shares one)."""
    for rule in rules:
        return rule.calendar
    return SCOTLAND


# -- reading files -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Parsed:
    name: str
    rules: list[tuple[str, dict[str, Any]]]  # (id, typed fields given), in file order
    added: list[Holiday] = field(default_factory=list)
    removed: list[Holiday] = field(default_factory=list)


def _read_file(path: Path) -> _Parsed:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{path.name}: the rules file was not found at {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path.name}: the rules file could not be read ({exc})") from None
    return _parse_file(_parse_toml(text, path.name), path.name, text)


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", reason)
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", reason)
        place = f", line {where.group(1)}" if where else ""
        raise RulesError(
            f"{name}{place}: this is not valid TOML ({reason[:1].lower()}{reason[1:]})"
        ) from None


def _parse_file(data: dict[str, Any], name: str, text: str = "") -> _Parsed:
    for key in data:
        if key not in ("rule", "calendar"):
            raise RulesError(
                f'{name}: "{key}" does not belong in a rules file; each rule is a [[rule]] table'
                " (and local holidays go in [[calendar.add]] tables)"
            )
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise RulesError(f"{name}: rules must be written as [[rule]] tables")
    parsed = _Parsed(name, [])
    if "calendar" in data:
        try:
            parsed.added, parsed.removed = parse_calendar(data["calendar"], text, name)
        except CalendarError as exc:
            raise RulesError(str(exc)) from None
    seen: set[str] = set()
    for n, table in enumerate(tables, start=1):
        raw_id = table.get("id")
        who = f'rule "{raw_id}"' if isinstance(raw_id, str) and raw_id else f"rule {n}"
        fields: dict[str, Any] = {}
        for key, value in table.items():
            if key not in FIELDS:
                raise RulesError(
                    f'{name}: {who}, field "{key}": a rule has no such field '
                    f"(fields are {', '.join(FIELDS)})"
                )
            try:
                fields[key] = PARSERS[key](value)
            except FieldError as exc:
                raise RulesError(f'{name}: {who}, field "{key}": {exc}') from None
        if "id" not in fields:
            raise RulesError(f'{name}: {who}, field "id": every rule needs an id')
        if fields["id"] in seen:
            raise RulesError(f'{name}: {who}, field "id": this id is used twice in the file')
        seen.add(fields["id"])
        parsed.rules.append((fields["id"], fields))
    return parsed


# -- merging and whole-rule checks -------------------------------------------------------------


def _merge(files: list[_Parsed]) -> tuple[Rule, ...]:
    merged: dict[str, dict[str, Any]] = {}
    last_file: dict[str, str] = {}  # which file to blame for a rule's combined fields
    for parsed in files:
        for rule_id, fields in parsed.rules:
            if rule_id not in merged:
                merged[rule_id] = {"source": f"Local rules file ({parsed.name})"} | fields
            else:
                merged[rule_id] = merged[rule_id] | fields
            last_file[rule_id] = parsed.name
    calendar = WorkingCalendar.of(
        [h for p in files for h in p.added], [h for p in files for h in p.removed]
    )
    rules = tuple(
        _build(fields, last_file[rule_id], calendar) for rule_id, fields in merged.items()
    )
    _check_chains(rules, last_file, [p.name for p in files])
    return rules


def _build(fields: Mapping[str, Any], name: str, calendar: WorkingCalendar = SCOTLAND) -> Rule:
    rule_id = fields["id"]

    def fail(field_name: str, why: str) -> RulesError:
        return RulesError(f'{name}: rule "{rule_id}", field "{field_name}": {why}')

    for required in REQUIRED:
        if required not in fields:
            raise fail(required, "missing (a new rule needs id, label, starts_on, offset, met_by)")
    starts_on: Trigger = fields["starts_on"]
    met_by: tuple[Trigger, ...] = fields["met_by"]
    if "starts_on_routes" in fields:
        if starts_on.kind != "milestone" or starts_on.arg not in ROUTED_MILESTONES:
            raise fail("starts_on_routes", _ROUTES_ONLY)
        starts_on = replace(starts_on, routes=fields["starts_on_routes"])
    if "met_by_routes" in fields:
        if not any(m.kind == "milestone" and m.arg in ROUTED_MILESTONES for m in met_by):
            raise fail("met_by_routes", _ROUTES_ONLY)
        met_by = tuple(
            replace(m, routes=fields["met_by_routes"]) if m.kind == "milestone" else m
            for m in met_by
        )
    if starts_on.kind not in EPISODE_STARTS and any(m.kind == "episode_end" for m in met_by):
        raise fail("met_by", '"episode_end" needs a clock that starts with an episode')
    if "review_window" in fields and not any(m.kind.endswith("review") for m in met_by):
        raise fail("review_window", 'only applies when met_by is "review" or "next_review"')
    if starts_on.kind != "legal_episode" and any(m.kind == "next_episode" for m in met_by):
        raise fail("met_by", '"next_episode" needs a clock that starts on "legal_episode:…"')
    if fields.get("met_after") == rule_id:
        raise fail("met_after", "a rule cannot wait for itself")
    return Rule(
        id=rule_id,
        label=fields["label"],
        starts_on=starts_on,
        offset=fields["offset"],
        met_by=met_by,
        review_window=fields.get("review_window"),
        repeats=fields.get("repeats", False),
        enabled=fields.get("enabled", True),
        source=fields["source"],
        mark=fields.get("mark", "local aim"),
        order_limit=fields.get("order_limit", False),
        warning=fields.get("warning"),
        until_age=fields.get("until_age"),
        met_after=fields.get("met_after"),
        calendar=calendar,
    )


_ROUTES_ONLY = (
    "routes only apply to a milestone that has a route "
    f"({', '.join(sorted(ROUTED_MILESTONES))})"
)


def _check_chains(rules: Iterable[Rule], last_file: Mapping[str, str], files: list[str]) -> None:
    by_id = {r.id: r for r in rules}
    for rule in by_id.values():
        if rule.met_after is not None and rule.met_after not in by_id:
            raise RulesError(
                f'{last_file[rule.id]}: rule "{rule.id}", field "met_after": '
                f'there is no rule "{rule.met_after}" to wait for'
            )
        path = [rule.id]
        current = rule
        while current.starts_on.kind == "met":
            target = current.starts_on.arg or ""
            if target not in by_id:
                raise RulesError(
                    f'{last_file[current.id]}: rule "{current.id}", field "starts_on": '
                    f'there is no rule "{target}" to follow'
                )
            if target in path:
                # Blame the rule in the circle that the most recent file touched: that edit
                # is the one that closed the circle.
                circle = path[path.index(target):]
                culprit = max(circle, key=lambda rid: files.index(last_file[rid]))
                raise RulesError(
                    f'{last_file[culprit]}: rule "{culprit}", field "starts_on": '
                    "rules follow each other round in a circle"
                )
            path.append(target)
            current = by_id[target]


def chain_order(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """The rules, each after the rules it needs (the one whose clocks start it, "met:ID", and
    its `met_after`), else in file order."""
    by_id = {r.id: r for r in rules}
    done: dict[str, Rule] = {}

    def visit(rule: Rule, depth: int) -> None:
        if rule.id in done:
            return
        if depth > len(by_id):
            raise RulesError(f'rule "{rule.id}": rules follow each other round in a circle')
        target = rule.starts_on.arg if rule.starts_on.kind == "met" else None
        for needed in (target, rule.met_after):
            if needed is None:
                continue
            if needed not in by_id:
                raise RulesError(f'rule "{rule.id}": there is no rule "{needed}" to follow')
            visit(by_id[needed], depth + 1)
        done[rule.id] = rule

    for rule in by_id.values():
        visit(rule, 0)
    return tuple(done.values())

