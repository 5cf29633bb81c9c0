/**
 * Grid figure (issue: digital city management, 1. geography): point → unit grid lookups per
 * second over random points in the urban area (and the share that falls in a grid), beside a
 * baseline measured in the same run over the same points: a trivial loop that only reads each
 * point. The ratio is information, no goal. `BENCH_POINTS` (default 1,000,000) sets the points.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/kernel/config';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { migrate } from '../src/server/kernel/db/migrate';
import { createLogger } from '../src/server/kernel/logger';
import { modules } from '../src/server/modules';
import { GridService } from '../src/server/modules/grid';
import { seedGrid } from '../src/server/modules/grid/seed';
import type { GridTables } from '../src/server/modules/grid/tables';
import { orgModule } from '../src/server/modules/org';
import { assembleKernel, migrationSources } from '../src/server/platform';

const total = Number(process.env.BENCH_POINTS ?? 1_000_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-grid-'));
fs.chmodSync(work, 0o755);
const log = createLogger('warn');
const server = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log });
const database = connect(server.url);

/** Runs `body` over all points `rounds` times; the median round in lookups per second. */
function rate(body: () => number): { perSecond: number; result: number } {
  const rates: number[] = [];
  let result = 0;
  for (let r = 0; r < rounds; r += 1) {
    const started = performance.now();
    result = body();
    rates.push(total / ((performance.now() - started) / 1000));
  }
  return { perSecond: rates.sort((a, b) => a - b)[Math.floor(rounds / 2)]!, result };
}

try {
  await migrate(database.db, migrationSources(modules), log);
  // the organisation tree, then the grid areas and demo geometry (as a start with SEED_DEMO=1)
  const kernel = await assembleKernel({ ...loadConfig({ NODE_ENV: 'test' }), fieldKey: 'c5'.repeat(32), dataDir: work }, database, log);
  await orgModule.seed!(kernel, { demo: true });
  const db = ownTables<GridTables>(database);
  const seeded = await seedGrid(kernel, db, { demo: true });

  const service = new GridService(db);
  const loadStarted = performance.now();
  const index = await service.current();
  const loadMs = performance.now() - loadStarted;

  // random points (seeded) in the bounding box of the seven urban streets
  const streets = await db.selectFrom('grid_area').select(['min_lng', 'min_lat', 'max_lng', 'max_lat']).where('kind', '=', 'street').execute();
  const box = {
    minLng: Math.min(...streets.map((s) => s.min_lng!)),
    minLat: Math.min(...streets.map((s) => s.min_lat!)),
    maxLng: Math.max(...streets.map((s) => s.max_lng!)),
    maxLat: Math.max(...streets.map((s) => s.max_lat!)),
  };
  let seed = 500118;
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const points = new Float64Array(total * 2);
  for (let k = 0; k < total; k += 1) {
    points[2 * k] = box.minLng + next() * (box.maxLng - box.minLng);
    points[2 * k + 1] = box.minLat + next() * (box.maxLat - box.minLat);
  }

  const baseline = rate(() => {
    let sum = 0;
    for (let k = 0; k < total; k += 1) sum += (points[2 * k] as number) + (points[2 * k + 1] as number) > 135.28 ? 1 : 0;
    return sum;
  });
  const lookups = rate(() => {
    let found = 0;
    for (let k = 0; k < total; k += 1) if (index.locate(points[2 * k] as number, points[2 * k + 1] as number)) found += 1;
    return found;
  });
  // the async API other modules call (await per lookup), on a tenth of the points
  const asyncPoints = Math.floor(total / 10);
  const asyncStarted = performance.now();
  for (let k = 0; k < asyncPoints; k += 1) await service.locate(points[2 * k] as number, points[2 * k + 1] as number);
  const asyncRate = asyncPoints / ((performance.now() - asyncStarted) / 1000);

  console.log(`grid bench — ${os.cpus().length} cores, ${total.toLocaleString('en')} random points in the urban box ${box.minLng.toFixed(3)}–${box.maxLng.toFixed(3)}°E ${box.minLat.toFixed(3)}–${box.maxLat.toFixed(3)}°N, median of ${rounds} rounds`);
  console.log(`index: ${index.unitGridCount} unit grids (seeded ${seeded.demoUnitGrids} demo), loaded and built in ${loadMs.toFixed(0)} ms\n`);
  console.log(`baseline: trivial loop reading each point            ${(baseline.perSecond / 1e6).toFixed(1).padStart(8)} M points/s`);
  console.log(`ours: GridIndex.locate (bucket index + point-in-polygon) ${(lookups.perSecond / 1e6).toFixed(2).padStart(6)} M lookups/s  ${(1e6 / lookups.perSecond).toFixed(2)} µs each  found ${((100 * lookups.result) / total).toFixed(1)} %  ratio ${(lookups.perSecond / baseline.perSecond).toFixed(3)} (information, no goal)`);
  console.log(`ours: await GridService.locate (the API of cases, iot)  ${(asyncRate / 1e6).toFixed(2).padStart(6)} M lookups/s  ${(1e6 / asyncRate).toFixed(2)} µs each\n`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
