/**
 * Figure (identity issue): `audit:verify` over 1,000,000 audit records, goal under one minute.
 * Builds the records with a valid chain, loads them with COPY, then times the verification.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chainHash, genesisHash } from '../src/server/kernel/audit/chain';
import type { AuditTables } from '../src/server/kernel/audit/tables';
import { verifyAuditChain } from '../src/server/kernel/audit/verify';
import { loadConfig } from '../src/server/kernel/config';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { createLogger } from '../src/server/kernel/logger';
import { assembleKernel, prepareDatabase } from '../src/server/platform';

const total = Number(process.env.AUDIT_RECORDS ?? 1_000_000);
const log = createLogger('warn');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-audit-bench-'));
fs.chmodSync(work, 0o755);
const server = await startEmbedded({ dataDir: work, port: 0, database: 'bench', log });
const database = connect(server.url, 4);
try {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), seedDemo: false, fieldKey: 'b4'.repeat(32) };
  await prepareDatabase(await assembleKernel(config, database, log));
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  let prev = genesisHash;
  const start = Date.parse('2026-06-01T00:00:00Z');
  function* rows() {
    for (let seq = 1; seq <= total; seq += 1) {
      const record = { seq, at: new Date(start + seq * 1000), actorId: null, actorName: `用户${seq % 500}`, orgId: null, ip: '10.1.2.3', action: 'org.update', objectType: 'org_unit', objectId: String(seq % 97), result: 'success' as const, details: { n: seq } };
      const hash = chainHash(prev, record);
      yield `${seq}\t${record.at.toISOString()}\t\\N\t${record.actorName}\t\\N\t${record.ip}\t${record.action}\t${record.objectType}\t${record.objectId}\tsuccess\t{"n": ${seq}}\t${prev}\t${hash}\n`;
      prev = hash;
    }
  }
  const loadStarted = performance.now();
  await pipeline(Readable.from(rows()), client.query(copyFrom('COPY audit_log (seq, at, actor_id, actor_name, org_id, ip, action, object_type, object_id, result, details, prev_hash, hash) FROM STDIN')));
  await client.query('INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2)', [total, prev]);
  await client.end();
  console.log(`loaded ${total} chained records in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
  const started = performance.now();
  const result = await verifyAuditChain(ownTables<AuditTables>(database));
  const seconds = (performance.now() - started) / 1000;
  console.log(`audit:verify over ${result.checked} records: ${seconds.toFixed(1)} s (goal < 60 s), intact=${result.ok}`);
} finally {
  await database.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
