"""The child's family and carers: the CHI number, parents, brothers and sisters,
professionals, each carer, and the approximate history from before social work."""

from __future__ import annotations

from datetime import timedelta

from pace_desktop.demo.frame import BuilderFrame
from pace_desktop.demo.tables import DAY, person_name
from pace_desktop.demo_names import (
    ADULT_MEN,
    ADULT_WOMEN,
    BOYS,
    GIRLS,
    HOUSES,
    PROFESSIONS,
    SIBLING_LIVES,
    SIBLING_WORDS,
)
from pace_desktop.domain.chi import with_check_digit


class Family(BuilderFrame):
    """The people in the child's life and the family's early history."""

    def chi(self) -> str | None:
        if self.chance(0.03):
            return None  # a few records are still waiting for the CHI number from health
        stem = self.dob.strftime("%d%m%y")
        odd = self.sex == "male"
        while True:
            sex_digit = self.rng.randrange(1 if odd else 0, 10, 2)
            chi = with_check_digit(f"{stem}{self.rng.randint(0, 99):02d}{sex_digit}")
            if chi is not None:
                return chi

    def make_family(self) -> str:
        rng = self.rng
        mum_family = rng.choice(self.families)
        dad_family = rng.choice(self.families)
        self.mum_address = self.address(self.home_town)
        mum = f"{rng.choice(ADULT_WOMEN)} {mum_family}"
        dad = f"{rng.choice(ADULT_MEN)} {dad_family}"
        self.mum_id = self.add_person("relevant_person", mum, "mother", self.mum_address,
                                      False, phone=True)
        dad_has_rights = self.chance(0.6)
        dad_address = self.address() if self.chance(0.6) else None
        self.dad_id = self.add_person("relevant_person" if dad_has_rights else "parent", dad,
                                      "father", dad_address, False)
        self.mum, self.dad = mum, dad
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            sex = "female" if rng.random() < 0.5 else "male"
            first = rng.choice(GIRLS if sex == "female" else BOYS)
            where = rng.choice(SIBLING_LIVES)
            self.add_person("sibling", f"{first} {rng.choice((mum_family, dad_family))}",
                            f"{rng.choice(SIBLING_WORDS[sex])}; {where}", None, True)
        age_years = (self.today - self.dob).days // 365
        self.professionals: dict[str, tuple[str, str]] = {}
        for title, service, low, high in PROFESSIONS:
            if low <= age_years < high and self.chance(0.5):
                name = person_name(rng, rng.random() < 0.8, self.families)
                pid = self.add_person("professional", name, f"{title}, {service}")
                self.professionals[title] = (pid, name)
        self.worker_id = self.add_person("professional", self.worker,
                                         f"Allocated social worker, {self.authority} Council")
        return mum_family if self.chance(0.6) else dad_family

    def carer(self, kind: str, relationship: str, short: str) -> str:
        rng = self.rng
        town = rng.choice(self.towns)
        if kind == "kinship":
            women = "grand" in relationship or "aunt" in relationship or rng.random() < 0.5
            name = person_name(rng, women, (self.family_name,) + self.families[:6])
            words = f"{short} ({name})" if short != "family friend" else f"family friend {name}"
            confidential = self.chance(0.75)
        elif kind in ("residential_la", "crisis_care"):
            house = rng.choice(HOUSES)
            name = f"Staff at {house} children's house"
            words = f"staff at {house}"
            confidential = True
        else:
            first = f"{rng.choice(ADULT_WOMEN)} and {rng.choice(ADULT_MEN)}"
            name = f"{first} {rng.choice(self.families)}" if rng.random() < 0.7 else \
                person_name(rng, True, self.families)
            words = "prospective adopters" if kind == "prospective_adopters" else \
                "foster carers"
            confidential = kind == "prospective_adopters" or self.chance(0.92)
        cid = self.add_person("carer", name, relationship, self.address(town), confidential)
        self.carer_words[cid] = words
        self.carer_town[cid] = town
        return cid

    def early_history(self) -> None:
        """A few approximate entries from before social work involvement."""
        rng = self.rng
        span = (self.referral - self.dob).days
        self.event(self.dob, "note", f"{self.name} was born", source="Health records",
                   sign="neutral", significant=self.chance(0.6))
        if span < 200:
            return
        for title, precision in rng.sample((
            (f"Family moved to {self.home_town}", "circa"),
            ("Health visitor offered extra support after the birth", "month"),
            ("Mum's parents separated; Mum moved out", "circa"),
            ("Mum told the GP she was struggling with her mood", "month"),
            ("Family registered with a new GP practice", "year"),
        ), rng.randint(1, 3)):
            when = self.dob + timedelta(days=rng.randint(30, span - 1))
            if precision == "month":
                when = when.replace(day=1)
            elif precision == "year":
                when = when.replace(month=1, day=1)
            if when <= self.dob:
                when, precision = self.dob + DAY, "day"
            self.event(when, "note", title, source="Family history (from Mum)",
                       impact="Background to the family's situation.", sign="neutral",
                       action="None at the time.", precision=precision)

