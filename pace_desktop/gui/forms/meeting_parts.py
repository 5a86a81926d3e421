"""What the parts of a meeting editor share: the widgets and state `MeetingEditor.__init__`
and its pages build, named here so that each part (pages, opening, drafts, saving; one
module each) can be read alone. The parts are mixed into `MeetingEditor`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import (
        QComboBox,
        QLabel,
        QLineEdit,
        QMessageBox,
        QPlainTextEdit,
        QPushButton,
        QScrollArea,
        QStackedWidget,
        QTextBrowser,
        QWidget,
    )

    from pace_desktop.domain import Child, Meeting
    from pace_desktop.forms import FormDef
    from pace_desktop.gui.forms.form_view import FormView
    from pace_desktop.gui.store_worker import StoreRunner

    _Base = QWidget
else:
    _Base = object


class MeetingParts(_Base):
    """The meeting editor as each of its parts sees it."""

    if TYPE_CHECKING:
        saved: SignalInstance
        finalised: SignalInstance
        closed: SignalInstance
        draft_saved: SignalInstance
        ready: SignalInstance
        runner: StoreRunner
        child_ref: str
        kind: str | None
        meeting_id: str | None
        user_name: str
        form: FormDef | None
        form_view: FormView | None
        meeting: Meeting | None
        confirm_box: QMessageBox | None
        caution_box: QMessageBox | None
        _people: list[str]
        _child: Child | None
        _ids: dict[str, str]
        _child_name: str
        _dirty: bool
        _draft_in_flight: bool
        _closing: bool
        _may_close: bool
        _earlier_reviews: list[date]
        _cautions_accepted: object
        heading: QLabel
        status: QLabel
        pages: QStackedWidget
        _debounce: QTimer
        _every: QTimer
        _opening_page: QWidget
        _kind_page: QWidget
        _edit_page: QWidget
        _record_page: QWidget
        opening_close: QPushButton
        kind_combo: QComboBox
        scroll: QScrollArea
        save_button: QPushButton
        finalise_button: QPushButton
        close_button: QPushButton
        record_view: QTextBrowser
        amend_button: QPushButton
        amend_author: QLineEdit
        amend_author_problem: QLabel
        amend_text: QPlainTextEdit
        amend_text_problem: QLabel
        _failed: Callable[[Exception], None]
        _set_busy: Callable[[bool], None]
        _title: Callable[[str], None]
        _tell: Callable[..., None]
