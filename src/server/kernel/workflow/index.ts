export { WorkflowEngine, type StartInput, type ActInput } from './engine';
export { workflowRoutes } from './routes';
export { nextBusinessNumber } from './business-number';
export { inbox } from './inbox';
export type { ProcessDefinition, StateDef, ActionDef, Limit, Label } from './definition';
export type { WorkflowTables, WorkflowDb } from './tables';
