import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededTypeCode } from '../certificates/types';
import { demoCertificateItems } from './demo-forms';
import { act, applyFood, startKit, type Kit } from './test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.close());

describe('the demo items whose result is a certificate', () => {
  it('name the seeded certificate type of their result, and are open online with a form', async () => {
    const codes = demoCertificateItems();
    expect(codes.length).toBeGreaterThanOrEqual(15);
    const types = new Set((await sql<{ code: string }>`SELECT code FROM certificate_type`.execute(kit.t.database.db)).rows.map((r) => r.code));
    for (const code of codes) {
      const reply = await kit.app.inject({ method: 'GET', url: `/api/v1/services/items/${code}` });
      expect(reply.statusCode, code).toBe(200);
      const guide = reply.json() as { online: boolean; resultName: string; formFields: unknown[]; resultCert: { typeCode: string } | null };
      expect(guide.online, code).toBe(true);
      expect(guide.formFields.length, code).toBeGreaterThan(0);
      const typeCode = seededTypeCode(guide.resultName);
      expect(typeCode, `${code} ${guide.resultName}`).toBeDefined();
      expect(guide.resultCert?.typeCode, code).toBe(typeCode);
      expect(types.has(typeCode!), `${code}: type ${typeCode} is seeded`).toBe(true);
    }
  });

  it('an approval issues the seeded type with its number prefix and printed fields', async () => {
    const { id, instanceId } = (await applyFood(kit, 'demo-forms-0001')).json();
    expect((await act(kit.as.clerk, instanceId, 'accept')).statusCode).toBe(200);
    expect((await act(kit.as.reviewer, instanceId, 'approve', { comment: '准予' })).statusCode).toBe(200);
    const row = (await sql<{ number: string; type_code: string; data: Record<string, string> }>`SELECT number, type_code, data FROM certificate WHERE application_id = ${id}`.execute(kit.t.database.db)).rows[0]!;
    expect(row.type_code).toBe(seededTypeCode('食品经营许可证'));
    expect(row.number).toMatch(/^JY1500118\d{4}\d{6}$/);
    expect(row.data).toMatchObject({ 经营者名称: '永川区小张面馆', 主体业态: '餐饮服务经营者' });
  });
});
