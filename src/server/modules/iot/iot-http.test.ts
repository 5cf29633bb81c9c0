/** The iot module through the real app: device authentication, registry, CSV import, states, series, aggregates, alarms. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSilence } from './alarms/silence';
import { centre, iotTestbed, post, type IotTestbed } from './test-support';

let bed: IotTestbed;
let tokenA = '';
let tokenB = '';

beforeAll(async () => {
  bed = await iotTestbed();
  tokenA = await bed.device('YC-HTTP-0001', 'DUST');
  tokenB = await bed.device('YC-HTTP-0002', 'DUST');
});
afterAll(async () => bed.close());

const stored = async (deviceId: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM reading WHERE device_id = ${deviceId}`.execute(bed.db)).rows[0]!.n);

describe('POST /api/v1/telemetry', () => {
  it('accepts a single message and a batch, answering after commit with counts per reason', async () => {
    const one = await post(bed, 'YC-HTTP-0001', tokenA, { values: { pm10: 86.2, noise: 71.5 } });
    expect([one.statusCode, one.json()]).toEqual([202, { accepted: 2, rejected: {} }]);
    expect(await stored('YC-HTTP-0001')).toBe(2); // committed before the answer
    const now = Date.now();
    const batch = await post(bed, 'YC-HTTP-0001', tokenA, [
      { ts: new Date(now - 60_000).toISOString(), values: { pm10: 80 } },
      { ts: now - 30_000, values: { pm10: 82, so2: 4 } },
      { ts: now + 3_600_000, values: { pm10: 1 } },
    ]);
    expect([batch.statusCode, batch.json()]).toEqual([202, { accepted: 2, rejected: { unknown_quantity: 1, future: 1 } }]);
  });

  it('401 problem+json for a missing or wrong credential; the token of device A cannot write as device B', async () => {
    const none = await bed.app.inject({ method: 'POST', url: '/api/v1/telemetry', headers: { 'content-type': 'application/json' }, payload: { values: { pm10: 1 } } });
    expect([none.statusCode, none.headers['content-type'], none.json().code, none.headers['www-authenticate']]).toEqual([401, 'application/problem+json; charset=utf-8', 'IOT_BAD_CREDENTIALS', 'Device realm="telemetry"']);
    expect((await post(bed, 'YC-HTTP-0002', 'ydt_not-the-token', { values: { pm10: 1 } })).statusCode).toBe(401);
    const crossed = await post(bed, 'YC-HTTP-0002', tokenA, { values: { pm10: 1 } });
    expect([crossed.statusCode, crossed.json().code]).toEqual([401, 'IOT_BAD_CREDENTIALS']);
    expect((await post(bed, 'YC-NOSUCH-0001', tokenA, { values: { pm10: 1 } })).statusCode).toBe(401);
    expect(await stored('YC-HTTP-0002')).toBe(0);
    expect((await post(bed, 'YC-HTTP-0002', tokenB, { values: { pm10: 1 } })).statusCode).toBe(202);
  });

  it('malformed JSON and oversized batches are 400 and counted against the device; a disabled device is 403', async () => {
    const bad = await post(bed, 'YC-HTTP-0002', tokenB, '{"values": {"pm10": 1');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'IOT_MALFORMED_PAYLOAD']);
    const big = await post(bed, 'YC-HTTP-0002', tokenB, Array.from({ length: 1001 }, () => ({ values: { pm10: 1 } })));
    expect([big.statusCode, big.json().code]).toEqual([400, 'IOT_BATCH_TOO_LARGE']);
    await bed.runtime.ingestion.flush();
    const malformed = await bed.db.selectFrom('device_rejection').select('count').where('device_id', '=', 'YC-HTTP-0002').where('reason', '=', 'malformed').executeTakeFirstOrThrow();
    expect(Number(malformed.count)).toBe(2);
    await bed.as('admin', 'PATCH', '/api/v1/iot/devices/YC-HTTP-0002', { status: 'disabled' });
    expect((await post(bed, 'YC-HTTP-0002', tokenB, { values: { pm10: 1 } })).json().code).toBe('IOT_DEVICE_DISABLED');
    await bed.as('admin', 'PATCH', '/api/v1/iot/devices/YC-HTTP-0002', { status: 'active' });
  });

  it('a rotated token replaces the old one at once', async () => {
    const r = await bed.as('admin', 'POST', '/api/v1/iot/devices/YC-HTTP-0002/token');
    expect(r.statusCode).toBe(200);
    expect((await post(bed, 'YC-HTTP-0002', tokenB, { values: { pm10: 1 } })).statusCode).toBe(401);
    tokenB = r.json().token;
    expect((await post(bed, 'YC-HTTP-0002', tokenB, { values: { pm10: 1 } })).statusCode).toBe(202);
  });

  it('operators see refusals per device and reason with samples', async () => {
    const r = (await bed.as('operator', 'GET', '/api/v1/iot/rejections?deviceId=YC-HTTP-0002')).json();
    expect(r.counts.map((c: { reason: string }) => c.reason).sort()).toEqual(['bad_credentials', 'disabled', 'malformed']);
    expect(r.samples.length).toBeGreaterThan(0);
  });
});

describe('registry', () => {
  it('device types: created, changed and deleted by the administrator only; ranges are checked', async () => {
    const body = { code: 'AIRQ', nameZh: '空气质量', nameEn: 'Air quality', quantities: [{ key: 'so2', name: 'SO2', unit: 'µg/m³', min: 0, max: 2620 }], expectedIntervalSeconds: 300 };
    expect((await bed.as('operator', 'POST', '/api/v1/iot/device-types', body)).statusCode).toBe(403);
    const created = await bed.as('admin', 'POST', '/api/v1/iot/device-types', body);
    expect([created.statusCode, created.json().rawRetentionDays]).toEqual([201, 90]);
    expect((await bed.as('admin', 'POST', '/api/v1/iot/device-types', body)).json().code).toBe('IOT_TYPE_EXISTS');
    const bad = await bed.as('admin', 'PATCH', '/api/v1/iot/device-types/AIRQ', { quantities: [{ key: 'so2', name: 'SO2', unit: '', min: 5, max: 1 }, { key: 'so2', name: 'x', unit: '', min: 0, max: 1 }] });
    expect([bad.json().code, bad.json().errors.map((e: { field: string }) => e.field)]).toEqual(['IOT_BAD_QUANTITIES', ['/body/quantities/0/max', '/body/quantities/1/key']]);
    expect((await bed.as('admin', 'PATCH', '/api/v1/iot/device-types/AIRQ', { rawRetentionDays: 30 })).json().rawRetentionDays).toBe(30);
    expect((await bed.as('admin', 'DELETE', '/api/v1/iot/device-types/DUST')).json().code).toBe('IOT_TYPE_IN_USE');
    expect((await bed.as('admin', 'DELETE', '/api/v1/iot/device-types/AIRQ')).statusCode).toBe(204);
  });

  it('devices: owner checked through the organisation tree, coordinates in China, ids unique, scope of the manager', async () => {
    const make = (who: string, body: object) => bed.as(who, 'POST', '/api/v1/iot/devices', { id: 'YC-REG-0001', typeCode: 'NOISE', name: '噪声 1', ownerOrgId: bed.org['区住房城乡建委'], ...centre, ...body });
    expect((await make('admin', { ownerOrgId: '00000000-0000-7000-8000-00000000abcd' })).json().code).toBe('IOT_UNKNOWN_OWNER');
    expect((await make('admin', { lng: 2.35, lat: 48.85 })).json().code).toBe('IOT_OUTSIDE_CHINA');
    expect((await make('admin', { typeCode: 'NOPE' })).json().code).toBe('IOT_UNKNOWN_TYPE');
    // a manager of one department cannot register a device for another
    expect((await make('jw-admin', { ownerOrgId: bed.org['区交通局'] })).json().code).toBe('OUT_OF_SCOPE');
    const ok = await make('jw-admin', {});
    expect([ok.statusCode, ok.json().device.state, ok.json().token]).toEqual([201, 'offline', expect.stringMatching(/^ydt_/)]);
    expect(ok.json().device.unitGridCode).toMatch(/^500118\d{9}$/); // placed by the grid module
    expect((await make('admin', {})).json().code).toBe('IOT_DEVICE_EXISTS');
    const hash = await bed.db.selectFrom('device').select('credential_hash').where('id', '=', 'YC-REG-0001').executeTakeFirstOrThrow();
    expect(hash.credential_hash).not.toContain(ok.json().token);
    expect((await bed.as('admin', 'DELETE', '/api/v1/iot/devices/YC-REG-0001')).statusCode).toBe(204);
    expect((await bed.as('admin', 'DELETE', '/api/v1/iot/devices/YC-HTTP-0001')).json().code).toBe('IOT_DEVICE_HAS_DATA');
    expect((await bed.as('citizen', 'GET', '/api/v1/iot/devices')).statusCode).toBe(403);
  });

  it('CSV import is all or nothing, with every problem reported by line and column', async () => {
    const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM device`.execute(bed.db)).rows[0]!.n);
    const csv = [
      '编号,类型,名称,权属单位,经度,纬度,安装日期',
      'YC-CSV-0001,WATERLOG,积水 1,区城市管理局,105.93,29.35,2026-03-01',
      'YC-CSV-0002,SUBMARINE,积水 2,区城市管理局,105.93,29.35,',
      'YC-CSV-0003,WATERLOG,"积水 3, 桥下",区城市管理局,29.35,105.93,',
      'YC-CSV-0001,WATERLOG,积水 4,区城市管理局,105.94,29.36,',
      'YC-HTTP-0001,WATERLOG,积水 5,区城市管理局,105.94,29.36,',
      'YC-CSV-0006,WATERLOG,积水 6,区不存在局,105.94,29.36,2026-02-30',
    ].join('\r\n');
    const refused = await bed.as('admin', 'POST', '/api/v1/iot/devices/import', csv, { 'content-type': 'text/csv' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'IOT_IMPORT_REJECTED']);
    expect(refused.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      '/body/rows/3/type unknown_type',
      '/body/rows/4/lng outside_china',
      '/body/rows/5/id duplicate_id',
      '/body/rows/6/id duplicate_id',
      '/body/rows/7/installDate date',
    ]);
    expect(refused.json().errors[2].message.zh).toContain('第 5 行');
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM device`.execute(bed.db)).rows[0]!.n)).toBe(before);
    // the owner is checked too once the date is right
    const owner = await bed.as('admin', 'POST', '/api/v1/iot/devices/import', 'id,type,name,owner,lng,lat\nYC-CSV-0009,WATERLOG,x,区不存在局,105.9,29.3\n', { 'content-type': 'text/csv' });
    expect(owner.json().errors.map((e: { code: string }) => e.code)).toEqual(['unknown_owner']);

    const good = ['id,type,name,owner,lng,lat,installDate', 'YC-CSV-0001,waterlog,积水 1,区城市管理局,105.93,29.35,2026-03-01', `YC-CSV-0002,WATERLOG,积水 2,${bed.org['区城市管理局']},105.931,29.351,`].join('\n');
    const done = await bed.as('admin', 'POST', '/api/v1/iot/devices/import', good, { 'content-type': 'text/csv' });
    expect([done.statusCode, done.json().imported]).toEqual([201, 2]);
    const token = done.json().devices.find((d: { id: string }) => d.id === 'YC-CSV-0002').token;
    expect((await post(bed, 'YC-CSV-0002', token, { values: { water_level: 12 } })).statusCode).toBe(202);
    expect((await bed.as('operator', 'POST', '/api/v1/iot/devices/import', good, { 'content-type': 'text/csv' })).statusCode).toBe(403);
  });
});

describe('states, latest values, series, aggregates, alarms', () => {
  it('online after a reading, offline after twice the expected interval of silence (with an alarm), disabled when switched off', async () => {
    const state = async (id: string) => (await bed.as('operator', 'GET', `/api/v1/iot/devices/${id}`)).json().state;
    expect(await state('YC-HTTP-0001')).toBe('online');
    expect(await state('YC-CSV-0001')).toBe('offline'); // never reported
    const onlineIds = (await bed.as('operator', 'GET', '/api/v1/iot/devices?state=online&typeCode=DUST')).json().items.map((d: { id: string }) => d.id);
    expect(onlineIds).toEqual(['YC-HTTP-0001', 'YC-HTTP-0002']);
    // DUST expects a reading a minute: 2 minutes and 1 second of silence is offline
    await sql`UPDATE device SET last_seen_at = now() - interval '121 seconds' WHERE id = 'YC-HTTP-0001'`.execute(bed.db);
    expect(await state('YC-HTTP-0001')).toBe('offline');
    const events: Array<{ type: string; payload: unknown }> = [];
    const publish = async (_tx: unknown, type: string, payload: unknown) => {
      events.push({ type, payload });
      return 'id';
    };
    expect(await bed.db.transaction().execute((tx) => checkSilence(tx, { publish }))).toEqual({ opened: ['YC-HTTP-0001'], closed: [] });
    expect(await bed.db.transaction().execute((tx) => checkSilence(tx, { publish }))).toEqual({ opened: [], closed: [] }); // one open alarm per device
    expect(events[0]).toMatchObject({ type: 'iot.device.silent', payload: { deviceId: 'YC-HTTP-0001', typeCode: 'DUST' } });
    await bed.runtime.alarms?.drain();
    const open = (await bed.as('operator', 'GET', '/api/v1/iot/alarms')).json().items as Array<{ deviceId: string; kind: string }>;
    expect(open.filter((a) => a.kind === 'silent').map((a) => a.deviceId)).toEqual(['YC-HTTP-0001']);
    // and the demo rule 积水 > 10 cm raised one for the gauge that reported 12 cm
    expect(open.filter((a) => a.kind === 'threshold').map((a) => a.deviceId)).toEqual(['YC-CSV-0002']);
    await post(bed, 'YC-HTTP-0001', tokenA, { values: { pm10: 70 } });
    expect(await bed.db.transaction().execute((tx) => checkSilence(tx, { publish }))).toEqual({ opened: [], closed: ['YC-HTTP-0001'] });
    await bed.as('admin', 'PATCH', '/api/v1/iot/devices/YC-CSV-0001', { status: 'disabled' });
    expect(await state('YC-CSV-0001')).toBe('disabled');
  });

  it('latest values per device, for one device and for the map', async () => {
    const one = (await bed.as('operator', 'GET', '/api/v1/iot/devices/YC-HTTP-0001/latest')).json();
    expect(one.values.find((v: { quantity: string }) => v.quantity === 'pm10')).toMatchObject({ value: 70, unit: 'µg/m³', name: 'PM10' });
    const map = (await bed.as('operator', 'GET', '/api/v1/iot/latest?typeCode=WATERLOG')).json().items;
    expect(map.find((d: { deviceId: string }) => d.deviceId === 'YC-CSV-0002').values[0]).toMatchObject({ quantity: 'water_level', value: 12 });
  });

  it('a series is raw under 6 hours, per minute under 7 days, per hour beyond; an unknown quantity is 422', async () => {
    const now = Date.now();
    const base = Math.floor((now - 5 * 86_400_000) / 3_600_000) * 3_600_000;
    const messages = Array.from({ length: 120 }, (_, i) => ({ ts: base + i * 30 * 60_000, values: { noise: 40 + (i % 10) } }));
    expect((await post(bed, 'YC-HTTP-0002', tokenB, messages)).json().accepted).toBe(120);
    const get = (from: number, to: number, quantity = 'noise') =>
      bed.as('operator', 'GET', `/api/v1/iot/devices/YC-HTTP-0002/series?quantity=${quantity}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`);
    const raw = (await get(base, base + 3 * 3_600_000)).json();
    expect([raw.resolution, raw.unit, raw.points.length]).toEqual(['raw', 'dB(A)', 6]);
    const minute = (await get(base, base + 2 * 86_400_000)).json();
    expect([minute.resolution, minute.points.length]).toEqual(['minute', 96]);
    const hour = (await get(base - 20 * 86_400_000, base + 4 * 86_400_000)).json();
    expect(hour.resolution).toBe('hour');
    expect(hour.points).toHaveLength(60); // one per hour of the 60 hours with readings
    expect(hour.points[0]).toEqual({ t: new Date(base).toISOString(), min: 40, max: 41, avg: 40.5, count: 2 });
    expect((await get(base, base + 3_600_000, 'so2')).json().code).toBe('IOT_UNKNOWN_QUANTITY');
    expect((await get(base + 3_600_000, base)).json().code).toBe('IOT_BAD_PERIOD');
  });

  it('aggregates over an area (unit grid, community or street) or a bounding box', async () => {
    const device = (await bed.as('operator', 'GET', '/api/v1/iot/devices/YC-HTTP-0002')).json();
    const from = new Date(Date.now() - 6 * 86_400_000).toISOString();
    for (const area of [device.unitGridCode, device.communityCode, device.streetCode]) {
      const r = (await bed.as('operator', 'GET', `/api/v1/iot/aggregates?quantity=noise&from=${from}&area=${area}`)).json();
      // both DUST devices stand at the centre: 120 values of this one, and the 71.5 dB the other sent first
      expect(r).toMatchObject({ resolution: 'minute', devices: 2, min: 40, max: 71.5, count: 121 });
      expect(r.avg).toBeCloseTo((44.5 * 120 + 71.5) / 121, 9);
      expect(r.byDevice.find((d: { deviceId: string }) => d.deviceId === 'YC-HTTP-0002')).toEqual({ deviceId: 'YC-HTTP-0002', min: 40, max: 49, avg: 44.5, count: 120 });
    }
    const box = (await bed.as('operator', 'GET', `/api/v1/iot/aggregates?quantity=pm10&from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&bbox=105.9,29.3,106.0,29.4`)).json();
    expect([box.resolution, box.byDevice.map((d: { deviceId: string }) => d.deviceId)]).toEqual(['hour', ['YC-HTTP-0001', 'YC-HTTP-0002']]);
    expect((await bed.as('operator', 'GET', '/api/v1/iot/aggregates?quantity=pm10')).json().code).toBe('IOT_BAD_AREA');
    expect((await bed.as('operator', 'GET', '/api/v1/iot/aggregates?quantity=pm10&bbox=1,2,3')).json().code).toBe('IOT_BAD_BBOX');
  });
});
