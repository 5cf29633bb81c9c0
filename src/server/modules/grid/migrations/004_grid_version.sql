-- One row: bumped in the transaction of every change to areas, unit grids or responsibility
-- grids. Each server copy's in-memory index compares it at most every few seconds. The row is
-- created by the first change (no rows from migrations: a restore loads into empty tables).
CREATE TABLE grid_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
