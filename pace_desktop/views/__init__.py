"""The presentation layer: what the screens, the command line and the prints say, in words,
worked out from the record without Qt (one function each, never through the locale).

- `words`: a date in words, a count of days, where a child lives now (a caseload row);
- `clock_words`: a clock's status in words and a shape (colour is never the only signal);
- `caseload_facts`: the routes, due list and run-chart points of a caseload;
- `record_summary`: the few facts at the top of a child's record;
- `episode_checks`: the dialogs' checks, worded to stand next to the field they are about.
"""
