-- Staff's decisions about the billing provider's invoices: attached by hand to a contract, or "not contract-related"
-- (contract_id null). The provider sync reads them and never undoes them: an invoice decided here stays where staff
-- put it, whatever quote it came from. One decision per (provider, invoice). Only additions.
CREATE TABLE billing_invoice_links (
    id                   UUID         NOT NULL,
    provider_name        VARCHAR(50)  NOT NULL,
    invoice_id           VARCHAR(255) NOT NULL,
    contract_id          UUID,
    decided_by_user_id   UUID,
    decided_by_admin_id  UUID,
    decided_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT billing_invoice_links_pkey PRIMARY KEY (id),
    CONSTRAINT billing_invoice_links_invoice_key UNIQUE (provider_name, invoice_id),
    CONSTRAINT billing_invoice_links_contract_id_fkey FOREIGN KEY (contract_id) REFERENCES contracts (id)
        ON DELETE CASCADE,
    CONSTRAINT billing_invoice_links_user_fkey FOREIGN KEY (decided_by_user_id) REFERENCES users (id),
    CONSTRAINT billing_invoice_links_admin_fkey FOREIGN KEY (decided_by_admin_id) REFERENCES admin_users (id)
);
CREATE INDEX idx_billing_invoice_links_contract ON billing_invoice_links (contract_id);
