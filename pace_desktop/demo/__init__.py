"""A deterministic, seeded generator of a fictional caseload.

Used by `pace-desktop demo`, the GUI's first run, tests and benchmarks. Every name, address
and story is invented (pools in demo_names.py). The journeys follow DOMAIN.md: children come
into care, are reviewed on the CLOCKS.md cadence (with a realistic share of late and missed
reviews, so every clock status appears), and travel one of the four routes to permanence or
are still early in their journey.

Each child is built from its own `random.Random` seeded from (seed, index), so any child can
be regenerated alone (`generate_child`) and a caseload is the same on every run. Journeys are
planned first as day offsets from the date the child was accommodated, then placed in time so
that the chosen stage of the journey is where the child stands on `today`; anything that would
fall after `today` is dropped, which is what leaves clocks open, due soon or overdue.

The builder is in parts, one module each: tables.py (fixed tables), frame.py (state and small
steps), family.py, planning.py, journey.py, legal.py, reviews.py, freezing.py and
chronology.py, brought together in builder.py.
"""

from pace_desktop.demo.builder import generate_caseload, generate_child
from pace_desktop.demo.tables import ARCHETYPES, DEFAULT_TODAY

__all__ = ["DEFAULT_TODAY", "ARCHETYPES", "generate_caseload", "generate_child"]
