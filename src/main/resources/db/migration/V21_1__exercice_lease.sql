-- The exercice's lease (issue 23 §4), replacing EXERCICE_LOCK, whose row lock lived in a
-- transaction held open for the whole run and so died with its connection (a database restart,
-- idle_in_transaction_session_timeout) while the run went on.
-- One row per exercice, taken, renewed (HEARTBEAT_AT, EXPIRES_AT) and released in short
-- transactions of their own. HOLDER_ID is NULL when nobody holds it. TOKEN is the fencing token:
-- it grows by one at every take, and a run writes payments only in a transaction that first
-- renews the lease under its own token (so a run whose lease was taken over writes nothing).
-- A lease whose EXPIRES_AT has passed may be taken over by another launch.
CREATE TABLE EXERCICE_LEASE (
	EXERCICE INT NOT NULL,
	TOKEN BIGINT NOT NULL,
	HOLDER_ID VARCHAR(40),
	OPERATOR VARCHAR(100),
	HOST VARCHAR(200),
	PID BIGINT,
	TAKEN_AT TIMESTAMP,
	HEARTBEAT_AT TIMESTAMP,
	EXPIRES_AT TIMESTAMP,
	CONSTRAINT EXERCICE_LEASE_PK PRIMARY KEY (EXERCICE)
);

DROP TABLE EXERCICE_LOCK;
