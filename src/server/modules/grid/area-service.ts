import { areaStore } from './area-store';
import { present } from './present';
import type { AreaLevel, GridDb } from './tables';

export const areaService = {
  /** One tier of areas as GeoJSON; an area whose geometry is not known yet has `geometry: null`. */
  async collection(db: GridDb, level: AreaLevel) {
    return { type: 'FeatureCollection' as const, features: (await areaStore.byLevel(db, level)).map(present.area) };
  },
};
