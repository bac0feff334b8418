-- Tentabo PRM seed schema 1.0.0 (alembic revision a8e2b505fe67), reproduced exactly.
-- This file is the contract with databases already in production: it is NEVER edited again.
-- Later migrations (V2, V3, ...) only add. On a database that already holds this schema,
-- Flyway baselines at version 1 and skips this file (see docs/operations.md).

CREATE TYPE userrole AS ENUM ('ADMIN', 'RESTRICTED_ADMIN', 'PARTNER', 'DISTRIBUTOR', 'FULFILLER');
CREATE TYPE leadstatus AS ENUM ('NEW', 'CONTACTED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST');
CREATE TYPE orderstatus AS ENUM ('CREATED', 'CANCELLED', 'SENT', 'IN_FULFILLMENT', 'FULFILLED');
CREATE TYPE contractstatus AS ENUM ('ACTIVE', 'LOST', 'UPGRADED', 'DOWNGRADED', 'EXPIRED', 'CANCELLED');
CREATE TYPE providertype AS ENUM ('AUTH', 'CRM', 'BILLING');

-- ---------------------------------------------------------------- authentication and users
CREATE TABLE admin_users (
    id            UUID         NOT NULL DEFAULT gen_random_uuid(),
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    email         VARCHAR(255) NOT NULL,
    full_name     VARCHAR(255),
    is_active     BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_login    TIMESTAMPTZ,
    CONSTRAINT admin_users_pkey PRIMARY KEY (id),
    CONSTRAINT admin_users_email_key UNIQUE (email)
);
CREATE UNIQUE INDEX ix_admin_users_username ON admin_users (username);

CREATE TABLE partners (
    id                  UUID         NOT NULL DEFAULT gen_random_uuid(),
    name                VARCHAR(255) NOT NULL,
    legal_name          VARCHAR(255),
    registration_number VARCHAR(100),
    email               VARCHAR(255),
    phone               VARCHAR(50),
    website             VARCHAR(255),
    address_line1       VARCHAR(255),
    address_line2       VARCHAR(255),
    city                VARCHAR(100),
    postal_code         VARCHAR(20),
    country             VARCHAR(100),
    is_active           BOOLEAN      NOT NULL,
    notes               TEXT,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT partners_pkey PRIMARY KEY (id),
    CONSTRAINT partners_registration_number_key UNIQUE (registration_number)
);
CREATE INDEX ix_partners_name ON partners (name);
CREATE INDEX ix_partners_is_active ON partners (is_active);

CREATE TABLE distributors (
    id                  UUID         NOT NULL DEFAULT gen_random_uuid(),
    name                VARCHAR(255) NOT NULL,
    legal_name          VARCHAR(255),
    registration_number VARCHAR(100),
    email               VARCHAR(255),
    phone               VARCHAR(50),
    website             VARCHAR(255),
    address_line1       VARCHAR(255),
    address_line2       VARCHAR(255),
    city                VARCHAR(100),
    postal_code         VARCHAR(20),
    country             VARCHAR(100),
    is_active           BOOLEAN      NOT NULL,
    notes               TEXT,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT distributors_pkey PRIMARY KEY (id),
    CONSTRAINT distributors_registration_number_key UNIQUE (registration_number)
);
CREATE INDEX ix_distributors_name ON distributors (name);
CREATE INDEX ix_distributors_is_active ON distributors (is_active);

CREATE TABLE users (
    id             UUID         NOT NULL DEFAULT gen_random_uuid(),
    provider       VARCHAR(50)  NOT NULL,
    provider_id    VARCHAR(255) NOT NULL,
    email          VARCHAR(255) NOT NULL,
    full_name      VARCHAR(255),
    username       VARCHAR(100),
    role           userrole     NOT NULL,
    is_enabled     BOOLEAN      NOT NULL,
    enabled_by     UUID,
    enabled_at     TIMESTAMPTZ,
    partner_id     UUID,
    distributor_id UUID,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_login     TIMESTAMPTZ,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_enabled_by_fkey FOREIGN KEY (enabled_by) REFERENCES admin_users (id),
    CONSTRAINT users_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT users_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id)
);
CREATE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_is_enabled ON users (is_enabled);
CREATE INDEX ix_users_username ON users (username);

-- ---------------------------------------------------------------- catalog
CREATE TABLE products (
    id          UUID         NOT NULL DEFAULT gen_random_uuid(),
    name        VARCHAR(255) NOT NULL,
    type        VARCHAR(100) NOT NULL,
    unit        VARCHAR(50)  NOT NULL,
    description TEXT,
    is_active   VARCHAR(10)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT products_pkey PRIMARY KEY (id),
    CONSTRAINT products_name_key UNIQUE (name)
);
CREATE INDEX ix_products_type ON products (type);

