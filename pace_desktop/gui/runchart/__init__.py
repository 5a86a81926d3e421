"""Cohort run charts (pyqtgraph). `runchart_view` imports pyqtgraph: import it where the run
chart tab is first shown."""
