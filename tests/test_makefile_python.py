"""The Makefile refuses, with a plain message, to build the venv on Python older than 3.12
(PySide6 6.12 crashes 3.11: NOTES.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OLD = [p for p in (shutil.which("python3.11"), "/root/.pyenv/versions/3.11.7/bin/python3")
       if p and Path(p).exists()]


@pytest.mark.skipif(not OLD or shutil.which("make") is None, reason="no Python 3.11 here")
def test_makefile_refuses_an_older_python() -> None:
    done = subprocess.run(["make", "-s", "python-check", f"PYTHON={OLD[0]}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "needs Python 3.12 or newer" in done.stdout + done.stderr


def test_makefile_accepts_this_python() -> None:
    import sys

    done = subprocess.run(["make", "-s", "python-check", f"PYTHON={sys.executable}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
