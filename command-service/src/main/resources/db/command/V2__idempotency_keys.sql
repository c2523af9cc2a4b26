-- The first answer to each Idempotency-Key, so a retried request gets it again.
CREATE TABLE command.idempotency_key (
    idempotency_key VARCHAR(200) NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER      NOT NULL,
    response        JSONB        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);

GRANT SELECT, INSERT ON command.idempotency_key TO ${command_role};
