-- Outbound webhooks: integrators subscribe a URL to event types; each event becomes one delivery per subscription,
-- sent by the outbox worker (topic webhook.delivery), every attempt kept.
CREATE TABLE webhook_subscriptions (
    id                   UUID          NOT NULL,
    owner_kind           VARCHAR(20)   NOT NULL,
    owner_id             UUID          NOT NULL,
    partner_id           UUID,
    distributor_id       UUID,
    url                  VARCHAR(2000) NOT NULL,
    events               JSONB         NOT NULL,
    description          VARCHAR(255),
    -- the signing secret, AES-256-GCM with the credentials key ({"encrypted": "v1:…"})
    secret               JSONB         NOT NULL,
    is_active            BOOLEAN       NOT NULL DEFAULT true,
    disabled_at          TIMESTAMPTZ,
    disabled_reason      TEXT,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (id),
    CONSTRAINT check_webhook_subscription_owner_kind CHECK (owner_kind IN ('user', 'admin_user')),
    CONSTRAINT check_webhook_subscription_tenant CHECK (partner_id IS NULL OR distributor_id IS NULL),
    CONSTRAINT webhook_subscriptions_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id) ON DELETE CASCADE,
    CONSTRAINT webhook_subscriptions_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id) ON DELETE CASCADE
);
CREATE INDEX idx_webhook_subscriptions_list ON webhook_subscriptions (created_at DESC, id DESC);
CREATE INDEX idx_webhook_subscriptions_active ON webhook_subscriptions (is_active) WHERE is_active;

CREATE TABLE webhook_deliveries (
    id              UUID         NOT NULL,
    subscription_id UUID         NOT NULL,
    event_id        UUID         NOT NULL,
    event_type      VARCHAR(60)  NOT NULL,
    payload         JSONB        NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'pending',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
    CONSTRAINT check_webhook_delivery_status CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
    CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id)
        REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
);
-- one delivery per event and subscription
CREATE UNIQUE INDEX ux_webhook_deliveries_event ON webhook_deliveries (subscription_id, event_id);
CREATE INDEX idx_webhook_deliveries_list ON webhook_deliveries (subscription_id, created_at DESC, id DESC);

CREATE TABLE webhook_delivery_attempts (
    id           UUID        NOT NULL,
    delivery_id  UUID        NOT NULL,
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  INTEGER     NOT NULL,
    CONSTRAINT webhook_delivery_attempts_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_delivery_attempts_delivery_id_fkey FOREIGN KEY (delivery_id)
        REFERENCES webhook_deliveries (id) ON DELETE CASCADE
);
CREATE INDEX idx_webhook_delivery_attempts ON webhook_delivery_attempts (delivery_id, attempt);
