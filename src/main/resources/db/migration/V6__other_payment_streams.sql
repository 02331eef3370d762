-- The payments outside the forfait: contracts the aids pay on, and each centre's total per payment
-- stream. Portable SQL: runs unchanged on H2 and PostgreSQL.

-- Accepted contracts of contracts.csv (CONTRACT_JSON: the contract as the engine reads it).
CREATE TABLE RUN_CONTRACT (
	RUN_ID BIGINT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	CONTRACT_NUMBER VARCHAR(40) NOT NULL,
	SOURCE_LINE BIGINT NOT NULL,
	CONTRACT_JSON TEXT NOT NULL,
	CONSTRAINT RUN_CONTRACT_PK PRIMARY KEY (RUN_ID, FINESS, CONTRACT_NUMBER)
);

-- Each centre's total per payment stream other than the forfait (whose total is
-- CENTRE_RESULT.TOTAL_EUR), for the summaries and the settlements; the lines that explain it are in
-- CENTRE_RESULT.RESULT_JSON. A stream without any rule for the centre's type has no row.
CREATE TABLE CENTRE_STREAM_RESULT (
	RUN_ID BIGINT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	STREAM VARCHAR(32) NOT NULL,
	TOTAL_EUR NUMERIC(14, 2) NOT NULL,
	CONSTRAINT CENTRE_STREAM_RESULT_PK PRIMARY KEY (RUN_ID, FINESS, STREAM)
);
