-- Centres held (en attente) by a run: their accepted inputs are incomplete (a rejected row of theirs
-- could change their amount) or beyond a plausibility bound of the rule set. A held centre has no
-- result, no ledger balance and no payment line; each reason is one French sentence for the
-- statement and centres-en-attente.csv. Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE RUN_HELD_CENTRE (
	RUN_ID BIGINT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	SEQ INT NOT NULL,
	REASON VARCHAR(1000) NOT NULL,
	CONSTRAINT RUN_HELD_CENTRE_PK PRIMARY KEY (RUN_ID, FINESS, SEQ)
);
