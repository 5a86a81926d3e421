"""One worker thread that owns the open store; the interface thread only sends it requests.

Every store call (unlocking, reading the caseload, searching, and later every operation)
is a *request*: a callable that receives the worker's `StoreHolder` and returns a value. The
worker runs it on its own thread, where the SQLCipher connection lives, and the reply comes
back to the interface thread as a signal carrying a frozen `Reply`. The interface thread never
waits on the store, so the ~0.2 s key derivation or a slow search never freezes a window.
"""

from __future__ import annotations

import getpass
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from pace_desktop.store import CaseStore, OpChanges, StoreClosed

log = logging.getLogger(__name__)

class StoreHolder:
    """The worker's one slot for the open store; only ever touched on the worker thread."""

    def __init__(self) -> None:
        self._store: CaseStore | None = None
        self.heard: list[OpChanges] = []  # what the request now running changed

    @property
    def store(self) -> CaseStore:
        if self._store is None:
            raise StoreClosed()
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def adopt(self, store: CaseStore) -> Path:
        self.close()
        self._store = store
        store.on_change = self.heard.append  # every committed operation, whoever asked
        return store.path

    def close(self) -> None:
        if self._store is not None:
            store, self._store = self._store, None
            store.close()

    def rename_user(self, name: str | None) -> None:
        if self._store is not None:
            self._store.user = name or self._store.named_user()[0] or getpass.getuser()


@dataclass(frozen=True, slots=True)
class Request:
    id: int
    job: Callable[[StoreHolder], Any]


@dataclass(frozen=True, slots=True)
class Reply:
    id: int
    value: Any = None
    error: Exception | None = None
    changes: tuple[OpChanges, ...] = ()  # every operation the request committed, in order


class _Worker(QObject):
    replied = Signal(Reply)

    def __init__(self, holder: StoreHolder) -> None:
        super().__init__()
        self._holder = holder

    @Slot(Request)
    def run(self, request: Request) -> None:
        self._holder.heard.clear()
        try:
            value = request.job(self._holder)
            reply = Reply(request.id, value, changes=tuple(self._holder.heard))
        except Exception as exc:  # every failure goes back to the window that asked
            if not isinstance(exc, StoreClosed):
                log.debug("store request %s failed", request.id, exc_info=True)
            # A job of several operations may have committed some before failing.
            reply = Reply(request.id, error=exc, changes=tuple(self._holder.heard))
        self._holder.heard.clear()
        self.replied.emit(reply)


Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


def _owner_of(callback: object) -> QObject | None:
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


class StoreRunner(QObject):
    """The interface thread's handle on the worker: `call` a job, get `done` or `failed` back.

    Callbacks run on the interface thread, in the order the requests were made. `busy_changed`
    says when the worker starts and stops having work, for busy indicators.
    """

    busy_changed = Signal(bool)
    # Every committed store operation's OpChanges, once, on the interface thread, before the
    # reply to the job that made it: views refresh when `changes.touches(ref, part)`.
    changed = Signal(OpChanges)
    _send = Signal(Request)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._holder = StoreHolder()
        self._thread = QThread()
        self._thread.setObjectName("pace-store")
        self._worker = _Worker(self._holder)
        self._worker.moveToThread(self._thread)
        self._send.connect(self._worker.run)
        self._worker.replied.connect(self._on_reply)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Done | None, Failed | None, QObject | None]] = {}
        self.user_name: str | None = None  # None: the login name
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def call[T](self, job: Callable[[CaseStore], T], done: Callable[[T], None] | None = None,
             failed: Failed | None = None, owner: QObject | None = None) -> int:
        """Run `job(store)` on the worker with the open store (StoreClosed if none is open).

        `owner`: the widget the answer is for; if it has been deleted by the time the answer
        comes (a window closed on lock, say), the answer is dropped rather than delivered to
        a dead object. Bound methods of a QObject name their owner themselves."""
        return self.submit(lambda holder: job(holder.store), done, failed, owner)

    def submit(self, job: Callable[[StoreHolder], Any], done: Done | None = None,
               failed: Failed | None = None, owner: QObject | None = None) -> int:
        """Run `job(holder)` on the worker: for requests that open, create or close the store."""
        request = Request(next(self._ids), job)
        was_busy = self.busy
        owner = owner or _owner_of(done) or _owner_of(failed)
        self._pending[request.id] = (done, failed, owner)
        if not was_busy:
            self.busy_changed.emit(True)
        self._send.emit(request)
        return request.id

    def open(self, path: Path, passphrase: str, done: Done | None = None,
             failed: Failed | None = None) -> int:
        user = self.user_name
        return self.submit(lambda h: h.adopt(CaseStore.open(path, passphrase, user)),
                           done, failed)

    def create(self, path: Path, passphrase: str, owner: str, done: Done | None = None,
               failed: Failed | None = None) -> int:
        user = self.user_name
        return self.submit(lambda h: h.adopt(CaseStore.create(path, passphrase, owner, user)),
                           done, failed)

    def set_user_name(self, name: str | None) -> None:
        """Who the audit log names for what is done from now on (the Settings name)."""
        self.user_name = name or None
        self.submit(lambda h: h.rename_user(name) if h.is_open else None)

    def lock(self, done: Done | None = None) -> int:
        """Close the store and drop its key; the worker stays ready for the next unlock."""
        return self.submit(lambda h: h.close(), done)

    def forget(self, request_id: int) -> None:
        """Drop the callbacks of a request whose answer is no longer wanted."""
        if request_id in self._pending:
            self._pending[request_id] = (None, None, None)

    def shutdown(self) -> None:
        """Stop the worker (after any job it is running) and close the store. Idempotent."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        # The worker thread has stopped, so this thread may close the connection safely.
        self._holder.close()
        self._pending.clear()

    @Slot(Reply)
    def _on_reply(self, reply: Reply) -> None:
        done, failed, owner = self._pending.pop(reply.id, (None, None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        for changes in reply.changes:
            self.changed.emit(changes)
        if owner is not None and not shiboken6.isValid(owner):
            return  # the widget that asked is gone; its answer has nobody to go to
        if reply.error is None:
            if done is not None:
                done(reply.value)
        elif failed is not None:
            failed(reply.error)
        elif not isinstance(reply.error, StoreClosed):
            log.error("A store request failed with nobody to tell", exc_info=reply.error)
