import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { documentFile, generate, schemaFile } from '../scripts/gen-api';

describe('the typed web API client', () => {
  it('is generated from the current server schemas (run `npm run gen:api` if this fails)', async () => {
    const { document, types } = await generate();
    expect(await fs.readFile(documentFile, 'utf8')).toBe(document);
    expect(await fs.readFile(schemaFile, 'utf8')).toBe(types);
  });
});
