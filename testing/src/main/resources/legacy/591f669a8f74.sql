-- Alembic 591f669a8f74: fourteen columns added to pennylane_customers (which create_all made).
ALTER TABLE pennylane_customers ADD COLUMN delivery_address VARCHAR(500);
ALTER TABLE pennylane_customers ADD COLUMN delivery_city VARCHAR(200);
ALTER TABLE pennylane_customers ADD COLUMN delivery_postal_code VARCHAR(20);
ALTER TABLE pennylane_customers ADD COLUMN delivery_country_code VARCHAR(10);
ALTER TABLE pennylane_customers ADD COLUMN reg_no VARCHAR(50);
ALTER TABLE pennylane_customers ADD COLUMN recipient VARCHAR(200);
ALTER TABLE pennylane_customers ADD COLUMN reference VARCHAR(100);
ALTER TABLE pennylane_customers ADD COLUMN external_reference VARCHAR(100);
ALTER TABLE pennylane_customers ADD COLUMN billing_language VARCHAR(10);
ALTER TABLE pennylane_customers ADD COLUMN payment_conditions VARCHAR(50);
ALTER TABLE pennylane_customers ADD COLUMN notes TEXT;
ALTER TABLE pennylane_customers ADD COLUMN billing_iban VARCHAR(50);
ALTER TABLE pennylane_customers ADD COLUMN pennylane_created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pennylane_customers ADD COLUMN pennylane_updated_at TIMESTAMP WITH TIME ZONE;
UPDATE alembic_version SET version_num = '591f669a8f74';

-- the partner Acme IT as a Pennylane customer (same registration number), synced with the richer fields
INSERT INTO pennylane_customers (id, connection_id, pennylane_id, name, email, address, city, postal_code, country_code, customer_type, raw_data, delivery_address, delivery_city, delivery_country_code, reg_no, recipient, reference, external_reference, billing_language, payment_conditions, notes, billing_iban, pennylane_created_at) VALUES
 ('71000000-0000-4000-8000-000000000003', '70000000-0000-4000-8000-000000000001', '1003', 'ACME IT SARL', 'billing@acme.example', '12 avenue des Champs', 'Lyon', '69000', 'FR', 'company', '{"id": 1003}', 'Bât. B', 'Lyon', 'France', '552100554', 'Compta', 'ACME', NULL, 'fr_FR', '30_days', 'reseller', 'FR76 0000 0000 0000', '2025-01-01 00:00:00+00');
