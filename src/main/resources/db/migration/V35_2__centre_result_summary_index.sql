-- The columns of a result's summary (ResultStore.resultSummaries, the previous rule sets of a
-- re-processing) in an index that covers them: H2 then reads them from the index and never the
-- table's row, which holds the result's JSON (29 KB a centre). Issue 21: reading 3,000 such rows
-- was most of regularisationOutputs (resultSummaries 44 %, previousRuleSets 52 % of its samples)
-- and part of balance, runOutputs and summaryReport. Portable SQL (H2, PostgreSQL).
CREATE INDEX CENTRE_RESULT_SUMMARY_IX ON CENTRE_RESULT (RUN_ID, FINESS, EXERCICE, RULESET, CENTRE_TYPE, REGION_CODE,
	SOCLE_MET, TOTAL_EUR);
