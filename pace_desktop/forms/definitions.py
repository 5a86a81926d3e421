"""Decision-form definitions: what a meeting form asks, read from resources/forms/*.toml.

A definition names a meeting `kind` (MEETING_KINDS), a `title`, an optional `about` line, and
its `[[fields]]` in the order they are asked. Each field has an `id`, a `label`, a `type`
(FIELD_TYPES), and optionally `required`, `required_message`, `help` and `choices`
(`{code, label}` tables, for choice and multi_choice). A decision_list names the `milestones`
its decisions may record and the `routes` they may choose. child_views_how, as a choice, has
a `detail_label` line for words of its own ("why not"), `detail_required_for` the choices that
need it, and `detail_message` for when it is missing.

Every definition holds all the *standard* fields, because every decision record holds them
(DOMAIN.md, "Meetings and decisions"); a form may relabel them, reorder them, make them
required and explain them, but not leave one out, so no form can silently drop part of a
record it opens. Their ids are the Meeting attributes they fill (STANDARD_TYPES).

A form may also ask the fuller *parts* of a record (PART_TYPES: each person's views, what a
review considered, family time, brothers and sisters, routes considered, orders, the
permanence panel's make-up), each under its own id and type, where its meeting needs them.
A form that leaves a part out keeps it as the record had it (forms.values, `base`).

A form may also ask *extra* questions that the Meeting record has no place for. Those must be
yes_no, choice or multi_choice, and give `decision_text`: the sentence, per answer, that is
added to the meeting's decisions. The answer is then part of the record a person reads (and
of the chronology when the record is finalised), and it comes back from the record when the
form is opened again; nothing is kept that the record does not show.

A malformed definition is refused with a message naming the file, the field and the problem.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pace_desktop import paths
from pace_desktop.domain.vocab import MEETING_KINDS, MILESTONE_KINDS, ROUTES

FIELD_TYPES: Final = frozenset({
    "text", "long_text", "date", "choice", "multi_choice", "person", "yes_no",
    "attendee_list", "decision_list", "action_list",
    "view_list", "assessment", "family_time_list", "sibling_list", "route_list", "order_list",
    "panel_details",
})

# The fuller parts of a record (INTERCHANGE.md, MEETING, *new*; and the permanence panel's
# make-up): a form asks those that suit its meeting, and keeps the others as they were.
PART_TYPES: Final[dict[str, str]] = {
    "views": "view_list",
    "assessment": "assessment",
    "family_time": "family_time_list",
    "siblings": "sibling_list",
    "routes_considered": "route_list",
    "orders": "order_list",
    "panel": "panel_details",
}

# The Meeting attribute each standard field fills, and the field types that can fill it.
STANDARD_TYPES: Final[dict[str, frozenset[str]]] = {
    "date": frozenset({"date"}),
    "chair": frozenset({"person", "text"}),
    "attendees": frozenset({"attendee_list"}),
    "child_views": frozenset({"long_text", "text"}),
    "child_views_how": frozenset({"choice", "text"}),
    "family_views": frozenset({"long_text", "text"}),
    "decisions": frozenset({"decision_list"}),
    "actions": frozenset({"action_list"}),
    "next_review": frozenset({"date"}),
}
EXTRA_TYPES: Final = frozenset({"yes_no", "choice", "multi_choice"})
YES_NO: Final = (("yes", "Yes"), ("no", "No"))

_FORM_KEYS: Final = frozenset({"kind", "title", "about", "fields"})
_FIELD_KEYS: Final = frozenset({
    "id", "label", "type", "required", "required_message", "help", "choices",
    "detail_label", "detail_help", "detail_message", "detail_required_for", "decision_text",
    "milestones", "routes",
})


class DefinitionError(Exception):
    """A form definition that cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class FieldDef:
    id: str
    label: str
    type: str
    required: bool = False
    required_message: str = ""
    help: str = ""
    choices: tuple[Choice, ...] = ()
    # A choice may carry a line of detail ("how, or why not"), kept in the same record text.
    detail_label: str = ""
    detail_help: str = ""
    detail_message: str = ""
    detail_required_for: tuple[str, ...] = ()
    # Extras only: the decision sentence each answer adds to the record.
    decision_text: tuple[tuple[str, str], ...] = ()
    # decision_list only: what its decisions may record.
    milestones: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()

    @property
    def is_standard(self) -> bool:
        return self.id in STANDARD_TYPES or self.id in PART_TYPES

    @property
    def options(self) -> tuple[Choice, ...]:
        """The answers to pick from: yes/no for yes_no, else the listed choices."""
        if self.type == "yes_no":
            return tuple(Choice(c, label) for c, label in YES_NO)
        return self.choices

    def choice_label(self, code: str) -> str:
        return next((c.label for c in self.options if c.code == code), code)

    def sentence(self, code: str) -> str:
        return dict(self.decision_text).get(code, "")

    @property
    def blank_message(self) -> str:
        return self.required_message or f"Please answer: {self.label}"


