"""The review before a copy leaves, in the real print dialog (real store, worker, widgets,
PDFs): identifiers highlighted in the preview and decided on, checks that hold the copy
back until accepted, entries drawn from the record left out, the decisions kept with the
print; and, in the child record, a non-disclosure request asked for and decided."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from pace_desktop.gui.printing import PrintDialog
from pace_desktop.gui.printing.review_panel import SHOWS
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.settings import Settings
from tests.gui_helpers import WAIT_MS, choose, make_store, running_app, unlock
from tests.hearing_papers import REF, full_child

SETTINGS = Settings(user_name="Eilidh Munro")


@pytest.fixture
def runner(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreRunner]:
    path = make_store(tmp_path / "papers.pacestore", [full_child()])
    r = StoreRunner()
    opened: list[Path] = []
    from tests.gui_helpers import PASSPHRASE

    r.open(path, PASSPHRASE, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield r
    r.shutdown()


def _dialog(qtbot: QtBot, runner: StoreRunner, recipient: str) -> PrintDialog:
    dialog = PrintDialog(runner, "chronology", REF, SETTINGS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.recipient_combo.findData(recipient) >= 0, timeout=WAIT_MS)
    choose(dialog.recipient_combo, recipient)
    _ready(qtbot, dialog)
    return dialog


def _ready(qtbot: QtBot, dialog: PrintDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy and dialog.pdf is not None, timeout=WAIT_MS * 2)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _rows(widget: QListWidget) -> dict[str, Qt.CheckState]:
    return {widget.item(i).text().split(":")[0]: widget.item(i).checkState()
            for i in range(widget.count())}


def _row(widget: QListWidget, starts: str) -> int:
    return next(i for i in range(widget.count()) if widget.item(i).text().startswith(starts))


def _accept(qtbot: QtBot, dialog: PrintDialog) -> None:
    assert dialog.review.open_checks
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.review.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.review.open_checks and dialog.pdf is not None
                    and not dialog.is_busy, timeout=WAIT_MS)
    assert dialog.print_button.isEnabled()


def test_identifiers_are_highlighted_and_decided(qtbot: QtBot, runner: StoreRunner) -> None:
    dialog = _dialog(qtbot, runner, "person:mum")
    rows = _rows(dialog.review.identifiers)
    assert rows["Pinewood Nursery"] == Qt.CheckState.Checked  # proposed: left out
    assert rows["Mitchell"] == Qt.CheckState.Checked
    assert rows["Jean Sutherland"] == Qt.CheckState.Unchecked  # not withheld from Mum: shown
    assert "Pinewood Nursery" not in _text(dialog.pdf or b"")
    # The preview shows highlighter where an identifier still prints.
    page = dialog.preview.page_widgets()[0].pixmap().toImage()
    yellow = QColor(*SHOWS)
    assert any(page.pixelColor(x, y) == yellow
               for y in range(0, page.height(), 2) for x in range(0, page.width(), 2))
    # The worker keeps the nursery's name: Space on its row, and a new copy is made.
    lst = dialog.review.identifiers
    lst.setFocus()
    lst.setCurrentRow(_row(lst, "Pinewood Nursery"))
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    assert dialog.pdf is None and not dialog.print_button.isEnabled()
    _ready(qtbot, dialog)
    assert "Pinewood Nursery" in _text(dialog.pdf or b"")
    assert "Mitchell" not in _text(dialog.pdf or b"")
    dialog.close_for_lock()


def test_a_request_s_identifiers_cannot_be_kept(qtbot: QtBot, runner: StoreRunner) -> None:
    dialog = _dialog(qtbot, runner, "person:dad")
    lst = dialog.review.identifiers
    jean = lst.item(_row(lst, "Jean Sutherland"))
    assert jean.checkState() == Qt.CheckState.Checked
    assert not jean.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "withheld by a non-disclosure request" in jean.text()
    assert "Jean" not in _text(dialog.pdf or b"")
    dialog.close_for_lock()


def test_checks_hold_the_copy_back_until_accepted(qtbot: QtBot, runner: StoreRunner) -> None:
    dialog = _dialog(qtbot, runner, "panel")
    assert dialog.review.checks.count() == 1
    assert "No analysis is written" in dialog.review.checks.item(0).text()
    _accept(qtbot, dialog)
    accepted: list[object] = []
    runner.call(lambda store: store.chronology_page(REF).accepted_checks, accepted.append)
    qtbot.waitUntil(lambda: bool(accepted), timeout=WAIT_MS)
    assert accepted[0] == {"page:analysis"}
    dialog.close_for_lock()


def test_an_entry_drawn_from_the_record_is_left_out(qtbot: QtBot,
                                                   runner: StoreRunner) -> None:
    dialog = _dialog(qtbot, runner, "internal")
    drawn = dialog.review.drawn
    assert drawn.count() == 15
    at = _row(drawn, "1 February 2024: Permanence panel")
    assert drawn.item(at).checkState() == Qt.CheckState.Checked
    assert "The panel recommends a permanence order" in _text(dialog.pdf or b"")
    drawn.item(at).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: dialog.pdf is not None and not dialog.is_busy and
                    "The panel recommends" not in _text(dialog.pdf), timeout=WAIT_MS * 2)
    left: list[object] = []
    runner.call(lambda store: store.chronology_page(REF).left_out, left.append)
    qtbot.waitUntil(lambda: bool(left), timeout=WAIT_MS)
    assert left[0] == {"meeting:panel"}
    dialog.close_for_lock()


def test_saving_keeps_the_decisions_with_the_print(qtbot: QtBot, runner: StoreRunner,
                                                   tmp_path: Path) -> None:
    dialog = _dialog(qtbot, runner, "person:mum")
    _accept(qtbot, dialog)
    out = tmp_path / "mum.pdf"
    dialog._save_to(out, dialog._made_for, None)  # the file chooser's answer
    qtbot.waitUntil(lambda: out.exists(), timeout=WAIT_MS)
    # The worker answers in order: the print was kept before this read is answered.
    records: list[list[object]] = []
    runner.call(lambda store: store.print_records(REF), records.append)
    qtbot.waitUntil(lambda: bool(records), timeout=WAIT_MS)
    kept = records[0][-1]
    assert kept.recipient == "person:mum" and kept.how == "saved"  # type: ignore[attr-defined]
    texts = {c.text: c.leave_out for c in kept.identifiers}  # type: ignore[attr-defined]
    assert texts["Pinewood Nursery"] is True and texts["Jean Sutherland"] is False
    assert kept.accepted_checks == ("page:analysis",)  # type: ignore[attr-defined]
    dialog.close_for_lock()


def test_asking_to_withhold_from_the_record_screen(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "papers.pacestore", [full_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child(REF)
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        record = window.record
        assert record.withheld.model.rowCount() == 5  # four requests and one by role
        record.show_tab("People")
        people = record.people
        people.select(next(i for i, p in enumerate(people.model.items) if p.id == "gran"))
        qtbot.mouseClick(next(b for b in people.findChildren(type(people.add_button))
                              if b.text() == "Ask to &withhold…"), Qt.MouseButton.LeftButton)
        dialog = record.dialog
        assert dialog is not None and dialog.windowTitle() == "Ask to withhold from named people"
        assert dialog.item.count() == 3  # choose…, Jean in every form, her address only
        choose(dialog.item, "address:gran")
        dialog.save()  # nobody ticked, no reason: said next to each field
        assert dialog.message("people") and dialog.message("reason")
        lst = dialog.people
        lst.item(next(i for i in range(lst.count())
                      if lst.item(i).text().startswith("Lorna"))).setCheckState(
            Qt.CheckState.Checked)
        dialog.reason.setPlainText("Mum's partner must not find Gran's house.")
        with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
            dialog.save()
        qtbot.waitUntil(lambda: record.withheld.model.rowCount() == 6, timeout=WAIT_MS)
        row = next(r for r in record.withheld.model.items if r.what.startswith(
            "The address of Jean Sutherland"))
        assert row.from_whom == "Lorna Brodie (Mum)"
        assert row.decision == "Waiting for the hearing's decision"
        record.show_tab("Withheld")
        record.withheld.select(record.withheld.model.items.index(row))
        record.decide(row)
        decide = record.dialog
        assert decide is not None
        choose(decide.decision, "granted")
        with qtbot.waitSignal(decide.saved, timeout=WAIT_MS):
            decide.save()
        qtbot.waitUntil(lambda: any(r.decision.startswith("Granted on")
                                    for r in record.withheld.model.items
                                    if r.id == row.id), timeout=WAIT_MS)
