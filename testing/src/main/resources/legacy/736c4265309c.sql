-- Alembic 736c4265309c: enum contracttype and contracts.contract_type NOT NULL (default OTHER while adding it).
CREATE TYPE contracttype AS ENUM ('MSP', 'RESELLER', 'END_CUSTOMER', 'OTHER');
ALTER TABLE contracts ADD COLUMN contract_type contracttype DEFAULT 'OTHER' NOT NULL;
ALTER TABLE contracts ALTER COLUMN contract_type DROP DEFAULT;
UPDATE alembic_version SET version_num = '736c4265309c';

INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, partner_id, activation_date, total_value, currency, periodicity_months, value_per_period, customer_id, contract_type) VALUES
 ('30000000-0000-4000-8000-000000000009', 'CNT-20260114-MSP', NULL, 'ACTIVE', 'pennylane', 'c0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001', '2026-01-14 00:00:00+00', 3000.00, 'EUR', 3, 375.00, '71000000-0000-4000-8000-000000000003', 'MSP');
