"""Saving, finalising and amending a meeting: each one store operation (the autosaved
draft dropped in the same transaction), checks and questions first, then closing once what
was typed is kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMessageBox

from pace_desktop.domain import Meeting
from pace_desktop.forms import to_meeting, validate
from pace_desktop.forms.cautions import cautions
from pace_desktop.forms.finalising import finalise_problems, legal_change_lines
from pace_desktop.gui.forms.form_view import WARNING
from pace_desktop.gui.forms.meeting_drafts import draft_key
from pace_desktop.gui.forms.meeting_opening import find_meeting
from pace_desktop.gui.forms.meeting_parts import MeetingParts
from pace_desktop.gui.looks import say
from pace_desktop.store import CaseStore

CONFIRM_FINALISE = ("After this the record cannot be changed; corrections are added as dated "
                    "amendments.")


class MeetingSaving(MeetingParts):
    """Save, finalise, amend and close."""

    # -- save, finalise, amend ---------------------------------------------------------------

    def _checked_meeting(self) -> Meeting | None:
        """The record as typed, or None after showing what needs putting right."""
        if self.form_view is None or self.is_read_only:
            return None
        form = self._definition()
        values = self.form_view.values()
        problems = validate(form, values, list(self._ids))
        first = self.form_view.show_problems(problems)
        if problems:
            n = len(problems)
            self._tell(f"{WARNING}{n} thing{'s' if n > 1 else ''} to put right first: "
                       "see the messages beside the fields.", error=True)
            if first is not None:
                self.scroll.ensureWidgetVisible(first)
                first.setFocus()
            return None
        return to_meeting(form, values, self.meeting_id or "", self.meeting, self._ids)

    def _asked_first(self, then: Callable[[], None]) -> bool:
        """True when something about the record is worth a question first (a date a year
        ahead, a next review later than the review clock allows); `then` runs if the person
        says it is right."""
        assert self.form_view is not None
        values = self.form_view.values()
        if values == self._cautions_accepted:
            return False
        found = cautions(self._definition(), values, date.today(), self._earlier_reviews)
        if not found:
            return False
        box = QMessageBox(QMessageBox.Icon.Question, "Is this right?",
                          "\n\n".join(c.message for c in found),
                          QMessageBox.StandardButton.NoButton, self)
        right = box.addButton("Yes, it is right", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back and change it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)

        def answered(button: object) -> None:
            if button is right:
                self._cautions_accepted = values
                then()
            else:
                first = self.form_view.editors[found[0].field_id] if self.form_view else None
                if first is not None:
                    first.focus_widgets()[0].setFocus()

        box.buttonClicked.connect(answered)
        self.caution_box = box
        box.open()
        return True

    def save(self) -> None:
        meeting = self._checked_meeting()
        if meeting is None or self._asked_first(self.save):
            return
        ref, old_key = self.child_ref, self.key

        def job(store: CaseStore) -> Meeting:
            # One operation: the record and the end of its autosave, so a crash between them
            # cannot leave a "new meeting" draft that would make the meeting twice.
            changes = store.save_meeting(ref, meeting, drafts=(old_key,))
            return find_meeting(store, ref, changes.record)

        self._set_busy(True)
        self._dirty = False
        self.runner.call(job, self._saved, self._failed, owner=self)

    def _saved(self, meeting: Meeting) -> None:
        self._set_busy(False)
        self.meeting, self.meeting_id = meeting, meeting.id
        self._tell("Saved. This is a draft record: it can still be changed until it is "
                   "finalised.")
        self.saved.emit(meeting.id)

    def finalise(self) -> None:
        meeting = self._checked_meeting()
        if meeting is None or self._refused(meeting) or self._asked_first(self.finalise):
            return
        text = CONFIRM_FINALISE
        changes = legal_change_lines(meeting, self._child) if self._child else []
        if changes:
            # The order is typed once, here: finalising brings the legal status up to date.
            text += ("\n\nFinalising also brings the legal status up to date:\n"
                     + "\n".join(f"• {line}" for line in changes))
        box = QMessageBox(QMessageBox.Icon.Question, "Finalise this record?",
                          text, QMessageBox.StandardButton.NoButton, self)
        go = box.addButton("Finalise the record", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.buttonClicked.connect(lambda b: self._finalise_now(meeting) if b is go else None)
        self.confirm_box = box
        box.open()

    def _refused(self, meeting: Meeting) -> bool:
        """True (and the reasons shown beside the decisions) when the record still needs
        reasons; the store refuses it too, so this only says so sooner."""
        if self._child is None or self.form_view is None:
            return False
        problems = finalise_problems(meeting, self._child)
        if not problems:
            return False
        first = self.form_view.show_problems(problems)
        self._tell(f"{WARNING}The record cannot be finalised yet: "
                   f"{problems[0].message}.", error=True)
        if first is not None:
            self.scroll.ensureWidgetVisible(first)
            first.setFocus()
        return True

    def _finalise_now(self, meeting: Meeting) -> None:
        ref, old_key = self.child_ref, self.key

        def job(store: CaseStore) -> Meeting:
            drafts = {old_key}
            if meeting.id:
                drafts.add(draft_key(ref, None, meeting.id))
            changes = store.save_meeting(ref, meeting, drafts=sorted(drafts), finalise=True)
            return find_meeting(store, ref, changes.record)

        self._set_busy(True)
        self._dirty = False
        self.runner.call(job, self._finalised, self._failed, owner=self)

    def _finalised(self, meeting: Meeting) -> None:
        self._set_busy(False)
        self.meeting_id = meeting.id
        self._show_record(meeting)
        self._tell("The record is final. Corrections can be added below as dated amendments.")
        self.finalised.emit(meeting.id)

    def add_amendment(self) -> None:
        if self.meeting is None or not self.meeting.is_final:
            return
        author = self.amend_author.text().strip()
        text = self.amend_text.toPlainText().strip()
        for label, widget, message in (
                (self.amend_author_problem, self.amend_author,
                 "" if author else "Say who is making the amendment"),
                (self.amend_text_problem, self.amend_text,
                 "" if text else "Write what needs correcting or adding")):
            say(label, WARNING + message if message else "")
            widget.setAccessibleDescription(message)
        if not author or not text:
            (self.amend_author if not author else self.amend_text).setFocus()
            return
        ref, uid = self.child_ref, self.meeting.id

        def job(store: CaseStore) -> Meeting:
            store.amend_meeting(ref, uid, author, text)
            return find_meeting(store, ref, uid)

        self._set_busy(True)
        self.runner.call(job, self._amended, self._failed, owner=self)

    def _amended(self, meeting: Meeting) -> None:
        self._set_busy(False)
        self.amend_text.clear()
        self._show_record(meeting)
        self._tell("The amendment has been added under the record.")

    def close_editor(self) -> None:
        """Keep anything typed since the last autosave, then say `closed`."""
        self._closing = True
        self._every.stop()
        if self._dirty and not self.is_read_only:
            self.autosave()
        elif not self._draft_in_flight:
            self._finish_close()

    def _finish_close(self) -> None:
        self._closing = False
        self._may_close = True
        self.closed.emit()
        self.close()

    def close_now(self) -> None:
        """Close at once, asking nothing more of the store (on lock: the draft was flushed)."""
        self._every.stop()
        self._debounce.stop()
        self._may_close = True
        self.close()
