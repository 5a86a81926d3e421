"""The DejaVu fonts every print embeds, registered once under stable names.

DejaVu covers the accents of Gaelic and Scots names (Eòghann, Mòrag, Seònaid) that the
built-in PDF fonts cannot embed, and an embedded TrueType font keeps the text real text.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pace_desktop.paths import resources_dir

REGULAR = "PaceSans"
BOLD = "PaceSans-Bold"
ITALIC = "PaceSans-Italic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


def register_fonts() -> None:
    """Register PaceSans, PaceSans-Bold and PaceSans-Italic with reportlab (idempotent)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    if all(name in registered for name in _FILES):
        return
    folder = resources_dir() / "fonts"
    for name, file in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    # <b> and <i> inside paragraphs must find the same family, not fall back to Helvetica.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
