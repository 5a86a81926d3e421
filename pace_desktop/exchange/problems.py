"""What an import refuses, said in plain words with the place in the file each problem is at."""

from __future__ import annotations


class InterchangeError(Exception):
    """A file that cannot be imported (or written), with every problem found in it.

    Each problem is one line, `place: message`, for example
    `children[2].living[0].end: before start (2024-01-01 < 2025-01-01)`. `str(err)` is a
    one-line summary fit for a status bar; `problems` is the full list, for printing all.
    """

    def __init__(self, problems: list[str], summary: str | None = None) -> None:
        self.problems: list[str] = list(problems)
        self.summary: str = summary or _summary(len(self.problems))
        super().__init__(self.summary)

    def __str__(self) -> str:
        return self.summary

    def report(self, limit: int | None = None) -> str:
        """The summary followed by the problems, one per line; `limit` caps a very long list."""
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [self.summary, *(f"  {p}" for p in shown)]
        hidden = len(self.problems) - len(shown)
        if hidden:
            lines.append(f"  … and {hidden} more")
        return "\n".join(lines)


def _summary(count: int) -> str:
    noun = "problem" if count == 1 else "problems"
    return f"The file has {count} {noun}; nothing was imported."
