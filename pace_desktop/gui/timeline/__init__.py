"""The journey timeline on screen (pyqtgraph).

Importing this package costs nothing; `timeline_view` imports pyqtgraph (~630 ms), so import
it only where a timeline is first shown (see its docstring).
"""
