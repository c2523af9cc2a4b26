-- One fold per commitment (issue 13): the commitments' processor folds each commitment once and
-- writes the detail, the dialogue calendar and the dashboard's columns from that fold; the
-- ledger is a view of the folded state. The ledger's, calendar's and dashboard's own processors
-- and tables go. Sums are NUMERIC without precision: a total of many amounts has no limit.
ALTER TABLE query.commitment
    ADD COLUMN state     JSONB,
    ADD COLUMN currency  CHAR(3),
    ADD COLUMN pledged   NUMERIC,
    ADD COLUMN obligated NUMERIC,
    ADD COLUMN disbursed NUMERIC;

DROP TABLE query.ledger_entry;
DROP TABLE query.dashboard_commitment;
DROP TABLE query.dialogue_commitment;

-- The commitments' rows hold no folded state yet: their processor starts over from the first
-- event, replacing each commitment's rows (which keep answering meanwhile) as it reaches it.
DELETE FROM query.applied_version WHERE read_model IN ('commitments', 'ledger', 'dialogues', 'dashboard');
DELETE FROM query.read_model_generation WHERE read_model IN ('ledger', 'dialogues', 'dashboard');
DELETE FROM query.token_entry WHERE processor_name IN ('commitments', 'ledger', 'dialogues', 'dashboard');
DELETE FROM query.dead_letter_entry WHERE processing_group IN ('commitments', 'ledger', 'dialogues', 'dashboard');
