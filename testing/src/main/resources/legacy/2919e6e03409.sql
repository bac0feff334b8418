-- Alembic 2919e6e03409 (add_api_keys_table_for_authentication), as the published migration creates it.
CREATE TABLE api_keys (
    id UUID NOT NULL,
    user_id UUID,
    admin_user_id UUID,
    name VARCHAR(100) NOT NULL,
    key_hash VARCHAR(255) NOT NULL,
    key_prefix VARCHAR(12) NOT NULL,
    description TEXT,
    last_used_at TIMESTAMP WITH TIME ZONE,
    last_used_ip VARCHAR(45),
    last_used_user_agent VARCHAR(255),
    usage_count INTEGER,
    expires_at TIMESTAMP WITH TIME ZONE,
    is_active BOOLEAN NOT NULL,
    scopes JSONB NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by_user_id UUID,
    revoked_by_admin_id UUID,
    revoked_reason VARCHAR(255),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(admin_user_id) REFERENCES admin_users (id) ON DELETE CASCADE,
    FOREIGN KEY(revoked_by_admin_id) REFERENCES admin_users (id),
    FOREIGN KEY(revoked_by_user_id) REFERENCES users (id),
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_api_keys_admin_active ON api_keys (admin_user_id, is_active);
CREATE INDEX idx_api_keys_expires_active ON api_keys (expires_at, is_active);
CREATE INDEX idx_api_keys_prefix_active ON api_keys (key_prefix, is_active);
CREATE INDEX idx_api_keys_user_active ON api_keys (user_id, is_active);
CREATE INDEX ix_api_keys_is_active ON api_keys (is_active);
CREATE INDEX ix_api_keys_key_prefix ON api_keys (key_prefix);
UPDATE alembic_version SET version_num = '2919e6e03409';

-- keys as the replaced system made them: 'tnt_' + 43 URL-safe characters, the first 8 as prefix, bcrypt of the key
INSERT INTO api_keys (id, user_id, admin_user_id, name, key_hash, key_prefix, description, usage_count, expires_at, is_active, scopes, revoked_at, revoked_by_admin_id, revoked_reason) VALUES
 ('60000000-0000-4000-8000-000000000001', NULL, 'a0000000-0000-4000-8000-000000000001', 'ci pipeline', '$2b$10$hIly35okmasSaKT3.0Ag3ep0VQ76MhFXimOl3kC/T.gmC7lHfPq9y', 'tnt_Lg4c', 'nightly export', 42, NULL, true, '["*"]', NULL, NULL, NULL),
 ('60000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', NULL, 'revoked one', '$2b$10$/VPTsyEe0En4WdAIJSs0N.WFIyclZ8UW6k9xXyy682qYhU6z0N28i', 'tnt_R3v0', NULL, NULL, NULL, false, '["read:*", "write:*"]', '2025-11-20 10:00:00+00', 'a0000000-0000-4000-8000-000000000001', 'leaked'),
 ('60000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', NULL, 'leads only', '$2b$10$ndn0Dr4ktJfxOncz/MyOq.AteeqWQt4CkIIbWJZKf9mShR/pLfvK6', 'tnt_L3ad', '', 0, '2030-01-01 00:00:00+00', true, '["read:leads"]', NULL, NULL, NULL),
 ('60000000-0000-4000-8000-000000000004', NULL, NULL, 'orphan', '$2b$12$HoXJv5gNPsxjn88j.jryveDYo9t69ZvLVbJWSE47OIIMcz..teySy', 'tnt_0rph', NULL, NULL, NULL, true, '[]', NULL, NULL, NULL),
 ('60000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000002', NULL, 'reader', '$2b$12$SoRCfh8Jn0Ei21DuApf4BekQQC./SPuz.sMy29ls7AoX6PBfTHjcy', 'tnt_R3ad', NULL, 7, '2020-01-01 00:00:00+00', true, '["read:*"]', NULL, NULL, NULL);
