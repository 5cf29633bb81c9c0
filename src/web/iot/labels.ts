/** Colours and label keys of device states, alarm severities and alarm kinds (one place for tags, maps and the command panel). */
import type { MessageKey, Translate } from '../i18n';

export const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 严重 red, 重要 orange, 次要 gold, 提示 blue (the usual order of alarm consoles). */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = { critical: '#f5222d', major: '#fa8c16', minor: '#d4b106', warning: '#1677ff' };
/** antd Tag preset names of the same colours */
export const SEVERITY_TAGS: Readonly<Record<Severity, string>> = { critical: 'red', major: 'orange', minor: 'gold', warning: 'blue' };

const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);
export const severityColour = (s: string) => (isSeverity(s) ? SEVERITY_COLOURS[s] : '#8c8c8c');
export const severityTag = (s: string) => (isSeverity(s) ? SEVERITY_TAGS[s] : 'default');
export const severityLabel = (t: Translate, s: string) => (isSeverity(s) ? t(`iot.severity.${s}` as MessageKey) : s);

export const ALARM_KINDS = ['silent', 'threshold', 'rate', 'missing', 'anomaly'] as const;
export const kindLabel = (t: Translate, k: string) => ((ALARM_KINDS as readonly string[]).includes(k) ? t(`iot.kind.${k}` as MessageKey) : k);

export const DEVICE_STATES = ['online', 'offline', 'disabled'] as const;
export const STATE_COLOURS: Readonly<Record<string, string>> = { online: '#52c41a', offline: '#8c8c8c', disabled: '#bfbfbf' };
export const STATE_TAGS: Readonly<Record<string, string>> = { online: 'success', offline: 'default', disabled: 'default' };
export const stateLabel = (t: Translate, s: string) => ((DEVICE_STATES as readonly string[]).includes(s) ? t(`iot.state.${s}` as MessageKey) : s);

export const RULE_KINDS = ['threshold', 'rate', 'missing', 'anomaly'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Rank for sorting: critical first. */
export const severityRank = (s: string) => (isSeverity(s) ? SEVERITIES.indexOf(s) : SEVERITIES.length);
