-- The days hub_is_iso_date accepts, 1900-01-01 to 2099-12-31, spelled as a delivered file spells them: a staged DATE
-- value is checked by joining it to them. A table rather than a query in each check, so that PostgreSQL knows their
-- statistics and can join them in the parallel workers that check a large file (a common table expression, or a
-- subquery probed row by row, keeps a plan in one process).
CREATE TABLE "iso_days" ("day" TEXT NOT NULL PRIMARY KEY);
INSERT INTO "iso_days" ("day")
  SELECT to_char(day, 'YYYY-MM-DD') FROM generate_series(DATE '1900-01-01', DATE '2099-12-31', INTERVAL '1 day') AS day;
ANALYZE "iso_days";
