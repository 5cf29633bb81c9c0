import type { Kernel } from '../../kernel/module';
import type { Locate } from './location';

/**
 * Until the grid module answers, a point is inside the district when it lies in Yongchuan's
 * bounding box (105.64–106.07°E, 28.95–29.57°N) and has no grid.
 */
export function locatorFor(kernel: Kernel): Locate {
  void kernel;
  return async (lng, lat) => (lng >= 105.64 && lng <= 106.07 && lat >= 28.95 && lat <= 29.57 ? { unitGridCode: null, communityCode: null, streetCode: null, streetOrgId: null } : null);
}
