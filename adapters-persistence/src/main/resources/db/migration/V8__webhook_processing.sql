-- Webhook processing: received events are processed by a worker with retries, like the outbox. Only additions:
-- rows the replaced system stored keep their values (attempts 0; next_attempt_at NULL means due now).
ALTER TABLE webhook_events ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_events ADD COLUMN next_attempt_at TIMESTAMPTZ;
CREATE INDEX idx_webhook_events_due ON webhook_events (COALESCE(next_attempt_at, received_at)) WHERE status = 'pending';
-- (leads from a CRM are found by the CRM's id through the seed's index on leads.provider_id)
