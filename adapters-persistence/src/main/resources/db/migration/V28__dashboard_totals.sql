-- The dashboards' sums, kept by triggers so that a dashboard reads a few thousand summary rows instead of whole tables.
--
-- Every change to leads, orders or contracts (by this service, another instance or psql) appends its effect to
-- dashboard_deltas in the same transaction: one statement-level trigger per table and event, grouping the statement's
-- rows, so concurrent writers never wait for each other on a shared row. dashboard_fold() moves the deltas into
-- dashboard_totals (a job calls it every few seconds); a reader sums both tables in one statement, so what it reads is
-- exact at its snapshot whether the deltas were folded yet or not.
--
-- A row is one group: a kind of figure, the tenant keys of the scope rule (partner_id; distributor_id only on records
-- without a partner), a bucket (a status, or a UTC month YYYY-MM), a currency; with its row count, the count of rows
-- with an amount (a lead's value may be null), and the sum of the amounts.
--
-- Kinds: leads (by status, value), orders (by status, total_amount), orders_sent (the same, sent orders only),
-- fulfilled and fulfilled_sent (FULFILLED orders by month of fulfilled_at, net of tax), booked (orders sent and not
-- cancelled by month of sent_at, net of tax), mrr (ACTIVE contracts: total_value over the term in months).

CREATE TABLE dashboard_totals (
    kind           VARCHAR(16) NOT NULL,
    partner_id     UUID,
    distributor_id UUID,
    bucket         VARCHAR(32) NOT NULL,
    currency       VARCHAR(3),
    row_count      BIGINT      NOT NULL,
    valued_count   BIGINT      NOT NULL,
    amount         NUMERIC     NOT NULL
);
CREATE UNIQUE INDEX ux_dashboard_totals_group ON dashboard_totals (kind, bucket,
    COALESCE(partner_id, '00000000-0000-0000-0000-000000000000'::uuid),
    COALESCE(distributor_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(currency, ''));
CREATE INDEX ix_dashboard_totals_partner ON dashboard_totals (partner_id, kind);
CREATE INDEX ix_dashboard_totals_distributor ON dashboard_totals (distributor_id, kind) WHERE partner_id IS NULL;

-- The same sums for everything (an admin's dashboard), without the tenant keys: written only by the fold.
CREATE TABLE dashboard_rollup (
    kind         VARCHAR(16) NOT NULL,
    bucket       VARCHAR(32) NOT NULL,
    currency     VARCHAR(3),
    row_count    BIGINT      NOT NULL,
    valued_count BIGINT      NOT NULL,
    amount       NUMERIC     NOT NULL
);
CREATE UNIQUE INDEX ux_dashboard_rollup_group ON dashboard_rollup (kind, bucket, COALESCE(currency, ''));

CREATE TABLE dashboard_deltas (LIKE dashboard_totals);
CREATE INDEX ix_dashboard_deltas_kind ON dashboard_deltas (kind);

-- The groups one lead contributes to, signed (+1 for a row as it is now, -1 for a row as it was).
CREATE FUNCTION dashboard_lead_facts(p_status TEXT, p_currency TEXT, partner UUID, distributor UUID,
                                     lead_value NUMERIC, s INT)
    RETURNS TABLE (kind TEXT, partner_id UUID, distributor_id UUID, bucket TEXT, currency TEXT, n INT, v INT, a NUMERIC)
    LANGUAGE sql STABLE AS $$
    SELECT 'leads', partner, CASE WHEN partner IS NULL THEN distributor END, p_status, p_currency, s,
           CASE WHEN lead_value IS NULL THEN 0 ELSE s END, s * COALESCE(lead_value, 0)
$$;

CREATE FUNCTION dashboard_order_facts(p_status TEXT, p_currency TEXT, partner UUID, distributor UUID, total NUMERIC,
                                      tax NUMERIC, sent TIMESTAMPTZ, fulfilled TIMESTAMPTZ, s INT)
    RETURNS TABLE (kind TEXT, partner_id UUID, distributor_id UUID, bucket TEXT, currency TEXT, n INT, v INT, a NUMERIC)
    LANGUAGE sql STABLE AS $$
    SELECT f.kind, partner, CASE WHEN partner IS NULL THEN distributor END, f.bucket, p_currency, s,
           CASE WHEN f.a IS NULL THEN 0 ELSE s END, s * COALESCE(f.a, 0)
    FROM (VALUES ('orders', p_status, total, true),
                 ('orders_sent', p_status, total, sent IS NOT NULL),
                 ('fulfilled', to_char(fulfilled AT TIME ZONE 'UTC', 'YYYY-MM'), total - tax,
                  p_status = 'FULFILLED' AND fulfilled IS NOT NULL),
                 ('fulfilled_sent', to_char(fulfilled AT TIME ZONE 'UTC', 'YYYY-MM'), total - tax,
                  p_status = 'FULFILLED' AND fulfilled IS NOT NULL AND sent IS NOT NULL),
                 ('booked', to_char(sent AT TIME ZONE 'UTC', 'YYYY-MM'), total - tax,
                  sent IS NOT NULL AND p_status <> 'CANCELLED')) AS f (kind, bucket, a, applies)
    WHERE f.applies
$$;

-- A contract's monthly recurring revenue: its value over its term in whole months (the time from activation to
-- expiration over an average month of 30.436875 days, rounded, at least 1), rounded to the cent. Only ACTIVE ones.
CREATE FUNCTION dashboard_contract_facts(p_status TEXT, p_currency TEXT, partner UUID, distributor UUID,
                                         total NUMERIC, activated TIMESTAMPTZ, expires TIMESTAMPTZ, s INT)
    RETURNS TABLE (kind TEXT, partner_id UUID, distributor_id UUID, bucket TEXT, currency TEXT, n INT, v INT, a NUMERIC)
    LANGUAGE sql STABLE AS $$
    SELECT 'mrr', partner, CASE WHEN partner IS NULL THEN distributor END, p_status, p_currency, s,
           CASE WHEN total IS NULL THEN 0 ELSE s END,
           s * COALESCE(round(total / GREATEST(1, round(COALESCE(EXTRACT(EPOCH FROM expires - activated), 0)::numeric
                                                           / 2629746)), 2), 0)
    WHERE p_status = 'ACTIVE'
$$;

-- The statement's rows, grouped, appended as deltas (groups whose changes cancel out are left out).
CREATE FUNCTION dashboard_leads_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM new_rows r, dashboard_lead_facts(r.status::text, r.currency, r.partner_id, r.distributor_id, r.value, 1) f
        GROUP BY 1, 2, 3, 4, 5;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM old_rows r, dashboard_lead_facts(r.status::text, r.currency, r.partner_id, r.distributor_id, r.value, -1) f
        GROUP BY 1, 2, 3, 4, 5;
    ELSE
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM (SELECT g.* FROM new_rows r,
                  dashboard_lead_facts(r.status::text, r.currency, r.partner_id, r.distributor_id, r.value, 1) g
              UNION ALL
              SELECT g.* FROM old_rows r,
                  dashboard_lead_facts(r.status::text, r.currency, r.partner_id, r.distributor_id, r.value, -1) g) f
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(f.n) <> 0 OR sum(f.v) <> 0 OR sum(f.a) <> 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION dashboard_orders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM new_rows r, dashboard_order_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                               r.total_amount, r.tax_amount, r.sent_at, r.fulfilled_at, 1) f
        GROUP BY 1, 2, 3, 4, 5;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM old_rows r, dashboard_order_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                               r.total_amount, r.tax_amount, r.sent_at, r.fulfilled_at, -1) f
        GROUP BY 1, 2, 3, 4, 5;
    ELSE
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM (SELECT g.* FROM new_rows r,
                  dashboard_order_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                        r.total_amount, r.tax_amount, r.sent_at, r.fulfilled_at, 1) g
              UNION ALL
              SELECT g.* FROM old_rows r,
                  dashboard_order_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                        r.total_amount, r.tax_amount, r.sent_at, r.fulfilled_at, -1) g) f
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(f.n) <> 0 OR sum(f.v) <> 0 OR sum(f.a) <> 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION dashboard_contracts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM new_rows r, dashboard_contract_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                                  r.total_value, r.activation_date, r.expiration_date, 1) f
        GROUP BY 1, 2, 3, 4, 5;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM old_rows r, dashboard_contract_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                                  r.total_value, r.activation_date, r.expiration_date, -1) f
        GROUP BY 1, 2, 3, 4, 5;
    ELSE
        INSERT INTO dashboard_deltas
        SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
        FROM (SELECT g.* FROM new_rows r,
                  dashboard_contract_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                           r.total_value, r.activation_date, r.expiration_date, 1) g
              UNION ALL
              SELECT g.* FROM old_rows r,
                  dashboard_contract_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                           r.total_value, r.activation_date, r.expiration_date, -1) g) f
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(f.n) <> 0 OR sum(f.v) <> 0 OR sum(f.a) <> 0;
    END IF;
    RETURN NULL;
