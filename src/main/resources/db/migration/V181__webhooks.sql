-- Webhooks: the endpoints admins register, the events queued in the very transaction that publishes, updates or
-- unpublishes an article or puts a reader's comment up (by triggers on articles and comments, so no way of making
-- the change can miss one), one delivery per event and endpoint, and every attempt at sending it.
CREATE TABLE webhook_endpoints (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url         text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    events      text[] NOT NULL CHECK (cardinality(events) > 0),
    enabled     boolean NOT NULL DEFAULT true,
    -- the signing key; the receiver holds a copy, so it is kept as it is (like the Stripe key in the settings)
    secret      text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE webhook_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the event's id as receivers see it
    uuid        uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    type        text NOT NULL,
    article_id  bigint REFERENCES articles ON DELETE SET NULL,
    comment_id  bigint REFERENCES comments ON DELETE SET NULL,
    -- a test event (ping) goes to this endpoint only; other events to every endpoint that asked for their type
    endpoint_id bigint REFERENCES webhook_endpoints ON DELETE CASCADE,
    occurred_at timestamptz NOT NULL,
    tx          bigint NOT NULL DEFAULT txid_current(),
    -- the JSON body, written once, when the event is fanned out into deliveries
    payload     text,
    fanned_out  boolean NOT NULL DEFAULT false
);
CREATE INDEX webhook_events_waiting_idx ON webhook_events (id) WHERE NOT fanned_out;
-- one event of a type per article and transaction, however many times the transaction writes the row
CREATE UNIQUE INDEX webhook_events_once_idx ON webhook_events (tx, article_id, type) WHERE article_id IS NOT NULL;
CREATE INDEX webhook_events_age_idx ON webhook_events (occurred_at);

CREATE TABLE webhook_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the Broadsheet-Delivery header: the same on every attempt, so receivers can drop repeats
    uuid            uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    endpoint_id     bigint NOT NULL REFERENCES webhook_endpoints ON DELETE CASCADE,
    event_id        bigint NOT NULL REFERENCES webhook_events ON DELETE CASCADE,
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    -- while pending: when it is next due; while a sender holds it, when that sender's claim lapses
    next_attempt_at timestamptz NOT NULL,
    give_up_at      timestamptz NOT NULL,
    last_status     int,
    last_error      text,
    finished_at     timestamptz
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   bigint NOT NULL REFERENCES webhook_deliveries ON DELETE CASCADE,
    at            timestamptz NOT NULL,
    status_code   int,
    error         text,
    duration_ms   int NOT NULL,
    response_body text NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id DESC);

-- Queues the event an article's change causes, in the change's own transaction: published (a new article stored
-- published, or any other status moving to published), unpublished (published moving to anything else), updated (a
-- published article at a new version). Nothing is queued when no enabled endpoint wants the event.
CREATE FUNCTION webhook_article_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status = 'published' THEN kind := 'article.published'; END IF;
    ELSIF NEW.status = 'published' AND OLD.status <> 'published' THEN
        kind := 'article.published';
    ELSIF OLD.status = 'published' AND NEW.status <> 'published' THEN
        kind := 'article.unpublished';
    ELSIF NEW.status = 'published' AND NEW.version <> OLD.version THEN
        kind := 'article.updated';
    END IF;
    IF kind IS NULL OR NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled AND kind = ANY (events)) THEN
        RETURN NULL;
    END IF;
    -- a change in the transaction that published the article is part of its publishing
    IF kind = 'article.updated' AND EXISTS (SELECT 1 FROM webhook_events WHERE tx = txid_current() AND article_id = NEW.id) THEN
        RETURN NULL;
    END IF;
    INSERT INTO webhook_events (type, article_id, occurred_at) VALUES (kind, NEW.id, NEW.modified_at) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER articles_webhook_events AFTER INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION webhook_article_event();

-- Queues comment.posted when a reader's comment shows: stored approved, or approved by a moderator later.
CREATE FUNCTION webhook_comment_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status <> 'approved')
       AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled AND 'comment.posted' = ANY (events)) THEN
        INSERT INTO webhook_events (type, comment_id, occurred_at)
        VALUES ('comment.posted', NEW.id, coalesce(NEW.moderated_at, NEW.created_at));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER comments_webhook_events AFTER INSERT OR UPDATE OF status ON comments
    FOR EACH ROW EXECUTE FUNCTION webhook_comment_event();
