-- The first Pipedrive import's writes replayed without the service (docs/performance.md, "Pipedrive import"): pages of
-- 500 leads, each page one transaction of three set-based inserts (the leads, their history rows, their audit rows)
-- shaped as the import's, on a database migrated to the service's schema. `ordered` chooses the ids: random (version 4,
-- gen_random_uuid) or time-ordered (the millisecond and a counter in the first eight bytes, random after, as the
-- service's TimeOrderedIds). The procedure reports the backend's CPU time per lead for each statement.
INSERT INTO users (id, provider, provider_id, email, role, is_enabled)
VALUES ('11111111-1111-4111-8111-111111111111', 'local', 'replay-owner', 'owner@replay.example',
        (enum_range(NULL::userrole))[1], true)
ON CONFLICT DO NOTHING;

CREATE SEQUENCE IF NOT EXISTS replay_counter;

CREATE OR REPLACE FUNCTION replay_time_ordered_id() RETURNS uuid LANGUAGE sql AS $$
    SELECT (lpad(to_hex(((extract(epoch FROM clock_timestamp()) * 1000)::bigint << 12)
                        + (nextval('replay_counter') % 4096)), 16, '0')
            || substr(replace(gen_random_uuid()::text, '-', ''), 17))::uuid
$$;

-- CPU time (user + system) of this backend, in clock ticks (1/100 s)
CREATE OR REPLACE FUNCTION replay_backend_ticks() RETURNS bigint LANGUAGE sql AS $$
    SELECT split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint FROM pg_read_file('/proc/self/stat') s
$$;

CREATE OR REPLACE PROCEDURE replay_import(pages int, ordered boolean) LANGUAGE plpgsql AS $$
DECLARE
    p int;
    base int;
    t bigint;
    ids bigint := 0;
    leads bigint := 0;
    history bigint := 0;
    audit bigint := 0;
BEGIN
    SELECT count(*) INTO base FROM leads;
    CREATE TEMP TABLE IF NOT EXISTS replay_page (i int, lead uuid, step uuid, logged uuid);
    FOR p IN 0 .. pages - 1 LOOP
        t := replay_backend_ticks();
        TRUNCATE replay_page;
        INSERT INTO replay_page
        SELECT base + p * 500 + g,
               CASE WHEN ordered THEN replay_time_ordered_id() ELSE gen_random_uuid() END,
               CASE WHEN ordered THEN replay_time_ordered_id() ELSE gen_random_uuid() END,
               CASE WHEN ordered THEN replay_time_ordered_id() ELSE gen_random_uuid() END
        FROM generate_series(1, 500) g;
        ids := ids + replay_backend_ticks() - t;
        t := replay_backend_ticks();
        INSERT INTO leads (id, provider_name, provider_id, provider_metadata, title, organization, contact_name,
                           contact_email, contact_phone, value, currency, status, probability, expected_close_date,
                           owner_id, last_sync_at, sync_status, created_at, updated_at)
        SELECT lead, 'pipedrive', 'pd-' || i,
               jsonb_build_object('id', 'pd-' || i, 'update_time', now()::text, 'written_update_time', now()::text,
                                  'owner_id', 12345, 'person_id', i, 'organization_id', i / 2,
                                  'custom_fields', jsonb_build_object('abc123def', 'Value ' || i), 'source_name', 'API'),
               'Lead ' || i || ' for the backup box', 'Organisation ' || (i / 2) || ' SARL', 'Person ' || i || ' Durand',
               'person' || i || '@org' || (i / 2) || '.example', '+33 1 23 45 ' || i, 1000 + i, 'EUR', 'NEW', 10,
               now() + interval '30 days', '11111111-1111-4111-8111-111111111111', now(), 'synced', now(), now()
        FROM replay_page;
        leads := leads + replay_backend_ticks() - t;
        t := replay_backend_ticks();
        INSERT INTO lead_status_history (id, lead_id, old_status, new_status, changed_by_user_id, reason, changed_at)
        SELECT step, lead, NULL, 'NEW', NULL, 'Imported from pipedrive', now() FROM replay_page;
        history := history + replay_backend_ticks() - t;
        t := replay_backend_ticks();
        INSERT INTO audit_logs (id, user_id, admin_user_id, action, entity_type, entity_id, changes, ip_address,
                                user_agent, created_at)
        SELECT logged, NULL, NULL, 'lead.imported', 'lead', lead,
               jsonb_build_object('title', jsonb_build_object('new', 'Lead ' || i),
                                  'organization', jsonb_build_object('new', 'Organisation ' || (i / 2)),
                                  'contact_name', jsonb_build_object('new', 'Person ' || i),
                                  'contact_email', jsonb_build_object('new', 'person' || i || '@x.example'),
                                  'value', jsonb_build_object('new', 1000 + i),
                                  'status', jsonb_build_object('new', 'NEW'),
                                  'provider_id', jsonb_build_object('new', 'pd-' || i)),
               NULL, 'provider-sync', now()
        FROM replay_page;
        audit := audit + replay_backend_ticks() - t;
        COMMIT;
    END LOOP;
    RAISE WARNING 'CPU ms per lead: ids and page %, leads %, history %, audit %',
        round(ids * 10.0 / (pages * 500), 4), round(leads * 10.0 / (pages * 500), 4),
        round(history * 10.0 / (pages * 500), 4), round(audit * 10.0 / (pages * 500), 4);
END
$$;
