import { sql } from 'kysely';
import { maskName, maskPhone } from '../../../shared/validators';
import type { Actor } from '../../kernel/access';
import { decryptField } from '../../kernel/crypto';
import type { Kysely } from 'kysely';
import type { FilesTables } from '../../kernel/files';
import { isInvolved, type WorkflowDb } from '../../kernel/workflow';
import type { InteractionDeps } from './deps';
import { interactionErrors } from './errors';
import { phoneContext } from './notices';
import { CENTRE, HANDLE, READ } from './process';
import type { InteractionDb, InteractionTables } from './store';

export interface TicketFilter {
  status?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

/** `%` and `_` typed by people are letters, not wildcards. */
export const likePattern = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function listQuery(db: InteractionDb) {
  return db
    .selectFrom('ticket as t')
    .innerJoin('ticket_kind as k', 'k.code', 't.kind')
    .select(['t.id', 't.ticket_no', 't.kind', 'k.name_zh', 'k.name_en', 't.channel', 't.title', 't.status', 't.department_org_id', 't.written_at', 't.closed_at', 't.redo_count', 't.instance_id', 't.public_wish', 't.publication'])
    // the due time of the step open now (moved by an extension), from the engine's own record
    .select(sql<Date | null>`(SELECT s.due_at FROM wf_step s WHERE s.instance_id = t.instance_id AND s.left_at IS NULL ORDER BY s.entered_at DESC LIMIT 1)`.as('due_at'));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

const present = (r: ListRow, names: Map<string, string>) => ({
  id: r.id,
  ticketNo: r.ticket_no,
  kind: r.kind,
  kindName: { zh: r.name_zh, en: r.name_en },
  channel: r.channel,
  title: r.title,
  status: r.status,
  department: r.department_org_id ? (names.get(r.department_org_id) ?? null) : null,
  writtenAt: r.written_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
  redoCount: r.redo_count,
  instanceId: r.instance_id,
  publicWish: r.public_wish,
  publication: r.publication,
});

/**
 * 工单列表, newest first: every ticket for the centre and leaders; for a department's handlers, the
 * tickets dispatched to the organisations where they hold `interaction:handle`.
 */
export async function listTickets(deps: InteractionDeps, actor: Actor, filter: TicketFilter) {
  let q = listQuery(deps.db);
  if (!actor.permissions.has(READ) && !actor.permissions.has(CENTRE)) {
    const grants = actor.grants.filter((g) => g.permission === HANDLE);
    if (!grants.some((g) => g.scope === 'district')) {
      const orgs = grants.map((g) => g.orgId);
      if (orgs.length === 0) return [];
      q = q.where('t.department_org_id', 'in', orgs);
    }
  }
  if (filter.status) q = q.where('t.status', '=', filter.status);
  if (filter.kind) q = q.where('t.kind', '=', filter.kind);
  if (filter.q?.trim()) {
    const p = likePattern(filter.q);
    q = q.where((eb) => eb.or([eb('t.title', 'ilike', p), eb('t.content', 'ilike', p), eb('t.ticket_no', 'ilike', p)]));
  }
  const rows = await q.orderBy('t.written_at', 'desc').orderBy('t.id', 'desc').limit(filter.limit ?? 100).execute();
  const names = await deps.orgNames();
  return rows.map((r) => present(r, names));
}

/** 我的来信: what this person wrote (signed in), newest first, with the reply once there is one. */
export async function myTickets(deps: InteractionDeps, actor: Actor) {
  const rows = await listQuery(deps.db).select(['t.reply', 't.replied_at', 't.satisfaction']).where('t.writer_account_id', '=', actor.accountId).orderBy('t.written_at', 'desc').limit(200).execute();
  const names = await deps.orgNames();
  return rows.map((r) => ({ ...present(r, names), reply: r.reply, repliedAt: r.replied_at?.toISOString() ?? null }));
}

/**
 * 公开答复: tickets whose writer agreed and whose publication the centre approved — the letter
 * and the reply, the writer's name masked, never a phone number.
 */
export async function publicReplies(deps: InteractionDeps, filter: { kind?: string | undefined; q?: string | undefined; limit?: number | undefined }) {
  let q = deps.db
    .selectFrom('ticket as t')
    .innerJoin('ticket_kind as k', 'k.code', 't.kind')
    .select(['t.ticket_no', 'k.name_zh', 'k.name_en', 't.kind', 't.title', 't.content', 't.writer_name', 't.written_at', 't.reply', 't.replied_at', 't.department_org_id', 't.published_at'])
    .where('t.publication', '=', 'approved')
    .where('t.public_wish', '=', true);
  if (filter.kind) q = q.where('t.kind', '=', filter.kind);
  if (filter.q?.trim()) {
    const p = likePattern(filter.q);
    q = q.where((eb) => eb.or([eb('t.title', 'ilike', p), eb('t.content', 'ilike', p), eb('t.reply', 'ilike', p)]));
  }
  const rows = await q.orderBy('t.published_at', 'desc').orderBy('t.ticket_no', 'desc').limit(filter.limit ?? 50).execute();
  const names = await deps.orgNames();
  return rows.map((r) => ({
    ticketNo: r.ticket_no,
    kind: r.kind,
    kindName: { zh: r.name_zh, en: r.name_en },
    title: r.title,
    content: r.content,
    writer: r.writer_name ? maskName(r.writer_name) : '匿名',
    writtenOn: r.written_at.toISOString().slice(0, 10),
    reply: r.reply ?? '',
    repliedBy: r.department_org_id ? (names.get(r.department_org_id) ?? null) : null,
    repliedOn: r.replied_at ? r.replied_at.toISOString().slice(0, 10) : null,
  }));
}

/** One ticket, for the writer, the centre and leaders (read), or anyone working on its process. */
export async function ticketDetail(deps: InteractionDeps, actor: Actor, id: string) {
  const { db } = deps;
  const row = await db.selectFrom('ticket as t').innerJoin('ticket_kind as k', 'k.code', 't.kind').selectAll('t').select(['k.name_zh', 'k.name_en']).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw interactionErrors.notFound(id);
  const staffWho = actor.permissions.has(READ) || actor.permissions.has(CENTRE);
  const allowed = staffWho || (row.writer_account_id !== null && row.writer_account_id === actor.accountId) || (await isInvolved(db as unknown as WorkflowDb, actor, row.instance_id));
  if (!allowed) throw interactionErrors.notFound(id);
  const files = await (db as unknown as Kysely<InteractionTables & FilesTables>)
    .selectFrom('ticket_file as f')
    .innerJoin('file_object as o', 'o.id', 'f.file_id')
    .select(['f.file_id', 'f.phase', 'o.original_name', 'o.size', 'o.media_type'])
    .where('f.ticket_id', '=', id)
    .orderBy('f.added_at')
    .execute();
  const chases = await db.selectFrom('ticket_chase').selectAll().where('ticket_id', '=', id).orderBy('at').execute();
  const due = await (db as unknown as WorkflowDb).selectFrom('wf_step').select('due_at').where('instance_id', '=', row.instance_id).where('left_at', 'is', null).executeTakeFirst();
  const names = await deps.orgNames();
  const phone = row.writer_phone ? maskPhone(decryptField(deps.kernel.keys.encryptionKey, row.writer_phone, phoneContext)) : null;
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    kind: row.kind,
    kindName: { zh: row.name_zh, en: row.name_en },
    channel: row.channel,
    title: row.title,
    content: row.content,
    addressedTo: row.addressed_org_id ? (names.get(row.addressed_org_id) ?? null) : null,
    addressedOrgId: row.addressed_org_id,
    writerName: row.writer_name,
    writerPhone: phone,
    anonymous: row.writer_account_id === null && row.channel === 'portal',
    publicWish: row.public_wish,
    publication: row.publication,
    limitDays: row.limit_days,
    status: row.status,
    department: row.department_org_id ? (names.get(row.department_org_id) ?? null) : null,
    departmentOrgId: row.department_org_id,
    reply: row.reply,
    repliedAt: row.replied_at?.toISOString() ?? null,
    satisfaction: row.satisfaction,
    redoCount: row.redo_count,
    returnCount: row.return_count,
    instanceId: row.instance_id,
    writtenAt: row.written_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    dueAt: due?.due_at?.toISOString() ?? null,
    files: files.map((f) => ({ fileId: f.file_id, phase: f.phase, name: f.original_name, size: Number(f.size), mediaType: f.media_type })),
    chases: chases.map((c) => ({ at: c.at.toISOString(), by: c.by_name, comment: c.comment, state: c.step_state, notified: c.notified })),
  };
}

/** 查询答复 without an account: the ticket number and the phone number given with it. */
export async function lookupTicket(deps: InteractionDeps, ticketNo: string, phoneHash: string) {
  const row = await deps.db
    .selectFrom('ticket as t')
    .innerJoin('ticket_kind as k', 'k.code', 't.kind')
    .select(['t.ticket_no', 't.title', 't.status', 'k.name_zh', 'k.name_en', 't.reply', 't.replied_at', 't.written_at', 't.closed_at'])
    .where('t.ticket_no', '=', ticketNo)
    .where('t.writer_phone_hash', '=', phoneHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ticketNo: row.ticket_no,
    title: row.title,
    status: row.status,
    kindName: { zh: row.name_zh, en: row.name_en },
    reply: row.reply,
    repliedAt: row.replied_at?.toISOString() ?? null,
    writtenAt: row.written_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
