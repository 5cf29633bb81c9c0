export { notify, deliverJob, defaultMaxAttempts, NotifyError, type NotifyRequest, type NotifyOptions, type TemplateUse, type NotifyResult, type DeliverPayload } from './notify';
export { defineTemplate, getTemplate, hasTemplate, renderTemplate, TemplateError, type Template, type TemplateDefinition, type TemplateText, type TemplateVars, type Lang, type Rendered, type VarsOf } from './templates';
export { createAdapters, httpSmsAdapter, logAdapter, smtpAdapter, maskRecipient, type Adapter, type Adapters, type OutboundMessage } from './adapters';
export { loadNotifyConfig, notifyVariables, type NotifyConfig } from './config';
export { deliveryHandler } from './deliver';
export { sendSmtp, SmtpError, type SmtpMessage, type SmtpOptions } from './smtp';
export { notifyRoutes } from './routes';
export type { Channel, OutboundChannel, DeliveryStatus, NotifyTables, NotifyDb } from './tables';
