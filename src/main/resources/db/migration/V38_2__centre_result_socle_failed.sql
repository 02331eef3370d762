-- The codes of the socle indicators a centre failed, as a JSON array (["ACCES_HORAIRES"], [] when
-- the socle is met), beside its stored result. Issue 21: the summary report counted them by reading
-- and decoding the whole result of every centre that missed the socle (70 % of the step's samples).
-- Rows stored before this column keep it null, and their result is decoded as before.
-- Portable SQL (H2, PostgreSQL).
ALTER TABLE CENTRE_RESULT ADD COLUMN SOCLE_FAILED TEXT;
