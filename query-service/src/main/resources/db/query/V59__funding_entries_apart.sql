-- A commitment's funding facts, one row each, instead of inside its folded state: the state was
-- written whole on every event, and the facts are what grows, so each event rewrote (and
-- compressed, and the service serialized) every fact recorded before it. Now an event that adds
-- a fact inserts one row, and the state holds what does not grow (BENCHMARKS.md, "The
-- million-event replay"). The rows of a commitment are those of its row's generation.
CREATE TABLE query.funding_entry (
    commitment_id VARCHAR(80) NOT NULL,
    generation    BIGINT      NOT NULL,
    position      INTEGER     NOT NULL,
    entry         TEXT        NOT NULL,
    PRIMARY KEY (commitment_id, generation, position)
);

CREATE INDEX funding_entry_generation ON query.funding_entry (generation);

GRANT SELECT, INSERT, UPDATE, DELETE ON query.funding_entry TO ${query_role};

-- The states written before: their facts move out, in order.
INSERT INTO query.funding_entry (commitment_id, generation, position, entry)
SELECT c.id, c.generation, CAST(e.position - 1 AS INTEGER), e.entry::TEXT
FROM query.commitment c
CROSS JOIN jsonb_array_elements(CAST(c.state AS JSONB) -> 'funding' -> 'entries') WITH ORDINALITY AS e (entry, position)
WHERE c.state IS NOT NULL;

UPDATE query.commitment SET state = jsonb_set(CAST(state AS JSONB), '{funding,entries}', '[]')::TEXT
WHERE state IS NOT NULL AND jsonb_array_length(CAST(state AS JSONB) -> 'funding' -> 'entries') > 0;
