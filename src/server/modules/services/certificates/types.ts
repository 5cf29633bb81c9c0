import { creditCodeCheckCharacter } from '../../../../shared/validators';
import type { CertDb, CertTx } from './tables';

/** A certificate type as seeded: the department by name (organisation ids differ per installation). */
interface SeedType {
  serial: string;
  name: string;
  department: string;
  /** the department's code in the org seed (B24 …): its illustrative credit code is made from it */
  deptCode: string;
  prefix: string;
  validityYears: number | null;
  fields: string[];
}

/**
 * 统一社会信用代码 of a district organ, illustrative: 1 (机构编制) 1 (机关) + 500118 + a 9-character
 * organisation code + check character (GB 32100). Real deployments enter each department's own.
 */
export function illustrativeCreditCode(deptCode: string): string {
  const first17 = `11500118${deptCode.padStart(9, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * The result certificates (结果证照) of the demo catalogue (resultName of its items), with the
 * printed fields and validity their rules give: 食品经营许可证 5 years (食品经营许可管理办法 §37),
 * 营业执照 and 施工许可证 without limit, 户外广告 and 占用挖掘 as the decision states.
 */
const seedTypes: SeedType[] = [
  { serial: '001', name: '食品经营许可证', department: '区市场监管局', deptCode: 'B24', prefix: 'JY1500118', validityYears: 5, fields: ['经营者名称', '经营场所', '主体业态', '经营项目'] },
  { serial: '002', name: '营业执照（个体工商户）', department: '区市场监管局', deptCode: 'B24', prefix: 'GT500118', validityYears: null, fields: ['名称', '经营者', '组成形式', '经营场所', '经营范围'] },
  { serial: '003', name: '特种设备使用登记证', department: '区市场监管局', deptCode: 'B24', prefix: 'TS500118', validityYears: null, fields: ['使用单位', '设备类别', '设备代码', '设备使用地点'] },
  { serial: '001', name: '建筑工程施工许可证', department: '区住房城乡建委', deptCode: 'B13', prefix: 'SG500118', validityYears: null, fields: ['建设单位', '工程名称', '建设地址', '建设规模', '合同工期'] },
  { serial: '002', name: '商品房预售许可证', department: '区住房城乡建委', deptCode: 'B13', prefix: 'YS500118', validityYears: null, fields: ['开发企业', '项目名称', '房屋坐落', '预售面积'] },
  { serial: '001', name: '户外广告设置许可决定书', department: '区城市管理局', deptCode: 'B14', prefix: 'HG500118', validityYears: 3, fields: ['设置人', '设置地点', '广告形式', '规格'] },
  { serial: '002', name: '城市道路占用（挖掘）许可决定书', department: '区城市管理局', deptCode: 'B14', prefix: 'WJ500118', validityYears: 1, fields: ['申请单位', '占用挖掘地点', '面积', '期限'] },
  { serial: '001', name: '公共场所卫生许可证', department: '区卫生健康委', deptCode: 'B20', prefix: 'WG500118', validityYears: 4, fields: ['单位名称', '地址', '许可项目'] },
  { serial: '001', name: '道路运输经营许可证', department: '区交通局', deptCode: 'B15', prefix: 'YY500118', validityYears: 6, fields: ['业户名称', '地址', '经营范围'] },
  { serial: '001', name: '就业创业证', department: '区人力社保局', deptCode: 'B10', prefix: 'JC500118', validityYears: null, fields: ['姓名', '就业状态'] },
];

/** The type code of a seeded type, e.g. 食品经营许可证 → 11500118000000B24X001 (X: its check character). */
export const seededTypeCode = (name: string): string | undefined => {
  const t = seedTypes.find((s) => s.name === name);
  return t ? illustrativeCreditCode(t.deptCode) + t.serial : undefined;
};

/** Seeds the demo types for the departments that exist; returns how many were added. */
export async function seedCertificateTypes(db: CertDb, departmentId: (name: string) => Promise<string | null>): Promise<number> {
  let added = 0;
  for (const t of seedTypes) {
    const issuer = await departmentId(t.department);
    if (!issuer) continue;
    const result = await db
      .insertInto('certificate_type')
      .values({ code: illustrativeCreditCode(t.deptCode) + t.serial, name: t.name, issuer_org_id: issuer, number_prefix: t.prefix, validity_years: t.validityYears, fields: t.fields })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (result) added += 1;
  }
  return added;
}

/**
 * The type of a certificate being issued. A type the platform does not know yet (a department's
 * new licence) is registered on first use with the name and issuer given and its whole code as the
 * number prefix (unique by construction), so an approval never fails for want of configuration.
 */
export async function typeForIssue(tx: CertTx, code: string, name: string, issuerOrgId: string) {
  const known = await tx.selectFrom('certificate_type').selectAll().where('code', '=', code).executeTakeFirst();
  if (known) return known;
  await tx
    .insertInto('certificate_type')
    .values({ code, name, issuer_org_id: issuerOrgId, number_prefix: code, validity_years: null, fields: [] })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return tx.selectFrom('certificate_type').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}
