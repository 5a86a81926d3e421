"""Dates in words, the same on every machine: never through the locale (`%b`, `%B`), since a
date written into a final chronology entry must not depend on the laptop that wrote it."""

from __future__ import annotations

from datetime import date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date) -> str:
    """'2 June 2021'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    """'2 Jun 2021' ('' for no date): the order people write dates here, no 02/06 confusion."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}" if day else ""
