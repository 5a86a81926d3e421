"""Reviews on the CLOCKS.md cadence (some late, some slipped), the recommendation for
permanence, a return home, and the permanence steps (panel, agency decision, advice)."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.demo.frame import BuilderFrame
from pace_desktop.demo.tables import ROUTE_WORDS
from pace_desktop.demo_names import REASONS_FOR_MOVE
from pace_desktop.domain.dates import add_months
from pace_desktop.domain.records import Decision


class Reviews(BuilderFrame):
    """Reviews and the steps to permanence."""

    def reviews(self, start: date, end: date | None, rec: date, route: str) -> None:
        """Planning meeting and LAC reviews on the regulation cadence, some late, some slipped.

        The review that recommends permanence is brought forward to the day it happens
        (`rec`), and the cadence restarts from it, as it would in practice.
        """
        rng, today = self.rng, self.today
        when = start
        if self.chance(0.65):
            twp = start + timedelta(days=self.tri(9, 24, 14))
            if twp <= today and (end is None or twp < end):
                self.review(twp, [Decision("Plan for the first weeks agreed"),
                                  Decision("Family time: three times a week, supervised")],
                            start + timedelta(weeks=6), kind="two_week_planning")
                when = twp
        target = start + timedelta(weeks=6)
        count = 0
        while True:
            late = self.chance(0.22)
            held = target + timedelta(days=rng.randint(1, 50) if late else -rng.randint(0, 21))
            held = max(held, when + timedelta(days=7))
            rec_pending = rec > when
            if rec_pending and rec <= held:
                held = rec
            if held > today or (end is not None and held >= end):
                break
            if not (rec_pending and rec <= today) and (today - held).days < 75 \
                    and self.chance(0.3):
                break  # this review has slipped: its clock shows overdue or due soon
            count += 1
            target = add_months(held, 3 if count == 1 else 6)
            decisions = [Decision("Child's plan reviewed and updated")]
            if held == rec:
                decisions = self.recommendation(held, route) + decisions
            self.review(held, decisions, target)
            when = held

    def recommendation(self, when: date, route: str) -> list[Decision]:
        text = f"Recommend {ROUTE_WORDS[route]} for {self.name}"
        if route != "home":
            text = f"Return home ruled out. {text}"
        if self.chance(0.8):
            return [Decision(text, "permanence_recommendation", route)]
        self.event(when, "permanence_recommendation", f"Review recommends {ROUTE_WORDS[route]}",
                   route=route, source="Looked after child review",
                   impact="A clear plan for where the child will grow up.", sign="positive",
                   action="Plan shared with the family.")
        return [Decision(text)]

    def review(self, when: date, decisions: list[Decision], next_review: date | None,
               kind: str = "lac_review") -> None:
        self.meeting(kind, when, self.reviewer, decisions, next_review)
        self.held_reviews.append(when)

    def return_home(self, when: date, until: date | None) -> None:
        """Home again; reviews as agreed with the family until `until` (back into care)."""
        mum_words = self.rng.choice(REASONS_FOR_MOVE["home"])
        self.live("at_home", when, None, mum_words)
        self.phase(when, "h", "")
        self.event(when, "returned_home", mum_words, source="Social work",
                   impact=f"{self.name} is back with family, with support.", sign="positive",
                   action="Support plan in place; reviews continue.")
        # Compulsory measures planned for later are overtaken by the return home.
        self.legal = [row for row in self.legal if row[1] < when]
        self.meetings = [m for m in self.meetings
                         if not (m["order_hearing"] and m["date"] >= when)]
        self.events = [row for row in self.events
                       if not (row[3] == "reporter_referral" and row[0] >= when)]
        last = self.legal[-1]
        if last[0] == "s25":
            last[2] = when
            return  # home from voluntary care: no longer looked after, so no more reviews
        self.law("cso_home", when, last[3])
        self.hearing(when, "Supervision order varied: condition of residence removed")
        self.yearly_hearings(when)
        review = when + timedelta(days=self.tri(80, 200, 120))
        while review <= self.today and (until is None or review < until):
            gap = self.tri(120, 365, 180)
            self.review(review, [Decision("Remain at home with support")],
                        review + timedelta(days=gap))
            review += timedelta(days=gap + self.tri(-14, 40, 0))

    def permanence_steps(self, route: str, p: dict[str, int]) -> None:
        rng = self.rng
        panel, adm, advice = self.on(p["panel"]), self.on(p["adm"]), self.on(p["advice"])
        planning = self.on(p["rec"]) + timedelta(days=self.tri(10, 50, 21))
        if planning < panel:
            self.meeting("permanence_planning", planning, self.reviewer, [
                Decision("Permanence report to be completed for the permanence panel"),
                Decision("Sibling assessment to inform the plan"),
            ])
        words = ROUTE_WORDS[route]
        chair = self.staff["panel_chair"][0]
        if self.chance(0.75):
            self.meeting("panel", panel, chair, [Decision(
                f"The permanence panel recommends {words}", "panel_recommendation")])
        else:
            self.event(panel, "panel_recommendation",
                       f"The permanence panel recommends {words}",
                       source="Permanence panel", impact="Moves the plan forward.",
                       sign="positive", action="Minute sent to the agency decision maker.")
        adm_name = self.staff["adm"][0]
        if self.chance(0.7):
            self.meeting("adm", adm, adm_name, [Decision(
                f"Agency decision maker agrees the plan for {words}", "adm_decision")])
        else:
            self.event(adm, "adm_decision", "Agency decision maker agrees the permanence panel's "
                       "recommendation", source=f"{adm_name}, agency decision maker",
                       impact="The plan is approved.", sign="positive",
                       action="Family told in writing.")
        self.event(adm, "note", "Family told of the agency decision", source="Social work",
                   impact="Family know the plan.", sign="neutral",
                   action="Mum offered support from an independent service.",
                   significant=self.chance(0.5))
        if self.chance(0.65):
            self.hearing(advice, "Advice to the sheriff: the hearing supports the application",
                         "advice_hearing")
        else:
            self.event(advice, "advice_hearing", "Advice hearing held",
                       detail="The hearing's advice was sent to the sheriff court.",
                       source="Children's hearing", impact="The court will hear the "
                       "hearing's view.", sign="neutral", action="Advice sent to court.")
        for key, kind, reason in (("long_term", "foster", "long_term"),
                                  ("adopters", "prospective_adopters", "adopters")):
            if key in p:
                moved = self.on(p[key])
                carer = self.carer(kind, "prospective adopters" if kind != "foster"
                                   else "long-term foster carers", "carers")
                self.meeting("panel", moved - timedelta(days=self.tri(14, 40, 21)),
                             self.staff["panel_chair"][0],
                             [Decision("The permanence panel recommends the match with "
                                       "the carers")])
                self.live(kind, moved, carer, rng.choice(REASONS_FOR_MOVE[reason]))
                self.phase(moved, "a", self.carer_words[carer])

