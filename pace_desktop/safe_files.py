"""Every file the product writes appears whole, owner-only (0600), or not at all.

The bytes go to a temporary name in the target's own folder (so the final rename is atomic on
the same file system), are flushed to the disk, made 0600 and renamed into place. On any
failure the temporary file is removed and one plain `WriteFailed` names the cause and the
file: a full disk, a read-only folder or a missing folder is never left as a 0-byte or
truncated file that looks like a finished one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

MODE = 0o600

_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the disk is full",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "you are not allowed to write there (the folder is read-only)",
    errno.EPERM: "you are not allowed to write there",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EIO: "the disk reported an input/output error",
}


class WriteFailed(OSError):
    """A file could not be written; nothing was left behind. The message is one plain line."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(f"Could not write {path}: {cause}; nothing was written.")
        self.path = path
        self.cause = cause

    def __str__(self) -> str:
        return str(self.args[0])


def cause_of(err: BaseException) -> str:
    """Plain words for why a write failed."""
    if isinstance(err, WriteFailed):
        return err.cause
    if isinstance(err, OSError) and err.errno in _CAUSES:
        return _CAUSES[err.errno]
    text = str(getattr(err, "strerror", None) or err).strip().rstrip(".")
    lowered = text.lower()
    if "full" in lowered:
        return "the disk is full"
    if "readonly" in lowered or "read-only" in lowered:
        return "the disk or folder is read-only"
    return lowered or type(err).__name__


def temp_name(path: Path) -> Path:
    """Hidden, beside the target, unique to this process; it keeps the target's suffix so
    writers that choose a format by suffix (PNG/SVG) still do."""
    return path.with_name(f".{path.stem}.{os.getpid()}.partial{path.suffix}")


def finish(tmp: Path, path: Path) -> None:
    """fsync, 0600 and rename a completed temporary file into place (then fsync the folder,
    so the rename itself survives a power cut)."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, MODE)
    os.replace(tmp, path)
    with contextlib.suppress(OSError):
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


@contextlib.contextmanager
def writing(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes `path`, on failure it vanishes.

    A writer that reports failure by writing nothing (or by raising) gets `WriteFailed`.
    """
    path = Path(path)
    tmp = temp_name(path)
    try:
        # Create it 0600 before anyone writes case data into it.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, MODE))
        yield tmp
        if tmp.stat().st_size == 0:
            raise WriteFailed(path, "nothing could be written (is the disk full?)")
        finish(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, WriteFailed):
            raise
        if isinstance(err, OSError):
            raise WriteFailed(path, cause_of(err)) from None
        raise


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write `data` atomically, owner-only."""
    path = Path(path)
    with writing(path) as tmp, open(tmp, "wb") as out:
        out.write(data)
        out.flush()
    return path


def check_picture(tmp: Path, out: Path) -> None:
    """A PNG ends with its IEND chunk and an SVG with </svg>: anything else was cut short.
    Qt's and pyqtgraph's picture writers report no write errors, so a full disk would
    otherwise show as a truncated picture saved "successfully"."""
    data = tmp.read_bytes()
    whole = data.endswith(b"IEND\xaeB`\x82") if out.suffix.lower() == ".png" \
        else data.rstrip().endswith(b"</svg>")
    if not whole:
        raise WriteFailed(out, "the picture could not be written whole (is the disk full?)")
