/**
 * A new alarm of a rule with `notify` is announced in-app to everyone who handles alarms
 * (`iot:alarms.handle`: operators, dispatchers, shift leaders of the command centre), with a link
 * to the alarm console. Runs as an outbox handler of `iot.alarm.raised`, in the delivery's
 * transaction, so each alarm is announced once.
 */
import type { AnyTx } from '../../../kernel/audit/write';
import type { PlatformEvent } from '../../../kernel/events/bus';
import { identityContext, staffHolding } from '../../../kernel/identity';
import type { Kernel } from '../../../kernel/module';
import { defineTemplate, notify } from '../../../kernel/notify';
import type { IotDb } from '../store';
import type { AlarmRaised } from './alarm-store';

export const alarmTemplate = defineTemplate('iot.alarm.raised', {
  zh: { title: '【{{severity}}告警】{{device}}', body: '{{rule}}：{{detail}}（{{openedAt}}）。请在告警台确认处置。' },
  en: { title: '[{{severity}} alarm] {{device}}', body: '{{rule}}: {{detail}} ({{openedAt}}). Please acknowledge it in the alarm console.' },
});

const severityZh: Record<string, string> = { critical: '严重', major: '重要', minor: '次要', warning: '提示' };

export function alarmNotifier(kernel: Kernel) {
  return async (anyTx: AnyTx, event: PlatformEvent): Promise<void> => {
    const raised = event.payload as AlarmRaised;
    const tx = anyTx as IotDb;
    const alarm = await tx
      .selectFrom('device_alarm as a')
      .innerJoin('device as d', 'd.id', 'a.device_id')
      .innerJoin('alarm_rule as r', 'r.id', 'a.rule_id')
      .select(['a.detail', 'a.severity', 'a.opened_at', 'd.id as device_id', 'd.name as device_name', 'r.name as rule_name', 'r.notify'])
      .where('a.id', '=', raised.alarmId)
      .executeTakeFirst();
    if (!alarm?.notify) return;
    const handlers = await staffHolding(identityContext(kernel), 'iot:alarms.handle');
    const vars = {
      severity: severityZh[alarm.severity] ?? alarm.severity,
      device: `${alarm.device_name}（${alarm.device_id}）`,
      rule: alarm.rule_name,
      detail: alarm.detail ?? '',
      openedAt: alarm.opened_at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
    };
    for (const h of handlers) await notify(tx, { accountId: h.accountId, template: alarmTemplate, vars, link: '/work/iot/alarms' });
  };
}
