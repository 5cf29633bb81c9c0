export { WorkflowEngine, type StartInput, type ActInput } from './engine';
export { workflowRoutes } from './routes';
export { workflowAttachmentRoute } from './attachment-route';
export { nextBusinessNumber } from './business-number';
export { inbox } from './inbox';
export { isInvolved } from './panel';
export type { ProcessDefinition, StateDef, ActionDef, ActionNotice, Countersign, Guard, GuardContext, Limit, LimitRule, PersonRule, Label } from './definition';
export type { TransitionEvent, TransitionHook } from './context';
export type { WorkflowTables, WorkflowDb } from './tables';
