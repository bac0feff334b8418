-- The conflict check's near names, searched among the distinct organisation keys instead of every lead's.
--
-- With 1,000,000 leads the GIN trigram index of V16 on prm_org_key(leads.organization) holds one entry per lead: the
-- posting lists of the common trigrams run to tens of thousands of rows, and decoding them took ~20 ms of every
-- submission (docs/performance.md). Customers repeat across leads (a customer has many leads, and many partners chase
-- the same ones), so the trigram search now runs over one row per distinct key — the organisation keys of every lead
-- and registration, kept by triggers — and the leads and registrations of the near keys are then read through their
-- B-tree key indexes (V15). The matching rule is unchanged: a lead or registration is a near match when the trigram
-- similarity of its own organisation key to the submitted one reaches the threshold.
--
-- Keys are only ever added (a key no longer held by any lead or registration finds nothing when joined back). Where
-- pg_trgm is absent the table and triggers exist all the same (conflicts are then matched exactly only).
CREATE TABLE customer_org_keys (
    org_key TEXT NOT NULL,
    CONSTRAINT customer_org_keys_pkey PRIMARY KEY (org_key),
    CONSTRAINT customer_org_keys_not_empty CHECK (org_key <> '')
);

CREATE FUNCTION prm_remember_org_key(k TEXT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO customer_org_keys (org_key) SELECT k WHERE k IS NOT NULL AND k <> '' ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION prm_remember_lead_org_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prm_remember_org_key(prm_org_key(NEW.organization));
    RETURN NULL;
END
$$;

CREATE FUNCTION prm_remember_registration_org_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM prm_remember_org_key(NEW.org_key);
    RETURN NULL;
END
$$;

CREATE TRIGGER leads_remember_org_key AFTER INSERT OR UPDATE OF organization ON leads
    FOR EACH ROW EXECUTE FUNCTION prm_remember_lead_org_key();
CREATE TRIGGER registrations_remember_org_key AFTER INSERT OR UPDATE OF org_key ON registrations
    FOR EACH ROW EXECUTE FUNCTION prm_remember_registration_org_key();

INSERT INTO customer_org_keys (org_key)
SELECT k FROM (SELECT prm_org_key(organization) AS k FROM leads UNION SELECT org_key FROM registrations) keys
WHERE k IS NOT NULL AND k <> ''
ON CONFLICT DO NOTHING;

-- The trigram index moves to the distinct keys; the per-row ones of V16 are no longer read by anything.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX ix_customer_org_keys_trgm ON customer_org_keys USING gin (org_key gin_trgm_ops)';
        EXECUTE 'DROP INDEX IF EXISTS ix_leads_org_key_trgm';
        EXECUTE 'DROP INDEX IF EXISTS ix_registrations_org_key_trgm';
    END IF;
END
$$;

ANALYZE customer_org_keys;
