-- Issue 4: identity. Tables of our own; the seed's users columns stay as they are.

-- Passwords of users of the 'database' auth provider (bcrypt, cost 12). One row per users row.
CREATE TABLE user_credentials (
    user_id       UUID         NOT NULL,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_credentials_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_credentials_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_user_credentials_username ON user_credentials (lower(username));

-- API keys: 'tnt_' + 32 random bytes, kept only as a SHA-256 hash; the prefix finds the row.
CREATE TABLE api_keys (
    id                  UUID         NOT NULL,
    name                VARCHAR(100) NOT NULL,
    prefix              VARCHAR(16)  NOT NULL,
    key_hash            VARCHAR(64)  NOT NULL,
    owner_user_id       UUID,
    owner_admin_user_id UUID,
    scopes              VARCHAR(50)  NOT NULL,
    expires_at          TIMESTAMPTZ,
    revoked_at          TIMESTAMPTZ,
    last_used_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_owner_user_id_fkey FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT api_keys_owner_admin_user_id_fkey FOREIGN KEY (owner_admin_user_id) REFERENCES admin_users (id) ON DELETE CASCADE,
    CONSTRAINT api_keys_one_owner CHECK ((owner_user_id IS NULL) <> (owner_admin_user_id IS NULL))
);
CREATE INDEX ix_api_keys_prefix ON api_keys (prefix);
CREATE INDEX ix_api_keys_owner_user_id ON api_keys (owner_user_id);
CREATE INDEX ix_api_keys_owner_admin_user_id ON api_keys (owner_admin_user_id);

-- Login attempts, for throttling across instances (failures per username and per IP within a window).
CREATE TABLE login_attempts (
    id           UUID         NOT NULL,
    username     VARCHAR(255) NOT NULL,
    ip_address   VARCHAR(45),
    succeeded    BOOLEAN      NOT NULL,
    attempted_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT login_attempts_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_login_attempts_username ON login_attempts (username, attempted_at) WHERE NOT succeeded;
CREATE INDEX ix_login_attempts_ip ON login_attempts (ip_address, attempted_at) WHERE NOT succeeded;
