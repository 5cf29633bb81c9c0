import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import { findStaffMember, identityContext } from '../../kernel/identity';
import { areaStore } from './area-store';
import { auditEntry, requireScope, type GridChange } from './change';
import { reloadAfterChange, type GridContext } from './context';
import { fieldError, gridErrors } from './errors';
import { present } from './present';
import { responsibilityStore } from './responsibility-store';
import type { CreateResponsibilityInput, ResponsibilityGrid, UpdateResponsibilityInput } from './schemas';
import type { GridDb } from './tables';
import { unitStore } from './unit-store';
import { versionStore } from './version-store';

/**
 * The unit grids must exist and belong to no other responsibility grid (a grid has one
 * inspector: 责任主体唯一); the actor needs `grid:manage` over each of their communities.
 */
async function checkMembers(ctx: GridContext, tx: GridDb, change: GridChange, codes: string[], selfId: string | null): Promise<void> {
  const existing = new Set((await unitStore.existing(tx, codes)).map((r) => r.code));
  const unknown = codes.flatMap((code, i) =>
    existing.has(code) ? [] : [fieldError(`/body/unitGridCodes/${i}`, 'exists', `单元网格 ${code} 不存在`, `unit grid ${code} does not exist`)],
  );
  if (unknown.length > 0) throw gridErrors.unitsUnknown(unknown);
  const taken = new Map((await responsibilityStore.takenElsewhere(tx, codes, selfId)).map((r) => [r.unit_code, r.responsibility_id]));
  const clashes = codes.flatMap((code, i) => {
    const owner = taken.get(code);
    return owner ? [fieldError(`/body/unitGridCodes/${i}`, 'taken', `单元网格 ${code} 已属于责任网格 ${owner}`, `unit grid ${code} belongs to responsibility grid ${owner}`)] : [];
  });
  if (clashes.length > 0) throw gridErrors.unitsTaken(clashes);
  await requireCommunitiesScope(ctx, tx, change, codes);
}

async function requireCommunitiesScope(ctx: GridContext, tx: GridDb, change: GridChange, codes: string[]): Promise<void> {
  const communities = await areaStore.communities(tx, [...new Set(codes.map((c) => c.slice(0, 12)))]);
  await requireScope(ctx.kernel.orgs, change, communities.map((c) => c.org_id));
}

async function checkInspector(ctx: GridContext, inspectorId: string | null | undefined): Promise<void> {
  if (inspectorId && !(await findStaffMember(identityContext(ctx.kernel), inspectorId))) throw gridErrors.inspectorNotFound(inspectorId);
}

async function read(db: GridDb, id: string): Promise<ResponsibilityGrid> {
  const row = await responsibilityStore.byId(db, id);
  if (!row) throw gridErrors.responsibilityNotFound(id);
  return present.responsibility(row);
}

export const responsibilityService = {
  async list(db: GridDb, community?: string): Promise<ResponsibilityGrid[]> {
    return (await responsibilityStore.list(db, community)).map(present.responsibility);
  },

  get: read,

  async create(ctx: GridContext, change: GridChange, input: CreateResponsibilityInput): Promise<ResponsibilityGrid> {
    const name = input.name.trim();
    await checkInspector(ctx, input.inspectorId);
    const created = await inTransaction(ctx.db, async (tx) => {
      await versionStore.lockWrites(tx);
      if (await responsibilityStore.named(tx, name)) throw gridErrors.responsibilityNameTaken(name);
      await checkMembers(ctx, tx, change, input.unitGridCodes, null);
      const id = uuidv7();
      await responsibilityStore.insert(tx, { id, name, inspector_id: input.inspectorId ?? null });
      await responsibilityStore.replaceMembers(tx, id, input.unitGridCodes);
      await versionStore.bump(tx);
      await appendAudit(tx, auditEntry(change, 'grid.responsibility.create', 'grid_responsibility', id, { name, inspectorId: input.inspectorId ?? null, unitGrids: input.unitGridCodes.length }));
      return read(tx, id);
    });
    await reloadAfterChange(ctx);
    return created;
  },

  async update(ctx: GridContext, change: GridChange, id: string, input: UpdateResponsibilityInput): Promise<ResponsibilityGrid> {
    await checkInspector(ctx, input.inspectorId);
    const updated = await inTransaction(ctx.db, async (tx) => {
      await versionStore.lockWrites(tx);
      const before = await read(tx, id);
      // whoever changes a responsibility grid must be in charge of what it covers now
      await requireCommunitiesScope(ctx, tx, change, before.unitGridCodes);
      const changes: { name?: string; inspector_id?: string | null } = {};
      if (input.name !== undefined) {
        changes.name = input.name.trim();
        if (await responsibilityStore.named(tx, changes.name, id)) throw gridErrors.responsibilityNameTaken(changes.name);
      }
      if (input.inspectorId !== undefined) changes.inspector_id = input.inspectorId;
      if (input.unitGridCodes !== undefined) {
        await checkMembers(ctx, tx, change, input.unitGridCodes, id);
        await responsibilityStore.replaceMembers(tx, id, input.unitGridCodes);
      }
      await responsibilityStore.update(tx, id, changes);
      await versionStore.bump(tx);
      await appendAudit(
        tx,
        auditEntry(change, 'grid.responsibility.update', 'grid_responsibility', id, {
          before: { name: before.name, inspectorId: before.inspectorId, unitGrids: before.unitGridCodes.length },
          after: { ...changes, unitGrids: input.unitGridCodes?.length },
        }),
      );
      return read(tx, id);
    });
    await reloadAfterChange(ctx);
    return updated;
  },
};
