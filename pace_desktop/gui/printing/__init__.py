"""Printing inside the app: a preview of the PDF, then print it or (with a warning) save it.

For the integrator: the child record's "Print…" menu or button and the caseload's
"Clocks report…" call

    open_print_dialog(parent, runner, document, child_ref, settings, meeting_id=None)

with `document` one of "chronology", "decision_record" (needs `meeting_id`), "summary"
(the journey summary) or "clocks_report" (`child_ref` None). It shows a non-modal
`PrintDialog` that deletes itself when closed and returns it. On locking, call the open
dialog's `close_for_lock()`: it stops any drawing or printing and drops the pages and bytes.

How it works: the store worker (`runner`) reads the record and makes the PDF in memory
(`documents.make_pdf`); a pool thread draws the pages with pypdfium2 (`raster`); printing
paints those page images onto a QPrinter (`printer_job`). Nothing reaches the disk unless the
person chooses Save as PDF and accepts the warning (`save_pdf`).
"""

from __future__ import annotations

from pace_desktop.gui.printing.print_dialog import PrintDialog, open_print_dialog

__all__ = ["PrintDialog", "open_print_dialog"]
