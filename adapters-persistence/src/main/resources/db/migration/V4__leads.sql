-- Issue 5: partners, distributors and the lead pipeline.
-- Only adds. Runs on PostgreSQL 13 with built-in features only (no pg_trgm, no extensions).

-- Full-text search over title, organization, contact name and contact email (the email split into its words so that
-- "acme" finds "ada@acme.example"). 'simple' configuration: no stemming, no stop words; names are not English prose.
ALTER TABLE leads ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig,
        coalesce(title, '') || ' ' || coalesce(organization, '') || ' ' || coalesce(contact_name, '') || ' '
        || regexp_replace(coalesce(contact_email, ''), '[^[:alnum:]]+', ' ', 'g'))
) STORED;
CREATE INDEX ix_leads_search_document ON leads USING gin (search_document);

-- Keyset pagination (newest first, ties by id) inside each scope; a status filter keeps the order from the index.
CREATE INDEX ix_leads_created_id ON leads (created_at, id);
CREATE INDEX ix_leads_status_created_id ON leads (status, created_at, id);
CREATE INDEX ix_leads_partner_created_id ON leads (partner_id, created_at, id);
CREATE INDEX ix_leads_partner_status_created_id ON leads (partner_id, status, created_at, id);
CREATE INDEX ix_leads_distributor_created_id ON leads (distributor_id, created_at, id);
CREATE INDEX ix_leads_distributor_status_created_id ON leads (distributor_id, status, created_at, id);

-- Partner and distributor lists: keyset on (name, id); search by name is a case-insensitive substring.
CREATE INDEX ix_partners_name_id ON partners (name, id);
CREATE INDEX ix_distributors_name_id ON distributors (name, id);

-- Scope resolution on every request of a distributor user: its active assignments.
CREATE INDEX ix_distributor_partners_active ON distributor_partners (distributor_id, partner_id) WHERE is_active;
