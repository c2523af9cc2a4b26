-- The timeline's sentence in Spanish, for the public page in Spanish; rows written before it
-- stay NULL (the page shows them in English) until the timeline is replayed.
ALTER TABLE query.timeline_entry ADD COLUMN summary_es TEXT;
