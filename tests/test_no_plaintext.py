"""No plaintext case data in any file the product writes: records carrying a marker string are
written, searched, backed up and re-keyed in a separate process whose home, settings, data and
temp folders all point into this test's folder; then every file there is scanned."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]
MARKER = "Zqxmarkerwj"

WORKLOAD = textwrap.dedent(f"""
    from datetime import date
    from pace_desktop import paths
    from pace_desktop.domain import Child, Event, Meeting, Person, LivingEpisode
    from pace_desktop.store import CaseStore
    path = paths.default_store()
    s = CaseStore.create(path, {PASSPHRASE!r}, "Owner {MARKER}")
    people = (Person(id="c1", role="carer", name="Carer {MARKER}", address="1 {MARKER} Road"),)
    events = tuple(Event(date=date(2024, 1, 1 + i % 28), title="Entry {MARKER} %d" % i,
                         detail="Detail {MARKER} " * 40) for i in range(3000))
    s.import_children([Child(ref="{MARKER}-1", given_name="{MARKER}", family_name="Flett",
                             date_of_birth=date(2019, 1, 1), people=people, events=events,
                             living=(LivingEpisode(type="foster", start=date(2024, 1, 1),
                                                   carer="c1", address="{MARKER} Farm"),))])
    s.save_meeting("{MARKER}-1", Meeting(kind="lac_review", date=date(2024, 3, 1),
                                         child_views="Views {MARKER}"))
    assert s.search("{MARKER}").events
    # a big sort that would spill to temp files if temp_store were FILE
    rows = s._live().execute("SELECT title, detail FROM events"
                             " ORDER BY detail || title DESC").fetchall()
    assert len(rows) == 3000
    # a case package, and the store that receives it (issue 13)
    from pace_desktop.store.package_file import read_package
    s.send_children(["{MARKER}-1"], path.parent / "out.pacepkg", "a long package phrase")
    other = CaseStore.create(path.parent / "other.pacestore", {PASSPHRASE!r}, "Other")
    got = other.receive_package(read_package(path.parent / "out.pacepkg",
                                             "a long package phrase"))
    assert got.added == ("{MARKER}-1",)
    other.close()
    s.auto_backup("test")
    s.rekey("another long passphrase")
    s.close()
    s = CaseStore.open(path, "another long passphrase")
    assert s.check() == []
    s.close()
""")


def test_marker_appears_in_no_file_written(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state")}
    done = subprocess.run([sys.executable, "-c", WORKLOAD], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "caseload.pacestore" for p in written)
    assert any(p.suffix == ".pacebackup" for p in written)
    assert any(p.suffix == ".pacepkg" for p in written)
    marker = MARKER.encode()
    leaks = [p for p in written
             if marker in p.read_bytes() or marker in p.read_bytes().replace(b"\x00", b"")
             or MARKER.encode("utf-16-le") in p.read_bytes()]
    assert leaks == []
    # the passphrases are never stored or logged either
    for secret in (PASSPHRASE, "another long passphrase", "a long package phrase"):
        assert [p for p in written if secret.encode() in p.read_bytes()] == []
