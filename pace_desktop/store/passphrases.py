"""Which passphrases the store accepts, and why not, in plain words (the CLI and the app ask here).

Strength is judged by zxcvbn, a well-kept estimator that knows common passwords, names,
keyboard patterns and repeats: length alone let twelve spaces through.
"""

from __future__ import annotations

import re

from pace_desktop.store.errors import PassphraseTooShort, StoreError

MIN_PASSPHRASE = 12
MIN_SCORE = 3  # zxcvbn's "safely unguessable: moderate protection from offline attacks"
# zxcvbn's matching grows quickly with length; what it cannot see past this is extra strength.
_JUDGED_CHARS = 100
# SQLCipher reads x'…' (hex) as a raw key, not a passphrase: it would skip key derivation.
_RAW_KEY = re.compile(r"^\s*[xX]'.*'\s*$", re.DOTALL)


class WeakPassphrase(StoreError):
    """A passphrase the store refuses; the message says why and what would do."""


def passphrase_problem(passphrase: str) -> str | None:
    """Why this passphrase will not do, or None when it is strong enough."""
    if len(passphrase) < MIN_PASSPHRASE:
        return str(PassphraseTooShort(MIN_PASSPHRASE))
    if _RAW_KEY.match(passphrase):
        return ("A passphrase written as x'…' would be taken as a raw encryption key, not a"
                " passphrase. Choose a passphrase that does not start with x' and end with '.")
    if not passphrase.strip():
        return "The passphrase is only spaces. Choose a few unrelated words instead."
    from zxcvbn import zxcvbn  # late: it loads its word lists (~0.2 s) on first use

    result = zxcvbn(passphrase[:_JUDGED_CHARS])
    if int(result["score"]) >= MIN_SCORE:
        return None
    feedback = result.get("feedback") or {}
    why = [str(feedback.get("warning") or "").strip()]
    why += [str(s).strip() for s in feedback.get("suggestions") or []]
    said = " ".join(w if w.endswith(".") else w + "." for w in why if w)
    return ("That passphrase is too easy to guess." + (f" {said}" if said else "")
            + " A few unrelated words that mean something only to you work well.")


def check_passphrase(passphrase: str) -> None:
    """Raise the plain reason a new passphrase is refused (too short, a raw key, too weak)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseTooShort(MIN_PASSPHRASE)
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise WeakPassphrase(problem)
