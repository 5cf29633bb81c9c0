import { chainHash, genesisHash } from './chain';
import type { AuditDb } from './tables';

export interface ChainProblem {
  seq: number;
  problem: 'changed' | 'inserted' | 'removed';
  message: { zh: string; en: string };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstProblem: ChainProblem | null;
}

const problem = (seq: number, kind: ChainProblem['problem']): ChainProblem => {
  const text = {
    changed: { zh: `第 ${seq} 条审计记录被修改`, en: `audit record ${seq} was changed` },
    inserted: { zh: `第 ${seq} 条审计记录是插入的（与前一条不衔接）`, en: `audit record ${seq} was inserted (it does not follow the previous one)` },
    removed: { zh: `第 ${seq} 条之前的审计记录被删除`, en: `audit records before ${seq} were removed` },
  }[kind];
  return { seq, problem: kind, message: text };
};

/**
 * Walks the whole chain (from the retention anchor) in seq order, in batches, and names the first record
 * that was changed, inserted or removed. The head row catches removal of the
 * newest records.
 */
export async function verifyAuditChain(db: AuditDb, batchSize = 20_000): Promise<VerifyResult> {
  // after a retention purge the chain starts at the anchor: the hash of the last purged record
  const anchor = await db.selectFrom('audit_anchor').select(['seq', 'hash']).executeTakeFirst();
  let prevHash = anchor?.hash ?? genesisHash;
  let prevSeq = anchor ? Number(anchor.seq) : 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', prevSeq).orderBy('seq').limit(batchSize).execute();
    for (const row of rows) {
      const computed = chainHash(row.prev_hash, {
        seq: Number(row.seq),
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        orgId: row.org_id,
        ip: row.ip,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        result: row.result,
        details: row.details,
      });
      const seq = Number(row.seq);
      if (computed !== row.hash) return { ok: false, checked, lastSeq: prevSeq, firstProblem: problem(seq, 'changed') };
      if (row.prev_hash !== prevHash) {
        const kind = seq !== prevSeq + 1 ? 'removed' : 'inserted';
        return { ok: false, checked, lastSeq: prevSeq, firstProblem: problem(seq, kind) };
      }
      if (seq !== prevSeq + 1) return { ok: false, checked, lastSeq: prevSeq, firstProblem: problem(seq, 'removed') };
      prevHash = row.hash;
      prevSeq = seq;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  if (head && (Number(head.seq) !== prevSeq || head.hash !== prevHash)) {
    const kind = Number(head.seq) > prevSeq ? 'removed' : 'changed';
    return { ok: false, checked, lastSeq: prevSeq, firstProblem: problem(Number(head.seq) > prevSeq ? prevSeq + 1 : prevSeq, kind) };
  }
  return { ok: true, checked, lastSeq: prevSeq, firstProblem: null };
}
