"""The timeline for prints: a reportlab drawing, rendered to a real PDF and read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing

from pace_desktop.chronology.timeline_drawing import preferred_height, timeline_drawing
from pace_desktop.demo import generate_child
from pace_desktop.journey import load_rules
from pace_desktop.journey.timeline import build_timeline
from tests.fixture_children import fixture_children, fixture_expected

AS_OF, _ = fixture_expected()
RULES = load_rules(None)


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.mark.parametrize("child", fixture_children(), ids=lambda c: c.ref)
def test_drawing_renders_to_pdf_with_lane_labels(child, tmp_path: Path) -> None:  # noqa: ANN001
    model = build_timeline(child, RULES, AS_OF)
    drawing = timeline_drawing(model, 523.0, preferred_height(model))
    assert isinstance(drawing, Drawing)
    assert (drawing.width, drawing.height) == (523.0, preferred_height(model))
    out = tmp_path / "timeline.pdf"
    renderPDF.drawToFile(drawing, str(out))
    text = _text(out)
    for lane in model.lanes:
        assert lane.label in text
    assert "As of 30 Jun 2026" in text
    assert "Clocks:" in text and "Overdue" in text  # the key names every status in words


def test_drawing_of_a_big_record_at_a_small_size(tmp_path: Path) -> None:
    child = generate_child(2, events_per_child=2000)
    model = build_timeline(child, RULES, AS_OF)
    drawing = timeline_drawing(model, 300.0, 200.0)
    out = tmp_path / "big.pdf"
    renderPDF.drawToFile(drawing, str(out))
    assert out.stat().st_size < 400_000
    assert "Legal status" in _text(out)
