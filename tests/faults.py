"""Run the real command line (or a snippet) in a child process under a fault: a file-size
limit standing in for a full disk (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail with
EFBIG as they would with ENOSPC), or a folder this user cannot write to."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _obey_permissions() -> None:
    """Root ignores a folder's read-only bits; drop the two capabilities that let it, so the
    command sees a read-only folder as anyone would (the exec recomputes root's powers from
    the bounding set)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _limit(size: int | None, read_only: bool):  # type: ignore[no-untyped-def]
    def pre() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        if read_only:
            _obey_permissions()
    return pre


def cli(*words: str, fsize: int | None = None, read_only: bool = False,
        cwd: Path | None = None, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PACE_PASSPHRASE": PASSPHRASE, **(env or {})}
    return subprocess.run([sys.executable, "-m", "pace_desktop", *words], capture_output=True,
                          text=True, env=full_env, timeout=timeout, cwd=cwd,
                          preexec_fn=_limit(fsize, read_only))


def snippet(code: str, *args: str, fsize: int | None = None,
            read_only: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120, preexec_fn=_limit(fsize, read_only),
                          cwd=Path(__file__).resolve().parents[1])


def one_plain_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]
