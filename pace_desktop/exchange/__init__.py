"""Case data in and out of the product: the interchange JSON format (see `interchange`)."""

from pace_desktop.exchange.interchange import (
    FORMAT,
    VERSION,
    InterchangeError,
    parse_interchange,
    read_interchange_file,
    to_interchange,
    write_interchange_file,
)

__all__ = [
    "FORMAT",
    "VERSION",
    "InterchangeError",
    "parse_interchange",
    "read_interchange_file",
    "to_interchange",
    "write_interchange_file",
]
