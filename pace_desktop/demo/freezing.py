"""Freezing a demo child's episodes and meetings: what has not happened by today is
dropped, what is under way stays open."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.demo.frame import BuilderFrame
from pace_desktop.demo.tables import age_band
from pace_desktop.demo_names import ACTIONS, AMENDMENTS, CHILD_VIEWS, FAMILY_VIEWS
from pace_desktop.domain.records import (
    Action,
    Amendment,
    Attendee,
    LegalEpisode,
    LivingEpisode,
    Meeting,
)


class Freezing(BuilderFrame):
    """Episodes and meetings as frozen records."""

    def clip_episodes(self) -> tuple[tuple[LivingEpisode, ...], tuple[LegalEpisode, ...]]:
        """Drop what has not happened yet by `today`; what is under way stays open."""
        today = self.today
        living = [row for row in self.living if row[1] <= today]
        if living and (len(living) < len(self.living) or
                       (living[-1][2] is not None and living[-1][2] > today)):
            living[-1][2] = None
        legal = [row for row in self.legal if row[1] <= today]
        if legal and (len(legal) < len(self.legal) or
                      (legal[-1][2] is not None and legal[-1][2] > today)):
            legal[-1][2] = None
        return (
            tuple(LivingEpisode(t, s, e, c, a, conf, r, f"l{i}")
                  for i, (t, s, e, c, a, conf, r) in enumerate(living, 1)),
            tuple(LegalEpisode(st, s, e, ref, f"g{i}")
                  for i, (st, s, e, ref) in enumerate(legal, 1)),
        )

    def final_meetings(self) -> tuple[Meeting, ...]:
        rng, today = self.rng, self.today
        specs = sorted((m for m in self.meetings if m["date"] <= today),
                       key=lambda m: m["date"])
        out = []
        for i, m in enumerate(specs, 1):
            when, kind = m["date"], m["kind"]
            last = i == len(specs)
            draft = last and (today - when).days < 45 and self.chance(0.5)
            amendments: tuple[Amendment, ...] = ()
            if not draft and kind == "lac_review" and self.chance(0.05):
                at = min(today, when + timedelta(days=rng.randint(3, 30)))
                amendments = (Amendment(at, self.reviewer, rng.choice(AMENDMENTS)),)
            views, how = (None, None) if kind in ("adm", "panel") else self.views(when)
            out.append(Meeting(
                kind=kind, date=when, chair=m["chair"],
                attendees=self.attendees(kind, when),
                child_views=views,
                child_views_how=how,
                family_views=rng.choice(FAMILY_VIEWS).format(name=self.name)
                if kind not in ("adm",) else None,
                decisions=tuple(m["decisions"]),
                actions=self.actions(when) if kind != "adm" else (),
                next_review=m["next_review"],
                status="draft" if draft else "final",
                amendments=amendments,
                id=f"m{i}",
            ))
        return tuple(out)

    def views(self, when: date) -> tuple[str, str]:
        # Seeded by date so both fields of one meeting come from the same entry.
        options = CHILD_VIEWS[age_band((when - self.dob).days)]
        text, how = options[when.toordinal() % len(options)]
        return text.format(name=self.name), how.format(name=self.name)

    def attendees(self, kind: str, when: date) -> tuple[Attendee, ...]:
        rng = self.rng
        people = [Attendee(self.worker, "Social worker")]
        if kind != "adm":
            people.append(Attendee(self.mum, "Mum", rng.random() < 0.8))
            people.append(Attendee(self.dad, "Dad", rng.random() < 0.5))
        for title, (_, name) in self.professionals.items():
            if rng.random() < 0.4:
                people.append(Attendee(name, title, rng.random() < 0.75))
        if kind == "hearing":
            people.append(Attendee(rng.choice(self.staff["reporter"]), "Children's Reporter"))
        if kind in ("panel", "adm"):
            people.append(Attendee(rng.choice(self.staff["family_placement"]),
                                   "Family placement worker"))
        if (when - self.dob).days > 10 * 365 and kind in ("lac_review", "hearing"):
            people.append(Attendee(self.name, "Child", rng.random() < 0.7))
        return tuple(people)

    def actions(self, when: date) -> tuple[Action, ...]:
        rng, today = self.rng, self.today
        out = []
        for text in rng.sample(ACTIONS, rng.randint(1, 3)):
            due = when + timedelta(days=rng.randint(14, 90))
            done = None
            if rng.random() < 0.75:
                finished = when + timedelta(days=rng.randint(3, (due - when).days + 14))
                done = finished if finished <= today else None
            owner = self.worker if rng.random() < 0.7 else self.reviewer
            out.append(Action(text, owner, due, done))
        return tuple(out)

