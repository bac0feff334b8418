-- Alembic c6907407f0af: pennylane_invoices.no_contract.
ALTER TABLE pennylane_invoices ADD COLUMN no_contract BOOLEAN DEFAULT false NOT NULL;
UPDATE alembic_version SET version_num = 'c6907407f0af';

UPDATE pennylane_invoices SET no_contract = true WHERE id = '72000000-0000-4000-8000-000000000003';
