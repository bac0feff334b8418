-- Notifications: the in-app inbox of every person (a users row or an admin account), each row also the record of the
-- e-mail sent for it. One row per event and recipient (dedup_key): an event noticed twice (a job run twice, a retried
-- request) never reaches anybody twice.
CREATE TABLE notifications (
    id             UUID         NOT NULL,
    recipient_kind VARCHAR(20)  NOT NULL,
    recipient_id   UUID         NOT NULL,
    event_type     VARCHAR(60)  NOT NULL,
    dedup_key      VARCHAR(255) NOT NULL,
    subject_type   VARCHAR(50),
    subject_id     UUID,
    params         JSONB        NOT NULL DEFAULT '{}'::jsonb,
    link           VARCHAR(500) NOT NULL,
    email_status   VARCHAR(20)  NOT NULL,
    email_error    TEXT,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    read_at        TIMESTAMPTZ,
    emailed_at     TIMESTAMPTZ,
    CONSTRAINT notifications_pkey PRIMARY KEY (id),
    CONSTRAINT check_notification_recipient_kind CHECK (recipient_kind IN ('user', 'admin_user')),
    CONSTRAINT check_notification_email_status
        CHECK (email_status IN ('none', 'queued', 'digest', 'sent', 'skipped', 'failed'))
);
CREATE UNIQUE INDEX ux_notifications_recipient_dedup ON notifications (recipient_kind, recipient_id, dedup_key);
-- the inbox: newest first
CREATE INDEX idx_notifications_inbox ON notifications (recipient_kind, recipient_id, created_at DESC, id DESC);
-- the unread count
CREATE INDEX idx_notifications_unread ON notifications (recipient_kind, recipient_id) WHERE read_at IS NULL;
-- the daily digest: reminders waiting for it
CREATE INDEX idx_notifications_digest ON notifications (recipient_kind, recipient_id) WHERE email_status = 'digest';

-- What each person wants: the language of its mail (null = the configured default), the event types it does not
-- want by e-mail (the inbox always has them), and whether reminders come as one daily digest.
CREATE TABLE notification_preferences (
    recipient_kind VARCHAR(20) NOT NULL,
    recipient_id   UUID        NOT NULL,
    locale         VARCHAR(5),
    email_muted    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    daily_digest   BOOLEAN     NOT NULL DEFAULT false,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notification_preferences_pkey PRIMARY KEY (recipient_kind, recipient_id),
    CONSTRAINT check_notification_preferences_kind CHECK (recipient_kind IN ('user', 'admin_user')),
    CONSTRAINT check_notification_preferences_locale CHECK (locale IS NULL OR locale IN ('en', 'fr'))
);
