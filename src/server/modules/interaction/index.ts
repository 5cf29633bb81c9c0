import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module';
import { interactionDeps } from './deps';
import { keepTicketInStep } from './hook';
import { kindStore } from './kinds';
import { CENTRE, HANDLE, KINDS_MANAGE, READ, ticketProcess } from './process';
import { publicRoutes } from './routes-public';
import { workRoutes } from './routes-work';

import type { InteractionDb } from './store';

export type { InteractionTables } from './store';

/** 政民互动: letters, consultations, complaints and suggestions as hotline-style tickets. */
export const interactionModule: Module = {
  name: 'interaction',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: CENTRE, zh: '政民互动：受理、派单、回访、催办、公开审核、登记来电', en: 'Interaction centre: accept, dispatch, visit, chase, publish, register calls' },
    { name: HANDLE, zh: '政民互动：签收、办理、答复（承办单位）', en: 'Interaction: sign off, handle and reply (department)' },
    { name: READ, zh: '查看全部政民互动工单', en: 'Read every interaction ticket' },
    { name: KINDS_MANAGE, zh: '设置诉求类型的办理时限', en: 'Set the limits of the kinds of ticket' },
  ],
  // the centre sits in the administrative service centre (its window clerks take calls and letters);
  // departments' handlers and reviewers answer; leaders read everything and approve extensions
  grants: {
    window_clerk: [CENTRE, READ],
    dept_handler: [HANDLE],
    dept_reviewer: [HANDLE],
    leader: [READ],
    system_admin: [KINDS_MANAGE],
  },
  processes: [ticketProcess],
  // the hook needs the field keys (to text a writer the reply), which only the assembled kernel
  // holds: it is registered once per kernel here rather than through the static `onTransition`
  background: (kernel) => kernel.workflow.onTransition(ticketProcess.key, keepTicketInStep(kernel.keys)),
  // the engine's 撤回 (the writer, before anyone acted) runs no hook: the status follows the event
  subscribe: {
    'workflow.withdrawn': async (tx, event) => {
      const p = event.payload as { businessModule?: string; businessId?: string };
      if (p.businessModule !== 'interaction' || !p.businessId) return;
      await (tx as InteractionDb).updateTable('ticket').set({ status: 'withdrawn', closed_at: new Date(), updated_at: new Date() }).where('id', '=', p.businessId).execute();
    },
  },
  routes: (app, kernel) => {
    const deps = interactionDeps(kernel);
    publicRoutes(app, deps);
    workRoutes(app, deps);
  },
  seed: async (kernel) => {
    const n = await kindStore.seed(interactionDeps(kernel).db);
    if (n > 0) kernel.log.info({ kinds: n }, 'seeded the kinds of interaction ticket');
  },
};
