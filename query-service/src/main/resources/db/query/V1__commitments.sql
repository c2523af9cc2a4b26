-- Axon's tracking tokens; a projection's rows and its token commit in one transaction.
CREATE TABLE query.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- One row per commitment: the detail as a document, and the columns the list filters on.
CREATE TABLE query.commitment (
    id               VARCHAR(80)   PRIMARY KEY,
    version          BIGINT        NOT NULL,
    title            TEXT          NOT NULL,
    summary          TEXT          NOT NULL,
    category         VARCHAR(40)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    rating           VARCHAR(30),
    announced_on     DATE          NOT NULL,
    due_by           DATE,
    next_due_by      DATE,
    last_activity_on DATE,
    lead_agencies    TEXT[]        NOT NULL,
    detail           JSONB         NOT NULL,
    search           TSVECTOR GENERATED ALWAYS AS
                         (to_tsvector('english', title || ' ' || summary)) STORED
);

CREATE INDEX commitment_status ON query.commitment (status);
CREATE INDEX commitment_category ON query.commitment (category);
CREATE INDEX commitment_search ON query.commitment USING GIN (search);
CREATE INDEX commitment_agencies ON query.commitment USING GIN (lead_agencies);

GRANT SELECT, INSERT, UPDATE, DELETE ON query.token_entry, query.commitment TO ${query_role};
