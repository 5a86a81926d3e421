"""Interchange files on disk: every way reading can fail becomes a plain InterchangeError.

The person importing is a social worker, not a programmer: a missing file, a file saved in
the wrong encoding or a stray comma must each be said in words they can act on.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from pace_desktop.domain.records import Child
from pace_desktop.exchange.building import cycle_collector_paused
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.reading import parse_interchange
from pace_desktop.exchange.writing import to_interchange

# json's own messages, start of text → what a person editing the file by hand needs to hear.
_JSON_REASONS = (
    ("Expecting value", "expected a value (text in quotes, a number, true, false, null, [ or {)"),
    ("Expecting ',' delimiter", "expected a comma or a closing ] or }"),
    ("Expecting ':' delimiter", "expected a colon after the field name"),
    (
        "Expecting property name enclosed in double quotes",
        "expected a field name in double quotes (is there a comma after the last item?)",
    ),
    ("Unterminated string", "text in quotes is not closed"),
    ("Invalid control character", "a line break or control character inside text in quotes"),
    ("Invalid \\uXXXX escape", "a backslash in text that is not a valid escape (write \\\\)"),
    ("Invalid \\escape", "a backslash in text that is not a valid escape (write \\\\)"),
    ("Extra data", "more after the end of the data (a file holds one JSON value)"),
)


def read_interchange_file(path: str | os.PathLike[str]) -> list[Child]:
    """The children in the interchange file at `path`; InterchangeError for any problem."""
    return parse_interchange(_load(Path(path)))


def _load(path: Path) -> object:
    if path.is_dir():
        _refuse(path, "is a folder, not a file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        _refuse(path, "no such file")
    except PermissionError:
        _refuse(path, "permission denied")
    except OSError as err:
        _refuse(path, (err.strerror or str(err)).lower())
    # Windows Notepad starts UTF-8 files with a byte order mark; it is not part of the data.
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        _refuse(
            path,
            f"line {line}: not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
        )
    if not text.strip():
        _refuse(path, "the file is empty")
    try:
        with cycle_collector_paused():
            return json.loads(text)
    except json.JSONDecodeError as err:
        raise InterchangeError(
            [f"line {err.lineno}, column {err.colno}: {_json_reason(err.msg)}"],
            summary=f"{path} is not valid JSON (line {err.lineno}, column {err.colno}); "
            "nothing was imported.",
        ) from None
    except RecursionError:
        _refuse(path, "the data is nested too deeply to read")
    except ValueError as err:
        # For example an integer of thousands of digits, which Python refuses to convert.
        _refuse(path, f"cannot be read as JSON ({err})")


def _json_reason(message: str) -> str:
    for start, reason in _JSON_REASONS:
        if message.startswith(start):
            return reason
    return message[:1].lower() + message[1:]


def _refuse(path: Path, message: str) -> NoReturn:
    raise InterchangeError(
        [f"{path}: {message}"], summary=f"Cannot read {path}: {message}."
    ) from None


def write_interchange_file(path: str | os.PathLike[str], children: Iterable[Child]) -> None:
    """Write `children`, in the caller's order, as an interchange file at `path`.

    Atomic: the file appears whole or not at all, so a full disk or a crash never leaves a
    truncated export behind. The new file is readable by its owner only (mkstemp's 0600):
    an export holds special category personal data in plain text.
    """
    target = Path(path)
    text = json.dumps(to_interchange(children), indent=1, ensure_ascii=False) + "\n"
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        _refuse_write(target, err)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException as err:
        Path(temp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            _refuse_write(target, err)
        raise


def _refuse_write(path: Path, err: OSError) -> NoReturn:
    reason = (err.strerror or str(err)).lower()
    raise InterchangeError(
        [f"{path}: {reason}"], summary=f"Could not write {path}: {reason}; nothing was written."
    ) from None
