-- Alembic 7db160b68c8f: contracts.periodicity_months and contracts.value_per_period.
ALTER TABLE contracts ADD COLUMN periodicity_months INTEGER;
ALTER TABLE contracts ADD COLUMN value_per_period NUMERIC(12, 2);
UPDATE alembic_version SET version_num = '7db160b68c8f';

-- the replaced system's "create contract" computes total_value from the period value over 8 years by default
INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, partner_id, activation_date, expiration_date, total_value, currency, periodicity_months, value_per_period) VALUES
 ('30000000-0000-4000-8000-000000000006', 'CNT-20260113-7DB160', NULL, 'ACTIVE', 'pennylane', 'c0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001', '2026-01-13 00:00:00+00', NULL, 7920.00, 'EUR', 12, 990.00),
 ('30000000-0000-4000-8000-000000000007', 'CNT-20260113-ZERO', NULL, 'ACTIVE', 'pennylane', 'c0000000-0000-4000-8000-000000000003', NULL, '2026-01-13 00:00:00+00', '2027-01-13 00:00:00+00', 0, NULL, 1, 0.00);
