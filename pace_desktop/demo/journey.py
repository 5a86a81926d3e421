"""A demo journey: the referral, being looked after at home, and each period in care
along its route."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.demo.frame import BuilderFrame
from pace_desktop.demo_names import REASONS_FOR_MOVE, REFERRALS, RELATIVES
from pace_desktop.domain.dates import add_months
from pace_desktop.domain.records import Decision


class Journey(BuilderFrame):
    """The journey from referral through each period in care."""

    def journey(self, p: dict[str, int]) -> None:
        start = self.accommodated
        referral = start - timedelta(days=self.tri(3, 300, 40))
        referral = max(referral, self.dob)
        source, text = self.rng.choice(REFERRALS)
        if self.age_at_start < 60:
            source, text = "Midwife", "Midwife referred the family for support around the birth"
        self.referral = referral
        self.event(referral, "referral", "Referral to social work",
                   detail=text.format(name=self.name), source=source,
                   impact="Start of social work involvement.", sign="neutral",
                   action="Initial assessment started.")
        self.phase(referral, "p", "")
        if self.chance(0.4) and (start - referral).days > 30:
            conference = referral + timedelta(days=self.tri(10, 28, 20))
            self.cp_meeting(conference, "Initial child protection planning meeting held")
            if (start - conference).days > 100:
                self.cp_meeting(add_months(conference, 3), "Review planning meeting held")
        if self.stage == "at_home":
            self.at_home_journey(start)
            return
        if self.stage == "changed":
            self.away(start, p["rec1"], "home", p, first=True, ret=p["ret1"])
            again = self.on(p["again"])
            self.away(again, p["rec"], "po", p, first=False)
        else:
            self.away(start, p["rec"], self.route or "po", p, first=True, ret=p.get("ret"))

    def cp_meeting(self, when: date, title: str) -> None:
        self.meeting("cp_planning", when, self.staff["cp_chair"][0], [
            Decision(f"{self.name}'s name placed on the child protection register"
                     if "Initial" in title else "Child protection plan continues"),
            Decision("Core group to meet every four weeks"),
        ], next_review=add_months(when, 3))

    def hearing(self, when: date, text: str, milestone: str | None = None,
                order_hearing: bool = False) -> None:
        """A children's hearing; `order_hearing` ones lapse if the order they review ends."""
        self.meeting("hearing", when, self.rng.choice(self.staff["hearing_chairs"]),
                     [Decision(text, milestone)], order_hearing=order_hearing)

    def at_home_journey(self, start: date) -> None:
        """Looked after at home on a supervision order: no accommodation, reviews as agreed."""
        self.event(start, "reporter_referral", "Referral to the Children's Reporter",
                   source="Social work", impact="A hearing may consider compulsory measures.",
                   sign="neutral", action="Report sent to the Reporter.")
        self.live("at_home", start, None, "Lives at home with Mum")
        self.phase(start, "h", "")
        hearing = start + timedelta(days=self.tri(14, 60, 28))
        self.law("cso_home", hearing, f"CSO/{hearing.year}/{self.rng.randint(100, 999)}")
        self.hearing(hearing, "Compulsory supervision order made; no condition of residence")
        self.event(hearing, "looked_after", "Became looked after at home",
                   detail="The hearing made a supervision order.", source="Children's hearing",
                   impact="Support and oversight while living at home.", sign="neutral",
                   action="Child's plan agreed.")
        # About a third of these families no longer need compulsory measures after a while.
        ended: date | None = hearing + timedelta(days=self.tri(300, 900, 600))
        if ended is None or ended > self.today or not self.chance(0.3):
            ended = None
        when = hearing + timedelta(days=self.tri(30, 90, 42))
        first = True
        while when <= self.today and (ended is None or when < ended):
            gap = self.tri(100, 330, 180)
            decisions = [Decision("Remain at home with support; plan reviewed")]
            if first and self.chance(0.5):
                decisions.append(Decision(f"{self.name} to remain at home with Mum",
                                          "permanence_recommendation", "home"))
            first = False
            self.review(when, decisions, when + timedelta(days=gap))
            when += timedelta(days=gap + self.tri(-20, 40, 0))
        annual = hearing
        for _ in range(7):
            # Continued each year before it runs out: a new episode from each hearing.
            annual = add_months(annual, 12) - timedelta(days=self.tri(1, 20, 7))
            if annual > self.today or (ended is not None and annual >= ended):
                break
            self.law("cso_home", annual, self.legal[-1][3])
            self.hearing(annual, "Supervision order continued")
        if ended is not None:
            self.legal[-1][2] = ended
            self.event(ended, "cso_terminated", "Supervision order ended",
                       detail="The hearing agreed compulsory measures are no longer needed.",
                       source="Children's hearing",
                       impact="Family doing well without compulsory measures.",
                       sign="positive", action="Case to close after a planned handover.")

    def away(self, start: date, rec_off: int, route: str, p: dict[str, int], *,
             first: bool, ret: int | None = None) -> None:
        """One period in care from `start`, along `route`, as far as the plan goes."""
        rng = self.rng
        older = (start - self.dob).days > 11 * 365
        kinship_first = route == "s11" and self.chance(0.7)
        if kinship_first:
            relationship, short = rng.choice(RELATIVES)
            carer = self.carer("kinship", relationship, short)
            kind = "kinship"
        elif older and self.chance(0.4):
            carer, kind = self.carer("residential_la", "children's house", "staff"), \
                "residential_la"
        elif self.chance(0.06):
            carer, kind = self.carer("crisis_care", "crisis care", "staff"), "crisis_care"
        else:
            carer, kind = self.carer("foster", "foster carers", "carers"), "foster"
        reason = rng.choice(REASONS_FOR_MOVE["first" if first else "back"])
        self.live(kind, start, carer, reason)
        self.phase(start, "a", self.carer_words[carer])
        self.event(start, "looked_after", "Became looked after and accommodated" if first
                   else "Came back into care", detail=reason, source="Social work",
                   impact="A safe place to live while plans are made.", sign="neutral",
                   action="Two week planning meeting arranged.")
        self.event(start, "note", f"Moved to live with {self.carer_words[carer]} in "
                   f"{self.carer_town[carer]}", source="Social work",
                   impact=f"{self.name} has a new home and may need time to settle.",
                   sign="neutral", action="Carers given the child's health and school details.",
                   withhold=("relevant_person",))
        self.legal_start(start)
        self.fit_reason(start, reason)
        rec = self.on(rec_off)
        # Kinship options are decided once per child, in the first period in care.
        if first and route not in ("s11", "home") and (p["kin"] < rec_off or self.chance(0.3)):
            self.event(self.on(p["kin"]), "kinship_options_decided",
                       "Kinship options ruled out", detail="Relatives were assessed; none "
                       "able to care for the child full time.", source="Kinship assessment "
                       "team", impact="A plan outwith the family is needed.", sign="negative",
                       action="Family time with relatives to continue.")
        if route == "s11":
            kin = self.on(min(p["kin"], rec_off - 7))
            self.event(kin, "kinship_options_decided", "Kinship care with family ruled in",
                       detail="Kinship assessment approved.", source="Kinship assessment team",
                       impact=f"{self.name} can grow up within the family.", sign="positive",
                       action="Kinship care order to be explored.")
            if not kinship_first:
                relationship, short = rng.choice(RELATIVES)
                carer = self.carer("kinship", relationship, short)
                self.live("kinship", kin, carer, REASONS_FOR_MOVE["early"][2])
                self.phase(kin, "a", self.carer_words[carer])
        elif self.chance(0.3):
            moved = start + timedelta(days=rng.randint(10, max(11, (rec - start).days - 5)))
            carer = self.carer("foster", "foster carers", "carers")
            self.live("foster", moved, carer, rng.choice(REASONS_FOR_MOVE["early"][:2]))
            self.phase(moved, "a", self.carer_words[carer])
        end: date | None = None
        if ret is not None:
            end = self.on(ret)
        elif route in ("s11", "adoption"):
            end = self.on(p["order"])  # no longer looked after once the order is made
        self.reviews(start, end, rec, route)
        if route == "home":
            self.return_home(self.on(ret if ret is not None else p["ret"]),
                             self.on(p["again"]) if "again" in p and first else None)
            return
        if route != "s11":
            self.permanence_steps(route, p)
        self.court(route, p)

