"""Small files named for what they hold (issue 12): no module in pace_desktop/ is over 500
lines unless its docstring says why it is."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pace_desktop"
LIMIT = 500


def test_no_module_is_over_500_lines_without_a_reason() -> None:
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines <= LIMIT:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if "500 lines" not in doc:  # the reason, in the module's own words
            long.append(f"{path.relative_to(PACKAGE.parent)}: {lines} lines")
    assert not long, "split these, or say in the docstring why not:\n" + "\n".join(long)
