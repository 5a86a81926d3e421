"""The caseload's filter boxes: worker, where the child lives, legal status and route.

Each box lists only what the caseload holds (no empty choices), with counts, so a person sees
at once how many children each choice would show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES, ROUTES
from pace_desktop.gui.caseload_model import NO_ROUTE, Criteria
from pace_desktop.store import CaseloadRow

NO_WORKER = ""
WIDEST_KEPT = 32  # characters of a chosen filter always shown; a longer one may be shortened


def fill(combo: QComboBox, anything: str, counts: Mapping[str, int],
         labels: Mapping[str, str]) -> None:
    """Keep the current choice where it still exists; `None` data means "any"."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(anything, None)
    order = [code for code in labels if code in counts]
    order += sorted(code for code in counts if code not in labels)
    for code in order:
        combo.addItem(f"{labels.get(code, code)} ({counts[code]:,})", code)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    keep_choice_whole(combo)


def keep_choice_whole(combo: QComboBox) -> None:
    """The chosen text is not cut off when the filter row is short of room (a narrow window,
    a display scale of 1.5, where "Any worker" showed as "Any work"): a box may give up the
    room its longer choices want, never the room its current choice needs. Call again when
    the choice changes. Beyond WIDEST_KEPT characters it may be shortened, so that choosing
    a long legal status cannot push the window past the edge of the screen."""
    metrics = combo.fontMetrics()
    text = min(metrics.horizontalAdvance(combo.currentText()),
               metrics.averageCharWidth() * WIDEST_KEPT)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    # How QComboBox sizes itself: the text's size, grown by the style for the frame and arrow.
    needed = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                            QSize(text, metrics.height()), combo)
    combo.setMinimumWidth(needed.width())


def worker_counts(rows: Iterable[CaseloadRow]) -> tuple[Counter[str], dict[str, str]]:
    counts = Counter(row.allocated_worker or NO_WORKER for row in rows)
    labels = {name: name for name in sorted(counts) if name}
    if NO_WORKER in counts:
        labels[NO_WORKER] = "No worker allocated"
    return counts, labels


def living_counts(rows: Iterable[CaseloadRow]) -> Counter[str]:
    return Counter(row.living_type for row in rows
                   if row.living_type is not None and row.living_ended is None)


def legal_counts(rows: Iterable[CaseloadRow]) -> Counter[str]:
    return Counter(row.legal_status for row in rows if row.legal_status is not None)


def route_counts(rows: Iterable[CaseloadRow], routes: Mapping[str, str]) -> Counter[str]:
    return Counter(routes.get(row.ref, NO_ROUTE) for row in rows)


ROUTE_LABELS = {**ROUTES, NO_ROUTE: "No route recommended yet"}
LIVING_LABELS = LIVING_TYPES
LEGAL_LABELS = LEGAL_STATUSES


def criteria(worker: QComboBox, living: QComboBox, legal: QComboBox,
             route: QComboBox) -> Criteria:
    return Criteria(worker.currentData(), living.currentData(), legal.currentData(),
                    route.currentData())
