/**
 * The in-memory lookup of one version of the grid data: point → unit grid
 * (bucket index, then exact point-in-polygon) and point → inside the district.
 * Built once per version; every lookup is synchronous and allocates nothing.
 */
import { BucketIndex } from './bucket-index';
import { bboxOf, compile, shapeContains, type AreaGeometry, type CompiledShape, type PolygonGeometry } from './geometry';

/** Where a point lies: its unit grid (单元网格), community, street or town, and responsibility grid (责任网格). */
export interface GridHit {
  unitGridCode: string;
  unitGridName: string;
  communityCode: string;
  communityName: string;
  /** the street (街道) or town (镇) */
  streetCode: string;
  streetName: string;
  /** the org module's unit of that street or town */
  streetOrgId: string | null;
  responsibilityGridId: string | null;
}

export interface IndexArea {
  code: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parentCode: string | null;
  orgId: string | null;
  geometry: AreaGeometry | null;
}

export interface IndexUnit {
  code: string;
  name: string;
  communityCode: string;
  geometry: PolygonGeometry;
}

export interface IndexData {
  version: number;
  areas: IndexArea[];
  units: IndexUnit[];
  memberships: Array<{ unitCode: string; responsibilityId: string }>;
}

const slack = 1e-9; // the edge tolerance of geometry.ts: a point on an edge is inside

interface Shape {
  box: Float64Array;
  shape: CompiledShape;
}

const toShape = (geometry: AreaGeometry): Shape => {
  const b = bboxOf(geometry);
  return { box: Float64Array.of(b.minLng, b.minLat, b.maxLng, b.maxLat), shape: compile(geometry) };
};

const inBox = (box: Float64Array, offset: number, x: number, y: number) =>
  x >= (box[offset] as number) - slack && y >= (box[offset + 1] as number) - slack && x <= (box[offset + 2] as number) + slack && y <= (box[offset + 3] as number) + slack;

export class GridIndex {
  private constructor(
    readonly version: number,
    /** per unit grid, in code order: so the first match is the lowest code */
    private readonly hits: readonly GridHit[],
    private readonly shapes: readonly CompiledShape[],
    private readonly boxes: Float64Array,
    private readonly buckets: BucketIndex,
    private readonly district: readonly Shape[],
  ) {}

  static build(data: IndexData): GridIndex {
    const areas = new Map(data.areas.map((a) => [a.code, a]));
    const responsibility = new Map(data.memberships.map((m) => [m.unitCode, m.responsibilityId]));
    const units = [...data.units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const boxes = new Float64Array(units.length * 4);
    const hits = units.map((unit, k) => {
      const b = bboxOf(unit.geometry);
      boxes.set([b.minLng, b.minLat, b.maxLng, b.maxLat], 4 * k);
      const community = areas.get(unit.communityCode);
      const street = community?.parentCode ? areas.get(community.parentCode) : undefined;
      return Object.freeze({
        unitGridCode: unit.code,
        unitGridName: unit.name,
        communityCode: unit.communityCode,
        communityName: community?.name ?? '',
        streetCode: street?.code ?? unit.code.slice(0, 9),
        streetName: street?.name ?? '',
        streetOrgId: street?.orgId ?? null,
        responsibilityGridId: responsibility.get(unit.code) ?? null,
      });
    });
    // the district's outline; without one, the union of its streets and towns
    const withGeometry = (level: IndexArea['level']) => data.areas.filter((a) => a.level === level && a.geometry).map((a) => toShape(a.geometry!));
    const districtShapes = withGeometry('district');
    return new GridIndex(
      data.version,
      hits,
      units.map((u) => compile(u.geometry)),
      boxes,
      new BucketIndex(boxes),
      districtShapes.length > 0 ? districtShapes : withGeometry('street'),
    );
  }

  get unitGridCount(): number {
    return this.hits.length;
  }

  /** Whether the district's outline (or its streets' and towns') is known; without it `insideDistrict` is always false. */
  get hasOutline(): boolean {
    return this.district.length > 0;
  }

  /** The unit grid containing the point (edges included; on a shared edge, the lower code), or null. */
  locate(lng: number, lat: number): GridHit | null {
    let best = -1;
    const bucket = this.buckets.bucketAt(lng, lat);
    if (bucket) {
      for (let n = 0; n < bucket.length; n += 1) {
        const k = bucket[n] as number;
        if (inBox(this.boxes, 4 * k, lng, lat) && shapeContains(this.shapes[k]!, lng, lat)) {
          best = k;
          break;
        }
      }
    }
    const oversized = this.buckets.oversized;
    for (let n = 0; n < oversized.length; n += 1) {
      const k = oversized[n] as number;
      if ((best === -1 || k < best) && inBox(this.boxes, 4 * k, lng, lat) && shapeContains(this.shapes[k]!, lng, lat)) best = k;
    }
    return best === -1 ? null : this.hits[best]!;
  }

  insideDistrict(lng: number, lat: number): boolean {
    for (const d of this.district) if (inBox(d.box, 0, lng, lat) && shapeContains(d.shape, lng, lat)) return true;
    return false;
  }
}
