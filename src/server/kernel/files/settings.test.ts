import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { createFileStore } from './create-store';
import { S3Store } from './s3-store';
import { loadFileSettings } from './settings';
import { LocalDiskStore } from './store';

const s3Env = {
  FILES_S3_ENDPOINT: 'https://obs.cn-southwest-2.myhuaweicloud.com',
  FILES_S3_BUCKET: 'yc-attachments',
  FILES_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  FILES_S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadFileSettings(env, '/srv/yc');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('attachment store settings', () => {
  it('without FILES_S3_* the files stay on local disk under DATA_DIR/files or FILES_DIR', () => {
    const plain = loadFileSettings({}, '/srv/yc');
    expect([plain.s3, plain.root]).toEqual([null, path.join('/srv/yc', 'files')]);
    expect(createFileStore(plain)).toBeInstanceOf(LocalDiskStore);
    expect(loadFileSettings({ FILES_DIR: 'att', FILES_S3_ENDPOINT: '' }, '/srv/yc', '/opt').root).toBe('/opt/att');
  });

  it('with endpoint, bucket and keys: an S3 store, region us-east-1, path-style, no prefix unless given', () => {
    const settings = loadFileSettings(s3Env, '/srv/yc');
    expect(settings.s3).toEqual({
      endpoint: 'https://obs.cn-southwest-2.myhuaweicloud.com',
      bucket: 'yc-attachments',
      region: 'us-east-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: s3Env.FILES_S3_SECRET_ACCESS_KEY,
      prefix: '',
      pathStyle: true,
    });
    expect(createFileStore(settings)).toBeInstanceOf(S3Store);
    const more = loadFileSettings({ ...s3Env, FILES_S3_ENDPOINT: 'http://10.0.0.5:9000/', FILES_S3_REGION: 'cn-southwest-2', FILES_S3_PREFIX: '/yongchuan/files/', FILES_S3_PATH_STYLE: '0' }, '/srv/yc').s3;
    expect(more).toMatchObject({ endpoint: 'http://10.0.0.5:9000', region: 'cn-southwest-2', prefix: 'yongchuan/files/', pathStyle: false });
  });

  it.each([
    ['FILES_S3_BUCKET', { FILES_S3_ENDPOINT: s3Env.FILES_S3_ENDPOINT, FILES_S3_ACCESS_KEY_ID: 'a', FILES_S3_SECRET_ACCESS_KEY: 'b' }],
    ['FILES_S3_ENDPOINT', { FILES_S3_BUCKET: 'yc-attachments', FILES_S3_ACCESS_KEY_ID: 'a', FILES_S3_SECRET_ACCESS_KEY: 'b' }],
    ['FILES_S3_ACCESS_KEY_ID', { ...s3Env, FILES_S3_ACCESS_KEY_ID: '' }],
    ['FILES_S3_SECRET_ACCESS_KEY', { ...s3Env, FILES_S3_SECRET_ACCESS_KEY: ' ' }],
    // a prefix alone is a half-done configuration too, not a silent fall-back to local disk
    ['FILES_S3_ENDPOINT', { FILES_S3_PREFIX: 'yongchuan' }],
  ])('a partial S3 configuration stops start-up, naming the missing %s', (missing, env) => {
    const error = configError(env);
    expect(error.variable).toBe(missing);
    expect(error.message).toContain(missing);
    expect(error.message).toContain('required');
  });

  it.each([
    ['FILES_S3_ENDPOINT', { FILES_S3_ENDPOINT: 'minio:9000' }],
    ['FILES_S3_ENDPOINT', { FILES_S3_ENDPOINT: 'ftp://minio.example/' }],
    ['FILES_S3_ENDPOINT', { FILES_S3_ENDPOINT: 'https://minio.example/?x=1' }],
    ['FILES_S3_ENDPOINT', { FILES_S3_ENDPOINT: 'https://gateway.example/s3' }],
    ['FILES_S3_BUCKET', { FILES_S3_BUCKET: 'YC_Files' }],
    ['FILES_S3_BUCKET', { FILES_S3_BUCKET: 'ab' }],
    ['FILES_S3_REGION', { FILES_S3_REGION: 'cn southwest' }],
    ['FILES_S3_PREFIX', { FILES_S3_PREFIX: 'a/../b' }],
    ['FILES_S3_PREFIX', { FILES_S3_PREFIX: 'a//b' }],
    ['FILES_S3_PATH_STYLE', { FILES_S3_PATH_STYLE: 'maybe' }],
  ])('refuses a malformed %s', (variable, override) => {
    expect(configError({ ...s3Env, ...override }).variable).toBe(variable);
  });

  it('never shows the secret key, nor a password in the endpoint, in the error', () => {
    const secret = configError({ ...s3Env, FILES_S3_SECRET_ACCESS_KEY: 'top secret with spaces' });
    expect([secret.variable, secret.message.includes('top secret')]).toEqual(['FILES_S3_SECRET_ACCESS_KEY', false]);
    const inUrl = configError({ ...s3Env, FILES_S3_ENDPOINT: 'https://admin:hunter2@minio.example' });
    expect([inUrl.variable, inUrl.message.includes('hunter2')]).toEqual(['FILES_S3_ENDPOINT', false]);
  });
});
