import type { InstanceRow } from './context';
import type { ProcessDefinition } from './definition';
import type { WorkflowDb } from './tables';

/**
 * 退回: the states this instance has been in before, which it can be sent back to — not the
 * current one, not an end, not a countersign (its organisations were the earlier action's choice).
 * Offered from staff steps only.
 * In the order first visited.
 */
export async function earlierStates(tx: WorkflowDb, def: ProcessDefinition, instance: InstanceRow): Promise<string[]> {
  if (def.returnToEarlier === false) return [];
  // the applicant's own states (corrections) go forward by their own actions
  const current = def.states[instance.state];
  if (!current || current.countersign || (current.assignee && 'initiator' in current.assignee)) return [];
  const rows = await tx.selectFrom('wf_history').select(['to_state', 'at']).where('instance_id', '=', instance.id).orderBy('at').orderBy('id').execute();
  const seen: string[] = [];
  for (const r of rows) {
    const s = def.states[r.to_state];
    if (!s || s.end || s.countersign || r.to_state === instance.state || seen.includes(r.to_state)) continue;
    seen.push(r.to_state);
  }
  return seen;
}

/** Who last worked on a state (took it forward): the step goes back to them, not to the whole role. */
export async function lastWorkerOf(tx: WorkflowDb, instanceId: string, state: string): Promise<string | null> {
  const row = await tx
    .selectFrom('wf_history')
    .select('actor_id')
    .where('instance_id', '=', instanceId)
    .where('from_state', '=', state)
    .whereRef('to_state', '<>', 'from_state')
    .where('actor_id', 'is not', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.actor_id ?? null;
}
