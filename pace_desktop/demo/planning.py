"""Planning a demo journey: day offsets from the first accommodation, then placed in
time so that the chosen stage is where the child stands today."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.demo.frame import BuilderFrame


class Planning(BuilderFrame):
    """The plan of a journey and where today falls in it."""

    def plan(self) -> dict[str, int]:
        """Day offsets from the first accommodation, and where `today` falls among them."""
        rng = self.rng
        route, stage = self.route, self.stage
        if stage == "early":
            route = self.route = rng.choice(("home", "po", "poa", "s11", "adoption"))
        p: dict[str, int] = {"kin": self.tri(30, 200, 100)}
        if stage == "at_home":
            p["start"] = 0
            since = self.tri(60, 1500, 500)
            self.place(since, age_low=400, age_high=14 * 365)
            return p
        base = 0
        if stage == "changed":
            p["rec1"] = self.tri(35, 200, 100)
            p["ret1"] = p["rec1"] + self.tri(5, 50, 20)
            base = p["ret1"] + self.tri(120, 500, 250)
            p["again"] = base
        if route == "home":
            p["rec"] = base + self.tri(35, 230, 110)
            p["ret"] = p["rec"] + self.tri(5, 60, 21)
        elif route == "s11":
            p["rec"] = base + self.tri(80, 320, 170)
            p["lodged"] = p["rec"] + self.tri(30, 220, 90)
            p["order"] = p["lodged"] + self.tri(40, 220, 100)
        else:
            p["rec"] = base + self.tri(80, 360, 175)
            # Most panels meet the 12-week local aim and most decisions the 14-day rule;
            # the late minority is what the clocks are there to show.
            p["panel"] = p["rec"] + (rng.randint(35, 84) if self.chance(0.6)
                                     else rng.randint(85, 170))
            p["adm"] = p["panel"] + (rng.randint(3, 14) if self.chance(0.8)
                                     else rng.randint(15, 35))
            p["advice"] = p["adm"] + self.tri(21, 100, 45)
            if route == "adoption":
                p["adopters"] = p["adm"] + self.tri(50, 250, 120)
                p["lodged"] = max(p["advice"] + 7, p["adopters"] + self.tri(91, 220, 120))
            else:
                p["lodged"] = p["advice"] + self.tri(10, 120, 40)
                if route == "poa":
                    p["adopters"] = p["adm"] + self.tri(50, 300, 150)
                elif self.chance(0.4):
                    p["long_term"] = p["adm"] + self.tri(30, 200, 90)
            p["order"] = p["lodged"] + self.tri(60, 420, 200)
        after_rec = p.get("panel", p.get("ret", p.get("lodged", p["rec"] + 60)))
        windows = {
            "early": (base + 4, min(p["rec"] - 1, base + 260)),
            "recommended": (p["rec"] + 1, after_rec - 1),
            "decided": (p.get("adm", 0) + 1, p.get("lodged", 0) - 1),
            "lodged": (p.get("lodged", 0) + 1, p.get("order", 0) - 1),
            "complete": (p.get("order", p.get("ret", 0)) + 1,
                         p.get("order", p.get("ret", 0)) + 1300),
        }
        if stage == "changed":
            stage = rng.choice(("recommended", "decided", "lodged"))
        low, high = windows[stage]
        since = rng.randint(low, max(low, high))
        young = route in ("adoption", "poa")
        self.place(since, age_low=2, age_high=(2 if young else 13) * 365)
        return p

    def place(self, since: int, age_low: int, age_high: int) -> None:
        """Put day 0 of the plan `since` days before today and choose the child's age then."""
        self.accommodated = self.today - timedelta(days=since)
        # Keep every child under 17 and a half today: the demo is of children in care.
        age_high = max(age_low, min(age_high, int(17.5 * 365) - since))
        if self.chance(0.3) and self.route in ("adoption", "poa"):
            self.age_at_start = self.rng.randint(2, 14)  # removed from hospital after birth
        else:
            self.age_at_start = self.rng.randint(age_low, age_high)

    def on(self, offset: int) -> date:
        return self.accommodated + timedelta(days=offset)

