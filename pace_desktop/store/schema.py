"""Numbered migrations. The schema version is SQLite's `user_version`.

Migration N takes a store from version N-1 to N. Add new ones at the end; never edit one that
has shipped. `open` backs the file up (encrypted) before applying any.
"""

from __future__ import annotations

from typing import Final

APP_ID: Final = "pace-desktop"

# Columns shared by every record table: a stable text id unique within the child, when it was
# created and last changed, and a version that counts its changes. The version is a count, not
# a check: nothing refuses a write made from a stale read (each write is its own transaction
# under SQLite's write lock, and the app writes through one store worker).
_ROW = """
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
"""

# A version 4 UUID made by SQLite itself, for rows that existed before children had ids.
_UUID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||"
    " substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||"
    " substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)

# Kept clock judgements (store/judged_clocks.py), forgotten by these triggers whenever
# anything the clocks read changes, whoever changes it.
_JUDGED_CLOCKS = """
    CREATE TABLE judged_clocks (
        child_id INTEGER PRIMARY KEY REFERENCES children(id),
        fingerprint TEXT NOT NULL,
        judged_on TEXT NOT NULL,
        valid_until TEXT,
        runs TEXT NOT NULL
    );
    CREATE TRIGGER judged_child_changed AFTER UPDATE ON children
        BEGIN DELETE FROM judged_clocks WHERE child_id = OLD.id; END;
    CREATE TRIGGER judged_child_removed AFTER DELETE ON children
        BEGIN DELETE FROM judged_clocks WHERE child_id = OLD.id; END;
""" + "".join(
    f"""
    CREATE TRIGGER judged_{table}_{verb} AFTER {verb.upper()} ON {table}{when}
        BEGIN DELETE FROM judged_clocks WHERE child_id = {row}.child_id; END;
    """
    for table, verb, row, when in (
        ("living", "insert", "NEW", ""), ("living", "update", "OLD", ""),
        ("living", "delete", "OLD", ""),
        ("legal", "insert", "NEW", ""), ("legal", "update", "OLD", ""),
        ("legal", "delete", "OLD", ""),
        ("meetings", "insert", "NEW", ""), ("meetings", "update", "OLD", ""),
        ("meetings", "delete", "OLD", ""),
        # Notes are most of a chronology and no clock reads them: a million notes imported
        # need not touch this table a million times.
        ("events", "insert", "NEW", " WHEN NEW.kind <> 'note'"),
        ("events", "update", "OLD", " WHEN OLD.kind <> 'note' OR NEW.kind <> 'note'"),
        ("events", "delete", "OLD", " WHEN OLD.kind <> 'note'"),
    )
) + "".join(
    # A meeting's decisions can record a milestone; they hang off the meeting, not the child.
    f"""
    CREATE TRIGGER judged_decisions_{verb} AFTER {verb.upper()} ON decisions
        BEGIN DELETE FROM judged_clocks WHERE child_id =
            (SELECT child_id FROM meetings WHERE id = {row}.meeting_id); END;
    """
    for verb, row in (("insert", "NEW"), ("update", "OLD"), ("delete", "OLD"))
)


