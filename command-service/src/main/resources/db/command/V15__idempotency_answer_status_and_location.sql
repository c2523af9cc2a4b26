-- A repeated Idempotency-Key gets the first answer exactly: its status (201 or 200) and its
-- Location too, which may name an id the service generated for the first request.
ALTER TABLE command.idempotency_key
    ADD COLUMN status   SMALLINT,
    ADD COLUMN location VARCHAR(2000);
