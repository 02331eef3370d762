-- The national thresholds a run computed before its centres (issue 22 §3, avenant 5): for each aid
-- maintained beyond a contract year only at or above a percentile of a measure, the nearest-rank
-- percentile of that measure over the run's centres the aid applies to (held centres left out).
-- Recorded so that the run's statements can be explained and re-read. Portable SQL (H2, PostgreSQL).
CREATE TABLE RUN_PEER_THRESHOLD (
	RUN_ID BIGINT NOT NULL,
	AID_CODE VARCHAR(64) NOT NULL,
	MEASURE VARCHAR(64) NOT NULL,
	PERCENTILE DECIMAL(7, 4) NOT NULL,
	CENTRES INT NOT NULL,
	THRESHOLD DECIMAL(19, 4),
	CONSTRAINT RUN_PEER_THRESHOLD_PK PRIMARY KEY (RUN_ID, AID_CODE)
);
