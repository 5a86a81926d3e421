"""A later package from the same laptop is compared with the audit head witnessed from an
earlier one (store/package_heads.py): an honest sender passes quietly, a sender whose log
was cut back, replaced by an older copy or rewritten between two packages is named plainly
on receipt and by `check`, and the package's children arrive all the same."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.domain import Event
from pace_desktop.store import CaseStore
from pace_desktop.store.package_file import read_package, write_package
from pace_desktop.sync_summary import received_lines
from tests.conftest import PASSPHRASE
from tests.tamperings import _rechain_plain, _sql
from tests.test_store_operations import isla

SECRET = "heather on the hill 42"


@pytest.fixture
def sender(tmp_path: Path) -> Path:
    path = tmp_path / "office.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Mairi Flett") as s:
        s.set_named_user("Mairi Flett", "social worker")
        s.import_children([isla()], source="file.json")
    return path


def _send(path: Path, out: Path, note: str | None = None) -> Path:
    with CaseStore.open(path, PASSPHRASE) as s:
        if note:
            s.add_event("OR-1", Event(date(2025, 4, 1), note))
        s.send_children(["OR-1"], out, SECRET)
    return out


def _receive(path: Path, package: Path) -> tuple[list[str], list[str], int]:
    """What the receiver is told, what its `check` notes, and how many entries Isla has."""
    with CaseStore.open(path, PASSPHRASE) as s:
        lines = received_lines(s.receive_package(read_package(package, SECRET)))
        assert s.check() == []
        return lines, s.notes, len(next(iter(s.children(["OR-1"]))).events)


@pytest.fixture
def receiver(tmp_path: Path) -> Path:
    path = tmp_path / "meeting.pacestore"
    CaseStore.create(path, PASSPHRASE, "Ruth Isbister").close()
    return path


def _warnings(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("Warning:")]


def test_an_honest_sender_passes_quietly(sender: Path, receiver: Path, tmp_path: Path) -> None:
    first = _send(sender, tmp_path / "1.pacepkg")
    second = _send(sender, tmp_path / "2.pacepkg", "Visit")
    assert read_package(second, SECRET).sent_heads  # the head shown in the first
    lines, notes, events = _receive(receiver, first)
    assert _warnings(lines) == [] and events == 1
    lines, notes, events = _receive(receiver, second)
    assert _warnings(lines) == [] and events == 2
    assert not [n for n in notes if "audit log" in n and "package" in n]
    third = _send(sender, tmp_path / "3.pacepkg", "Review")
    assert _warnings(_receive(receiver, third)[0]) == []


def test_an_older_package_arriving_late_is_not_a_warning(sender: Path, receiver: Path,
                                                         tmp_path: Path) -> None:
    first = _send(sender, tmp_path / "1.pacepkg")
    second = _send(sender, tmp_path / "2.pacepkg", "Visit")
    assert _warnings(_receive(receiver, second)[0]) == []
    lines, notes, events = _receive(receiver, first)
    assert _warnings(lines) == [] and events == 2 and "already" in lines[0]


def test_a_sender_log_cut_back_between_two_packages_is_said(
        sender: Path, receiver: Path, tmp_path: Path) -> None:
    first = _send(sender, tmp_path / "1.pacepkg")
    head = read_package(first, SECRET).audit_seq - 1
    _receive(receiver, first)
    # with the passphrase and plain SQL: the entries from the witnessed head on removed
    _sql(sender, f"DELETE FROM audit WHERE seq >= {head}")
    (sender.parent / (sender.name + ".witness")).unlink()
    with CaseStore.open(sender, PASSPHRASE) as s:  # new work goes on past the old head
        for title in ("One", "Two", "Three"):
            s.add_event("OR-1", Event(date(2025, 5, 1), title))
    second = _send(sender, tmp_path / "2.pacepkg")
    assert read_package(second, SECRET).audit_seq - 1 > head
    lines, notes, events = _receive(receiver, second)
    (warning,) = _warnings(lines)
    assert f"Mairi Flett's audit log no longer holds entry {head}" in warning
    assert "older copy" in warning and "\n" not in warning
    assert events == 4  # the package was not refused: its children arrived
    assert any(f"no longer holds entry {head}" in n for n in notes)


def test_an_older_copy_in_the_senders_place_is_said(sender: Path, receiver: Path,
                                                    tmp_path: Path) -> None:
    older = tmp_path / "older-copy"
    shutil.copy(sender, older)
    first = _send(sender, tmp_path / "1.pacepkg", "Visit")
    _receive(receiver, first)
    shutil.copy(older, sender)  # the file manager way: the old copy put back
    second = _send(sender, tmp_path / "2.pacepkg")
    lines, notes, _events = _receive(receiver, second)
    (warning,) = _warnings(lines)
    assert "Mairi Flett's audit log has gone back" in warning
    # its children looked old (already here): still received as an operation, so it is kept
    assert "OR-1: already up to date from this laptop" in "\n".join(lines)
    assert any("has gone back" in n for n in notes)


def test_a_sender_log_rewritten_between_two_packages_is_said(
        sender: Path, receiver: Path, tmp_path: Path) -> None:
    first = _send(sender, tmp_path / "1.pacepkg")
    head = read_package(first, SECRET).audit_seq - 1
    _receive(receiver, first)
    _rechain_plain(sender, "UPDATE audit SET who = 'someone else' WHERE seq = 2")
    second = _send(sender, tmp_path / "2.pacepkg", "Visit")
    lines, notes, events = _receive(receiver, second)
    (warning,) = _warnings(lines)
    assert f"Mairi Flett's audit log was rewritten: entry {head}" in warning
    assert events == 2
    assert any("was rewritten" in n for n in notes)


def test_a_package_from_before_sent_heads_can_prove_less_and_says_so(
        sender: Path, receiver: Path, tmp_path: Path) -> None:
    first = _send(sender, tmp_path / "1.pacepkg")
    _receive(receiver, first)
    second = _send(sender, tmp_path / "2.pacepkg", "Visit")
    old_style = write_package(tmp_path / "old.pacepkg", SECRET,
                              replace(read_package(second, SECRET), sent_heads=None))
    lines, notes, events = _receive(receiver, old_style)
    (warning,) = _warnings(lines)
    assert "older version of PACE Desktop" in warning and "could not show" in warning
    assert events == 2
    assert not any("older version" in n for n in notes)  # unproven, not altered
