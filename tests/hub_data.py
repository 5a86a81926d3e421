"""Small children as sync snapshots, with a record in every part (and an amendment), for the
hub's tests."""

from __future__ import annotations

import uuid
from typing import Any


def child_snapshot(ref: str, uid: str | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    uid = uid or str(uuid.uuid4())
    return {
        ("child", ""): {"id": uid, "ref": ref, "given_name": "Rowan", "family_name": ref,
                        "date_of_birth": "2016-04-02", "local_authority": "Fictional"},
        ("people", "p1"): {"role": "mother", "name": "Morag", "address_confidential": False},
        ("living", "l1"): {"type": "foster_care", "start": "2021-05-01", "carer": "The Reids",
                           "address_confidential": True},
        ("legal", "g1"): {"status": "csO", "start": "2021-05-01"},
        ("events", "e1"): {"date": "2021-05-01", "date_precision": "day", "kind": "note",
                           "title": "Came to live with the Reids", "significant": True,
                           "amendments": [{"at": "2021-06-01", "author": "Ali",
                                           "text": "The date was the 1st"}]},
        ("meetings", "m1"): {"kind": "looked_after_review", "date": "2021-08-01",
                             "status": "draft", "attendees": [{"name": "Morag",
                                                                "present": True}]},
        ("nondisclosure", "n1"): {"item": "the Reids' address", "withhold_from": ["Morag"],
                                  "reason": "safety", "decision": "pending"},
    }
