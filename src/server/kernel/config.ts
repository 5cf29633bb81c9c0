import path from 'node:path';

/**
 * ONE validated configuration object, read once at boot (DESIGN §2).
 * Every variable is declared here with its default, meaning and whether it is
 * sensitive; `scripts/config-table.ts` prints the README table from this list,
 * and a test checks that the README shows every variable.
 */

export type Zone = 'extranet' | 'intranet';
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  embeddedPgPort: number;
  zone: Zone;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  trustProxy: boolean;
  seedDemo: boolean;
  accessLog: AccessLog;
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  /** 64 hex characters; null → generated once into DATA_DIR (development only). */
  fieldKey: string | null;
  auditRetentionDays: number;
  /** external MQTT broker (mqtt:// or mqtts://); null → the embedded broker on `mqttPort` */
  mqttUrl: string | null;
  /** port of the embedded MQTT broker; 0 picks a free port */
  mqttPort: number;
  /** shared-subscription group and client-id stem of the server copies on an external broker */
  mqttGroup: string;
}

/** Which requests get a log line: `all`, or `changes` (writes, errors and slow requests). */
export type AccessLog = 'all' | 'changes';

export interface VariableSpec {
  name: string;
  default: string;
  meaning: string;
  sensitive: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly allowed: string,
    readonly got: string,
  ) {
    super(`配置错误 / invalid configuration: ${variable}=${JSON.stringify(got)} — allowed: ${allowed}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, values.join(' | '), raw);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, '1 | 0 | true | false | yes | no', raw);
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'a postgres:// or postgresql:// URL', '(unparsable, not shown)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', 'a postgres:// or postgresql:// URL', `${url.protocol}//…`);
  }
  return raw;
}

function mqttUrl(env: Env): string | null {
  const raw = env.MQTT_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('MQTT_URL', 'an mqtt:// or mqtts:// URL', '(unparsable, not shown)');
  }
  if (!['mqtt:', 'mqtts:', 'tcp:', 'ssl:'].includes(url.protocol)) throw new ConfigError('MQTT_URL', 'an mqtt:// or mqtts:// URL', `${url.protocol}//…`);
  return raw;
}

function fieldKey(env: Env): string | null {
  const raw = env.FIELD_ENCRYPTION_KEY;
  if (raw === undefined || raw === '') return null;
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError('FIELD_ENCRYPTION_KEY', '64 hexadecimal characters (32 bytes)', '(not shown)');
  return raw.toLowerCase();
}

export const variables: VariableSpec[] = [
  { name: 'NODE_ENV', default: 'development', meaning: '`development`, `production` or `test`. Production never creates demo accounts unless `SEED_DEMO=1`.', sensitive: false },
  { name: 'PORT', default: '3000', meaning: 'HTTP port of the web app and API.', sensitive: false },
  { name: 'HOST', default: '0.0.0.0', meaning: 'Address the HTTP server listens on.', sensitive: false },
  { name: 'DATA_DIR', default: './data', meaning: 'Folder for the embedded PostgreSQL (`pg/`), its password and other local state.', sensitive: false },
  { name: 'DATABASE_URL', default: '(none: embedded PostgreSQL)', meaning: 'PostgreSQL 15+ server to use instead of the embedded one, e.g. `postgres://user:pass@db:5432/yongchuan`.', sensitive: true },
  { name: 'EMBEDDED_PG_PORT', default: '54329', meaning: 'Port of the embedded PostgreSQL on 127.0.0.1 (`0` picks a free port).', sensitive: false },
  { name: 'ZONE', default: 'extranet', meaning: 'Deployment zone: `extranet` (电子政务外网) or `intranet` (电子政务内网).', sensitive: false },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on stdout.', sensitive: false },
  { name: 'BODY_LIMIT', default: '1048576', meaning: 'Largest accepted JSON request body in bytes (larger bodies get 413).', sensitive: false },
  { name: 'TRUST_PROXY', default: '0', meaning: 'Trust `X-Forwarded-*` headers from a reverse proxy (`1`) for client addresses.', sensitive: false },
  { name: 'ACCESS_LOG', default: 'changes', meaning: '`changes`: log writes, errors (4xx/5xx) and requests slower than 1 s; `all`: log every request too.', sensitive: false },
  { name: 'LOCKOUT_THRESHOLD', default: '5', meaning: 'Failed logins in a row that lock an account.', sensitive: false },
  { name: 'LOCKOUT_MINUTES', default: '15', meaning: 'How long a locked account stays locked.', sensitive: false },
  { name: 'SESSION_IDLE_MINUTES', default: '30', meaning: 'A session unused this long ends (idle timeout).', sensitive: false },
  { name: 'FIELD_ENCRYPTION_KEY', default: '(generated into DATA_DIR)', meaning: '64 hex characters: the SM4 key for personal fields and the key of their SM3 blind index. Set it in production and keep it safe; without it encrypted data cannot be read.', sensitive: true },
  { name: 'AUDIT_RETENTION_DAYS', default: '180', meaning: 'Audit records older than this are purged (at least 180, 网络安全法 Art. 21); the chain stays verifiable from the purge anchor.', sensitive: false },
  { name: 'MQTT_URL', default: '(none: embedded broker)', meaning: 'External MQTT broker, e.g. `mqtt://user:pass@mosquitto:1883`: the server subscribes to `$share/<MQTT_GROUP>/devices/+/telemetry` (QoS 1) and the broker authenticates devices.', sensitive: true },
  { name: 'MQTT_PORT', default: '1883', meaning: 'Port of the embedded MQTT broker (devices log in with their id and token). `0` picks a free port; outside production a busy port falls back to a free one with a warning.', sensitive: false },
  { name: 'MQTT_GROUP', default: 'smart-yongchuan', meaning: 'Shared-subscription group on an external broker: the server copies split the devices\' messages.', sensitive: false },
  { name: 'SEED_DEMO', default: '1 (0 when NODE_ENV=production)', meaning: 'Load demo data for Yongchuan on start.', sensitive: false },
];

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const host = env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0';
  if (!/^[0-9a-zA-Z.:\-[\]]+$/.test(host)) throw new ConfigError('HOST', 'a host name or IP address', host);
  return {
    nodeEnv,
    host,
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(cwd, env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data'),
    databaseUrl: databaseUrl(env),
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 0, 65535),
    zone: oneOf(env, 'ZONE', ['extranet', 'intranet'] as const, 'extranet'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT', 1024 * 1024, 1024, 512 * 1024 * 1024),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    seedDemo: flag(env, 'SEED_DEMO', nodeEnv !== 'production'),
    accessLog: oneOf(env, 'ACCESS_LOG', ['all', 'changes'] as const, 'changes'),
    lockoutThreshold: integer(env, 'LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: integer(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    fieldKey: fieldKey(env),
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', 180, 180, 36500),
    mqttUrl: mqttUrl(env),
    mqttPort: integer(env, 'MQTT_PORT', 1883, 0, 65535),
    mqttGroup: mqttGroup(env),
  };
}

function mqttGroup(env: Env): string {
  const raw = env.MQTT_GROUP;
  if (raw === undefined || raw === '') return 'smart-yongchuan';
  // a topic level: no wildcards, no separators
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new ConfigError('MQTT_GROUP', 'letters, digits, _ and - (1–64)', raw);
  return raw;
}

/** The names of the config fields whose values must never be logged. */
export const sensitiveFields: ReadonlyArray<keyof Config> = ['databaseUrl', 'fieldKey', 'mqttUrl'];

export function redactedConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const key of sensitiveFields) if (out[key] !== null) out[key] = '[redacted]';
  return out;
}
