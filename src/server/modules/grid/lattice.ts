/**
 * Outlines of sets of square cells on an integer lattice (i east, j north):
 * the demo geometry is built from cells so that streets, communities and unit
 * grids share their edges exactly (no gaps, no overlaps).
 */

const OFFSET = 32768;

/** One number per cell (or lattice vertex); i and j within ±32767. */
export const cellKey = (i: number, j: number): number => (i + OFFSET) * 65536 + (j + OFFSET);
export const cellI = (key: number): number => Math.floor(key / 65536) - OFFSET;
export const cellJ = (key: number): number => (key % 65536) - OFFSET;

export type LatticeRing = Array<[number, number]>;
/** Outer ring counter-clockwise first, then holes clockwise; rings closed (first vertex repeated). */
export type LatticePolygon = LatticeRing[];

// E, N, W, S
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

/** 4-connected components, each sorted. */
export function components(cells: ReadonlySet<number>): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of [...cells].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    const part: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const key = stack.pop()!;
      part.push(key);
      const i = cellI(key);
      const j = cellJ(key);
      for (let d = 0; d < 4; d += 1) {
        const next = cellKey(i + DX[d]!, j + DY[d]!);
        if (cells.has(next) && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    out.push(part.sort((a, b) => a - b));
  }
  return out;
}

interface Edge {
  from: number;
  to: number;
  dir: number;
}

/** Boundary edges with the region on their left: outer rings run counter-clockwise, holes clockwise. */
function boundaryEdges(cells: ReadonlySet<number>, part: number[]): Edge[] {
  const edges: Edge[] = [];
  for (const key of part) {
    const i = cellI(key);
    const j = cellJ(key);
    if (!cells.has(cellKey(i, j - 1))) edges.push({ from: cellKey(i, j), to: cellKey(i + 1, j), dir: 0 });
    if (!cells.has(cellKey(i + 1, j))) edges.push({ from: cellKey(i + 1, j), to: cellKey(i + 1, j + 1), dir: 1 });
    if (!cells.has(cellKey(i, j + 1))) edges.push({ from: cellKey(i + 1, j + 1), to: cellKey(i, j + 1), dir: 2 });
    if (!cells.has(cellKey(i - 1, j))) edges.push({ from: cellKey(i, j + 1), to: cellKey(i, j), dir: 3 });
  }
  return edges;
}

/** Chains edges into rings; where two cells touch only at a corner, it turns left, so every ring is simple. */
function chain(edges: Edge[]): Array<{ ring: LatticeRing; firstEdge: Edge }> {
  const outgoing = new Map<number, number[]>();
  edges.forEach((e, n) => outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), n]));
  const used = new Uint8Array(edges.length);
  const rings: Array<{ ring: LatticeRing; firstEdge: Edge }> = [];
  for (let first = 0; first < edges.length; first += 1) {
    if (used[first]) continue;
    const ring: LatticeRing = [];
    let n = first;
    let previousDir = -1;
    for (;;) {
      used[n] = 1;
      const edge = edges[n]!;
      // keep corners only: a vertex where the direction does not change is not needed
      if (edge.dir !== previousDir) ring.push([cellI(edge.from), cellJ(edge.from)]);
      previousDir = edge.dir;
      const options = (outgoing.get(edge.to) ?? []).filter((m) => !used[m] || m === first);
      const preference = [(edge.dir + 1) % 4, edge.dir, (edge.dir + 3) % 4];
      const next = preference.map((d) => options.find((m) => edges[m]!.dir === d)).find((m) => m !== undefined);
      if (next === undefined || next === first) break;
      n = next;
    }
    // the first vertex is not a corner when the ring ends in the direction it started with
    if (edges[first]!.dir === previousDir && ring.length > 1) ring.shift();
    ring.push([ring[0]![0], ring[0]![1]]);
    rings.push({ ring, firstEdge: edges[first]! });
  }
  return rings;
}

function area2(ring: LatticeRing): number {
  let sum = 0;
  for (let k = 1; k < ring.length; k += 1) sum += ring[k - 1]![0] * ring[k]![1] - ring[k]![0] * ring[k - 1]![1];
  return sum;
}

function ringContains(ring: LatticeRing, x: number, y: number): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a, a += 1) {
    const [xa, ya] = ring[a]!;
    const [xb, yb] = ring[b]!;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

/** The outline of a set of cells as polygons (one per 4-connected part), with holes. */
export function outline(cells: ReadonlySet<number>): LatticePolygon[] {
  const polygons: LatticePolygon[] = [];
  for (const part of components(cells)) {
    const rings = chain(boundaryEdges(cells, part));
    const outers = rings.filter((r) => area2(r.ring) > 0).map((r) => [r.ring] as LatticePolygon);
    for (const hole of rings.filter((r) => area2(r.ring) < 0)) {
      // the cell to the right of a hole's edge lies in the hole: its centre is on no boundary
      const e = hole.firstEdge;
      const x = cellI(e.from) + (DX[e.dir]! + DY[e.dir]!) / 2;
      const y = cellJ(e.from) + (DY[e.dir]! - DX[e.dir]!) / 2;
      const owner = outers.find((p) => ringContains(p[0]!, x, y)) ?? outers[0];
      owner?.push(hole.ring);
    }
    polygons.push(...outers);
  }
  return polygons;
}
