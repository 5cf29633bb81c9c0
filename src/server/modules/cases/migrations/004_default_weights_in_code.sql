-- The default weights live in code (evaluation.ts); rows exist only for a target whose weights
-- someone has set. Rows written by a migration would make a restore into a fresh schema collide.
DELETE FROM evaluation_weight;
