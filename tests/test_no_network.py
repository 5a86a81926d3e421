"""No network access, ever: the whole self-test (store, import, clocks, timeline picture,
chronology PDF and its preview) runs under an audit hook that fails on any socket use."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WATCHED = textwrap.dedent("""
    import sys

    seen = []

    def hook(event, args):
        if event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
            seen.append(event)

    sys.addaudithook(hook)
    from pace_desktop import selftest
    code = selftest.run(lambda line: None)
    print("network events:", sorted(set(seen)))
    sys.exit(code if not seen else 3)
""")


def test_the_product_never_touches_the_network(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", WATCHED], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "network events: []" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, done.stderr
