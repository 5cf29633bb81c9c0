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
  /** folder of the local disk store (used when `s3` is null) */
  root: string;
  /** the S3-compatible store, when FILES_S3_* are set; null: the local disk store */
  s3: S3Settings | null;
}

/** An S3-compatible object store (MinIO, Ceph RGW, 华为云 OBS, 阿里云 OSS, Amazon S3 …). */
export interface S3Settings {
  /** `http(s)://host[:port]` of the S3 API */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** put before every object key: '' or ending in '/' (e.g. `yongchuan/files/`) */
  prefix: string;
  /** path-style URLs (`endpoint/bucket/key`); false: virtual-hosted (`bucket.endpoint/key`) */
  pathStyle: boolean;
}

export const fileVariables: VariableSpec[] = [
  { name: 'FILES_MAX_BYTES', default: '20971520', meaning: 'Largest accepted attachment upload in bytes (larger uploads get 413).', sensitive: false },
  {
    name: 'FILES_ALLOWED_TYPES',
    default: defaultAllowedTypes.join(','),
    meaning: 'Comma-separated media types that may be uploaded, judged from the content (magic bytes), not the name.',
    sensitive: false,
  },
  { name: 'FILES_DIR', default: 'DATA_DIR/files', meaning: 'Folder where attachments are stored by SM3 content hash (`ab/cd/<sm3>`), unless an S3-compatible store is configured.', sensitive: false },
  {
    name: 'FILES_S3_ENDPOINT',
    default: '(none: local disk)',
    meaning:
      'S3-compatible object store for attachments instead of FILES_DIR (MinIO, Ceph, 华为云 OBS, 阿里云 OSS …), e.g. `https://obs.cn-southwest-2.myhuaweicloud.com`. With it, FILES_S3_BUCKET, FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY are required.',
    sensitive: false,
  },
  { name: 'FILES_S3_BUCKET', default: '(none)', meaning: 'Bucket of the attachments (it must exist). Objects are keyed `<prefix>ab/cd/<sm3>`, like the folders of FILES_DIR.', sensitive: false },
  { name: 'FILES_S3_REGION', default: 'us-east-1', meaning: "Region that requests are signed for: the store's own (e.g. `cn-southwest-2`, `cn-hangzhou`); MinIO and Ceph accept the default.", sensitive: false },
  { name: 'FILES_S3_ACCESS_KEY_ID', default: '(none)', meaning: "Access key id of the object store account; it needs `s3:GetObject` and `s3:PutObject` on the bucket's objects (HEAD is covered by GetObject).", sensitive: false },
  { name: 'FILES_S3_SECRET_ACCESS_KEY', default: '(none)', meaning: 'Secret access key of that account.', sensitive: true },
  { name: 'FILES_S3_PREFIX', default: '(none)', meaning: 'Key prefix inside the bucket, e.g. `yongchuan/files` (a `/` is added).', sensitive: false },
  {
    name: 'FILES_S3_PATH_STYLE',
    default: '1',
    meaning: '`1`: path-style requests (`endpoint/bucket/key`; MinIO, Ceph); `0`: virtual-hosted style (`bucket.endpoint/key`; 阿里云 OSS, endpoint `https://s3.oss-<region>.aliyuncs.com`).',
    sensitive: false,
  },
];

type Env = Record<string, string | undefined>;

