"""The hub's schema (SYNC.md, transport 2), as numbered migrations applied in order.

The case data sits in ordinary columns (dates as dates, flags as booleans, lists such as a
meeting's attendees as jsonb) so that the authority's own tools see it: PostgreSQL's roles
and row-level security, pg_dump, pgaudit. Each case table carries who last changed a row
(`changed_by`, set by a trigger from `session_user`, so a worker cannot write another name),
when, and from which store (`changed_from`, the laptop's store id, as the laptop says);
`pace.changes` keeps every insert, update and delete in order.

Access (migration 1):
- every worker is a login role, member of `pace_worker`; `pace.workers` says their team and
  whether they manage it;
- a worker sees and changes a child (and every record of that child) only when the child is
  in their team and is allocated to them, shared with them, or they manage the team;
- only a manager (or the hub's owner) changes a child's allocation, shares it, or deletes it;
- the hub's owner (the role that ran `hub init`) owns the tables and so is not bound by the
  policies: it is the authority's administrator, not a worker.

Keep each migration one self-contained string; add new ones at the end.
"""

from __future__ import annotations

from typing import Final

from pace_desktop.hub.witness import MIGRATION as AUDIT_WITNESS

_META = """
        changed_by name NOT NULL DEFAULT session_user,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_from text"""

_CASE_TABLES: Final = ("people", "living_episodes", "legal_episodes", "chronology_entries",
                       "meetings", "amendments", "nondisclosure_requests")


def _per_table(template: str) -> str:
    return "\n".join(template.format(t=t) for t in _CASE_TABLES)


