-- Near matches of organisation names by trigram similarity (pg_trgm, with GIN indexes). Where the extension cannot be
-- installed (not shipped, or not allowed to this role), the migration still succeeds, says so, and conflicts are
-- matched exactly only (the service logs this at start too).
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'pg_trgm is not available (%): deal registration conflicts are matched exactly only', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX ix_registrations_org_key_trgm ON registrations USING gin (org_key gin_trgm_ops)';
        EXECUTE 'CREATE INDEX ix_leads_org_key_trgm ON leads USING gin (prm_org_key(organization) gin_trgm_ops)';
    END IF;
END
$$;
