"""Where a package passphrase comes from (issue 13): `PACE_PACKAGE_PASSPHRASE`, a file
(`--package-passphrase-file`, its first line), or a prompt typed twice when making a package
(a mismatch or a short one writes nothing); with none of them and no terminal, one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.store import CaseStore
from tests.conftest import FIXTURES, PASSPHRASE

SECRET = "heather on the hill 42"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("PACE_PACKAGE_PASSPHRASE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = str(tmp_path / "office.pacestore")
    assert main(["init", "--store", store, "--owner", "Mairi Flett"]) == 0
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", store]) == 0
    return store


def test_a_package_passphrase_from_a_file(office: str, tmp_path: Path) -> None:
    secret_file = tmp_path / "package-secret.txt"
    secret_file.write_text(SECRET + "\nnote: given to Ruth by phone\n", encoding="utf-8")
    out = tmp_path / "a.pacepkg"
    assert main(["package", "--store", office, "--child", "FX-A", "--out", str(out),
                 "--package-passphrase-file", str(secret_file)]) == 0
    meeting = str(tmp_path / "meeting.pacestore")
    assert main(["init", "--store", meeting, "--owner", "Ruth Isbister"]) == 0
    assert main(["receive", str(out), "--store", meeting,
                 "--package-passphrase-file", str(secret_file)]) == 0
    with CaseStore.open(meeting, PASSPHRASE) as s:
        assert s.refs() == ["FX-A"]


def test_a_prompted_package_passphrase_is_typed_twice(
        office: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    answers = iter([SECRET, SECRET + " typo"])

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", typed)
    out = tmp_path / "a.pacepkg"
    words = ["package", "--store", office, "--child", "FX-A", "--out", str(out)]
    assert main(words) == 1
    err = capsys.readouterr().err.strip()
    assert len(asked) == 2 and "not the same" in err and "\n" not in err
    assert not out.exists()
    asked.clear()
    answers = iter(["too short"])
    assert main(words) == 1
    assert "at least 12 characters" in capsys.readouterr().err and len(asked) == 1
    assert not out.exists()
    asked.clear()
    answers = iter([SECRET, SECRET])
    assert main(words) == 0 and len(asked) == 2 and out.exists()
    # receiving asks once
    asked.clear()
    answers = iter([SECRET])
    meeting = str(tmp_path / "meeting.pacestore")
    assert main(["init", "--store", meeting, "--owner", "Ruth Isbister"]) == 0
    assert main(["receive", str(out), "--store", meeting]) == 0 and len(asked) == 1


def test_no_package_passphrase_and_no_terminal_is_one_line(
        office: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    out = tmp_path / "a.pacepkg"
    assert main(["package", "--store", office, "--child", "FX-A", "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("No package passphrase given") and "\n" not in err
    assert not out.exists()