MIGRATIONS: Final[tuple[str, ...]] = (
    "",  # version 0: nothing
    # 1: teams, workers, children and their records; policies; the change log.
    f"""
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pace_worker') THEN
            CREATE ROLE pace_worker NOLOGIN;
        END IF;
    END $$;

    CREATE TABLE pace.teams (name text PRIMARY KEY CHECK (name <> ''));
    CREATE TABLE pace.workers (
        login name PRIMARY KEY,
        team text NOT NULL REFERENCES pace.teams,
        manager boolean NOT NULL DEFAULT false
    );

    CREATE TABLE pace.children (
        uid text PRIMARY KEY,
        ref text NOT NULL UNIQUE,
        team text NOT NULL REFERENCES pace.teams,
        allocated_to name NOT NULL REFERENCES pace.workers ON UPDATE CASCADE,
        given_name text NOT NULL,
        family_name text NOT NULL,
        known_as text,
        date_of_birth date NOT NULL,
        chi text,
        sex text,
        local_authority text,
        allocated_worker text,
        reviewing_officer text,
        more jsonb NOT NULL DEFAULT '{{}}',
        revision bigint NOT NULL DEFAULT 1,{_META}
    );
    CREATE INDEX children_by_team ON pace.children (team, allocated_to);

    CREATE TABLE pace.shares (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        login name NOT NULL REFERENCES pace.workers ON DELETE CASCADE,
        shared_by name NOT NULL DEFAULT session_user,
        shared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (child_uid, login)
    );
    CREATE INDEX shares_by_login ON pace.shares (login);

    CREATE TABLE pace.people (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        position integer NOT NULL,
        role text NOT NULL,
        name text NOT NULL,
        relationship text,
        address text,
        address_confidential boolean NOT NULL DEFAULT false,
        phone text,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );
    CREATE TABLE pace.living_episodes (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        position integer NOT NULL,
        type text NOT NULL,
        start date NOT NULL,
        "end" date,
        carer text,
        address text,
        address_confidential boolean NOT NULL DEFAULT false,
        reason_for_move text,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );
    CREATE TABLE pace.legal_episodes (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        position integer NOT NULL,
        status text NOT NULL,
        start date NOT NULL,
        "end" date,
        reference text,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );
    CREATE TABLE pace.chronology_entries (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        position integer NOT NULL,
        date date NOT NULL,
        date_precision text NOT NULL,
        seq integer,
        kind text NOT NULL,
        route text,
        title text NOT NULL,
        detail text,
        source text,
        source_person text,
        impact text,
        impact_sign text,
        action text,
        significant boolean NOT NULL DEFAULT false,
        withhold_from jsonb,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );
    CREATE INDEX chronology_by_date ON pace.chronology_entries (child_uid, date);
    CREATE TABLE pace.meetings (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        date date NOT NULL,
        chair text,
        attendees jsonb,
        child_views text,
        child_views_how text,
        family_views text,
        decisions jsonb,
        actions jsonb,
        next_review date,
        status text NOT NULL,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );
    -- Corrections to final chronology entries and meetings; only ever added.
    CREATE TABLE pace.amendments (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        record_part text NOT NULL CHECK (record_part IN ('events', 'meetings')),
        record_uid text NOT NULL,
        at date NOT NULL,
        author text NOT NULL,
        text text NOT NULL,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );
    CREATE TABLE pace.nondisclosure_requests (
        child_uid text NOT NULL REFERENCES pace.children ON DELETE CASCADE,
        uid text NOT NULL,
        position integer NOT NULL,
        item text NOT NULL,
        withhold_from jsonb NOT NULL,
        reason text NOT NULL,
        requested date,
        decision text NOT NULL,
        decided date,
        more jsonb NOT NULL DEFAULT '{{}}',{_META},
        PRIMARY KEY (child_uid, uid)
    );

    CREATE TABLE pace.changes (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        login name NOT NULL DEFAULT session_user,
        store text,
        table_name text NOT NULL,
        operation text NOT NULL,
        child_uid text NOT NULL,
        record_uid text
    );
    CREATE INDEX changes_by_child ON pace.changes (child_uid, seq);

    -- Who is asking: session_user is the login, which SET ROLE cannot change.
    CREATE FUNCTION pace.my_team() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pace, pg_temp
        AS $$ SELECT team FROM pace.workers WHERE login = session_user $$;
    CREATE FUNCTION pace.i_manage(t text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pace, pg_temp
        AS $$ SELECT EXISTS (SELECT 1 FROM pace.workers
                             WHERE login = session_user AND manager AND team = t) $$;
    CREATE FUNCTION pace.shared_with_me(c text) RETURNS boolean LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = pace, pg_temp
        AS $$ SELECT EXISTS (SELECT 1 FROM pace.shares
                             WHERE child_uid = c AND login = session_user) $$;
    CREATE FUNCTION pace.team_of(c text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pace, pg_temp
        AS $$ SELECT team FROM pace.children WHERE uid = c $$;
    CREATE FUNCTION pace.can_see(c text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pace, pg_temp
        AS $$ SELECT EXISTS (
            SELECT 1 FROM pace.children ch
            WHERE ch.uid = c AND ch.team = pace.my_team()
              AND (ch.allocated_to = session_user OR pace.shared_with_me(c)
                   OR pace.i_manage(ch.team))) $$;
    CREATE FUNCTION pace.is_worker() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pace, pg_temp
        AS $$ SELECT EXISTS (SELECT 1 FROM pace.workers WHERE login = session_user) $$;

    -- Every row names the login that last changed it; a child's revision moves on with any
    -- change to it or its records, which is how a laptop knows what to fetch.
    CREATE FUNCTION pace.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pace, pg_temp AS $$
    BEGIN
        NEW.changed_by := session_user;
        NEW.changed_at := now();
        NEW.changed_from := nullif(current_setting('pace.store', true), '');
        IF TG_TABLE_NAME = 'children' THEN
            IF TG_OP = 'UPDATE' THEN
                NEW.revision := OLD.revision + 1;
                IF (NEW.team, NEW.allocated_to) IS DISTINCT FROM (OLD.team, OLD.allocated_to)
                   AND pace.is_worker() AND NOT pace.i_manage(OLD.team) THEN
                    RAISE EXCEPTION 'only the team''s manager can change who % is allocated to',
                        OLD.ref USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pace.workers
                           WHERE login = NEW.allocated_to AND team = NEW.team) THEN
                RAISE EXCEPTION '% is not a worker in the team %', NEW.allocated_to, NEW.team
                    USING ERRCODE = 'check_violation';
            END IF;
        END IF;
        RETURN NEW;
    END $$;

    CREATE FUNCTION pace.log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pace, pg_temp AS $$
    DECLARE
        r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        child text;
        rec text;
    BEGIN
        IF TG_TABLE_NAME = 'children' THEN
            child := r.uid;
        ELSE
            child := r.child_uid;
            rec := r.uid;
            -- Once per transaction is enough: a laptop only needs to see that it moved.
            UPDATE pace.children SET revision = revision + 1
            WHERE uid = child
              AND xmin::text <> (pg_current_xact_id()::text::bigint % 4294967296)::text;
        END IF;
        INSERT INTO pace.changes (store, table_name, operation, child_uid, record_uid)
        VALUES (nullif(current_setting('pace.store', true), ''), TG_TABLE_NAME, lower(TG_OP),
                child, rec);
        RETURN NULL;
    END $$;

    CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON pace.children
        FOR EACH ROW EXECUTE FUNCTION pace.stamp();
    CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON pace.children
        FOR EACH ROW EXECUTE FUNCTION pace.log_change();
    {_per_table('''
    CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON pace.{t}
        FOR EACH ROW EXECUTE FUNCTION pace.stamp();
    CREATE TRIGGER log_change AFTER INSERT OR UPDATE OR DELETE ON pace.{t}
        FOR EACH ROW EXECUTE FUNCTION pace.log_change();''')}

    REVOKE ALL ON SCHEMA pace FROM PUBLIC;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA pace FROM PUBLIC;
    GRANT USAGE ON SCHEMA pace TO pace_worker;
    GRANT SELECT ON pace.schema_version TO pace_worker;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pace TO pace_worker;

    ALTER TABLE pace.teams ENABLE ROW LEVEL SECURITY;
    GRANT SELECT ON pace.teams TO pace_worker;
    CREATE POLICY own_team ON pace.teams FOR SELECT TO pace_worker
        USING (name = pace.my_team());

    ALTER TABLE pace.workers ENABLE ROW LEVEL SECURITY;
    GRANT SELECT ON pace.workers TO pace_worker;
    CREATE POLICY own_team ON pace.workers FOR SELECT TO pace_worker
        USING (team = pace.my_team());

    ALTER TABLE pace.children ENABLE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE, DELETE ON pace.children TO pace_worker;
    CREATE POLICY see ON pace.children FOR SELECT TO pace_worker
        USING (team = pace.my_team() AND (allocated_to = session_user
               OR pace.shared_with_me(uid) OR pace.i_manage(team)));
    -- A worker adds children to their own caseload; a manager to anyone's in the team.
    CREATE POLICY add ON pace.children FOR INSERT TO pace_worker
        WITH CHECK (team = pace.my_team()
                    AND (allocated_to = session_user OR pace.i_manage(team)));
    CREATE POLICY change ON pace.children FOR UPDATE TO pace_worker
        USING (team = pace.my_team() AND (allocated_to = session_user
               OR pace.shared_with_me(uid) OR pace.i_manage(team)))
        WITH CHECK (team = pace.my_team());
    CREATE POLICY remove ON pace.children FOR DELETE TO pace_worker
        USING (pace.i_manage(team));

    ALTER TABLE pace.shares ENABLE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, DELETE ON pace.shares TO pace_worker;
    CREATE POLICY see ON pace.shares FOR SELECT TO pace_worker USING (pace.can_see(child_uid));
    CREATE POLICY add ON pace.shares FOR INSERT TO pace_worker
        WITH CHECK (pace.i_manage(pace.team_of(child_uid)));
    CREATE POLICY remove ON pace.shares FOR DELETE TO pace_worker
        USING (pace.i_manage(pace.team_of(child_uid)));

    {_per_table('''
    ALTER TABLE pace.{t} ENABLE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE, DELETE ON pace.{t} TO pace_worker;
    CREATE POLICY own_children ON pace.{t} FOR ALL TO pace_worker
        USING (pace.can_see(child_uid)) WITH CHECK (pace.can_see(child_uid));''')}
    -- Corrections only grow.
    REVOKE UPDATE, DELETE ON pace.amendments FROM pace_worker;

    ALTER TABLE pace.changes ENABLE ROW LEVEL SECURITY;
    GRANT SELECT ON pace.changes TO pace_worker;
    CREATE POLICY own_children ON pace.changes FOR SELECT TO pace_worker
        USING (pace.can_see(child_uid));
    """,
    # 2 (issue 13): who changed each field of a row, from which store, and when, so a
    # laptop's conflict names the person who changed *that field* on the hub. Kept by the
    # hub's own trigger from session_user, like changed_by: a worker cannot write another
    # name. {column: [login, time, store]}; the row's bookkeeping columns are left out.
    """
    ALTER TABLE pace.children ADD COLUMN field_stamps jsonb NOT NULL DEFAULT '{}';
    """ + _per_table("""
    ALTER TABLE pace.{t} ADD COLUMN field_stamps jsonb NOT NULL DEFAULT '{{}}';""") + """
    CREATE FUNCTION pace.stamp_fields() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pace, pg_temp AS $$
    DECLARE
        changed jsonb;
    BEGIN
        SELECT coalesce(jsonb_object_agg(n.key, jsonb_build_array(
                   session_user, now(), nullif(current_setting('pace.store', true), ''))),
               '{}')
        INTO changed
        FROM jsonb_each(to_jsonb(NEW)) n
        WHERE n.key NOT IN ('changed_by', 'changed_at', 'changed_from', 'revision',
                            'field_stamps', 'position', 'child_uid', 'uid', 'team',
                            'allocated_to')
          AND (TG_OP = 'INSERT' OR n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key));
        NEW.field_stamps := CASE WHEN TG_OP = 'INSERT' THEN changed
                                 ELSE OLD.field_stamps || changed END;
        RETURN NEW;
    END $$;
    REVOKE ALL ON FUNCTION pace.stamp_fields() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION pace.stamp_fields() TO pace_worker;
    CREATE TRIGGER stamp_fields BEFORE INSERT OR UPDATE ON pace.children
        FOR EACH ROW EXECUTE FUNCTION pace.stamp_fields();
    """ + _per_table("""
    CREATE TRIGGER stamp_fields BEFORE INSERT OR UPDATE ON pace.{t}
        FOR EACH ROW EXECUTE FUNCTION pace.stamp_fields();"""),
    # 3 (issue 17): the laptops' audit heads, witnessed at each sync (hub/witness.py).
    AUDIT_WITNESS,
)

LATEST: Final = len(MIGRATIONS) - 1