END
$$;

-- TRUNCATE fires no row or statement DELETE trigger: forget the table's groups.
CREATE FUNCTION dashboard_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM dashboard_totals WHERE kind = ANY (TG_ARGV);
    DELETE FROM dashboard_rollup WHERE kind = ANY (TG_ARGV);
    DELETE FROM dashboard_deltas WHERE kind = ANY (TG_ARGV);
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_dashboard_leads_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_leads_changed();
CREATE TRIGGER trg_dashboard_leads_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_leads_changed();
CREATE TRIGGER trg_dashboard_leads_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_leads_changed();
CREATE TRIGGER trg_dashboard_leads_truncate AFTER TRUNCATE ON leads
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated('leads');

CREATE TRIGGER trg_dashboard_orders_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_orders_changed();
CREATE TRIGGER trg_dashboard_orders_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_orders_changed();
CREATE TRIGGER trg_dashboard_orders_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_orders_changed();
CREATE TRIGGER trg_dashboard_orders_truncate AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated('orders', 'orders_sent', 'fulfilled', 'fulfilled_sent', 'booked');

CREATE TRIGGER trg_dashboard_contracts_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contracts_changed();
CREATE TRIGGER trg_dashboard_contracts_update AFTER UPDATE ON contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contracts_changed();
CREATE TRIGGER trg_dashboard_contracts_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contracts_changed();
CREATE TRIGGER trg_dashboard_contracts_truncate AFTER TRUNCATE ON contracts
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated('mrr');

