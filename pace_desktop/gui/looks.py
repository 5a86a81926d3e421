"""Small touches of typography and state shared by the windows.

Sizes are relative to the system font, so a person who has asked for larger text gets it.
Message labels carry a `tone` property that the style sheet colours; the words themselves
always say what is wrong, so colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

# Added to the accessible name of a field that must be filled in: the visible label says
# "(needed)", and a screen reader user must hear it too.
NEEDED = ", needed"


def enlarge(widget: QWidget, factor: float, bold: bool = True) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def set_tone(widget: QWidget, tone: str) -> None:
    """Mark a widget for the style sheet (`error`, `hint`, `title`); restyle it at once."""
    if widget.property("tone") != tone:
        widget.setProperty("tone", tone)
        if tone == "error":
            # Room inside the message's box; as contents margins (not style sheet padding),
            # because a word-wrapped label's height-for-width only counts these.
            widget.setContentsMargins(10, 6, 8, 7)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def say(label: QLabel, text: str) -> None:
    """Show a message, or hide the label when there is nothing to say (no empty gap)."""
    label.setText(text)
    label.setVisible(bool(text))
    # The words are the label's accessible name already (it has no other): repeating them
    # as its description would have them read twice.
    label.setAccessibleDescription("")
