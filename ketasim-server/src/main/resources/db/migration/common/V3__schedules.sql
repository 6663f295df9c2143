-- Planned session days (days after the first session, comma-separated) on protocol templates and plans.
ALTER TABLE protocols ADD COLUMN schedule_days VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN schedule_days VARCHAR(400) NOT NULL DEFAULT '';
UPDATE protocols SET schedule_days = '0,2,4,7,9,11' WHERE phase = 'INDUCTION' AND session_count = 6 AND span_days >= 11;
