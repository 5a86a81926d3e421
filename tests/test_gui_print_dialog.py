"""The print dialog, driven as a person would: real store on disk, real worker thread, real
widgets, real PDFs read back with pypdf. Nothing about the store or Qt is mocked."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pace_desktop.demo_store import make_demo_store
from pace_desktop.domain import Child, Event, LivingEpisode
from pace_desktop.gui.printing import PrintDialog, open_print_dialog
from pace_desktop.gui.printing.save_pdf import LEAVES_STORE, SaveWarningDialog
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.settings import Settings
from pace_desktop.store import CaseStore

PASSPHRASE = "print dialog test passphrase"
WAIT_MS = 20_000
SECRET_TITLE = "Moved to the Sinclair family's home on Hoy"
OPEN_TITLE = "Started at the island nursery"
SETTINGS = Settings(user_name="Morag Test", protective_marking="OFFICIAL-SENSITIVE")


def _private_child() -> Child:
    """A child with one entry withheld from the panel and relevant persons."""
    return Child(
        ref="P-001", given_name="Isla", family_name="Rendall", date_of_birth=date(2019, 4, 9),
        allocated_worker="Kirsty Flett",
        living=(LivingEpisode("foster", date(2024, 1, 5)),),
        events=(Event(date(2024, 1, 5), SECRET_TITLE, kind="move",
                      withhold_from=("panel", "relevant_person")),
                Event(date(2024, 2, 1), OPEN_TITLE, kind="note")))


@pytest.fixture(scope="module")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    path = folder / "caseload.pacestore"
    make_demo_store(path, PASSPHRASE, 4)
    with CaseStore.open(path, PASSPHRASE) as store:
        store.import_children([_private_child()])
    return path


@pytest.fixture
def store_file(tmp_path: Path, store_template: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    target = folder / store_template.name
    target.write_bytes(store_template.read_bytes())
    return target


@pytest.fixture
def runner(qtbot: QtBot, store_file: Path) -> Iterator[StoreRunner]:
    r = StoreRunner()
    opened: list[Path] = []
    r.open(store_file, PASSPHRASE, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield r
    r.shutdown()


@pytest.fixture
def demo_ref(runner: StoreRunner, qtbot: QtBot) -> str:
    refs: list[list[str]] = []
    runner.call(lambda store: store.refs(), refs.append)
    qtbot.waitUntil(lambda: bool(refs), timeout=WAIT_MS)
    return next(r for r in refs[0] if r.startswith("DEMO"))


Opener = Callable[..., PrintDialog]


@pytest.fixture
def open_dialog(qtbot: QtBot, runner: StoreRunner) -> Iterator[Opener]:
    """Opens dialogs the way the app will; closes them before the worker stops."""
    made: list[PrintDialog] = []

    def opener(document: str, child_ref: str | None, meeting_id: str | None = None,
               wait: bool = True, recipient: str | None = "panel",
               accept: bool = True) -> PrintDialog:
        dialog = PrintDialog(runner, document, child_ref, SETTINGS, meeting_id)
        dialog.show()
        made.append(dialog)
        if document != "clocks_report" and recipient is not None:
            # No default: the person chooses who the copy is for, as here.
            qtbot.waitUntil(lambda: dialog.recipient_combo.findData(recipient) >= 0,
                            timeout=WAIT_MS)
            choose(dialog.recipient_combo, recipient)
        if wait:
            wait_ready(qtbot, dialog)
            if accept:
                accept_checks(qtbot, dialog)
        return dialog

    yield opener
    for dialog in made:
        dialog.close_for_lock()
        dialog.deleteLater()


def wait_ready(qtbot: QtBot, dialog: PrintDialog) -> None:
    """Until the dialog holds bytes and every page is drawn (or it has said a problem)."""
    qtbot.waitUntil(lambda: not dialog.is_busy and (dialog.pdf is not None
                                                   or dialog.message.isVisible()),
                    timeout=WAIT_MS)


def accept_checks(qtbot: QtBot, dialog: PrintDialog) -> None:
    """Accept whatever the checks found (a demo chronology has no analysis written)."""
    if dialog.review.open_checks:
        qtbot.mouseClick(dialog.review.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.review.open_checks and not dialog.is_busy
                        and dialog.pdf is not None, timeout=WAIT_MS)


def pdf_text(pdf: bytes, password: str | None = None) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    # Words only: where reportlab wraps a line is not what these tests are about.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Tick or untick with the keyboard (a click at a wide box's middle can miss its text)."""
    was = box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() != was


