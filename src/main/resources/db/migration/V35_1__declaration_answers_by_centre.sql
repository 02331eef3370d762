-- Accepted declaration answers, one row per centre and chunk of declarations.csv (issue 21: one
-- row per answer, 59 k rows for the national data under a three-column primary key, was 55 % of
-- the declarations step in H2's inserts and commits). ANSWERS holds the centre's answers of the
-- chunk as JSON, each with its line: [{"line":12,"indicator":"ACCES_HORAIRES","answer":"oui"},…];
-- ANSWER_COUNT their number. FIRST_LINE, the line of the first of them, identifies the row within
-- the run (a line belongs to one chunk). Runs stored before this table keep their rows in
-- RUN_DECLARATION, which every reader still reads. Portable SQL (H2, PostgreSQL).
CREATE TABLE RUN_DECLARATION_ANSWERS (
	RUN_ID BIGINT NOT NULL,
	FIRST_LINE BIGINT NOT NULL,
	FINESS VARCHAR(9) NOT NULL,
	ANSWER_COUNT INT NOT NULL,
	ANSWERS TEXT NOT NULL,
	CONSTRAINT RUN_DECLARATION_ANSWERS_PK PRIMARY KEY (RUN_ID, FIRST_LINE)
);