MIGRATIONS: Final[tuple[str, ...]] = (
    # 1: everything INTERCHANGE.md describes, the audit log and full-text search.
    f"""
    CREATE TABLE pace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE children (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ref TEXT NOT NULL UNIQUE,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        known_as TEXT,
        date_of_birth TEXT NOT NULL,
        chi TEXT,
        sex TEXT,
        local_authority TEXT,
        allocated_worker TEXT,
        reviewing_officer TEXT,
        -- Derived, kept by the store after every write to living or legal episodes, so the
        -- caseload list is one scan: the latest living episode and legal status.
        now_living_type TEXT,
        now_living_since TEXT,
        now_living_end TEXT,
        now_legal_status TEXT,
        {_ROW}
    );

    CREATE TABLE people (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL,
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        relationship TEXT,
        address TEXT,
        address_confidential INTEGER NOT NULL DEFAULT 1,
        phone TEXT,
        {_ROW},
        UNIQUE (child_id, uid)
    );

    CREATE TABLE living (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT,
        carer TEXT,
        address TEXT,
        address_confidential INTEGER NOT NULL DEFAULT 1,
        reason_for_move TEXT,
        {_ROW},
        UNIQUE (child_id, uid)
    );

    CREATE TABLE legal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT,
        reference TEXT,
        {_ROW},
        UNIQUE (child_id, uid)
    );

    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL,
        position INTEGER NOT NULL,
        date TEXT NOT NULL,
        date_precision TEXT NOT NULL DEFAULT 'day',
        seq INTEGER,
        kind TEXT NOT NULL DEFAULT 'note',
        route TEXT,
        title TEXT NOT NULL,
        detail TEXT,
        source TEXT,
        source_person TEXT,
        impact TEXT,
        impact_sign TEXT,
        action TEXT,
        significant INTEGER NOT NULL DEFAULT 1,
        withhold_from TEXT NOT NULL DEFAULT '',
        {_ROW},
        UNIQUE (child_id, uid)
    );
    -- Covers the timeline and the clocks: a child's events in order without touching rows.
    CREATE INDEX events_by_child ON events (child_id, date, seq, position);
    -- Covering, for the clocks: a caseload's milestones without visiting a million rows.
    CREATE INDEX milestones_by_child ON events (child_id, position, kind, date, route, seq, uid,
                                                title) WHERE kind <> 'note';

    CREATE TABLE meetings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        chair TEXT,
        child_views TEXT,
        child_views_how TEXT,
        family_views TEXT,
        next_review TEXT,
        status TEXT NOT NULL DEFAULT 'draft',
        {_ROW},
        UNIQUE (child_id, uid)
    );
    CREATE INDEX meetings_by_child ON meetings (child_id, position, kind, date, status, uid);

    CREATE TABLE attendees (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT,
        present INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (meeting_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE decisions (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        milestone TEXT,
        route TEXT,
        PRIMARY KEY (meeting_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE actions (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        owner TEXT,
        due TEXT,
        done TEXT,
        PRIMARY KEY (meeting_id, position)
    ) WITHOUT ROWID;

    -- Corrections to final records (meetings and chronology entries), kept beside the original.
    CREATE TABLE amendments (
        record TEXT NOT NULL CHECK (record IN ('meeting', 'event')),
        record_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (record, record_id, position)
    ) WITHOUT ROWID;

    -- "Where the child lives now" for the whole caseload: the latest episode by index order.
    CREATE INDEX living_by_child ON living (child_id, start, position);
    CREATE INDEX legal_by_child ON legal (child_id, start, position);
    CREATE INDEX children_by_name ON children (family_name, given_name, ref);

    -- Append-only: rows can be added, never changed or removed through SQL. Someone with the
    -- passphrase could drop these triggers; the hash chain is what shows that in `check`.
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        operation TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    -- Contentless: the text lives once, in the tables above. An event's FTS rowid is
    -- (date ordinal << 32 | events.id), so "newest first" is FTS5's own descending rowid
    -- scan, which stops after the first N hits instead of sorting every match.
    CREATE VIRTUAL TABLE child_search USING fts5(
        name, ref, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE event_search USING fts5(
        text, child, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 2: drafts of forms being filled in, saved every few seconds so a crash or a flat
    # battery loses at most the last few seconds of typing.
    """
    CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        child_ref TEXT,
        form TEXT NOT NULL,
        body TEXT NOT NULL,
        saved TEXT NOT NULL
    );
    """,
    # 3: the additions of 2026-11-28 to INTERCHANGE.md: an id for every child (a UUID, made
    # here for children already in the store), the fuller decision record (how each person
    # took part, reasons, and the parts kept whole with their meeting), and non-disclosure
    # requests.
    f"""
    ALTER TABLE children ADD COLUMN uid TEXT;
    UPDATE children SET uid = {_UUID_SQL};
    CREATE UNIQUE INDEX children_by_uid ON children (uid);
    ALTER TABLE attendees ADD COLUMN how TEXT;
    ALTER TABLE decisions ADD COLUMN reasons TEXT;
    -- views, assessment, family time, brothers and sisters, routes considered, orders: JSON
    ALTER TABLE meetings ADD COLUMN parts TEXT;

    CREATE TABLE nondisclosure (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL,
        position INTEGER NOT NULL,
        item TEXT NOT NULL,
        withhold_from TEXT NOT NULL,
        reason TEXT NOT NULL,
        requested TEXT,
        decision TEXT NOT NULL DEFAULT 'pending',
        decided TEXT,
        {_ROW},
        UNIQUE (child_id, uid)
    );
    """,
    # 4: judged clocks kept between sessions (store/judged_clocks.py), so a large caseload's
    # due list is on screen within a second of unlock.
    _JUDGED_CLOCKS,
    # 5 (issue 13): bringing records together (SYNC.md). The store's own id; for each child
    # and each place it syncs with (a package partner's store id, "import:SOURCE", a hub),
    # the last snapshot exchanged with it, the common ancestor of the next merge; and the
    # conflicts a merge found, until a named person resolves them.
    f"""
    INSERT OR IGNORE INTO pace_meta VALUES ('store_id', {_UUID_SQL});

    CREATE TABLE sync_ancestors (
        child_uid TEXT NOT NULL,
        peer TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        -- the peer's own counter when it made this snapshot (its audit seq for a package)
        peer_seq INTEGER NOT NULL DEFAULT 0,
        -- this store's audit seq when the snapshot was exchanged
        local_seq INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL,
        PRIMARY KEY (child_uid, peer)
    ) WITHOUT ROWID;

    CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_uid TEXT NOT NULL,
        part TEXT NOT NULL,
        record TEXT NOT NULL,
        field TEXT NOT NULL,
        ancestor TEXT,
        mine TEXT,
        theirs TEXT,
        mine_who TEXT,
        mine_at TEXT,
        theirs_who TEXT,
        theirs_at TEXT,
        peer TEXT NOT NULL,
        found TEXT NOT NULL,
        resolved TEXT,
        resolved_by TEXT,
        resolution TEXT
    );
    CREATE UNIQUE INDEX conflicts_once ON conflicts
        (child_uid, part, record, field, coalesce(mine, ''), coalesce(theirs, ''));
    CREATE INDEX conflicts_open ON conflicts (child_uid) WHERE resolved IS NULL;
    -- who last changed a child, for each side of a conflict, without scanning the whole log
    CREATE INDEX IF NOT EXISTS audit_by_target ON audit (target, seq);
    """,
    # 6: the team hub (SYNC.md, transport 2): for each hub and child, the hub's revision and
    # the child as both sides last agreed (the common ancestor of the next sync, JSON, inside
    # this encrypted file), and the conflicts that sync left; and this store's own id, which
    # the hub records beside every change the laptop sends.
    f"""
    CREATE TABLE hub_sync (
        hub TEXT NOT NULL,
        child_uid TEXT NOT NULL,
        revision INTEGER NOT NULL,
        ancestor TEXT NOT NULL,
        conflicts TEXT NOT NULL DEFAULT '[]',
        synced TEXT NOT NULL,
        PRIMARY KEY (hub, child_uid)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO pace_meta (key, value) VALUES ('store_id', {_UUID_SQL});
    """,
    # 7 (issue 14): the hub keeps its ancestors in sync_ancestors (the hub is a peer; peer_seq
    # its revision) and its conflicts in the conflicts table, like case packages; the hub's
    # own table of migration 6 goes (no store holding it was ever given to anyone).
    """
    DROP TABLE IF EXISTS hub_sync;
    """,
    # 8 (issue 15): papers for hearings and courts. A chronology's own page and the worker's
    # choices kept on it (entries drawn from the record left out, checks accepted); and for
    # every print that left the laptop, who it was for and what was decided about each
    # identifier shown highlighted in it (store/chronology_pages.py, store/print_records.py).
    f"""
    CREATE TABLE chronology_pages (
        child_id INTEGER PRIMARY KEY REFERENCES children(id),
        compiled_by TEXT,
        compiled_on TEXT,
        period_from TEXT,
        period_to TEXT,
        sources TEXT,
        agency TEXT NOT NULL DEFAULT 'single',
        analysis TEXT,
        left_out TEXT NOT NULL DEFAULT '[]',
        accepted_checks TEXT NOT NULL DEFAULT '[]',
        {_ROW}
    );
    CREATE TABLE print_records (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        child_id INTEGER NOT NULL REFERENCES children(id),
        uid TEXT NOT NULL UNIQUE,
        document TEXT NOT NULL,
        recipient TEXT NOT NULL,
        made TEXT NOT NULL,
        made_by TEXT NOT NULL,
        how TEXT NOT NULL,
        withheld INTEGER NOT NULL,
        identifiers TEXT NOT NULL,
        accepted_checks TEXT NOT NULL
    );
    CREATE INDEX print_records_by_child ON print_records (child_id, recipient, id);
    """,
    # 9 (issue 13): every audit entry names the store it was made in (SYNC.md promise 5: who,
    # where, when), covered by the entry's hash (store/audit.py); entries made before this
    # keep no store and verify as they were sealed.
    """
    ALTER TABLE audit ADD COLUMN store TEXT;
    """,
    # 10 (issue 13): who last changed each field of a child's records, where and when
    # (store/field_stamps.py), for the two sides of a conflict. Children already here are
    # marked: their fields' authors are not known until they next change.
    """
    CREATE TABLE field_stamps (
        child_uid TEXT PRIMARY KEY,
        stamps TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO field_stamps SELECT uid, '{"~legacy":1}' FROM children;
    """,
    # 11 (issue 14): the caseload asks, for each child, which legal episode is in force today.
    # With the status and end in the index, that is answered from the index alone instead of
    # one table lookup per child (10,000 children: about 60 ms less on a just-unlocked store).
    # It leads with the same columns, so it also serves what legal_by_child did.
    """
    CREATE INDEX legal_in_force ON legal (child_id, start, position, "end", status);
    DROP INDEX legal_by_child;
    """,
)

LATEST: Final = len(MIGRATIONS)
