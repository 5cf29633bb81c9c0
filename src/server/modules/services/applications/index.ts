import type { PermissionDef } from '../../../kernel/access';
import type { App, Kernel } from '../../../kernel/module';
import { appDeps } from './context';
import { deemedAcceptance } from './deemed';
import { applicationExtensionRule } from './extension-rule';
import { deemedAcceptanceJob, keepApplicationInStep } from './hook';
import { ACCEPT, applicationProcess, COUNTER, DECIDE, READ } from './process';
import { applicationRoutes } from './routes';

export { applicationProcess } from './process';

export const applicationPermissions: PermissionDef[] = [
  { name: ACCEPT, zh: '受理政务服务申请（综合窗口、部门）', en: 'Accept service applications (window, department)' },
  { name: DECIDE, zh: '审查并决定政务服务申请（本部门）', en: 'Review and decide service applications (own department)' },
  { name: COUNTER, zh: '窗口代录申请', en: 'Enter counter applications' },
  { name: READ, zh: '查看办件', en: 'Read service applications' },
];

/** 前台综合受理 (window clerk, district scope: every department), 后台分类审批 (each department its own). */
export const applicationGrants: Record<string, string[]> = {
  window_clerk: [ACCEPT, COUNTER, READ],
  dept_reviewer: [ACCEPT, DECIDE, READ],
};

/**
 * Wiring that needs the kernel: the transition hooks (the certificate is issued through the kernel's
 * keys), the deemed-acceptance job, and the limit on extensions of an application's decision.
 */
export function applicationsBackground(kernel: Kernel): void {
  kernel.workflow.onTransition(applicationProcess.key, keepApplicationInStep(kernel));
  kernel.workflow.onTransition('workflow.extension', applicationExtensionRule);
  kernel.jobs.handle(deemedAcceptanceJob, deemedAcceptance(kernel));
}

export function applicationsRoutes(app: App, kernel: Kernel): void {
  applicationRoutes(app, appDeps(kernel));
}
