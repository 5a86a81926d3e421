"""The journey timeline for the PDF prints: the same picture as the screen, drawn by reportlab.

`timeline_drawing(model, width_pt, height_pt)` reads only the Qt-free `Timeline` model, with
the same lanes, palette, shapes, status words and label placement as the screen, so a print
and the screen never disagree. The result is a reportlab `Drawing` (a Flowable): put it in a
story, or draw it with `renderPDF`. Text stays real text (embedded PaceSans when the fonts can
be registered, else Helvetica).
"""

from __future__ import annotations

from math import ceil

from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames, stringWidth

from pace_desktop.journey.timeline import (
    BAR_HEIGHT,
    PALETTE,
    SHAPES,
    STATUS_STYLES,
    USED_HEIGHT,
    Timeline,
    day_text,
    lane_y,
    place_labels,
)

FONT_SIZE = 6.5
TITLE_SIZE = 6.5
MARKER_PT = 6.5
_TOP = 13.0  # room for the age ticks
_BOTTOM = 14.0 + 2 * 9.0  # the date ticks, then a two-line key


def _fonts() -> tuple[str, str]:
    try:
        from pace_desktop.chronology.fonts import register_fonts

        register_fonts()
    except Exception:  # noqa: BLE001 - a print without the bundled fonts is still a print
        pass
    names = set(getRegisteredFontNames())
    if {"PaceSans", "PaceSans-Bold"} <= names:
        return "PaceSans", "PaceSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _hex(key_or_hex: str, alpha: float = 1.0) -> Color:
    c = HexColor(PALETTE.get(key_or_hex, key_or_hex))
    return Color(c.red, c.green, c.blue, alpha) if alpha < 1 else c


def _is_dark(c: Color) -> bool:
    return 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue < 0.5


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, cut short with an ellipsis so it fits in `width`; "" if nothing fits."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: max(0, min(len(text) - 1, int(len(text) * 0.9)))]
    return text + "…" if len(text) >= 2 else ""


def _shape(name: str, cx: float, cy: float, size: float, fill: Color | None,
           stroke: Color | None, stroke_width: float = 0.5) -> Polygon:
    points: list[float] = []
    for x, y in SHAPES[name]:
        points += [cx + x * size, cy + y * size]
    return Polygon(points, fillColor=fill, strokeColor=stroke, strokeWidth=stroke_width)


def _hatch(group: Group, x0: float, y0: float, x1: float, y1: float, colour: Color,
           step: float = 3.0) -> None:
    """Diagonal lines filling a rectangle (reportlab has no pattern fill)."""
    h = y1 - y0
    k = x0 - h
    while k < x1:
        ax, ay = k, y0
        bx, by = k + h, y1
        if ax < x0:  # clip the line to the rectangle's left and right edges
            ay, ax = y0 + (x0 - ax), x0
        if bx > x1:
            by, bx = y1 - (bx - x1), x1
        if bx > ax:
            group.add(Line(ax, ay, bx, by, strokeColor=colour, strokeWidth=0.5))
        k += step


