-- Duplicate rows of the patient extract (same centre and patient as an earlier row): per centre,
-- the sum of what they had added to the partitions' aggregates, taken out of the centre's
-- aggregate so that a patient counts once. The rows themselves are listed in RUN_REJECT.
CREATE TABLE RUN_PATIENT_DUPLICATE (
	RUN_ID BIGINT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	ROWS_REMOVED BIGINT NOT NULL,
	AGGREGATE_JSON TEXT NOT NULL,
	CONSTRAINT RUN_PATIENT_DUPLICATE_PK PRIMARY KEY (RUN_ID, FINESS)
);