def choose(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    assert index >= 0, f"{code!r} is not offered"
    combo.setCurrentIndex(index)


# -- preview ----------------------------------------------------------------------------


def test_preview_shows_every_page_of_a_demo_chronology(open_dialog: Opener, demo_ref: str,
                                                       qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", demo_ref, wait=False)
    tick(qtbot, dialog.journey_check)
    wait_ready(qtbot, dialog)
    accept_checks(qtbot, dialog)
    assert dialog.pdf is not None
    pages = page_count(dialog.pdf)
    assert pages >= 2
    assert dialog.preview.page_count == pages
    assert dialog.preview.pages_drawn == pages
    labels = dialog.preview.page_widgets()
    assert len(labels) == pages
    assert all(not label.pixmap().isNull() for label in labels)
    assert dialog.preview.page_label.text() == f"Page 1 of {pages}"
    assert dialog.about_label.text().startswith("Chronology for ")
    # The pictures carry their words, for a screen reader.
    assert "Chronology for" in labels[0].accessibleDescription()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.preview.next_button, Qt.MouseButton.LeftButton)
    assert dialog.preview.page_label.text() == f"Page 2 of {pages}"

    width = labels[0].width()
    qtbot.mouseClick(dialog.preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert labels[0].width() > width
    assert dialog.preview.zoom_label.text() == "125%"
    qtbot.waitUntil(lambda: not dialog._zoom_debounce.isActive(), timeout=WAIT_MS)
    wait_ready(qtbot, dialog)
    assert dialog.preview.page_count == pages
    assert dialog.print_button.isEnabled()


def test_changing_the_recipient_makes_a_new_copy_without_withheld_entries(
        open_dialog: Opener, qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", "P-001")
    assert dialog.recipient_combo.currentData() == "panel"
    assert dialog.pdf is not None
    panel_text = pdf_text(dialog.pdf)
    assert "Some information in the record has been withheld from this copy." in panel_text
    assert SECRET_TITLE not in panel_text
    assert OPEN_TITLE in panel_text

    dialog.recipient_combo.setFocus()
    choose(dialog.recipient_combo, "internal")
    # The panel's copy is gone at once: nothing can be printed until the new one is ready.
    assert dialog.pdf is None
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "Nothing is left out" in dialog.withholding_label.text()
    wait_ready(qtbot, dialog)
    assert dialog.pdf is not None
    internal_text = pdf_text(dialog.pdf)
    assert SECRET_TITLE in internal_text
    assert "withheld from this copy" not in internal_text
    assert dialog.preview.page_count == page_count(dialog.pdf)


def test_a_run_of_changes_is_made_once_and_ends_on_the_last_choice(
        open_dialog: Opener, qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", "P-001")
    for code in ("court", "child", "safeguarder", "panel", "internal"):
        choose(dialog.recipient_combo, code)
    wait_ready(qtbot, dialog)
    assert dialog.pdf is not None
    assert SECRET_TITLE in pdf_text(dialog.pdf)


def test_dates_that_clash_are_said_plainly(open_dialog: Opener, qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", "P-001")
    tick(qtbot, dialog.from_check)
    tick(qtbot, dialog.to_check)
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(10))
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT_MS)
    assert "after the ‘to’ date" in dialog.message.text()
    assert dialog.pdf is None and not dialog.print_button.isEnabled()

    dialog.from_edit.setDate(dialog.to_edit.date().addYears(-10))
    wait_ready(qtbot, dialog)
    assert dialog.pdf is not None and not dialog.message.isVisible()
    assert "significant entries from" in pdf_text(dialog.pdf)


def test_an_unknown_meeting_is_said_plainly(open_dialog: Opener, demo_ref: str) -> None:
    dialog = open_dialog("decision_record", demo_ref, meeting_id="no-such-meeting")
    assert dialog.message.isVisible()
    assert "not in the child's record" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert dialog.pdf is None and not dialog.print_button.isEnabled()
    assert dialog.preview.page_count == 0


def test_decision_record_and_summary_preview(open_dialog: Opener, demo_ref: str,
                                             runner: StoreRunner, qtbot: QtBot) -> None:
    meetings: list[list[str]] = []
    runner.call(lambda store: [m.id for m in store.child(demo_ref).meetings], meetings.append)
    qtbot.waitUntil(lambda: bool(meetings), timeout=WAIT_MS)
    record = open_dialog("decision_record", demo_ref, meeting_id=meetings[0][0])
    assert record.recipient_combo.currentData() == "panel"
    assert record.pdf is not None and "Decision record" in record.about_label.text()
    assert record.preview.page_count == page_count(record.pdf)
    summary = open_dialog("summary", demo_ref)
    assert summary.pdf is not None and "Journey summary for" in pdf_text(summary.pdf)
    assert not summary.entries_box.isVisibleTo(summary)


def test_clocks_report_for_one_workers_children(open_dialog: Opener, qtbot: QtBot) -> None:
    dialog = open_dialog("clocks_report", None)
    assert dialog.pdf is not None and "the whole caseload" in pdf_text(dialog.pdf)
    assert dialog.worker_box.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.worker_combo.findData("Kirsty Flett") >= 0,
                    timeout=WAIT_MS)
    choose(dialog.worker_combo, "Kirsty Flett")
    wait_ready(qtbot, dialog)
    assert dialog.pdf is not None
    assert "children allocated to Kirsty Flett" in pdf_text(dialog.pdf)


def _listing(*folders: Path) -> set[tuple[str, int]]:
    return {(str(p), p.stat().st_size) for folder in folders for p in folder.rglob("*")
            if p.is_file()}


def test_previewing_writes_nothing_to_disk(open_dialog: Opener, store_file: Path,
                                           tmp_path: Path, qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # The test's own temporary folder, so other programs' files cannot disturb the count.
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    before = _listing(store_file.parent, private_tmp)
    dialog = open_dialog("chronology", "P-001", accept=False)
    choose(dialog.recipient_combo, "internal")
    wait_ready(qtbot, dialog)
    qtbot.mouseClick(dialog.preview.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._zoom_debounce.isActive(), timeout=WAIT_MS)
    wait_ready(qtbot, dialog)
    after = _listing(store_file.parent, private_tmp)
    assert after == before
    assert not list(private_tmp.iterdir())


# -- printing -------------------------------------------------------------------------------


def test_print_paints_every_page(open_dialog: Opener, demo_ref: str, tmp_path: Path,
                                 qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", demo_ref)
    assert dialog.pdf is not None
    pages = page_count(dialog.pdf)
    out = tmp_path / "printed.pdf"

    def test_printer() -> QPrinter:
        # The test's choice: a PDF-file printer, only so the painted pages can be counted.
        # The app itself prints to the printer chosen in the system's print dialog.
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    dialog.make_printer = test_printer
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    chooser = _find(QPrintDialog)
    assert chooser is not None, "Print… should open the print dialog"
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS * 3) as finished:
        chooser.accept()
    assert finished.args[0] is True, finished.args
    assert page_count(out.read_bytes()) == pages
    assert dialog.print_button.isEnabled()
    assert "sent to the printer" in dialog.status.text()


def _find[W: QWidget](kind: type[W]) -> W | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


# -- saving ---------------------------------------------------------------------------------


def _warning(dialog: PrintDialog, qtbot: QtBot) -> SaveWarningDialog:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    warning = dialog.save_warning
    assert warning is not None and warning.isVisible()
    assert warning.warning.text() == LEAVES_STORE
    assert "AES (256-bit)" in warning.strength.text()
    return warning


def _pick_file(dialog: PrintDialog, path: Path) -> None:
    chooser = dialog.file_chooser
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    chooser.selectFile(str(path))
    chooser.accept()


def test_save_needs_the_warning_accepted(open_dialog: Opener, tmp_path: Path,
                                         qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", "P-001")
    out = tmp_path / "out" / "chronology.pdf"
    out.parent.mkdir()
    warning = _warning(dialog, qtbot)
    qtbot.mouseClick(warning.buttons.button(warning.buttons.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert not warning.isVisible()
    assert getattr(dialog, "file_chooser", None) is None
    assert not any(out.parent.iterdir())

    warning = _warning(dialog, qtbot)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(warning.save_button, Qt.MouseButton.LeftButton)
        _pick_file(dialog, out)
    saved = out.read_bytes()
    assert saved == dialog.pdf
    reader = pypdf.PdfReader(io.BytesIO(saved))
    assert not reader.is_encrypted
    assert OPEN_TITLE in pdf_text(saved) and SECRET_TITLE not in pdf_text(saved)
    assert [p.name for p in out.parent.iterdir()] == ["chronology.pdf"]  # no temporary left
    assert (out.stat().st_mode & 0o777) == 0o600
    assert "no password" in dialog.status.text()


def test_save_with_a_password(open_dialog: Opener, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", "P-001")
    out = tmp_path / "protected.pdf"
    warning = _warning(dialog, qtbot)
    tick(qtbot, warning.use_password)
    assert warning.password.isEnabled() and warning.focusWidget() is warning.password
    qtbot.keyClicks(warning.password, "harbour lights")
    qtbot.keyClicks(warning.again, "harbour light")
    qtbot.mouseClick(warning.save_button, Qt.MouseButton.LeftButton)
    assert warning.isVisible()
    assert "not the same" in warning.message.text()
    assert getattr(dialog, "file_chooser", None) is None

    # The second box is selected for typing again; the whole password replaces it.
    assert warning.focusWidget() is warning.again
    qtbot.keyClicks(warning.again, "harbour lights")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(warning.save_button, Qt.MouseButton.LeftButton)
        _pick_file(dialog, out)
    saved = out.read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(saved))
    assert reader.is_encrypted
    assert not reader.decrypt("wrong password")
    assert reader.decrypt("harbour lights")
    text = pdf_text(saved, "harbour lights")
    assert OPEN_TITLE in text and SECRET_TITLE not in text
    assert "protected by your password" in dialog.status.text()
    assert dialog.save_warning is None  # the warning and its password boxes are gone


# -- access ---------------------------------------------------------------------------------


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QAbstractScrollArea)
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisibleTo(root)
            and not isinstance(w.parent(), (QComboBox, QDateEdit))]


def test_every_control_has_a_name_and_takes_the_keyboard(open_dialog: Opener,
                                                          qtbot: QtBot) -> None:
    dialog = open_dialog("chronology", "P-001")
    warning = _warning(dialog, qtbot)
    for root in (dialog, warning):
        controls = _controls(root)
        assert controls
        for widget in controls:
            assert widget.accessibleName(), f"{type(widget).__name__} has no accessible name"
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.accessibleName()
    warning.reject()

    dialog.recipient_combo.setFocus()
    names = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().accessibleName())
    for wanted in ("Open with the timeline and the clocks", "Preview pages", "Print",
                   "Save as PDF", "Close"):
        assert wanted in names, names


def test_open_print_dialog_shows_and_deletes_itself(qtbot: QtBot, runner: StoreRunner) -> None:
    dialog = open_print_dialog(None, runner, "summary", "P-001", SETTINGS)
    assert dialog.isVisible()
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.waitUntil(lambda: dialog.recipient_combo.findData("panel") >= 0, timeout=WAIT_MS)
    choose(dialog.recipient_combo, "panel")
    wait_ready(qtbot, dialog)
    with qtbot.waitSignal(dialog.destroyed, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

