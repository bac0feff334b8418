-- The billing provider's id of each company it bills (a partner, or a distributor billed directly): found or created
-- once, then reused for every later quote; copied onto the company's contracts (contracts.billing_customer_id).
-- A side table rather than a column of partners/distributors: the seed's company tables stay as they are, and a
-- company may be known to more than one billing provider over time. Only additions.
CREATE TABLE billing_customers (
    provider_name VARCHAR(50)  NOT NULL,
    company_id    UUID         NOT NULL,
    company_kind  VARCHAR(20)  NOT NULL,
    customer_id   VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT billing_customers_pkey PRIMARY KEY (provider_name, company_id),
    CONSTRAINT check_billing_customers_kind CHECK (company_kind IN ('partner', 'distributor'))
);
CREATE INDEX idx_billing_customers_company ON billing_customers (company_id);
