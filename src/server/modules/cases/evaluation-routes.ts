import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../kernel/audit/write';
import { findStaffMember, identityContext } from '../../kernel/identity';
import type { App, Kernel } from '../../kernel/module';
import { orgService, type OrgTables } from '../org';
import { evaluate, type Target } from './evaluation';
import { toCsv } from './csv';
import type { CasesDb } from './store';

const problem = { $ref: 'Problem#' } as const;
const Rates = Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]));
const Counts = Type.Record(Type.String(), Type.Number());

const labels: Record<string, string> = {
  reported: '上报数', valid: '有效上报数', filed: '立案数', closed: '结案数', closedOnTime: '按期结案数', inspectorFound: '监督员发现数',
  due: '应处置数', handled: '处置数', handledOnTime: '按期处置数', overdue: '超期处置数', reworked: '返工数',
  reports: '上报数', verifications: '核实数', verifiedOnTime: '按时核实数', checks: '核查数', checkedOnTime: '按时核查数',
  validReportRate: '有效上报率', filingRate: '立案率', closureRate: '结案率', closedOnTimeRate: '按期结案率', inspectorFoundRate: '主动发现率',
  handlingRate: '处置率', handledOnTimeRate: '按期处置率', reworkRate: '返工率', verifiedOnTimeRate: '按时核实率', checkedOnTimeRate: '按时核查率',
};

/** 综合评价 pages: indicators, composite score and ranking per region, department or inspector; CSV for Excel. */
export function evaluationRoutes(app: App, db: CasesDb, kernel: Kernel): void {
  const orgs = kernel.database.db as unknown as Kysely<OrgTables>;
  const identity = identityContext(kernel);
  async function namesFor(target: Target, keys: string[]): Promise<Map<string, string>> {
    if (target === 'inspector') {
      const found = await Promise.all(keys.map(async (k) => [k, (await findStaffMember(identity, k))?.displayName ?? k] as const));
      return new Map(found);
    }
    const all = await orgService.list(orgs);
    return new Map(all.map((o) => [target === 'region' ? o.code : o.id, o.name] as const).filter(([k]) => keys.includes(k)));
  }

  app.get<{ Querystring: { target: Target; from: string; to: string; format?: 'json' | 'csv' } }>('/api/v1/cases/evaluation', {
    config: { access: { permission: 'cases:read' } },
    schema: {
      tags: ['cases'],
      summary: '综合评价（区域、部门、监督员）/ evaluation by region, department or inspector, scored and ranked',
      querystring: Type.Object(
        { target: Type.Union([Type.Literal('region'), Type.Literal('department'), Type.Literal('inspector')]), from: Type.String({ format: 'date' }), to: Type.String({ format: 'date', description: 'exclusive' }), format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ target: Type.String(), from: Type.String(), to: Type.String(), weights: Type.Record(Type.String(), Type.Number()), items: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), rank: Type.Integer(), score: Type.Number(), counts: Counts, rates: Rates })) }),
        400: problem,
        401: problem,
        403: problem,
      },
    },
  }, async (request, reply) => {
    const q = request.query;
    // calendar dates in Shanghai time: the period runs from 00:00 of `from` to 00:00 of `to`
    const period = { from: new Date(`${q.from}T00:00:00+08:00`), to: new Date(`${q.to}T00:00:00+08:00`) };
    const result = await evaluate(db, q.target, period);
    const names = await namesFor(q.target, result.items.map((i) => i.key));
    const items = result.items.map((i) => ({ ...i, name: names.get(i.key) ?? (i.key || '（未定位）') }));
    if (q.format === 'csv') {
      const first = items[0];
      const countKeys = first ? Object.keys(first.counts) : [];
      const rateKeys = first ? Object.keys(first.rates) : [];
      const csv = toCsv(
        ['排名', '名称', '综合得分', ...countKeys.map((k) => labels[k] ?? k), ...rateKeys.map((k) => labels[k] ?? k)],
        items.map((i) => [i.rank, i.name, i.score, ...countKeys.map((k) => i.counts[k as keyof typeof i.counts]), ...rateKeys.map((k) => { const v = i.rates[k as keyof typeof i.rates]; return v === null ? '' : (v * 100).toFixed(2) + '%'; })]),
      );
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="evaluation-${q.target}-${q.from}.csv"`).send(csv);
    }
    return { target: q.target, from: q.from, to: q.to, weights: result.weights, items };
  });

  app.put<{ Params: { target: Target }; Body: Record<string, number> }>('/api/v1/cases/evaluation/weights/:target', {
    config: { access: { permission: 'cases:evaluation.manage' } },
    schema: {
      tags: ['cases'],
      summary: '设置综合评价权重 / set the weights of the composite score',
      params: Type.Object({ target: Type.Union([Type.Literal('region'), Type.Literal('department'), Type.Literal('inspector')]) }),
      body: Type.Record(Type.String({ pattern: '^[a-zA-Z]{3,40}$' }), Type.Number({ minimum: 0, maximum: 100 }), { minProperties: 1, maxProperties: 12 }),
      response: { 200: Type.Object({ weights: Type.Record(Type.String(), Type.Number()) }), 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => {
    const { target } = request.params;
    const actor = request.actor!;
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('evaluation_weight').where('target', '=', target).execute();
      await tx.insertInto('evaluation_weight').values(Object.entries(request.body).map(([indicator, weight]) => ({ target, indicator, weight }))).execute();
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip ?? null, action: 'cases.evaluation.weights', objectType: 'evaluation_weight', objectId: target, details: request.body });
    });
    return { weights: request.body };
  });
}
