-- Every event rewrites its commitment's row, but few change its title or summary: the generated
-- column made PostgreSQL run to_tsvector on every one of those writes (the replay's cost, see
-- BENCHMARKS.md). The column becomes a plain one that triggers compute on insert, and on update
-- only when the title or the summary changed; the values and the index stay as they are.
ALTER TABLE query.commitment ALTER COLUMN search DROP EXPRESSION;

CREATE FUNCTION query.commitment_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('english', NEW.title || ' ' || NEW.summary);
    RETURN NEW;
END
$$;

-- A BEFORE INSERT trigger fires for an INSERT ... ON CONFLICT DO UPDATE too (before the conflict
-- is found), so the projection updates a row it knows exists with a plain UPDATE.
CREATE TRIGGER commitment_search_on_insert BEFORE INSERT ON query.commitment
    FOR EACH ROW EXECUTE FUNCTION query.commitment_search_vector();

CREATE TRIGGER commitment_search_on_update BEFORE UPDATE ON query.commitment
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary)
    EXECUTE FUNCTION query.commitment_search_vector();
