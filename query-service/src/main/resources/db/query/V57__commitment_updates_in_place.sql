-- Every event rewrites its commitment's row, and until now none of those updates was HOT: with
-- pages filled to the brim the new version never fitted beside the old one, so each update wrote
-- a new entry into all six indexes, two of them GIN (BENCHMARKS.md, "The replay's regression").
-- Pages filled to half leave room for the next versions, so an update that changes no indexed
-- column (most events: the search columns stay as they were, see SearchFields) stays on its page
-- and touches no index. Applies to pages written from now on: a rebuild writes them all.
ALTER TABLE query.commitment SET (fillfactor = 50);