CREATE TABLE price_tiers (
    id             UUID          NOT NULL DEFAULT gen_random_uuid(),
    product_id     UUID          NOT NULL,
    min_quantity   INTEGER       NOT NULL,
    max_quantity   INTEGER,
    price_per_unit NUMERIC(10, 4) NOT NULL,
    period         VARCHAR(20)   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT price_tiers_pkey PRIMARY KEY (id),
    CONSTRAINT price_tiers_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
    CONSTRAINT check_min_quantity_non_negative CHECK (min_quantity >= 0),
    CONSTRAINT check_max_greater_than_min CHECK (max_quantity IS NULL OR max_quantity > min_quantity),
    CONSTRAINT check_price_positive CHECK (price_per_unit > 0),
    CONSTRAINT check_valid_period CHECK (period IN ('month', 'year'))
);

CREATE TABLE durations (
    id                  UUID         NOT NULL DEFAULT gen_random_uuid(),
    months              INTEGER      NOT NULL,
    discount_percentage NUMERIC(5, 2) NOT NULL,
    name                VARCHAR(100) NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT durations_pkey PRIMARY KEY (id),
    CONSTRAINT durations_months_key UNIQUE (months),
    CONSTRAINT check_months_positive CHECK (months > 0),
    CONSTRAINT check_discount_range CHECK (discount_percentage >= 0 AND discount_percentage <= 100)
);

-- ---------------------------------------------------------------- partners and distributors
CREATE TABLE distributor_partners (
    id             UUID        NOT NULL DEFAULT gen_random_uuid(),
    distributor_id UUID        NOT NULL,
    partner_id     UUID        NOT NULL,
    assigned_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    assigned_by    UUID,
    is_active      BOOLEAN     NOT NULL,
    notes          TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT distributor_partners_pkey PRIMARY KEY (id),
    CONSTRAINT distributor_partners_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id) ON DELETE CASCADE,
    CONSTRAINT distributor_partners_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id) ON DELETE CASCADE,
    CONSTRAINT distributor_partners_assigned_by_fkey FOREIGN KEY (assigned_by) REFERENCES admin_users (id),
    CONSTRAINT unique_distributor_partner UNIQUE (distributor_id, partner_id)
);
CREATE INDEX ix_distributor_partners_distributor_id ON distributor_partners (distributor_id);
CREATE INDEX ix_distributor_partners_partner_id ON distributor_partners (partner_id);

-- ---------------------------------------------------------------- CRM / leads
CREATE TABLE leads (
    id                  UUID          NOT NULL DEFAULT gen_random_uuid(),
    provider_name       VARCHAR(50)   NOT NULL,
    provider_id         VARCHAR(255),
    provider_metadata   JSONB,
    title               VARCHAR(255)  NOT NULL,
    organization        VARCHAR(255)  NOT NULL,
    contact_name        VARCHAR(255)  NOT NULL,
    contact_email       VARCHAR(255),
    contact_phone       VARCHAR(50),
    value               NUMERIC(12, 2),
    currency            VARCHAR(3),
    status              leadstatus    NOT NULL,
    probability         INTEGER,
    expected_close_date TIMESTAMPTZ,
    owner_id            UUID          NOT NULL,
    partner_id          UUID,
    distributor_id      UUID,
    last_sync_at        TIMESTAMPTZ,
    sync_status         VARCHAR(20),
    sync_error          TEXT,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT leads_pkey PRIMARY KEY (id),
    CONSTRAINT leads_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (id),
    CONSTRAINT leads_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT leads_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id),
    CONSTRAINT check_probability_range CHECK (probability IS NULL OR (probability >= 0 AND probability <= 100))
);
CREATE INDEX idx_leads_owner_status ON leads (owner_id, status);
CREATE INDEX idx_leads_distributor_partner ON leads (distributor_id, partner_id);
CREATE INDEX idx_leads_provider ON leads (provider_name, provider_id);
CREATE INDEX idx_leads_status_created ON leads (status, created_at);
CREATE INDEX idx_leads_metadata ON leads USING gin (provider_metadata);
CREATE INDEX ix_leads_contact_email ON leads (contact_email);
CREATE INDEX ix_leads_distributor_id ON leads (distributor_id);
CREATE INDEX ix_leads_organization ON leads (organization);
CREATE INDEX ix_leads_owner_id ON leads (owner_id);
CREATE INDEX ix_leads_partner_id ON leads (partner_id);
CREATE INDEX ix_leads_provider_id ON leads (provider_id);
CREATE INDEX ix_leads_provider_name ON leads (provider_name);
CREATE INDEX ix_leads_status ON leads (status);

