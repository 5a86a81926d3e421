"""The add/edit dialogs as a person types into them (issue 11): the first key lands in the
first field, the import's own rules are checked where the data is typed (so a store's export
always imports again), Escape asks before discarding, no two labels share a shortcut key, and
a message of two lines is shown whole and goes without leaving a gap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Person
from pace_desktop.domain.chi import with_check_digit
from pace_desktop.exchange import parse_interchange, to_interchange
from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.child.dialogs import (
    AmendDialog,
    ChildDialog,
    EventDialog,
    LegalDialog,
    LivingDialog,
    PersonDialog,
)
from pace_desktop.gui.child.move_dialog import MoveDialog
from pace_desktop.gui.child.record_dialog import RecordDialog
from pace_desktop.gui.main_window import MainWindow
from tests.gui_helpers import (
    WAIT_MS,
    choose,
    make_store,
    running_app,
    sample_children,
    settle,
    type_into,
    unlock,
)

GOOD_CHI = with_check_digit("020621123")
assert GOOD_CHI is not None
BAD_CHI = GOOD_CHI[:9] + str((int(GOOD_CHI[9]) + 1) % 10)


@pytest.fixture
def app_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PaceApp, MainWindow, Path]]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        yield app, window, path


def save(qtbot: QtBot, dialog: RecordDialog) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def exported_imports_again(qtbot: QtBot, app: PaceApp) -> None:
    found: list[object] = []
    app.runner.call(lambda store: to_interchange(list(store.children())), found.append)
    settle(qtbot, app)
    data = found[0]
    assert parse_interchange(data) is not None  # InterchangeError would say what it refused


def every_dialog(window: MainWindow) -> list[RecordDialog]:
    rec = window.record
    assert rec.view is not None and rec.ref is not None
    child = rec.view.child
    runner = window._runner
    return [ChildDialog(runner, None, window), ChildDialog(runner, child, window),
            PersonDialog(runner, rec.ref, None, window),
            LivingDialog(runner, rec.ref, None, child.living, window, people=child.people),
            MoveDialog(runner, rec.ref, child.living, window, people=child.people),
            LegalDialog(runner, rec.ref, None, window),
            EventDialog(runner, rec.ref, "Morag Test", window),
            AmendDialog(runner, rec.ref, child.events[0], "Morag Test", window)]


def test_a_chi_with_a_wrong_check_digit_is_refused_where_it_is_typed(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    app, window, path = app_window
    window.add_child()
    dialog = window.child_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    for field, text in (("ref", "C-077"), ("given", "Iona"), ("family", "Reid"),
                        ("born", "2/6/2021"), ("chi", BAD_CHI)):
        type_into(qtbot, dialog.fields[field], text)
    save(qtbot, dialog)
    assert "last digit does not match" in dialog.message("chi")
    assert dialog.isVisible()
    type_into(qtbot, dialog.fields["chi"], GOOD_CHI)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        save(qtbot, dialog)
    settle(qtbot, app)
    exported_imports_again(qtbot, app)


def test_carers_are_chosen_from_the_childs_people_and_export_imports_again(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    app, window, path = app_window
    rec = window.record
    qtbot.mouseClick(rec.people.add_button, Qt.MouseButton.LeftButton)
    person = rec.dialog
    assert isinstance(person, PersonDialog)
    qtbot.keyClicks(person.name, "Morag Reid")  # typing starts in the first field
    choose(person.role, "carer")
    with qtbot.waitSignal(person.saved, timeout=WAIT_MS):
        save(qtbot, person)
    qtbot.waitUntil(lambda: rec.view is not None and len(rec.view.child.people) == 1,
                    timeout=WAIT_MS)
    settle(qtbot, app)

    rec.living.select(0)
    qtbot.mouseClick(rec.living.edit_button, Qt.MouseButton.LeftButton)
    living = rec.dialog
    assert isinstance(living, LivingDialog)
    assert not isinstance(living.carer, QLineEdit)  # not free text: the format wants a person
    carer_id = rec.view.child.people[0].id
    choose(living.carer, carer_id)
    with qtbot.waitSignal(living.saved, timeout=WAIT_MS):
        save(qtbot, living)
    qtbot.waitUntil(lambda: rec.living.model.index(0, 3).data() == "Morag Reid",
                    timeout=WAIT_MS)
    settle(qtbot, app)
    exported_imports_again(qtbot, app)


def test_a_carer_not_in_people_is_refused_with_the_same_rule_as_the_import(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    _, window, _ = app_window
    rec = window.record
    assert rec.view is not None and rec.ref is not None
    old = rec.view.child.living[0]
    from dataclasses import replace
    dialog = LivingDialog(window._runner, rec.ref, replace(old, carer="Mr and Mrs Reid"),
                          rec.view.child.living, window,
                          people=[Person(id="p1", role="carer", name="Ann")])
    qtbot.addWidget(dialog)
    dialog.open()
    save(qtbot, dialog)
    assert "Choose the carers from the child's People" in dialog.message("carer")


def test_every_dialog_starts_with_the_focus_on_its_first_field(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    _, window, _ = app_window
    for dialog in every_dialog(window):
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
        first = dialog.first_field()
        assert first is not None
        assert dialog.focusWidget() is first, dialog.windowTitle()
        assert not isinstance(dialog.focusWidget(), QAbstractButton)
        dialog.done(0)


def test_escape_with_changes_asks_before_discarding(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    _, window, _ = app_window
    rec = window.record
    qtbot.mouseClick(rec.people.add_button, Qt.MouseButton.LeftButton)
    dialog = rec.dialog
    assert isinstance(dialog, PersonDialog)
    qtbot.keyClicks(dialog.name, "Shona")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "Shona"
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    keep = next(b for b in box.buttons() if "Keep" in b.text())
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    discard = next(b for b in dialog.confirm_box.buttons() if "Discard" in b.text())
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_two_labels_in_a_dialog_share_a_shortcut_key(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    _, window, _ = app_window
    for dialog in every_dialog(window):
        qtbot.addWidget(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel)] + [
            b.text() for b in dialog.findChildren(QAbstractButton)]
        keys = [k for k in map(_mnemonic, texts) if k]
        clashes = {k for k in keys if keys.count(k) > 1}
        assert not clashes, (dialog.windowTitle(), clashes, texts)


def test_a_long_message_shows_whole_and_the_dialog_shrinks_back(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    _, window, _ = app_window
    rec = window.record
    qtbot.mouseClick(rec.living.add_button, Qt.MouseButton.LeftButton)
    dialog = rec.dialog
    assert isinstance(dialog, LivingDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    before = dialog.height()
    choose(dialog.type, "kinship")
    type_into(qtbot, dialog.start, "1 May 2024")  # overlaps the foster home: a long message
    save(qtbot, dialog)
    label = dialog.messages["start"]
    assert label.isVisible()
    qtbot.wait(50)
    assert label.height() >= label.heightForWidth(label.width())  # not clipped
    assert dialog.height() > before
    type_into(qtbot, dialog.start, "1 Jan 2024")  # the message goes as it is put right
    qtbot.wait(50)
    assert not label.isVisible()
    assert dialog.height() == before


def test_the_demo_stores_export_imports_again(tmp_path: Path) -> None:
    from pace_desktop.demo_store import make_demo_store
    from pace_desktop.store import CaseStore
    from tests.gui_helpers import PASSPHRASE

    path = tmp_path / "demo.pacestore"
    make_demo_store(path, PASSPHRASE, 40)
    with CaseStore.open(path, PASSPHRASE) as store:
        data = to_interchange(list(store.children()))
    assert len(parse_interchange(data)) == 40


def test_what_the_child_dialog_accepts_the_import_accepts(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    """Hypothesis types CHI numbers into the real dialog: whatever its own check lets through
    is a child the interchange import takes, and whatever it refuses the import refuses."""
    from datetime import date

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from pace_desktop.domain import Child
    from pace_desktop.exchange import InterchangeError

    _, window, _ = app_window
    dialog = ChildDialog(window._runner, None, window)
    qtbot.addWidget(dialog)
    for field, text in (("ref", "C-090"), ("given", "Iona"), ("family", "Reid"),
                        ("born", "2/6/2021")):
        dialog.fields[field].setText(text)  # type: ignore[attr-defined]

    @settings(max_examples=150, deadline=None)
    @given(st.text(alphabet="0123456789 ", min_size=1, max_size=12)
           | st.integers(0, 999_999_999).map(lambda n: with_check_digit(f"{n:09d}") or "0"))
    def typed(chi: str) -> None:
        dialog.chi.setText(chi)
        accepted = "chi" not in dialog.check()
        child = Child(ref="C-090", given_name="Iona", family_name="Reid",
                      date_of_birth=date(2021, 6, 2), chi=chi.replace(" ", "") or None)
        try:
            parse_interchange(to_interchange([child]))
            imported = True
        except InterchangeError:
            imported = False
        assert accepted == imported, chi

    typed()


def test_what_the_move_dialog_accepts_the_import_accepts(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow, Path]) -> None:
    """Hypothesis types moves into the real "where the child lives" dialog beside a home
    already recorded: the dialog's own check and the import agree on every overlap."""
    from datetime import date, timedelta

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from pace_desktop.domain import Child, LivingEpisode
    from pace_desktop.exchange import InterchangeError

    _, window, _ = app_window
    rec = window.record
    assert rec.ref is not None
    day0 = date(2024, 1, 1)
    days = st.integers(0, 40).map(lambda n: day0 + timedelta(days=n))

    @settings(max_examples=120, deadline=None)
    @given(days, st.none() | days, days, st.none() | days)
    def typed(start: date, end: date | None, other_start: date,
              other_end: date | None) -> None:
        if end is not None and end < start or other_end is not None and other_end < other_start:
            return  # an end before its start is its own message, on both sides
        other = LivingEpisode("foster", other_start, other_end, id="h1")
        dialog = LivingDialog(window._runner, rec.ref or "", None, [other], window)
        choose(dialog.type, "kinship")
        dialog.start.setText(f"{start:%d/%m/%Y}")
        dialog.end.setText(f"{end:%d/%m/%Y}" if end else "")
        accepted = not dialog.check()
        dialog.deleteLater()
        child = Child(ref="C-091", given_name="Iona", family_name="Reid",
                      date_of_birth=date(2021, 6, 2),
                      living=(other, LivingEpisode("kinship", start, end, id="h2")))
        try:
            parse_interchange(to_interchange([child]))
            imported = True
        except InterchangeError:
            imported = False
        assert accepted == imported, (start, end, other_start, other_end)

    typed()
