-- The Pennylane mirror tables no Alembic migration creates: SQLAlchemy's create_all of app/models/pennylane.py as it
-- stood before 591f669a8f74 (that migration adds columns to pennylane_customers, b04fa3516d42 and c6907407f0af to
-- pennylane_invoices). index=True columns get ix_<table>_<column>; unique+index gives a unique index.
CREATE TABLE pennylane_connections (
    id UUID DEFAULT gen_random_uuid() NOT NULL,
    name VARCHAR(255) NOT NULL,
    api_token VARCHAR(500) NOT NULL,
    company_name VARCHAR(255),
    is_active BOOLEAN NOT NULL,
    last_sync_at TIMESTAMP WITH TIME ZONE,
    last_sync_status VARCHAR(50),
    last_sync_error TEXT,
    sync_invoices BOOLEAN NOT NULL,
    sync_quotes BOOLEAN NOT NULL,
    sync_subscriptions BOOLEAN NOT NULL,
    sync_customers BOOLEAN NOT NULL,
    created_by_id UUID,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(created_by_id) REFERENCES admin_users (id)
);
CREATE INDEX idx_pennylane_connections_active_sync ON pennylane_connections (is_active, last_sync_at);
CREATE UNIQUE INDEX ix_pennylane_connections_name ON pennylane_connections (name);
CREATE INDEX ix_pennylane_connections_is_active ON pennylane_connections (is_active);
CREATE INDEX ix_pennylane_connections_created_by_id ON pennylane_connections (created_by_id);

CREATE TABLE pennylane_invoices (
    id UUID DEFAULT gen_random_uuid() NOT NULL,
    connection_id UUID NOT NULL,
    pennylane_id VARCHAR(255) NOT NULL,
    invoice_number VARCHAR(100),
    status VARCHAR(50),
    customer_name VARCHAR(255),
    customer_id VARCHAR(255),
    amount NUMERIC(12, 2),
    currency VARCHAR(3),
    issue_date DATE,
    due_date DATE,
    paid_date DATE,
    pdf_url VARCHAR(1000),
    raw_data JSONB,
    synced_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_pennylane_invoice_connection_id UNIQUE (connection_id, pennylane_id),
    FOREIGN KEY(connection_id) REFERENCES pennylane_connections (id) ON DELETE CASCADE
);
CREATE INDEX idx_pennylane_invoices_status_date ON pennylane_invoices (status, issue_date);
CREATE INDEX idx_pennylane_invoices_customer ON pennylane_invoices (connection_id, customer_id);
CREATE INDEX idx_pennylane_invoices_raw_data ON pennylane_invoices USING gin (raw_data);
CREATE INDEX ix_pennylane_invoices_connection_id ON pennylane_invoices (connection_id);
CREATE INDEX ix_pennylane_invoices_pennylane_id ON pennylane_invoices (pennylane_id);
CREATE INDEX ix_pennylane_invoices_invoice_number ON pennylane_invoices (invoice_number);
CREATE INDEX ix_pennylane_invoices_status ON pennylane_invoices (status);
CREATE INDEX ix_pennylane_invoices_customer_name ON pennylane_invoices (customer_name);
CREATE INDEX ix_pennylane_invoices_customer_id ON pennylane_invoices (customer_id);
CREATE INDEX ix_pennylane_invoices_issue_date ON pennylane_invoices (issue_date);
CREATE INDEX ix_pennylane_invoices_due_date ON pennylane_invoices (due_date);

