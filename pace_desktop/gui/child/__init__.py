"""The child record: a summary and tabs for people, homes, legal status, chronology,
meetings and clocks, each with dialogs to add and correct what is recorded."""
