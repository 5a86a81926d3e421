"""The chronology's own page (DOMAIN.md, Chronologies): who compiled it and when, the period,
the sources, single- or multi-agency, and the worker's analysis that ends it. Empty fields
are worked out when the chronology prints (who prints it, today, the first and last entries,
the sources named in the entries)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QWidget

from pace_desktop.domain.chronology_page import AGENCIES, ChronologyPage
from pace_desktop.gui.child.record_dialog import RecordDialog, text_of
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from pace_desktop.views.episode_checks import Problems, read_day
from pace_desktop.views.words import plain_date


class ChronologyPageDialog(RecordDialog):
    def __init__(self, runner: StoreRunner, ref: str, page: ChronologyPage,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, "About this chronology",
                         "Printed on the chronology's first page; the analysis ends it. Leave"
                         " a field empty to have it worked out when the chronology prints.",
                         parent)
        self._ref, self._page = ref, page
        self.compiled_by = self.text_field("compiled_by", "Compiled &by", page.compiled_by,
                                           "Who prints it")
        self.compiled_on = self.text_field("compiled_on", "Compiled o&n",
                                           plain_date(page.compiled_on), "The day it prints")
        self.period_from = self.text_field("period_from", "Period &from",
                                           plain_date(page.period_from), "The first entry")
        self.period_to = self.text_field("period_to", "Period &to", plain_date(page.period_to),
                                         "The last entry")
        self.sources = self.long_field("sources", "&Sources", page.sources)
        self.agency = self.choice_field("agency", "Single- or &multi-agency", AGENCIES,
                                        page.agency, "Choose…", needed=True)
        self.analysis = self.long_field("analysis", "&Analysis: what the pattern shows",
                                        page.analysis)
        self.analysis.setFixedHeight(self.analysis.fontMetrics().lineSpacing() * 9 + 12)

    def check(self) -> Problems:
        problems: Problems = {}
        start = read_day(self.period_from.text(), "period_from", problems)
        end = read_day(self.period_to.text(), "period_to", problems)
        read_day(self.compiled_on.text(), "compiled_on", problems)
        if start and end and start > end:
            problems["period_to"] = "The period ends before it starts."
        if not text_of(self.agency):
            problems["agency"] = "Choose single- or multi-agency."
        return problems

    def job(self) -> Callable[[CaseStore], Any]:
        problems: Problems = {}
        page = replace(
            self._page, compiled_by=text_of(self.compiled_by) or None,
            compiled_on=read_day(self.compiled_on.text(), "compiled_on", problems),
            period_from=read_day(self.period_from.text(), "period_from", problems),
            period_to=read_day(self.period_to.text(), "period_to", problems),
            sources=text_of(self.sources) or None, agency=text_of(self.agency),
            analysis=text_of(self.analysis) or None)
        ref = self._ref
        return lambda store: store.save_chronology_page(ref, page)
