import { useEffect, useState } from 'react';
import { fetchUnitGrids, type BBox, type UnitGridFeature } from '../api/grid';

/** The unit grids (单元网格) inside `bbox`; none while `bbox` is null (zoomed out). Failures show none. */
export function useUnitGrids(bbox: BBox | null): UnitGridFeature[] {
  const [grids, setGrids] = useState<UnitGridFeature[]>([]);
  const key = bbox ? bbox.map((n) => n.toFixed(3)).join(',') : '';
  useEffect(() => {
    if (!bbox) {
      setGrids([]);
      return undefined;
    }
    const controller = new AbortController();
    fetchUnitGrids(bbox, controller.signal)
      .then((c) => setGrids(c.features))
      .catch(() => {
        if (!controller.signal.aborted) setGrids([]);
      });
    return () => controller.abort();
    // the rounded key stands for the box
  }, [key]);
  return grids;
}
