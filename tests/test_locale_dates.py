"""Dates never go through the machine's locale: a laptop set to German writes "2 June 2021"
into a final chronology entry and reads "3 Mar 2024" typed in a date box, as any other does.

The German locale is used if installed; if not, it is generated into a temporary folder
(glibc's localedef, read through LOCPATH). Where neither is possible the source check below
still shows that no code formats or parses a date with the locale's month names.
"""

from __future__ import annotations

import locale
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.domain import Child, Decision, Meeting
from pace_desktop.forms import definition_for
from pace_desktop.forms.cautions import cautions
from pace_desktop.store import CaseStore
from pace_desktop.views.episode_checks import parse_day

GERMAN = "de_DE.UTF-8"
ROOT = Path(__file__).resolve().parent.parent
_MADE: list[Path] = []  # the folder a German locale was made in, once per run


def _try(name: str) -> bool:
    try:
        locale.setlocale(locale.LC_TIME, name)
    except locale.Error:
        return False
    return True


@pytest.fixture
def german(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    saved = locale.setlocale(locale.LC_TIME)
    old_locpath = os.environ.get("LOCPATH")
    if not _try(GERMAN):
        if shutil.which("localedef") is None:
            pytest.skip("no German locale and no localedef to make one")
        if not _MADE:
            folder = tmp_path_factory.mktemp("locales")
            subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", str(folder / GERMAN)],
                           capture_output=True, timeout=120)
            _MADE.append(folder)
        os.environ["LOCPATH"] = str(_MADE[0])
        if not _try(GERMAN):
            pytest.skip("the German locale could not be made here")
    assert date(2021, 3, 2).strftime("%B") == "März"  # the locale really is German
    try:
        yield
    finally:
        locale.setlocale(locale.LC_TIME, saved)
        if old_locpath is None:
            os.environ.pop("LOCPATH", None)
        else:
            os.environ["LOCPATH"] = old_locpath


def test_a_finalised_meeting_writes_its_date_in_english_words(german: None,
                                                             store: CaseStore) -> None:
    store.import_children([Child(ref="R-1", given_name="Ailsa", family_name="Brodie",
                                 date_of_birth=date(2018, 6, 2))])
    meeting = Meeting(kind="lac_review", date=date(2021, 3, 2), chair="Morag Test",
                      decisions=(Decision("Ailsa stays with her aunt"),))
    store.save_meeting("R-1", meeting, finalise=True)
    entry = store.child("R-1").events[0]
    assert entry.source == "Looked after child review, 2 March 2021, chaired by Morag Test"


def test_dates_typed_in_words_are_read_whatever_the_locale(german: None) -> None:
    assert parse_day("3 Mar 2024") == parse_day("3 March 2024") == date(2024, 3, 3)
    form = definition_for("lac_review")
    asked = cautions(form, {"date": "1/6/2021", "next_review": "1/6/2022"}, date(2021, 6, 1))
    words = asked[0].message
    assert "set for 1 June 2022" in words and "due by 1 September 2021" in words


def test_no_code_formats_or_parses_dates_through_the_locale() -> None:
    """%b, %B, %a, %A, %c, %x and strptime all follow the locale; the product uses none."""
    locale_codes = re.compile(r"%[-#]?[aAbBcxp]\b|strptime|%[aAbBcx][ %]")
    found = []
    for path in sorted((ROOT / "pace_desktop").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if locale_codes.search(code) and "never through the locale" not in line \
                    and not code.lstrip().startswith(("(`%b`", '"""')):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []
