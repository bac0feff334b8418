-- Catalog and pricing (issue 3). Adds only; runs on PostgreSQL 13.

-- Pricing mode of a product: VOLUME (the tier containing the quantity prices every unit, the default and the
-- behaviour of the seed system) or GRADUATED (each unit priced by the tier it falls in).
ALTER TABLE products ADD COLUMN pricing_mode VARCHAR(20) NOT NULL DEFAULT 'VOLUME';
ALTER TABLE products ADD CONSTRAINT check_products_pricing_mode CHECK (pricing_mode IN ('VOLUME', 'GRADUATED'));

-- Keyset pagination of the product list: newest first, ties broken by id.
CREATE INDEX ix_products_created_at_id ON products (created_at DESC, id DESC);

-- Tiers are always read per product, ordered by min_quantity.
CREATE INDEX ix_price_tiers_product_min ON price_tiers (product_id, min_quantity);

-- "Is this duration used by an order?" before deleting it (order_items.product_id is already indexed).
CREATE INDEX ix_order_items_duration_id ON order_items (duration_id);