CREATE TABLE lead_activities (
    id                UUID         NOT NULL DEFAULT gen_random_uuid(),
    lead_id           UUID         NOT NULL,
    provider_name     VARCHAR(50)  NOT NULL,
    provider_id       VARCHAR(255),
    provider_metadata JSONB,
    activity_type     VARCHAR(50)  NOT NULL,
    subject           VARCHAR(255),
    description       TEXT,
    due_date          TIMESTAMPTZ,
    done              VARCHAR(10),
    done_at           TIMESTAMPTZ,
    user_id           UUID,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT lead_activities_pkey PRIMARY KEY (id),
    CONSTRAINT lead_activities_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE,
    CONSTRAINT lead_activities_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX idx_lead_activities_lead_type ON lead_activities (lead_id, activity_type);
CREATE INDEX idx_lead_activities_due_date ON lead_activities (due_date);
CREATE INDEX ix_lead_activities_activity_type ON lead_activities (activity_type);
CREATE INDEX ix_lead_activities_lead_id ON lead_activities (lead_id);
CREATE INDEX ix_lead_activities_provider_id ON lead_activities (provider_id);

CREATE TABLE lead_notes (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    lead_id            UUID        NOT NULL,
    provider_name      VARCHAR(50),
    provider_id        VARCHAR(255),
    content            TEXT        NOT NULL,
    created_by_user_id UUID,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT lead_notes_pkey PRIMARY KEY (id),
    CONSTRAINT lead_notes_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE,
    CONSTRAINT lead_notes_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES users (id)
);
CREATE INDEX ix_lead_notes_lead_id ON lead_notes (lead_id);

CREATE TABLE lead_status_history (
    id                 UUID        NOT NULL DEFAULT gen_random_uuid(),
    lead_id            UUID        NOT NULL,
    old_status         leadstatus,
    new_status         leadstatus  NOT NULL,
    changed_by_user_id UUID,
    reason             TEXT,
    changed_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT lead_status_history_pkey PRIMARY KEY (id),
    CONSTRAINT lead_status_history_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE,
    CONSTRAINT lead_status_history_changed_by_user_id_fkey FOREIGN KEY (changed_by_user_id) REFERENCES users (id)
);
CREATE INDEX idx_lead_status_history_lead_date ON lead_status_history (lead_id, changed_at);
CREATE INDEX ix_lead_status_history_lead_id ON lead_status_history (lead_id);

-- ---------------------------------------------------------------- orders and contracts
CREATE TABLE orders (
    id               UUID          NOT NULL DEFAULT gen_random_uuid(),
    order_number     VARCHAR(100)  NOT NULL,
    status           orderstatus   NOT NULL,
    billing_provider VARCHAR(50),
    billing_quote_id VARCHAR(255),
    billing_metadata JSONB,
    crm_provider     VARCHAR(50),
    crm_deal_id      VARCHAR(255),
    crm_metadata     JSONB,
    created_by       UUID          NOT NULL,
    partner_id       UUID,
    distributor_id   UUID,
    lead_id          UUID,
    subtotal         NUMERIC(12, 2),
    discount_amount  NUMERIC(12, 2),
    tax_amount       NUMERIC(12, 2),
    total_amount     NUMERIC(12, 2),
    notes_internal   TEXT,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ,
    fulfilled_at     TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT orders_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT orders_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id),
    CONSTRAINT orders_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE INDEX idx_orders_status_created ON orders (status, created_at);
CREATE INDEX idx_orders_partner_status ON orders (partner_id, status);
CREATE INDEX idx_orders_distributor_status ON orders (distributor_id, status);
CREATE INDEX idx_orders_billing_metadata ON orders USING gin (billing_metadata);
CREATE INDEX idx_orders_crm_metadata ON orders USING gin (crm_metadata);
CREATE INDEX ix_orders_created_by ON orders (created_by);
CREATE INDEX ix_orders_distributor_id ON orders (distributor_id);
CREATE INDEX ix_orders_lead_id ON orders (lead_id);
CREATE UNIQUE INDEX ix_orders_order_number ON orders (order_number);
CREATE INDEX ix_orders_partner_id ON orders (partner_id);
CREATE INDEX ix_orders_status ON orders (status);

CREATE TABLE order_items (
    id                  UUID          NOT NULL DEFAULT gen_random_uuid(),
    order_id            UUID          NOT NULL,
    product_id          UUID          NOT NULL,
    duration_id         UUID          NOT NULL,
    quantity            INTEGER       NOT NULL,
    unit_price          NUMERIC(10, 4) NOT NULL,
    discount_percentage NUMERIC(5, 2),
    subtotal            NUMERIC(12, 2) NOT NULL,
    discount_amount     NUMERIC(12, 2),
    total               NUMERIC(12, 2) NOT NULL,
    product_name        VARCHAR(255)  NOT NULL,
    product_type        VARCHAR(100)  NOT NULL,
    product_unit        VARCHAR(50)   NOT NULL,
    duration_months     INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT order_items_pkey PRIMARY KEY (id),
    CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT order_items_duration_id_fkey FOREIGN KEY (duration_id) REFERENCES durations (id),
    CONSTRAINT check_quantity_positive CHECK (quantity > 0),
    CONSTRAINT check_unit_price_non_negative CHECK (unit_price >= 0),
    CONSTRAINT check_item_discount_range CHECK (discount_percentage >= 0 AND discount_percentage <= 100)
);
CREATE INDEX ix_order_items_order_id ON order_items (order_id);
CREATE INDEX ix_order_items_product_id ON order_items (product_id);

CREATE TABLE contracts (
    id                  UUID           NOT NULL DEFAULT gen_random_uuid(),
    contract_number     VARCHAR(100)   NOT NULL,
    order_id            UUID           NOT NULL,
    status              contractstatus NOT NULL,
    billing_provider    VARCHAR(50)    NOT NULL,
    billing_customer_id VARCHAR(255),
    billing_invoices    JSONB,
    billing_metadata    JSONB,
    user_id             UUID           NOT NULL,
    partner_id          UUID,
    distributor_id      UUID,
    activation_date     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    expiration_date     TIMESTAMPTZ,
    renewed_from_id     UUID,
    total_value         NUMERIC(12, 2) NOT NULL,
    currency            VARCHAR(3),
    notes_internal      TEXT,
    created_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
    cancelled_at        TIMESTAMPTZ,
    CONSTRAINT contracts_pkey PRIMARY KEY (id),
    CONSTRAINT contracts_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT contracts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT contracts_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT contracts_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id),
    CONSTRAINT contracts_renewed_from_id_fkey FOREIGN KEY (renewed_from_id) REFERENCES contracts (id)
);
CREATE INDEX idx_contracts_status_activation ON contracts (status, activation_date);
CREATE INDEX idx_contracts_partner_status ON contracts (partner_id, status);
CREATE INDEX idx_contracts_distributor_status ON contracts (distributor_id, status);
CREATE INDEX idx_contracts_expiration ON contracts (expiration_date);
CREATE INDEX idx_contracts_billing_metadata ON contracts USING gin (billing_metadata);
CREATE UNIQUE INDEX ix_contracts_contract_number ON contracts (contract_number);
CREATE INDEX ix_contracts_distributor_id ON contracts (distributor_id);
CREATE UNIQUE INDEX ix_contracts_order_id ON contracts (order_id);
CREATE INDEX ix_contracts_partner_id ON contracts (partner_id);
CREATE INDEX ix_contracts_status ON contracts (status);
CREATE INDEX ix_contracts_user_id ON contracts (user_id);

