"""The decision-form definitions in resources/forms: they load, and bad ones say where."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pace_desktop.domain.vocab import MEETING_KINDS, MILESTONE_KINDS, ROUTES
from pace_desktop.forms import DefinitionError, definition_for, load_all, load_definition
from pace_desktop.forms.definitions import (
    PART_TYPES,
    STANDARD_TYPES,
    forms_dir,
    parse_definition,
)

NEEDED = tuple(MEETING_KINDS)  # every kind the app offers has a form
LAC = forms_dir() / "lac_review.toml"


@pytest.mark.parametrize("path", sorted(forms_dir().glob("*.toml")), ids=lambda p: p.stem)
def test_every_definition_file_loads(path: Path) -> None:
    form = load_definition(path)
    assert form.kind == path.stem  # one file per kind, named for it
    assert form.kind in MEETING_KINDS
    assert [f.id for f in form.fields if f.is_standard] == [
        f for f in (f.id for f in form.fields) if f in STANDARD_TYPES or f in PART_TYPES]
    assert set(STANDARD_TYPES) <= {f.id for f in form.fields}
    for f in form.fields:
        assert f.label.strip()
        assert all(m in MILESTONE_KINDS for m in f.milestones)
        assert all(r in ROUTES for r in f.routes)
        if not f.is_standard:
            assert {c.code for c in f.options} == {c for c, _ in f.decision_text}


def test_the_needed_kinds_all_have_a_form() -> None:
    forms = load_all()
    assert set(NEEDED) <= set(forms)
    assert definition_for("lac_review").title == "Looked after child review"


def test_forms_record_the_milestones_their_meetings_decide() -> None:
    def milestones(kind: str) -> tuple[str, ...]:
        return definition_for(kind).field("decisions").milestones

    assert {"permanence_recommendation", "kinship_options_decided"} <= set(
        milestones("lac_review"))
    assert definition_for("lac_review").field("decisions").routes == (
        "home", "po", "poa", "s11", "adoption")
    assert "panel_recommendation" in milestones("panel")
    assert "adm_decision" in milestones("adm")
    assert "advice_hearing" in milestones("hearing")


def test_no_form_for_a_kind_says_so() -> None:
    with pytest.raises(DefinitionError, match="no form for 'no_such_kind'|no form for no_such"):
        definition_for("no_such_kind")


def lac_raw() -> dict:
    return tomllib.loads(LAC.read_text(encoding="utf-8"))


def refused(raw: dict) -> str:
    with pytest.raises(DefinitionError) as caught:
        parse_definition(raw, "broken.toml")
    return str(caught.value)


def test_a_malformed_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('kind = "lac_review"\ntitle = \n', encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"^bad\.toml: this is not valid TOML"):
        load_definition(bad)


def test_unknown_field_type_names_file_field_and_problem() -> None:
    raw = lac_raw()
    raw["fields"][1]["type"] = "signature"
    message = refused(raw)
    assert message.startswith("broken.toml: field 'chair': 'type' must be one of")
    assert "'signature'" in message


def test_a_typo_in_a_setting_is_caught() -> None:
    raw = lac_raw()
    raw["fields"][0]["requird"] = True
    assert "field 'date': unknown setting requird" in refused(raw)


def test_a_missing_standard_field_is_refused() -> None:
    raw = lac_raw()
    raw["fields"] = [f for f in raw["fields"] if f["id"] != "family_views"]
    assert "every decision record holds family_views" in refused(raw)


def test_an_extra_without_a_place_in_the_record_is_refused() -> None:
    raw = lac_raw()
    raw["fields"].append({"id": "notes", "label": "Notes", "type": "long_text"})
    assert "field 'notes': the meeting record has no place for 'notes'" in refused(raw)


def test_an_extra_needs_a_sentence_for_each_answer() -> None:
    raw = lac_raw()
    del next(f for f in raw["fields"] if f["id"] == "siblings_together")["decision_text"]["no"]
    assert "field 'siblings_together': 'decision_text' must give a sentence" in refused(raw)


def test_unknown_milestone_or_route_codes_are_named() -> None:
    raw = lac_raw()
    decisions = next(f for f in raw["fields"] if f["id"] == "decisions")
    decisions["milestones"] = ["permanence_recomendation"]
    assert "unknown code(s) permanence_recomendation" in refused(raw)
    decisions["milestones"], decisions["routes"] = [], ["fostering"]
    assert "field 'decisions': 'routes' has unknown code(s) fostering" in refused(raw)


def test_bad_kind_duplicate_id_and_wrong_standard_type() -> None:
    raw = lac_raw()
    raw["kind"] = "tea_party"
    assert "'kind' must be one of" in refused(raw)
    raw = lac_raw()
    raw["fields"].append(dict(raw["fields"][0]))
    assert "field 'date': the id is used twice" in refused(raw)
    raw = lac_raw()
    raw["fields"][0]["type"] = "text"
    assert "field 'date': this standard field must be of type date" in refused(raw)
    raw = lac_raw()
    raw["fields"][0]["required"] = False
    assert "the meeting date must be required" in refused(raw)


def test_choices_must_be_code_and_label() -> None:
    raw = lac_raw()
    raw["fields"][4]["choices"][0] = {"code": "in_person"}
    assert "field 'child_views_how': choice 1 must be" in refused(raw)


def test_two_files_for_one_kind_are_refused(tmp_path: Path) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(LAC.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DefinitionError, match="b.toml: the kind lac_review is already defined"):
        load_all(tmp_path)
