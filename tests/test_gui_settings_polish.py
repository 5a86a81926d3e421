"""Settings as a person meets it (issue 11): typing starts in its first field, it opens over
the main window rather than at the screen's corner, "1 minute" not "1 minutes", and no
message ends in two full stops. The passphrase dialog also starts in its first field."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pace_desktop.gui.settings_dialog import SettingsDialog, check_rules_file
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, unlock


def test_settings_opens_over_the_window_with_the_focus_in_its_first_field(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.action("settingsAction").trigger()
        dialog = window.settings_dialog
        assert isinstance(dialog, SettingsDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
        assert dialog.focusWidget() is dialog.idle_edit
        centre, middle = dialog.frameGeometry().center(), window.frameGeometry().center()
        assert abs(centre.x() - middle.x()) <= 2 and abs(centre.y() - middle.y()) <= 2
        dialog.idle_edit.setValue(1)
        assert dialog.idle_edit.text() == "1 minute"
        dialog.idle_edit.setValue(5)
        assert dialog.idle_edit.text() == "5 minutes"
        dialog.due_soon_edit.setValue(1)
        assert dialog.due_soon_edit.text() == "1 day"
        dialog.reject()

        window.action("passphraseAction").trigger()
        changing = window.files.dialog
        assert changing is not None
        qtbot.waitUntil(changing.isVisible, timeout=WAIT_MS)
        assert changing.focusWidget() is changing.first
        changing.reject()


def test_no_settings_message_ends_in_two_full_stops(tmp_path: Path) -> None:
    missing = tmp_path / "rules."  # a name that itself ends in a full stop
    message = check_rules_file(str(missing))
    assert message.startswith("There is no file at") and not message.endswith("..")
    broken = tmp_path / "rules.toml"
    broken.write_text("this is not toml", encoding="utf-8")
    message = check_rules_file(str(broken))
    assert message and not message.endswith("..") and message.endswith(".")


def test_settings_name_the_stores_user_and_role_once(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 13: the store's named user is set in Settings as well as at creation; saving
    the same name again adds nothing to the audit log."""
    from pace_desktop.store import CaseStore
    from tests.gui_helpers import PASSPHRASE, settle

    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        for _ in range(2):
            window.action("settingsAction").trigger()
            dialog = window.settings_dialog
            assert isinstance(dialog, SettingsDialog)
            qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
            dialog.user_name_edit.setText("Catriona Flett")
            qtbot.keyClicks(dialog.user_role_edit, "reviewing officer") if not \
                dialog.user_role_edit.text() else None
            dialog.save()
            settle(qtbot, app)
    with CaseStore.open(path, PASSPHRASE) as store:
        assert store.named_user() == ("Catriona Flett", "reviewing officer")
        named = [e for e in store.audit_entries() if e.operation == "set named user"]
        assert len(named) == 1 and named[0].who == "Catriona Flett"
