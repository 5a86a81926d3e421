"""How the journey timeline looks: the Okabe–Ito colours, the marker shapes, and the look of
each clock status.

Colour is never the only signal: every clock status has its own shape, fill and words (see
`STATUS_STYLES`), and the colours are the Okabe–Ito set, which colour-blind readers can tell
apart; marker outlines are dark so shapes stay visible when printed in grey.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import cos, pi, sin

from pace_desktop.journey.clocks import STATUS_LABELS

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

PALETTE: dict[str, str] = {
    # Where the child lives: home in green, family-based care in blues, group care in
    # orange, the most restrictive settings in vermillion. Bars also carry their words.
    "living.at_home": OKABE_ITO["bluish_green"],
    "living.kinship": OKABE_ITO["sky_blue"],
    "living.foster": OKABE_ITO["blue"],
    "living.prospective_adopters": OKABE_ITO["reddish_purple"],
    "living.other_community": "#7FB8D8",
    "living.residential_la": OKABE_ITO["orange"],
    "living.residential_voluntary": OKABE_ITO["orange"],
    "living.residential_school": OKABE_ITO["orange"],
    "living.secure": OKABE_ITO["vermillion"],
    "living.crisis_care": OKABE_ITO["vermillion"],
    "living.other_residential": OKABE_ITO["orange"],
    "legal": "#8C8C8C",
    "legal.s25": "#B3B3B3",
    "legal.icso": OKABE_ITO["orange"],
    "legal.cpo": OKABE_ITO["vermillion"],
    "legal.cso_home": OKABE_ITO["bluish_green"],
    "legal.cso_away": OKABE_ITO["blue"],
    "legal.po": OKABE_ITO["reddish_purple"],
    "legal.poa": OKABE_ITO["reddish_purple"],
    "legal.s11": OKABE_ITO["sky_blue"],
    "legal.adoption_order": OKABE_ITO["reddish_purple"],
    "legal.none": "#D9D9D9",
    "meeting": "#404040",
    "meeting.draft": "#FFFFFF",
    "milestone": OKABE_ITO["reddish_purple"],
    "milestone.living": OKABE_ITO["sky_blue"],
    "chronology": "#6E6E6E",
    "overdue": OKABE_ITO["vermillion"],
    "today": "#000000",
    "lane.band": "#F2F2F2",
    "text": "#1A1A1A",
    "text.muted": "#555555",
    "outline": "#1A1A1A",
}

# Shapes as polygons in a unit box centred on 0 (y up), so Qt and reportlab draw the same.
_CIRCLE = tuple((0.5 * cos(2 * pi * i / 24), 0.5 * sin(2 * pi * i / 24)) for i in range(24))
SHAPES: dict[str, tuple[tuple[float, float], ...]] = {
    "circle": _CIRCLE,
    "square": ((-0.4, -0.4), (0.4, -0.4), (0.4, 0.4), (-0.4, 0.4)),
    "triangle": ((0.0, 0.5), (0.5, -0.4), (-0.5, -0.4)),
    "diamond": ((0.0, 0.55), (0.45, 0.0), (0.0, -0.55), (-0.45, 0.0)),
    "cross": (
        (-0.5, -0.35), (-0.35, -0.5), (0.0, -0.15), (0.35, -0.5), (0.5, -0.35), (0.15, 0.0),
        (0.5, 0.35), (0.35, 0.5), (0.0, 0.15), (-0.35, 0.5), (-0.5, 0.35), (-0.15, 0.0),
    ),
    "dash": ((-0.5, -0.14), (0.5, -0.14), (0.5, 0.14), (-0.5, 0.14)),
    "tick": ((-0.07, -0.5), (0.07, -0.5), (0.07, 0.5), (-0.07, 0.5)),
    # A bowtie (an hourglass on its side: time ran out): an order that ceased by law, lapsed.
    "bowtie": ((-0.5, -0.45), (0.5, 0.45), (0.5, -0.45), (-0.5, 0.45)),
}


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """How a clock status looks: colour, and always a shape, a fill and words too."""

    colour: str
    shape: str
    filled: bool
    text: str
    hatch: bool  # overdue time drawn hatched, so it shows without colour


STATUS_STYLES: dict[str, StatusStyle] = {
    "met": StatusStyle(OKABE_ITO["bluish_green"], "circle", True, STATUS_LABELS["met"], False),
    "met_late": StatusStyle(OKABE_ITO["orange"], "square", True, STATUS_LABELS["met_late"],
                            True),
    "overdue": StatusStyle(OKABE_ITO["vermillion"], "triangle", True, STATUS_LABELS["overdue"],
                           True),
    "due_soon": StatusStyle(OKABE_ITO["reddish_purple"], "diamond", True,
                            STATUS_LABELS["due_soon"], False),
    "open": StatusStyle(OKABE_ITO["blue"], "circle", False, STATUS_LABELS["open"], False),
    "closed": StatusStyle("#7F7F7F", "dash", True, STATUS_LABELS["closed"], False),
    "missed": StatusStyle(OKABE_ITO["black"], "cross", True, STATUS_LABELS["missed"], True),
    "lapsed": StatusStyle(OKABE_ITO["vermillion"], "bowtie", True, STATUS_LABELS["lapsed"], True),
}
