"""The legal side of a demo journey: the orders that start a period in care, the
yearly supervision order hearings, and the court's order at the end of a route."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from pace_desktop.demo.frame import BuilderFrame
from pace_desktop.demo.tables import ORDER_STATUS, ORDER_WORDS
from pace_desktop.demo_names import REASONS_FOR_MOVE
from pace_desktop.domain.dates import add_months

# The first reasons for coming into care that name how: the one that fits each status.
_FIRST_REASONS: Final = {
    "s25": REASONS_FOR_MOVE["first"][1], "cpo": REASONS_FOR_MOVE["first"][2],
    "icso": REASONS_FOR_MOVE["first"][3],
}


class Legal(BuilderFrame):
    """Orders, hearings and the court."""

    def fit_reason(self, start: date, reason: str) -> None:
        """The reason for coming into care says the order the legal status shows from that
        day (the checks before printing find an entry naming an order the record does not
        show). Chosen before the legal status is, and put right after without another draw
        from the generator, so every other part of the caseload stays as it was."""
        status = next((row[0] for row in self.legal if row[1] == start), None)
        fits = _FIRST_REASONS.get(status or "")
        if fits is None or reason == fits or not any(
                reason == words for words in _FIRST_REASONS.values()):
            return
        for row in self.living:
            if row[1] == start and row[6] == reason:
                row[6] = fits
        self.events = [(*row[:6], fits, *row[7:]) if row[0] == start and row[3] ==
                       "looked_after" and row[6] == reason else row for row in self.events]

    def legal_start(self, start: date) -> None:
        rng = self.rng
        ref = f"{rng.randint(100, 999)}/{start.year}"
        if self.legal and self.legal[-1][0] == "cso_home":
            # Back into care while a supervision order is in force: the hearing varies it.
            self.law("cso_away", start, self.legal[-1][3])
            self.hearing(start, "Supervision order varied: condition of residence with carers")
            self.yearly_hearings(start)
            return
        mode = rng.choices(("cpo", "s25", "icso"), (2, 4, 4))[0]
        if mode == "s25":
            self.law("s25", start)
            if self.route == "s11" and self.chance(0.5):
                return  # family agree to kinship care; no compulsory measures needed
            reporter = start + timedelta(days=self.tri(14, 120, 40))
            chain = reporter + timedelta(days=self.tri(10, 40, 21))
        elif mode == "cpo":
            self.law("cpo", start, f"CPO/{ref}")
            self.event(start, "cpo_granted", "Child protection order granted",
                       source="Sheriff court", impact=f"{self.name} kept safe while the "
                       "hearing considers the concerns.", sign="neutral",
                       action="Hearing on the second working day.")
            reporter = start
            chain = start + timedelta(days=rng.randint(2, 5))
        else:
            reporter = start - timedelta(days=rng.randint(0, 10))
            chain = start
        self.event(max(reporter, self.referral), "reporter_referral",
                   "Referral to the Children's Reporter", source="Social work",
                   impact="A hearing may consider compulsory measures.", sign="neutral",
                   action="Report sent to the Reporter.")
        for i in range(rng.choice((1, 1, 2, 2, 3, 4))):
            self.law("icso", chain, f"ICSO/{ref}")
            self.hearing(chain, "Interim compulsory supervision order made" if i == 0 else
                         "Interim compulsory supervision order renewed", order_hearing=True)
            # Mostly renewed on its 22nd day (counting the day it was made as the first); now
            # and then the record shows a renewal after it had ceased (lapsed).
            chain += timedelta(days=rng.randint(22, 27) if self.chance(0.03) else 21)
        self.law("cso_away", chain, f"CSO/{ref}")
        self.hearing(chain, "Compulsory supervision order made with a condition of residence",
                     order_hearing=True)
        self.yearly_hearings(chain)

    def yearly_hearings(self, made: date) -> None:
        """A supervision order lasts a year unless reviewed, so it comes back every year; each
        hearing that continues it starts a new episode (CLOCKS.md), so its expiry clock starts
        again. Now and then the record shows the hearing a few days late: the order lapsed."""
        status, reference = self.legal[-1][0], self.legal[-1][3]
        when = made
        for _ in range(5):
            when = add_months(when, 12) - timedelta(days=self.rng.randint(1, 21))
            if self.chance(0.03):
                when += timedelta(days=self.rng.randint(22, 27))  # past the anniversary
            self.law(status, when, reference)
            self.hearing(when, "Supervision order reviewed and continued", order_hearing=True)

    def court(self, route: str, p: dict[str, int]) -> None:
        lodged, order = self.on(p["lodged"]), self.on(p["order"])
        words = ORDER_WORDS[route]
        self.event(lodged, "petition_lodged", f"Petition for {words.lower()} lodged",
                   route=route, source="Sheriff court" if route != "s11" else
                   "Kinship carers' solicitor", impact="The court will decide.",
                   sign="neutral", action="Court dates to be shared with the family.")
        self.event(order, "order_granted", f"{words} granted", route=route,
                   source="Sheriff court", impact=f"{self.name} has a settled legal home.",
                   sign="positive", action="Carers and family told; support plan agreed.")
        if self.legal and self.legal[-1][0] != "s25":
            self.event(order, "cso_terminated", "Supervision order ended",
                       detail="Ended when the order was granted.", source="Sheriff court",
                       impact="No further hearings.", sign="neutral", action="None needed.")
        self.law(ORDER_STATUS[route], order, f"F{self.rng.randint(10, 99)}/{order.year % 100}")
        if route in ("s11", "adoption"):
            # No longer looked after: the record stops following where the child lives.
            self.end_living(order)
            self.phase(order, "f", "")
        # Under a permanence order the child is still looked after and the six-monthly
        # reviews already planned by `reviews` carry on.

