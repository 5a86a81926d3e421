"""The hub as the audit log's witness (issue 17): at each sync the laptop tells the hub the
head of its store's audit log (store id, entry number, keyed hash, the entry's time), and the
hub keeps it in `pace.audit_witness` with its own clock and the login that sent it. A worker
may add such rows and read them, never change or remove them (no UPDATE or DELETE is
granted), so someone holding the laptop and its passphrase cannot take back what the hub saw.

`check --hub URL` (and every sync, before it adds a new row) compares each witnessed head with
the entry of that number in the store:
- a witnessed entry that is no longer in the store: entries were removed from the end, or an
  older copy of the store was put in its place;
- a witnessed entry whose hash differs: the log was rewritten from there (or the store was
  replaced by a copy that went its own way).
What it cannot prove is said plainly: entries written after the hub last witnessed the log
are vouched for by the chain and the witness beside the store alone.

The migration is kept here (one self-contained string); schema.py lists it in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pace_desktop.domain.date_words import long_date
from pace_desktop.hub.errors import HubError, explain
from pace_desktop.store.audit_head import hashes, head

MIGRATION = """
    CREATE TABLE pace.audit_witness (
        id bigserial PRIMARY KEY,
        store_id text NOT NULL CHECK (store_id <> ''),
        seq bigint NOT NULL CHECK (seq >= 0),
        head_hash text NOT NULL CHECK (length(head_hash) <= 200),
        laptop_at text CHECK (length(laptop_at) <= 64),
        witnessed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        login name NOT NULL DEFAULT session_user
    );
    CREATE INDEX audit_witness_by_store ON pace.audit_witness (store_id, seq);

    -- The hub's clock and the session's login, whatever the laptop sends.
    CREATE FUNCTION pace.witness_stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pace, pg_temp AS $$
    BEGIN
        NEW.login := session_user;
        NEW.witnessed_at := clock_timestamp();
        RETURN NEW;
    END $$;
    REVOKE ALL ON FUNCTION pace.witness_stamp() FROM PUBLIC;
    CREATE TRIGGER stamp BEFORE INSERT ON pace.audit_witness
        FOR EACH ROW EXECUTE FUNCTION pace.witness_stamp();

    ALTER TABLE pace.audit_witness ENABLE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON pace.audit_witness TO pace_worker;
    GRANT USAGE ON SEQUENCE pace.audit_witness_id_seq TO pace_worker;
    CREATE POLICY add ON pace.audit_witness FOR INSERT TO pace_worker
        WITH CHECK (pace.is_worker());
    -- A laptop reads what was witnessed of its own store (whichever login synced it).
    CREATE POLICY see ON pace.audit_witness FOR SELECT TO pace_worker
        USING (login = session_user OR store_id = current_setting('pace.store', true));
"""


@dataclass(frozen=True, slots=True)
class Witnessed:
    seq: int
    hash: str
    laptop_at: str | None
    witnessed_at: datetime
    login: str

    @property
    def when(self) -> str:
        local = self.witnessed_at.astimezone()
        return f"{long_date(local.date())} {local:%H:%M}"


@dataclass
class Comparison:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    latest: Witnessed | None = None


def available(conn: Any) -> bool:
    """Whether this hub keeps witnesses (a hub set up before them has not run `hub init`)."""
    found = conn.execute("SELECT to_regclass('pace.audit_witness') IS NOT NULL").fetchone()[0]
    conn.commit()
    return bool(found)


def witnessed(conn: Any, store_id: str) -> list[Witnessed]:
    """Every head the hub witnessed for this store, oldest first."""
    import psycopg

    try:
        rows = conn.execute("SELECT seq, head_hash, laptop_at, witnessed_at, login"
                            " FROM pace.audit_witness WHERE store_id = %s"
                            " ORDER BY witnessed_at, id", (store_id,)).fetchall()
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        raise explain(exc, "reading what it witnessed of this store's audit log") from None
    return [Witnessed(int(r[0]), str(r[1]), r[2], r[3], str(r[4])) for r in rows]


def record(conn: Any, store_id: str, store: Any) -> Witnessed | None:
    """The store's audit head, witnessed by the hub (committed); None for an empty log."""
    import psycopg

    now = head(store)
    if now is None:
        return None
    try:
        row = conn.execute("INSERT INTO pace.audit_witness (store_id, seq, head_hash, laptop_at)"
                           " VALUES (%s, %s, %s, %s) RETURNING witnessed_at, login",
                           (store_id, now.seq, now.hash, now.at)).fetchone()
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        raise explain(exc, "witnessing this store's audit log") from None
    return Witnessed(now.seq, now.hash, now.at, row[0], str(row[1]))


