-- Webhook subscriptions. Each delivers the feed after its own cursor, one event at a time, so
-- a failing target holds back only its own deliveries. The secret signs the deliveries, so it
-- is kept (never logged, answered once at creation).
CREATE TABLE query.subscription (
    id              UUID          PRIMARY KEY,
    owner           VARCHAR(200)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    types           TEXT[],
    commitment_id   VARCHAR(80),
    secret          VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    -- the last feed position delivered or passed over (not matching the filters)
    cursor          BIGINT        NOT NULL,
    -- failed attempts at the event after the cursor, and when to try it again
    failures        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    -- a worker holds a subscription while it delivers, so two instances never deliver it at once
    leased_until    TIMESTAMPTZ
);

CREATE INDEX subscription_owner ON query.subscription (owner);
CREATE INDEX subscription_due ON query.subscription (next_attempt_at);

-- Every attempt, failed or not.
CREATE TABLE query.delivery_attempt (
    id              BIGSERIAL     PRIMARY KEY,
    subscription_id UUID          NOT NULL REFERENCES query.subscription (id) ON DELETE CASCADE,
    position        BIGINT        NOT NULL,
    event_id        VARCHAR(255)  NOT NULL,
    attempt         INTEGER       NOT NULL,
    attempted_at    TIMESTAMPTZ   NOT NULL,
    status_code     INTEGER,
    error           VARCHAR(500),
    delivered       BOOLEAN       NOT NULL,
    next_attempt_at TIMESTAMPTZ
);

CREATE INDEX delivery_attempt_subscription ON query.delivery_attempt (subscription_id, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON query.subscription, query.delivery_attempt TO ${query_role};
GRANT USAGE ON SEQUENCE query.delivery_attempt_id_seq TO ${query_role};
