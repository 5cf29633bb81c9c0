/**
 * 综合评价 figure (issue: digital city management): the evaluation of one month for all
 * departments, regions and inspectors over 1,000,000 cases (goal < 1 s), beside a baseline
 * measured in the same run: counting that month's cases with one indexed query.
 * `BENCH_CASES` (default 1,000,000) sets the number of generated cases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { migrate } from '../src/server/kernel/db/migrate';
import { createLogger } from '../src/server/kernel/logger';
import { modules } from '../src/server/modules';
import { evaluate, type Target } from '../src/server/modules/cases/evaluation';
import type { CasesTables } from '../src/server/modules/cases';
import { classStore } from '../src/server/modules/cases/classes';
import { migrationSources } from '../src/server/platform';

const total = Number(process.env.BENCH_CASES ?? 1_000_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-eval-'));
fs.chmodSync(work, 0o755);
const log = createLogger('warn');
const server = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log });
const database = connect(server.url);
try {
  await migrate(database.db, migrationSources(modules), log);
  const db = ownTables<CasesTables>(database);
  await classStore.seed(db);
  const started = performance.now();
  // a year of cases spread over 10 departments and 7 streets; a quarter reworked, a fifth late
  await sql`
    INSERT INTO city_case (id, case_no, class_code, source, description, lng, lat, street_code, reporter_id, status, department_org_id, rework_count, instance_id, reported_at, filed_at, closed_at)
    SELECT gen_random_uuid(), 'CG' || lpad(g::text, 13, '0'), 'E0102', CASE WHEN g % 20 = 0 THEN 'citizen' ELSE 'inspector' END, '压测', 105.93, 29.35,
           '500118' || lpad((1 + g % 7)::text, 3, '0'), ('00000000-0000-7000-8000-' || lpad((g % 50)::text, 12, '0'))::uuid,
           CASE WHEN g % 10 = 0 THEN 'invalid' WHEN g % 9 = 0 THEN 'handling' ELSE 'closed' END,
           ('00000000-0000-7000-8000-' || lpad((100 + g % 10)::text, 12, '0'))::uuid, CASE WHEN g % 4 = 0 THEN 1 ELSE 0 END, gen_random_uuid(),
           timestamptz '2026-01-01 08:00+08' + (g::double precision / ${total}) * interval '365 days', timestamptz '2026-01-01 09:00+08' + (g::double precision / ${total}) * interval '365 days', NULL
      FROM generate_series(1, ${total}) g`.execute(database.db);
  await sql`
    INSERT INTO case_stage (step_id, case_id, stage, org_id, entered_at, due_at, left_at, action, actor_id)
    SELECT gen_random_uuid(), c.id, s.stage, c.department_org_id, c.reported_at + interval '2 hours', c.reported_at + interval '6 hours',
           c.reported_at + CASE WHEN abs(hashtext(c.case_no)) % 5 = 0 THEN interval '8 hours' ELSE interval '5 hours' END,
           CASE s.stage WHEN 'handling' THEN 'feedback' ELSE 'pass' END, c.reporter_id
      FROM city_case c CROSS JOIN (VALUES ('handling'), ('checking')) s(stage)
     WHERE c.status <> 'invalid'`.execute(database.db);
  // the flag the transition hook keeps: some stage left after its due time
  await sql`UPDATE city_case c SET late = true WHERE EXISTS (SELECT 1 FROM case_stage s WHERE s.case_id = c.id AND s.left_at > s.due_at)`.execute(database.db);
  await sql`VACUUM ANALYZE city_case`.execute(database.db);
  await sql`ANALYZE case_stage`.execute(database.db);
  console.log(`generated ${total.toLocaleString()} cases and their stages in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

  const month = { from: new Date('2026-06-01T00:00:00+08:00'), to: new Date('2026-07-01T00:00:00+08:00') };
  const time = async (fn: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await fn();
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[2]!;
  };
  const baseline = await time(() => sql`SELECT count(*) FROM city_case WHERE reported_at >= ${month.from} AND reported_at < ${month.to}`.execute(database.db));
  console.log(`baseline: count one month's cases (indexed)        ${baseline.toFixed(1)} ms (median of 5)`);
  for (const target of ['department', 'region', 'inspector'] as Target[]) {
    const ms = await time(() => evaluate(db, target, month));
    console.log(`ours: evaluation of June by ${target.padEnd(10)}            ${ms.toFixed(1)} ms (median of 5)  ratio ${(ms / baseline).toFixed(1)}× the baseline  (goal < 1000 ms)`);
  }
} finally {
  await database.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
