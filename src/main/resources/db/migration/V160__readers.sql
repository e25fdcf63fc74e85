-- Readers of the public site: their own accounts, never staff. Sessions, sign-in links, subscriptions,
-- meters and gift links hang off this table (later migrations).
CREATE TABLE readers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             text NOT NULL CHECK (email LIKE '%_@_%' AND length(email) <= 254),
    -- how the reader is greeted ("A gift from Ann"); may be empty
    name              text NOT NULL DEFAULT '' CHECK (length(name) <= 80 AND name !~ '[[:cntrl:]]'),
    -- NULL for a reader who only signs in with links sent by email
    password_hash     text,
    email_verified_at timestamptz,
    created_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX readers_email_key ON readers (lower(email));
