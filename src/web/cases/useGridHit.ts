import { useEffect, useState } from 'react';
import { locateGrid, type GridHit } from '../api/grid';
import { ApiError } from '../api/problem';
import type { LngLat } from './mapOption';

export type GridAnswer = GridHit | 'outside' | 'none';

/** The unit grid of a point: a hit, 'outside' the district, 'none' (in no unit grid), or undefined (looking, or no grid service). */
export function useGridHit(point: LngLat | undefined): GridAnswer | undefined {
  const [hit, setHit] = useState<GridAnswer>();
  const key = point ? `${point.lng},${point.lat}` : '';
  useEffect(() => {
    setHit(undefined);
    if (!point) return undefined;
    const controller = new AbortController();
    locateGrid(point.lng, point.lat, controller.signal)
      .then(setHit)
      .catch((error: unknown) => {
        // the grid's own answers; anything else (no grid service yet, network): say nothing
        if (controller.signal.aborted || !(error instanceof ApiError)) return;
        if (error.problem.code === 'GRID_OUTSIDE_DISTRICT') setHit('outside');
        if (error.problem.code === 'GRID_NO_UNIT_GRID') setHit('none');
      });
    return () => controller.abort();
  }, [key]);
  return hit;
}
