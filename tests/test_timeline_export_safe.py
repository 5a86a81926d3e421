"""The timeline's pictures (the app's Save picture and Save as SVG, and `timeline --out`) are
written whole, owner-only, or not at all: on a full disk (a file-size limit in a child
process) nothing is left behind and one plain line says why; in the app the reason is shown
in a box, never as a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pace_desktop.gui.timeline.timeline_view import TimelineView
from pace_desktop.journey import load_rules
from tests.faults import snippet
from tests.fixture_children import fixture_children, fixture_expected

AS_OF, _ = fixture_expected()
RULES = load_rules(None)

_DRAW = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pace_desktop.gui.timeline.timeline_view import TimelineView
from pace_desktop.journey import load_rules
from pace_desktop.safe_files import WriteFailed
from tests.fixture_children import fixture_children, fixture_expected
view = TimelineView(fixture_children()[0], load_rules(None), fixture_expected()[0])
view.resize(3000, 900)
view.show()
app.processEvents()
out = Path(sys.argv[1])
try:
    if out.suffix == ".svg":
        view.export_svg(out)
    else:
        view.export_png(out, 3000)
except WriteFailed as exc:
    print("REFUSED", exc)
else:
    print("SAVED")
"""


@pytest.fixture
def view(qtbot: QtBot) -> TimelineView:
    v = TimelineView(fixture_children()[0], RULES, AS_OF)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.mark.parametrize("name", ["journey.png", "journey.svg"])
def test_a_picture_on_a_full_disk_leaves_nothing(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    done = snippet(_DRAW, str(folder / name), fsize=16 * 1024)
    assert "REFUSED" in done.stdout, (done.stdout, done.stderr[-2000:])
    line = done.stdout.strip().splitlines()[-1]
    assert str(folder / name) in line and "full" in line, line
    assert list(folder.iterdir()) == []  # no truncated picture, no hidden partial file
    done = snippet(_DRAW, str(folder / name))
    assert done.stdout.strip().endswith("SAVED"), done.stderr[-2000:]
    assert (folder / name).stat().st_mode & 0o777 == 0o600


def test_saved_pictures_are_owner_only(view: TimelineView, tmp_path: Path) -> None:
    for out in (view.export_png(tmp_path / "t.png", 1600), view.export_svg(tmp_path / "t.svg")):
        assert os.stat(out).st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.png", "t.svg"]


def test_a_picture_that_cannot_be_saved_is_told_in_a_box(view: TimelineView, tmp_path: Path,
                                                         qtbot: QtBot) -> None:
    out = tmp_path / "no such folder" / "t.png"
    with qtbot.waitSignal(view.save_failed) as said:
        view._saved(lambda: view.export_png(out, 1600))
    assert said.args is not None
    assert str(out) in said.args[0] and "folder does not exist" in said.args[0]
    box = view.findChild(QMessageBox, "timelineSaveFailed")
    assert box is not None and box.isVisible() and str(out) in box.text()
    assert not out.parent.exists()
