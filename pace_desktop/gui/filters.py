"""The caseload's filter boxes: worker, where the child lives, legal status and route.

Each box lists only what the caseload holds (no empty choices), with counts, so a person sees
at once how many children each choice would show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QComboBox

from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES, ROUTES
from pace_desktop.gui.caseload_model import NO_ROUTE, Criteria
from pace_desktop.store import CaseloadRow

NO_WORKER = ""


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
