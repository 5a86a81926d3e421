"""The main window's clocks: the whole caseload judged on the worker in chunks (a
search waits for one chunk at most), the due list, routes and run charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pace_desktop.gui.column_widths import content_width
from pace_desktop.gui.due_model import CHILD, CLOCK, DUE, STATUS
from pace_desktop.gui.looks import say
from pace_desktop.gui.window_parts import WindowParts
from pace_desktop.journey import DueItem
from pace_desktop.views.caseload_facts import CaseloadFacts, gather, judged_due, merge
from pace_desktop.views.clock_words import due_summary

FACTS_CHUNK = 500  # children judged per worker job: a search waits for one chunk at most


@dataclass(slots=True)
class Judging:
    """The whole caseload's clocks while they are judged, chunk by chunk."""

    total: int
    chunks_left: int
    done: int = 0
    facts: CaseloadFacts | None = None
    due_shown: bool = False  # the whole due list, from kept judgements, is already on screen


class CaseloadClocks(WindowParts):
    """Judging the caseload's clocks and showing the due list and run charts."""

    def load_facts(self, refs: Sequence[str] | None = None) -> None:
        """Judge every child's clocks (or only `refs`' after a change) on the worker.

        The whole caseload is judged in chunks, one worker job each: judging 10,000 children
        takes seconds, and the one worker runs jobs in order, so a search typed meanwhile
        waits only for the chunk in hand; the due list fills in as the chunks come back."""
        rules, due_soon, today = self.rules, self.settings.due_soon_days, date.today()
        if refs is not None:
            changed = list(refs)
            generation = self._facts_generation
            self._runner.call(lambda store: gather(store, rules, today, due_soon, changed),
                              lambda facts: self._show_facts(generation, facts, changed),
                              self._failed)
            return
        self._facts_generation += 1
        generation = self._facts_generation
        every = self.model.refs()
        chunks = [every[i:i + FACTS_CHUNK] for i in range(0, len(every), FACTS_CHUNK)]
        self._judging = Judging(total=len(every), chunks_left=len(chunks))
        say(self.due_hint, "Working out the clocks…")
        # The due list first, whole: kept judgements make it quick even for 10,000 children.
        self._runner.call(lambda store: judged_due(store, rules, today, due_soon),
                          lambda due: self._show_early_due(generation, due, today), self._failed)
        if not chunks:
            self._show_facts(generation, CaseloadFacts({}, [], today, {}), None)
        for chunk in chunks:
            self._runner.call(
                lambda store, c=chunk: gather(store, rules, today, due_soon, c),
                lambda facts, c=chunk: self._chunk_judged(generation, facts, c), self._failed)

    def _chunk_judged(self, generation: int, facts: CaseloadFacts, chunk: list[str]) -> None:
        judging = self._judging
        if self._closing or generation != self._facts_generation or judging is None:
            return
        judging.facts = facts if judging.facts is None else merge(judging.facts, facts, chunk)
        judging.chunks_left -= 1
        judging.done += len(chunk)
        if judging.chunks_left == 0:
            self._judging = None
            self._show_facts(generation, judging.facts, None)
            return
        so_far = f"{judging.done:,} of {judging.total:,} children so far."
        if judging.due_shown:
            words = self._due_words(self.due_model.items(), self.due_model.as_of)
            say(self.due_hint, f"{words} Routes and run charts: {so_far}")
            return
        self.due_model.set_items(judging.facts.due, judging.facts.as_of)
        say(self.due_hint, f"Working out the clocks… {so_far}")

    def _show_early_due(self, generation: int, due: list[DueItem], as_of: date) -> None:
        judging = self._judging
        if self._closing or generation != self._facts_generation or judging is None:
            return
        judging.due_shown = True
        say(self.due_hint, f"{self._due_words(due, as_of)} Routes and run charts are still "
                           "being worked out.")
        self.due_model.set_items(due, as_of)
        self._fit_due_columns()

    def _show_facts(self, generation: int, facts: CaseloadFacts,
                    refs: Sequence[str] | None) -> None:
        if self._closing:
            return
        if refs is None:
            if generation != self._facts_generation:
                return
            self.facts = facts
        elif self.facts is not None:
            self.facts = merge(self.facts, facts, refs)
        else:
            # The caseload is still being judged; jobs run in order, so a change's answer
            # comes after every chunk queued before it: keep it with what is gathered.
            if self._judging is not None and self._judging.facts is not None:
                self._judging.facts = merge(self._judging.facts, facts, refs)
            return
        self.model.set_routes(self.facts.routes)
        self.due_model.set_items(self.facts.due, self.facts.as_of)
        self._fit_due_columns()
        self._fill_filters()
        self._apply_filters()
        say(self.due_hint, self._due_words(self.facts.due, self.facts.as_of))

    def _fit_due_columns(self) -> None:
        """The status and child columns as wide as what they show, never wider than they
        start (wide enough for a lapsed order's words): at a display scale of 1.5 those
        starting widths pushed the due date out of sight when nothing had lapsed."""
        model = self.due_model
        for column in (STATUS, CHILD):
            wanted = content_width(self.due_table, column, lambda row, c=column: model.text(row, c))
            self.due_table.setColumnWidth(column, min(wanted, self.due_widths[column]))

    def _due_words(self, due: Sequence[DueItem], as_of: date) -> str:
        words = due_summary(due, as_of, self.settings.due_soon_days)
        return f"{words} Enter opens the child's clocks." if due else words

    def _refresh_run_charts(self) -> None:
        """The run charts show the children the search and filters show (a worker's cohort,
        one route...). Built on first view: pyqtgraph costs most of a second to import."""
        if self.caseload_tabs.currentWidget() is not self.run_charts_tab or self.facts is None:
            return
        if self.run_charts is None:
            from pace_desktop.gui.runchart.runchart_view import RunChartView

            self.run_charts = RunChartView(baseline=self.settings.baseline_points or None)
            self.run_charts.open_child.connect(self.open_child)
            layout = self.run_charts_tab.layout()
            assert layout is not None
            layout.addWidget(self.run_charts)
        shown = set(self.shown_refs())
        self.run_charts.set_cohort({m: [p for p in points if p.child_ref in shown]
                                    for m, points in self.facts.cohort.items()})

    def due_rows(self) -> list[tuple[str, str, str, str]]:
        m = self.due_model
        return [tuple(m.index(r, c).data() for c in (STATUS, CHILD, CLOCK, DUE))  # type: ignore[misc]
                for r in range(m.rowCount())]
