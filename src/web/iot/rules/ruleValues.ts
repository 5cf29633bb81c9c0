/** Between the rule form (minutes, one field per parameter) and the API (seconds, params by kind). */
import type { NewRule, Rule, RuleChange } from '../api';
import type { RuleKind } from '../labels';

export interface RuleFormValues {
  name: string;
  typeCode: string;
  deviceId?: string | undefined;
  quantity: string;
  kind: RuleKind;
  severity: 'critical' | 'major' | 'minor' | 'warning';
  caseClassCode?: string | undefined;
  /** 站内通知 to those who handle alarms when the rule raises one */
  notify: boolean;
  enabled: boolean;
  params: {
    op?: 'above' | 'below';
    value?: number;
    forMinutes?: number;
    perMinute?: number;
    sigmas?: number;
    hours?: number;
    minCount?: number;
  };
}

type Params = NewRule['params'];

/** Starting values of each kind (the demo rules' limits). */
export const DEFAULT_PARAMS: Record<RuleKind, RuleFormValues['params']> = {
  threshold: { op: 'above', forMinutes: 0 },
  rate: {},
  missing: { forMinutes: 30 },
  anomaly: { sigmas: 5, hours: 24, minCount: 12 },
};

const num = (v: number | undefined) => v ?? Number.NaN;

export function paramsOf(kind: RuleKind, p: RuleFormValues['params']): Params {
  switch (kind) {
    case 'threshold':
      return { op: p.op ?? 'above', value: num(p.value), forSeconds: Math.round(num(p.forMinutes) * 60) };
    case 'rate':
      return { perMinute: num(p.perMinute) };
    case 'missing':
      return { forSeconds: Math.round(num(p.forMinutes) * 60) };
    case 'anomaly':
      return { sigmas: num(p.sigmas), hours: num(p.hours), minCount: num(p.minCount) };
  }
}

export function newRuleBody(v: RuleFormValues): NewRule {
  return {
    name: v.name.trim(),
    typeCode: v.typeCode,
    deviceId: v.deviceId ?? null,
    quantity: v.quantity,
    kind: v.kind,
    params: paramsOf(v.kind, v.params),
    severity: v.severity,
    caseClassCode: v.caseClassCode ?? null,
    notify: v.notify,
    enabled: v.enabled,
  };
}

/** What an edit may change: the name, parameters, severity, case class, notification (type, device, quantity and kind are fixed). */
export function ruleChange(v: RuleFormValues): RuleChange {
  return { name: v.name.trim(), params: paramsOf(v.kind, v.params), severity: v.severity, caseClassCode: v.caseClassCode ?? null, notify: v.notify };
}

const n = (v: number | string | undefined) => (typeof v === 'number' ? v : undefined);

export function formValuesOf(rule: Rule): RuleFormValues {
  const p = rule.params;
  const kind = rule.kind as RuleKind;
  const forSeconds = n(p['forSeconds']);
  return {
    name: rule.name,
    typeCode: rule.typeCode,
    deviceId: rule.deviceId ?? undefined,
    quantity: rule.quantity,
    kind,
    severity: rule.severity as RuleFormValues['severity'],
    caseClassCode: rule.caseClassCode ?? undefined,
    notify: rule.notify,
    enabled: rule.enabled,
    params: {
      ...(p['op'] === 'above' || p['op'] === 'below' ? { op: p['op'] } : {}),
      ...(n(p['value']) !== undefined ? { value: n(p['value'])! } : {}),
      ...(forSeconds !== undefined ? { forMinutes: forSeconds / 60 } : {}),
      ...(n(p['perMinute']) !== undefined ? { perMinute: n(p['perMinute'])! } : {}),
      ...(n(p['sigmas']) !== undefined ? { sigmas: n(p['sigmas'])! } : {}),
      ...(n(p['hours']) !== undefined ? { hours: n(p['hours'])! } : {}),
      ...(n(p['minCount']) !== undefined ? { minCount: n(p['minCount'])! } : {}),
    },
  };
}

/**
 * The form field a server error points at (`/body/params/forSeconds` → params.forMinutes), or
 * null when it names no field of the form (then it is shown only in the alert above).
 */
export function formFieldOf(pointer: string, kind: RuleKind): (string | number)[] | null {
  const parts = pointer.replace(/^\/body\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0) return null;
  if (parts[0] !== 'params') return ['name', 'typeCode', 'deviceId', 'quantity', 'kind', 'severity', 'caseClassCode', 'notify', 'enabled'].includes(parts[0]!) ? [parts[0]!] : null;
  const key = parts[1];
  if (!key) return ['kind'];
  if (key === 'forSeconds') return ['params', 'forMinutes'];
  const known = Object.keys(paramsOf(kind, {}));
  return known.includes(key) ? ['params', key] : ['kind'];
}
