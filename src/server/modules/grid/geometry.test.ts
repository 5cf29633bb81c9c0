import { describe, expect, it } from 'vitest';
import { BucketIndex } from './bucket-index';
import { compile, ringSide, shapeContains, signedArea2, type AreaGeometry, type Position } from './geometry';
import { GridIndex } from './grid-index';
import { checkFeatures, selfIntersects, type ImportFeature } from './import-check';
import { cellKey, outline } from './lattice';

const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('point in polygon (ray casting, closed polygons)', () => {
  const withHole: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()] };
  const shape = compile(withHole);

  it('finds points inside, outside, in the hole, and on every edge', () => {
    expect(shapeContains(shape, 1, 1)).toBe(true);
    expect(shapeContains(shape, 11, 1)).toBe(false);
    expect(shapeContains(shape, 5, 5)).toBe(false); // in the hole
    expect(shapeContains(shape, 0, 5)).toBe(true); // on the outer edge
    expect(shapeContains(shape, 10, 10)).toBe(true); // on a corner
    expect(shapeContains(shape, 4, 5)).toBe(true); // on the hole's edge: the polygon's boundary
    expect(ringSide(compile({ type: 'Polygon', coordinates: [square(0, 0, 10)] })[0]![0]!, 10, 3)).toBe(-1);
  });

  it('handles MultiPolygons and the ray passing exactly through a vertex', () => {
    const multi = compile({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] });
    expect(shapeContains(multi, 5.5, 5.5)).toBe(true);
    expect(shapeContains(multi, 3, 3)).toBe(false);
    const diamond = compile({ type: 'Polygon', coordinates: [[[0, 1], [1, 0], [2, 1], [1, 2], [0, 1]]] });
    expect(shapeContains(diamond, 0.5, 1)).toBe(true); // the ray meets the vertex (2, 1)
    expect(shapeContains(diamond, -0.5, 1)).toBe(false); // the ray meets two vertices
  });
});

describe('outlines of lattice cells', () => {
  it('gives one counter-clockwise outer ring and a clockwise hole for a ring of cells', () => {
    const cells = new Set<number>();
    for (let i = 0; i < 3; i += 1) for (let j = 0; j < 3; j += 1) if (i !== 1 || j !== 1) cells.add(cellKey(i, j));
    const [polygon, ...others] = outline(cells);
    expect(others).toHaveLength(0);
    expect(polygon).toHaveLength(2);
    expect(polygon![0]).toHaveLength(5); // corners only
    expect(signedArea2(polygon![0]!)).toBeGreaterThan(0);
    expect(signedArea2(polygon![1]!)).toBeLessThan(0);
  });

  it('splits cells that touch only at a corner into two simple polygons', () => {
    const polygons = outline(new Set([cellKey(0, 0), cellKey(1, 1)]));
    expect(polygons).toHaveLength(2);
    for (const p of polygons) expect(p[0]).toHaveLength(5);
  });
});

describe('the lookup index', () => {
  const unit = (code: string, x: number, y: number, size = 1) => ({ code, name: code, communityCode: code.slice(0, 12), geometry: { type: 'Polygon' as const, coordinates: [square(x, y, size)] } });
  const index = GridIndex.build({
    version: 1,
    areas: [
      { code: '500118', name: '区', level: 'district', parentCode: null, orgId: null, geometry: { type: 'Polygon', coordinates: [square(-10, -10, 30)] } },
      { code: '500118001', name: '街道', level: 'street', parentCode: '500118', orgId: 'o', geometry: null },
      { code: '500118001001', name: '社区', level: 'community', parentCode: '500118001', orgId: null, geometry: null },
    ],
    // a big grid under two small ones that share an edge
    units: [unit('500118001001003', 0, 0, 8), unit('500118001001002', 1, 1), unit('500118001001001', 0, 1)],
    memberships: [{ unitCode: '500118001001002', responsibilityId: 'r' }],
  });

  it('answers with the lowest code where grids share an edge or overlap', () => {
    expect(index.locate(0.5, 1.5)?.unitGridCode).toBe('500118001001001');
    expect(index.locate(1, 1.5)?.unitGridCode).toBe('500118001001001'); // shared edge
    expect(index.locate(1.5, 1.5)).toMatchObject({ unitGridCode: '500118001001002', streetName: '街道', streetOrgId: 'o', responsibilityGridId: 'r' });
    expect(index.locate(5, 5)?.unitGridCode).toBe('500118001001003');
    expect(index.locate(9, 9)).toBeNull();
    expect(index.insideDistrict(9, 9)).toBe(true);
    expect(index.insideDistrict(30, 9)).toBe(false);
    expect(index.locate(Number.NaN, 1)).toBeNull();
  });

  it('buckets lists a box in every bucket it touches and keeps huge boxes aside', () => {
    const boxes = Float64Array.of(0, 0, 1, 1, 1, 0, 2, 1, 0, 0, 1000, 1000);
    const buckets = new BucketIndex(boxes);
    expect([...buckets.bucketAt(1, 0.5)!]).toEqual([0, 1]);
    expect([...buckets.oversized]).toEqual([2]);
  });
});

describe('import checks that need no database', () => {
  const feature = (code: string, ring: unknown[], type = 'Polygon'): ImportFeature => ({ type: 'Feature', properties: { code, name: '网格' }, geometry: { type, coordinates: [ring] } });
  const good = square(105.9, 29.3, 0.001);

  it('accepts a closed ring of either winding and stores it counter-clockwise', () => {
    const { checked, errors } = checkFeatures([feature('500118101001001', [...good].reverse())]);
    expect(errors).toEqual([]);
    expect(signedArea2(checked[0]!.geometry.coordinates[0]!)).toBeGreaterThan(0);
  });

  it('finds self-crossing rings', () => {
    expect(selfIntersects([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])).toBe(true);
    expect(selfIntersects(square(0, 0, 1))).toBe(false);
    const { errors } = checkFeatures([feature('500118101001001', [[105.9, 29.3], [105.92, 29.32], [105.92, 29.3], [105.9, 29.31], [105.9, 29.3]])]);
    expect(errors.map((e) => e.code)).toEqual(['simple']);
  });
});
