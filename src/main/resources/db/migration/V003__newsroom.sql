-- The newsroom: staff accounts and sessions, sign-in throttling, the audit log, Admin API tokens,
-- revisions, the public editorial timeline and autosaved drafts.

CREATE TABLE staff (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text NOT NULL CHECK (email LIKE '%_@_%'),
    name           text NOT NULL CHECK (name <> ''),
    role           text NOT NULL CHECK (role IN ('contributor', 'reporter', 'editor', 'admin')),
    password_hash  text NOT NULL,
    -- base32 TOTP secret; NULL while two-factor sign-in is off
    totp_secret    text,
    -- the last TOTP time step accepted, so one code cannot be used twice
    totp_last_step bigint,
    -- the byline this person writes under
    contributor_id bigint REFERENCES contributors,
    created_at     timestamptz NOT NULL,
    disabled_at    timestamptz
);
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));

-- Signed-in browsers. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash   text PRIMARY KEY,
    staff_id     bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    -- the password was right but the second factor is still to come
    pending_totp boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    ip           text NOT NULL DEFAULT '',
    user_agent   text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_staff_idx ON sessions (staff_id);

CREATE TABLE sign_in_attempts (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email     text NOT NULL,
    ip        text NOT NULL,
    at        timestamptz NOT NULL,
    succeeded boolean NOT NULL
);
CREATE INDEX sign_in_attempts_email_idx ON sign_in_attempts (lower(email), at);
CREATE INDEX sign_in_attempts_ip_idx ON sign_in_attempts (ip, at);

-- Who did what and when: sign-ins, publishing, role changes, deletions, tokens.
CREATE TABLE audit_log (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL,
    staff_id bigint REFERENCES staff ON DELETE SET NULL,
    -- the actor's name at the time ("Jane Reporter", "API token: CMS bridge")
    actor    text NOT NULL,
    action   text NOT NULL,
    subject  text NOT NULL DEFAULT '',
    details  jsonb NOT NULL DEFAULT '{}',
    ip       text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

-- Admin API tokens: shown once, stored as SHA-256.
CREATE TABLE api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL CHECK (name <> ''),
    token_hash   text NOT NULL UNIQUE,
    -- the first characters, so people can tell tokens apart
    prefix       text NOT NULL,
    role         text NOT NULL CHECK (role IN ('contributor', 'reporter', 'editor', 'admin')),
    created_by   bigint REFERENCES staff ON DELETE SET NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

ALTER TABLE articles ADD COLUMN created_by bigint REFERENCES staff ON DELETE SET NULL;
CREATE INDEX articles_status_idx ON articles (status, modified_at DESC);
CREATE INDEX articles_scheduled_idx ON articles (scheduled_at) WHERE status = 'scheduled';

-- Every save of an article, whole, so any two can be compared and any one restored.
CREATE TABLE article_revisions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    number     int    NOT NULL,
    -- the article's version after this save
    version    int    NOT NULL,
    staff_id   bigint REFERENCES staff ON DELETE SET NULL,
    actor      text   NOT NULL,
    at         timestamptz NOT NULL,
    kind       text   NOT NULL,
    snapshot   jsonb  NOT NULL,
    UNIQUE (article_id, number)
);

-- The public editorial timeline: significant updates, corrections and clarifications.
CREATE TABLE article_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id  bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    kind        text   NOT NULL CHECK (kind IN ('update', 'correction', 'clarification')),
    note        text   NOT NULL DEFAULT '',
    at          timestamptz NOT NULL,
    revision_id bigint REFERENCES article_revisions ON DELETE SET NULL
);
CREATE INDEX article_changes_article_idx ON article_changes (article_id, at);

-- What an editor typed but did not save, kept by the editor page every few seconds.
CREATE TABLE article_autosaves (
    article_id   bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    staff_id     bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
    base_version int    NOT NULL,
    fields       jsonb  NOT NULL,
    saved_at     timestamptz NOT NULL,
    PRIMARY KEY (article_id, staff_id)
);

-- The one-time token of the setup page, while no admin exists; printed by the server at start.
CREATE TABLE setup_tokens (
    token      text PRIMARY KEY,
    created_at timestamptz NOT NULL
);
