"""The preview pane: the pages of a print as pictures, in a scroll area, with zoom.

The pane holds no PDF and draws nothing itself: the dialog hands it page sizes and then page
images as a pool thread finishes them. Until a page's image arrives its place is kept at the
right size, so the scroll bar and "Page 1 of N" are right from the start. Zooming rescales
the images at once and asks (`zoom_changed`) for sharper ones at the new size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.printing.raster import POINTS_PER_INCH, PageImage

ZOOMS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0)
DEFAULT_ZOOM = 1.0


class PreviewPane(QWidget):
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Preview")
        self._zoom = DEFAULT_ZOOM
        self._sizes: list[QSizeF] = []
        self._images: list[QImage | None] = []
        self._texts: list[str] = []
        self._pages: list[QLabel] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous_button = self._button("◀", "Previous page", self.previous_page)
        self.page_label = QLabel("No pages yet")
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(
            "Page 888 of 888") + 8)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = self._button("▶", "Next page", self.next_page)
        self.zoom_out_button = self._button("−", "Zoom out", self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300%")
                                        + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._button("+", "Zoom in", self.zoom_in)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        layout.addLayout(bar)

        self.scroll = QScrollArea()
        self.scroll.setAccessibleName("Preview pages")
        self.scroll.setAccessibleDescription(
            "The pages as they will print. Page Up and Page Down move through them.")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.sheet = QWidget()
        self.sheet.setObjectName("previewSheet")
        # A grey desk under white paper, so a page's edge is visible without a shadow.
        self.sheet.setStyleSheet("QWidget#previewSheet { background: #8a9099; }")
        self._column = QVBoxLayout(self.sheet)
        self._column.setSpacing(14)
        self._column.setContentsMargins(14, 14, 14, 14)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.sheet)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _: self._show_page_number())
        layout.addWidget(self.scroll, 1)

        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence("Ctrl+="), self, self.zoom_in)
        self._show_zoom()
        self._show_page_number()

    # -- what the dialog tells the pane --------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    @property
    def pages_drawn(self) -> int:
        return sum(1 for image in self._images if image is not None)

    def page_sizes(self) -> list[QSizeF]:
        return list(self._sizes)

    def page_widgets(self) -> list[QLabel]:
        return list(self._pages)

    def screen_dpi(self) -> float:
        """Pixels (device pixels, for a sharp picture on a high-density screen) per inch at
        the current zoom."""
        return self.logicalDpiX() * self._zoom * self.devicePixelRatioF()

    def set_pages(self, sizes: list[QSizeF]) -> None:
        """A new document: lay out blank pages of these sizes (points); images follow."""
        keep = self.scroll.verticalScrollBar().value() if len(sizes) == len(self._sizes) else 0
        self._sizes = list(sizes)
        self._images = [None] * len(sizes)
        self._texts = [""] * len(sizes)
        while len(self._pages) > len(sizes):
            self._pages.pop().deleteLater()
        while len(self._pages) < len(sizes):
            page = QLabel()
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setStyleSheet("QLabel { background: white; color: #4a5361; }")
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages.append(page)
        for index, page in enumerate(self._pages):
            page.setPixmap(QPixmap())
            page.setText("Drawing this page…")
            page.setAccessibleName(f"Page {index + 1} of {len(sizes)}")
            page.setAccessibleDescription("")
        self._resize_pages()
        self.scroll.verticalScrollBar().setValue(keep)
        self._show_page_number()

    def set_page_image(self, page: PageImage) -> None:
        if not 0 <= page.index < len(self._images):
            return
        self._images[page.index] = page.image
        self._texts[page.index] = page.text
        label = self._pages[page.index]
        label.setText("")
        label.setAccessibleDescription(page.text)
        self._show_image(page.index)

    def clear(self) -> None:
        """Forget every page (the dialog is closing, or the print could not be made)."""
        self.set_pages([])
        self.page_label.setText("No pages")

    # -- moving about -------------------------------------------------------------------

    def current_page(self) -> int:
        """The page (from 0) under the middle of the view."""
        if not self._pages:
            return 0
        bar = self.scroll.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            # Scrolled to the end: a short last page may never reach the middle of the view.
            return len(self._pages) - 1
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        for index, page in enumerate(self._pages):
            if page.geometry().bottom() + self._column.spacing() >= middle:
                return index
        return len(self._pages) - 1

    def go_to_page(self, index: int) -> None:
        if not self._pages:
            return
        index = max(0, min(index, len(self._pages) - 1))
        top = self._pages[index].geometry().top() - self._column.spacing()
        self.scroll.verticalScrollBar().setValue(max(0, top))
        self._show_page_number(index)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def zoom_in(self) -> None:
        bigger = [z for z in ZOOMS if z > self._zoom + 1e-6]
        if bigger:
            self.set_zoom(bigger[0])

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOMS if z < self._zoom - 1e-6]
        if smaller:
            self.set_zoom(smaller[-1])

    def set_zoom(self, zoom: float) -> None:
        if abs(zoom - self._zoom) < 1e-6:
            return
        page = self.current_page()
        self._zoom = zoom
        self._resize_pages()
        self.sheet.adjustSize()
        self.go_to_page(page)
        self._show_zoom()
        self.zoom_changed.emit(zoom)

    # -- drawing ------------------------------------------------------------------------

    def _page_size_px(self, index: int) -> QSize:
        size = self._sizes[index]
        per_point = self.logicalDpiX() * self._zoom / POINTS_PER_INCH
        return QSize(round(size.width() * per_point), round(size.height() * per_point))

    def _resize_pages(self) -> None:
        for index, page in enumerate(self._pages):
            page.setFixedSize(self._page_size_px(index))
            self._show_image(index)

    def _show_image(self, index: int) -> None:
        image = self._images[index]
        if image is None:
            return
        want = self._page_size_px(index) * self.devicePixelRatioF()
        if image.size() != want:
            # Shown at once, slightly soft, until the sharper image for this zoom arrives.
            image = image.scaled(want, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self._pages[index].setPixmap(pixmap)

    def _show_page_number(self, index: int | None = None) -> None:
        count = len(self._pages)
        shown = (self.current_page() if index is None else index) + 1
        self.page_label.setText(f"Page {shown} of {count}" if count else "No pages yet")
        self.page_label.setAccessibleDescription(self.page_label.text())
        self.previous_button.setEnabled(count > 0 and shown > 1)
        self.next_button.setEnabled(count > 0 and shown < count)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self._zoom * 100)}%")
        self.zoom_in_button.setEnabled(self._zoom < ZOOMS[-1] - 1e-6)
        self.zoom_out_button.setEnabled(self._zoom > ZOOMS[0] + 1e-6)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(slot)
        width = button.fontMetrics().horizontalAdvance("MM") + 16
        button.setFixedWidth(width)
        return button
