import { sql } from 'kysely';
import type { RatingsDb } from './tables';

export interface RatingSummary {
  key: string;
  name: string;
  total: number;
  /** counts of the overall rating, index 0 = level 1 (非常不满意) … 4 = level 5 (非常满意) */
  levels: [number, number, number, number, number];
  bad: number;
  /** share of ratings that are not bad (levels 3–5), 0–1; null without ratings */
  satisfaction: number | null;
  /** mean of each dimension */
  averages: { overall: number; efficiency: number; guidance: number; convenience: number; usability: number };
}

type Row = { key: string; name: string; total: number; l1: number; l2: number; l3: number; l4: number; l5: number; overall: number; efficiency: number; guidance: number; convenience: number; usability: number };

const round = (n: number) => Math.round(Number(n) * 100) / 100;

function summary(r: Row): RatingSummary {
  const total = Number(r.total);
  const bad = Number(r.l1) + Number(r.l2);
  return {
    key: r.key,
    name: r.name,
    total,
    levels: [Number(r.l1), Number(r.l2), Number(r.l3), Number(r.l4), Number(r.l5)],
    bad,
    satisfaction: total > 0 ? round((total - bad) / total) : null,
    averages: { overall: round(r.overall), efficiency: round(r.efficiency), guidance: round(r.guidance), convenience: round(r.convenience), usability: round(r.usability) },
  };
}

/**
 * Public figures (好差评 公开): per department or per item, counts per level, bad reviews and the
 * satisfaction rate; reviews whose appeal was upheld are left out.
 */
export async function ratingSummaries(db: RatingsDb, by: 'department' | 'item', filter?: string): Promise<Array<Omit<RatingSummary, 'name'> & { name: string }>> {
  const key = by === 'department' ? sql.ref('department_org_id') : sql.ref('item_code');
  const name = by === 'department' ? sql`''` : sql`max(item_name)`;
  const rows = await sql<Row>`
    SELECT ${key}::text AS key, ${name} AS name, count(*)::int AS total,
      count(*) FILTER (WHERE overall = 1)::int AS l1, count(*) FILTER (WHERE overall = 2)::int AS l2,
      count(*) FILTER (WHERE overall = 3)::int AS l3, count(*) FILTER (WHERE overall = 4)::int AS l4,
      count(*) FILTER (WHERE overall = 5)::int AS l5,
      avg(overall)::float8 AS overall, avg(efficiency)::float8 AS efficiency, avg(guidance)::float8 AS guidance,
      avg(convenience)::float8 AS convenience, avg(usability)::float8 AS usability
    FROM service_rating
    WHERE NOT excluded ${filter ? sql`AND ${key}::text = ${filter}` : sql``}
    GROUP BY ${key}
    ORDER BY count(*) DESC, ${key}`.execute(db);
  return rows.rows.map(summary);
}
