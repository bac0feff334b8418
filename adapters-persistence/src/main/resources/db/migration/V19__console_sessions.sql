-- Sessions of the web console (/ui): the cookie carries a random token; only its SHA-256 hash (hex) is kept.
-- A session ends when it expires or when its owner signs out (revoked_at); ended rows are deleted at later sign-ins.
CREATE TABLE console_sessions (
    id             UUID PRIMARY KEY,
    token_hash     CHAR(64)    NOT NULL,
    principal_kind VARCHAR(16) NOT NULL CHECK (principal_kind IN ('admin_user', 'user')),
    principal_id   UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX ux_console_sessions_token_hash ON console_sessions (token_hash);
CREATE INDEX ix_console_sessions_expires_at ON console_sessions (expires_at);
