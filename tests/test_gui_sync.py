"""File ▸ Send children to another laptop…, File ▸ Receive children… and the Conflicts view,
driven as a person would on the real app and real stores: the summary names the conflict,
the caseload marks the child, and the conflict is resolved from the keyboard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from pace_desktop.gui.caseload_model import CONFLICT_MARK, NAME
from pace_desktop.gui.sync_dialogs import ConflictsDialog, SendDialog
from pace_desktop.store import CaseStore
from pace_desktop.store.package_file import read_package
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)

SECRET = "heather on the hill 42"


def _conflict_waiting(tmp: Path) -> tuple[Path, Path]:
    """The office store, and a package from the meeting laptop in which C-001's worker was
    changed to another name than the office's."""
    office = make_store(tmp / "office.pacestore", sample_children())
    meeting = tmp / "meeting.pacestore"
    with CaseStore.open(office, PASSPHRASE) as o, \
            CaseStore.create(meeting, PASSPHRASE, "Ruth Isbister") as m:
        o.send_children(["C-001", "C-002"], tmp / "out.pacepkg", SECRET)
        m.receive_package(read_package(tmp / "out.pacepkg", SECRET))
        m.save_child_details(replace(m.child("C-001"), allocated_worker="Anna Sinclair"))
        o.save_child_details(replace(o.child("C-001"), allocated_worker="Tom Flett"))
        m.send_children(["C-001"], tmp / "back.pacepkg", SECRET)
    return office, tmp / "back.pacepkg"


def test_receive_shows_a_summary_marks_the_child_and_resolves_from_the_keyboard(
        qtbot: QtBot, tmp_path: Path) -> None:
    office, package = _conflict_waiting(tmp_path)
    with running_app(office, office) as app:
        window = unlock(qtbot, app)
        moved: list[tuple[int, int]] = []
        window.sync._signal.moved.connect(lambda done, total: moved.append((done, total)))
        window.findChild(QAction, "receiveChildrenAction").trigger()
        qtbot.waitUntil(lambda: window.sync.file_dialog is not None, timeout=WAIT_MS)
        window.sync.file_dialog.fileSelected.emit(str(package))  # the file chosen
        secret = window.sync.dialog.findChild(QLineEdit, "receivePassphraseEdit")
        qtbot.keyClicks(secret, SECRET)
        qtbot.keyClick(secret, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sync.summary is not None, timeout=WAIT_MS)
        text = window.sync.summary.text()
        assert "Received from Ruth Isbister" in text and "1 conflict(s)" in text
        assert "allocated_worker" in text
        # the progress bar went from the start to its end, and is gone with the summary
        assert moved and moved[-1][0] == moved[-1][1] > 0 and window.sync.progress is None
        settle(qtbot, app)
        qtbot.waitUntil(lambda: any(CONFLICT_MARK in (window.model.index(r, NAME).data() or "")
                                    for r in range(window.model.rowCount())), timeout=WAIT_MS)
        names = [window.model.index(r, NAME).data() for r in range(window.model.rowCount())]
        assert sum(CONFLICT_MARK in n for n in names) == 1

        window.sync.summary.close()
        window.open_child("C-001")
        banner = window.record.conflict_banner
        qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT_MS)
        assert banner.text().startswith("A conflict to resolve")
        window.show_caseload()
        conflicts = window.findChild(QAction, "conflictsAction")
        assert conflicts.shortcut().toString() == "Ctrl+Shift+K"
        conflicts.trigger()
        qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ConflictsDialog), timeout=WAIT_MS)
        dialog = window.sync.dialog
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
        assert dialog.mine.text().startswith("Tom Flett")
        assert dialog.theirs.text().startswith("Anna Sinclair")
        qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Keep theirs
        qtbot.waitUntil(lambda: dialog.message.text() == "No conflicts to resolve.",
                        timeout=WAIT_MS)
        settle(qtbot, app)
    with CaseStore.open(office, PASSPHRASE) as s:
        assert s.child("C-001").allocated_worker == "Anna Sinclair" and s.conflicts() == []
        assert s.audit_entries()[0].operation == "resolve conflict"


def test_send_children_writes_a_package_the_other_laptop_can_open(
        qtbot: QtBot, tmp_path: Path) -> None:
    office = make_store(tmp_path / "office.pacestore", sample_children())
    out = tmp_path / "to-meeting.pacepkg"
    with running_app(office, office) as app:
        window = unlock(qtbot, app)
        window.findChild(QAction, "sendChildrenAction").trigger()
        qtbot.waitUntil(lambda: isinstance(window.sync.dialog, SendDialog), timeout=WAIT_MS)
        dialog = window.sync.dialog
        dialog.children_list.item(0).setCheckState(Qt.CheckState.Checked)
        qtbot.keyClicks(dialog.secret, "short")
        qtbot.keyClicks(dialog.again, "short")
        dialog.go.click()
        assert "at least 12 characters" in dialog.message.text() and dialog.isVisible()
        dialog.secret.clear()
        dialog.again.clear()
        qtbot.keyClicks(dialog.secret, SECRET)
        qtbot.keyClicks(dialog.again, SECRET)
        dialog.go.click()
        qtbot.waitUntil(lambda: window.sync.file_dialog is not None, timeout=WAIT_MS)
        window.sync.file_dialog.fileSelected.emit(str(out))
        qtbot.waitUntil(lambda: window.sync.summary is not None, timeout=WAIT_MS)
        assert window.sync.summary.windowTitle() == "Sent"
        settle(qtbot, app)
    package = read_package(out, SECRET)
    assert len(package.children) == 1 and package.sender_user


def test_a_whole_record_conflict_offers_only_mine_or_theirs(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    """Issue 13: a home deleted on the other laptop and changed here is one conflict about the
    whole record; the view says so and offers no value to type (as `resolve` refuses one)."""
    from pace_desktop.store import sync_state
    from pace_desktop.store.package_file import write_package

    office = make_store(tmp_path / "office.pacestore", sample_children())
    meeting = tmp_path / "meeting.pacestore"
    with CaseStore.open(office, PASSPHRASE) as o, \
            CaseStore.create(meeting, PASSPHRASE, "Ruth Isbister") as m:
        o.send_children(["C-001"], tmp_path / "out.pacepkg", SECRET)
        m.receive_package(read_package(tmp_path / "out.pacepkg", SECRET))
        home = o.child("C-001").living[0]
        o.save_living("C-001", replace(home, reason_for_move="closer to her school"))
        m.send_children(["C-001"], tmp_path / "back.pacepkg", SECRET)
        package = read_package(tmp_path / "back.pacepkg", SECRET)
        (packed,) = package.children
        snap = sync_state.snapshot_from_json(packed.snapshot)
        del snap[("living", home.id)]  # as the meeting laptop would send it, had it deleted
        write_package(tmp_path / "deleted.pacepkg", SECRET, replace(package, children=(
            replace(packed, snapshot=sync_state.snapshot_json(snap)),)))
        o.receive_package(read_package(tmp_path / "deleted.pacepkg", SECRET))
        assert [c.field for c in o.conflicts()] == ["(deleted)"]
    with running_app(office, office) as app:
        window = unlock(qtbot, app)
        window.sync.show_conflicts()
        qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ConflictsDialog),
                        timeout=WAIT_MS)
        dialog = window.sync.dialog
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
        assert not dialog.value.isEnabled() and not dialog.use_value.isEnabled()
        assert "whole record" in dialog.message.text()
        assert dialog.keep_mine.isEnabled() and dialog.keep_theirs.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Keep mine
        qtbot.waitUntil(lambda: dialog.message.text() == "No conflicts to resolve.",
                        timeout=WAIT_MS)
        settle(qtbot, app)
    with CaseStore.open(office, PASSPHRASE) as s:
        assert s.child("C-001").living[0].reason_for_move == "closer to her school"
        assert s.conflicts() == [] and s.check() == []
