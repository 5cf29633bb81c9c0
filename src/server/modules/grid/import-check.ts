/**
 * The rules a unit grid import must meet that need no database: every feature
 * is checked and every fault is reported with a pointer to it (the import is
 * refused as a whole if any feature fails).
 */
import type { FieldError } from '../../kernel/http/problem';
import { fieldError } from './errors';
import { bboxOf, signedArea2, type BBox, type PolygonGeometry, type Position } from './geometry';

export interface ImportFeature {
  type: 'Feature';
  properties: { code: string; name: string; orgId?: string | null };
  geometry: { type: string; coordinates: unknown[] };
}

export interface CheckedFeature {
  index: number;
  code: string;
  name: string;
  orgId: string | null;
  geometry: PolygonGeometry;
  bbox: BBox;
}

/** China's extent in longitude and latitude (漠河 to 曾母暗沙, 帕米尔 to 抚远), rounded outwards. */
export const chinaRange = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;
/** 15 digits: district 6 + street 3 + community 3 + sequence 001–999 */
export const unitCodePattern = /^[0-9]{12}(?!000)[0-9]{3}$/;
const namePattern = /^[^\u0000-\u001f\u007f<>]{1,60}$/;
const maxRingPositions = 2000;

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

const within = (a: Position, b: Position, c: Position) =>
  Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);

function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && within(a, b, c)) || (o2 === 0 && within(a, b, d)) || (o3 === 0 && within(c, d, a)) || (o4 === 0 && within(c, d, b));
}

/** Whether two edges that are not neighbours along a closed ring touch or cross. */
export function selfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1; // edges; the last position repeats the first
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 2; j < n; j += 1) {
      if (i === 0 && j === n - 1) continue; // first and last edge share the closing vertex
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((x) => typeof x === 'number' && Number.isFinite(x));

/** One ring: its faults (at most one, the first) or the ring as [lng, lat] positions. */
function checkRing(raw: unknown, at: string): { ring: Position[] } | { error: FieldError } {
  if (!Array.isArray(raw) || raw.length < 4) {
    return { error: fieldError(at, 'ring', '环至少需要 4 个坐标（首尾相同）', 'a ring needs at least 4 positions (first = last)') };
  }
  if (raw.length > maxRingPositions) {
    return { error: fieldError(at, 'maxItems', `环的坐标不能超过 ${maxRingPositions} 个`, `a ring may have at most ${maxRingPositions} positions`) };
  }
  const ring: Position[] = [];
  for (const [p, position] of raw.entries()) {
    if (!isPosition(position)) {
      return { error: fieldError(`${at}/${p}`, 'position', '坐标应为 [经度, 纬度] 数值', 'a position is [longitude, latitude] in numbers') };
    }
    const [lng, lat] = position as [number, number];
    if (lng < chinaRange.minLng || lng > chinaRange.maxLng || lat < chinaRange.minLat || lat > chinaRange.maxLat) {
      return { error: fieldError(`${at}/${p}`, 'range', '坐标超出中国范围（经度 73.4–135.1，纬度 3.8–53.6）', 'outside China (longitude 73.4–135.1, latitude 3.8–53.6)') };
    }
    ring.push([lng, lat]);
  }
  const first = ring[0]!;
  const last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return { error: fieldError(at, 'closed', '环未闭合：首尾坐标必须相同', 'the ring is not closed: the last position must equal the first') };
  }
  if (signedArea2(ring) === 0) return { error: fieldError(at, 'area', '环的面积为零', 'the ring has no area') };
  if (selfIntersects(ring)) return { error: fieldError(at, 'simple', '环自相交', 'the ring crosses or touches itself') };
  return { ring };
}

/** Exterior counter-clockwise, holes clockwise (RFC 7946 §3.1.6); input of either winding is accepted. */
const wound = (ring: Position[], counterClockwise: boolean) => (signedArea2(ring) > 0 === counterClockwise ? ring : [...ring].reverse());

function checkGeometry(geometry: ImportFeature['geometry'], at: string): { geometry: PolygonGeometry } | { errors: FieldError[] } {
  if (geometry.type !== 'Polygon') {
    return { errors: [fieldError(`${at}/type`, 'type', '几何类型应为 Polygon', 'the geometry must be a Polygon')] };
  }
  if (geometry.coordinates.length === 0) {
    return { errors: [fieldError(`${at}/coordinates`, 'minItems', '多边形至少需要一个环', 'a polygon needs at least one ring')] };
  }
  const errors: FieldError[] = [];
  const rings: Position[][] = [];
  geometry.coordinates.forEach((raw, r) => {
    const result = checkRing(raw, `${at}/coordinates/${r}`);
    if ('error' in result) errors.push(result.error);
    else rings.push(wound(result.ring, r === 0));
  });
  if (errors.length > 0) return { errors };
  return { geometry: { type: 'Polygon', coordinates: rings } };
}

/** Checks every feature: well-formed codes, names and polygons, and no code twice. */
export function checkFeatures(features: ImportFeature[]): { checked: CheckedFeature[]; errors: FieldError[] } {
  const checked: CheckedFeature[] = [];
  const errors: FieldError[] = [];
  const firstIndex = new Map<string, number>();
  features.forEach((feature, index) => {
    const at = `/body/features/${index}`;
    const before = errors.length;
    const code = feature.properties.code;
    const name = feature.properties.name.trim();
    if (!unitCodePattern.test(code)) {
      errors.push(
        fieldError(`${at}/properties/code`, 'pattern', '单元网格代码应为 15 位数字：区县 6 + 街道 3 + 社区 3 + 序号 3（001–999）', 'a unit grid code is 15 digits: district 6 + street 3 + community 3 + sequence 3 (001–999)'),
      );
    } else if (firstIndex.has(code)) {
      errors.push(fieldError(`${at}/properties/code`, 'unique', `代码重复（与第 ${firstIndex.get(code)} 个要素相同）`, `duplicate code (same as feature ${firstIndex.get(code)})`));
    } else {
      firstIndex.set(code, index);
    }
    if (!namePattern.test(name)) {
      errors.push(fieldError(`${at}/properties/name`, 'pattern', '名称为 1–60 个字符，不含控制字符和尖括号', 'a name has 1–60 characters, no control characters or angle brackets'));
    }
    const geometry = checkGeometry(feature.geometry, `${at}/geometry`);
    if ('errors' in geometry) errors.push(...geometry.errors);
    else if (errors.length === before) {
      checked.push({ index, code, name, orgId: feature.properties.orgId ?? null, geometry: geometry.geometry, bbox: bboxOf(geometry.geometry) });
    }
  });
  return { checked, errors };
}
