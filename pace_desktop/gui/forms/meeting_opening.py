"""Opening a meeting editor: the child and the record read on the worker, any autosaved
draft restored, and the form or the final record shown."""

from __future__ import annotations

from pace_desktop.domain import Child, Meeting
from pace_desktop.domain.vocab import MEETING_KINDS, REVIEW_MEETING_KINDS
from pace_desktop.forms import (
    DefinitionError,
    FormDef,
    Values,
    definition_for,
    definitions,
    from_meeting,
)
from pace_desktop.gui.forms.form_view import WARNING, FormView
from pace_desktop.gui.forms.meeting_drafts import draft_key
from pace_desktop.gui.forms.meeting_parts import MeetingParts
from pace_desktop.gui.forms.record_text import record_html
from pace_desktop.gui.looks import say
from pace_desktop.gui.window_roles import name_window
from pace_desktop.store import CaseStore, Draft, RecordNotFound


def _people(child: Child, user_name: str) -> list[str]:
    names = [p.name for p in child.people] + [
        n for n in (child.allocated_worker, child.reviewing_officer, user_name) if n]
    return list(dict.fromkeys(n for n in names if n.strip()))


def find_meeting(store: CaseStore, ref: str, meeting_id: str) -> Meeting:
    for m in store.child(ref).meetings:
        if m.id == meeting_id:
            return m
    raise RecordNotFound(f"There is no meeting {meeting_id} for {ref}.")


class MeetingOpening(MeetingParts):
    """Reading the record and showing it."""

    # -- opening ---------------------------------------------------------------------------

    @property
    def key(self) -> str:
        return draft_key(self.child_ref, self.kind, self.meeting_id)

    def _open(self) -> None:
        ref, meeting_id = self.child_ref, self.meeting_id

        def job(store: CaseStore) -> tuple[Child, Meeting | None, Draft | None]:
            child = store.child(ref)
            meeting = find_meeting(store, ref, meeting_id) if meeting_id else None
            draft = (store.draft(draft_key(ref, None, meeting_id))
                     if meeting is not None and not meeting.is_final else None)
            return child, meeting, draft

        self.runner.call(job, self._opened, self._failed_to_open, owner=self)

    def _opened(self, result: tuple[Child, Meeting | None, Draft | None]) -> None:
        try:
            self._opened_now(result)
        except DefinitionError as exc:
            self._failed_to_open(exc)

    def _opened_now(self, result: tuple[Child, Meeting | None, Draft | None]) -> None:
        child, meeting, draft = result
        self._people = _people(child, self.user_name)
        self._child = child
        self._ids = {p.name: p.id for p in child.people if p.id and p.name}
        self._child_name = child.name
        self._earlier_reviews = [m.date for m in child.meetings
                                 if m.kind in REVIEW_MEETING_KINDS and m.id != self.meeting_id]
        self.meeting = meeting
        if meeting is not None:
            self.kind = meeting.kind
            if meeting.is_final:
                self._show_record(meeting)
            else:
                self._show_form(from_meeting(self._definition(), meeting,
                                             {i: n for n, i in self._ids.items()}), draft)
        elif self.kind is None:
            self.heading.setText(f"A new meeting record for {child.name}")
            name_window(self, f"A new meeting record for {child.name}")
            self.pages.setCurrentWidget(self._kind_page)
            self.kind_combo.setFocus()
            self.ready.emit()
        else:
            self._start(self.kind)

    def _start(self, kind: str) -> None:
        """A new record of `kind`: restore its autosaved draft if there is one."""
        self.kind = kind
        try:
            self._definition()
        except DefinitionError as exc:
            self._failed_to_open(exc)
            return
        key = self.key
        self.runner.call(lambda store: store.draft(key),
                         lambda draft: self._show_form({}, draft), self._failed_to_open, owner=self)

    def _definition(self) -> FormDef:
        assert self.kind is not None
        if self.form is None or self.form.kind != self.kind:
            self.form = definition_for(self.kind)
        return self.form

    def _show_form(self, values: Values, draft: Draft | None) -> None:
        form = self._definition()
        view = FormView(form, self._people)
        restored = draft.body.get("values") if draft is not None else None
        if isinstance(restored, dict) and draft is not None and draft.body.get("kind") == form.kind:
            view.set_values(restored)
            say(self.status, "What you were typing has been brought back from the last "
                             "automatic save.")
        else:
            view.set_values(values)
        view.changed.connect(self._edited)
        self.form_view = view
        self.scroll.setWidget(view)
        view.trailing = [self.save_button, self.finalise_button, self.close_button]
        view.chain_tab_order()  # now the buttons are in the same window as the fields
        what = "Editing the draft record" if self.meeting_id else "A new record"
        self.heading.setText(f"{form.title} for {self._child_name}: {what.lower()}")
        self._title(form.title)
        self.pages.setCurrentWidget(self._edit_page)
        self._every.start()
        view.focus_widgets()[0].setFocus()
        self.ready.emit()

    def _show_record(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self._every.stop()
        self._debounce.stop()
        self._dirty = False
        self.kind = meeting.kind
        form = self._definition() if meeting.kind in definitions() else None
        self.record_view.setHtml(record_html(meeting, form, {i: n for n, i in self._ids.items()}))
        title = form.title if form else MEETING_KINDS.get(meeting.kind, "Meeting")
        self.heading.setText(f"{title} for {self._child_name}: final record")
        self._title(title)
        if not self.amend_author.text():
            self.amend_author.setText(self.user_name)
        self.pages.setCurrentWidget(self._record_page)
        self.record_view.setFocus()
        self.ready.emit()

    def _failed_to_open(self, error: Exception) -> None:
        self.heading.setText("The record could not be opened")
        if isinstance(error, DefinitionError):
            what = MEETING_KINDS.get(self.kind or "", "this kind of meeting")
            self._tell(f"{WARNING}There is no form for {what}, so this record cannot be shown "
                       f"here. Please tell whoever looks after PACE Desktop. ({error})",
                       error=True)
        else:
            self._tell(f"{WARNING}{error}", error=True)
        self.pages.setCurrentWidget(self._opening_page)
        self.opening_close.setFocus()
        self.ready.emit()
