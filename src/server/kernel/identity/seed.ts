import { v7 as uuidv7 } from 'uuid';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../../shared/validators';
import { citizenProfileRow } from './accounts';
import type { IdentityContext } from './context';
import { hashPassword } from './passwords';
import type { Scope } from './tables';

/** The password of every demo account (README). Demo accounts never exist in production mode. */
export const demoPassword = 'Yongchuan@2026';

interface DemoStaff {
  username: string;
  displayName: string;
  orgName: string;
  role: string;
  scope: Scope;
}

export const demoStaff: DemoStaff[] = [
  { username: 'sysadmin', displayName: '系统管理员（演示）', orgName: '区大数据发展局', role: 'system_admin', scope: 'district' },
  { username: 'secadmin', displayName: '安全管理员（演示）', orgName: '区大数据发展局', role: 'security_admin', scope: 'district' },
  { username: 'auditadmin', displayName: '审计管理员（演示）', orgName: '区大数据发展局', role: 'audit_admin', scope: 'district' },
  { username: 'clerk', displayName: '李窗口', orgName: '区行政服务中心', role: 'window_clerk', scope: 'district' },
  { username: 'reviewer', displayName: '王审核', orgName: '区市场监管局', role: 'dept_reviewer', scope: 'own' },
  { username: 'inspector', displayName: '赵巡查', orgName: '区城市管理局', role: 'city_inspector', scope: 'own' },
  { username: 'cgreviewer', displayName: '周科长', orgName: '区城市管理局', role: 'dept_reviewer', scope: 'own' },
  { username: 'dispatcher', displayName: '钱派遣', orgName: '区城市管理局', role: 'dispatcher', scope: 'own' },
  { username: 'operator', displayName: '冯受理', orgName: '区城市管理局', role: 'city_operator', scope: 'own' },
  { username: 'shiftlead', displayName: '陈值班', orgName: '区城市管理局', role: 'shift_leader', scope: 'own' },
  { username: 'handler', displayName: '褚处置', orgName: '区城市管理局', role: 'dept_handler', scope: 'own' },
  { username: 'jwhandler', displayName: '卫处置', orgName: '区住房城乡建委', role: 'dept_handler', scope: 'own' },
  // approves the publication of catalogue resources (the data authority, 数据主管部门)
  { username: 'datareviewer', displayName: '吴数据', orgName: '区大数据发展局', role: 'dept_reviewer', scope: 'own' },
  { username: 'leader', displayName: '孙区长', orgName: '区政府办公室', role: 'leader', scope: 'district' },
];

const citizenId17 = '50011819900307123';
export const demoCitizen = { username: 'citizen', realName: '张永川', idNumber: citizenId17 + idNumberCheckCharacter(citizenId17), phone: '13800238123' };
const credit17 = '91500118MA5U7XXX0'.replace(/X/g, '1');
export const demoEnterprise = { username: 'enterprise', name: '重庆永川茶竹科技有限公司', creditCode: credit17 + creditCodeCheckCharacter(credit17), legalRepresentative: '张永川' };

/** Demo accounts for the embedded default (SEED_DEMO=1); created once, on a database without accounts. */
export async function seedDemoAccounts(ctx: IdentityContext, orgIdByName: (name: string) => Promise<string | null>): Promise<number> {
  const any = await ctx.db.selectFrom('account').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const passwordHash = await hashPassword(demoPassword);
  const rootId = await ctx.orgs.rootId();
  return ctx.db.transaction().execute(async (tx) => {
    let created = 0;
    for (const staff of demoStaff) {
      const orgId = await orgIdByName(staff.orgName);
      if (!orgId) continue;
      const id = uuidv7();
      await tx.insertInto('account').values({ id, kind: 'staff', username: staff.username, display_name: staff.displayName, org_id: orgId, password_hash: passwordHash }).execute();
      const role = await tx.selectFrom('role').select('id').where('code', '=', staff.role).executeTakeFirstOrThrow();
      await tx.insertInto('account_role').values({ account_id: id, role_id: role.id, org_id: staff.scope === 'district' ? rootId : orgId, scope: staff.scope, granted_by: null }).execute();
      created += 1;
    }
    const citizenId = uuidv7();
    await tx.insertInto('account').values({ id: citizenId, kind: 'citizen', username: demoCitizen.username, display_name: demoCitizen.realName, org_id: null, password_hash: passwordHash }).execute();
    await tx.insertInto('citizen_profile').values(citizenProfileRow(ctx.keys, citizenId, demoCitizen.realName, demoCitizen.idNumber, demoCitizen.phone)).execute();
    const enterpriseId = uuidv7();
    await tx.insertInto('account').values({ id: enterpriseId, kind: 'enterprise', username: demoEnterprise.username, display_name: demoEnterprise.name, org_id: null, password_hash: passwordHash }).execute();
    await tx.insertInto('enterprise_profile').values({ account_id: enterpriseId, name: demoEnterprise.name, credit_code: demoEnterprise.creditCode, legal_representative: demoEnterprise.legalRepresentative }).execute();
    await tx.insertInto('enterprise_agent').values({ enterprise_id: enterpriseId, citizen_id: citizenId }).execute();
    return created + 2;
  });
}
