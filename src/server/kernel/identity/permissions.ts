import type { PermissionDef } from '../access';
import type { AdminKind } from './tables';

/** Permissions of the kernel itself; modules declare theirs in their Module object. */
export const kernelPermissions: PermissionDef[] = [
  { name: 'identity:account.manage', zh: '管理账号', en: 'Manage accounts' },
  { name: 'identity:role.manage', zh: '管理角色与授权', en: 'Manage roles and grants' },
  { name: 'security:settings', zh: '管理安全设置', en: 'Manage security settings' },
  { name: 'calendar:manage', zh: '维护工作日历和办公时间', en: 'Maintain the working calendar and office hours' },
  { name: 'workflow:suspend', zh: '挂起和恢复流程（督办）', en: 'Suspend and resume processes' },
  { name: 'workflow:assign', zh: '指派和改派待办', en: 'Assign and reassign steps' },
  { name: 'workflow:extension.approve', zh: '审批延期申请', en: 'Approve extensions of time limits' },
  { name: 'audit:read', zh: '查阅和导出审计日志', en: 'Read and export the audit log' },
  { name: 'notify:monitor', zh: '查看短信和邮件发送情况', en: 'Monitor outgoing SMS and e-mail' },
  { name: 'identity:citizen.lookup', zh: '查找居民账号（脱敏）', en: 'Find citizen accounts (masked)' },
  { name: 'personal:reveal', zh: '查看未脱敏的个人信息（留痕）', en: 'See unmasked personal data (audited)' },
  { name: 'files:read-all', zh: '查阅所有附件（下载留痕）', en: 'Read every attachment (downloads audited)' },
];

export interface BuiltinRole {
  code: string;
  zh: string;
  en: string;
  adminKind: AdminKind | null;
  permissions: string[];
}

/**
 * Built-in roles. The three administrators (三员分立) hold disjoint permissions
 * and no account may hold two of them. Business roles receive their module
 * permissions from each module's `grants`.
 */
export const builtinRoles: BuiltinRole[] = [
  { code: 'system_admin', zh: '系统管理员', en: 'System administrator', adminKind: 'system', permissions: ['identity:account.manage', 'calendar:manage', 'notify:monitor'] },
  { code: 'security_admin', zh: '安全管理员', en: 'Security administrator', adminKind: 'security', permissions: ['identity:role.manage', 'security:settings'] },
  { code: 'audit_admin', zh: '审计管理员', en: 'Audit administrator', adminKind: 'audit', permissions: ['audit:read'] },
  { code: 'window_clerk', zh: '综合窗口受理员', en: 'Window clerk', adminKind: null, permissions: ['identity:citizen.lookup', 'personal:reveal'] },
  { code: 'dept_reviewer', zh: '部门审核员', en: 'Department reviewer', adminKind: null, permissions: ['identity:citizen.lookup'] },
  { code: 'city_inspector', zh: '城管监督员', en: 'City inspector', adminKind: null, permissions: [] },
  { code: 'city_operator', zh: '受理员', en: 'Case operator', adminKind: null, permissions: [] },
  { code: 'shift_leader', zh: '值班长', en: 'Shift leader', adminKind: null, permissions: ['workflow:extension.approve'] },
  { code: 'dispatcher', zh: '派遣员', en: 'Dispatcher', adminKind: null, permissions: ['workflow:assign'] },
  { code: 'dept_handler', zh: '专业部门处置员', en: 'Department handler', adminKind: null, permissions: [] },
  { code: 'leader', zh: '领导', en: 'Leader', adminKind: null, permissions: ['workflow:suspend', 'workflow:assign', 'workflow:extension.approve'] },
];
