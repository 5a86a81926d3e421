"""Drafts of meeting records: kept as they are typed, so a killed process loses nothing that
the autosave had reported, and brought back when the record is opened again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pace_desktop.gui.forms.meeting_editor import MeetingEditor, draft_key
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import Draft
from tests.gui_helpers import PASSPHRASE, make_store, sample_children
from tests.test_gui_meeting_form import REF, WAIT_MS, ask, fill_lac_review, open_editor

ROOT = Path(__file__).resolve().parents[1]
VIEWS = "Ailsa said she likes the cat at her carers' house and wants to see Mum more."


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return make_store(tmp_path / "caseload.pacestore", sample_children()[:1])


@pytest.fixture
def runner(qtbot: QtBot, store_file: Path) -> Iterator[StoreRunner]:
    runner = StoreRunner()
    opened: list[object] = []
    runner.open(store_file, PASSPHRASE, done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield runner
    runner.shutdown()


@pytest.mark.parametrize("kind", ["lac_review", "hearing", "panel"])
def test_draft_survives_a_killed_process(qtbot: QtBot, store_file: Path, kind: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.meeting_draft_writer", str(store_file), PASSPHRASE, REF,
         VIEWS, "14/03/2025", kind],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    watchdog = threading.Timer(60, proc.kill)  # a writer that hangs must not hang the suite
    watchdog.start()
    try:
        first = proc.stdout.readline()
    finally:
        watchdog.cancel()
    assert first.strip() == "saved", f"the writer said {first!r}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()

    runner = StoreRunner()
    try:
        opened: list[object] = []
        runner.open(store_file, PASSPHRASE, done=opened.append)
        qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
        editor = open_editor(qtbot, runner, kind)
        assert editor.form_view is not None
        values = editor.form_view.values()
        assert (values["date"], values["child_views"]) == ("14/03/2025", VIEWS)
        # The fuller parts the form asks come back too (each form asks its own).
        assert values["decisions"][0]["reasons"] == "She is settled."
        if kind != "hearing":
            assert values["views"][0]["text"] == "Mum said she wants more family time."
        if kind == "lac_review":
            assert values["assessment"]["needs"] == "Help with sleep."
            assert values["siblings"][0]["lives"] == "with Gran in Stornoway"
        if kind == "hearing":
            assert values["orders"][0]["residence"] == "with her foster carers"
        if kind == "panel":
            assert values["panel"]["question"] == "Should she be adopted?"
        views = editor.findChild(QPlainTextEdit, "field_child_views")
        assert views is not None and views.toPlainText() == VIEWS
        assert "brought back" in editor.status.text()
    finally:
        runner.shutdown()


def stored_draft(qtbot: QtBot, runner: StoreRunner, key: str) -> Draft | None:
    found = ask(qtbot, runner, lambda store: [store.draft(key)])
    assert isinstance(found, list)
    return found[0]


def draft_views(qtbot: QtBot, runner: StoreRunner, key: str) -> str:
    draft = stored_draft(qtbot, runner, key)
    assert draft is not None
    return draft.body["values"]["child_views"]


def test_typing_is_autosaved_and_save_drops_the_draft(qtbot: QtBot,
                                                      runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner)
    key = draft_key(REF, "lac_review", None)
    assert editor.key == key == f"meeting:{REF}:new:lac_review"
    with qtbot.waitSignal(editor.draft_saved, timeout=WAIT_MS) as kept:
        qtbot.keyClicks(editor.findChild(QLineEdit, "field_date"), "14/03/2025")
    assert kept.args == [key]
    draft = stored_draft(qtbot, runner, key)
    assert draft is not None and draft.form == "lac_review" and draft.child_ref == REF
    assert draft.body["values"]["date"] == "14/03/2025"

    # Moving to another field keeps what was typed at once, without waiting for the timers.
    editor._debounce.setInterval(60_000)
    editor._every.setInterval(60_000)
    views = views_of(editor)
    views.setFocus()
    qtbot.keyClicks(views, "Happy at nursery")
    date_line = editor.findChild(QLineEdit, "field_date")
    assert date_line is not None
    with qtbot.waitSignal(editor.draft_saved, timeout=2_000):
        date_line.setFocus()
    assert draft_views(qtbot, runner, key) == "Happy at nursery"

    # Closing keeps the last few keystrokes before saying it has closed.
    qtbot.keyClicks(views, " and at home")
    with qtbot.waitSignal(editor.closed, timeout=WAIT_MS):
        editor.close_editor()
    assert draft_views(qtbot, runner, key) == "Happy at nursery and at home"

    # A complete record saved: the autosave is no longer needed.
    again = open_editor(qtbot, runner)
    assert again.form_view is not None
    assert again.form_view.values()["child_views"] == "Happy at nursery and at home"
    again.form_view.set_values({})
    fill_lac_review(qtbot, again)
    with qtbot.waitSignal(again.saved, timeout=WAIT_MS) as saved:
        again.save()
    assert stored_draft(qtbot, runner, key) is None
    # Later typing on the saved record is kept under the record's own key.
    assert again.key == draft_key(REF, None, saved.args[0])
    with qtbot.waitSignal(again.draft_saved, timeout=WAIT_MS) as kept:
        qtbot.keyClicks(views_of(again), " More.")
    assert kept.args == [again.key]


def views_of(editor: MeetingEditor) -> QPlainTextEdit:
    views = editor.findChild(QPlainTextEdit, "field_child_views")
    assert views is not None
    return views


def test_the_timer_keeps_a_draft_every_few_seconds(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner)
    editor._debounce.setInterval(60_000)  # only the every-few-seconds timer is left to save
    views_of(editor).setPlainText("Typed without a pause")
    with qtbot.waitSignal(editor.draft_saved, timeout=WAIT_MS):
        pass
    assert draft_views(qtbot, runner, editor.key) == "Typed without a pause"
