/**
 * The silence alarm: an active device that has reported before and has now stayed silent for
 * more than twice its type's expected interval gets one open `silent` alarm (and the event
 * `iot.device.silent`, for the rules and case slice to act on); the alarm closes when readings
 * arrive again or the device is disabled (`iot.device.resumed`). A device that never reported
 * raises no alarm: it is not silent, it has not started. Runs as a recurring job, in the job's
 * transaction: the alarm and its event commit together, once, whichever server copy runs it.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AnyTx } from '../../../kernel/audit/write';
import type { EventBus } from '../../../kernel/events/bus';
import type { IotDb } from '../store';

export const silenceJobName = 'iot.silence';
export const silenceJobEveryMs = 60_000;

export interface SilentEvent {
  alarmId: string;
  deviceId: string;
  typeCode: string;
  ownerOrgId: string;
  lng: number;
  lat: number;
  unitGridCode: string | null;
  lastSeenAt: string;
}

export async function checkSilence(anyTx: AnyTx, events: Pick<EventBus, 'publish'>): Promise<{ opened: string[]; closed: string[] }> {
  const tx = anyTx as IotDb;
  const closed = await sql<{ id: string; device_id: string }>`
    UPDATE device_alarm a SET closed_at = now()
      FROM device d JOIN device_type t ON t.code = d.type_code
     WHERE a.device_id = d.id AND a.kind = 'silent' AND a.closed_at IS NULL
       AND (d.status = 'disabled' OR d.last_seen_at >= now() - make_interval(secs => 2 * t.expected_interval_seconds))
    RETURNING a.id, a.device_id`.execute(tx);
  for (const a of closed.rows) await events.publish(tx, 'iot.device.resumed', { alarmId: a.id, deviceId: a.device_id });

  const silent = await sql<{ id: string; type_code: string; owner_org_id: string; lng: number; lat: number; unit_grid_code: string | null; last_seen_at: Date }>`
    SELECT d.id, d.type_code, d.owner_org_id, d.lng, d.lat, d.unit_grid_code, d.last_seen_at
      FROM device d JOIN device_type t ON t.code = d.type_code
     WHERE d.status = 'active' AND d.last_seen_at < now() - make_interval(secs => 2 * t.expected_interval_seconds)
       AND NOT EXISTS (SELECT 1 FROM device_alarm a WHERE a.device_id = d.id AND a.kind = 'silent' AND a.closed_at IS NULL)
     ORDER BY d.id`.execute(tx);
  const opened: string[] = [];
  for (const d of silent.rows) {
    const alarmId = uuidv7();
    const inserted = await tx
      .insertInto('device_alarm')
      .values({ id: alarmId, device_id: d.id, kind: 'silent', last_seen_at: d.last_seen_at })
      .onConflict((oc) => oc.columns(['device_id', 'kind']).where('closed_at', 'is', null).where('rule_id', 'is', null).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    opened.push(d.id);
    const event: SilentEvent = { alarmId, deviceId: d.id, typeCode: d.type_code, ownerOrgId: d.owner_org_id, lng: d.lng, lat: d.lat, unitGridCode: d.unit_grid_code, lastSeenAt: d.last_seen_at.toISOString() };
    await events.publish(tx, 'iot.device.silent', event);
  }
  return { opened, closed: closed.rows.map((a) => a.device_id) };
}

export async function openAlarms(db: IotDb, filter: { open?: boolean | undefined; deviceId?: string | undefined }) {
  let q = db.selectFrom('device_alarm').selectAll().orderBy('opened_at', 'desc').limit(500);
  if (filter.open !== false) q = q.where('closed_at', 'is', null);
  if (filter.deviceId) q = q.where('device_id', '=', filter.deviceId);
  return (await q.execute()).map((a) => ({ id: a.id, deviceId: a.device_id, kind: a.kind, openedAt: a.opened_at.toISOString(), closedAt: a.closed_at?.toISOString() ?? null, lastSeenAt: a.last_seen_at?.toISOString() ?? null }));
}
