import type { AnyTx } from '../../kernel/audit/write';
import { decryptField, type FieldKeys } from '../../kernel/crypto';
import { defineTemplate, notify } from '../../kernel/notify';
import type { InteractionTables } from './store';

export const repliedTemplate = defineTemplate('interaction.replied', {
  zh: { title: '您的诉求 {{no}} 已有答复', body: '您反映的“{{title}}”已由承办单位答复，请登录查看。' },
  en: { title: 'Your ticket {{no}} has a reply', body: 'The department replied to “{{title}}”. Sign in to read it.' },
});

export const rejectedTemplate = defineTemplate('interaction.rejected', {
  zh: { title: '您的诉求 {{no}} 不予受理', body: '您反映的“{{title}}”不予受理：{{reason}}' },
  en: { title: 'Your ticket {{no}} was not accepted', body: '“{{title}}” was not accepted: {{reason}}' },
});

export const chasedTemplate = defineTemplate('interaction.chased', {
  zh: { title: '催办：工单 {{no}}', body: '热线中心催办“{{title}}”：{{comment}}' },
  en: { title: 'Chase: ticket {{no}}', body: 'The centre chases “{{title}}”: {{comment}}' },
});

export const phoneContext = 'ticket.writer_phone';

type TicketRow = Pick<InteractionTables['ticket'], 'id' | 'ticket_no' | 'title' | 'writer_account_id' | 'writer_phone'>;

/**
 * Tells the writer, in the same transaction: in-app when the writer has an account, and by SMS
 * to the phone given with the letter (anonymous writers and callers have nothing else).
 */
export async function tellWriter(tx: AnyTx, keys: FieldKeys, ticket: TicketRow, template: { key: string }, vars: Record<string, string>): Promise<void> {
  const phone = ticket.writer_phone ? decryptField(keys.encryptionKey, ticket.writer_phone, phoneContext) : undefined;
  const link = `/me/letters`;
  if (ticket.writer_account_id) {
    await notify(tx, { accountId: ticket.writer_account_id, template: template.key, vars, link, ...(phone ? { sms: phone } : {}) });
  } else if (phone) {
    // no account to hold an in-app message: the SMS alone (the delivery row names no account)
    await notify(tx, { accountId: '00000000-0000-0000-0000-000000000000', channels: ['sms'], sms: phone, template: template.key, vars });
  }
}
