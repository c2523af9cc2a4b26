-- The integrator feed: every event once, numbered by the feed processor (one segment, so in
-- tracking order) with dense positions that only grow. A redelivered event inserts nothing.
CREATE TABLE query.feed_event (
    position      BIGINT       PRIMARY KEY CHECK (position > 0),
    event_id      VARCHAR(255) NOT NULL UNIQUE,
    commitment_id VARCHAR(255) NOT NULL,
    sequence      BIGINT       NOT NULL,
    type          VARCHAR(100) NOT NULL,
    revision      VARCHAR(20)  NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    data          TEXT         NOT NULL
);

CREATE INDEX feed_event_commitment ON query.feed_event (commitment_id, position);
CREATE INDEX feed_event_type ON query.feed_event (type, position);

GRANT SELECT, INSERT ON query.feed_event TO ${query_role};
