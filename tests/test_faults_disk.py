"""Full disks and read-only places, told plainly: one line naming the cause and the file, no
file left behind, never "damaged". Real stores, real processes under a file-size limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pace_desktop import safe_files
from pace_desktop.demo_store import make_demo_store
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.faults import cli, one_plain_line, snippet

FULL = 64 * 1024  # "under 64 KiB free": every file this process writes stops growing there
# Room to open the store (its 32 KiB shared-memory index) but not to write a print or picture.
ROOM_TO_OPEN = 40 * 1024


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("full") / "demo.pacestore"
    make_demo_store(path, PASSPHRASE, 3, 1, 400)  # long chronologies: prints well over 40 KiB
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_write_on_a_full_disk_says_the_disk_is_full_not_rollback(demo: Path) -> None:
    code = (
        "import sys; from datetime import date\n"
        "from pace_desktop.domain import Event\n"
        "from pace_desktop.store import CaseStore, StoreError\n"
        "s = CaseStore.open(sys.argv[1], sys.argv[2])\n"
        "ref = s.refs()[0]\n"
        "try:\n"
        # the longest text the bounds allow (domain.bounds), more than the 64 KiB left
        "    s.add_event(ref, Event(date=date(2024, 1, 1), title='x' * 100_000,\n"
        "                           detail='y' * 100_000))\n"
        "except StoreError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    done = snippet(code, str(demo), PASSPHRASE, fsize=FULL)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith("DiskFull The disk is full"), done.stdout
    assert "rollback" not in done.stdout.lower() and str(demo) in done.stdout
    # the store is intact and opens; the failed write is simply not there
    assert cli("check", "--store", str(demo)).returncode == 0


def test_commands_under_64_kib_are_not_called_damage(demo: Path) -> None:
    done = cli("check", "--store", str(demo), fsize=FULL)
    assert "damaged" not in done.stderr.lower(), done.stderr
    assert done.returncode == 0 or "full" in one_plain_line(done.stderr)


def test_init_on_a_full_disk_leaves_no_file(tmp_path: Path) -> None:
    store = tmp_path / "new.pacestore"
    done = cli("init", "--store", str(store), "--owner", "A Worker", fsize=4096)
    assert done.returncode == 1
    line = one_plain_line(done.stderr)
    assert "disk is full" in line and str(store) in line
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    # and the name is free: init works once there is room
    assert cli("init", "--store", str(store), "--owner", "A Worker").returncode == 0
    assert _mode(store) == 0o600
    assert _mode(store.with_name(store.name + ".keycheck")) == 0o600


def test_backup_on_a_full_disk_leaves_no_partial_file(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "b" / "copy.pacebackup"
    out.parent.mkdir()
    done = cli("backup", "--store", str(demo), "--out", str(out), fsize=FULL)
    assert done.returncode == 1
    line = one_plain_line(done.stderr)
    assert "disk is full" in line and str(out) in line, line
    assert list(out.parent.iterdir()) == []
    assert cli("backup", "--store", str(demo), "--out", str(out)).returncode == 0
    assert _mode(out) == 0o600


def test_a_print_on_a_full_disk_leaves_no_pdf(demo: Path, tmp_path: Path) -> None:
    from pace_desktop.chronology import prepare

    ref = _first_ref(demo)
    with CaseStore.open(demo, PASSPHRASE) as store:  # the checks, accepted beforehand
        store.accept_checks(ref, [c.key for c in prepare(store.child(ref), "panel").checks])
    out = tmp_path / "p" / "chronology.pdf"
    out.parent.mkdir()
    # The demo's notes trip the checks before printing; accepted, so the print reaches the disk.
    words = ("chronology", "--store", str(demo), "--child", ref, "--recipient", "panel",
             "--accept-checks", "--out", str(out))
    done = cli(*words, fsize=ROOM_TO_OPEN)
    assert done.returncode == 1, done.stdout
    line = one_plain_line(done.stderr)
    assert "disk is full" in line and str(out) in line, line
    assert list(out.parent.iterdir()) == []
    done = cli(*words)
    assert done.returncode == 0, done.stderr
    assert _mode(out) == 0o600 and out.read_bytes().startswith(b"%PDF")


def test_a_timeline_on_a_full_disk_is_not_reported_as_saved(demo: Path, tmp_path: Path) -> None:
    ref = _first_ref(demo)
    out = tmp_path / "t" / "journey.png"
    out.parent.mkdir()
    words = ("timeline", "--store", str(demo), "--child", ref, "--out", str(out),
             "--width", "3000")
    done = cli(*words, fsize=ROOM_TO_OPEN, env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 1 and "Saved" not in done.stdout, done.stdout
    line = one_plain_line(done.stderr)
    assert str(out) in line and "full" in line, line
    assert list(out.parent.iterdir()) == []
    done = cli(*words, env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert _mode(out) == 0o600


def test_a_read_only_folder_is_not_damage(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    store = folder / "ro.pacestore"
    s = CaseStore.create(store, PASSPHRASE, "A Worker")
    s.close()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    os.chmod(folder, 0o500)
    try:
        done = cli("check", "--store", str(store), read_only=True)
        assert done.returncode == 1
        line = one_plain_line(done.stderr)
        assert "is damaged" not in line and "read-only" in line and str(store) in line, line
        # an output into a read-only folder: one line naming the cause and the file
        out = folder / "copy.pacebackup"
        done = cli("backup", "--store", str(demo), "--out", str(out), read_only=True)
        line = one_plain_line(done.stderr)
        assert str(out) in line and "read-only" in line, line
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    finally:
        os.chmod(folder, 0o700)


def test_safe_write_leaves_nothing_when_the_writer_fails(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(RuntimeError), safe_files.writing(out) as tmp:
        tmp.write_bytes(b"half")
        assert tmp.parent == out.parent and _mode(tmp) == 0o600
        raise RuntimeError("the writer broke")
    assert list(tmp_path.iterdir()) == []
    safe_files.write_bytes(out, b"%PDF whole")
    assert out.read_bytes() == b"%PDF whole" and _mode(out) == 0o600


def _first_ref(store: Path) -> str:
    with CaseStore.open(store, PASSPHRASE) as s:
        return s.refs()[0]


def test_a_damaged_middle_page_under_export_is_called_damage(tmp_path: Path) -> None:
    store = tmp_path / "d.pacestore"
    make_demo_store(store, PASSPHRASE, 30)
    data = bytearray(store.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages > 20
    for n in range(pages // 3, 2 * pages // 3):  # the middle third: chronology pages
        data[n * page + 100] ^= 0xFF
    store.write_bytes(bytes(data))
    done = cli("export", "--store", str(store), "--out", str(tmp_path / "out.json"))
    assert done.returncode == 1
    line = one_plain_line(done.stderr)
    assert "is damaged" in line and str(store) in line, line
    assert "did not expect" not in line
    assert not (tmp_path / "out.json").exists()
