-- Axon's JDBC event store, with bytea payloads (never large objects).
CREATE TABLE events.domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_stream UNIQUE (aggregate_identifier, sequence_number)
);

-- Snapshots are derived (a cache of the aggregate), so Axon may replace them.
CREATE TABLE events.snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- Facts are never rewritten: the database itself refuses, whoever asks.
CREATE FUNCTION events.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON events.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION events.refuse_rewrite();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON events.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION events.refuse_rewrite();

GRANT SELECT, INSERT ON events.domain_event_entry TO ${command_role};
GRANT USAGE ON SEQUENCE events.domain_event_entry_global_index_seq TO ${command_role};
GRANT SELECT, INSERT, DELETE ON events.snapshot_event_entry TO ${command_role};
GRANT SELECT ON events.domain_event_entry TO ${query_role};
