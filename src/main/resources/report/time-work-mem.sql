-- The time report's room to hash, for its transaction only (SET LOCAL), sent in one round trip with
-- its statements (ReportSql.rowsOfEach). The planner cannot tell how many groups a week of a date
-- makes, and with the default 4 MB sorts tens of thousands of rows where hashing them into the few
-- thousand real groups costs a fraction of that.
set local work_mem = '16MB'
