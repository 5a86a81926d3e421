"""What a screen reader and a keyboard meet in one window, checked without a screen reader.

`problems(window)` lists, in words, what a blind worker or a voice-control user would trip on
in the window as it is shown now (only what is visible counts: a stacked widget's other
pages, a hidden message, are checked when they are shown):

- an interactive control that assistive technology would name with nothing at all, and that
  no label is linked to (a "buddy");
- a combo box with no linked label: on Linux Qt names a combo box by its current value
  ("Came, combo box"), so only a linked label says what it is for;
- a label that carries words but has an accessible name that is something else (on Linux
  the name is read instead of the words, so the words are never heard);
- two controls, labels, tabs or menus with the same Alt+letter in one window (the menu bar
  included), and two items with the same letter inside one menu.

The names are read through QAccessible, as AT-SPI, UI Automation and VoiceOver read them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox,
               QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QTabBar, QGraphicsView,
               QAbstractScrollArea)
_TAGS = re.compile(r"<[^>]+>")
_MNEMONIC = re.compile(r"&([^&\s])")


def plain(text: str) -> str:
    """What a label shows, as words: no markup, no mnemonic ampersand, spaces folded."""
    text = _TAGS.sub(" ", text).replace("&nbsp;", " ")
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split())


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget is window or widget.isVisibleTo(window)


def _is_inner_part(widget: QWidget) -> bool:
    """Pieces Qt builds inside a compound control (a combo box's line, a spin box's line,
    a tab widget's tab bar, a scroll bar), named by the control that holds them."""
    parent = widget.parentWidget()
    if widget.objectName().startswith("qt_"):
        return True
    if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabWidget)):
        return True
    if isinstance(widget, QHeaderView):  # a table's column headings: the table is named
        return True
    return isinstance(widget, QAbstractSlider) and widget.objectName() == ""


def buddies(window: QWidget) -> dict[int, QLabel]:
    linked: dict[int, QLabel] = {}
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and shown(label, window) and plain(label.text()):
            linked[id(buddy)] = label
    return linked


def problems(window: QWidget) -> list[str]:
    """Everything in `window` that fails the checks above, one line each."""
    found: list[str] = []
    linked = buddies(window)
    for widget in window.findChildren(QWidget):
        if not shown(widget, window) or not isinstance(widget, INTERACTIVE):
            continue
        if isinstance(widget, QAbstractScrollArea) and not (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue  # a scroll area Tab never stops at is only a frame
        if _is_inner_part(widget) or not widget.isEnabled() and isinstance(widget, QTabBar):
            continue
        what = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if isinstance(widget, QComboBox) and id(widget) not in linked:
            found.append(f"{what}: a combo box with no label linked to it (buddy)")
        elif not accessible_name(widget).strip() and id(widget) not in linked:
            found.append(f"{what}: no accessible name and no label linked to it")
    for label in window.findChildren(QLabel):
        if not shown(label, window):
            continue
        words, name = plain(label.text()), label.accessibleName()
        if words and name and plain(name) != words:
            found.append(f"label showing {words[:60]!r} is named {name!r}, so its words "
                         "are never heard")
    found += mnemonic_clashes(window)
    return found


def _window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not shown(widget, window) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QAbstractButton) and not isinstance(
                widget.parentWidget(), QToolBar):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    key = mnemonic(widget.tabText(i))
                    if key:
                        keys.append((key, f"tab {plain(widget.tabText(i))!r}"))
            continue
        else:
            continue
        key = mnemonic(text)
        if key:
            keys.append((key, f"{type(widget).__name__} {plain(text)!r}"))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                key = mnemonic(action.text())
                if key:
                    keys.append((key, f"menu {plain(action.text())!r}"))
    for toolbar in window.findChildren(QToolBar):
        if shown(toolbar, window):
            keys += [(k, f"tool {plain(a.text())!r}") for a in toolbar.actions()
                     if a.isVisible() and (k := mnemonic(a.text()))]
    return keys


def _clashes(keys: list[tuple[str, str]], where: str) -> list[str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for key, what in keys:
        by_key[key].append(what)
    return [f"Alt+{key.upper()} {where} is {' and '.join(whats)}"
            for key, whats in sorted(by_key.items()) if len(whats) > 1]


def mnemonic_clashes(window: QWidget) -> list[str]:
    found = _clashes(_window_mnemonics(window), "in one window")
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                items: list[QAction] = [a for a in menu.actions()
                                        if a.isVisible() and not a.isSeparator()]
                found += _clashes([(k, repr(plain(a.text()))) for a in items
                                   if (k := mnemonic(a.text()))],
                                  f"in the {plain(menu.title())} menu")
    return found
