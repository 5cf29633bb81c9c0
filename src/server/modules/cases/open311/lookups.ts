import { sql, type Kysely } from 'kysely';
import type { WorkflowDb } from '../../../kernel/workflow';
import { w3cSql } from './find';
import { orgService, type OrgTables } from '../../org';

// one array parameter rather than a list of a thousand: parsed and planned once, whatever the length

/** expected_datetime: the due time (W3C) of each instance's open step (the earliest, if several run at once). */
export async function openStepDue(db: WorkflowDb, instanceIds: string[]): Promise<Map<string, string>> {
  if (instanceIds.length === 0) return new Map();
  const { rows } = await sql<{ instance_id: string; due_at: string }>`
    SELECT instance_id, ${w3cSql(sql`min(due_at)`)} AS due_at FROM wf_step
     WHERE instance_id = ANY(${instanceIds}::uuid[]) AND left_at IS NULL AND due_at IS NOT NULL
     GROUP BY instance_id`.execute(db);
  return new Map(rows.map((r) => [r.instance_id, r.due_at]));
}

/** status_notes: the last comment written in each instance's history. */
export async function lastComments(db: WorkflowDb, instanceIds: string[]): Promise<Map<string, string>> {
  if (instanceIds.length === 0) return new Map();
  const { rows } = await sql<{ instance_id: string; comment: string }>`
    SELECT DISTINCT ON (instance_id) instance_id, comment FROM wf_history
     WHERE instance_id = ANY(${instanceIds}::uuid[]) AND comment IS NOT NULL AND comment <> ''
     ORDER BY instance_id, at DESC`.execute(db);
  return new Map(rows.map((r) => [r.instance_id, r.comment]));
}

/** agency_responsible: the names of the departments cases were dispatched to, through the org module's service. */
export async function departmentNames(db: Kysely<OrgTables>, orgIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(orgIds)];
  const found = await Promise.all(unique.map((id) => orgService.get(db, id).then((o) => [id, o.name] as const, () => null)));
  return new Map(found.filter((x) => x !== null));
}
