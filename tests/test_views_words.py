"""The presentation layer says a thing one way wherever it is shown: the command line's due
list in the screen's words, the prints' clock progress from the same module, dates in words
never through the locale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pace_desktop import journey
from pace_desktop.chronology import clock_words as print_clock_words
from pace_desktop.cli import main
from pace_desktop.store import CaseStore
from pace_desktop.views import clock_words
from pace_desktop.views.words import plain_date
from tests.conftest import FIXTURES, PASSPHRASE

AS_OF = date(2026, 11, 24)


def test_the_command_lines_due_list_uses_the_screens_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    store = tmp_path / "s.pacestore"
    assert main(["init", "--store", str(store)]) == 0
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", str(store)]) == 0
    capsys.readouterr()
    assert main(["due", "--store", str(store), "--as-of", AS_OF.isoformat()]) == 0
    lines = capsys.readouterr().out.splitlines()
    with CaseStore.open(store, PASSPHRASE) as s:
        items = journey.due_list(s.children(clock_facts_only=True), journey.load_rules(None),
                                 AS_OF, 28)
    *rows, summary = lines
    assert len(rows) == len(items) > 0
    assert summary == clock_words.due_summary(items, AS_OF, 28)  # as under the screen's list
    for line, item in zip(rows, items, strict=True):
        assert line.startswith(clock_words.status_text(item.clock, AS_OF))
        assert line.endswith(f"(due {plain_date(item.clock.due)})")


def test_the_prints_say_clock_progress_with_the_presentation_layers_words() -> None:
    assert print_clock_words.clock_progress is clock_words.clock_progress
