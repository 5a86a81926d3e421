"""The store's named user signs the work (issue 11, defect 4): the name given when the store
was created, not the login name, on amendments, chronology entries, the audit log and the
PDF's footer and author, whenever Settings names nobody else."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.gui.child.dialogs import AmendDialog, EventDialog
from pace_desktop.print_jobs import PrintRequest, make_pdf
from pace_desktop.settings import Settings
from pace_desktop.store import CaseStore
from tests.gui_helpers import (
    OWNER,
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)


def test_the_stores_named_user_signs_entries_amendments_audit_and_prints(
        qtbot: QtBot, tmp_path: Path) -> None:
    assert OWNER != getpass.getuser()
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:  # Settings name nobody
        assert not app.settings.user_name
        window = unlock(qtbot, app)
        window.open_child("C-001")
        rec = window.record
        qtbot.waitUntil(lambda: rec.view is not None, timeout=WAIT_MS)

        qtbot.mouseClick(rec.chronology.add_button, Qt.MouseButton.LeftButton)
        entry = rec.dialog
        assert isinstance(entry, EventDialog)
        assert entry.source.text() == OWNER
        qtbot.keyClicks(entry.title, "Home visit")
        with qtbot.waitSignal(entry.saved, timeout=WAIT_MS):
            qtbot.mouseClick(entry.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        settle(qtbot, app)

        rec.chronology.select(0)
        qtbot.mouseClick(rec.chronology.edit_button, Qt.MouseButton.LeftButton)
        amend = rec.dialog
        assert isinstance(amend, AmendDialog)
        assert amend.author.text() == OWNER
        amend.done(0)

        made: list[bytes] = []
        request = PrintRequest.for_settings("chronology", "C-001", app.settings,
                                            recipient="internal")
        app.runner.call(lambda store: make_pdf(store, request).pdf, made.append)
        settle(qtbot, app)

    reader = pypdf.PdfReader(io.BytesIO(made[0]))
    assert reader.metadata is not None and reader.metadata.author == OWNER
    footer = reader.pages[0].extract_text()
    assert f"by {OWNER}" in footer and f"by {getpass.getuser()}" not in footer
    with CaseStore.open(path, PASSPHRASE) as store:
        assert store.user == OWNER
        assert store.audit_entries(limit=1)[0].who == OWNER


def test_a_name_in_settings_still_comes_first(tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore")
    with CaseStore.open(path, PASSPHRASE, Settings(user_name="Ewan Rendall").user_name) as s:
        assert s.user == "Ewan Rendall"
