import type { CaseClass } from '../classes';
import { open311Errors } from './errors';
import type { Doc } from './xml';

/** What the attributes of a service add to a case. */
export interface AttributeValues {
  urgent: boolean;
  /** 部件编号 of the component concerned (component classes only) */
  componentId?: string | undefined;
}

const urgent = {
  variable: true,
  code: 'urgent',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: '紧急案件按紧急时限处置 / urgent cases are handled within the shorter limit',
  order: 1,
  description: '是否紧急（如危及人身安全）/ Urgent (e.g. a danger to people)?',
  values: [
    { key: 'true', name: '是' },
    { key: 'false', name: '否' },
  ],
};

const componentId = {
  variable: true,
  code: 'component_id',
  datatype: 'string',
  required: false,
  datatype_description: '部件上的编号，如井盖上的喷码 / the number on the component, e.g. painted on a manhole cover',
  order: 2,
  description: '部件编号 / component number',
  values: [],
};

const isComponent = (cls: CaseClass) => cls.code.startsWith('C');

/** The attributes of a service definition: urgency for every class, the component number for components. */
export function definitionAttributes(cls: CaseClass): Doc[] {
  return isComponent(cls) ? [urgent, componentId] : [urgent];
}

/** Reads the submitted `attribute[…]` values against the service's definition; anything else is refused. */
export function readAttributes(cls: CaseClass, given: Map<string, string[]>): AttributeValues {
  const allowed = new Set(isComponent(cls) ? ['urgent', 'component_id'] : ['urgent']);
  for (const code of given.keys()) {
    if (!allowed.has(code)) throw open311Errors.bad(`服务 ${cls.code} 没有属性 ${code}`, `Service ${cls.code} has no attribute ${code} (see services/${cls.code}.xml)`);
  }
  const one = (code: string) => {
    const values = given.get(code) ?? [];
    if (values.length > 1) throw open311Errors.bad(`属性 ${code} 只能取一个值`, `attribute ${code} takes a single value`);
    return values[0];
  };
  const u = one('urgent');
  if (u !== undefined && u !== 'true' && u !== 'false') throw open311Errors.bad(`属性 urgent 只能是 true 或 false：${u}`, `attribute urgent must be true or false, not ${u}`);
  const component = one('component_id')?.trim();
  if (component && ([...component].length > 50 || /[\r\n]/.test(component))) throw open311Errors.bad('部件编号为不超过 50 个字符的单行文字', 'component_id is one line of at most 50 characters');
  return { urgent: u === 'true', componentId: component || undefined };
}
