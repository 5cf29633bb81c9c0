import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable } from '../scripts/config-table';
import { repoRoot } from './helpers/server-process';

describe('README', () => {
  it('shows the two set-up commands and the configuration table generated from the code', async () => {
    const readme = await fs.readFile(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
    expect(readme).toContain(configTable());
  });
});
