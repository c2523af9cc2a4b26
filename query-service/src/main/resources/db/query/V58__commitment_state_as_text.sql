-- The folded state is read and written whole by the projection and never queried inside, so
-- PostgreSQL need not parse it into JSONB on every event and print it back on every read: that
-- parse, on a state that grows with the commitment's facts, was most of a replay's time in the
-- database (BENCHMARKS.md, "The replay's regression"). The detail stays JSONB: reads set its
-- 'overdue' in SQL.
ALTER TABLE query.commitment ALTER COLUMN state TYPE TEXT USING state::TEXT;
