-- Remote partitioning: the lease of a partition being read by a worker. The worker adds one to
-- BEATS every few seconds, in a short transaction of its own, while it reads the partition. A
-- request redelivered by the broker (its worker's connection was lost) is taken over by another
-- worker only once BEATS has stopped moving: no clock is compared, so hosts need not agree on
-- the time. PROCESS fences the heartbeat: a worker whose lease was taken over stops beating.
CREATE TABLE PARTITION_LEASE (
	STEP_EXECUTION_ID BIGINT NOT NULL,
	PROCESS VARCHAR(200) NOT NULL,
	BEATS BIGINT NOT NULL,
	CONSTRAINT PARTITION_LEASE_PK PRIMARY KEY (STEP_EXECUTION_ID)
);
