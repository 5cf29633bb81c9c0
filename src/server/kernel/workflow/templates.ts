import { defineTemplate } from '../notify';

/** Messages of the escalation ladder (remind → warn → escalate), in Chinese and English. */
export const escalationTemplates = {
  remind: defineTemplate('workflow.remind', {
    zh: { title: '办理提醒：{{title}}', body: '事项 {{businessNo}} 将于 {{dueAt}} 到期，请及时办理。' },
    en: { title: 'Reminder: {{title}}', body: 'Item {{businessNo}} is due at {{dueAt}}; please handle it in time.' },
  }),
  warn: defineTemplate('workflow.warn', {
    zh: { title: '已到期：{{title}}', body: '事项 {{businessNo}} 已于 {{dueAt}} 到期，请立即办理。' },
    en: { title: 'Due now: {{title}}', body: 'Item {{businessNo}} fell due at {{dueAt}}; please handle it now.' },
  }),
  escalate: defineTemplate('workflow.escalate', {
    zh: { title: '超期督办：{{title}}', body: '事项 {{businessNo}} 已超过办理时限（{{dueAt}}），已转入督办。' },
    en: { title: 'Overdue, escalated: {{title}}', body: 'Item {{businessNo}} is past its limit ({{dueAt}}) and has been escalated.' },
  }),
};

/** Messages of process actions: the default notice of an action, and a step given to a person. */
export const actionTemplates = {
  transitioned: defineTemplate('workflow.transitioned', {
    zh: { title: '{{title}}：{{action}}', body: '事项 {{businessNo}} 已由 {{actor}} 办理“{{action}}”，当前环节：{{state}}。{{comment}}' },
    // labels and names are Chinese in both texts: the variables are shared by the two languages
    en: { title: '{{title}}: {{action}}', body: 'Item {{businessNo}}: {{actor}} took the action “{{action}}”; it is now at “{{state}}”. {{comment}}' },
  }),
  assigned: defineTemplate('workflow.assigned', {
    zh: { title: '新的待办：{{title}}', body: '事项 {{businessNo}}（{{state}}）已由 {{actor}} 交给您办理。{{comment}}' },
    en: { title: 'New task: {{title}}', body: 'Item {{businessNo}} ({{state}}) was given to you by {{actor}}. {{comment}}' },
  }),
};

export function formatShanghai(instant: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
}
