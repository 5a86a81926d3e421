"""One vocabulary for a clock's status (issue 12): the due list on screen, the record's Clocks
tab, the command line (`due` and `journey`), the printed clocks report and journey summary
(read back with pypdf) and the journey timeline's labels (its drawing model, the chart on
screen exported to SVG, and the printed timeline read back with pypdf) all say the words of
`views.clock_words.status_text`; the timeline without the shape, as it draws its own."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from reportlab.graphics import renderPDF

from pace_desktop.chronology import clocks_report_pdf, journey_summary_pdf
from pace_desktop.chronology.timeline_drawing import preferred_height, timeline_drawing
from pace_desktop.cli import main
from pace_desktop.gui.child import columns
from pace_desktop.gui.child.list_tab import ListTab
from pace_desktop.gui.due_model import STATUS, DueModel
from pace_desktop.gui.timeline.timeline_view import TimelineView
from pace_desktop.journey import due_list, judge_child, load_rules
from pace_desktop.journey.timeline import build_timeline
from pace_desktop.views.clock_words import status_text
from tests.conftest import FIXTURES, PASSPHRASE
from tests.fixture_children import fixture_children, fixture_expected
from tests.test_print_fixtures import OPTIONS, all_text

WITHIN = 28


def flat(text: str) -> str:
    """Whitespace as one space: a table cell on paper wraps anywhere."""
    return " ".join(text.split())


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> tuple[str, pytest.CaptureFixture[str]]:
    """A real store holding the shared fixture journeys; settings of this test's own."""
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = str(tmp_path / "s.pacestore")
    assert main(["init", "--store", store]) == 0
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", store]) == 0
    capsys.readouterr()
    return store, capsys


def test_the_due_list_says_the_same_words_on_screen_on_the_command_line_and_on_paper(
        qtbot: QtBot, cli: tuple[str, pytest.CaptureFixture[str]]) -> None:
    store, capsys = cli
    as_of, _ = fixture_expected()
    kids = fixture_children()
    items = due_list(kids, load_rules(None), as_of, WITHIN)
    assert {"lapsed", "overdue"} <= {i.clock.status for i in items}  # more than one kind
    words = [status_text(i.clock, as_of) for i in items]

    model = DueModel()
    model.set_items(items, as_of)
    on_screen = [model.index(r, STATUS).data() for r in range(model.rowCount())]
    assert sorted(on_screen) == sorted(words)

    assert main(["due", "--store", store, "--as-of", as_of.isoformat(),
                 "--within", str(WITHIN)]) == 0
    lines = capsys.readouterr().out.splitlines()
    for item, said in zip(items, words, strict=True):
        line = next(x for x in lines if item.child_ref in x and item.clock.label in x
                    and x.startswith(said))
        assert line

    paper = all_text(clocks_report_pdf(items, as_of, OPTIONS))
    for said in words:
        assert flat(said) in paper, said


def test_one_childs_clocks_say_the_same_words_in_the_record_the_journey_command_and_print(
        qtbot: QtBot, cli: tuple[str, pytest.CaptureFixture[str]]) -> None:
    store, capsys = cli
    as_of, _ = fixture_expected()
    rules = load_rules(None)
    for kid in fixture_children():
        clocks = judge_child(kid, rules, as_of, WITHIN)
        if len({c.status for c in clocks}) < 3:
            continue  # the children whose clocks say several different things
        words = [status_text(c, as_of) for c in clocks]

        tab = ListTab("Clocks", "", columns.clock_columns(as_of), None, None)
        qtbot.addWidget(tab)
        tab.model.set_items(clocks)
        assert [tab.model.index(r, 0).data() for r in range(len(clocks))] == words

        assert main(["journey", "--store", store, "--child", kid.ref, "--as-of",
                     as_of.isoformat()]) == 0
        out = capsys.readouterr().out
        for c, said in zip(clocks, words, strict=True):
            assert f"  {said}" in out and f"{c.label} ({c.instance})" in out, said

        paper = all_text(journey_summary_pdf(kid, rules, as_of, "internal", OPTIONS))
        for said in words:
            assert flat(said) in paper, (kid.ref, said)
        return
    pytest.fail("no fixture child has clocks in three different states")


def test_the_journey_timeline_labels_its_clocks_in_the_same_words_on_screen_and_on_paper(
        qtbot: QtBot, tmp_path: Path) -> None:
    as_of, _ = fixture_expected()
    rules = load_rules(None)
    seen: set[str] = set()
    screen: set[str] = set()
    paper: set[str] = set()
    for kid in fixture_children():
        clocks = judge_child(kid, rules, as_of, WITHIN)
        model = build_timeline(kid, rules, as_of, WITHIN)
        assert len(model.windows) == len(clocks)
        for c in clocks:
            words = status_text(c, as_of).split(" ", 1)[1]  # the shape is drawn instead
            w = next(w for w in model.windows if (w.rule, w.instance) == (c.rule, c.instance))
            assert w.status_text == words, (kid.ref, c.label, c.instance)
            assert words in w.detail.splitlines()  # the hover text and the list row too
            seen.add(c.status)

        on_screen = _screen_text(qtbot, TimelineView(kid, rules, as_of, WITHIN),
                                 tmp_path / f"{kid.ref}.svg")
        pdf = tmp_path / f"{kid.ref}.pdf"
        renderPDF.drawToFile(timeline_drawing(model, 1200.0, preferred_height(model)), str(pdf))
        on_paper = flat(" ".join(p.extract_text() for p in PdfReader(pdf).pages))
        # Words that would overlap others are left off a crowded chart, so not every label
        # is drawn; each status's words must be, somewhere.
        screen |= {w.status for w in model.windows if w.status_text in on_screen}
        paper |= {w.status for w in model.windows if flat(w.status_text) in on_paper}
    assert {"overdue", "met", "met_late", "lapsed"} <= seen  # the words that used to differ
    assert screen == seen
    assert paper == seen


def _screen_text(qtbot: QtBot, view: TimelineView, out: Path) -> str:
    """Every word the timeline chart paints on screen, read back from its SVG export."""
    qtbot.addWidget(view)
    view.resize(1600, 800)
    view.show()
    qtbot.waitExposed(view)
    root = ET.parse(view.export_svg(out)).getroot()
    return re.sub(r"\s+", " ", " ".join(t.text or "" for t in root.iter()))
