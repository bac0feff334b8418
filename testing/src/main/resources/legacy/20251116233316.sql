-- Alembic 20251116233316 (add_product_types_table): product_types, one type per distinct products.type,
-- products.type_id (NOT NULL, FK) and products.type dropped. Its data step is part of the migration.
CREATE TABLE product_types (
    id UUID DEFAULT gen_random_uuid() NOT NULL,
    name VARCHAR(100) NOT NULL,
    description TEXT,
    is_active BOOLEAN DEFAULT true NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
);
CREATE INDEX ix_product_types_name ON product_types (name);
CREATE INDEX ix_product_types_is_active ON product_types (is_active);
INSERT INTO product_types (name, description, is_active, created_at, updated_at)
    SELECT DISTINCT type AS name, 'Migrated from existing products' AS description, true AS is_active,
           now() AS created_at, now() AS updated_at
    FROM products WHERE type IS NOT NULL AND type != ''
    ON CONFLICT (name) DO NOTHING;
ALTER TABLE products ADD COLUMN type_id UUID;
UPDATE products p SET type_id = pt.id FROM product_types pt WHERE p.type = pt.name;
ALTER TABLE products ALTER COLUMN type_id SET NOT NULL;
ALTER TABLE products ADD CONSTRAINT fk_products_type_id FOREIGN KEY(type_id) REFERENCES product_types (id);
CREATE INDEX ix_products_type_id ON products (type_id);
DROP INDEX ix_products_type;
ALTER TABLE products DROP COLUMN type;
UPDATE alembic_version SET version_num = '20251116233316';

-- managed by an administrator afterwards: a type no product uses, an inactive one, a product of a new type
INSERT INTO product_types (id, name, description, is_active) VALUES
 ('e2000000-0000-4000-8000-000000000001', 'license', NULL, true),
 ('e2000000-0000-4000-8000-000000000002', 'Retired', 'no longer sold', false);
INSERT INTO products (id, name, type_id, description, unit, is_active) VALUES
 ('e0000000-0000-4000-8000-000000000004', 'Seat License', 'e2000000-0000-4000-8000-000000000001', 'per seat', 'seat', 'true');
INSERT INTO price_tiers (id, product_id, min_quantity, max_quantity, price_per_unit, period) VALUES
 ('e1000000-0000-4000-8000-000000000006', 'e0000000-0000-4000-8000-000000000004', 1, NULL, 5.0000, 'month');
