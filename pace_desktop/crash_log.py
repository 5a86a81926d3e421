"""A note of an unexpected error, kept where a person can send it, holding no case data.

An exception's message and a frame's variables can hold anything the code was handling (a
child's name, a decision's text), so the note keeps only what cannot: the error's type, and
for each frame the file name, line number and function name. That is enough to find the bug.
"""

from __future__ import annotations

import platform
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from pace_desktop import paths
from pace_desktop.safe_files import write_bytes


def log_dir() -> Path:
    return paths.data_dir() / "logs"


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and where it happened: never its message, never any values."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("pace-desktop")
    except PackageNotFoundError:
        ours = "(source)"
    lines = [
        f"PACE Desktop {ours}, Python {platform.python_version()}, {platform.system()}",
        f"at {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"error: {exc_type.__module__}.{exc_type.__qualname__}",
        "where (innermost last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_log(exc_type: type[BaseException], tb: TracebackType | None,
                    folder: Path | None = None) -> Path | None:
    """Write the note (0600, atomically) and return its path; None if it could not be written
    (a crash note must never cause a second error)."""
    folder = folder or log_dir()
    name = f"crash-{datetime.now(UTC):%Y%m%dT%H%M%S%f}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return write_bytes(folder / name, crash_report(exc_type, tb).encode("utf-8"))
    except OSError:
        return None


def plain_message(log: Path | None) -> str:
    where = (f" A note of where it happened, with no case details, was saved to {log}:"
             " please send it to your support team." if log else "")
    return ("Something went wrong that PACE Desktop did not expect. Changes you saved before"
            " this are safe in the store; the change you were making may not have been saved."
            + where)


