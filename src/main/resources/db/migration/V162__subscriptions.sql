-- Subscriptions: the plans a reader may buy, each reader's subscriptions (paid through Stripe or granted by an
-- admin), complimentary access an admin grants, and the payment provider's events already applied.

-- What the paper sells. A plan a subscription uses is retired, never deleted, so its history stays readable.
CREATE TABLE plans (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 60 AND name !~ '[[:cntrl:]]'),
    period          text NOT NULL CHECK (period IN ('month', 'year')),
    -- in the currency's minor unit (pence, cents; yen have none)
    price_minor     bigint NOT NULL CHECK (price_minor BETWEEN 1 AND 99999999),
    -- ISO 4217, upper case
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- the Stripe Price to bill; NULL: Checkout is given the price inline
    stripe_price_id text CHECK (stripe_price_id ~ '^price_[A-Za-z0-9_]{1,100}$'),
    active          boolean NOT NULL DEFAULT true,
    position        integer NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- the plans page and the paywall's box: the active plans in their order
CREATE INDEX plans_active_idx ON plans (position, id) WHERE active;
-- a Stripe subscription whose metadata names no plan is matched by the price it bills
CREATE INDEX plans_stripe_price_idx ON plans (stripe_price_id) WHERE stripe_price_id IS NOT NULL;

CREATE TABLE subscriptions (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader_id          bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    -- NULL when the provider bills a price no plan here names
    plan_id            bigint REFERENCES plans,
    status             text NOT NULL CHECK (status IN ('active', 'past_due', 'cancelled', 'expired')),
    current_period_end timestamptz NOT NULL,
    -- false once the reader has cancelled for the end of the period
    renews             boolean NOT NULL DEFAULT true,
    -- when a payment first failed (the grace period runs from here); NULL unless past due
    past_due_since     timestamptz,
    provider           text NOT NULL CHECK (provider IN ('stripe', 'admin')),
    -- the provider's id of this subscription (Stripe's sub_...); NULL for one an admin granted
    provider_ref       text UNIQUE,
    -- the creation time of the provider's newest event applied; an older one never overwrites it
    provider_event_at  timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK ((provider = 'stripe') = (provider_ref IS NOT NULL))
);
-- entitlement and the reader's page: a reader's subscriptions, newest period first
CREATE INDEX subscriptions_reader_idx ON subscriptions (reader_id, current_period_end DESC);
CREATE INDEX subscriptions_plan_idx ON subscriptions (plan_id);

-- Access an admin grants without payment (press, staff families, apologies), from one time until another.
CREATE TABLE complimentary_access (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader_id   bigint NOT NULL REFERENCES readers ON DELETE CASCADE,
    granted_by  bigint REFERENCES staff ON DELETE SET NULL,
    -- the granting admin's name at the time, kept when the account goes
    granted_by_name text NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    reason      text NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX complimentary_access_reader_idx ON complimentary_access (reader_id, ends_at DESC);

-- Every provider event applied, recorded in the transaction of its effect: a replay finds it and changes nothing.
CREATE TABLE payment_events (
    event_id    text PRIMARY KEY,
    type        text NOT NULL,
    created_at  timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);

-- The reader's customer at Stripe, for the Customer Portal and the next Checkout.
CREATE TABLE stripe_customers (
    reader_id   bigint PRIMARY KEY REFERENCES readers ON DELETE CASCADE,
    customer_id text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);

-- The newsroom finds readers by the start of their email, page by page in email order.
CREATE INDEX readers_email_c_idx ON readers ((lower(email)) COLLATE "C");
