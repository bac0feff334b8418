-- Outbox delivery: an event with nothing to deliver (its order cancelled first, or no provider of its kind active)
-- ends SKIPPED, apart from the events that FAILED, so that a person can tell the two apart and requeue either.
ALTER TABLE outbox_events DROP CONSTRAINT check_outbox_status;
ALTER TABLE outbox_events ADD CONSTRAINT check_outbox_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED'));
-- the operators' view: events by status, newest first
CREATE INDEX idx_outbox_events_status_created ON outbox_events (status, created_at DESC, id DESC);
