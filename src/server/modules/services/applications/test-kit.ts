import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildTestApp, testKernel } from '../../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../../test/helpers/db';
import { signIn, type TestSession } from '../../../../../test/helpers/session';
import { demoPassword } from '../../../kernel/identity';
import { minimalPdf } from '../../../kernel/files/test-samples';
import type { Kernel } from '../../../kernel/module';

/** 食品经营许可（新设）: promised 5 / statutory 20 working days, online, 区市场监管局, result 食品经营许可证. */
export const foodNew = '010000100001';
/** 个体工商户登记: an instant item (即办件), online. */
export const selfEmployed = '010000200000';

export const foodAnswers = {
  operatorName: '永川区小张面馆',
  premises: '重庆市永川区中山路街道人民大道 88 号',
  format: '餐饮服务经营者',
  scope: '热食类食品制售',
  managerId: '11010519491231002X',
  contactPhone: '13800238123',
};

export interface Kit {
  t: TestDatabase;
  app: FastifyInstance;
  /** a second kernel on the same database, to run jobs as another server copy would */
  kernel: Kernel;
  as: Record<'citizen' | 'enterprise' | 'clerk' | 'reviewer' | 'cgreviewer' | 'leader', TestSession>;
  close(): Promise<void>;
}

export async function startKit(): Promise<Kit> {
  const t = await freshDatabase();
  const app = await buildTestApp(t.database);
  const kernel = await testKernel(t.database);
  const names = ['citizen', 'enterprise', 'clerk', 'reviewer', 'cgreviewer', 'leader'] as const;
  const sessions = await Promise.all(names.map((n) => signIn(app, n, demoPassword)));
  const as = Object.fromEntries(names.map((n, i) => [n, sessions[i]!])) as Kit['as'];
  return { t, app, kernel, as, close: async () => { await app.close(); await t.drop(); } };
}

export async function upload(app: FastifyInstance, s: TestSession, bytes: Buffer, type: string, name: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, payload: bytes });
}

/** One PDF per required material of 食品经营许可（新设） that the citizen must upload (2–5; 1 is the online form). */
export async function foodMaterials(app: FastifyInstance, s: TestSession, seqs = [2, 3, 4, 5]) {
  const out = [];
  for (const seq of seqs) out.push({ seq, fileId: (await upload(app, s, minimalPdf(), 'application/pdf', `材料${seq}.pdf`)).json().id as string });
  return out;
}

export function post(app: FastifyInstance, s: TestSession, url: string, payload: object, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers }, payload });
}

export const act = (s: TestSession, instanceId: string, action: string, body: object = {}) => s.request('POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);

export async function applyFood(kit: Kit, key: string, who: TestSession = kit.as.citizen) {
  const materials = await foodMaterials(kit.app, who);
  return post(kit.app, who, '/api/v1/services/applications/submissions', { itemCode: foodNew, answers: foodAnswers, materials }, { 'idempotency-key': key });
}

export const count = async (kit: Kit, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(kit.t.database.db)).rows[0]!.n;
