"""Prints kept as records (domain.print_record): every copy that left the laptop, for whom,
by whom, how, and what was decided about each identifier shown highlighted in it. The last
decisions for a recipient are offered again next time, so a worker does not decide twice."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from pace_desktop.domain import bounds
from pace_desktop.domain.print_record import HOW, IdentifierChoice, PrintRecord
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.errors import RuleBroken
from pace_desktop.store.frame import StoreFrame, child_label, guarded, utc_now

_COLUMNS = ("uid", "document", "recipient", "made", "made_by", "how", "withheld",
            "identifiers", "accepted_checks")


def _choices_json(items: tuple[IdentifierChoice, ...]) -> str:
    return json.dumps([[c.kind, c.text, c.leave_out, c.forced] for c in items],
                      ensure_ascii=False)


def _record(r: tuple[Any, ...]) -> PrintRecord:
    uid, document, recipient, made, by, how, withheld, identifiers, accepted = r
    return PrintRecord(document, recipient, by, datetime.fromisoformat(made), how,
                       tuple(IdentifierChoice(k, t, bool(o), bool(f))
                             for k, t, o, f in json.loads(identifiers)),
                       tuple(json.loads(accepted)), bool(withheld), uid)


class PrintRecords(StoreFrame):
    @guarded
    def record_print(self, ref: str, record: PrintRecord) -> OpChanges:
        if record.how not in HOW:
            raise RuleBroken(f"{record.how!r} is not how a print leaves: "
                             + ", ".join(HOW) + ".")
        if (problem := bounds.refused(f"{child_label(ref)}, print record", record)):
            raise RuleBroken(problem)
        cid = self._child_id(ref)
        record = replace(record, id=record.id or str(uuid.uuid4()),
                         made=record.made or datetime.fromisoformat(utc_now()))
        with self._operation("record a print", ref) as op:
            self._live().execute(
                f"INSERT INTO print_records (child_id, {', '.join(_COLUMNS)})"
                f" VALUES (?, {', '.join('?' * len(_COLUMNS))})",
                (cid, record.id, record.document, record.recipient, record.made.isoformat(),
                 record.made_by, record.how, int(record.withheld),
                 _choices_json(record.identifiers), json.dumps(list(record.accepted_checks))))
            # The audit log says that a copy left and for whom, never what it held.
            op.after = {"document": record.document, "recipient": record.recipient,
                        "how": record.how, "identifiers": len(record.identifiers)}
            op.records.append(record.id)
            op.children.add(ref)
            op.parts.add("prints")
        assert op.result is not None
        return op.result

    @guarded
    def print_records(self, ref: str) -> list[PrintRecord]:
        """Every print of the child's papers, oldest first."""
        return [_record(r) for r in self._live().execute(
            f"SELECT {', '.join(_COLUMNS)} FROM print_records WHERE child_id = ? ORDER BY id",
            (self._child_id(ref),))]

    @guarded
    def identifier_decisions(self, ref: str, recipient: str) -> dict[str, bool]:
        """The worker's own decisions (not those forced by a request) in the last print made
        for `recipient`, by identifier key: offered again as the starting point."""
        row = self._live().execute(
            "SELECT identifiers FROM print_records WHERE child_id = ? AND recipient = ?"
            " ORDER BY id DESC LIMIT 1", (self._child_id(ref), recipient)).fetchone()
        if row is None:
            return {}
        return {IdentifierChoice(k, t, bool(o)).key: bool(o)
                for k, t, o, forced in json.loads(row[0]) if not forced}
