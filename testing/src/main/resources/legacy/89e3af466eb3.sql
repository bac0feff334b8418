-- Alembic 89e3af466eb3: contracts.customer_id UUID NOT NULL, FK pennylane_customers ON DELETE SET NULL.
-- The published migration adds the NOT NULL column without a default, which fails on a table holding contracts; a
-- database with contracts reached this revision only as an operator would do it: add, fill, then set NOT NULL.
ALTER TABLE contracts ADD COLUMN customer_id UUID;
UPDATE contracts SET customer_id = CASE
    WHEN partner_id = 'b0000000-0000-4000-8000-000000000001' THEN '71000000-0000-4000-8000-000000000003'::uuid
    ELSE '71000000-0000-4000-8000-000000000001'::uuid END;
ALTER TABLE contracts ALTER COLUMN customer_id SET NOT NULL;
CREATE INDEX ix_contracts_customer_id ON contracts (customer_id);
ALTER TABLE contracts ADD FOREIGN KEY(customer_id) REFERENCES pennylane_customers (id) ON DELETE SET NULL;
UPDATE alembic_version SET version_num = '89e3af466eb3';

INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, partner_id, activation_date, total_value, currency, periodicity_months, value_per_period, customer_id) VALUES
 ('30000000-0000-4000-8000-000000000008', 'CNT-20260114-89E3AF', NULL, 'ACTIVE', 'pennylane', 'c0000000-0000-4000-8000-000000000003', NULL, '2026-01-14 00:00:00+00', 960.00, 'EUR', 1, 10.00, '71000000-0000-4000-8000-000000000002');
