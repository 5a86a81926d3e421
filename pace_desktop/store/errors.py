"""Errors a person can act on, each with its own type and a plain message.

The message is what the command line prints and the app shows; it never contains a passphrase
or case data beyond what the user already typed (a child's ref, a file name).
"""

from __future__ import annotations


class StoreError(Exception):
    """Anything the store refuses or cannot do, said plainly."""


class StoreNotFound(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(f"There is no store at {path}. Check the path, or create a new store.")


class StoreExists(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(f"A file already exists at {path}; a new store will not replace it.")


class PassphraseTooShort(StoreError):
    def __init__(self, minimum: int) -> None:
        super().__init__(f"The passphrase must be at least {minimum} characters long.")


class WrongPassphrase(StoreError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "That passphrase does not open this store. Check it and try again." + detail
        )


class NotAPaceStore(StoreError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path} is not a PACE store ({why}).")


class DamagedStore(StoreError):
    def __init__(self, path: str, detail: str, backup: str | None = None) -> None:
        offer = (
            f" The latest backup is {backup}: open that instead."
            if backup
            else " No backup was found beside it."
        )
        super().__init__(f"The store {path} is damaged ({detail}).{offer}")
        self.backup = backup


class NewerVersion(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This store was made by a newer version of PACE Desktop (store version {found}; "
            f"this program understands up to {supported}). Please update PACE Desktop."
        )


class StoreClosed(StoreError):
    def __init__(self) -> None:
        super().__init__("The store is locked. Unlock it to continue.")


class RecordNotFound(StoreError):
    pass


class RecordIsFinal(StoreError):
    """A finalised meeting or chronology entry cannot change; corrections are amendments."""


class RuleBroken(StoreError):
    """The change would break a rule of the record (domain.episode_rules: two homes at once,
    an end before its start); nothing was written. The message says what, in plain words."""


class DuplicateChild(StoreError):
    pass


class StaleRecord(StoreError):
    """Someone (another window) saved this record since it was read."""


class DiskFull(StoreError):
    """The disk (or the space this process may use) ran out; the write was undone whole."""

    def __init__(self, path: str, what: str = "the change") -> None:
        super().__init__(f"The disk is full: {what} could not be saved to {path}, and nothing"
                         " was changed. Free some space and try again.")


class ReadOnlyPlace(StoreError):
    """The store's file or folder cannot be written: not damage, and nothing was changed."""

    def __init__(self, path: str) -> None:
        super().__init__(f"The store {path} is in a place that cannot be written to (a"
                         " read-only folder, disk or file). The store itself is not damaged:"
                         " move it somewhere you can write, or change the folder's permissions.")


class DiskError(StoreError):
    """The operating system reported an input/output error: the disk, not the store's data."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"The disk reported an error while reading or writing {path}"
                         f" ({detail}); nothing was changed. Check the disk and try again.")