CREATE TABLE pennylane_quotes (
    id UUID DEFAULT gen_random_uuid() NOT NULL,
    connection_id UUID NOT NULL,
    pennylane_id VARCHAR(255) NOT NULL,
    quote_number VARCHAR(100),
    status VARCHAR(50),
    customer_name VARCHAR(255),
    customer_id VARCHAR(255),
    amount NUMERIC(12, 2),
    currency VARCHAR(3),
    issue_date DATE,
    valid_until DATE,
    accepted_at TIMESTAMP WITH TIME ZONE,
    raw_data JSONB,
    synced_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_pennylane_quote_connection_id UNIQUE (connection_id, pennylane_id),
    FOREIGN KEY(connection_id) REFERENCES pennylane_connections (id) ON DELETE CASCADE
);
CREATE INDEX idx_pennylane_quotes_status_date ON pennylane_quotes (status, issue_date);
CREATE INDEX idx_pennylane_quotes_customer ON pennylane_quotes (connection_id, customer_id);
CREATE INDEX idx_pennylane_quotes_raw_data ON pennylane_quotes USING gin (raw_data);
CREATE INDEX ix_pennylane_quotes_connection_id ON pennylane_quotes (connection_id);
CREATE INDEX ix_pennylane_quotes_pennylane_id ON pennylane_quotes (pennylane_id);
CREATE INDEX ix_pennylane_quotes_quote_number ON pennylane_quotes (quote_number);
CREATE INDEX ix_pennylane_quotes_status ON pennylane_quotes (status);
CREATE INDEX ix_pennylane_quotes_customer_name ON pennylane_quotes (customer_name);
CREATE INDEX ix_pennylane_quotes_customer_id ON pennylane_quotes (customer_id);
CREATE INDEX ix_pennylane_quotes_issue_date ON pennylane_quotes (issue_date);

CREATE TABLE pennylane_subscriptions (
    id UUID DEFAULT gen_random_uuid() NOT NULL,
    connection_id UUID NOT NULL,
    pennylane_id VARCHAR(255) NOT NULL,
    customer_name VARCHAR(255),
    customer_id VARCHAR(255),
    status VARCHAR(50),
    amount NUMERIC(12, 2),
    currency VARCHAR(3),
    interval VARCHAR(50),
    start_date DATE,
    next_billing_date DATE,
    cancelled_at TIMESTAMP WITH TIME ZONE,
    raw_data JSONB,
    synced_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_pennylane_subscription_connection_id UNIQUE (connection_id, pennylane_id),
    FOREIGN KEY(connection_id) REFERENCES pennylane_connections (id) ON DELETE CASCADE
);
CREATE INDEX idx_pennylane_subscriptions_status ON pennylane_subscriptions (status, start_date);
CREATE INDEX idx_pennylane_subscriptions_customer ON pennylane_subscriptions (connection_id, customer_id);
CREATE INDEX idx_pennylane_subscriptions_next_billing ON pennylane_subscriptions (next_billing_date);
CREATE INDEX idx_pennylane_subscriptions_raw_data ON pennylane_subscriptions USING gin (raw_data);
CREATE INDEX ix_pennylane_subscriptions_connection_id ON pennylane_subscriptions (connection_id);
CREATE INDEX ix_pennylane_subscriptions_pennylane_id ON pennylane_subscriptions (pennylane_id);
CREATE INDEX ix_pennylane_subscriptions_customer_name ON pennylane_subscriptions (customer_name);
CREATE INDEX ix_pennylane_subscriptions_customer_id ON pennylane_subscriptions (customer_id);
CREATE INDEX ix_pennylane_subscriptions_status ON pennylane_subscriptions (status);
CREATE INDEX ix_pennylane_subscriptions_start_date ON pennylane_subscriptions (start_date);
CREATE INDEX ix_pennylane_subscriptions_next_billing_date ON pennylane_subscriptions (next_billing_date);

