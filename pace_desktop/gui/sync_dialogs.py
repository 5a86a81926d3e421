"""File ▸ Send children to another laptop…, File ▸ Receive children…, and the Conflicts view
(SYNC.md). Each piece of work is one store operation on the worker thread; its progress comes
back as a signal, and its end as a summary in plain words. Everything is reachable from the
keyboard: lists take arrow keys and Space, buttons have Alt-letters, Escape closes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from pace_desktop.store.package_file import package_passphrase_problem, read_package
from pace_desktop.sync.merge import DELETED
from pace_desktop.sync_summary import received_lines

PACKAGE_FILTER = "Case packages (*.pacepkg)"


class _Progress(QObject):
    """Carries the worker thread's progress to the progress bar (a queued signal)."""

    moved = Signal(int, int)


def _plain(value: Any) -> str:
    if value is None:
        return "(nothing)"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


class SendDialog(QDialog):
    """Choose children and a package passphrase (typed twice); then where to save."""

    def __init__(self, rows: list[tuple[str, str]], chosen: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Send children to another laptop")
        layout = QVBoxLayout(self)
        intro = QLabel("Choose the children to take. They travel in an encrypted package "
                       "that opens only with the passphrase you set here: give it to the "
                       "other person separately from the file.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel("&Children")
        self.children_list = QListWidget()
        self.children_list.setObjectName("sendChildrenList")
        self.children_list.setAccessibleName("Children to send")
        label.setBuddy(self.children_list)
        for ref, name in rows:
            item = QListWidgetItem(f"{name} ({ref})")
            item.setData(Qt.ItemDataRole.UserRole, ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ref in chosen
                               else Qt.CheckState.Unchecked)
            self.children_list.addItem(item)
        layout.addWidget(label)
        layout.addWidget(self.children_list)
        form = QFormLayout()
        self.secret = QLineEdit()
        self.secret.setObjectName("packagePassphraseEdit")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("packagePassphraseAgainEdit")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Package &passphrase", self.secret)
        form.addRow("The passphrase &again", self.again)
        layout.addLayout(form)
        self.message = QLabel("")
        self.message.setObjectName("sendMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton("Choose &where to save…",
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def refs(self) -> list[str]:
        return [self.children_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.children_list.count())
                if self.children_list.item(i).checkState() == Qt.CheckState.Checked]

    def _check(self) -> None:
        problem = None if self.refs() else "Choose at least one child."
        problem = problem or package_passphrase_problem(self.secret.text())
        if problem is None and self.secret.text() != self.again.text():
            problem = "The two passphrases are not the same."
        if problem:
            self.message.setText(problem)
            return
        self.accept()


_WHOLE = "This is about the whole record: keep mine or keep theirs."


class ConflictsDialog(QDialog):
    """Every unresolved conflict; for the one chosen, this laptop's value, the other's and
    the value before, side by side, with who changed each and when."""

    changed = Signal()

    def __init__(self, runner: StoreRunner, child_ref: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._child_ref = child_ref
        self._conflicts: list[Any] = []
        self.setWindowTitle("Conflicts to resolve")
        layout = QVBoxLayout(self)
        label = QLabel("&Conflicts (the value on this laptop stays in force until you choose)")
        label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("conflictsList")
        self.list.setAccessibleName("Conflicts")
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list)
        grid = QGridLayout()
        self.mine = QLabel()
        self.theirs = QLabel()
        self.before = QLabel()
        for column, (title, box) in enumerate((("On this laptop", self.mine),
                                               ("From the other side", self.theirs),
                                               ("Before either change", self.before))):
            heading = QLabel(f"<b>{title}</b>")
            box.setWordWrap(True)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                        | Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setAccessibleName(title)
            grid.addWidget(heading, 0, column)
            grid.addWidget(box, 1, column)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.keep_mine = QPushButton("Keep &mine")
        self.keep_theirs = QPushButton("Keep &theirs")
        self.value = QLineEdit()
        self.value.setObjectName("conflictValueEdit")
        value_label = QLabel("Or a &new value")
        value_label.setBuddy(self.value)
        self.use_value = QPushButton("&Use this value")
        for widget in (self.keep_mine, self.keep_theirs, value_label, self.value,
                       self.use_value):
            row.addWidget(widget)
        layout.addLayout(row)
        self.message = QLabel("")
        self.message.setObjectName("conflictsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self.keep_mine.clicked.connect(lambda: self._resolve(keep="mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve(keep="theirs"))
        self.use_value.clicked.connect(lambda: self._resolve(text=self.value.text()))
        self.value.returnPressed.connect(lambda: self._resolve(text=self.value.text()))
        self.reload()

    def reload(self) -> None:
        ref = self._child_ref
        self._runner.call(lambda store: store.conflicts(ref), self._loaded,
                          lambda exc: self.message.setText(str(exc)))

    def _loaded(self, conflicts: list[Any]) -> None:
        self._conflicts = conflicts
        self.list.clear()
        for c in conflicts:
            record = "details" if c.part == "child" else f"{c.part} {c.record}"
            self.list.addItem(f"{c.child}: {record}, {c.field.replace('_', ' ')}")
        has = bool(conflicts)
        for widget in (self.keep_mine, self.keep_theirs, self.value, self.use_value):
            widget.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            for box in (self.mine, self.theirs, self.before):
                box.setText("")
            self.message.setText("No conflicts to resolve.")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._conflicts):
            return
        c = self._conflicts[row]
        self.mine.setText(f"{_plain(c.mine)}\n— {c.mine_who or 'unknown'}, "
                          f"{(c.mine_at or '')[:16].replace('T', ' ')}")
        self.theirs.setText(f"{_plain(c.theirs)}\n— {c.theirs_who or 'unknown'}, "
                            f"{(c.theirs_at or '')[:16].replace('T', ' ')}")
        self.before.setText(_plain(c.ancestor))
        # A whole record (deleted on one side, changed on the other) has no single value to
        # type: it is kept from one side, as `resolve` says too.
        whole = c.field == DELETED
        self.value.setEnabled(not whole)
        self.use_value.setEnabled(not whole)
        self.value.setPlaceholderText("A whole record: keep mine or theirs" if whole else "")
        if whole:
            self.message.setText(_WHOLE)
        elif self.message.text() == _WHOLE:
            self.message.setText("")

    def _resolve(self, keep: str | None = None, text: str | None = None) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        cid = self._conflicts[row].id

        def done(_: Any) -> None:
            self.message.setText("Resolved.")
            self.value.clear()
            self.changed.emit()
            self.reload()

        self._runner.call(lambda store: store.resolve_conflict(cid, keep, text), done,
                          lambda exc: self.message.setText(str(exc)))


class SyncActions(QObject):
    """The handlers behind File ▸ Send…, File ▸ Receive… and View ▸ Conflicts…"""

    received = Signal()

    def __init__(self, window: QMainWindow, runner: StoreRunner,
                 chosen_refs: Callable[[], set[str]]) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._chosen = chosen_refs
        self.dialog: QDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.progress: QProgressDialog | None = None
        self.summary: QMessageBox | None = None
        self._signal = _Progress(self)
        self._signal.moved.connect(self._moved)

    # -- sending -----------------------------------------------------------------------------

    def choose_send(self) -> None:
        self._runner.call(lambda store: [(r.ref, r.name) for r in store.caseload()],
                          self._ask_send)

    def _ask_send(self, rows: list[tuple[str, str]]) -> None:
        dialog = SendDialog(rows, self._chosen(), self._window)
        dialog.accepted.connect(lambda: self._where(dialog.refs(), dialog.secret.text()))
        self.dialog = dialog
        dialog.open()

    def _where(self, refs: list[str], secret: str) -> None:
        dialog = QFileDialog(self._window, "Save the case package", str(Path.home()),
                             PACKAGE_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda chosen: self.send_to(refs, Path(chosen), secret))
        self.file_dialog = dialog
        dialog.open()

    def send_to(self, refs: list[str], path: Path, secret: str) -> None:
        if not path.suffix:
            path = path.with_suffix(".pacepkg")
        self._busy(f"Packing {len(refs)} children…")
        moved = self._signal.moved

        def job(store: CaseStore) -> Any:
            return store.send_children(refs, path, secret, moved.emit)

        self._runner.call(job, lambda sent: self._done(
            "Sent", f"{len(sent.refs)} children packed into {sent.path}. Give the package "
            "passphrase to the other person separately from the file."),
            lambda exc: self._done("That did not work", str(exc)))

    # -- receiving ---------------------------------------------------------------------------

    def choose_receive(self) -> None:
        dialog = QFileDialog(self._window, "Receive children from a case package",
                             str(Path.home()), PACKAGE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda chosen: self._ask_secret(Path(chosen)))
        self.file_dialog = dialog
        dialog.open()

    def _ask_secret(self, path: Path) -> None:
        dialog = QDialog(self._window)
        dialog.setWindowTitle("The package passphrase")
        form = QFormLayout(dialog)
        secret = QLineEdit()
        secret.setObjectName("receivePassphraseEdit")
        secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(f"&Passphrase for {path.name}", secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        dialog.accepted.connect(lambda: self.receive_from(path, secret.text()))
        self.dialog = dialog
        dialog.open()

    def receive_from(self, path: Path, secret: str) -> None:
        self._busy(f"Receiving {path.name}…")
        moved = self._signal.moved

        def job(store: CaseStore) -> list[str]:
            return received_lines(store.receive_package(read_package(path, secret),
                                                        moved.emit))

        def done(lines: list[str]) -> None:
            self._done("Received", "\n".join(lines))
            self.received.emit()

        self._runner.call(job, done, lambda exc: self._done("Nothing was received", str(exc)))

    # -- conflicts ---------------------------------------------------------------------------

    def show_conflicts(self, child_ref: str | None = None) -> ConflictsDialog:
        dialog = ConflictsDialog(self._runner, child_ref, self._window)
        dialog.changed.connect(self.received.emit)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- progress and the summary ------------------------------------------------------------

    def _busy(self, what: str) -> None:
        progress = QProgressDialog(what, "", 0, 0, self._window)
        progress.setCancelButton(None)  # one transaction: it finishes or changes nothing
        progress.setWindowTitle("Working")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAccessibleName(what)
        self.progress = progress

    def _moved(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _done(self, title: str, text: str) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Close, self._window)
        box.setObjectName("syncSummary")
        self.summary = box
        box.open()
        self._window.statusBar().showMessage(text.splitlines()[0] if text else title)


def add_sync_actions(window: QMainWindow, actions: SyncActions) -> None:
    """File ▸ Send children to another laptop…, File ▸ Receive children…, View ▸ Conflicts…"""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu

    file_menu = window.findChild(QMenu, "fileMenu")
    view_menu = window.findChild(QMenu, "viewMenu")
    before = window.findChild(QAction, "passphraseAction")
    for name, text, handler in (
            ("sendChildrenAction", "Sen&d children to another laptop…", actions.choose_send),
            ("receiveChildrenAction", "&Receive children…", actions.choose_receive)):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False, h=handler: h())
        if file_menu is not None:
            file_menu.insertAction(before, action)
    conflicts = QAction("Co&nflicts…", window)
    conflicts.setObjectName("conflictsAction")
    conflicts.setShortcut(QKeySequence("Ctrl+Shift+K"))
    conflicts.triggered.connect(lambda _=False: actions.show_conflicts())
    window.addAction(conflicts)
    if view_menu is not None:
        view_menu.addAction(conflicts)
