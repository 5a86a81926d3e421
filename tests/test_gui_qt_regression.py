"""PySide6 on Python 3.11 loses a reference to None on every void Qt call and, after a few
thousand, kills the interpreter (NOTES.md). We require 3.12+, where None is immortal; this
test fails loudly (by crashing) if the project is ever run on an interpreter with that bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

CALLS = 50_000


def test_python_is_new_enough() -> None:
    assert sys.version_info >= (3, 12)


def test_many_void_qt_calls_survive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    for i in range(CALLS):
        widget.resize(100 + i % 7, 80)
    for _ in range(CALLS // 10):
        QCoreApplication.processEvents()
    assert widget.width() == 100 + (CALLS - 1) % 7
