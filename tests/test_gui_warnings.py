"""A broken rules or settings file is said plainly above the caseload for as long as it lasts;
the clocks are judged by the national defaults meanwhile, never silently."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pace_desktop.settings import Settings, save_settings
from tests.gui_helpers import make_store, running_app, sample_children, settle, unlock


def test_broken_rules_file_is_shown_until_put_right(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nid = "first_lac_review"\noffset = "six weeks"\n',
                     encoding="utf-8")
    settings_file = tmp_path / "settings.toml"
    save_settings(Settings(rules_file=str(rules)), settings_file)
    with running_app(path, path, settings_path=settings_file) as app:
        window = unlock(qtbot, app)
        settle(qtbot, app)
        warning = window.warning_label.text()
        assert window.warning_label.isVisibleTo(window)
        assert "national defaults" in warning
        assert 'rule "first_lac_review"' in warning and "offset" in warning
        assert window.due_rows()  # the clocks are still judged, by the defaults

        rules.write_text('[[rule]]\nid = "first_lac_review"\noffset = "8 weeks"\n',
                         encoding="utf-8")
        app.apply_settings(Settings(rules_file=str(rules)))  # as saving Settings does
        assert not window.warning_label.isVisibleTo(window)
        assert window.warning_label.text() == ""
