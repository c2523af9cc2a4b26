-- Rebuild beside, switch when done (issue 13). Each read model's rows carry the generation that
-- wrote them. `generation` is the one being written, `serving` the one reads answer from: a
-- replay raises `generation` and builds beside the rows being read; once every segment of its
-- processor has passed `target` (the newest event when it was reset), one transaction sets
-- `serving = generation` and deletes the other generations' rows. A replay that fails never
-- switches, so the previous complete state keeps answering.
ALTER TABLE query.read_model_generation
    ADD COLUMN serving BIGINT,
    ADD COLUMN target  BIGINT;
UPDATE query.read_model_generation SET serving = generation;
ALTER TABLE query.read_model_generation ALTER COLUMN serving SET NOT NULL;

ALTER TABLE query.applied_version DROP CONSTRAINT applied_version_pkey;
ALTER TABLE query.applied_version ADD PRIMARY KEY (read_model, commitment_id, generation);

ALTER TABLE query.commitment ADD COLUMN generation BIGINT;
UPDATE query.commitment SET generation = (SELECT serving FROM query.read_model_generation WHERE read_model = 'commitments');
ALTER TABLE query.commitment ALTER COLUMN generation SET NOT NULL;
ALTER TABLE query.commitment DROP CONSTRAINT commitment_pkey;
ALTER TABLE query.commitment ADD PRIMARY KEY (id, generation);

ALTER TABLE query.dialogue ADD COLUMN generation BIGINT;
UPDATE query.dialogue SET generation = (SELECT serving FROM query.read_model_generation WHERE read_model = 'commitments');
ALTER TABLE query.dialogue ALTER COLUMN generation SET NOT NULL;
ALTER TABLE query.dialogue DROP CONSTRAINT dialogue_pkey;
ALTER TABLE query.dialogue ADD PRIMARY KEY (commitment_id, dialogue_id, generation);

ALTER TABLE query.timeline_entry ADD COLUMN generation BIGINT;
UPDATE query.timeline_entry SET generation = (SELECT serving FROM query.read_model_generation WHERE read_model = 'timeline');
ALTER TABLE query.timeline_entry ALTER COLUMN generation SET NOT NULL;
ALTER TABLE query.timeline_entry DROP CONSTRAINT timeline_entry_pkey;
ALTER TABLE query.timeline_entry ADD PRIMARY KEY (commitment_id, version, generation);

ALTER TABLE query.timeline_name ADD COLUMN generation BIGINT;
UPDATE query.timeline_name SET generation = (SELECT serving FROM query.read_model_generation WHERE read_model = 'timeline');
ALTER TABLE query.timeline_name ALTER COLUMN generation SET NOT NULL;
ALTER TABLE query.timeline_name DROP CONSTRAINT timeline_name_pkey;
ALTER TABLE query.timeline_name ADD PRIMARY KEY (commitment_id, kind, child_id, generation);

-- The commitments' rows written before V20 hold no folded state, and V20 started that processor
-- over: where there are such rows, it builds the next generation beside them (its target is set
-- to the newest event when the switch first looks).
UPDATE query.read_model_generation SET generation = serving + 1, target = NULL
WHERE read_model = 'commitments' AND EXISTS (SELECT 1 FROM query.commitment);
