import path from 'node:path';
import { ConfigError, type VariableSpec } from '../config';
import { defaultAllowedTypes, detectableTypes } from './detect';

/**
 * Settings of attachments. Read once at boot like the rest of the configuration; they
 * live here until they are folded into kernel/config.ts (`fileVariables` is the README
 * table for them).
 */
export interface FileSettings {
  /** largest accepted upload in bytes (413 above) */
  maxBytes: number;
  /** detected media types that may be uploaded */
  allowedTypes: readonly string[];
  /** folder of the local disk store */
  root: string;
}

export const fileVariables: VariableSpec[] = [
  { name: 'FILES_MAX_BYTES', default: '20971520', meaning: 'Largest accepted attachment upload in bytes (larger uploads get 413).', sensitive: false },
  {
    name: 'FILES_ALLOWED_TYPES',
    default: defaultAllowedTypes.join(','),
    meaning: 'Comma-separated media types that may be uploaded, judged from the content (magic bytes), not the name.',
    sensitive: false,
  },
  { name: 'FILES_DIR', default: 'DATA_DIR/files', meaning: 'Folder where attachments are stored by SM3 content hash (`ab/cd/<sm3>`).', sensitive: false },
];

const MAX = 2 * 1024 * 1024 * 1024;

export function loadFileSettings(env: Record<string, string | undefined>, dataDir: string, cwd: string = process.cwd()): FileSettings {
  const rawMax = env.FILES_MAX_BYTES;
  let maxBytes = 20 * 1024 * 1024;
  if (rawMax !== undefined && rawMax !== '') {
    if (!/^\d+$/.test(rawMax) || Number(rawMax) < 1 || Number(rawMax) > MAX) throw new ConfigError('FILES_MAX_BYTES', `an integer from 1 to ${MAX}`, rawMax);
    maxBytes = Number(rawMax);
  }
  let allowedTypes = defaultAllowedTypes;
  const rawTypes = env.FILES_ALLOWED_TYPES;
  if (rawTypes !== undefined && rawTypes.trim() !== '') {
    allowedTypes = rawTypes.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
    const unknown = allowedTypes.filter((t) => !detectableTypes.includes(t));
    if (unknown.length > 0 || allowedTypes.length === 0) throw new ConfigError('FILES_ALLOWED_TYPES', detectableTypes.join(','), rawTypes);
  }
  const root = env.FILES_DIR && env.FILES_DIR !== '' ? path.resolve(cwd, env.FILES_DIR) : path.join(dataDir, 'files');
  return { maxBytes, allowedTypes, root };
}
