-- The replaced system's later structures, in every database (docs/legacy-data.md). Only additions: a database
-- adopted at a late Alembic revision already has these columns, with their rows, and keeps them as they are.

-- 1. Contract classification and billing cadence (Alembic 7db160b68c8f, 736c4265309c). NULL on contracts that
--    predate them; this service writes contract_type on the contracts it creates, never the cadence.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE t.typname = 'contracttype' AND n.nspname = current_schema()) THEN
        CREATE TYPE contracttype AS ENUM ('MSP', 'RESELLER', 'END_CUSTOMER', 'OTHER');
    END IF;
END $$;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS contract_type contracttype;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS periodicity_months INTEGER;
ALTER TABLE contracts ADD COLUMN IF NOT EXISTS value_per_period NUMERIC(12, 2);

-- 2. Where contracts.customer_id exists (Alembic 89e3af466eb3: NOT NULL, a Pennylane mirror customer), a contract
--    this service creates names the customer of what it bills: the contract it renews' customer, else the mirror
--    customer of its company (the partner, else the distributor) found by the reference this service gives
--    customers in Pennylane (external_reference prm-company-<id>), else by the company's registration number.
--    legacy_contract_customer() answers NULL when there is none: the service refuses the contract (422) before
--    inserting it.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'contracts' AND column_name = 'customer_id') THEN
        CREATE FUNCTION legacy_contract_customer(partner UUID, distributor UUID, renewed_from UUID) RETURNS UUID
        LANGUAGE sql STABLE AS $fn$
            SELECT coalesce(
                (SELECT c.customer_id FROM contracts c WHERE c.id = renewed_from),
                (SELECT pc.id FROM pennylane_customers pc
                  WHERE pc.external_reference = 'prm-company-' || coalesce(partner, distributor)::text
                  ORDER BY pc.synced_at DESC, pc.id LIMIT 1),
                (SELECT pc.id FROM pennylane_customers pc
                  WHERE btrim(pc.reg_no) <> '' AND btrim(pc.reg_no) = (
                        SELECT btrim(registration_number) FROM partners WHERE id = partner
                        UNION ALL
                        SELECT btrim(registration_number) FROM distributors WHERE id = distributor AND partner IS NULL
                        LIMIT 1)
                  ORDER BY pc.synced_at DESC, pc.id LIMIT 1))
        $fn$;
        CREATE FUNCTION legacy_contract_customer_id() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF NEW.customer_id IS NULL THEN
                NEW.customer_id := legacy_contract_customer(NEW.partner_id, NEW.distributor_id, NEW.renewed_from_id);
            END IF;
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER legacy_contract_customer_id BEFORE INSERT ON contracts
            FOR EACH ROW EXECUTE FUNCTION legacy_contract_customer_id();
    END IF;
END $$;

-- 3. The replaced system's API keys (legacy_api_keys, set aside at adoption) that still mean what they meant become
--    keys of this service, same id, prefix and bcrypt hash (ApiKeyService verifies bcrypt hashes): one owner (the
--    user when both are set, as the replaced system read it); '*' is read and write, 'read:*' read, 'write:*' write.
--    A key also limited to some resources ('read:leads'…) or to nothing cannot be expressed with this service's
--    scopes: it is copied revoked (adoption time), like an inactive key; a key without owner is not copied.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name = 'legacy_api_keys') THEN
        INSERT INTO api_keys (id, name, prefix, key_hash, owner_user_id, owner_admin_user_id, scopes, expires_at,
                              revoked_at, last_used_at, created_at)
        SELECT k.id, k.name, k.key_prefix, k.key_hash, k.user_id, CASE WHEN k.user_id IS NULL THEN k.admin_user_id END,
               coalesce(nullif(k.our_scopes, ''), 'read'), k.expires_at,
               CASE WHEN NOT k.is_active THEN coalesce(k.revoked_at, k.updated_at)
                    WHEN k.our_scopes = '' OR k.limited THEN coalesce(k.revoked_at, now())
                    ELSE k.revoked_at END,
               k.last_used_at, k.created_at
          FROM (SELECT l.*,
                       concat_ws(',', CASE WHEN l.scopes @> '["*"]' OR l.scopes @> '["read:*"]' THEN 'read' END,
                                      CASE WHEN l.scopes @> '["*"]' OR l.scopes @> '["write:*"]' THEN 'write' END) AS our_scopes,
                       EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.scopes) = 'array'
                                                                            THEN l.scopes ELSE '[]' END) s
                                WHERE s NOT IN ('*', 'read:*', 'write:*')) AS limited
                  FROM legacy_api_keys l) k
         WHERE (k.user_id IS NOT NULL OR k.admin_user_id IS NOT NULL)
           AND length(k.key_hash) <= 64 AND length(k.key_prefix) <= 16
        ON CONFLICT DO NOTHING;
    END IF;
END $$;
