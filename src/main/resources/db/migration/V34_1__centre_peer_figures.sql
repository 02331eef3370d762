-- Each centre's peer-benchmark figures (issue 21: the statements step read and parsed every
-- centre's whole result JSON, ~29 KB, only to take these few figures before its first statement;
-- the summary report did it again). Written with the result, in the same transaction. A run
-- computed before this table existed has no rows here: its figures are still read from
-- CENTRE_RESULT.RESULT_JSON. Portable SQL (H2, PostgreSQL).
CREATE TABLE CENTRE_PEER_FIGURES (
	RUN_ID BIGINT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	FIGURES_JSON TEXT NOT NULL,
	CONSTRAINT CENTRE_PEER_FIGURES_PK PRIMARY KEY (RUN_ID, FINESS)
);
