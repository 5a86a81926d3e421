"""The encrypted case store: the only place in PACE Desktop that speaks SQL."""

from pace_desktop.store.case_store import CaseStore, Draft, ImportRefused, RekeyFailed
from pace_desktop.store.changes import Changes, OpChanges
from pace_desktop.store.errors import (
    DamagedStore,
    DiskError,
    DiskFull,
    DuplicateChild,
    NewerVersion,
    NotAPaceStore,
    PassphraseTooShort,
    ReadOnlyPlace,
    RecordIsFinal,
    RecordNotFound,
    RuleBroken,
    StoreClosed,
    StoreError,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
)
from pace_desktop.store.finalising import ReasonsMissing
from pace_desktop.store.passphrases import (
    MIN_PASSPHRASE,
    WeakPassphrase,
    check_passphrase,
    passphrase_problem,
)
from pace_desktop.store.reads import CaseloadRow
from pace_desktop.store.search import SearchResult

__all__ = [
    "MIN_PASSPHRASE",
    "CaseStore",
    "CaseloadRow",
    "Changes",
    "OpChanges",
    "DamagedStore",
    "DiskError",
    "DiskFull",
    "Draft",
    "DuplicateChild",
    "ImportRefused",
    "NewerVersion",
    "NotAPaceStore",
    "PassphraseTooShort",
    "ReadOnlyPlace",
    "ReasonsMissing",
    "RecordIsFinal",
    "RecordNotFound",
    "RekeyFailed",
    "RuleBroken",
    "SearchResult",
    "StoreClosed",
    "StoreError",
    "StoreExists",
    "StoreNotFound",
    "WeakPassphrase",
    "WrongPassphrase",
    "check_passphrase",
    "passphrase_problem",
]