CREATE TABLE pennylane_customers (
    id UUID DEFAULT gen_random_uuid() NOT NULL,
    connection_id UUID NOT NULL,
    pennylane_id VARCHAR(255) NOT NULL,
    name VARCHAR(255),
    first_name VARCHAR(255),
    last_name VARCHAR(255),
    email VARCHAR(255),
    phone VARCHAR(100),
    address VARCHAR(500),
    city VARCHAR(255),
    postal_code VARCHAR(50),
    country_code VARCHAR(10),
    vat_number VARCHAR(100),
    customer_type VARCHAR(50),
    raw_data JSONB,
    synced_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_pennylane_customer_connection_id UNIQUE (connection_id, pennylane_id),
    FOREIGN KEY(connection_id) REFERENCES pennylane_connections (id) ON DELETE CASCADE
);
CREATE INDEX idx_pennylane_customers_name ON pennylane_customers (name);
CREATE INDEX idx_pennylane_customers_email ON pennylane_customers (email);
CREATE INDEX idx_pennylane_customers_raw_data ON pennylane_customers USING gin (raw_data);
CREATE INDEX ix_pennylane_customers_connection_id ON pennylane_customers (connection_id);
CREATE INDEX ix_pennylane_customers_pennylane_id ON pennylane_customers (pennylane_id);
CREATE INDEX ix_pennylane_customers_name ON pennylane_customers (name);
CREATE INDEX ix_pennylane_customers_email ON pennylane_customers (email);

INSERT INTO pennylane_connections (id, name, api_token, company_name, is_active, last_sync_at, last_sync_status, last_sync_error, sync_invoices, sync_quotes, sync_subscriptions, sync_customers, created_by_id) VALUES
 ('70000000-0000-4000-8000-000000000001', 'Main company', 'plaintext-token-of-the-old-system', 'Tentabo SAS', true, '2026-01-10 02:00:00+00', 'partial', '1 invoice failed', true, true, false, true, 'a0000000-0000-4000-8000-000000000001');
INSERT INTO pennylane_customers (id, connection_id, pennylane_id, name, first_name, last_name, email, phone, address, city, postal_code, country_code, vat_number, customer_type, raw_data) VALUES
 ('71000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', '1001', 'Client SA', NULL, NULL, 'compta@client.example', NULL, '3 rue X', 'Paris', '75002', 'FR', 'FR00123456789', 'company', '{"id": 1001}'),
 ('71000000-0000-4000-8000-000000000002', '70000000-0000-4000-8000-000000000001', '1002', NULL, 'Jean', 'Dupont', 'nobody@localhost', '', NULL, NULL, NULL, 'France', NULL, 'individual', NULL);
INSERT INTO pennylane_invoices (id, connection_id, pennylane_id, invoice_number, status, customer_name, customer_id, amount, currency, issue_date, due_date, paid_date, pdf_url, raw_data) VALUES
 ('72000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', '9001', 'F-2026-0001', 'paid', 'Client SA', '1001', 9720.00, 'EUR', '2026-01-02', '2026-02-01', '2026-01-15', 'https://files.example/f1.pdf', '{"id": 9001}'),
 ('72000000-0000-4000-8000-000000000002', '70000000-0000-4000-8000-000000000001', '9002', NULL, 'draft', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}'),
 ('72000000-0000-4000-8000-000000000003', '70000000-0000-4000-8000-000000000001', '9003', 'F-2026-0003', 'finalized', 'Jean Dupont', '1002', -50.00, 'EUR', '2026-01-05', NULL, NULL, NULL, NULL);
INSERT INTO pennylane_quotes (id, connection_id, pennylane_id, quote_number, status, customer_name, customer_id, amount, currency, issue_date, valid_until, accepted_at, raw_data) VALUES
 ('73000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', 'q_1', 'D-2025-0001', 'accepted', 'Client SA', '1001', 9720.00, 'EUR', '2025-11-12', '2025-12-12', '2025-11-13 09:00:00+00', '{"id": "q_1"}');
INSERT INTO pennylane_subscriptions (id, connection_id, pennylane_id, customer_name, customer_id, status, amount, currency, interval, start_date, next_billing_date, cancelled_at, raw_data) VALUES
 ('74000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', 's_1', 'Client SA', '1001', 'active', 810.00, 'EUR', 'monthly', '2025-11-13', '2026-02-13', NULL, '{}');