CREATE TABLE notes (
    id          UUID        NOT NULL DEFAULT gen_random_uuid(),
    order_id    UUID,
    contract_id UUID,
    content     TEXT        NOT NULL,
    is_internal BOOLEAN     NOT NULL,
    is_pinned   BOOLEAN,
    created_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notes_pkey PRIMARY KEY (id),
    CONSTRAINT notes_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT notes_contract_id_fkey FOREIGN KEY (contract_id) REFERENCES contracts (id) ON DELETE CASCADE,
    CONSTRAINT notes_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT check_note_has_parent CHECK (order_id IS NOT NULL OR contract_id IS NOT NULL)
);
CREATE INDEX idx_notes_order_created ON notes (order_id, created_at);
CREATE INDEX idx_notes_contract_created ON notes (contract_id, created_at);
CREATE INDEX ix_notes_contract_id ON notes (contract_id);
CREATE INDEX ix_notes_created_by ON notes (created_by);
CREATE INDEX ix_notes_order_id ON notes (order_id);

-- ---------------------------------------------------------------- system and configuration
CREATE TABLE provider_configs (
    id                 UUID         NOT NULL DEFAULT gen_random_uuid(),
    provider_type      providertype NOT NULL,
    provider_name      VARCHAR(50)  NOT NULL,
    is_active          BOOLEAN      NOT NULL,
    configuration      JSONB        NOT NULL,
    credentials        JSONB,
    health_status      VARCHAR(20),
    last_health_check  TIMESTAMPTZ,
    health_check_error TEXT,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT provider_configs_pkey PRIMARY KEY (id),
    CONSTRAINT unique_provider_type_name UNIQUE (provider_type, provider_name)
);
CREATE UNIQUE INDEX idx_provider_configs_active ON provider_configs (provider_type, is_active) WHERE is_active = true;
CREATE INDEX idx_provider_configs_configuration ON provider_configs USING gin (configuration);
CREATE INDEX ix_provider_configs_is_active ON provider_configs (is_active);
CREATE INDEX ix_provider_configs_provider_name ON provider_configs (provider_name);
CREATE INDEX ix_provider_configs_provider_type ON provider_configs (provider_type);

