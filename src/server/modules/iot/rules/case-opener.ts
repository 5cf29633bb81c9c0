/**
 * An alarm of a rule with a case class opens ONE city-management case (数字城管, source 'sensor')
 * at the device's location, through the cases module's public API. Runs as the outbox handler of
 * `iot.alarm.raised` (after commit, at least once): the alarm row is locked and its case id
 * checked first, so a redelivered or concurrent event opens no second case. A case the cases
 * module refuses (e.g. a class withdrawn since, a device outside every grid) is noted on the alarm
 * and not retried: operators see why in the console.
 */
import type { Actor } from '../../../kernel/access';
import type { AnyTx } from '../../../kernel/audit/write';
import { ownTables } from '../../../kernel/db/database';
import type { PlatformEvent } from '../../../kernel/events/bus';
import { AppError } from '../../../kernel/http/problem';
import type { Kernel } from '../../../kernel/module';
import { caseService, centreOrgName } from '../../cases';
import { orgService, type OrgTables } from '../../org';
import { ensureSystemAccount, identityContext } from '../../../kernel/identity';
import type { IotDb } from '../store';
import type { AlarmRaised } from './alarm-store';

export const sensingAccount = { username: 'system.iot', displayName: '城市感知平台（系统）' };

const actors = new WeakMap<Kernel, Promise<Actor>>();

/** The system account in whose name the sensing platform reports cases. */
export function sensingActor(kernel: Kernel): Promise<Actor> {
  let actor = actors.get(kernel);
  if (!actor) {
    actor = (async () => {
      const orgId = await orgService.idByName(ownTables<OrgTables>(kernel.database), centreOrgName);
      if (!orgId) throw new Error(`the organisation ${centreOrgName} is missing`);
      return ensureSystemAccount(identityContext(kernel).db, { ...sensingAccount, orgId }, ['cases:report']);
    })();
    actor.catch(() => actors.delete(kernel));
    actors.set(kernel, actor);
  }
  return actor;
}

const severityLabel: Record<string, string> = { critical: '严重', major: '重要', minor: '次要', warning: '提示' };

export function caseOpener(kernel: Kernel) {
  return async (anyTx: AnyTx, event: PlatformEvent): Promise<void> => {
    const raised = event.payload as AlarmRaised;
    if (!raised.caseClassCode) return;
    const tx = anyTx as IotDb;
    const alarm = await tx
      .selectFrom('device_alarm as a')
      .innerJoin('device as d', 'd.id', 'a.device_id')
      .leftJoin('alarm_rule as r', 'r.id', 'a.rule_id')
      .select(['a.id', 'a.case_id', 'a.detail', 'a.severity', 'a.opened_at', 'd.id as device_id', 'd.name as device_name', 'd.lng', 'd.lat', 'r.name as rule_name'])
      .where('a.id', '=', raised.alarmId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!alarm || alarm.case_id) return;
    const description = `【感知告警·${severityLabel[alarm.severity] ?? alarm.severity}】${alarm.device_name}（${alarm.device_id}）${alarm.rule_name ?? ''}：${alarm.detail ?? ''}`;
    try {
      const opened = await caseService(kernel).report(await sensingActor(kernel), {
        classCode: raised.caseClassCode,
        description: description.slice(0, 500),
        lng: alarm.lng,
        lat: alarm.lat,
        source: 'sensor',
        urgent: alarm.severity === 'critical',
      });
      await tx.updateTable('device_alarm').set({ case_id: opened.id, case_no: opened.caseNo }).where('id', '=', alarm.id).execute();
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // retried by the outbox
      await tx.updateTable('device_alarm').set({ detail: `${alarm.detail ?? ''}（未能立案：${error.zh}）` }).where('id', '=', alarm.id).execute();
      kernel.log.warn({ alarmId: alarm.id, code: error.code }, 'iot: the alarm could not open a case');
    }
  };
}
