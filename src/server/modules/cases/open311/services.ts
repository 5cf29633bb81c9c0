import { classStore, type CaseClass } from '../classes';
import type { CasesDb } from '../store';
import { definitionAttributes } from './attributes';
import { w3c } from './dates';
import { open311Errors } from './errors';
import type { Doc } from './xml';

/** The case classes offered to the public: active and marked public. */
export async function publicClasses(db: CasesDb): Promise<CaseClass[]> {
  return (await classStore.active(db)).filter((c) => c.public);
}

/** A class that may be reported through Open311, or the specification's 404. */
export async function serviceClass(db: CasesDb, code: string): Promise<CaseClass> {
  const cls = await classStore.byCode(db, code);
  if (!cls || !cls.active || !cls.public) throw open311Errors.serviceNotFound(code);
  return cls;
}

/** When a class last changed (also one that is no longer offered): discovery's changeset. */
export async function lastClassChange(db: CasesDb): Promise<Date> {
  const row = await db.selectFrom('case_class').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst();
  return row?.at ? new Date(row.at) : new Date(0);
}

/** GET services: one service per public class; its group is the major class (大类). */
export function serviceList(classes: CaseClass[]): Doc[] {
  return classes.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.filing_condition,
    metadata: true,
    type: 'realtime',
    keywords: c.keywords.split(/[\s,，、]+/).filter(Boolean).join(', '),
    group: c.major_name,
  }));
}

/** GET services/{code}: the attributes a report of this class may carry. */
export function serviceDefinition(cls: CaseClass): Doc {
  return { service_code: cls.code, attributes: definitionAttributes(cls) };
}

/**
 * Service discovery. The changeset moves whenever a class (the service list or a definition)
 * changes, which tells clients to refresh what they cached.
 */
export function discovery(lastChange: Date, endpointUrl: string, production: boolean): Doc {
  const changeset = w3c(lastChange);
  return {
    changeset,
    contact: '永川区数字化城市管理监督指挥中心；政务服务便民热线 12345 / Yongchuan digital city-management centre; hotline 12345',
    key_service: 'API 密钥由持有「通过 Open311 提交案件」权限的账号在工作台的 API 密钥页面创建 / API keys are created in the workbench (API keys) by an account holding the permission cases:open311.submit',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: endpointUrl,
        changeset,
        type: production ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
