-- The ledger's PAYMENT_ID (read by no query: a payment is known by its REFERENCE) hands out its
-- values 10,000 at a time instead of 32. Issue 21: H2 writes a sequence's new high-water mark and
-- commits it on its own each time its cache is used up, once every 32 ledger entries, and that
-- commit stores every page the balance's transaction changed so far: 27 % of the balance step's
-- samples on the national run (5,186 entries), now one such commit per 10,000 entries. A crash
-- leaves a gap in the numbers, never a duplicate. Portable SQL (H2, PostgreSQL).
ALTER TABLE PAYMENT_LEDGER ALTER COLUMN PAYMENT_ID SET CACHE 10000;
