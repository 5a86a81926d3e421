"""The command table: every command is reachable, named once, and explains itself."""

from __future__ import annotations

import pytest

from pace_desktop.cli import build_parser, main
from pace_desktop.cli.table import COMMANDS


def test_every_command_in_the_table_is_parsed_and_has_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser, handlers = build_parser()
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names)) and list(handlers) == names
    # The commands once found by module name at run time are all here, not silently dropped.
    assert {"journey", "due", "cohort", "timeline", "chronology", "meetings", "record",
            "summary", "clocks-report", "self-test", "edit"} <= set(names)
    for name in names:
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert f"pace-desktop {name}" in out and "--store" in out
