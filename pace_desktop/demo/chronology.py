"""A demo child's chronology: the journey's entries, trimmed or padded with everyday
notes that fit their time and the child's age (the load tests ask for exact counts)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Any

from pace_desktop.demo.frame import BuilderFrame
from pace_desktop.demo.tables import AGE_BAND_DAYS, EVERYDAY, NOTE_POOLS, ONE_OFF_NOTES
from pace_desktop.demo_names import NOTES
from pace_desktop.domain.records import Event


class Chronology(BuilderFrame):
    """The chronology's entries, padded to the count asked for."""

    def final_events(self) -> tuple[Event, ...]:
        today = self.today
        rows = [row for row in self.events if row[0] <= today]
        wanted = self.n_events
        if wanted is None:
            wanted = len(rows) + self.rng.randint(8, 30)
        if len(rows) > wanted:
            rows = self.trim(rows, wanted)
        rows.extend(self.padding(wanted - len(rows)))
        rows.sort(key=lambda row: (row[0], row[1]))
        out = []
        previous = None
        seq = 0
        count = len(rows)
        for i, row in enumerate(rows):
            when = row[0]
            if when == previous:
                seq += 1
            else:
                # Only entries that share their day need an order within it.
                seq = 1 if i + 1 < count and rows[i + 1][0] == when else 0
            previous = when
            out.append(Event(when, row[2], row[3], row[4], seq or None, *row[5:],
                             id=f"e{i + 1}"))
        return tuple(out)

    def trim(self, rows: list[tuple[Any, ...]], wanted: int) -> list[tuple[Any, ...]]:
        """Keep milestones first when a load test asks for fewer events than the journey has."""
        ranked = sorted(range(len(rows)), key=lambda i: (rows[i][3] == "note", i))
        keep = sorted(ranked[:wanted])
        return [rows[i] for i in keep]

    def padding(self, count: int) -> list[tuple[Any, ...]]:
        """`count` everyday notes spread over the journey, each fitting its time and age."""
        if count <= 0:
            return []
        rng = self.rng
        phases = sorted(self.phases, key=lambda ph: ph[0])
        start = phases[0][0].toordinal()
        closed = [ph[0] for ph in phases if ph[1] == "f"]
        end = self.today.toordinal()
        if closed:
            end = min(end, closed[0].toordinal() + 240)  # the file closes after an order
        end = max(end, start)
        bounds = [ph[0].toordinal() for ph in phases]
        dob = self.dob.toordinal()
        age3, age5, age12 = (dob + days for days in AGE_BAND_DAYS)
        pools = [
            [NOTE_POOLS[(ph[1], band)] or NOTE_POOLS[("a", band)] for band in range(4)]
            for ph in phases
        ]
        cache: dict[tuple[int, int], tuple[Any, ...]] = {}
        used: set[int] = set()
        sources = self.sources()
        out = []
        # This loop runs a million times in the load test: plain random() and bisect only.
        random_, span = rng.random, end - start + 1
        for _ in range(count):
            day = start + int(random_() * span)
            at = bisect_right(bounds, day) - 1
            band = 0 if day < age3 else 1 if day < age5 else 2 if day < age12 else 3
            pool = pools[at][band]
            which = pool[int(random_() * len(pool))]
            if which in ONE_OFF_NOTES:
                if which in used:
                    which = EVERYDAY[phases[at][1]]
                used.add(which)
            key = (at, which)
            fixed = cache.get(key)
            if fixed is None:
                fixed = cache[key] = self.note_fields(NOTES[which], phases[at][2], sources)
            out.append((date.fromordinal(day), 20) + fixed)
        return out

    def sources(self) -> dict[str, tuple[str, str | None]]:
        health = self.professionals.get("Health visitor") or self.professionals.get(
            "School nurse")
        return {
            "worker": (f"{self.worker}, social work", self.worker_id),
            "carer": ("Carers", None),
            "school": (self.school.split(",")[0], None),
            "health": (health[1] if health else "NHS health team", health[0] if health
                       else None),
            "police": ("Police Scotland", None),
            "advocate": ("Advocacy service", None),
            "family_placement": ("Family placement team", None),
        }

    def note_fields(self, note: tuple[Any, ...], carers: str,
                    sources: dict[str, tuple[str, str | None]]) -> tuple[Any, ...]:
        (_, _, title, detail, source_kind, impact, sign, action, significant,
         withheld) = note
        context = {"name": self.name, "school": self.school.split(",")[0],
                   "town": self.home_town, "carers": carers or "carers"}
        source, person = sources[source_kind]
        return (
            title.format_map(context), "note", "day", None, detail.format_map(context),
            source, person, impact.format_map(context), sign, action.format_map(context),
            significant, ("relevant_person",) if withheld else (),
        )
