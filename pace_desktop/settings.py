"""The user's settings: a small TOML file in the settings folder. Never case data, never the
passphrase. A malformed file is reported by key; it is not silently replaced by defaults."""

from __future__ import annotations

import getpass
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import tomli_w

from pace_desktop import paths
from pace_desktop.domain.bounds import limit_for, too_long
from pace_desktop.safe_files import write_bytes


class SettingsError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Settings:
    idle_lock_minutes: int = 5
    due_soon_days: int = 28
    protective_marking: str = "OFFICIAL-SENSITIVE"
    user_name: str = ""  # the name written in the audit log; empty means the login name
    # With a name, saving Settings names the open store's user and role (one audited change).
    user_role: str = ""
    rules_file: str = ""  # an authority's own clock rules; empty means settings/rules.toml
    baseline_points: int = 0  # run charts: freeze the median from the first N points (0: off)
    # Visits are recorded in PACE Desktop, so the statutory visit clocks (CLOCKS.md) apply.
    record_visits: bool = False
    # The team hub's address (libpq's postgresql://…, never with a password): what `sync`
    # uses when no --hub is given.
    hub_url: str = ""

    @property
    def audit_name(self) -> str:
        return self.user_name or getpass.getuser()

    def rules_path(self) -> Path | None:
        """The authority's rules file in force, if any."""
        if self.rules_file:
            return Path(self.rules_file).expanduser()
        local = paths.settings_dir() / "rules.toml"
        return local if local.exists() else None


_LIMITS: dict[str, tuple[int, int]] = {
    "idle_lock_minutes": (1, 240), "due_soon_days": (0, 365), "baseline_points": (0, 10_000)}


_FLAGS = frozenset({"record_visits"})


def settings_file() -> Path:
    return paths.settings_dir() / "settings.toml"


def validate(values: dict[str, Any], where: str) -> Settings:
    known = {f.name: f.type for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise SettingsError(f"{where}: {key}: unknown setting")
        if key in _FLAGS:
            if not isinstance(value, bool):
                raise SettingsError(f"{where}: {key}: must be true or false")
            out[key] = value
            continue
        want_int = key in _LIMITS
        if want_int and (not isinstance(value, int) or isinstance(value, bool)):
            raise SettingsError(f"{where}: {key}: must be a whole number")
        if not want_int and not isinstance(value, str):
            raise SettingsError(f"{where}: {key}: must be text")
        if not want_int and (long := too_long(value, limit_for(key))):
            raise SettingsError(f"{where}: {key}: {long}")
        if want_int:
            low, high = _LIMITS[key]
            if not low <= value <= high:
                raise SettingsError(f"{where}: {key}: must be between {low} and {high}")
        out[key] = value
    if "protective_marking" in out and not out["protective_marking"].strip():
        raise SettingsError(f"{where}: protective_marking: must not be empty")
    return replace(Settings(), **out)


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    if not path.exists():
        return Settings()
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: is not valid TOML ({exc})") from None
    return validate(values, str(path))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Whole, owner-only, or not at all (safe_files): it names the store's user and the hub.
    write_bytes(path, tomli_w.dumps(asdict(settings)).encode("utf-8"))
