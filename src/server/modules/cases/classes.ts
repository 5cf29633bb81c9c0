import type { Selectable } from 'kysely';
import type { CasesDb, CasesTables } from './store';
import { seedClasses } from './class-seed';

export type CaseClass = Selectable<CasesTables['case_class']>;

export const classStore = {
  async active(db: CasesDb): Promise<CaseClass[]> {
    return db.selectFrom('case_class').selectAll().where('active', '=', true).orderBy('code').execute();
  },
  async byCode(db: CasesDb, code: string): Promise<CaseClass | undefined> {
    return db.selectFrom('case_class').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** Fills an empty table; a table an administrator has edited is left alone. */
  async seed(db: CasesDb): Promise<number> {
    const any = await db.selectFrom('case_class').select('code').limit(1).executeTakeFirst();
    if (any) return 0;
    await db
      .insertInto('case_class')
      .values(seedClasses.map((c) => ({ ...c, limits: JSON.stringify(c.limits) as never, updated_by: null })))
      .execute();
    return seedClasses.length;
  },
};
