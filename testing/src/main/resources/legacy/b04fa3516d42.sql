-- Alembic b04fa3516d42: contracts.order_id nullable and no longer unique; pennylane_invoices.contract_id.
ALTER TABLE contracts ALTER COLUMN order_id DROP NOT NULL;
DROP INDEX ix_contracts_order_id;
CREATE INDEX ix_contracts_order_id ON contracts (order_id);
ALTER TABLE pennylane_invoices ADD COLUMN contract_id UUID;
CREATE INDEX ix_pennylane_invoices_contract_id ON pennylane_invoices (contract_id);
ALTER TABLE pennylane_invoices ADD FOREIGN KEY(contract_id) REFERENCES contracts (id) ON DELETE SET NULL;
UPDATE alembic_version SET version_num = 'b04fa3516d42';

-- a contract an administrator created without an order, a second contract on one order, an invoice linked
INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, billing_invoices, user_id, partner_id, distributor_id, activation_date, expiration_date, total_value, currency, notes_internal) VALUES
 ('30000000-0000-4000-8000-000000000003', 'CNT-20260113-3F9A1C', NULL, 'ACTIVE', 'pennylane', '"inv_77"', 'c0000000-0000-4000-8000-000000000003', NULL, NULL, '2026-01-13 00:00:00+00', NULL, 0, 'EUR', 'created without an order'),
 ('30000000-0000-4000-8000-000000000004', 'CNT-20260113-000004', '20000000-0000-4000-8000-000000000004', 'ACTIVE', 'pennylane', NULL, 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', NULL, '2026-01-13 00:00:00+00', '2032-01-13 00:00:00+00', 144.00, 'EUR', NULL),
 ('30000000-0000-4000-8000-000000000005', 'CNT-20260113-000005', '20000000-0000-4000-8000-000000000004', 'CANCELLED', 'pennylane', '[]', 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', NULL, '2026-01-13 00:00:00+00', NULL, 144.00, 'EUR', 'duplicate');
UPDATE pennylane_invoices SET contract_id = '30000000-0000-4000-8000-000000000001' WHERE id = '72000000-0000-4000-8000-000000000001';
