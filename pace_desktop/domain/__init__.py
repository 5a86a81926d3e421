"""Plain values and vocabularies of the case record; no I/O, no Qt, no SQL."""

from pace_desktop.domain.records import (
    Action,
    Amendment,
    Attendee,
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    Person,
)

__all__ = [
    "Action",
    "Amendment",
    "Attendee",
    "Child",
    "Decision",
    "Event",
    "LegalEpisode",
    "LivingEpisode",
    "Meeting",
    "Person",
]
