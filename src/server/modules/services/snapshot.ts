import { implementationCode } from './code';
import type { OrgNode } from './deps';
import { rowToFields } from './rows';
import type { Guide } from './schemas/guide';
import type { ItemRow, MaterialRow, ResponsibilityRow } from './store';

export interface WorkingCopy {
  row: ItemRow;
  materials: MaterialRow[];
  responsibility: ResponsibilityRow | undefined;
}

/**
 * The guide of one version, built from the working copy at the moment of publication, with the
 * organisations' names as they were then: a version never changes afterwards.
 */
export function buildGuide(item: WorkingCopy, orgs: Map<string, OrgNode>, parentCode: string | null, version: number, publishedAt: Date): Guide {
  const { row } = item;
  const f = rowToFields(row, item.materials, item.responsibility);
  const department = orgs.get(row.competent_org_id);
  const body = row.implementing_org_id ? orgs.get(row.implementing_org_id) : undefined;
  const root = [...orgs.values()].find((o) => o.parentId === null);
  // a specific body, else the department for district items, else the district (every town / every village)
  const bodyCode = body?.code ?? (row.level === 'district' ? department?.code : root?.code) ?? '';
  return {
    id: row.id,
    code: row.code,
    implementationCode: implementationCode(bodyCode, row.level, row.code),
    name: f.name,
    type: row.type,
    tier: row.tier,
    handlingKind: row.handling_kind,
    parentCode,
    department: { id: row.competent_org_id, name: department?.name ?? '' },
    implementer: { orgId: row.implementing_org_id, name: f.implementer },
    level: f.level,
    legalBasis: f.legalBasis,
    targetUsers: f.targetUsers,
    conditions: f.conditions,
    resultName: f.resultName,
    steps: f.steps,
    statutoryDays: f.statutoryDays,
    promisedDays: f.promisedDays,
    instant: f.instant,
    fee: { fen: f.feeFen, basis: f.feeBasis },
    place: f.place,
    hours: f.hours,
    enquiryPhone: f.enquiryPhone,
    complaintPhone: f.complaintPhone,
    visits: f.visits,
    onlineDepth: f.onlineDepth,
    online: f.online,
    lifeEvents: f.lifeEvents,
    topics: f.topics,
    keywords: f.keywords,
    materials: f.materials,
    responsibility: f.responsibility,
    version,
    publishedAt: publishedAt.toISOString(),
    formFields: row.form_fields,
    resultCert: row.result_cert_type_code ? { typeCode: row.result_cert_type_code, validYears: row.result_cert_valid_years } : null,
  };
}

/**
 * A stored snapshot as a guide. Snapshots are never rewritten; an element added to the catalogue
 * later gets its default here, so that old versions still read (and serialise) as guides.
 */
export function readGuide(snapshot: unknown): Guide {
  const defaults: Partial<Guide> = { keywords: [], lifeEvents: [], topics: [], resultName: '', responsibility: null, online: false, formFields: [], resultCert: null };
  return { ...defaults, ...(snapshot as Guide) };
}
