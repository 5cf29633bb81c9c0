import type { Kernel } from '../../kernel/module';
import { gridService } from '../grid';
import type { Locate } from './location';

/** Yongchuan's bounding box (105.64–106.07°E, 28.95–29.57°N): the only test left when no outline is known. */
const inBox = (lng: number, lat: number) => lng >= 105.64 && lng <= 106.07 && lat >= 28.95 && lat <= 29.57;

/**
 * A reported point's unit grid and street, from the grid module. A point inside the district but
 * in no unit grid (e.g. a town without grids) is accepted without a grid; a deployment that has
 * not imported its outline yet falls back to the district's bounding box.
 */
export function locatorFor(kernel: Kernel): Locate {
  const grid = gridService(kernel);
  return async (lng, lat) => {
    const index = await grid.current();
    const hit = index.locate(lng, lat);
    if (hit) return { unitGridCode: hit.unitGridCode, communityCode: hit.communityCode, streetCode: hit.streetCode, streetOrgId: hit.streetOrgId };
    const inside = index.hasOutline ? index.insideDistrict(lng, lat) : inBox(lng, lat);
    return inside ? { unitGridCode: null, communityCode: null, streetCode: null, streetOrgId: null } : null;
  };
}
