-- Business numbers of applications (SP + yyyymmdd + 5 digits) from a sequence instead of the kernel's
-- counter row: a counter row is a lock every submission queues on, each holding it for a commit of
-- its own (a disk flush), which capped submissions at one flush at a time (≈ 35/s on the 2-core machine).
-- nextval takes no lock and needs no commit; the daily number is the sequence value minus the day's base,
-- fixed by the day's first submission. A value a failed submission took is a gap, as before.
CREATE SEQUENCE service_application_no_seq;

CREATE TABLE service_application_number_day (
  day date PRIMARY KEY,            -- Shanghai date
  base bigint NOT NULL             -- daily number = nextval − base
);

-- numbers the counter row already gave today (and earlier) go on from where it stopped
INSERT INTO service_application_number_day (day, base)
SELECT day, nextval('service_application_no_seq') - last
  FROM business_sequence
 WHERE prefix = 'SP';
