-- Deal registration, channel conflict and the partner programme. Only additions: the seed's tables keep their facts.

-- The normalised customer keys, exactly as the domain computes them (CustomerKeys): accents folded with one fixed
-- table, ASCII letters lower-cased, no locale involved. IMMUTABLE, so that leads can be matched through indexes on them.
CREATE FUNCTION prm_org_key(name TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    x    TEXT;
    t    TEXT;
    kept TEXT[] := '{}';
BEGIN
    IF name IS NULL THEN
        RETURN '';
    END IF;
    x := replace(replace(replace(replace(replace(name, 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'ß', 'ss');
    x := translate(x, '.''’', '');
    x := translate(x, 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěÌÍÎÏĨĪĬĮİìíîïĩīĭįıÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųÝŸŶýÿŷŹŻŽźżžŚŜŞŠśŝşšĞĜĠĢğĝġģĤĦĥħĴĵĶķĹĻĽĿŁĺļľŀłŔŖŘŕŗřŢŤŦţťŧŴŵ',
                      'AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeIIIIIIIIIiiiiiiiiiNNNNnnnnOOOOOOOOOoooooooooUUUUUUUUUUuuuuuuuuuuYYYyyyZZZzzzSSSSssssGGGGggggHHhhJjKkLLLLLlllllRRRrrrTTTtttWw');
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

CREATE FUNCTION prm_domain_key(address TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    x      TEXT;
    labels TEXT[];
    n      INTEGER;
    keep   INTEGER;
BEGIN
    IF address IS NULL OR length(address) > 255 THEN
        RETURN NULL;
    END IF;
    x := translate(btrim(address, ' '), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    IF x = '' THEN
        RETURN NULL;
    END IF;
    x := regexp_replace(x, '^.*@', '');
    x := regexp_replace(x, '^[a-z][a-z0-9+.-]*://', '');
    x := regexp_replace(x, '[/?#:].*$', '');
    x := regexp_replace(x, '\.+$', '');
    IF x !~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$' THEN
        RETURN NULL;
    END IF;
    labels := string_to_array(x, '.');
    n := array_length(labels, 1);
    keep := CASE WHEN n >= 3 AND labels[n - 1] = ANY (ARRAY['co', 'com', 'org', 'net', 'gov', 'gouv', 'ac', 'edu']) AND length(labels[n]) = 2
                 THEN 3 ELSE 2 END;
    RETURN array_to_string(labels[n - keep + 1:n], '.');
END
$$;

-- other partners' open leads are matched by these keys (conflict detection at submission)
CREATE INDEX ix_leads_org_key ON leads (prm_org_key(organization));
CREATE INDEX ix_leads_domain_key ON leads (prm_domain_key(contact_email));

CREATE TABLE programme_levels (
    id                            UUID           NOT NULL,
    name                          VARCHAR(100)   NOT NULL,
    rank                          INTEGER        NOT NULL,
    discount_percentage           NUMERIC(5, 2)  NOT NULL DEFAULT 0,
    registration_bonus_percentage NUMERIC(5, 2)  NOT NULL DEFAULT 0,
    protection_days               INTEGER        NOT NULL DEFAULT 90,
    min_trailing_bookings         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    min_won_registrations         INTEGER        NOT NULL DEFAULT 0,
    created_at                    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at                    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CONSTRAINT programme_levels_pkey PRIMARY KEY (id),
    CONSTRAINT uq_programme_levels_name UNIQUE (name),
    CONSTRAINT uq_programme_levels_rank UNIQUE (rank),
    CONSTRAINT check_level_discount CHECK (discount_percentage BETWEEN 0 AND 100),
    CONSTRAINT check_level_bonus CHECK (registration_bonus_percentage BETWEEN 0 AND 100),
    CONSTRAINT check_level_protection CHECK (protection_days BETWEEN 1 AND 3650),
    CONSTRAINT check_level_thresholds CHECK (min_trailing_bookings >= 0 AND min_won_registrations >= 0)
);

-- one level per partner at a time; the rows before it are its history
CREATE TABLE partner_levels (
    id                   UUID        NOT NULL,
    partner_id           UUID        NOT NULL,
    level_id             UUID        NOT NULL,
    valid_from           TIMESTAMPTZ NOT NULL,
    valid_to             TIMESTAMPTZ,
    assigned_by_user_id  UUID,
    assigned_by_admin_id UUID,
    reason               TEXT,
    CONSTRAINT partner_levels_pkey PRIMARY KEY (id),
    CONSTRAINT partner_levels_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id) ON DELETE CASCADE,
    CONSTRAINT partner_levels_level_id_fkey FOREIGN KEY (level_id) REFERENCES programme_levels (id)
);
CREATE UNIQUE INDEX ux_partner_levels_current ON partner_levels (partner_id) WHERE valid_to IS NULL;
CREATE INDEX ix_partner_levels_partner ON partner_levels (partner_id, valid_from DESC);
CREATE INDEX ix_partner_levels_level ON partner_levels (level_id);

CREATE TABLE registrations (
    id                        UUID           NOT NULL,
    lead_id                   UUID           NOT NULL,
    partner_id                UUID,
    distributor_id            UUID,
    submitted_by              UUID,
    status                    VARCHAR(20)    NOT NULL,
    organization              VARCHAR(255)   NOT NULL,
    registration_number       VARCHAR(50),
    domain                    VARCHAR(255),
    org_key                   VARCHAR(255)   NOT NULL,
    registration_key          VARCHAR(60),
    domain_key                VARCHAR(255),
    expected_products         TEXT,
    expected_value            NUMERIC(12, 2),
    currency                  VARCHAR(3),
    conflict                  VARCHAR(20)    NOT NULL DEFAULT 'NONE',
    protection_ends_at        TIMESTAMPTZ,
    extension_requested_until TIMESTAMPTZ,
    extension_request_reason  TEXT,
    extended                  BOOLEAN        NOT NULL DEFAULT false,
    decision_reason           TEXT,
    decided_at                TIMESTAMPTZ,
    submitted_at              TIMESTAMPTZ    NOT NULL,
    created_at                TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version                   BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT registrations_pkey PRIMARY KEY (id),
    CONSTRAINT registrations_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE,
    CONSTRAINT registrations_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT registrations_distributor_id_fkey FOREIGN KEY (distributor_id) REFERENCES distributors (id),
    CONSTRAINT registrations_submitted_by_fkey FOREIGN KEY (submitted_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT check_registration_status
        CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED', 'EXPIRED', 'CONVERTED')),
    CONSTRAINT check_registration_conflict CHECK (conflict IN ('NONE', 'OVERLAP', 'CONFLICT', 'INCUMBENT')),
    CONSTRAINT check_registration_protection CHECK (status <> 'APPROVED' OR protection_ends_at IS NOT NULL)
);
-- a lead has at most one live registration (a REJECTED or EXPIRED one may be followed by a new one)
CREATE UNIQUE INDEX ux_registrations_live_lead ON registrations (lead_id)
    WHERE status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'CONVERTED');
CREATE INDEX ix_registrations_created_id ON registrations (created_at DESC, id DESC);
CREATE INDEX ix_registrations_status_created ON registrations (status, created_at DESC, id DESC);
CREATE INDEX ix_registrations_partner_created ON registrations (partner_id, created_at DESC, id DESC);
CREATE INDEX ix_registrations_distributor_created ON registrations (distributor_id, created_at DESC, id DESC);
CREATE INDEX ix_registrations_org_key ON registrations (org_key);
CREATE INDEX ix_registrations_registration_key ON registrations (registration_key) WHERE registration_key IS NOT NULL;
CREATE INDEX ix_registrations_domain_key ON registrations (domain_key) WHERE domain_key IS NOT NULL;
CREATE INDEX ix_registrations_protection_due ON registrations (protection_ends_at) WHERE status = 'APPROVED';

CREATE TABLE registration_history (
    id              UUID        NOT NULL,
    registration_id UUID        NOT NULL,
    action          VARCHAR(30) NOT NULL,
    from_status     VARCHAR(20),
    to_status       VARCHAR(20) NOT NULL,
    reason          TEXT,
    user_id         UUID,
    admin_user_id   UUID,
    at              TIMESTAMPTZ NOT NULL,
    CONSTRAINT registration_history_pkey PRIMARY KEY (id),
    CONSTRAINT registration_history_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES registrations (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_registration_history_registration ON registration_history (registration_id, at, id);

-- the programme's share of each order line (d stays in discount_percentage) and the registration an order came from
ALTER TABLE order_items ADD COLUMN partner_discount_percentage NUMERIC(5, 2) NOT NULL DEFAULT 0;
ALTER TABLE order_items ADD COLUMN registration_bonus_percentage NUMERIC(5, 2) NOT NULL DEFAULT 0;
ALTER TABLE order_items ADD CONSTRAINT check_item_programme_discounts
    CHECK (partner_discount_percentage BETWEEN 0 AND 100 AND registration_bonus_percentage BETWEEN 0 AND 100);
ALTER TABLE orders ADD COLUMN registration_id UUID;
ALTER TABLE orders ADD CONSTRAINT orders_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES registrations (id)
    ON DELETE SET NULL;

-- orders placed by a partner for a customer another partner's approved registration protects: flagged to staff
CREATE TABLE registration_order_flags (
    order_id        UUID        NOT NULL,
    registration_id UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT registration_order_flags_pkey PRIMARY KEY (order_id, registration_id),
    CONSTRAINT registration_order_flags_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT registration_order_flags_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES registrations (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_registration_order_flags_registration ON registration_order_flags (registration_id);
