"""The colour of a clock's status on screen; the words and shapes are in
pace_desktop.views.clock_words (shared with the prints and the command line)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from pace_desktop.views.clock_words import SHAPES, lapsed_explained, status_text

__all__ = ["SHAPES", "lapsed_explained", "status_colour", "status_text"]

# Dark enough to read on white and on the alternating row colour; the words carry the meaning.
_COLOURS = {
    "lapsed": QColor("#8b0000"),
    "overdue": QColor("#a61b1b"), "missed": QColor("#a61b1b"), "due_soon": QColor("#8a5300"),
    "met_late": QColor("#6b4f00"), "met": QColor("#1d6b35"),
}


def status_colour(status: str) -> QColor | None:
    return _COLOURS.get(status)
