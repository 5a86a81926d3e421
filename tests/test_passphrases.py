"""Which passphrases a store takes: judged by zxcvbn in the core, used by the command line
(typed twice at init, first line of a file) and the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.gui.unlock_window import DEMO_PASSPHRASE
from pace_desktop.store import (
    CaseStore,
    PassphraseTooShort,
    WeakPassphrase,
    WrongPassphrase,
    check_passphrase,
    passphrase_problem,
)
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize("weak", [" " * 12, "password1234", "aaaaaaaaaaaaaaaa", "qwertyuiopasdf",
                                  "123456789012"])
def test_weak_passphrases_are_refused_saying_why(weak: str, tmp_path: Path) -> None:
    problem = passphrase_problem(weak)
    assert problem is not None and len(problem) > 30
    with pytest.raises(WeakPassphrase):
        CaseStore.create(tmp_path / "s.pacestore", weak, "Owner")
    assert not (tmp_path / "s.pacestore").exists()


def test_a_raw_key_form_is_refused(tmp_path: Path) -> None:
    raw = "x'" + "ab" * 32 + "'"
    assert "raw encryption key" in (passphrase_problem(raw) or "")
    with pytest.raises(WeakPassphrase, match="raw encryption key"):
        CaseStore.create(tmp_path / "s.pacestore", raw, "Owner")


def test_good_passphrases_and_the_demos_pass() -> None:
    for good in (PASSPHRASE, DEMO_PASSPHRASE, "a quiet lighthouse keeps seven kettles"):
        assert passphrase_problem(good) is None, good
        check_passphrase(good)
    with pytest.raises(PassphraseTooShort):
        check_passphrase("short")


def test_rekey_refuses_a_weak_passphrase(store: CaseStore) -> None:
    with pytest.raises(WeakPassphrase):
        store.rekey(" " * 20)
    store.close()
    CaseStore.open(store.path, PASSPHRASE).close()  # unchanged


def test_passphrase_file_gives_its_first_line_only(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PACE_PASSPHRASE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\nthe second line is a note, not the passphrase\n")
    store = tmp_path / "s.pacestore"
    assert main(["init", "--store", str(store), "--passphrase-file", str(secret)]) == 0
    CaseStore.open(store, PASSPHRASE).close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store, PASSPHRASE + "\nthe second line is a note, not the passphrase")


def test_init_asks_twice_and_refuses_a_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PACE_PASSPHRASE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    answers = iter([PASSPHRASE, PASSPHRASE + " typo"])

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", typed)
    store = tmp_path / "s.pacestore"
    assert main(["init", "--store", str(store)]) == 1
    assert len(asked) == 2 and "not the same" in capsys.readouterr().err
    assert not store.exists()
    asked.clear()
    answers = iter([PASSPHRASE, PASSPHRASE])
    assert main(["init", "--store", str(store)]) == 0
    assert len(asked) == 2
    CaseStore.open(store, PASSPHRASE).close()


def test_init_refuses_twelve_spaces_in_one_plain_line(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", " " * 12)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = tmp_path / "s.pacestore"
    assert main(["init", "--store", str(store)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "spaces" in err[0]
    assert not store.exists()
