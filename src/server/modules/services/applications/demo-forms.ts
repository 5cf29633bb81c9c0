import { seededTypeCode } from '../certificates/types';
import type { FormField } from './form';

const f = (key: string, type: FormField['type'], zh: string, en: string, required = true, options?: string[]): FormField => ({
  key,
  type,
  label: { zh, en },
  required,
  ...(options ? { options: options.map((o) => ({ zh: o, en: o })) } : {}),
});

interface DemoForm {
  fields: FormField[];
  /** the result certificate's type name (certificates/types.ts) and validity in years (null: 长期) */
  cert?: { name: string; years: number | null };
}

const foodFields = [
  f('operatorName', 'text', '经营者名称', 'Operator'),
  f('premises', 'address', '经营场所', 'Premises'),
  f('format', 'select', '主体业态', 'Type of business', true, ['食品销售经营者', '餐饮服务经营者', '单位食堂']),
  f('scope', 'textarea', '经营项目', 'Business scope'),
  f('managerId', 'idNumber', '食品安全管理人员身份证号码', 'ID number of the food-safety manager'),
  f('contactPhone', 'phone', '联系电话', 'Contact phone'),
  f('openDate', 'date', '拟开业日期', 'Planned opening date', false),
];
const food: DemoForm = { fields: foodFields, cert: { name: '食品经营许可证', years: 5 } };

const selfEmployed: DemoForm = {
  fields: [
    f('name', 'text', '名称', 'Name'),
    f('operator', 'text', '经营者', 'Operator'),
    f('operatorId', 'idNumber', '经营者身份证号码', 'ID number of the operator'),
    f('form', 'select', '组成形式', 'Form', true, ['个人经营', '家庭经营']),
    f('premises', 'address', '经营场所', 'Premises'),
    f('scope', 'textarea', '经营范围', 'Business scope'),
  ],
  cert: { name: '营业执照（个体工商户）', years: null },
};

const buildingPermit: DemoForm = {
  fields: [
    f('builder', 'text', '建设单位', 'Builder'),
    f('builderCode', 'creditCode', '建设单位统一社会信用代码', 'Credit code of the builder'),
    f('project', 'text', '工程名称', 'Project'),
    f('site', 'address', '建设地址', 'Site'),
    f('scale', 'text', '建设规模', 'Scale (m²)'),
    f('term', 'text', '合同工期', 'Contract period'),
    f('contactPhone', 'phone', '联系电话', 'Contact phone'),
  ],
  cert: { name: '建筑工程施工许可证', years: null },
};

const roadWorks: DemoForm = {
  fields: [
    f('applicant', 'text', '申请单位', 'Applicant'),
    f('place', 'address', '占用挖掘地点', 'Place'),
    f('area', 'text', '面积', 'Area (m²)'),
    f('period', 'text', '期限', 'Period'),
    f('contactPhone', 'phone', '联系电话', 'Contact phone'),
  ],
  cert: { name: '城市道路占用（挖掘）许可决定书', years: 1 },
};

/**
 * Application forms of the demo items open online whose result is a certificate (the others are applied
 * for at a window or give no certificate): the fields are what the 申请书 of each item asks, typed so that
 * ID numbers and credit codes are checked, and labelled with the printed fields of the seeded certificate
 * type (certificates/types.ts), so an approval prints them. The result certificate is the seeded type's
 * code (`seededTypeCode`), so approvals number it with the type's prefix (JY1500118…, GT500118…).
 */
const demoForms: Record<string, DemoForm> = {
  '010000100000': food,
  '010000100001': food,
  '010000100002': food,
  '010000100003': food,
  '010000100004': { fields: [f('licenceNo', 'text', '食品经营许可证编号', 'Licence number'), f('reason', 'textarea', '注销原因', 'Reason for cancellation')] },
  '010000200000': selfEmployed,
  '010000200001': selfEmployed,
  '010000200002': selfEmployed,
  '010000400000': buildingPermit,
  '010000400001': buildingPermit,
  '010000400002': buildingPermit,
  '010000600000': {
    fields: [
      f('owner', 'text', '设置人', 'Owner'),
      f('ownerCode', 'creditCode', '设置人统一社会信用代码', 'Credit code of the owner', false),
      f('place', 'address', '设置地点', 'Place'),
      f('kind', 'select', '广告形式', 'Kind', true, ['墙面广告', '屏顶广告', '立柱广告', '电子显示屏']),
      f('size', 'text', '规格', 'Size (m)'),
      f('months', 'number', '设置期限（月）', 'Months'),
    ],
    cert: { name: '户外广告设置许可决定书', years: 3 },
  },
  '010000700000': roadWorks,
  '010000700100': roadWorks,
  '010000700200': roadWorks,
  '010001000000': {
    fields: [
      f('unit', 'text', '单位名称', 'Name of the establishment'),
      f('address', 'address', '地址', 'Address'),
      f('items', 'textarea', '许可项目', 'Licensed activities'),
      f('legalPerson', 'text', '法定代表人或负责人', 'Legal representative'),
      f('contactPhone', 'phone', '联系电话', 'Contact phone'),
    ],
    cert: { name: '公共场所卫生许可证', years: 4 },
  },
  '010001100000': {
    fields: [
      f('operator', 'text', '业户名称', 'Operator'),
      f('operatorCode', 'creditCode', '统一社会信用代码', 'Credit code', false),
      f('address', 'address', '地址', 'Address'),
      f('scope', 'select', '经营范围', 'Scope', true, ['道路普通货物运输', '道路旅客运输', '机动车维修']),
      f('contactPhone', 'phone', '联系电话', 'Contact phone'),
    ],
    cert: { name: '道路运输经营许可证', years: 6 },
  },
  '200000900000': {
    fields: [
      f('name', 'text', '姓名', 'Name'),
      f('status', 'select', '就业状态', 'Employment status', true, ['失业', '就业', '自主创业']),
      f('address', 'address', '常住地址', 'Address'),
      f('contactPhone', 'phone', '联系电话', 'Contact phone'),
    ],
    cert: { name: '就业创业证', years: null },
  },
};

/** The codes of the demo items whose form names a result certificate (tests check each is seeded and issued). */
export const demoCertificateItems = (): string[] => Object.keys(demoForms).filter((code) => demoForms[code]!.cert);

/** The columns of a demo item's form (empty for items without one). */
export function demoFormColumns(code: string) {
  const form = demoForms[code];
  const typeCode = form?.cert ? (seededTypeCode(form.cert.name) ?? null) : null;
  return {
    form_fields: JSON.stringify(form?.fields ?? []) as never,
    result_cert_type_code: typeCode,
    result_cert_valid_years: typeCode ? (form?.cert?.years ?? null) : null,
  };
}