@dataclass(frozen=True, slots=True)
class FormDef:
    kind: str
    title: str
    fields: tuple[FieldDef, ...]
    about: str = ""
    source: str = ""

    def field(self, field_id: str) -> FieldDef:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    @property
    def extras(self) -> tuple[FieldDef, ...]:
        return tuple(f for f in self.fields if not f.is_standard)


def forms_dir() -> Path:
    return paths.resources_dir() / "forms"


def load_definition(path: Path) -> FormDef:
    """Read and check one definition file; DefinitionError names the file and the problem."""
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(f"{name}: the file could not be read ({exc}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"{name}: this is not valid TOML ({exc}).") from exc
    return parse_definition(raw, name)


def parse_definition(raw: Mapping[str, Any], name: str = "definition") -> FormDef:
    unknown = sorted(set(raw) - _FORM_KEYS)
    if unknown:
        raise DefinitionError(f"{name}: unknown setting {', '.join(unknown)} (a typo?).")
    kind = raw.get("kind")
    if kind not in MEETING_KINDS:
        raise DefinitionError(f"{name}: 'kind' must be one of {', '.join(MEETING_KINDS)}, "
                              f"not {kind!r}.")
    title = _text(raw, "title", name)
    about = raw.get("about", "")
    if not isinstance(about, str):
        raise DefinitionError(f"{name}: 'about' must be text.")
    items = raw.get("fields")
    if not isinstance(items, list) or not items:
        raise DefinitionError(f"{name}: there are no [[fields]].")
    fields: list[FieldDef] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"{name}: field {n}"
        if not isinstance(item, dict):
            raise DefinitionError(f"{where}: must be a table.")
        if isinstance(item.get("id"), str):
            where = f"{name}: field '{item['id']}'"
        f = _field(item, where)
        if f.id in seen:
            raise DefinitionError(f"{where}: the id is used twice.")
        seen.add(f.id)
        fields.append(f)
    missing = [k for k in STANDARD_TYPES if k not in seen]
    if missing:
        raise DefinitionError(f"{name}: every decision record holds {', '.join(missing)}; "
                              "add the missing field(s).")
    date_field = next(f for f in fields if f.id == "date")
    if not date_field.required:
        raise DefinitionError(f"{name}: field 'date': the meeting date must be required.")
    return FormDef(kind, title, tuple(fields), about, name)


def _text(raw: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise DefinitionError(f"{where}: '{key}' must be {'non-empty ' if default is None else ''}"
                              "text.")
    return value


def _codes(raw: Mapping[str, Any], key: str, where: str, known: Mapping[str, str]
           ) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DefinitionError(f"{where}: '{key}' must be a list of codes.")
    wrong = [v for v in value if v not in known]
    if wrong:
        raise DefinitionError(f"{where}: '{key}' has unknown code(s) {', '.join(wrong)}; "
                              f"known: {', '.join(known)}.")
    return tuple(value)


def _field(raw: Mapping[str, Any], where: str) -> FieldDef:
    unknown = sorted(set(raw) - _FIELD_KEYS)
    if unknown:
        raise DefinitionError(f"{where}: unknown setting {', '.join(unknown)} (a typo?).")
    fid = _text(raw, "id", where)
    if not fid.isidentifier():
        raise DefinitionError(f"{where}: the id must be letters, digits and underscores.")
    label = _text(raw, "label", where)
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        raise DefinitionError(f"{where}: 'type' must be one of {', '.join(sorted(FIELD_TYPES))},"
                              f" not {ftype!r}.")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise DefinitionError(f"{where}: 'required' must be true or false.")
    if fid in STANDARD_TYPES:
        if ftype not in STANDARD_TYPES[fid]:
            raise DefinitionError(f"{where}: this standard field must be of type "
                                  f"{' or '.join(sorted(STANDARD_TYPES[fid]))}, not {ftype}.")
    elif fid in PART_TYPES:
        if ftype != PART_TYPES[fid]:
            raise DefinitionError(f"{where}: this part of the record must be of type "
                                  f"{PART_TYPES[fid]}, not {ftype}.")
    elif ftype in PART_TYPES.values():
        raise DefinitionError(f"{where}: a {ftype} field must have the id "
                              f"{next(k for k, v in PART_TYPES.items() if v == ftype)}.")
    elif ftype not in EXTRA_TYPES:
        raise DefinitionError(
            f"{where}: the meeting record has no place for '{fid}'; an extra question must be "
            "yes_no, choice or multi_choice with a decision_text (or use a standard id: "
            f"{', '.join([*STANDARD_TYPES, *PART_TYPES])}).")
    choices = _choices(raw, where, ftype)
    codes = {c.code for c in choices} if ftype != "yes_no" else {"yes", "no"}
    detail_required = raw.get("detail_required_for", [])
    if not isinstance(detail_required, list) or any(c not in codes for c in detail_required):
        raise DefinitionError(f"{where}: 'detail_required_for' must list codes of its choices.")
    if (raw.get("detail_label") or detail_required) and fid != "child_views_how":
        raise DefinitionError(f"{where}: only child_views_how has a detail line.")
    if fid == "child_views_how" and ftype == "choice" and not raw.get("detail_label"):
        # Records often say how in words of their own; the detail line keeps those words.
        raise DefinitionError(f"{where}: a choice for child_views_how needs a 'detail_label'.")
    if detail_required and not raw.get("detail_label"):
        raise DefinitionError(f"{where}: 'detail_required_for' needs a 'detail_label'.")
    sentences = _decision_text(raw, where, fid, codes)
    milestones = _codes(raw, "milestones", where, MILESTONE_KINDS)
    routes = _codes(raw, "routes", where, ROUTES)
    if (milestones or routes) and ftype != "decision_list":
        raise DefinitionError(f"{where}: only a decision_list records milestones and routes.")
    return FieldDef(
        id=fid, label=label, type=ftype, required=required,
        required_message=_text(raw, "required_message", where, ""),
        help=_text(raw, "help", where, ""), choices=choices,
        detail_label=_text(raw, "detail_label", where, ""),
        detail_help=_text(raw, "detail_help", where, ""),
        detail_message=_text(raw, "detail_message", where, ""),
        detail_required_for=tuple(detail_required), decision_text=sentences,
        milestones=milestones, routes=routes)


def _choices(raw: Mapping[str, Any], where: str, ftype: str) -> tuple[Choice, ...]:
    items = raw.get("choices")
    if ftype not in ("choice", "multi_choice"):
        if items is not None:
            raise DefinitionError(f"{where}: only choice and multi_choice fields have choices.")
        return ()
    if not isinstance(items, list) or not items:
        raise DefinitionError(f"{where}: a {ftype} field needs 'choices'.")
    out: list[Choice] = []
    for n, item in enumerate(items, 1):
        if (not isinstance(item, dict) or set(item) != {"code", "label"}
                or not all(isinstance(v, str) and v.strip() for v in item.values())):
            raise DefinitionError(f"{where}: choice {n} must be {{ code = \"…\", label = \"…\" }}.")
        out.append(Choice(item["code"], item["label"]))
    if len({c.code for c in out}) != len(out):
        raise DefinitionError(f"{where}: two choices have the same code.")
    return tuple(out)


def _decision_text(raw: Mapping[str, Any], where: str, fid: str, codes: set[str]
                   ) -> tuple[tuple[str, str], ...]:
    table = raw.get("decision_text")
    if fid in STANDARD_TYPES or fid in PART_TYPES:
        if table is not None:
            raise DefinitionError(f"{where}: a standard field fills its own part of the record; "
                                  "decision_text is for extra questions.")
        return ()
    if not isinstance(table, dict) or set(table) != codes or not all(
            isinstance(v, str) and v.strip() for v in table.values()):
        raise DefinitionError(f"{where}: 'decision_text' must give a sentence for each answer "
                              f"({', '.join(sorted(codes))}).")
    if len(set(table.values())) != len(table):
        raise DefinitionError(f"{where}: each answer needs its own decision_text sentence.")
    return tuple((c, table[c]) for c in sorted(codes))


def load_all(folder: Path | None = None) -> dict[str, FormDef]:
    """Every definition in `folder` (default resources/forms), by meeting kind."""
    found: dict[str, FormDef] = {}
    for path in sorted((folder or forms_dir()).glob("*.toml")):
        form = load_definition(path)
        if form.kind in found:
            raise DefinitionError(f"{path.name}: the kind {form.kind} is already defined in "
                                  f"{found[form.kind].source}.")
        found[form.kind] = form
    return found


_cache: dict[str, FormDef] | None = None


def definitions() -> dict[str, FormDef]:
    """The installed definitions, read once (they do not change while the app runs)."""
    global _cache
    if _cache is None:
        _cache = load_all()
    return _cache


def definition_for(kind: str) -> FormDef:
    forms = definitions()
    if kind not in forms:
        raise DefinitionError(f"There is no form for {MEETING_KINDS.get(kind, kind)} "
                              f"(looked for kind {kind!r} in {forms_dir()}).")
    return forms[kind]
