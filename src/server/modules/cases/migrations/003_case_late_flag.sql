-- A case with any stage left after its due time is late: kept on the case by the transition
-- hook, so that the evaluation counts "closed on time" without visiting every stage.
ALTER TABLE city_case ADD COLUMN late boolean NOT NULL DEFAULT false;
UPDATE city_case c SET late = true
 WHERE EXISTS (SELECT 1 FROM case_stage s WHERE s.case_id = c.id AND s.due_at IS NOT NULL AND s.left_at > s.due_at);
