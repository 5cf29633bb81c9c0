import { ownTables } from '../../../kernel/db/database';
import type { Module } from '../../../kernel/module';
import { keepRatingInStep } from './hook';
import { rectificationProcess, RECTIFY, REVIEW, SETTINGS } from './process';
import { ratingRoutes } from './routes';
import type { RatingsTables } from './tables';

/** What the ratings add to the services module (permissions, grants, the 整改 process, routes). */
export const ratingsPart: Pick<Module, 'permissions' | 'grants' | 'processes' | 'onTransition' | 'routes'> = {
  permissions: [
    { name: RECTIFY, zh: '差评核实整改、回访、申诉（办理部门）', en: 'Rectify bad reviews, visit back, appeal (handling department)' },
    { name: REVIEW, zh: '差评申诉复核（政务服务中心）', en: 'Review appeals against bad reviews (service centre)' },
    { name: SETTINGS, zh: '设置差评整改时限', en: 'Set the rectification limit' },
  ],
  // 谁办理谁负责: the department's reviewers rectify; the administrative service centre's window
  // staff (district scope) review appeals; the leader sets the local limit
  grants: { dept_reviewer: [RECTIFY], window_clerk: [REVIEW], leader: [SETTINGS] },
  processes: [rectificationProcess],
  onTransition: { [rectificationProcess.key]: keepRatingInStep },
  routes: (app, kernel) => ratingRoutes(app, kernel, ownTables<RatingsTables>(kernel.database)),
};
