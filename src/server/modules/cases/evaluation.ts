import { sql } from 'kysely';
import type { CasesDb } from './store';

/**
 * 综合评价 (CJ/T 292 / GB/T 30428.4) over a period [from, to):
 * - region (street/town): of the cases reported in the period — valid, filed, closed, closed on
 *   time (no stage of the case left after its due time: `city_case.late`), found by inspectors;
 * - department: of the handling stages it received in the period — handled (fed back), on time,
 *   overdue (left late, or still open past due), reworked cases, cases closed (on time);
 * - inspector: reports (valid), verifications and checks done on time.
 * Rates are fractions 0–1 (null when there is nothing to divide by). The composite score is the
 * weighted sum of the rates (a rework rate counts as 1 − rate), out of the sum of the weights.
 */
export type Target = 'region' | 'department' | 'inspector';

export interface Period {
  from: Date;
  to: Date;
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const num = (v: unknown): number => Number(v ?? 0);

export async function regionIndicators(db: CasesDb, p: Period) {
  const { rows } = await sql<Record<string, unknown>>`
    WITH c AS (
      SELECT c.street_code, c.status, c.filed_at, c.source, NOT c.late AS on_time
        FROM city_case c
       WHERE c.reported_at >= ${p.from} AND c.reported_at < ${p.to})
    SELECT street_code AS key,
           count(*) AS reported,
           count(*) FILTER (WHERE status <> 'invalid') AS valid,
           count(*) FILTER (WHERE filed_at IS NOT NULL) AS filed,
           count(*) FILTER (WHERE status = 'closed') AS closed,
           count(*) FILTER (WHERE status = 'closed' AND on_time) AS closed_on_time,
           count(*) FILTER (WHERE source = 'inspector') AS inspector_found
      FROM c GROUP BY street_code ORDER BY street_code`.execute(db);
  return rows.map((r) => {
    const reported = num(r.reported), valid = num(r.valid), filed = num(r.filed), closed = num(r.closed), onTime = num(r.closed_on_time), found = num(r.inspector_found);
    return {
      key: (r.key as string | null) ?? '',
      counts: { reported, valid, filed, closed, closedOnTime: onTime, inspectorFound: found },
      rates: { validReportRate: rate(valid, reported), filingRate: rate(filed, reported), closureRate: rate(closed, filed), closedOnTimeRate: rate(onTime, filed), inspectorFoundRate: rate(found, reported) },
    };
  });
}

export async function departmentIndicators(db: CasesDb, p: Period) {
  const { rows } = await sql<Record<string, unknown>>`
    WITH h AS (
      SELECT s.org_id, s.case_id,
             bool_or(s.action = 'feedback') AS handled,
             bool_or(s.action = 'feedback' AND (s.due_at IS NULL OR s.left_at <= s.due_at)) AS handled_on_time,
             count(*) FILTER (WHERE s.due_at IS NOT NULL AND (s.left_at > s.due_at OR (s.left_at IS NULL AND now() > s.due_at))) AS overdue
        FROM case_stage s
       WHERE s.stage = 'handling' AND s.entered_at >= ${p.from} AND s.entered_at < ${p.to}
       GROUP BY s.org_id, s.case_id)
    SELECT h.org_id AS key,
           count(*) AS due,
           count(*) FILTER (WHERE h.handled) AS handled,
           count(*) FILTER (WHERE h.handled_on_time) AS handled_on_time,
           sum(h.overdue) AS overdue,
           count(*) FILTER (WHERE h.handled AND c.rework_count > 0) AS reworked,
           count(*) FILTER (WHERE c.status = 'closed') AS closed,
           count(*) FILTER (WHERE c.status = 'closed' AND NOT c.late) AS closed_on_time
      FROM h JOIN city_case c ON c.id = h.case_id
     GROUP BY h.org_id ORDER BY h.org_id`.execute(db);
  return rows.map((r) => {
    const due = num(r.due), handled = num(r.handled), onTime = num(r.handled_on_time), reworked = num(r.reworked), closed = num(r.closed), closedOnTime = num(r.closed_on_time);
    return {
      key: r.key as string,
      counts: { due, handled, handledOnTime: onTime, overdue: num(r.overdue), reworked, closed, closedOnTime },
      rates: { handlingRate: rate(handled, due), handledOnTimeRate: rate(onTime, due), reworkRate: rate(reworked, handled), closureRate: rate(closed, due), closedOnTimeRate: rate(closedOnTime, due) },
    };
  });
}

export async function inspectorIndicators(db: CasesDb, p: Period) {
  const { rows } = await sql<Record<string, unknown>>`
    WITH r AS (
      SELECT reporter_id AS who, count(*) AS reports, count(*) FILTER (WHERE status <> 'invalid') AS valid
        FROM city_case WHERE source = 'inspector' AND reported_at >= ${p.from} AND reported_at < ${p.to} GROUP BY reporter_id),
    w AS (
      SELECT actor_id AS who,
             count(*) FILTER (WHERE stage = 'verifying') AS verifications,
             count(*) FILTER (WHERE stage = 'verifying' AND (due_at IS NULL OR left_at <= due_at)) AS verified_on_time,
             count(*) FILTER (WHERE stage = 'checking') AS checks,
             count(*) FILTER (WHERE stage = 'checking' AND (due_at IS NULL OR left_at <= due_at)) AS checked_on_time
        FROM case_stage WHERE stage IN ('verifying', 'checking') AND left_at >= ${p.from} AND left_at < ${p.to} AND actor_id IS NOT NULL GROUP BY actor_id)
    SELECT coalesce(r.who, w.who) AS key, r.reports, r.valid, w.verifications, w.verified_on_time, w.checks, w.checked_on_time
      FROM r FULL JOIN w ON w.who = r.who ORDER BY 1`.execute(db);
  return rows.map((x) => {
    const reports = num(x.reports), valid = num(x.valid), verifications = num(x.verifications), vOnTime = num(x.verified_on_time), checks = num(x.checks), cOnTime = num(x.checked_on_time);
    return {
      key: x.key as string,
      counts: { reports, valid, verifications, verifiedOnTime: vOnTime, checks, checkedOnTime: cOnTime },
      rates: { validReportRate: rate(valid, reports), verifiedOnTimeRate: rate(vOnTime, verifications), checkedOnTimeRate: rate(cOnTime, checks) },
    };
  });
}

/** Weighted score out of 100; a missing rate scores 0 for its weight; rework counts inverted. */
export function score(rates: Record<string, number | null>, weights: Record<string, number>): number {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let sum = 0;
  for (const [indicator, weight] of Object.entries(weights)) {
    const r = rates[indicator];
    if (r === null || r === undefined) continue;
    sum += weight * (indicator === 'reworkRate' ? 1 - r : r);
  }
  return Math.round((sum / total) * 10000) / 100;
}

/** Weights until someone sets them (local practice weights on-time closure most, e.g. ×60). */
export const defaultWeights: Record<Target, Record<string, number>> = {
  department: { handledOnTimeRate: 40, closedOnTimeRate: 40, reworkRate: 10, handlingRate: 10 },
  region: { closedOnTimeRate: 60, filingRate: 20, inspectorFoundRate: 20 },
  inspector: { validReportRate: 40, verifiedOnTimeRate: 30, checkedOnTimeRate: 30 },
};

export async function weightsFor(db: CasesDb, target: Target): Promise<Record<string, number>> {
  const rows = await db.selectFrom('evaluation_weight').select(['indicator', 'weight']).where('target', '=', target).execute();
  return rows.length > 0 ? Object.fromEntries(rows.map((r) => [r.indicator, Number(r.weight)])) : defaultWeights[target];
}

/** The evaluation of one target, scored and ranked (1 = best; equal scores share a rank). */
export async function evaluate(db: CasesDb, target: Target, period: Period) {
  const rows = target === 'region' ? await regionIndicators(db, period) : target === 'department' ? await departmentIndicators(db, period) : await inspectorIndicators(db, period);
  const weights = await weightsFor(db, target);
  const scored = rows.map((r) => ({ ...r, score: score(r.rates, weights) })).sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return { weights, items: scored.map((r, i) => ({ ...r, rank: i > 0 && scored[i - 1]!.score === r.score ? scored.findIndex((x) => x.score === r.score) + 1 : i + 1 })) };
}
