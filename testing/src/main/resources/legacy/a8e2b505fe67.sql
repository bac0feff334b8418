-- Data of a Tentabo seed database at Alembic revision a8e2b505fe67 (schema 1.0.0: V1__seed_schema_1_0_0.sql plus
-- Alembic's own table). Odd but legal values, as the replaced system let them in: placeholder e-mails, country names
-- instead of codes, untrimmed and differently-cased types, booleans spelled as text, overlapping tiers starting at 0,
-- hex order numbers, NULL amounts, billing_invoices as an array and as an object.
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version (version_num) VALUES ('a8e2b505fe67');

INSERT INTO admin_users (id, username, password_hash, email, full_name, is_active, last_login, created_at, updated_at) VALUES
 ('a0000000-0000-4000-8000-000000000001', 'legacy.admin', '$2b$12$HoXJv5gNPsxjn88j.jryveDYo9t69ZvLVbJWSE47OIIMcz..teySy', 'admin@localhost', 'Legacy Admin', true, '2025-11-12 09:00:00+00', '2025-11-12 08:00:00+00', '2025-11-12 08:00:00+00'),
 ('a0000000-0000-4000-8000-000000000002', 'legacy.longpass', '$2b$12$SoRCfh8Jn0Ei21DuApf4BekQQC./SPuz.sMy29ls7AoX6PBfTHjcy', 'noreply@example.com', NULL, true, NULL, '2025-11-12 08:01:00+00', '2025-11-12 08:01:00+00'),
 ('a0000000-0000-4000-8000-000000000003', ' Old Admin ', '$2b$10$ndn0Dr4ktJfxOncz/MyOq.AteeqWQt4CkIIbWJZKf9mShR/pLfvK6', 'old-admin@example', 'Old', false, NULL, '2025-11-12 08:02:00+00', '2025-11-12 08:02:00+00');

INSERT INTO distributors (id, name, legal_name, registration_number, email, phone, website, address_line1, city, postal_code, country, notes, is_active) VALUES
 ('d0000000-0000-4000-8000-000000000001', 'Distri Europe', 'Distri Europe SAS', 'FR-DIST-001', 'contact@distri.example', '+33 1 00 00 00 00', 'distri.example', '1 rue du Commerce', 'Paris', '75001', 'France', NULL, true),
 ('d0000000-0000-4000-8000-000000000002', 'Nordic Distribution', NULL, NULL, 'n/a', NULL, NULL, NULL, NULL, NULL, 'Deutschland', 'imported from a spreadsheet', true);

INSERT INTO partners (id, name, legal_name, registration_number, email, phone, website, address_line1, address_line2, city, postal_code, country, notes, is_active) VALUES
 ('b0000000-0000-4000-8000-000000000001', 'Acme IT', 'ACME IT SARL', '552100554', 'billing@acme.example', '01 23 45 67 89', 'http://acme.example', '12 avenue des Champs', 'Bât. B', 'Lyon', '69000', 'France', NULL, true),
 ('b0000000-0000-4000-8000-000000000002', ' Partner with spaces ', NULL, NULL, 'partner@localhost', 'unknown', 'www', NULL, NULL, NULL, NULL, 'United Kingdom', 'long-time reseller', true),
 ('b0000000-0000-4000-8000-000000000003', 'Dormant Partner', NULL, 'BE0123456789', 'x@y', NULL, NULL, NULL, NULL, NULL, NULL, 'Belgique', NULL, false);

INSERT INTO distributor_partners (id, distributor_id, partner_id, assigned_by, is_active, notes) VALUES
 ('dd000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', true, ''),
 ('dd000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', NULL, false, 'ended');

INSERT INTO users (id, provider, provider_id, email, username, full_name, role, is_enabled, enabled_by, enabled_at, partner_id, distributor_id) VALUES
 ('c0000000-0000-4000-8000-000000000001', 'oxiadmin_ldap', 'uid=jdoe,ou=people,dc=acme', 'user@example.com', 'jdoe', 'J. Doe', 'PARTNER', true, 'a0000000-0000-4000-8000-000000000001', '2025-11-12 10:00:00+00', 'b0000000-0000-4000-8000-000000000001', NULL),
 ('c0000000-0000-4000-8000-000000000002', 'oxiadmin_ldap', 'uid=dist,ou=people,dc=acme', 'dist@localhost', NULL, NULL, 'DISTRIBUTOR', true, NULL, NULL, NULL, 'd0000000-0000-4000-8000-000000000001'),
 ('c0000000-0000-4000-8000-000000000003', 'oxiadmin_ldap', 'uid=ful', 'fulfiller@example.com', 'ful', NULL, 'FULFILLER', true, NULL, NULL, NULL, NULL),
 ('c0000000-0000-4000-8000-000000000004', 'oxiadmin_ldap', 'uid=pending', 'pending@example.com', 'pending', NULL, 'PARTNER', false, NULL, NULL, 'b0000000-0000-4000-8000-000000000002', NULL);

INSERT INTO products (id, name, type, description, unit, is_active) VALUES
 ('e0000000-0000-4000-8000-000000000001', 'Backup Appliance', 'appliance', 'A box', 'unit', 'true'),
 ('e0000000-0000-4000-8000-000000000002', 'Cloud Storage', 'storage', NULL, 'TB', 'True '),
 ('e0000000-0000-4000-8000-000000000003', 'Old Storage', 'Storage ', '', 'TB', 'no');

INSERT INTO price_tiers (id, product_id, min_quantity, max_quantity, price_per_unit, period) VALUES
 ('e1000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 0, NULL, 990.0000, 'year'),
 ('e1000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000002', 0, 10, 20.0000, 'month'),
 ('e1000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000002', 5, 50, 15.5000, 'month'),
 ('e1000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000002', 51, NULL, 12.0000, 'month'),
 ('e1000000-0000-4000-8000-000000000005', 'e0000000-0000-4000-8000-000000000003', 1, 2, 0.0100, 'year');

INSERT INTO durations (id, months, discount_percentage, name) VALUES
 ('f0000000-0000-4000-8000-000000000001', 12, 0.00, '1 year'),
 ('f0000000-0000-4000-8000-000000000002', 36, 12.50, ''),
 ('f0000000-0000-4000-8000-000000000003', 240, 100.00, '20 years, free');

INSERT INTO leads (id, provider_name, provider_id, title, organization, contact_name, contact_email, contact_phone, status, owner_id, partner_id, distributor_id, value, currency, probability, provider_metadata) VALUES
 ('10000000-0000-4000-8000-000000000001', 'pipedrive', '1042', 'Big deal', 'Client SA', 'Jane', 'jane@localhost', 'n/a', 'QUALIFIED', 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', NULL, 1234.56, 'EUR', 0, '{"deal_id": 1042, "country": "France"}'),
 ('10000000-0000-4000-8000-000000000002', 'manual', NULL, '', ' ', '?', NULL, NULL, 'NEW', 'c0000000-0000-4000-8000-000000000002', NULL, 'd0000000-0000-4000-8000-000000000001', NULL, NULL, NULL, NULL),
 ('10000000-0000-4000-8000-000000000003', 'pipedrive', '77', 'Lost one', 'Gone GmbH', 'Hans', 'hans@example.com', '+49', 'LOST', 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', NULL, 0.00, 'eur', 100, '[]');

INSERT INTO lead_activities (id, lead_id, provider_name, activity_type, subject, description, due_date, done, user_id) VALUES
 ('11000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'pipedrive', 'call', 'First call', NULL, '2025-11-20 10:00:00+00', 'yes', 'c0000000-0000-4000-8000-000000000001'),
 ('11000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'pipedrive', 'lunch', '', 'an unknown activity type', NULL, 'false', NULL);

INSERT INTO lead_notes (id, lead_id, content, created_by_user_id) VALUES
 ('12000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Customer wants 60 TB', 'c0000000-0000-4000-8000-000000000001'),
 ('12000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', ' ', NULL);

INSERT INTO lead_status_history (id, lead_id, old_status, new_status, changed_by_user_id, reason) VALUES
 ('13000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'NEW', 'QUALIFIED', 'c0000000-0000-4000-8000-000000000001', 'call went well'),
 ('13000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000003', NULL, 'LOST', NULL, NULL);

INSERT INTO orders (id, order_number, status, lead_id, created_by, partner_id, distributor_id, subtotal, discount_amount, tax_amount, total_amount, billing_provider, billing_quote_id, billing_metadata, crm_metadata, fulfilled_at, created_at) VALUES
 ('20000000-0000-4000-8000-000000000001', 'ORD-20251112-A1B2C3', 'FULFILLED', '10000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 9000.00, 900.00, 1620.00, 9720.00, 'pennylane', 'q_1', '{"quote": {"id": 1}}', NULL, '2025-11-13 10:00:00+00', '2025-11-12 11:00:00+00'),
 ('20000000-0000-4000-8000-000000000002', 'ORD-FF00EE', 'FULFILLED', NULL, 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', NULL, 990.00, 0.00, 198.00, 1188.00, NULL, NULL, NULL, '{"deal": "x"}', '2025-11-14 10:00:00+00', '2025-11-12 12:00:00+00'),
 ('20000000-0000-4000-8000-000000000003', 'ORD-20251112-00BEEF', 'SENT', NULL, 'c0000000-0000-4000-8000-000000000002', NULL, 'd0000000-0000-4000-8000-000000000001', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-11-12 13:00:00+00'),
 ('20000000-0000-4000-8000-000000000004', 'ORD-20251112-000004', 'FULFILLED', NULL, 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', NULL, 120.00, 0.00, 24.00, 144.00, NULL, NULL, NULL, NULL, '2025-11-15 10:00:00+00', '2025-11-12 14:00:00+00');

INSERT INTO order_items (id, order_id, product_id, duration_id, quantity, unit_price, discount_percentage, subtotal, discount_amount, total, product_name, product_type, product_unit, duration_months) VALUES
 ('21000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', 'f0000000-0000-4000-8000-000000000001', 60, 15.0000, 10.00, 9000.00, 900.00, 8100.00, 'Cloud Storage', 'storage', 'TB', 12),
 ('21000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000001', 1, 990.0000, NULL, 990.00, 0.00, 990.00, 'Backup Appliance', 'appliance', 'unit', 12),
 ('21000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000003', 'f0000000-0000-4000-8000-000000000002', 2, 0.0100, 12.50, 0.02, 0.00, 0.02, 'Old Storage', 'Storage ', 'TB', 36),
 ('21000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000004', 'e0000000-0000-4000-8000-000000000002', 'f0000000-0000-4000-8000-000000000001', 6, 20.0000, 0, 120.00, 0.00, 120.00, 'Cloud Storage', 'storage', 'TB', 12);

INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, billing_customer_id, billing_invoices, billing_metadata, user_id, partner_id, distributor_id, activation_date, expiration_date, total_value, currency, notes_internal, created_at) VALUES
 ('30000000-0000-4000-8000-000000000001', 'CNT-20251113-000001', '20000000-0000-4000-8000-000000000001', 'ACTIVE', 'pennylane', 'cust_1', '["inv_1", "inv_2"]', '{"plan": "yearly"}', 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '2025-11-13 10:00:00+00', '2031-11-13 10:00:00+00', 9720.00, 'EUR', NULL, '2025-11-13 10:00:00+00'),
 ('30000000-0000-4000-8000-000000000002', 'CNT-0xBEEF', '20000000-0000-4000-8000-000000000002', 'EXPIRED', 'none', NULL, '{"invoices": []}', NULL, 'c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', NULL, '2024-11-14 10:00:00+00', '2025-11-14 10:00:00+00', 1188.00, NULL, 'old contract', '2025-11-14 10:00:00+00');

INSERT INTO notes (id, order_id, contract_id, content, is_internal, is_pinned, created_by) VALUES
 ('40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', NULL, 'Customer asked for a yearly invoice', false, NULL, 'c0000000-0000-4000-8000-000000000001'),
 ('40000000-0000-4000-8000-000000000002', NULL, '30000000-0000-4000-8000-000000000001', '', true, true, 'c0000000-0000-4000-8000-000000000003');

INSERT INTO provider_configs (id, provider_type, provider_name, is_active, configuration, credentials, health_status) VALUES
 ('50000000-0000-4000-8000-000000000001', 'CRM', 'pipedrive', false, '{"company_domain": "acme"}', NULL, 'unknown'),
 ('50000000-0000-4000-8000-000000000002', 'AUTH', 'oxiadmin_ldap', true, '{"base_dn": "dc=acme"}', NULL, NULL),
 ('50000000-0000-4000-8000-000000000003', 'BILLING', 'pennylane', false, '{}', '{"api_key": "legacy-plaintext"}', 'healthy');

INSERT INTO provider_sync_logs (id, provider_id, sync_type, entity_type, direction, status, records_synced, records_failed, error_details, completed_at) VALUES
 ('51000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001', 'incremental', 'lead', 'inbound', 'success', 3, 0, NULL, '2025-11-12 02:31:00+00');

INSERT INTO audit_logs (id, admin_user_id, user_id, action, entity_type, entity_id, changes, ip_address, user_agent) VALUES
 ('52000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', NULL, 'create', 'order', '20000000-0000-4000-8000-000000000001', '{"status": {"after": "CREATED"}}', '10.0.0.1', 'Mozilla'),
 ('52000000-0000-4000-8000-000000000002', NULL, 'c0000000-0000-4000-8000-000000000001', 'LOGIN', 'user', 'c0000000-0000-4000-8000-000000000001', NULL, NULL, NULL);

INSERT INTO webhook_events (id, provider_type, provider_name, event_type, event_id, payload, headers, status, processed_at, ip_address) VALUES
 ('53000000-0000-4000-8000-000000000001', 'CRM', 'pipedrive', 'updated.deal', 'evt-1', '{"current": {"id": 1042}}', '{"X-Test": "1"}', 'processed', '2025-11-12 12:00:01+00', '127.0.0.1');
