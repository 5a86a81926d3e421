"""The journey timeline picture, drawn by timeline_drawing.py from the journey engine's model.

Both modules are a colleague's; until they exist a print says the picture is not available
rather than failing, so chronologies and summaries can still be made.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from datetime import date

from reportlab.platypus import Flowable

from pace_desktop.chronology.fonts import REGULAR, register_fonts
from pace_desktop.chronology.page_frame import FRAME_WIDTH
from pace_desktop.domain.records import Child
from pace_desktop.journey import Rule

MAX_PICTURE_HEIGHT = 330.0  # about half the page: the entries must still start on page 1


def timeline_available() -> bool:
    return (importlib.util.find_spec("pace_desktop.journey.timeline") is not None
            and importlib.util.find_spec("pace_desktop.chronology.timeline_drawing")
            is not None)


def timeline_picture(child: Child, rules: Iterable[Rule], as_of: date,
                     due_soon_days: int = 28) -> Flowable | None:
    """The picture for the (already redacted) child, or None if it cannot be drawn yet."""
    if not timeline_available():
        return None
    from pace_desktop.chronology.timeline_drawing import preferred_height, timeline_drawing
    from pace_desktop.journey.timeline import build_timeline

    register_fonts()  # the drawing picks PaceSans only if it is already registered
    model = build_timeline(child, tuple(rules), as_of, due_soon_days=due_soon_days)
    height = min(preferred_height(model), MAX_PICTURE_HEIGHT)
    drawing = timeline_drawing(model, FRAME_WIDTH, height)
    # reportlab starts a drawing in Helvetica, which would be a font the PDF cannot embed.
    drawing.initialFontName = REGULAR
    return drawing
