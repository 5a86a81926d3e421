"""The key under the timeline chart: each clock status's mark and words, and the marks."""

from __future__ import annotations

from pace_desktop.journey.timeline import PALETTE, STATUS_STYLES


def legend_html() -> str:
    glyph = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆", "cross": "✕",
             "dash": "▬", "bowtie": "⧓"}
    parts = []
    for style in STATUS_STYLES.values():
        # A shape added to the model later must not stop the whole timeline from opening.
        mark = "○" if not style.filled else glyph.get(style.shape, "■")
        parts.append(f'<span style="color:{style.colour}">{mark}</span>&nbsp;{style.text}')
    parts.append(f'<span style="color:{PALETTE["overdue"]}">▨</span>&nbsp;overdue time'
                 " (hatched)")
    clocks = " &nbsp; ".join(parts)
    marks = ("■&nbsp;meeting (□&nbsp;draft record) &nbsp; ◆&nbsp;milestone &nbsp; "
             "|&nbsp;chronology entry &nbsp; ┆&nbsp;the as-of date")
    return f"<small>Clocks: {clocks}<br>Marks: {marks}</small>"
