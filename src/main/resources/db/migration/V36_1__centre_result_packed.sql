-- A centre's result stored deflated (StoredResultEncoding): its JSON, deflated, in Base64, about a
-- fifth of the plain JSON (29 KB a centre on the national run). Issue 21: writing, caching and
-- reading back 87 MB of JSON text was a large part of the compute and statements steps and of
-- their heap. New rows leave RESULT_JSON empty; the rows of earlier runs keep it and no packed
-- value, and every reader reads both. Portable SQL (H2, PostgreSQL).
ALTER TABLE CENTRE_RESULT ADD COLUMN RESULT_PACKED TEXT;
ALTER TABLE CENTRE_RESULT ALTER COLUMN RESULT_JSON DROP NOT NULL;
