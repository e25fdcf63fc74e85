-- The paywall's reader settings (newsroom Settings page), the registered readers' meter, and gift links.

-- How much of a paywalled article a reader without access sees, the meters (premium articles a month), and
-- the rules of gift links. A NULL gift cap means no cap on the distinct readers of one link.
ALTER TABLE site_settings
    ADD COLUMN preview_paragraphs integer NOT NULL DEFAULT 3 CHECK (preview_paragraphs BETWEEN 1 AND 10),
    ADD COLUMN anonymous_meter    integer NOT NULL DEFAULT 0 CHECK (anonymous_meter BETWEEN 0 AND 50),
    ADD COLUMN registered_meter   integer NOT NULL DEFAULT 2 CHECK (registered_meter BETWEEN 0 AND 50),
    ADD COLUMN gifts_per_month    integer NOT NULL DEFAULT 10 CHECK (gifts_per_month BETWEEN 0 AND 100),
    ADD COLUMN gift_expiry_days   integer NOT NULL DEFAULT 14 CHECK (gift_expiry_days BETWEEN 1 AND 365),
    ADD COLUMN gift_reader_cap    integer CHECK (gift_reader_cap BETWEEN 1 AND 10000);

-- Premium articles a signed-in reader read on the meter, by calendar month in the paper's zone (the first day
-- of the month). Reading one article again in the same month is the same row, so it does not count twice.
CREATE TABLE meter_reads (
    reader_id  bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    month      date   NOT NULL CHECK (extract(day FROM month) = 1),
    article_id bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    read_at    timestamptz NOT NULL,
    PRIMARY KEY (reader_id, month, article_id)
);

-- A subscriber's link that lets anyone read one paywalled article. The token is random (it encodes nothing)
-- and is kept so the giver can copy the link again from "My gifts".
CREATE TABLE gifts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token       text   NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{32}$'),
    giver_id    bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    article_id  bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    -- the calendar month (paper's zone) whose quota it used
    month       date   NOT NULL CHECK (extract(day FROM month) = 1),
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    -- at most this many distinct readers; NULL for no cap
    reader_cap  integer CHECK (reader_cap > 0),
    revoked_at  timestamptz,
    -- 'giver' or 'staff'
    revoked_by  text CHECK (revoked_by IN ('giver', 'staff')),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX gifts_giver ON gifts (giver_id, month);
CREATE INDEX gifts_article ON gifts (giver_id, article_id);

-- The distinct readers of a gift: 'r:<reader id>' for a signed-in reader, else 'a:<SHA-256 of their random
-- cookie>' (the cookie's value itself is never stored).
CREATE TABLE gift_readers (
    gift_id    bigint NOT NULL REFERENCES gifts ON DELETE CASCADE,
    reader_key text   NOT NULL CHECK (reader_key ~ '^(r:[0-9]+|a:[0-9a-f]{64})$'),
    first_at   timestamptz NOT NULL,
    PRIMARY KEY (gift_id, reader_key)
);

-- Readers who signed up while reading a gift: the gift that brought them (at most one per reader).
CREATE TABLE gift_signups (
    reader_id bigint PRIMARY KEY REFERENCES readers ON DELETE CASCADE,
    gift_id   bigint NOT NULL REFERENCES gifts ON DELETE CASCADE,
    at        timestamptz NOT NULL
);
CREATE INDEX gift_signups_gift ON gift_signups (gift_id);
