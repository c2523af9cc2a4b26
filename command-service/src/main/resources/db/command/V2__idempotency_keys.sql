-- The first answer to each Idempotency-Key of each caller, so a retried request gets it again.
-- Written in the same transaction as the command's events.
CREATE TABLE command.idempotency_key (
    actor           VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response        JSONB        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);

GRANT SELECT, INSERT ON command.idempotency_key TO ${command_role};