/** The variables that configure the S3-compatible store; setting any one means "use S3". */
const s3VariableNames = ['FILES_S3_ENDPOINT', 'FILES_S3_BUCKET', 'FILES_S3_REGION', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY', 'FILES_S3_PREFIX', 'FILES_S3_PATH_STYLE'] as const;
const requiredS3 = ['FILES_S3_ENDPOINT', 'FILES_S3_BUCKET', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY'] as const;

/** S3 bucket naming rules (also those of OBS, OSS, MinIO and Ceph): 3–63 characters, lower case, digits, `.` and `-`. */
const bucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function loadS3Settings(env: Env): S3Settings | null {
  const given = (name: string) => (env[name] ?? '').trim();
  const set = s3VariableNames.filter((name) => given(name) !== '');
  if (set.length === 0) return null;
  for (const name of requiredS3) {
    if (given(name) === '') throw new ConfigError(name, `a value: it is required when any FILES_S3_* variable is set (here ${set.join(', ')})`, '');
  }
  const rawEndpoint = given('FILES_S3_ENDPOINT');
  const httpUrl = 'an http:// or https:// URL of the S3 API: scheme, host and port only, e.g. https://minio.example.gov.cn:9000';
  let endpoint: URL;
  try {
    endpoint = new URL(rawEndpoint);
  } catch {
    throw new ConfigError('FILES_S3_ENDPOINT', httpUrl, rawEndpoint);
  }
  // credentials belong in FILES_S3_ACCESS_KEY_ID / FILES_S3_SECRET_ACCESS_KEY, and are not echoed
  if (endpoint.username !== '' || endpoint.password !== '') throw new ConfigError('FILES_S3_ENDPOINT', httpUrl, '(holds a user or password, not shown)');
  if (!['http:', 'https:'].includes(endpoint.protocol) || endpoint.hostname === '' || endpoint.pathname !== '/' || endpoint.search !== '' || endpoint.hash !== '') {
    throw new ConfigError('FILES_S3_ENDPOINT', httpUrl, rawEndpoint);
  }
  const bucket = given('FILES_S3_BUCKET');
  if (!bucketPattern.test(bucket) || bucket.includes('..')) throw new ConfigError('FILES_S3_BUCKET', 'a bucket name: 3 to 63 of a-z, 0-9, "." and "-", starting and ending with a letter or digit', bucket);
  const region = given('FILES_S3_REGION') || 'us-east-1';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(region)) throw new ConfigError('FILES_S3_REGION', 'a region name such as us-east-1 or cn-southwest-2', region);
  const accessKeyId = given('FILES_S3_ACCESS_KEY_ID');
  if (!/^[\x21-\x7e]{1,128}$/.test(accessKeyId)) throw new ConfigError('FILES_S3_ACCESS_KEY_ID', 'up to 128 printable ASCII characters without spaces', '(not shown)');
  const secretAccessKey = given('FILES_S3_SECRET_ACCESS_KEY');
  if (!/^[\x21-\x7e]{1,256}$/.test(secretAccessKey)) throw new ConfigError('FILES_S3_SECRET_ACCESS_KEY', 'up to 256 printable ASCII characters without spaces', '(not shown)');
  const rawPrefix = given('FILES_S3_PREFIX');
  const trimmed = rawPrefix.replace(/^\/+|\/+$/g, '');
  const segments = trimmed === '' ? [] : trimmed.split('/');
  if (trimmed.length > 512 || segments.some((s) => s === '' || s === '.' || s === '..' || !/^[A-Za-z0-9._-]+$/.test(s))) {
    throw new ConfigError('FILES_S3_PREFIX', 'folder names of A-Z, a-z, 0-9, ".", "_" and "-" separated by "/" (no empty, "." or ".." part)', rawPrefix);
  }
  const rawPathStyle = given('FILES_S3_PATH_STYLE');
  let pathStyle = true;
  if (['0', 'false', 'no'].includes(rawPathStyle)) pathStyle = false;
  else if (!['', '1', 'true', 'yes'].includes(rawPathStyle)) throw new ConfigError('FILES_S3_PATH_STYLE', '1 | 0 | true | false | yes | no', rawPathStyle);
  return {
    endpoint: endpoint.origin,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    prefix: trimmed === '' ? '' : `${trimmed}/`,
    pathStyle,
  };
}

const MAX = 2 * 1024 * 1024 * 1024;

export function loadFileSettings(env: Env, dataDir: string, cwd: string = process.cwd()): FileSettings {
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
  return { maxBytes, allowedTypes, root, s3: loadS3Settings(env) };
}
