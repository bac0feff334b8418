-- Nobody sets another person's password: one-time invitations, credential revocation, throttling per pair.

-- An invitation (or reset) link through which an account's owner sets its password. Only the SHA-256 hash (hex) of
-- the token 'inv_' + 32 random bytes is kept. Single use, 72 hours; a newer one supersedes the older.
CREATE TABLE password_invitations (
    id            UUID        NOT NULL,
    token_hash    VARCHAR(64) NOT NULL,
    user_id       UUID,
    admin_user_id UUID,
    purpose       VARCHAR(20) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    superseded_at TIMESTAMPTZ,
    CONSTRAINT password_invitations_pkey PRIMARY KEY (id),
    CONSTRAINT password_invitations_token_hash_key UNIQUE (token_hash),
    CONSTRAINT password_invitations_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT password_invitations_admin_user_id_fkey FOREIGN KEY (admin_user_id) REFERENCES admin_users (id)
        ON DELETE CASCADE,
    CONSTRAINT password_invitations_one_account CHECK ((user_id IS NULL) <> (admin_user_id IS NULL)),
    CONSTRAINT password_invitations_purpose CHECK (purpose IN ('invitation', 'reset'))
);
CREATE INDEX ix_password_invitations_user_id ON password_invitations (user_id) WHERE used_at IS NULL;
CREATE INDEX ix_password_invitations_admin_user_id ON password_invitations (admin_user_id) WHERE used_at IS NULL;

-- When an account's password was last set, changed or reset: its tokens issued and API keys created before are refused.
CREATE TABLE credential_revocations (
    principal_kind VARCHAR(20) NOT NULL,
    principal_id   UUID        NOT NULL,
    not_before     TIMESTAMPTZ NOT NULL,
    CONSTRAINT credential_revocations_pkey PRIMARY KEY (principal_kind, principal_id),
    CONSTRAINT credential_revocations_kind CHECK (principal_kind IN ('admin_user', 'user'))
);

-- Login throttling counts failures per (username, client address): ip_address now holds the address's throttling
-- key (an IPv4 address, or an IPv6 /64 network).
CREATE INDEX ix_login_attempts_username_ip ON login_attempts (username, ip_address, attempted_at) WHERE NOT succeeded;
