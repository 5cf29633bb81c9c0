import { v7 as uuidv7 } from 'uuid';
import { validateMobilePhone } from '../../../shared/validators';
import type { Actor } from '../../kernel/access';
import { blindIndex, encryptField } from '../../kernel/crypto';
import type { FilesDb } from '../../kernel/files';
import { nextBusinessNumber } from '../../kernel/workflow';
import type { InteractionDeps } from './deps';
import { interactionErrors } from './errors';
import { kindStore } from './kinds';
import { phoneContext } from './notices';
import { ticketProcess } from './process';
import type { Channel } from './store';

export interface WriteInput {
  kind: string;
  title: string;
  content: string;
  /** 公开意愿 */
  publicWish: boolean;
  /** the department a letter is addressed to (部门信箱) */
  department?: string | undefined;
  name?: string | undefined;
  phone?: string | undefined;
  attachments?: string[] | undefined;
}

/** Anonymous writers have no account: the process names this id as its initiator. */
export const anonymousWriter: Actor = {
  accountId: '00000000-0000-7000-8000-00000000a000',
  kind: 'citizen',
  displayName: '匿名来信人',
  orgId: null,
  permissions: new Set(),
  grants: [],
  sessionId: null,
  apiKeyId: null,
  mfaPending: false,
};

/** At most this many anonymous letters per phone number and hour (a public write endpoint). */
const anonymousPerHour = 5;

/**
 * 写信: a citizen (signed in), an anonymous writer (a phone number is required, for the reply) or
 * an operator taking a call (channel hotline) writes a ticket; it gets its number and its process
 * starts at the centre, in one transaction.
 */
export async function writeTicket(deps: InteractionDeps, who: { actor: Actor; channel: Channel; anonymous: boolean }, input: WriteInput) {
  const { db, kernel } = deps;
  const title = input.title.trim();
  const content = input.content.trim();
  if (!title) throw interactionErrors.blankContent('/body/title');
  if (!content) throw interactionErrors.blankContent('/body/content');
  const kind = await kindStore.byCode(db, input.kind);
  if (!kind || !kind.active) throw interactionErrors.unknownKind(input.kind);
  const needsPhone = who.anonymous || who.channel === 'hotline';
  if (needsPhone && !input.phone?.trim()) throw interactionErrors.phoneRequired();
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const checked = validateMobilePhone(input.phone);
    if (!checked.ok) throw interactionErrors.badPhone();
    phone = checked.normalized;
  }
  if (input.department && !(await kernel.orgs.pathOf(input.department))) throw interactionErrors.unknownDepartment(input.department);
  const files = [...new Set(input.attachments ?? [])];
  if (files.length > 0) {
    const own = await (db as unknown as FilesDb).selectFrom('file_object').select('id').where('id', 'in', files).where('uploaded_by', '=', who.actor.accountId).execute();
    const stranger = files.find((f) => !own.some((o) => o.id === f));
    if (stranger) throw interactionErrors.badAttachment(stranger);
  }
  const phoneHash = phone ? blindIndex(kernel.keys.indexKey, phone, 'phone') : null;
  if (who.anonymous && phoneHash) {
    const since = new Date(Date.now() - 3_600_000);
    const recent = await db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).where('writer_phone_hash', '=', phoneHash).where('written_at', '>', since).executeTakeFirstOrThrow();
    if (Number(recent.n) >= anonymousPerHour) throw interactionErrors.tooMany();
  }
  const centre = await deps.centreOrgId();
  // the number comes from its own short transaction (the counter row serialises callers)
  const ticketNo = await nextBusinessNumber(kernel.database.db, 'XJ');
  const id = uuidv7();
  const instanceId = uuidv7();
  const writerName = who.channel === 'portal' && !who.anonymous ? who.actor.displayName : input.name?.trim() || null;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('ticket')
      .values({
        id,
        ticket_no: ticketNo,
        kind: kind.code,
        channel: who.channel,
        title,
        content,
        addressed_org_id: input.department ?? null,
        writer_account_id: who.channel === 'portal' && !who.anonymous ? who.actor.accountId : null,
        writer_name: writerName,
        writer_phone: phone ? encryptField(kernel.keys.encryptionKey, phone, phoneContext) : null,
        writer_phone_hash: phoneHash,
        public_wish: input.publicWish,
        publication: null,
        published_at: null,
        limit_days: kind.limit_days,
        department_org_id: null,
        reply: null,
        replied_at: null,
        replied_by: null,
        satisfaction: null,
        instance_id: instanceId,
        registered_by: who.channel === 'hotline' ? who.actor.accountId : null,
        closed_at: null,
      })
      .execute();
    if (files.length > 0) await tx.insertInto('ticket_file').values(files.map((file_id) => ({ ticket_id: id, file_id }))).execute();
    // starting the process appends the audit record: it comes last
    await kernel.workflow.start(tx, who.actor, {
      instanceId,
      definition: ticketProcess.key,
      businessModule: 'interaction',
      businessId: id,
      businessNo: ticketNo,
      title: `${kind.name_zh}：${title}`,
      orgId: centre,
    });
  });
  return { id, ticketNo, instanceId, limitDays: kind.limit_days };
}
