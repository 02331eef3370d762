-- The payer's desk: the decision on each run's proposed payment lines, and the transfers the bank
-- files carried. Portable SQL: runs unchanged on H2 and PostgreSQL.

-- One row per run once an operator decided on it (APPROVED or REJECTED; a run without a row is
-- still proposed). PROPOSED_BY is the operator who launched the run; DECIDED_BY is never the same
-- person. The totals are those of the run's ledger lines when they were approved: LINE_COUNT and
-- TOTAL_EUR every line (recoveries negative), TRANSFER_COUNT and TRANSFER_TOTAL_EUR the transfers
-- of the bank file (its number of transactions and control sum).
CREATE TABLE RUN_APPROVAL (
	RUN_ID BIGINT NOT NULL,
	EXERCICE INT NOT NULL,
	JOB_NAME VARCHAR(100) NOT NULL,
	PROPOSED_BY VARCHAR(100) NOT NULL,
	DECISION VARCHAR(16) NOT NULL,
	DECIDED_BY VARCHAR(100) NOT NULL,
	DECIDED_AT TIMESTAMP NOT NULL,
	REASON VARCHAR(500),
	LINE_COUNT INT NOT NULL,
	TOTAL_EUR NUMERIC(14, 2) NOT NULL,
	TRANSFER_COUNT INT NOT NULL,
	TRANSFER_TOTAL_EUR NUMERIC(14, 2) NOT NULL,
	BANK_FILE VARCHAR(500),
	CONSTRAINT RUN_APPROVAL_PK PRIMARY KEY (RUN_ID)
);

-- Every transfer of a ledger line: issued in a bank file (SENT), refused by the bank (REJECTED,
-- with its reason), held because the centre has no usable bank account (HELD), or replaced by a
-- corrected transfer (REISSUED). ISSUE counts the transfers of one ledger line: 1 for the first,
-- 2 for its correction...; (REFERENCE, ISSUE) is unique, so a correction is issued once.
CREATE TABLE BANK_TRANSFER (
	END_TO_END_ID VARCHAR(35) NOT NULL,
	REFERENCE VARCHAR(100) NOT NULL,
	ISSUE INT NOT NULL,
	RUN_ID BIGINT NOT NULL,
	EXERCICE INT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	STREAM VARCHAR(32) NOT NULL,
	KIND VARCHAR(16) NOT NULL,
	AMOUNT_EUR NUMERIC(14, 2) NOT NULL,
	IBAN VARCHAR(34),
	BIC VARCHAR(11),
	EXECUTION_DATE DATE NOT NULL,
	BANK_FILE VARCHAR(500),
	STATUS VARCHAR(16) NOT NULL,
	STATUS_REASON VARCHAR(500),
	RECORDED_AT TIMESTAMP NOT NULL,
	CONSTRAINT BANK_TRANSFER_PK PRIMARY KEY (END_TO_END_ID),
	CONSTRAINT BANK_TRANSFER_ISSUE_UK UNIQUE (REFERENCE, ISSUE)
);

CREATE INDEX BANK_TRANSFER_RUN_IX ON BANK_TRANSFER (RUN_ID);
