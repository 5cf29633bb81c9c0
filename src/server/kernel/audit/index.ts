export { appendAudit, auditAlone, type AnyTx, type AuditEntry } from './write';
export { chainPendingAudit, chainPendingBatch, chainBatchSize } from './chainer';
export { AuditChainRunner, type ChainRunnerOptions } from './chain-runner';
export { verifyAuditChain, type VerifyResult, type ChainProblem } from './verify';
export { purgeExpiredAudit, minimumRetentionDays } from './retention';
export type { AuditTables, AuditDb } from './tables';
