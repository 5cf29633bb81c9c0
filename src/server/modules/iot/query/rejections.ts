/** What ingestion refused: counts per device and reason (device '*' = unknown device ids), and the newest samples. */
import type { IotDb } from '../store';

export async function rejections(db: IotDb, filter: { deviceId?: string | undefined }) {
  let counts = db.selectFrom('device_rejection').selectAll().orderBy('last_at', 'desc').limit(500);
  let samples = db.selectFrom('device_rejection_sample').selectAll().orderBy('id', 'desc').limit(100);
  if (filter.deviceId) {
    counts = counts.where('device_id', '=', filter.deviceId);
    samples = samples.where('device_id', '=', filter.deviceId);
  }
  return {
    counts: (await counts.execute()).map((c) => ({ deviceId: c.device_id, reason: c.reason, count: Number(c.count), firstAt: c.first_at.toISOString(), lastAt: c.last_at.toISOString() })),
    samples: (await samples.execute()).map((s) => ({ deviceId: s.device_id, reason: s.reason, at: s.at.toISOString(), detail: s.detail })),
  };
}
