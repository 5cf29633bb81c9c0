import type { AnyTx } from '../../../kernel/audit/write';
import { defineTemplate, notify } from '../../../kernel/notify';
import type { ApplicationRow } from './tables';

/** The applicant hears of every step (in-app; the link opens the application in "my applications"). */
export const progressTemplate = defineTemplate('services.application.progress', {
  zh: { title: '{{item}}：{{state}}', body: '您的办件 {{businessNo}}（{{item}}）{{state}}。{{note}}' },
  en: { title: '{{item}}: {{state}}', body: 'Your application {{businessNo}} ({{item}}): {{state}}. {{note}}' },
});

/** What the applicant is told per action (the comment or the list of corrections follows). */
export const stepNotice: Record<string, string> = {
  start: '已提交，等待受理',
  accept: '已受理，进入审查',
  deemed_accept: '自收到申请之日起 5 个工作日内未作出受理决定，依法视为受理，进入审查',
  reject: '不予受理',
  request_correction: '需要补正材料，请按一次性告知的内容补正后重新提交',
  resubmit: '补正材料已提交，等待受理',
  approve: '已作出准予许可决定（办结），等待送达',
  deny: '已作出不予许可决定（办结）',
  deliver: '办理结果已送达',
};

/** The rights of an applicant refused (行政许可法 §38: reasons and the rights to review and litigation). */
export const rightsNotice = '如对本决定不服，可以自收到本决定之日起六十日内向永川区人民政府申请行政复议，或者自收到本决定之日起六个月内依法向人民法院提起行政诉讼。';

export async function tellApplicant(tx: AnyTx, row: Pick<ApplicationRow, 'id' | 'applicant_account_id' | 'business_no' | 'item_name'>, action: string, note: string): Promise<void> {
  const state = stepNotice[action];
  if (!row.applicant_account_id || !state) return;
  await notify(tx, {
    accountId: row.applicant_account_id,
    template: progressTemplate,
    vars: { item: row.item_name, businessNo: row.business_no ?? '', state, note },
    link: `/services/applications/${row.id}`,
  });
}
