"""The encrypted case store: the only place in PACE Desktop that speaks SQL."""

from pace_desktop.store.case_store import MIN_PASSPHRASE, CaseStore, Draft, ImportRefused
from pace_desktop.store.changes import Changes, ImportResult
from pace_desktop.store.errors import (
    DamagedStore,
    DuplicateChild,
    NewerVersion,
    NotAPaceStore,
    PassphraseTooShort,
    RecordIsFinal,
    RecordNotFound,
    StoreClosed,
    StoreError,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
)
from pace_desktop.store.reads import CaseloadRow
from pace_desktop.store.search import SearchResult

__all__ = [
    "MIN_PASSPHRASE",
    "CaseStore",
    "CaseloadRow",
    "Changes",
    "DamagedStore",
    "Draft",
    "DuplicateChild",
    "ImportRefused",
    "ImportResult",
    "NewerVersion",
    "NotAPaceStore",
    "PassphraseTooShort",
    "RecordIsFinal",
    "RecordNotFound",
    "SearchResult",
    "StoreClosed",
    "StoreError",
    "StoreExists",
    "StoreNotFound",
    "WrongPassphrase",
]
