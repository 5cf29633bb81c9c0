import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { ClassLimits, CasesDb } from './store';
import { caseErrors } from './errors';

export interface ClassChange {
  name?: string | undefined;
  filingCondition?: string | undefined;
  closureCondition?: string | undefined;
  department?: string | null | undefined;
  limits?: ClassLimits | undefined;
  public?: boolean | undefined;
  active?: boolean | undefined;
  keywords?: string | undefined;
}

/**
 * An administrator edits a class (conditions, responsible unit, limits, visibility). The version
 * goes up and the change is audited with the values before and after. Cases already reported keep
 * their class code; new stages take the new limits.
 */
export async function updateClass(db: CasesDb, actor: Actor, code: string, change: ClassChange, ip: string | null, departmentExists: (name: string) => Promise<boolean>) {
  if (change.department && !(await departmentExists(change.department))) throw caseErrors.unknownDepartment(change.department);
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('case_class').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw caseErrors.unknownClass(code);
    const set = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.filingCondition !== undefined ? { filing_condition: change.filingCondition } : {}),
      ...(change.closureCondition !== undefined ? { closure_condition: change.closureCondition } : {}),
      ...(change.department !== undefined ? { department: change.department } : {}),
      ...(change.limits !== undefined ? { limits: JSON.stringify(change.limits) as never } : {}),
      ...(change.public !== undefined ? { public: change.public } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(change.keywords !== undefined ? { keywords: change.keywords } : {}),
    };
    const after = await tx
      .updateTable('case_class')
      .set({ ...set, version: before.version + 1, updated_at: new Date(), updated_by: actor.accountId })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'cases.class.update', objectType: 'case_class', objectId: code, details: { version: after.version, change: { ...change } } });
    return after;
  });
}
