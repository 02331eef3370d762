-- A centre's result stored in its binary form (StoredResultEncoding, RecordBinary): self-describing
-- (component names once per result), several times cheaper to write and read than the JSON, about
-- as small as the deflated JSON, without Base64. New rows fill RESULT_BIN only; the rows of earlier
-- runs keep RESULT_PACKED (deflated JSON, V36_1) or RESULT_JSON, still read. Portable (H2, PostgreSQL).
ALTER TABLE CENTRE_RESULT ADD COLUMN RESULT_BIN BYTEA;
