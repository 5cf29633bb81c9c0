import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, type Database } from './database';
import { isPreparable } from './prepared';

let t: TestDatabase;
let one: Database; // one connection, so that its prepared statements can be looked at

beforeAll(async () => {
  t = await freshDatabase({ empty: true });
  one = connect(t.url, 1);
  await sql`CREATE TABLE thing (id int PRIMARY KEY, a text)`.execute(one.db);
  await sql`INSERT INTO thing VALUES (1, 'x'), (2, 'y')`.execute(one.db);
});
afterAll(async () => {
  await one.close();
  await t.drop();
});

const things = () => one.db.withTables<{ thing: { id: number; a: string; b?: string } }>();
const prepared = async () =>
  (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'sy\_%' ORDER BY statement`.execute(one.db)).rows.map((r) => r.statement);

describe('prepared statements', () => {
  it('prepares keyed reads and writes, not reports or searches', () => {
    expect(isPreparable('select * from "wf_step" where "instance_id" = $1 and "left_at" is null', 1)).toBe(true);
    expect(isPreparable('update "wf_instance" set "state" = $1 where "id" = $2', 2)).toBe(true);
    expect(isPreparable('insert into "audit_pending" ("at", "action") values ($1, $2)', 2)).toBe(true);
    expect(isPreparable('select count(*) from "wf_step" where "org_id" = $1', 1)).toBe(false);
    expect(isPreparable('select "a" from "x" inner join "y" on "y"."id" = "x"."y_id" where "x"."id" = $1', 1)).toBe(false);
    expect(isPreparable('select * from "audit_log" where "action" like $1', 1)).toBe(false);
    expect(isPreparable('delete from "p" where "id" in (select "id" from "p" order by "id" limit $1)', 1)).toBe(false);
    expect(isPreparable('with "added" as (insert into "job" ("id") values ($1) returning "id") select "id" from "added"', 1)).toBe(false);
    expect(isPreparable('select "id" from "wf_step" where "org_path" && $1', 1)).toBe(false);
    expect(isPreparable('select 1', 0)).toBe(false);
  });

  it('a statement run again on the same connection is prepared once, and answers the same', async () => {
    for (const id of [1, 2, 1]) expect((await things().selectFrom('thing').select('a').where('id', '=', id).executeTakeFirst())?.a).toBe(id === 1 ? 'x' : 'y');
    expect(await prepared()).toEqual(['select "a" from "thing" where "id" = $1']);
  });

  it('a statement whose result columns changed under it (a migration meanwhile) fails once, then works again', async () => {
    const read = () => things().selectFrom('thing').selectAll().where('id', '=', 1).executeTakeFirst();
    expect(await read()).toEqual({ id: 1, a: 'x' });
    await sql`ALTER TABLE thing ADD COLUMN b text NOT NULL DEFAULT 'new'`.execute(one.db);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect(await read()).toEqual({ id: 1, a: 'x', b: 'new' });
  });
});
