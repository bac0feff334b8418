-- A counter that moves with every committed change to the pricing catalog (products, price tiers, durations),
-- whoever makes it (this service, another instance, a person with psql): the service keeps catalog rows in memory
-- and compares this counter in a round trip it makes anyway, so that it never prices with rows older than the
-- database's.
CREATE TABLE catalog_revision (
    id       BOOLEAN NOT NULL DEFAULT true,
    revision BIGINT  NOT NULL,
    CONSTRAINT catalog_revision_pkey PRIMARY KEY (id),
    CONSTRAINT check_catalog_revision_single_row CHECK (id)
);
INSERT INTO catalog_revision (id, revision) VALUES (true, 1);

CREATE FUNCTION bump_catalog_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER products_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_revision();
CREATE TRIGGER price_tiers_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON price_tiers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_revision();
CREATE TRIGGER durations_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON durations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_revision();
