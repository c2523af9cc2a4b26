-- How far each read model has got with each commitment. A row's change, this row and the
-- processor's token commit in one transaction; an event at or below `version` is a redelivery.
-- A replay does not empty the read models: it raises the read model's generation, and each
-- commitment's rows are replaced when the replay reaches that commitment's first event, so
-- reads keep answering (the old rows, then the rebuilt ones) throughout.
CREATE TABLE query.read_model_generation (
    read_model VARCHAR(100) PRIMARY KEY,
    generation BIGINT       NOT NULL
);

INSERT INTO query.read_model_generation (read_model, generation)
VALUES ('commitments', 1), ('timeline', 1), ('ledger', 1), ('dialogues', 1), ('dashboard', 1);

CREATE TABLE query.applied_version (
    read_model    VARCHAR(100) NOT NULL,
    commitment_id VARCHAR(80)  NOT NULL,
    version       BIGINT       NOT NULL,
    generation    BIGINT       NOT NULL,
    PRIMARY KEY (read_model, commitment_id)
);

-- The rows of query.commitment written before this migration are of generation 1.
INSERT INTO query.applied_version (read_model, commitment_id, version, generation)
SELECT 'commitments', id, version, 1 FROM query.commitment;

-- Timeline: one readable sentence per event.
CREATE TABLE query.timeline_entry (
    commitment_id VARCHAR(80)  NOT NULL,
    version       BIGINT       NOT NULL,
    type          VARCHAR(100) NOT NULL,
    occurred_on   DATE,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    summary       TEXT         NOT NULL,
    PRIMARY KEY (commitment_id, version)
);

-- What later sentences name: a dialogue's name, a milestone's description, an indicator's name.
CREATE TABLE query.timeline_name (
    commitment_id VARCHAR(80) NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    child_id      VARCHAR(80) NOT NULL,
    name          TEXT        NOT NULL,
    unit          TEXT,
    PRIMARY KEY (commitment_id, kind, child_id)
);

-- Funding ledger: every pledge, pledge revision, obligation, disbursement and reversal.
CREATE TABLE query.ledger_entry (
    commitment_id VARCHAR(80)    NOT NULL,
    version       BIGINT         NOT NULL,
    kind          VARCHAR(30)    NOT NULL,
    entry_date    DATE,
    amount        NUMERIC(19, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    reference     VARCHAR(80),
    counterpart   TEXT,
    obligation_id VARCHAR(80),
    note          TEXT,
    PRIMARY KEY (commitment_id, version)
);

-- Dialogue calendar across commitments; starts_on..ends_on is the held day or the planned window.
CREATE TABLE query.dialogue (
    commitment_id    VARCHAR(80) NOT NULL,
    dialogue_id      VARCHAR(80) NOT NULL,
    commitment_title TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    status           VARCHAR(20) NOT NULL,
    planned_from     DATE,
    planned_to       DATE,
    held_on          DATE,
    location         TEXT,
    starts_on        DATE,
    ends_on          DATE,
    PRIMARY KEY (commitment_id, dialogue_id)
);

CREATE INDEX dialogue_starts_on ON query.dialogue (starts_on);

-- The title of each commitment, for the calendar rows of dialogues scheduled later.
CREATE TABLE query.dialogue_commitment (
    commitment_id VARCHAR(80) PRIMARY KEY,
    title         TEXT        NOT NULL
);

-- Dashboard: one row per commitment with what the dashboard counts and sums; `state` is the
-- folded commitment the next event continues from.
CREATE TABLE query.dashboard_commitment (
    commitment_id VARCHAR(80)    PRIMARY KEY,
    title         TEXT           NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    rating        VARCHAR(30),
    next_due_by   DATE,
    currency      CHAR(3),
    pledged       NUMERIC(19, 2),
    obligated     NUMERIC(19, 2),
    disbursed     NUMERIC(19, 2),
    state         JSONB          NOT NULL
);

-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, DeadLetterSchema): events a
-- projection could not apply, parked per commitment until an administrator retries them.
-- Timestamps are ISO-8601 strings, as Axon writes them.
CREATE TABLE query.dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255) NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        TEXT,
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_group ON query.dead_letter_entry (processing_group);

GRANT SELECT, INSERT, UPDATE, DELETE ON query.read_model_generation, query.applied_version, query.timeline_entry,
    query.timeline_name, query.ledger_entry, query.dialogue, query.dialogue_commitment, query.dashboard_commitment,
    query.dead_letter_entry TO ${query_role};
