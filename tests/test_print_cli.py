"""The print commands, run as a person would: a real store, a real process, real PDFs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from pace_desktop.demo_store import make_demo_store
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prints") / "demo.pacestore"
    make_demo_store(path, PASSPHRASE, 21)
    return path


def _run(store: Path, *words: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACE_PASSPHRASE": PASSPHRASE,
           "XDG_CONFIG_HOME": str(store.parent / "config")}
    return subprocess.run([sys.executable, "-m", "pace_desktop", *words, "--store", str(store)],
                          capture_output=True, text=True, env=env, timeout=120)


def _mum(store: Path, ref: str = "DEMO-00002") -> str:
    """The id of the child's first relevant person: copies are made for people by name."""
    with CaseStore.open(store, PASSPHRASE) as s:
        return next(p.id for p in s.child(ref).people
                    if p.role in ("parent", "relevant_person"))


def _pages(path: Path, password: str | None = None) -> int:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    if password:
        assert reader.decrypt(password)
    return len(reader.pages)


def test_chronology_command_writes_a_pdf_and_warns(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "chronology.pdf"
    done = _run(demo, "chronology", "--child", "DEMO-00001", "--recipient", "panel",
                "--out", str(out), "--with-timeline", "--as-of", "2026-11-24",
                "--from", "2000-01-01", "--to", "2030-01-01", "--accept-checks")
    assert done.returncode == 0, done.stderr
    assert "not encrypted" in done.stdout
    assert _pages(out) >= 1


def test_chronology_with_password(demo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("print password 42\n", encoding="utf-8")
    out = tmp_path / "locked.pdf"
    done = _run(demo, "chronology", "--child", "DEMO-00002", "--recipient",
                "person:" + _mum(demo), "--out", str(out), "--password-file", str(secret),
                "--kind", "note", "looked_after", "--accept-checks")
    assert done.returncode == 0, done.stderr
    assert "not encrypted" not in done.stdout
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted and not reader.decrypt("nope")
    assert _pages(out, "print password 42") >= 1


def test_meetings_then_record(demo: Path, tmp_path: Path) -> None:
    listed = _run(demo, "meetings", "--child", "DEMO-00001")
    assert listed.returncode == 0, listed.stderr
    with CaseStore.open(demo, PASSPHRASE) as store:
        meeting = store.child("DEMO-00001").meetings[0]
    assert meeting.id in listed.stdout
    out = tmp_path / "record.pdf"
    done = _run(demo, "record", "--child", "DEMO-00001", "--meeting", meeting.id,
                "--out", str(out), "--recipient", "person:" + _mum(demo, "DEMO-00001"))
    assert done.returncode == 0, done.stderr
    assert _pages(out) >= 1


def test_summary_and_clocks_report(demo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.pdf"
    done = _run(demo, "summary", "--child", "DEMO-00003", "--out", str(summary),
                "--as-of", "2026-11-24", "--recipient", "court")
    assert done.returncode == 0, done.stderr
    report = tmp_path / "clocks.pdf"
    done = _run(demo, "clocks-report", "--out", str(report), "--as-of", "2026-11-24")
    assert done.returncode == 0, done.stderr
    assert _pages(summary) >= 1 and _pages(report) >= 1
    with CaseStore.open(demo, PASSPHRASE) as store:
        worker = store.caseload()[0].allocated_worker
    mine = tmp_path / "mine.pdf"
    done = _run(demo, "clocks-report", "--out", str(mine), "--worker", str(worker),
                "--as-of", "2026-11-24")
    assert done.returncode == 0, done.stderr
    assert _pages(mine) >= 1


@pytest.mark.parametrize(("words", "message"), [
    (("chronology", "--child", "NOPE-1", "--recipient", "panel"), "no child"),
    (("chronology", "--child", "DEMO-00001", "--recipient", "neighbour"), "no recipient"),
    (("record", "--child", "DEMO-00001", "--meeting", "zz", "--recipient", "panel"),
     "no meeting"),
    (("clocks-report", "--worker", "Nobody Here"), "No children are allocated"),
])
def test_errors_are_plain(demo: Path, tmp_path: Path, words: tuple[str, ...],
                          message: str) -> None:
    out = tmp_path / "never.pdf"
    done = _run(demo, *words, "--out", str(out))
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
