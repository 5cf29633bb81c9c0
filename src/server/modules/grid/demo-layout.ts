/**
 * Generated DEMO geometry around Yongchuan's urban centre (≈ 29.35°N, 105.93°E):
 * NOT survey data. Everything is cut from one lattice of 100 m cells, so that
 * neighbours share edges exactly:
 * - the district: 500 m blocks inside a wavy oval of ≈ 35 × 58 km (≈ 1,590 km²);
 * - the urban area: blocks within ≈ 3.6 km of the centre, split among the streets (街道)
 *   by nearest street seed; each street's 100 m cells split among its communities and
 *   villages (k-means), and every cell is one unit grid (单元网格, ≈ 10,000 m²);
 * - the towns (镇): the remaining blocks by nearest town seed on a ring, their
 *   communities and villages again by k-means; no unit grids.
 * The same inputs always give the same layout (seeded random numbers).
 */
import type { AreaGeometry, PolygonGeometry, Position } from './geometry';
import { cellI, cellJ, cellKey, outline, type LatticePolygon } from './lattice';

export const demoCentre = { lng: 105.93, lat: 29.35 } as const;
/** metres per degree at 29.35°N (WGS 84) */
const metresPerDegLat = 110_842;
const metresPerDegLng = 97_107;
const cellMetres = 100;
/** a block is 5 × 5 cells */
const blockCells = 5;

export interface DemoParent {
  code: string;
  /** the community-level units under it, in code order */
  children: Array<{ code: string; name: string }>;
}

export interface DemoUnitGrid {
  code: string;
  name: string;
  communityCode: string;
  geometry: PolygonGeometry;
}

export interface DemoLayout {
  /** area code → geometry, for the district and every street, town, community and village placed */
  areas: Map<string, AreaGeometry>;
  unitGrids: DemoUnitGrid[];
}

/** mulberry32: small, seeded, good enough to place demo shapes */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
/** a lattice vertex (in cells east and north of the centre) → [lng, lat]; the same vertex always gives the same numbers */
const toLngLat = (i: number, j: number): Position => [
  round7(demoCentre.lng + (i * cellMetres) / metresPerDegLng),
  round7(demoCentre.lat + (j * cellMetres) / metresPerDegLat),
];

function toGeometry(polygons: LatticePolygon[], scale: number): AreaGeometry | null {
  const coordinates = polygons.map((rings) => rings.map((ring) => ring.map(([i, j]) => toLngLat(i * scale, j * scale))));
  if (coordinates.length === 0) return null;
  return coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0]! } : { type: 'MultiPolygon', coordinates };
}

interface Point {
  x: number;
  y: number;
}

const centreOf = (key: number): Point => ({ x: cellI(key) + 0.5, y: cellJ(key) + 0.5 });
const dist2 = (a: Point, b: Point) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

function nearest(p: Point, seeds: Point[]): number {
  let best = 0;
  for (let s = 1; s < seeds.length; s += 1) if (dist2(p, seeds[s]!) < dist2(p, seeds[best]!)) best = s;
  return best;
}

/**
 * Splits cells into k compact parts (Lloyd's k-means, farthest-point start), ordered
 * north → south then west → east by centroid, so that the first code sits in the north-west.
 */
function split(cells: number[], k: number): number[][] {
  if (k <= 1 || cells.length <= k) return k <= 0 ? [] : [cells, ...Array.from({ length: k - 1 }, () => [])];
  const points = cells.map(centreOf);
  const seeds: Point[] = [points[0]!];
  while (seeds.length < k) {
    let far = points[0]!;
    let farDist = -1;
    for (const p of points) {
      const d = Math.min(...seeds.map((s) => dist2(p, s)));
      if (d > farDist) [far, farDist] = [p, d];
    }
    seeds.push(far);
  }
  let owner = points.map((p) => nearest(p, seeds));
  for (let round = 0; round < 12; round += 1) {
    for (let s = 0; s < k; s += 1) {
      const mine = points.filter((_, n) => owner[n] === s);
      if (mine.length > 0) seeds[s] = { x: mine.reduce((a, p) => a + p.x, 0) / mine.length, y: mine.reduce((a, p) => a + p.y, 0) / mine.length };
    }
    owner = points.map((p) => nearest(p, seeds));
  }
  const order = seeds.map((s, n) => ({ s, n })).sort((a, b) => b.s.y - a.s.y || a.s.x - b.s.x);
  return order.map(({ n }) => cells.filter((_, m) => owner[m] === n));
}

/** All cells of a set of blocks. */
function cellsOfBlocks(blocks: number[]): number[] {
  const out: number[] = [];
  for (const b of blocks) {
    for (let di = 0; di < blockCells; di += 1) {
      for (let dj = 0; dj < blockCells; dj += 1) out.push(cellKey(cellI(b) * blockCells + di, cellJ(b) * blockCells + dj));
    }
  }
  return out;
}

/** A wavy closed outline: radius (metres) at an angle, around an ellipse of semi-axes a (east) and b (north). */
const wavy = (a: number, b: number, terms: Array<[number, number, number]>) => (theta: number) =>
  ((a * b) / Math.hypot(b * Math.cos(theta), a * Math.sin(theta))) * (1 + terms.reduce((sum, [amp, k, phase]) => sum + amp * Math.sin(k * theta + phase), 0));

