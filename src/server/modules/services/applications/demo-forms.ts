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

/**
 * Application forms of a handful of demo items (the others are applied for at a window): the fields
 * are what the 申请书 of each item asks, typed so that ID numbers and credit codes are checked.
 */
const demoForms: Record<string, DemoForm> = {
  '010000100000': food,
  '010000100001': food,
  '010000100004': { fields: [f('licenceNo', 'text', '食品经营许可证编号', 'Licence number'), f('reason', 'textarea', '注销原因', 'Reason for cancellation')] },
  '010000200000': {
    fields: [
      f('name', 'text', '名称', 'Name'),
      f('operator', 'text', '经营者', 'Operator'),
      f('operatorId', 'idNumber', '经营者身份证号码', 'ID number of the operator'),
      f('form', 'select', '组成形式', 'Form', true, ['个人经营', '家庭经营']),
      f('premises', 'address', '经营场所', 'Premises'),
      f('scope', 'textarea', '经营范围', 'Business scope'),
    ],
    cert: { name: '营业执照（个体工商户）', years: null },
  },
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
};

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
