/** 异议校核: raised by a using department, decided by the owning department on the workflow engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryTestApp } from './test-app';

let r: Awaited<ReturnType<typeof registryTestApp>>;
let legal: { id: string; fields: Record<string, string> };
beforeAll(async () => {
  r = await registryTestApp();
  legal = (await r.as('clerk', 'GET', '/api/v1/registry/legal-persons/records?pageSize=1')).json().items[0];
});
afterAll(() => r.close());

const act = (who: string, instanceId: string, action: string, body: object = {}) => r.as(who, 'POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);
const inbox = async (who: string) => ((await r.as(who, 'GET', '/api/v1/inbox?module=registry')).json().items as Array<{ instanceId: string; dueAt: string | null }>);
const raise = (who: string, body: object) => r.as(who, 'POST', `/api/v1/registry/legal-persons/records/${legal.id}/objections`, body);

describe('objections', () => {
  it('refuses an invalid, unchanged, derived or unknown field before starting anything', async () => {
    expect((await raise('clerk', { field: 'industryCode', proposedValue: '123', reason: '行业代码有误' })).json().code).toBe('REGISTRY_INVALID_FIELD');
    expect((await raise('clerk', { field: 'name', proposedValue: legal.fields.name!, reason: '名称有误' })).json().code).toBe('REGISTRY_OBJECTION_SAME_VALUE');
    expect((await raise('clerk', { field: 'entityType', proposedValue: '92', reason: '类型有误' })).json().code).toBe('REGISTRY_FIELD_NOT_WRITABLE');
    expect((await raise('clerk', { field: 'nickname', proposedValue: 'x', reason: '无此字段' })).json().code).toBe('REGISTRY_UNKNOWN_FIELD');
    expect((await raise('leader', { field: 'name', proposedValue: 'x', reason: '无此权限' })).statusCode).toBe(403);
  });

  it('accepted: goes to the owning department with a 5-working-day limit; the correction becomes a new version', async () => {
    const res = await raise('clerk', { field: 'legalRep', proposedValue: '钱更正', reason: '营业执照已变更法定代表人' });
    expect(res.statusCode).toBe(201);
    const { id, instanceId, objectionNo } = res.json();
    expect(objectionNo).toMatch(/^YY\d{8}/);
    const item = (await inbox('reviewer')).find((i) => i.instanceId === instanceId);
    expect(item?.dueAt).toBeTruthy();
    expect((await inbox('handler')).some((i) => i.instanceId === instanceId)).toBe(false);
    expect((await act('clerk', instanceId, 'accept')).statusCode).toBe(403);
    expect((await act('reviewer', instanceId, 'accept', { comment: '核实属实' })).statusCode).toBe(200);
    const record = (await r.as('clerk', 'GET', `/api/v1/registry/legal-persons/records/${legal.id}`)).json();
    expect(record).toMatchObject({ version: 2, fields: { legalRep: '钱更正' } });
    const history = (await r.as('clerk', 'GET', `/api/v1/registry/legal-persons/records/${legal.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ version: 2, kind: 'correction', reason: `异议校核 ${objectionNo}`, sourceOrg: '区市场监管局', changes: { legalRep: { from: legal.fields.legalRep, to: '钱更正' } } });
    expect((await r.as('clerk', 'GET', `/api/v1/registry/objections/${id}`)).json()).toMatchObject({ status: 'accepted', appliedVersion: 2 });
    expect((await r.as('reviewer', 'GET', `/api/v1/registry/objections/${id}`)).statusCode).toBe(200);
    expect((await r.as('handler', 'GET', `/api/v1/registry/objections/${id}`)).statusCode).toBe(404);
  });

  it('rejected: needs reasons, keeps the record unchanged', async () => {
    const { id, instanceId } = (await raise('clerk', { field: 'registeredAddress', proposedValue: '重庆市永川区某地', reason: '地址变更' })).json();
    expect((await act('reviewer', instanceId, 'reject')).statusCode).toBe(400);
    expect((await act('reviewer', instanceId, 'reject', { comment: '登记机关记载无误，无需更正' })).statusCode).toBe(200);
    const detail = (await r.as('clerk', 'GET', `/api/v1/registry/objections/${id}`)).json();
    expect(detail).toMatchObject({ status: 'rejected', decisionNote: '登记机关记载无误，无需更正', appliedVersion: null });
    expect((await r.as('clerk', 'GET', `/api/v1/registry/legal-persons/records/${legal.id}`)).json().version).toBe(2);
  });

  it('a personal field: proposed value masked in the detail; the accepted correction is stored encrypted', async () => {
    const person = (await r.as('clerk', 'GET', '/api/v1/registry/persons/records?pageSize=1')).json().items[0];
    const { id, instanceId } = (await r.as('clerk', 'POST', `/api/v1/registry/persons/records/${person.id}/objections`, { field: 'phone', proposedValue: '13712345678', reason: '本人到窗口更正电话' })).json();
    expect((await r.as('clerk', 'GET', `/api/v1/registry/objections/${id}`)).json().proposedValue).toBe('137****5678');
    // persons belong to 区公安局: the 市场监管局 reviewer is out of scope
    expect((await act('reviewer', instanceId, 'accept')).statusCode).toBe(403);
    expect((await act('police', instanceId, 'accept')).statusCode).toBe(200);
    const revealed = (await r.as('clerk', 'POST', `/api/v1/registry/persons/records/${person.id}/reveal`, { reason: '核对更正结果' })).json();
    expect(revealed.fields.phone).toBe('13712345678');
  });
});
