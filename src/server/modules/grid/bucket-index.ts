/**
 * A uniform bucket grid over bounding boxes: the spatial index of the unit grids.
 * Each box is listed in every bucket it touches (edges included), so a point's
 * bucket holds every box that may contain it. Buckets are about the size of a
 * typical box, so a lookup sees a handful of candidates.
 */

const minCell = 1e-4; // degrees, ≈ 10 m: keeps bucket numbers within 2^21 per axis over China
const maxBucketsPerBox = 4096;
const axis = 2 ** 21;

const maxDenseBuckets = 1 << 22;

export class BucketIndex {
  /** buckets by x * rows + y when the extent is small enough (always, for one district); else by key in a Map */
  private readonly dense: Array<Int32Array | undefined> | null;
  private readonly rows: number;
  private readonly columns: number;
  private readonly sparse = new Map<number, Int32Array>();
  /** boxes too large for buckets (an oddly drawn import): checked on every lookup */
  readonly oversized: Int32Array;
  private readonly originX: number;
  private readonly originY: number;
  readonly cell: number;

  /** `boxes` holds minX, minY, maxX, maxY per item. */
  constructor(boxes: Float64Array) {
    const n = boxes.length / 4;
    let originX = Infinity;
    let originY = Infinity;
    const extents: number[] = [];
    for (let k = 0; k < n; k += 1) {
      originX = Math.min(originX, boxes[4 * k] as number);
      originY = Math.min(originY, boxes[4 * k + 1] as number);
      extents.push(Math.max((boxes[4 * k + 2] as number) - (boxes[4 * k] as number), (boxes[4 * k + 3] as number) - (boxes[4 * k + 1] as number)));
    }
    extents.sort((a, b) => a - b);
    this.cell = Math.max(minCell, extents[Math.floor(n / 2)] ?? minCell);
    this.originX = Number.isFinite(originX) ? originX : 0;
    this.originY = Number.isFinite(originY) ? originY : 0;
    const lists = new Map<number, number[]>();
    const oversized: number[] = [];
    for (let k = 0; k < n; k += 1) {
      const x0 = this.bucketX(boxes[4 * k] as number);
      const y0 = this.bucketY(boxes[4 * k + 1] as number);
      const x1 = this.bucketX(boxes[4 * k + 2] as number);
      const y1 = this.bucketY(boxes[4 * k + 3] as number);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > maxBucketsPerBox) {
        oversized.push(k);
        continue;
      }
      for (let x = x0; x <= x1; x += 1) {
        for (let y = y0; y <= y1; y += 1) {
          const key = x * axis + y;
          const list = lists.get(key);
          if (list) list.push(k);
          else lists.set(key, [k]);
        }
      }
    }
    let columns = 0;
    let rows = 0;
    for (const key of lists.keys()) {
      columns = Math.max(columns, Math.floor(key / axis) + 1);
      rows = Math.max(rows, (key % axis) + 1);
    }
    this.columns = columns;
    this.rows = rows;
    this.dense = columns * rows <= maxDenseBuckets ? new Array<Int32Array | undefined>(columns * rows).fill(undefined) : null;
    for (const [key, list] of lists) {
      if (this.dense) this.dense[Math.floor(key / axis) * rows + (key % axis)] = Int32Array.from(list);
      else this.sparse.set(key, Int32Array.from(list));
    }
    this.oversized = Int32Array.from(oversized);
  }

  private bucketX(x: number): number {
    return Math.min(axis - 1, Math.max(0, Math.floor((x - this.originX) / this.cell)));
  }

  private bucketY(y: number): number {
    return Math.min(axis - 1, Math.max(0, Math.floor((y - this.originY) / this.cell)));
  }

  /** Items whose box may contain the point, ascending (besides `oversized`). */
  bucketAt(x: number, y: number): Int32Array | undefined {
    const bx = Math.floor((x - this.originX) / this.cell);
    const by = Math.floor((y - this.originY) / this.cell);
    if (this.dense) return bx >= 0 && by >= 0 && bx < this.columns && by < this.rows ? this.dense[bx * this.rows + by] : undefined;
    return bx >= 0 && by >= 0 && bx < axis && by < axis ? this.sparse.get(bx * axis + by) : undefined;
  }
}
