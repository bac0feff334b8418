-- Adoption of a database of the replaced system at an Alembic revision after a8e2b505fe67 (Flyway version 1.9, run
-- right after the baseline that names the revision, before V2). No legacy row or column is dropped or rewritten:
-- structures are renamed or completed, and every step only applies when the structure it handles is there.

-- 1. From 2919e6e03409: the replaced system's api_keys (bcrypt-hashed keys) become legacy_api_keys, with their
--    indexes and constraints renamed alike, so that V3 can create this service's api_keys. V12 copies the keys that
--    can still be used.
DO $$
DECLARE
    item RECORD;
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'api_keys' AND column_name = 'key_prefix') THEN
        ALTER TABLE api_keys RENAME TO legacy_api_keys;
        FOR item IN SELECT con.conname FROM pg_constraint con
                     WHERE con.conrelid = 'legacy_api_keys'::regclass AND con.conname LIKE 'api\_keys\_%' LOOP
            EXECUTE format('ALTER TABLE legacy_api_keys RENAME CONSTRAINT %I TO %I', item.conname, 'legacy_' || item.conname);
        END LOOP;
        FOR item IN SELECT i.indexname FROM pg_indexes i
                     WHERE i.schemaname = current_schema() AND i.tablename = 'legacy_api_keys'
                       AND i.indexname LIKE '%api\_keys\_%' AND i.indexname NOT LIKE '%legacy\_api\_keys%' LOOP
            EXECUTE format('ALTER INDEX %I RENAME TO %I', item.indexname,
                           replace(item.indexname, 'api_keys_', 'legacy_api_keys_'));
        END LOOP;
    END IF;
END $$;

-- 2. From 20251116233316: products.type (a product's type name, dropped by that revision in favour of
--    product_types and products.type_id) is given back, filled from product_types; products.type_id stays, and a
--    trigger keeps it pointing at the product_types row of the product's type name for every product this service
--    writes (creating the row, active, when the name is new).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'products' AND column_name = 'type_id')
       AND NOT EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'products' AND column_name = 'type') THEN
        ALTER TABLE products ADD COLUMN type VARCHAR(100);
        UPDATE products p SET type = pt.name FROM product_types pt WHERE pt.id = p.type_id;
        ALTER TABLE products ALTER COLUMN type SET NOT NULL;
        CREATE INDEX ix_products_type ON products (type);
        CREATE FUNCTION legacy_product_type_id() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.type IS NOT DISTINCT FROM OLD.type THEN
                RETURN NEW;
            END IF;
            SELECT id INTO NEW.type_id FROM product_types WHERE name = NEW.type;
            IF NEW.type_id IS NULL THEN
                INSERT INTO product_types (name, description, is_active)
                VALUES (NEW.type, 'Created by Tentabo PRM', true) ON CONFLICT (name) DO NOTHING;
                SELECT id INTO NEW.type_id FROM product_types WHERE name = NEW.type;
            END IF;
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER legacy_product_type_id BEFORE INSERT OR UPDATE OF type ON products
            FOR EACH ROW EXECUTE FUNCTION legacy_product_type_id();
    END IF;
END $$;
