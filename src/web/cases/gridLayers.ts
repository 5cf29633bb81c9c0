import { useEffect, useState } from 'react';
import { fetchGridAreas, type AreaFeature, type AreaGeometry, type Position } from '../api/grid';
import { registerGeoJson } from './mapCharts';

/** What the maps draw underneath the cases: streets and towns as the base, community outlines on top. */
export interface GridLayers {
  /** the registered ECharts map of the base areas */
  mapName: string;
  /** the geometry is generated demo data (features say demo: true), not survey data */
  demo: boolean;
  /** no area geometry could be loaded: the base is the district's bounding box */
  fallback: boolean;
  communities: Position[][];
  /** the urban streets (街道): small, so labelled only once zoomed in */
  streetNames: string[];
}

/** Yongchuan's extent (105.64–106.07°E, 28.95–29.57°N), used when the grid has no geometry yet. */
export const DISTRICT_BBOX = [105.64, 28.95, 106.07, 29.57] as const;

const outerRings = (g: AreaGeometry): Position[][] => (g.type === 'Polygon' ? g.coordinates.slice(0, 1) : g.coordinates.map((p) => p[0]!).filter(Boolean));

const drawable = (features: AreaFeature[]) => features.filter((f) => f.geometry !== null);

function fallbackMap(): GridLayers {
  const [w, s, e, n] = DISTRICT_BBOX;
  const ring: Position[] = [[w, s], [e, s], [e, n], [w, n], [w, s]];
  registerGeoJson('yc-fallback', {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: '永川区' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
  });
  return { mapName: 'yc-fallback', demo: true, fallback: true, communities: [], streetNames: [] };
}

async function load(): Promise<GridLayers> {
  const streets = drawable((await fetchGridAreas('street')).features);
  if (streets.length === 0) return fallbackMap();
  registerGeoJson('yc-streets', { type: 'FeatureCollection', features: streets.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.name } })) });
  const communities = drawable(await fetchGridAreas('community').then((c) => c.features, () => []));
  return {
    mapName: 'yc-streets',
    demo: [...streets, ...communities].some((f) => f.properties.demo),
    fallback: false,
    communities: communities.flatMap((f) => outerRings(f.geometry!)),
    streetNames: streets.filter((f) => f.properties.kind === 'street').map((f) => f.properties.name),
  };
}

let cached: Promise<GridLayers> | undefined;

/** Loads the area layers once per page load; a failure gives the fallback and is retried next time. */
export function loadGridLayers(): Promise<GridLayers> {
  cached ??= load().catch(() => {
    cached = undefined;
    return fallbackMap();
  });
  return cached;
}

export function useGridLayers(): GridLayers | undefined {
  const [layers, setLayers] = useState<GridLayers>();
  useEffect(() => {
    let live = true;
    void loadGridLayers().then((l) => live && setLayers(l));
    return () => {
      live = false;
    };
  }, []);
  return layers;
}
