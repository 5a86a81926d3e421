"""Finding and loading the Qt Designer files in `ui/`.

Screens keep their fixed layout in `.ui` files so a layout change needs no code change; the
Python class behind a screen loads its file *into itself* (the loader returns the instance,
not a new widget), so the class stays an ordinary QWidget or QMainWindow subclass.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from pace_desktop import paths


def ui_dir() -> Path:
    """Where the `.ui` files are, from source or from the bundle (see pace_desktop.paths)."""
    return paths.ui_dir()


class _IntoInstance(QUiLoader):
    """A loader that builds the top-level widget of the file as `base` itself."""

    def __init__(self, base: QWidget) -> None:
        super().__init__(base)
        self._base = base

    def createWidget(
        self, class_name: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if parent is None:
            return self._base
        return super().createWidget(class_name, parent, name)


def load_into(base: QWidget, file_name: str) -> None:
    """Build `ui/<file_name>` into `base`, whose class must match the file's top-level class."""
    path = ui_dir() / file_name
    device = QFile(str(path))
    if not device.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"The screen layout {path} is missing from this installation.")
    try:
        loaded = _IntoInstance(base).load(device)
    finally:
        device.close()
    if loaded is None:
        raise RuntimeError(f"The screen layout {path} could not be read.")


def child[W: QObject](parent: QObject, kind: type[W], name: str) -> W:
    """A named child built from a `.ui` file; a typo fails loudly here, not later as None."""
    found = parent.findChild(kind, name)
    if found is None:
        raise LookupError(f"{type(parent).__name__} has no {kind.__name__} named {name!r}")
    return found


def resources_dir() -> Path:
    """`resources/` (style sheet, icons), found the same way as `ui/`."""
    return paths.resources_dir()
