import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { testKernel } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, type Database } from '../db/database';
import type { Kernel } from '../module';

let t: TestDatabase;
let second: Database;
let a: Kernel; // two server copies on one database
let b: Kernel;

beforeAll(async () => {
  t = await freshDatabase();
  second = connect(t.url, 5);
  a = await testKernel(t.database);
  b = await testKernel(second);
});
afterAll(async () => {
  await second.close();
  await t.drop();
});

async function actors() {
  const rows = (await sql<{ id: string; username: string; org_id: string }>`SELECT id, username, org_id FROM account WHERE username IN ('inspector', 'cgreviewer')`.execute(t.database.db)).rows;
  const inspector = rows.find((r) => r.username === 'inspector')!;
  const reviewer = rows.find((r) => r.username === 'cgreviewer')!;
  return {
    applicant: buildActor({ accountId: inspector.id, displayName: '赵巡查', orgId: inspector.org_id }),
    reviewer: buildActor({ accountId: reviewer.id, displayName: '周科长', orgId: reviewer.org_id, permissions: ['requests:approve.section'], scope: 'own', anchorOrgId: reviewer.org_id }),
  };
}

async function startRequest(kernel: Kernel, applicant: ReturnType<typeof buildActor>, title: string) {
  return t.database.db.transaction().execute((tx) =>
    kernel.workflow.start(tx, applicant, { definition: 'requests.internal', businessModule: 'requests', businessId: title, businessNo: `NB-${title}`, title, orgId: applicant.orgId! }),
  );
}

const notificationsOf = async (accountId: string) =>
  (await sql<{ title_zh: string }>`SELECT title_zh FROM notification WHERE account_id = ${accountId} ORDER BY created_at`.execute(t.database.db)).rows.map((r) => r.title_zh);

describe('escalation (remind → warn → escalate)', () => {
  it('fires each level exactly once even with two server copies, and notifies the assignee and the applicant', async () => {
    const { applicant, reviewer } = await actors();
    const id = await startRequest(a, applicant, '防汛物资');
    const step = (await sql<{ id: string }>`SELECT id FROM wf_step WHERE instance_id = ${id}`.execute(t.database.db)).rows[0]!;
    await a.workflow.claim(reviewer, step.id);
    const jobs = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE name = 'workflow.escalate' AND payload->>'stepId' = ${step.id}`.execute(t.database.db)).rows[0]!.n;
    expect(jobs).toBe(3);
    // time passes: every level is due
    await sql`UPDATE job SET run_at = now() WHERE name = 'workflow.escalate'`.execute(t.database.db);
    for (let i = 0; i < 3; i += 1) await Promise.all([a.jobs.runOnce(), b.jobs.runOnce(), a.jobs.runOnce(), b.jobs.runOnce()]);
    // all three were made due at once, so their order is not defined; each exactly once is
    expect((await notificationsOf(reviewer.accountId)).sort()).toEqual(['办理提醒：防汛物资', '已到期：防汛物资', '超期督办：防汛物资'].sort());
    expect(await notificationsOf(applicant.accountId)).toEqual(['超期督办：防汛物资']);
    const history = (await sql<{ action: string }>`SELECT action FROM wf_history WHERE instance_id = ${id} ORDER BY at`.execute(t.database.db)).rows.map((r) => r.action);
    expect(history).toEqual(['start', 'escalate']);
  });

  it('does nothing once the step has moved on', async () => {
    const { applicant, reviewer } = await actors();
    const id = await startRequest(a, applicant, '办公用品');
    await a.workflow.act(reviewer, id, 'approve_section', {});
    const before = (await notificationsOf(reviewer.accountId)).length;
    await sql`UPDATE job SET run_at = now() WHERE name = 'workflow.escalate' AND status = 'pending'`.execute(t.database.db);
    while ((await a.jobs.runOnce()) > 0);
    expect((await notificationsOf(reviewer.accountId)).length).toBe(before);
    const history = (await sql<{ action: string }>`SELECT action FROM wf_history WHERE instance_id = ${id} ORDER BY at`.execute(t.database.db)).rows.map((r) => r.action);
    expect(history).toEqual(['start', 'approve_section']);
  });
});
