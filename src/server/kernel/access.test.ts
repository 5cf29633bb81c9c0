import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../test/helpers/actors';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db';
import { can } from './access';

const district = 'd0000000-0000-7000-8000-000000000000';
const street = 'd0000000-0000-7000-8000-000000000001';
const community = 'd0000000-0000-7000-8000-000000000002';
const otherStreet = 'd0000000-0000-7000-8000-000000000003';

describe('can(actor, permission, target)', () => {
  it('follows the scope of the grant: own organisation, its subtree, the whole district', () => {
    const own = buildActor({ permissions: ['cases:dispatch'], scope: 'own', anchorOrgId: street });
    const subtree = buildActor({ permissions: ['cases:dispatch'], scope: 'subtree', anchorOrgId: street });
    const whole = buildActor({ permissions: ['cases:dispatch'], scope: 'district', anchorOrgId: district });
    const atStreet = { orgPath: [district, street] };
    const atCommunity = { orgPath: [district, street, community] };
    const elsewhere = { orgPath: [district, otherStreet] };
    expect([can(own, 'cases:dispatch', atStreet), can(own, 'cases:dispatch', atCommunity), can(own, 'cases:dispatch', elsewhere)]).toEqual([true, false, false]);
    expect([can(subtree, 'cases:dispatch', atStreet), can(subtree, 'cases:dispatch', atCommunity), can(subtree, 'cases:dispatch', elsewhere)]).toEqual([true, true, false]);
    expect([can(whole, 'cases:dispatch', atCommunity), can(whole, 'cases:dispatch', elsewhere)]).toEqual([true, true]);
  });

  it('refuses without the permission, while the second factor is pending, and for nobody', () => {
    expect(can(buildActor({ permissions: ['org:manage'] }), 'cases:dispatch')).toBe(false);
    expect(can(buildActor({ permissions: ['org:manage'], mfaPending: true }), 'org:manage')).toBe(false);
    expect(can(null, 'org:manage')).toBe(false);
  });

  it('refuses secret data on an extranet deployment, whoever asks', () => {
    const actor = buildActor({ permissions: ['registry:read'] });
    expect(can(actor, 'registry:read', { classification: 'sensitive' }, 'extranet')).toBe(true);
    expect(can(actor, 'registry:read', { classification: 'secret' }, 'extranet')).toBe(false);
    expect(can(actor, 'registry:read', { classification: 'secret' }, 'intranet')).toBe(true);
  });
});

describe('the database layer refuses secret data on the extranet', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase();
    await sql`CREATE TABLE classified_probe (id int, classification text)`.execute(t.database.db);
    await sql`CREATE TRIGGER classified_probe_zone BEFORE INSERT OR UPDATE ON classified_probe FOR EACH ROW EXECUTE FUNCTION refuse_secret_on_extranet()`.execute(t.database.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('even for SQL that bypasses the API, and allows it on the intranet', async () => {
    await sql`INSERT INTO platform_setting (id, zone) VALUES (true, 'extranet') ON CONFLICT (id) DO UPDATE SET zone = 'extranet'`.execute(t.database.db);
    await sql`INSERT INTO classified_probe VALUES (1, 'internal')`.execute(t.database.db);
    await expect(sql`INSERT INTO classified_probe VALUES (2, 'secret')`.execute(t.database.db)).rejects.toThrow(/extranet/);
    await expect(sql`UPDATE classified_probe SET classification = 'secret'`.execute(t.database.db)).rejects.toThrow(/extranet/);
    await sql`UPDATE platform_setting SET zone = 'intranet'`.execute(t.database.db);
    await sql`INSERT INTO classified_probe VALUES (3, 'secret')`.execute(t.database.db);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM classified_probe`.execute(t.database.db);
    expect(Number(rows[0]!.n)).toBe(2);
  });
});