/** ≈ 1,590 km², within the real district's extent (105.64–106.07°E, 28.95–29.57°N) */
const districtRadius = wavy(17_500, 29_000, [[0.08, 3, 0.7], [0.05, 5, 2.1], [0.03, 7, 0.3]]);
const urbanRadius = wavy(3_600, 3_600, [[0.12, 2, 0.5], [0.08, 3, 1.9]]);
/** the middle of the district lies south-west of the urban centre */
const districtOffset = { x: -6_800, y: -10_000 };

export function demoLayout(districtCode: string, streets: DemoParent[], towns: DemoParent[]): DemoLayout {
  const rnd = random(500118);
  const blockMetres = blockCells * cellMetres;
  const districtBlocks: number[] = [];
  const urbanBlocks: number[] = [];
  const reach = Math.ceil(50_000 / blockMetres);
  for (let bi = -reach; bi <= reach; bi += 1) {
    for (let bj = -reach; bj <= reach; bj += 1) {
      const x = (bi + 0.5) * blockMetres;
      const y = (bj + 0.5) * blockMetres;
      const dx = x - districtOffset.x;
      const dy = y - districtOffset.y;
      const inUrban = Math.hypot(x, y) <= urbanRadius(Math.atan2(y, x));
      if (!inUrban && Math.hypot(dx, dy) > districtRadius(Math.atan2(dy, dx))) continue;
      districtBlocks.push(cellKey(bi, bj));
      if (inUrban) urbanBlocks.push(cellKey(bi, bj));
    }
  }
  const areas = new Map<string, AreaGeometry>();
  const unitGrids: DemoUnitGrid[] = [];
  const place = (code: string, polygons: LatticePolygon[], scale: number) => {
    const geometry = toGeometry(polygons, scale);
    if (geometry) areas.set(code, geometry);
  };
  place(districtCode, outline(new Set(districtBlocks)), blockCells);

  // streets: the first (中山路, the old town) in the middle, the others around it
  const ringBlocks = 2_600 / blockMetres;
  const streetSeeds: Point[] = streets.map((_, n) => {
    if (n === 0) return { x: 0, y: 0 };
    const theta = Math.PI / 2 - ((n - 1) * 2 * Math.PI) / Math.max(1, streets.length - 1) + (rnd() - 0.5) * 0.3;
    const r = ringBlocks * (0.9 + rnd() * 0.2);
    return { x: r * Math.cos(theta), y: r * Math.sin(theta) };
  });
  const streetBlocks = streets.map(() => [] as number[]);
  for (const b of urbanBlocks) if (streets.length > 0) streetBlocks[nearest(centreOf(b), streetSeeds)]!.push(b);
  streets.forEach((street, n) => {
    const blocks = streetBlocks[n]!;
    place(street.code, outline(new Set(blocks)), blockCells);
    const parts = split(cellsOfBlocks(blocks), street.children.length);
    street.children.forEach((community, c) => {
      const cells = parts[c] ?? [];
      place(community.code, outline(new Set(cells)), 1);
      // numbered west → east, then north → south (GB/T 30428.1)
      const ordered = [...cells].sort((a, b) => cellJ(b) - cellJ(a) || cellI(a) - cellI(b));
      if (ordered.length > 999) throw new Error(`demo community ${community.code} would need ${ordered.length} unit grids (at most 999)`);
      ordered.forEach((key, s) => {
        const i = cellI(key);
        const j = cellJ(key);
        const seq = String(s + 1).padStart(3, '0');
        const ring = [toLngLat(i, j), toLngLat(i + 1, j), toLngLat(i + 1, j + 1), toLngLat(i, j + 1), toLngLat(i, j)];
        unitGrids.push({ code: `${community.code}${seq}`, name: `${community.name}${seq}号网格`, communityCode: community.code, geometry: { type: 'Polygon', coordinates: [ring] } });
      });
    });
  });

  // towns: seeds on a ring around the urban area, coarse blocks, no unit grids
  const townSeeds: Point[] = towns.map((_, n) => {
    const theta = (n * 2 * Math.PI) / Math.max(1, towns.length) + (rnd() - 0.5) * 0.2;
    const r = (districtRadius(theta) * (0.55 + rnd() * 0.15)) / blockMetres;
    return { x: districtOffset.x / blockMetres + r * Math.cos(theta), y: districtOffset.y / blockMetres + r * Math.sin(theta) };
  });
  const urban = new Set(urbanBlocks);
  const townBlocks = towns.map(() => [] as number[]);
  for (const b of districtBlocks) if (!urban.has(b) && towns.length > 0) townBlocks[nearest(centreOf(b), townSeeds)]!.push(b);
  towns.forEach((town, n) => {
    const blocks = townBlocks[n]!;
    place(town.code, outline(new Set(blocks)), blockCells);
    const parts = split(blocks, town.children.length);
    town.children.forEach((unit, c) => place(unit.code, outline(new Set(parts[c] ?? [])), blockCells));
  });
  return { areas, unitGrids };
}