def timeline_drawing(model: Timeline, width_pt: float, height_pt: float) -> Drawing:
    """The timeline of `model` as a reportlab Drawing `width_pt` × `height_pt` points."""
    regular, bold = _fonts()
    d = Drawing(width_pt, height_pt)
    d.initialFontName = regular  # else reportlab starts in Helvetica, which a PDF/A cannot embed
    left, right = 2.0, width_pt - 2.0
    top, bottom = height_pt - _TOP, _BOTTOM
    n = max(1, len(model.lanes))
    row_h = (top - bottom) / n
    x0, x1 = model.x_range
    scale = (right - left) / max(1.0, x1 - x0)

    def px(x: float) -> float:
        return left + (x - x0) * scale

    def py(y: float) -> float:  # data y grows downwards, page y upwards
        return top - (y + 0.5) * row_h

    text_colour, muted = _hex("text"), _hex("text.muted")
    half = BAR_HEIGHT / 2
    marker = min(MARKER_PT, row_h * 0.45)

    # Lane bands, as on screen.
    for lane in model.lanes[::2]:
        d.add(Rect(left, py(lane.row + 0.5), right - left, row_h, fillColor=_hex("lane.band"),
                   strokeColor=None))

    # Episode bars with their words inside.
    for bar in model.bars:
        a, b = px(bar.start.toordinal()), px(bar.end.toordinal())
        fill = _hex(bar.key)
        y_lo = py(lane_y(bar.lane) + half)
        d.add(Rect(a, y_lo, max(b - a, 0.4), row_h * BAR_HEIGHT, fillColor=fill,
                   strokeColor=_hex("outline"), strokeWidth=0.4))
        text = _fit(bar.label, regular, FONT_SIZE, b - a - 4)
        if text:
            d.add(String(a + 2, py(lane_y(bar.lane)) - FONT_SIZE * 0.35, text, fontName=regular,
                         fontSize=FONT_SIZE, fillColor=white if _is_dark(fill) else text_colour))

    # Clock windows: shaded to the due date, the time used, overdue time hatched.
    for w in model.windows:
        style = STATUS_STYLES[w.status]
        y = lane_y(w.lane)
        a, due = px(w.start.toordinal()), px(w.due.toordinal())
        d.add(Rect(a, py(y + half), max(due - a, 0.4), row_h * BAR_HEIGHT,
                   fillColor=_hex(style.colour, 0.18), strokeColor=_hex(style.colour),
                   strokeWidth=0.5))
        used = px(w.used_end.toordinal())
        d.add(Rect(a, py(y + USED_HEIGHT / 2), max(used - a, 0.4), row_h * USED_HEIGHT,
                   fillColor=_hex(style.colour), strokeColor=None))
        if w.overdue:
            oa, ob = px(w.overdue[0].toordinal()), px(w.overdue[1].toordinal())
            d.add(Rect(oa, py(y + half), max(ob - oa, 0.4), row_h * BAR_HEIGHT,
                       fillColor=_hex("overdue", 0.15), strokeColor=_hex("overdue"),
                       strokeWidth=0.5))
            hatch = Group()
            _hatch(hatch, oa, py(y + half), ob, py(y - half), _hex("overdue"))
            d.add(hatch)
            d.add(Rect(oa, py(y + USED_HEIGHT / 2), max(ob - oa, 0.4), row_h * USED_HEIGHT,
                       fillColor=_hex("overdue"), strokeColor=None))

    # Markers; chronology ticks that would print on top of each other are drawn once.
    blocked: dict[int, list[tuple[float, float]]] = {}
    cands: list[tuple[float, int, str, int]] = []
    last_x: dict[int, float] = {}
    seen_ticks: set[tuple[int, int]] = set()
    outline = _hex("outline")
    for m in model.markers:
        x, y = px(m.x), py(m.y)
        blocked.setdefault(m.lane, []).append((x - marker / 2, x + marker / 2))
        if m.shape == "tick":
            key = (m.lane, round(x * 2))
            if key not in seen_ticks:
                seen_ticks.add(key)
                d.add(Line(x, y - marker * 0.6, x, y + marker * 0.6,
                           strokeColor=_hex(m.key), strokeWidth=0.6))
        else:
            d.add(_shape(m.shape, x, y, marker, _hex(m.key) if m.filled else white, outline))
        if m.label and x - last_x.get(m.lane, -1e9) >= 20:
            last_x[m.lane] = x
            text = m.label if len(m.label) <= 42 else m.label[:41] + "…"
            cands.append((x + marker / 2 + 1.5, m.lane, text, m.priority))
    for w in model.windows:
        style = STATUS_STYLES[w.status]
        x, y = px(w.end.toordinal()), py(lane_y(w.lane))
        fill = _hex(style.colour) if style.filled else white
        stroke = outline if style.filled else _hex(style.colour)
        d.add(_shape(style.shape, x, y, marker * 1.1, fill, stroke,
                     0.5 if style.filled else 1.2))
        blocked.setdefault(w.lane, []).append((x - marker / 2, x + marker / 2))
        cands.append((x + marker / 2 + 1.5, w.lane, w.status_text, 5))

    widths = [stringWidth(c[2], regular, FONT_SIZE) for c in cands]
    # Words that would run off the right edge go to the left of their mark instead.
    cands = [(x - marker - 3 - wd, lane, text, prio) if x + wd > right else (x, lane, text, prio)
             for (x, lane, text, prio), wd in zip(cands, widths, strict=True)]
    for x, lane_row, text in place_labels(cands, widths, blocked=blocked, gap=4):
        fitted = _fit(text, regular, FONT_SIZE, right - x)
        if not fitted:
            continue
        y = py(lane_y(lane_row))
        wd = stringWidth(fitted, regular, FONT_SIZE)
        d.add(Rect(x - 0.8, y - FONT_SIZE * 0.55, wd + 1.6, FONT_SIZE * 1.1,
                   fillColor=Color(1, 1, 1, 0.85), strokeColor=None))
        d.add(String(x, y - FONT_SIZE * 0.35, fitted, fontName=regular, fontSize=FONT_SIZE,
                     fillColor=text_colour))

    # Lane titles at the top left of each row.
    for lane in model.lanes:
        y = py(lane.row - 0.5) - TITLE_SIZE - 0.8
        text = _fit(lane.label, bold, TITLE_SIZE, right - left - 6)
        wd = stringWidth(text, bold, TITLE_SIZE)
        d.add(Rect(left + 1, y - 1.5, wd + 4, TITLE_SIZE + 2.2, fillColor=Color(1, 1, 1, 0.85),
                   strokeColor=None))
        d.add(String(left + 3, y, text, fontName=bold, fontSize=TITLE_SIZE, fillColor=muted))

    # The as-of line and its words.
    xa = px(model.as_of_x)
    d.add(Line(xa, bottom, xa, top, strokeColor=_hex("today"), strokeWidth=1,
               strokeDashArray=[3, 2]))
    words = f"As of {day_text(model.as_of)}"
    wd = stringWidth(words, bold, TITLE_SIZE)
    wx = xa + 3 if xa + 3 + wd < right else xa - 3 - wd
    d.add(Rect(wx - 1, top - TITLE_SIZE - 2.5, wd + 2, TITLE_SIZE + 2,
               fillColor=Color(1, 1, 1, 0.85), strokeColor=None))
    d.add(String(wx, top - TITLE_SIZE - 1.2, words, fontName=bold, fontSize=TITLE_SIZE,
                 fillColor=_hex("today")))

    # Axes: dates below, the child's age above.
    axis = Group()
    axis.add(Line(left, bottom, right, bottom, strokeColor=muted, strokeWidth=0.5))
    axis.add(Line(left, top, right, top, strokeColor=muted, strokeWidth=0.5))
    _axis_labels(axis, [(px(t.x), t.label) for t in model.date_ticks], bottom, -1, regular,
                 muted, text_colour, left, right)
    _axis_labels(axis, [(px(t.x), t.label) for t in model.age_ticks], top, 1, regular,
                 muted, text_colour, left, right)
    d.add(axis)
    _key(d, regular, left, right, text_colour)
    return d


