"""A small sample of each long robustness run (the long runs are `make soak`)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from pace_desktop.demo_store import make_demo_store
from tests import soak
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "soak.pacestore"
    make_demo_store(path, PASSPHRASE, 10)
    return path


def _n(name: str, sample: int) -> int:
    return int(os.environ.get(name, sample))


def test_killed_imports_leave_all_or_nothing(demo: Path) -> None:
    seen = soak.kill_imports(demo, _n("PACE_SOAK_IMPORT_KILLS", 6), random.Random(11))
    print(f"\nSOAK import kills: {sum(seen.values())} runs, whole {seen['whole']},"
          f" none {seen['none']}, partial 0")


def test_killed_backups_leave_a_whole_backup_or_none(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    seen = soak.kill_backups(demo, folder, _n("PACE_SOAK_BACKUP_KILLS", 6), random.Random(12))
    print(f"\nSOAK backup kills: {sum(seen.values())} runs, whole {seen['whole']},"
          f" none {seen['none']}, partial or damaged 0")


def test_malformed_files_are_read_or_refused_plainly(tmp_path: Path) -> None:
    rounds = _n("PACE_SOAK_MALFORMED", 300)
    seen = soak.malformed_files(soak.valid_interchange(), tmp_path, rounds, random.Random(13))
    assert seen["refused"] > rounds // 2  # the mutations really do break the files
    print(f"\nSOAK malformed files: {rounds} files, refused plainly {seen['refused']},"
          f" read {seen['read']}, tracebacks 0")


# -- the long runs: `make soak` ------------------------------------------------------------

@pytest.mark.slow
def test_soak_kills_across_writes_imports_and_backups(demo: Path, tmp_path: Path) -> None:
    """With test_rekey_atomic's soak (rekey), 1,000 kills in all by default."""
    from datetime import date

    from pace_desktop.domain import Child
    from pace_desktop.store import CaseStore

    each = _n("PACE_SOAK_KILLS_EACH", 250)
    writes = tmp_path / "writes.pacestore"
    with CaseStore.create(writes, PASSPHRASE, "Owner") as s:
        s.import_children([Child(ref="CR-1", given_name="Tam", family_name="Rendall",
                                 date_of_birth=date(2017, 7, 7))])
    w = soak.kill_writes(writes, each, random.Random(21))
    i = soak.kill_imports(demo, each, random.Random(22))
    folder = tmp_path / "backups"
    folder.mkdir()
    b = soak.kill_backups(demo, folder, each, random.Random(23))
    print(f"\nSOAK write kills: {each} runs, {w['reported']} commits reported, lost 0,"
          " damaged stores 0")
    print(f"SOAK import kills: {each} runs, whole {i['whole']}, none {i['none']}, partial 0")
    print(f"SOAK backup kills: {each} runs, whole {b['whole']}, none {b['none']},"
          " partial or damaged 0")


@pytest.mark.slow
def test_soak_malformed_files(tmp_path: Path) -> None:
    rounds = _n("PACE_SOAK_MALFORMED", 10_000)
    seen = soak.malformed_files(soak.valid_interchange(), tmp_path, rounds, random.Random(31))
    print(f"\nSOAK malformed files: {rounds} files, refused plainly {seen['refused']},"
          f" read {seen['read']}, tracebacks 0")


@pytest.mark.slow
def test_soak_tamperings(tmp_path: Path) -> None:
    from tests.tamperings import TAMPERINGS
    from tests.test_audit_tamper import fresh_copy

    template = tmp_path / "template" / "t.pacestore"
    template.parent.mkdir()
    make_demo_store(template, PASSPHRASE, 4)
    from datetime import date

    from pace_desktop.domain import Event
    from pace_desktop.store import CaseStore

    with CaseStore.open(template, PASSPHRASE) as s:
        s.backup(template.parent / "older.pacebackup")
        s.add_event(s.refs()[0], Event(date=date(2025, 1, 1), title="later"))
    caught = 0
    for n, (name, tamper) in enumerate(TAMPERINGS.items()):
        folder = tmp_path / f"t{n}"
        folder.mkdir()
        path = fresh_copy(template, folder)
        tamper(path)
        with CaseStore.open(path, PASSPHRASE) as s:
            problems = s.check()
        assert problems, name
        caught += 1
    print(f"\nSOAK tamperings: {len(TAMPERINGS)} made with the passphrase and plain SQL,"
          f" caught by check {caught}")


@pytest.mark.slow
def test_soak_full_disk_and_read_only(demo: Path, tmp_path: Path) -> None:
    """Every file-size limit from 4 KiB to 1 MiB, for a write, a backup and an init: each
    either succeeds or fails with one plain line, leaving no visible file and a sound store."""
    from tests.faults import cli, one_plain_line

    limits = [4096 * 2 ** (k / 2) for k in range(17)]
    failed = succeeded = 0
    for n, limit in enumerate(int(x) for x in limits):
        out = tmp_path / f"d{n}"
        out.mkdir()
        for words in (("backup", "--store", str(demo), "--out", str(out / "b.pacebackup")),
                      ("init", "--store", str(out / "new.pacestore"), "--owner", "A")):
            done = cli(*words, fsize=limit)
            if done.returncode == 0:
                succeeded += 1
            else:
                line = one_plain_line(done.stderr)
                assert "damaged" not in line and "rollback" not in line.lower(), line
                assert not [p for p in out.iterdir() if not p.name.startswith(".")]
                failed += 1
        assert cli("check", "--store", str(demo)).returncode == 0
    read_only = _read_only_rounds(demo, tmp_path / "ro")
    print(f"\nSOAK read-only folder: {read_only} commands, each one plain line, none"
          " called damage, nothing changed")
    print(f"SOAK full disk: {len(limits)} limits x 2 commands, failed plainly {failed},"
          f" succeeded {succeeded}, damaged stores 0, files left behind 0")


def _read_only_rounds(demo: Path, folder: Path) -> int:
    import os

    from pace_desktop.store import CaseStore
    from tests.faults import cli, one_plain_line

    folder.mkdir()
    store = folder / "ro.pacestore"
    CaseStore.create(store, PASSPHRASE, "A").close()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    os.chmod(folder, 0o500)
    commands = [("check", "--store", str(store)), ("backup", "--store", str(store), "--out",
                str(folder / "b.pacebackup")), ("init", "--store", str(folder / "n.pacestore")),
                ("backup", "--store", str(demo), "--out", str(folder / "c.pacebackup"))]
    try:
        for words in commands:
            done = cli(*words, read_only=True)
            line = one_plain_line(done.stderr)
            assert done.returncode == 1 and "is damaged" not in line, line
    finally:
        os.chmod(folder, 0o700)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    return len(commands)
