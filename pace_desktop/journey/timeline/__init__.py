"""A child's journey as one drawing model: plain frozen data that two renderers draw alike.

`build_timeline` turns a child, the clock rules and an as-of date into a `Timeline`: lanes
(where the child lives, legal status, meetings and decisions, milestones, chronology entries,
then one row per clock rule), bars for episodes, markers for meetings, milestones and
chronology entries, clock windows, the as-of ("today") line, and date and age ticks. The
screen (pace_desktop.gui.timeline) and the PDF (pace_desktop.chronology.timeline_drawing) read
only this model, so the picture is the same wherever it is shown, and it is tested here,
without Qt.

Judging "as of" a date replays the journey as it stood that day: anything dated after it is
left out, an episode still going on that day ends at it, and the clocks are judged as of it.

Colour is never the only signal: every clock status has its own shape, fill and words (see
`STATUS_STYLES`), and the colours are the Okabe–Ito set, which colour-blind readers can tell
apart; marker outlines are dark so shapes stay visible when printed in grey.

The package holds, each in its own module: the look (`palette`), the model's data
(`model`), its words for dates (`words`; a clock's status is said in `journey.status_words`,
as everywhere else), building it (`build`), the axis ticks (`ticks`), hit testing (`hits`)
and label placement (`label_placement`); every public name is importable from here.

x coordinates are day numbers (`date.toordinal()`), y coordinates are lane rows (0 at the top).
"""

from __future__ import annotations

from pace_desktop.journey.milestones import ACCOMMODATED
from pace_desktop.journey.timeline.build import build_timeline
from pace_desktop.journey.timeline.hits import Hit, HitIndex
from pace_desktop.journey.timeline.label_placement import place_labels
from pace_desktop.journey.timeline.model import (
    BAR_HEIGHT,
    ITEM_Y,
    LANE_KINDS,
    TITLE_Y,
    USED_HEIGHT,
    Bar,
    ClockWindow,
    Lane,
    Marker,
    Ref,
    Tick,
    Timeline,
    lane_y,
)
from pace_desktop.journey.timeline.palette import (
    OKABE_ITO,
    PALETTE,
    SHAPES,
    STATUS_STYLES,
    StatusStyle,
)
from pace_desktop.journey.timeline.ticks import age_ticks, birthday, date_ticks
from pace_desktop.journey.timeline.words import day_text

__all__ = [
    "ACCOMMODATED",
    "BAR_HEIGHT",
    "ITEM_Y",
    "LANE_KINDS",
    "OKABE_ITO",
    "PALETTE",
    "SHAPES",
    "STATUS_STYLES",
    "TITLE_Y",
    "USED_HEIGHT",
    "Bar",
    "ClockWindow",
    "Hit",
    "HitIndex",
    "Lane",
    "Marker",
    "Ref",
    "StatusStyle",
    "Tick",
    "Timeline",
    "age_ticks",
    "birthday",
    "build_timeline",
    "date_ticks",
    "day_text",
    "lane_y",
    "place_labels",
]
