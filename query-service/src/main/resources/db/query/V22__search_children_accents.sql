-- Search and scope (issue 13): the text search reads the commitment and its children, and
-- every text filter ignores case and accents ("Secretaría" is found by "secretaria").
-- unaccent is a contrib extension that a server need not have; this immutable function folds
-- the accents of the languages the tracker records instead, and can back an index.
CREATE FUNCTION query.fold_text(text TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(translate(text,
        'ÁÀÂÄÃÅĀáàâäãåāÉÈÊËĒéèêëēÍÌÎÏĪíìîïīÓÒÔÖÕØŌóòôöõøōÚÙÛÜŪúùûüūÝŸýÿÑñÇç',
        'AAAAAAAaaaaaaaEEEEEeeeeeIIIIIiiiiiOOOOOOOoooooooUUUUUuuuuuYYyyNnCc'))
$$;

-- Written from each commitment's fold: its parties, its source's title, and the searchable
-- fields of it and its children (kind, id, field, text), whose text joined is `search_text`.
ALTER TABLE query.commitment
    ADD COLUMN parties       TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN source_title  TEXT,
    ADD COLUMN search_text   TEXT,
    ADD COLUMN search_fields JSONB;

CREATE OR REPLACE FUNCTION query.commitment_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('english', query.fold_text(COALESCE(NEW.search_text, NEW.title || ' ' || NEW.summary)));
    RETURN NEW;
END
$$;

-- As in V6, the vector is computed again only when what it is made of changed.
DROP TRIGGER commitment_search_on_update ON query.commitment;
CREATE TRIGGER commitment_search_on_update BEFORE UPDATE ON query.commitment
    FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.title IS DISTINCT FROM NEW.title
        OR OLD.summary IS DISTINCT FROM NEW.summary)
    EXECUTE FUNCTION query.commitment_search_vector();

CREATE INDEX commitment_generation ON query.commitment (generation);
