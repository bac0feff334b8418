-- The organisation keys of inserted leads remembered once per statement instead of once per row.
--
-- A first CRM import inserts a page of 500 leads with one statement; the row trigger of V30 computed prm_org_key (a
-- PL/pgSQL function) for each of them and ran one INSERT … ON CONFLICT per lead, a third of what inserting a lead cost
-- the database (docs/performance.md). The statement trigger reads the statement's new rows (a transition table),
-- computes the key once per distinct organisation and inserts the keys with one statement, in key order: two
-- transactions inserting leads at once take the locks of the keys they share in one order, so they never wait for
-- each other in a circle, whatever the order of their rows. Updates keep the row trigger (one lead at a time, and a
-- trigger with a column list cannot read transition tables). What customer_org_keys holds is unchanged.
CREATE FUNCTION prm_remember_inserted_lead_org_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_org_keys (org_key)
    SELECT k.org_key
    FROM (SELECT DISTINCT prm_org_key(o.organization) AS org_key
          FROM (SELECT DISTINCT organization FROM new_leads) o) k
    WHERE k.org_key IS NOT NULL AND k.org_key <> ''
    ORDER BY k.org_key
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

DROP TRIGGER leads_remember_org_key ON leads;
CREATE TRIGGER leads_remember_org_key AFTER UPDATE OF organization ON leads
    FOR EACH ROW EXECUTE FUNCTION prm_remember_lead_org_key();
CREATE TRIGGER leads_remember_inserted_org_keys AFTER INSERT ON leads REFERENCING NEW TABLE AS new_leads
    FOR EACH STATEMENT EXECUTE FUNCTION prm_remember_inserted_lead_org_keys();

-- The key itself, unchanged in what it answers (RegistrationMigrationTest compares it with the domain's CustomerKeys):
-- computed once per lead by the index of V15 and once per new organisation by the trigger, its translate() of the
-- accented letters was an eighth of what inserting a lead cost the database.
CREATE OR REPLACE FUNCTION prm_org_key(name TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    x    TEXT;
    t    TEXT;
    kept TEXT[] := '{}';
BEGIN
    IF name IS NULL THEN
        RETURN '';
    END IF;
    -- the ligatures and accented letters are all outside ASCII: a name in ASCII only (most are) skips their
    -- replacement, whose translate() walks its 174 letters for every character of the name
    IF octet_length(name) = length(name) AND getdatabaseencoding() = 'UTF8' THEN
        x := translate(name, '.''’', '');
    ELSE
        x := replace(replace(replace(replace(replace(name, 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'ß', 'ss');
        x := translate(x, '.''’', '');
        x := translate(x, 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěÌÍÎÏĨĪĬĮİìíîïĩīĭįıÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųÝŸŶýÿŷŹŻŽźżžŚŜŞŠśŝşšĞĜĠĢğĝġģĤĦĥħĴĵĶķĹĻĽĿŁĺļľŀłŔŖŘŕŗřŢŤŦţťŧŴŵ',
                          'AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeIIIIIIIIIiiiiiiiiiNNNNnnnnOOOOOOOOOoooooooooUUUUUUUUUUuuuuuuuuuuYYYyyyZZZzzzSSSSssssGGGGggggHHhhJjKkLLLLLlllllRRRrrrTTTtttWw');
    END IF;
    x := translate(x, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    x := btrim(regexp_replace(x, '[^a-z0-9]+', ' ', 'g'));
    FOREACH t IN ARRAY string_to_array(x, ' ') LOOP
        IF t <> '' AND NOT (t = ANY (ARRAY['sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'scs', 'snc', 'sci', 'scop', 'selarl', 'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'ltd', 'limited', 'plc', 'llp', 'lp', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'co', 'bv', 'nv', 'bvba', 'sprl', 'srl', 'spa', 'sl', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'pty', 'pte', 'kk', 'se'])) THEN
            kept := kept || t;
        END IF;
    END LOOP;
    RETURN array_to_string(kept, ' ');
END
$$;
