-- One stored row per (provider, event id) for what the intake stores from now on, recognised by a unique key instead
-- of an advisory lock and a look-up per delivery: the intake writes many deliveries in one statement,
-- INSERT … ON CONFLICT (intake_key) DO NOTHING. The seed's (provider_name, event_id) index stays as it was (an adopted
-- database may repeat a pair): the key is set on the first row of each pair received so far, NULL on the repeats, and
-- on every row the application writes; a row written by other means has none.
ALTER TABLE webhook_events ADD COLUMN intake_key TEXT;

UPDATE webhook_events w SET intake_key = w.provider_name || '/' || w.event_id
FROM (SELECT DISTINCT ON (provider_name, event_id) id FROM webhook_events WHERE event_id IS NOT NULL
      ORDER BY provider_name, event_id, received_at, id) firsts
WHERE w.id = firsts.id;

CREATE UNIQUE INDEX ux_webhook_events_intake_key ON webhook_events (intake_key);