CREATE TABLE provider_sync_logs (
    id             UUID        NOT NULL DEFAULT gen_random_uuid(),
    provider_id    UUID        NOT NULL,
    sync_type      VARCHAR(50) NOT NULL,
    entity_type    VARCHAR(50) NOT NULL,
    direction      VARCHAR(20) NOT NULL,
    records_synced INTEGER,
    records_failed INTEGER,
    error_details  JSONB,
    status         VARCHAR(20) NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ,
    CONSTRAINT provider_sync_logs_pkey PRIMARY KEY (id),
    CONSTRAINT provider_sync_logs_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES provider_configs (id) ON DELETE CASCADE
);
CREATE INDEX idx_sync_logs_provider_entity ON provider_sync_logs (provider_id, entity_type);
CREATE INDEX idx_sync_logs_status_started ON provider_sync_logs (status, started_at);
CREATE INDEX ix_provider_sync_logs_entity_type ON provider_sync_logs (entity_type);
CREATE INDEX ix_provider_sync_logs_provider_id ON provider_sync_logs (provider_id);
CREATE INDEX ix_provider_sync_logs_status ON provider_sync_logs (status);

CREATE TABLE audit_logs (
    id            UUID         NOT NULL DEFAULT gen_random_uuid(),
    user_id       UUID,
    admin_user_id UUID,
    action        VARCHAR(100) NOT NULL,
    entity_type   VARCHAR(50)  NOT NULL,
    entity_id     UUID         NOT NULL,
    changes       JSONB,
    ip_address    VARCHAR(45),
    user_agent    VARCHAR(255),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id),
    CONSTRAINT audit_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT audit_logs_admin_user_id_fkey FOREIGN KEY (admin_user_id) REFERENCES admin_users (id)
);
CREATE INDEX idx_audit_logs_entity ON audit_logs (entity_type, entity_id);
CREATE INDEX idx_audit_logs_action_created ON audit_logs (action, created_at);
CREATE INDEX idx_audit_logs_user_created ON audit_logs (user_id, created_at);
CREATE INDEX idx_audit_logs_changes ON audit_logs USING gin (changes);
CREATE INDEX ix_audit_logs_action ON audit_logs (action);
CREATE INDEX ix_audit_logs_admin_user_id ON audit_logs (admin_user_id);
CREATE INDEX ix_audit_logs_created_at ON audit_logs (created_at);
CREATE INDEX ix_audit_logs_entity_id ON audit_logs (entity_id);
CREATE INDEX ix_audit_logs_entity_type ON audit_logs (entity_type);
CREATE INDEX ix_audit_logs_user_id ON audit_logs (user_id);

CREATE TABLE webhook_events (
    id            UUID         NOT NULL DEFAULT gen_random_uuid(),
    provider_name VARCHAR(50)  NOT NULL,
    provider_type providertype NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    event_id      VARCHAR(255),
    payload       JSONB        NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    processed_at  TIMESTAMPTZ,
    error_message TEXT,
    ip_address    VARCHAR(45),
    headers       JSONB,
    received_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT webhook_events_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_webhook_events_provider_type ON webhook_events (provider_name, event_type);
CREATE INDEX idx_webhook_events_status_received ON webhook_events (status, received_at);
CREATE INDEX idx_webhook_events_event_id ON webhook_events (provider_name, event_id);
CREATE INDEX idx_webhook_events_payload ON webhook_events USING gin (payload);
CREATE INDEX ix_webhook_events_event_id ON webhook_events (event_id);
CREATE INDEX ix_webhook_events_event_type ON webhook_events (event_type);
CREATE INDEX ix_webhook_events_provider_name ON webhook_events (provider_name);
CREATE INDEX ix_webhook_events_provider_type ON webhook_events (provider_type);
CREATE INDEX ix_webhook_events_received_at ON webhook_events (received_at);
CREATE INDEX ix_webhook_events_status ON webhook_events (status);
