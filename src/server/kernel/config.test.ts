import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedConfig } from './config';

describe('config', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      dataDir: '/srv/app/data',
      databaseUrl: null,
      zone: 'extranet',
      seedDemo: true,
    });
  });

  it('does not seed demo data in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it.each([
    ['PORT', 'abc', 'an integer from 0 to 65535'],
    ['PORT', '70000', 'an integer from 0 to 65535'],
    ['ZONE', 'internet', 'extranet | intranet'],
    ['NODE_ENV', 'prod', 'development | production | test'],
    ['LOG_LEVEL', 'verbose', 'fatal | error'],
    ['TRUST_PROXY', 'maybe', '1 | 0'],
    ['DATABASE_URL', 'mysql://root@localhost/x', 'postgres://'],
  ])('refuses %s=%s and names the variable and what is allowed', (name, value, allowed) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as ConfigError).message).toContain(name);
    expect((error as ConfigError).message).toContain(allowed);
  });

  it('never shows the database password in the logged configuration', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db:5432/yc' });
    expect(JSON.stringify(redactedConfig(config))).not.toContain('s3cret');
  });
});