def _axis_labels(group: Group, ticks: list[tuple[float, str]], y: float, side: int, font: str,
                 line: Color, colour: Color, left: float, right: float) -> None:
    """Tick marks and their words, leaving out any label that would collide with the last."""
    last_right = -1e9
    for x, label in ticks:
        if not left <= x <= right:
            continue
        group.add(Line(x, y, x, y + side * 3, strokeColor=line, strokeWidth=0.5))
        wd = stringWidth(label, font, FONT_SIZE)
        lx = min(max(x - wd / 2, left), right - wd)
        if lx < last_right + 4:
            continue
        last_right = lx + wd
        ty = y + 4.5 if side > 0 else y - 3.5 - FONT_SIZE
        group.add(String(lx, ty, label, fontName=font, fontSize=FONT_SIZE, fillColor=colour))


def _key(d: Drawing, font: str, left: float, right: float, colour: Color) -> None:
    """A key to the clock shapes, so the print reads without colour."""
    size = 5.0
    x, y = left + 2, 12.0
    d.add(String(x, y - 2, "Clocks:", fontName=font, fontSize=FONT_SIZE, fillColor=colour))
    x += stringWidth("Clocks: ", font, FONT_SIZE) + 3
    for style in STATUS_STYLES.values():
        fill = HexColor(style.colour) if style.filled else white
        stroke = _hex("outline") if style.filled else HexColor(style.colour)
        d.add(_shape(style.shape, x, y, size, fill, stroke, 0.5 if style.filled else 1.0))
        d.add(String(x + size, y - 2, style.text, fontName=font, fontSize=FONT_SIZE,
                     fillColor=colour))
        x += size + stringWidth(style.text, font, FONT_SIZE) + 8
    hatch = Group()
    d.add(Rect(x - 2.5, y - 2.5, 8, 5, fillColor=_hex("overdue", 0.15),
               strokeColor=_hex("overdue"), strokeWidth=0.5))
    _hatch(hatch, x - 2.5, y - 2.5, x + 5.5, y + 2.5, _hex("overdue"), 2.0)
    d.add(hatch)
    d.add(String(x + 8, y - 2, "overdue time", fontName=font, fontSize=FONT_SIZE,
                 fillColor=colour))
    x, y = left + 2, 3.0
    text = ("Marks: ◆ milestone   ■ meeting (□ draft record)   | chronology entry   "
            "dashed line: the as-of date")
    if font.startswith("Helvetica"):  # the built-in font has no geometric shapes
        text = ("Marks: diamond = milestone, square = meeting (hollow: draft), "
                "tick = chronology entry, dashed line = the as-of date")
    d.add(String(x, y, _fit(text, font, FONT_SIZE, right - left - 4), fontName=font,
                 fontSize=FONT_SIZE, fillColor=colour))


def preferred_height(model: Timeline, row_pt: float = 24.0) -> float:
    """A height at which every lane of `model` has room for its title and items."""
    return ceil(len(model.lanes) * row_pt + _TOP + _BOTTOM)


__all__ = ["preferred_height", "timeline_drawing"]
