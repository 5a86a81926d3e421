"""Where PACE Desktop keeps its files, per platform (platformdirs), and where its resources are.

- the default store: the user data folder, `caseload.pacestore` (encrypted), with `backups/`
  and the key-check file beside it;
- settings: the user config folder, `settings.toml` (no case data, never the passphrase);
- an authority's own clock rules: `rules.toml` in the settings folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP = "PACE Desktop"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def settings_dir() -> Path:
    return user_config_path(APP, appauthor=False)


def default_store() -> Path:
    return data_dir() / "caseload.pacestore"


def resources_dir() -> Path:
    """`resources/` from a source checkout, or from inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def ui_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "ui"
    return Path(__file__).resolve().parents[1] / "ui"
