"""The interchange format of INTERCHANGE.md, version 1: the public face of this package.

- `parse_interchange(data)`: parsed JSON → `list[Child]`, or InterchangeError naming the
  place of every problem (the whole file is refused; nothing is half-imported).
- `to_interchange(children)`: the inverse, in one canonical form (see `writing`), such that
  `parse_interchange(to_interchange(cs)) == cs` for every list that parses.
- `read_interchange_file(path)`, `write_interchange_file(path, children)`: the same on disk,
  UTF-8, with every failure a plain InterchangeError and writes atomic.

Beyond the documented format the product adds optional `id` on living, legal, events and
meetings, `source_person` on events and `amendments` on events and meetings; files without
them are read as before. An optional field given as null counts as not given.
"""

from __future__ import annotations

from pace_desktop.exchange.files import read_interchange_file, write_interchange_file
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.reading import FORMAT, VERSION, parse_interchange
from pace_desktop.exchange.writing import to_interchange

__all__ = [
    "FORMAT",
    "VERSION",
    "InterchangeError",
    "parse_interchange",
    "read_interchange_file",
    "to_interchange",
    "write_interchange_file",
]
