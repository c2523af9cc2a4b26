-- Auditors are audited too: every read of a history, a state or an integrity check, who asked,
-- what (endpoint, commitment, parameters), when, and the outcome (HTTP status). The service may
-- add entries and read them, never change or remove one.
CREATE TABLE query.audit_log (
    id            BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor         VARCHAR(200) NOT NULL,
    endpoint      VARCHAR(200) NOT NULL,
    commitment_id VARCHAR(255),
    parameters    JSONB        NOT NULL,
    status        INTEGER      NOT NULL,
    media_type    VARCHAR(200)
);

CREATE INDEX audit_log_actor ON query.audit_log (actor, id);
CREATE INDEX audit_log_commitment ON query.audit_log (commitment_id, id);

-- An identity column needs no grant on its sequence: SELECT and INSERT are all the role gets.
GRANT SELECT, INSERT ON query.audit_log TO ${query_role};
