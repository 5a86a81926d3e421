"""Bringing records together (SYNC.md): a three-way merge of one child's records, field by
field, with conflicts as values. Pure Python over plain data: no SQL, no Qt."""

from pace_desktop.sync.merge import (
    Conflict,
    MergeRefused,
    MergeResult,
    RecordKey,
    Snapshot,
    merge,
)

__all__ = ["Conflict", "MergeRefused", "MergeResult", "RecordKey", "Snapshot", "merge"]
