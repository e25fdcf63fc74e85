-- Readers' sign-ins and the one-time links mailed to them. Only SHA-256 hashes of the secrets are kept, so a
-- copy of the database cannot be used to sign in. Both go with the reader (ON DELETE CASCADE).
CREATE TABLE reader_sessions (
    token_hash   text PRIMARY KEY,
    reader_id    bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    ip           text NOT NULL DEFAULT '',
    user_agent   text NOT NULL DEFAULT ''
);
CREATE INDEX reader_sessions_reader ON reader_sessions (reader_id);

-- A link mailed to a reader: confirm the address, sign in, reset the password, or move the account to a new
-- address (new_email). Used once (used_at), and only until it expires.
CREATE TABLE reader_tokens (
    token_hash text PRIMARY KEY,
    reader_id  bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('verify', 'sign-in', 'reset', 'change-email')),
    new_email  text CHECK (new_email IS NULL OR (new_email LIKE '%_@_%' AND length(new_email) <= 254)),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK ((purpose = 'change-email') = (new_email IS NOT NULL))
);
CREATE INDEX reader_tokens_reader ON reader_tokens (reader_id);
