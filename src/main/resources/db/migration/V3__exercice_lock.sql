-- One row per exercice, locked (SELECT ... FOR UPDATE) by the process that runs a job on that
-- exercice for the whole run: a second launch is refused at once, and a crashed process releases
-- the lock with its connection, so that its execution can be recovered and restarted.
CREATE TABLE EXERCICE_LOCK (
	EXERCICE INT NOT NULL,
	HOLDER VARCHAR(200),
	ACQUIRED TIMESTAMP,
	CONSTRAINT EXERCICE_LOCK_PK PRIMARY KEY (EXERCICE)
);
