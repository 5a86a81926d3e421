"""The bundle's proof that it works on this machine: `pace-desktop self-test`.

In a temporary folder it creates a store, imports the fixture journeys, judges their clocks
against the expected ones, draws a timeline picture, prints a chronology PDF, reopens the
store and checks it. Each step prints one line; the exit status is 0 only if every step
worked. Nothing is written outside the temporary folder, which is removed afterwards.
"""

from __future__ import annotations

import json
import secrets
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pace_desktop import journey, paths
from pace_desktop.exchange import read_interchange_file
from pace_desktop.store import CaseStore

Step = Callable[["SelfTest"], str]


def fixture_folder() -> Path | None:
    """The fixture journeys: inside the bundle, or the project's copy in a source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    for folder in ([Path(bundle) / "selftest"] if bundle else []) + [
            Path(__file__).resolve().parents[1] / "tests" / "fixtures"]:
        if (folder / "journeys.json").exists():
            return folder
    return None


class SelfTest:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store_path = folder / "selftest.pacestore"
        self.passphrase = secrets.token_urlsafe(18)
        self.fixtures = fixture_folder()
        self.expected: dict[str, Any] = {}

    def create_and_import(self) -> str:
        if self.fixtures is None:
            raise RuntimeError("the fixture journeys are not in this build")
        children = read_interchange_file(self.fixtures / "journeys.json")
        with CaseStore.create(self.store_path, self.passphrase, "Self-test") as store:
            store.import_children(children, source="journeys.json")
        return f"created an encrypted store and imported {len(children)} journeys"

    def judge_clocks(self) -> str:
        assert self.fixtures is not None
        expected = json.loads((self.fixtures / "journeys.expected.json").read_text("utf-8"))
        as_of = date.fromisoformat(expected["as_of"])
        rules = journey.load_rules(None)
        wrong = []
        with CaseStore.open(self.store_path, self.passphrase) as store:
            for child in store.children():
                got = sorted(json.dumps(journey.clock_dict(c), sort_keys=True)
                              for c in journey.judge_child(child, rules, as_of))
                want = sorted(json.dumps({**c, "label": _label(rules, c["rule"])},
                                         sort_keys=True)
                              for c in expected["children"].get(child.ref, []))
                if got != want:
                    wrong.append(child.ref)
        if wrong:
            raise RuntimeError("clocks differ from the expected ones for " + ", ".join(wrong))
        return f"judged every clock as of {as_of}: all as expected"

    def draw_timeline(self) -> str:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a bundle may have no display
        from pace_desktop.gui.timeline.timeline_view import render_timeline_image

        out = self.folder / "timeline.png"
        with CaseStore.open(self.store_path, self.passphrase) as store:
            child = store.child("FX-A")
        render_timeline_image(child, journey.load_rules(None), date(2026, 6, 30), out, 1200)
        head = out.read_bytes()[:24]
        width = int.from_bytes(head[16:20], "big")
        if not head.startswith(b"\x89PNG") or width != 1200:
            raise RuntimeError(f"the picture is not a 1200-pixel PNG (width {width})")
        return f"drew a journey timeline: {out.stat().st_size // 1024} KB PNG, 1200 px wide"

    def print_chronology(self) -> str:
        from pace_desktop.chronology import JourneyContext, PrintOptions, chronology_pdf

        with CaseStore.open(self.store_path, self.passphrase) as store:
            child = store.child("FX-A")
        pdf = chronology_pdf(child, "panel", PrintOptions(printed_by="Self-test"),
                             journey=JourneyContext(journey.load_rules(None), date(2026, 6, 30)))
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-64:]:
            raise RuntimeError("the chronology is not a complete PDF")
        if b"/FontFile2" not in pdf:
            raise RuntimeError("the chronology's fonts are not embedded")
        from pace_desktop.gui.printing.raster import count_pages, opened, page_image

        with opened(pdf) as doc:  # the preview's own path: pdfium, in memory
            first = page_image(doc, 0, 72)
        if first.isNull() or first.width() < 500:
            raise RuntimeError("the print preview could not draw the first page")
        return (f"printed a chronology for a panel: {len(pdf) // 1024} KB PDF,"
                f" {count_pages(pdf)} pages, fonts embedded, preview drawn")

    def reopen_and_check(self) -> str:
        with CaseStore.open(self.store_path, self.passphrase) as store:
            problems = store.check()
            count = store.count_children()
        if problems:
            raise RuntimeError("; ".join(problems))
        return f"reopened the store and checked it: sound, {count} children"


def _label(rules: tuple[journey.Rule, ...], rule_id: str) -> str:
    return next(r.label for r in rules if r.id == rule_id)


STEPS: tuple[Callable[[SelfTest], str], ...] = (
    SelfTest.create_and_import,
    SelfTest.judge_clocks,
    SelfTest.draw_timeline,
    SelfTest.print_chronology,
    SelfTest.reopen_and_check,
)


def run(out: Callable[[str], None] = print) -> int:
    out(f"PACE Desktop self-test (resources: {paths.resources_dir()})")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="pace-selftest-") as folder:
        test = SelfTest(Path(folder))
        for step in STEPS:
            try:
                out(f"  ok      {step(test)}")
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then counted
                failed += 1
                out(f"  FAILED  {step.__name__.replace('_', ' ')}: {exc}")
    out("All steps passed." if not failed else f"{failed} step(s) failed.")
    return 0 if not failed else 1
