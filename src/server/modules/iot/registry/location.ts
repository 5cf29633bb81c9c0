import type { Kernel } from '../../../kernel/module';
import { gridService } from '../../grid';

/** China's extent (as the cases module checks reports): a coordinate outside it is a typo or swapped lng/lat. */
export const insideChina = (lng: number, lat: number) => Number.isFinite(lng) && Number.isFinite(lat) && lng >= 73 && lng <= 136 && lat >= 3 && lat <= 54;

/** Where a device stands, as the grid module places the point; all null outside every unit grid. */
export interface DeviceLocation {
  unitGridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
}

export type Locate = (lng: number, lat: number) => Promise<DeviceLocation>;

export function locatorFor(kernel: Kernel): Locate {
  const grid = gridService(kernel);
  return async (lng, lat) => {
    const hit = await grid.locate(lng, lat);
    return { unitGridCode: hit?.unitGridCode ?? null, communityCode: hit?.communityCode ?? null, streetCode: hit?.streetCode ?? null };
  };
}
