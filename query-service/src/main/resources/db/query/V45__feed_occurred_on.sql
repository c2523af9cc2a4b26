-- The business date of each feed event (CloudEvents extension `occurredon`), the same name for
-- every type. Rows already in the feed take it from their payload: each type names it in one
-- of these fields (occurredOn first, for the types that also carry other dates).
ALTER TABLE query.feed_event ADD COLUMN occurred_on DATE;

UPDATE query.feed_event SET occurred_on = CAST(COALESCE(
        CAST(data AS JSONB) ->> 'occurredOn', CAST(data AS JSONB) ->> 'announcedOn',
        CAST(data AS JSONB) ->> 'withdrawnOn', CAST(data AS JSONB) ->> 'fulfilledOn',
        CAST(data AS JSONB) ->> 'obligatedOn', CAST(data AS JSONB) ->> 'disbursedOn',
        CAST(data AS JSONB) ->> 'reversedOn', CAST(data AS JSONB) ->> 'heldOn',
        CAST(data AS JSONB) ->> 'measuredOn', CAST(data AS JSONB) ->> 'achievedOn',
        CAST(data AS JSONB) ->> 'assessedOn', CAST(data AS JSONB) ->> 'capturedOn',
        CAST(data AS JSONB) ->> 'signedOn') AS DATE)
WHERE occurred_on IS NULL;
