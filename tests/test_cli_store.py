"""The command line over a real store: every command, its messages and exit status."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pace_desktop.cli import main
from pace_desktop.store import CaseStore
from tests.conftest import FIXTURES, PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("PACE_NEW_PASSPHRASE", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_import_export_check_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    store = str(tmp_path / "s.pacestore")
    assert run(capsys, "init", "--store", store, "--owner", "Ewan Rendall")[0] == 0
    code, out, _ = run(capsys, "import", str(FIXTURES / "journeys.json"), "--store", store)
    assert code == 0 and "Imported 14 new" in out
    code, out, _ = run(capsys, "check", "--store", store)
    assert code == 0 and "sound" in out and "14 children" in out
    out_file = tmp_path / "export.json"
    code, out, _ = run(capsys, "export", "--store", store, "--out", str(out_file),
                       "--child", "FX-A", "--child", "FX-B")
    assert code == 0 and "not encrypted" in out
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert [c["ref"] for c in exported["children"]] == ["FX-A", "FX-B"]
    backup = tmp_path / "b.pacebackup"
    assert run(capsys, "backup", "--store", store, "--out", str(backup))[0] == 0
    with CaseStore.open(backup, PASSPHRASE) as b:
        assert len(b.refs()) == 14


def test_failures_are_one_plain_line_never_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = str(tmp_path / "s.pacestore")
    code, _, err = run(capsys, "check", "--store", store)
    assert code == 1 and err.startswith("There is no store at") and err.count("\n") == 1
    run(capsys, "init", "--store", store)
    monkeypatch.setenv("PACE_PASSPHRASE", "a wrong passphrase")
    code, _, err = run(capsys, "check", "--store", store)
    assert code == 1 and "does not open this store" in err and "Traceback" not in err
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, "journey", "--store", store, "--child", "NOPE")
    assert code == 1 and err == "There is no child with the reference NOPE in this store.\n"


def test_passphrase_file_and_rekey(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store = str(tmp_path / "s.pacestore")
    run(capsys, "init", "--store", store)
    monkeypatch.delenv("PACE_PASSPHRASE")
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    assert run(capsys, "rekey", "--store", store, "--passphrase-file", str(secret),
               "--new-passphrase-file", str(new))[0] == 0
    code, _, err = run(capsys, "check", "--store", store, "--passphrase-file", str(secret))
    assert code == 1 and "does not open" in err
    assert run(capsys, "check", "--store", store, "--passphrase-file", str(new))[0] == 0


BROKEN = [
    ('{"format": "pace-interchange", "version": 1, "children": [{"ref": "A"}]}',
     "children[0].given_name"),
    ('{"format": "pace-interchange", "version": 2, "children": []}', "newer version"),
    ('{"format": "something-else", "version": 1, "children": []}', "format"),
    ('{"format": "pace-interchange", "version": 1, "children": [', "line 1"),
    ('{"format": "pace-interchange", "version": 1, "children": [{"ref": "A", "given_name": "A",'
     ' "family_name": "B", "date_of_birth": "2020-01-01", "living": [{"type": "foster",'
     ' "start": "2025-01-01", "end": "2024-01-01"}]}]}',
     "children[0].living[0].end: before start (2024-01-01 < 2025-01-01)"),
    ('{"format": "pace-interchange", "version": 1, "children": [{"ref": "A", "given_name": "A",'
     ' "family_name": "B", "date_of_birth": "2020-01-01", "chi": "0101201235"}]}',
     "children[0].chi"),
]


@pytest.mark.parametrize("text, place", BROKEN)
def test_refused_import_names_the_place_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, place: str) -> None:
    store = str(tmp_path / "s.pacestore")
    run(capsys, "init", "--store", store)
    run(capsys, "import", str(FIXTURES / "journeys.json"), "--store", store)
    with CaseStore.open(store, PASSPHRASE) as s:
        before = (s.refs(), len(s.audit_entries()))
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad), "--store", store)
    assert code == 1 and place in err and "Traceback" not in err
    with CaseStore.open(store, PASSPHRASE) as s:
        assert (s.refs(), len(s.audit_entries())) == before


def test_existing_child_is_refused_by_name_unless_update(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s.pacestore")
    run(capsys, "init", "--store", store)
    run(capsys, "import", str(FIXTURES / "journeys.json"), "--store", store)
    code, _, err = run(capsys, "import", str(FIXTURES / "journeys.json"), "--store", store)
    assert code == 1 and "children[0].ref: FX-A is already in the store" in err
    code, out, _ = run(capsys, "import", str(FIXTURES / "journeys.json"), "--store", store,
                       "--update")
    assert code == 0 and "updated 14" in out


def test_demo_and_journey_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "demo.pacestore")
    code, out, _ = run(capsys, "demo", "--store", store, "--children", "12", "--seed", "3")
    assert code == 0 and "12 more fictional children" in out
    code, out, _ = run(capsys, "due", "--store", store, "--as-of", "2026-11-24", "--json")
    due = json.loads(out)
    assert code == 0 and due["within"] == 28
    order = {"lapsed": 0, "overdue": 1}
    urgency = [(order[d["status"]], -d["days_over"]) if d["status"] in order else (2, d["due"])
               for d in due["due"]]
    assert urgency == sorted(urgency)
    code, out, _ = run(capsys, "cohort", "--store", store, "--json")
    assert code == 0 and len(json.loads(out)["measures"]) == 6


def test_journey_json_matches_the_fixture_expectations(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s.pacestore")
    run(capsys, "init", "--store", store)
    run(capsys, "import", str(FIXTURES / "journeys.json"), "--store", store)
    expected = json.loads((FIXTURES / "journeys.expected.json").read_text(encoding="utf-8"))
    for ref, clocks in expected["children"].items():
        code, out, _ = run(capsys, "journey", "--store", store, "--child", ref, "--as-of",
                           expected["as_of"], "--json")
        got = json.loads(out)
        assert code == 0 and got["child"] == ref and got["as_of"] == expected["as_of"]
        keys = ("rule", "instance", "start", "due", "met", "status", "days", "days_over")
        assert sorted((tuple(c[k] for k in keys) for c in got["clocks"]), key=str) == sorted(
            (tuple(c[k] for k in keys) for c in clocks), key=str)
        assert all(set(c) == {*keys, "label"} for c in got["clocks"])


def test_the_installed_entry_point_runs_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pace_desktop", "import", "missing.json", "--store",
         str(tmp_path / "none.pacestore")], cwd=ROOT, capture_output=True, text=True,
        env={"PACE_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.strip()


def _mutations() -> st.SearchStrategy[tuple[str, object]]:
    """A path into the fixture file and a value to put there: mostly wrong, sometimes fine."""
    paths = st.sampled_from([
        "children.0.ref", "children.1.date_of_birth", "children.0.living.0.start",
        "children.0.living.0.end", "children.0.living.0.type", "children.2.legal.0.status",
        "children.0.meetings.1.decisions.0.route", "children.0.events.0.kind",
        "children.2.meetings.0.date", "children.0.people.0.role", "children.5.events.1.title",
        "children.4.meetings.2.decisions.0.milestone", "version", "children",
    ])
    values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12),
                       st.sampled_from(["2025-02-30", "31/01/2025", "foster", "po", ""]),
                       st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                                                                           st.integers(),
                                                                           max_size=2))
    return st.tuples(paths, values)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=_mutations())
def test_generated_broken_files_never_half_import(tmp_path: Path,
                                                  mutation: tuple[str, object]) -> None:
    store = tmp_path / "gen.pacestore"
    if not store.exists():
        CaseStore.create(store, PASSPHRASE, "Owner").close()
    with CaseStore.open(store, PASSPHRASE) as s:
        before = (s.refs(), len(s.audit_entries()))
    data = json.loads((FIXTURES / "journeys.json").read_text(encoding="utf-8"))
    where, value = mutation
    *parents, last = where.split(".")
    node: object = data
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value  # type: ignore[index]
    bad = tmp_path / "mutated.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["import", str(bad), "--store", str(store), "--update"])
    assert "Traceback" not in err.getvalue()
    with CaseStore.open(store, PASSPHRASE) as s:
        after = (s.refs(), len(s.audit_entries()))
        if code == 0:
            assert after[1] == before[1] + 1 and s.check() == []
        else:
            assert after == before and err.getvalue().strip()