-- Moves the deltas visible now into the totals (and the rollup); returns how many delta rows it moved. Safe to run anywhere, any time,
-- on several instances at once: a delta is deleted by one fold only, and its group is added in the same transaction.
CREATE FUNCTION dashboard_fold() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    moved BIGINT;
BEGIN
    WITH d AS (DELETE FROM dashboard_deltas RETURNING *),
         g AS (SELECT kind, partner_id, distributor_id, bucket, currency, sum(row_count) AS n,
                      sum(valued_count) AS v, sum(amount) AS a, count(*) AS c
               FROM d GROUP BY 1, 2, 3, 4, 5),
         up AS (INSERT INTO dashboard_totals AS t
                SELECT kind, partner_id, distributor_id, bucket, currency, n, v, a FROM g
                ON CONFLICT (kind, bucket, COALESCE(partner_id, '00000000-0000-0000-0000-000000000000'::uuid),
                             COALESCE(distributor_id, '00000000-0000-0000-0000-000000000000'::uuid),
                             COALESCE(currency, ''))
                DO UPDATE SET row_count = t.row_count + excluded.row_count,
                              valued_count = t.valued_count + excluded.valued_count,
                              amount = t.amount + excluded.amount
                RETURNING 1),
         everything AS (INSERT INTO dashboard_rollup AS r
                SELECT kind, bucket, currency, sum(n), sum(v), sum(a) FROM g GROUP BY 1, 2, 3
                ON CONFLICT (kind, bucket, COALESCE(currency, ''))
                DO UPDATE SET row_count = r.row_count + excluded.row_count,
                              valued_count = r.valued_count + excluded.valued_count,
                              amount = r.amount + excluded.amount
                RETURNING 1)
    SELECT COALESCE(sum(c), 0) INTO moved FROM g;
    DELETE FROM dashboard_totals WHERE row_count = 0 AND valued_count = 0 AND amount = 0;
    DELETE FROM dashboard_rollup WHERE row_count = 0 AND valued_count = 0 AND amount = 0;
    RETURN moved;
END
$$;

-- The rows already there.
INSERT INTO dashboard_deltas
SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
FROM leads r, dashboard_lead_facts(r.status::text, r.currency, r.partner_id, r.distributor_id, r.value, 1) f
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO dashboard_deltas
SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
FROM orders r, dashboard_order_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                     r.total_amount, r.tax_amount, r.sent_at, r.fulfilled_at, 1) f
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO dashboard_deltas
SELECT f.kind, f.partner_id, f.distributor_id, f.bucket, f.currency, sum(f.n), sum(f.v), sum(f.a)
FROM contracts r, dashboard_contract_facts(r.status::text, r.currency, r.partner_id, r.distributor_id,
                                           r.total_value, r.activation_date, r.expiration_date, 1) f
GROUP BY 1, 2, 3, 4, 5;
SELECT dashboard_fold();
