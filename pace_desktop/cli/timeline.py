"""`pace-desktop timeline`: a child's journey timeline drawn to a PNG or SVG file, no window.

The drawing is the screen's own (pace_desktop.gui.timeline), rendered offscreen: Qt is
imported only inside the command, so the rest of the command line stays light.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pace_desktop import journey
from pace_desktop.cli.common import CommandError, iso_date, open_store, say
from pace_desktop.settings import load_settings

FORMATS = (".png", ".svg")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        raise CommandError(f"The timeline can be saved as a .png picture or an .svg drawing,"
                           f" not as {out.suffix or 'a file without an ending'}: {out.name}")
    if args.width < 200 or args.width > 10_000:
        raise CommandError(f"The width must be between 200 and 10000 pixels, not {args.width}.")
    if not out.parent.exists():
        raise CommandError(f"There is no folder {out.parent} to save the timeline in.")
    settings = load_settings()
    rules = journey.load_rules(args.rules or settings.rules_path(),
                               record_visits=settings.record_visits)
    as_of = args.as_of or date.today()
    with open_store(args) as store:
        child = store.child(args.child)

    # Without a display (a server, a script, CI) Qt must draw offscreen; it reads this
    # before the QApplication exists, and a person's own choice is kept.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pace_desktop.gui.timeline.timeline_view import render_timeline_image

    # Drawn to a hidden 0600 file beside `out` and renamed only when whole (the view's own
    # export does it, for the app's Save picture too: safe_files.check_picture).
    with _library_chatter_hidden():
        render_timeline_image(child, rules, as_of, out, args.width, settings.due_soon_days)
    say(f"Saved the timeline of {child.ref} as of {as_of} to {out}.")
    return 0


@contextlib.contextmanager
def _library_chatter_hidden() -> Iterator[None]:
    """Qt's offscreen plugin and libpng write their own lines straight to the terminal
    ("libpng error: Write Error"); a failure is reported once, plainly, by this command."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--child", required=True, metavar="REF")
    p.add_argument("--as-of", type=iso_date, metavar="DATE",
                   help="the journey as it stood on DATE (today)")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.png or FILE.svg")
    p.add_argument("--width", type=int, default=1400, metavar="PX",
                   help="the picture's width in pixels (1400)")
    p.add_argument("--rules", metavar="FILE",
                   help="an authority's own clock rules (default: rules.toml in settings)")
