"""The print dialog offers the court both ways (DOMAIN.md: treated as each relevant person
unless the court directs otherwise): `court` leaves out what either parent is denied,
`court:full` is the complete copy with the schedule, said to be for the court only."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from pace_desktop.chronology.styles import COURT_NOTICE, WITHHELD_NOTICE
from pace_desktop.gui.printing import PrintDialog
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.settings import Settings
from tests.gui_helpers import PASSPHRASE, WAIT_MS, choose, make_store
from tests.hearing_papers import DAD_HEALTH, REF, full_child


@pytest.fixture
def runner(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreRunner]:
    path = make_store(tmp_path / "court.pacestore", [full_child()])
    r = StoreRunner()
    opened: list[Path] = []
    r.open(path, PASSPHRASE, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield r
    r.shutdown()


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_court_as_each_party_or_complete_as_it_directs(qtbot: QtBot,
                                                          runner: StoreRunner) -> None:
    dialog = PrintDialog(runner, "decision_record", REF, Settings(user_name="Eilidh Munro"),
                         meeting_id="hearing")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.recipient_combo.findData("court:full") >= 0,
                    timeout=WAIT_MS)
    codes = [dialog.recipient_combo.itemData(i) for i in range(dialog.recipient_combo.count())]
    assert codes.index("court") + 1 == codes.index("court:full")
    assert "court only" in dialog.recipient_combo.itemText(codes.index("court:full"))
    for code, complete in (("court", False), ("court:full", True)):
        choose(dialog.recipient_combo, code)
        qtbot.waitUntil(lambda: not dialog.is_busy and dialog.pdf is not None,
                        timeout=WAIT_MS * 2)
        text = _text(dialog.pdf or b"")
        assert (COURT_NOTICE in text) is complete
        assert (WITHHELD_NOTICE in text) is not complete
        assert ("Schedule of non-disclosure requests" in text) is complete
        words = dialog.withholding_label.text()
        assert ("as the court directed" in words) is complete, words
    assert DAD_HEALTH in text  # the schedule names the request, for the sheriff to see
    dialog.close_for_lock()