def compare(store: Any, seen: list[Witnessed], place: str) -> Comparison:
    """The store's audit log against every head the hub at `place` witnessed."""
    out = Comparison(latest=max(seen, key=lambda w: (w.seq, w.witnessed_at), default=None))
    if not seen:
        out.notes.append(f"The hub at {place} has not yet witnessed this store's audit log"
                         " (no sync since it learned to), so it cannot show that entries were"
                         " removed from the end or an older copy put in the store's place.")
        return out
    now = head(store)
    last = now.seq if now is not None else 0
    have = hashes(store, sorted({w.seq for w in seen if w.seq <= last}))
    missing = [w for w in seen if w.seq > last]
    if missing:
        far = max(missing, key=lambda w: w.seq)
        out.problems.append(
            f"audit {_entries(last + 1, far.seq)} {_are(last + 1, far.seq)} missing: the hub"
            f" at {place} witnessed entry {far.seq} on {far.when} (entries were removed from"
            " the end, or an older copy of the store was put in its place)")
    for w in seen:
        if w.seq <= last and have.get(w.seq) != w.hash:
            out.problems.append(
                f"audit entry {w.seq} is not the one the hub at {place} witnessed on {w.when}:"
                " the log was rewritten from there, or the store was replaced by another copy")
            break  # the first is enough to say where; the rest follow from it
    if not out.problems and out.latest is not None and out.latest.seq < last:
        out.notes.append(
            f"The hub at {place} last witnessed this store's audit log on {out.latest.when}"
            f" (entry {out.latest.seq}); {_entries(out.latest.seq + 1, last)} came after it"
            f" and {_are(out.latest.seq + 1, last)} vouched for by the store alone: had later"
            " entries been removed, or a copy made since then put in the store's place, the"
            " hub could not show it.")
    return out


def check_against(store: Any, url: str, password: str | None = None
                  ) -> tuple[Comparison, str]:
    """`check --hub` and the app's "Check against the team hub": every head the hub at `url`
    witnessed for this store, compared with its log; and, when all match, the words that say
    so ("; the log also matches …", for the end of the store's own sentence). `password`: one
    typed for this check only (connect). Raises HubError when the hub cannot say."""
    from pace_desktop.hub.connect import connect, hub_place
    from pace_desktop.store.hub_sync import store_id

    place = hub_place(url)
    sid = store_id(store)
    with connect(url, sid, what="reading its witness", password=password) as conn:
        if not available(conn):
            raise HubError(f"The hub at {place} keeps no audit witnesses yet (its"
                           " administrator runs `hub init` to bring it up to date).")
        seen = witnessed(conn, sid)
    found = compare(store, seen, place)
    words = ""
    if found.latest is not None and not found.problems:
        words = (f"; the log also matches what the hub at {place} witnessed at {len(seen)}"
                 f" sync(s), the last on {found.latest.when}")
    return found, words


def _entries(first: int, last: int) -> str:
    return f"entry {first}" if first == last else f"entries {first} to {last}"


def _are(first: int, last: int) -> str:
    return "is" if first == last else "are"
