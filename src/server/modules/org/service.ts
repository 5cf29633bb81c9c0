import { v7 as uuidv7 } from 'uuid';
import { allowedChildKinds, type OrgKind } from '../../../shared/org';
import { can, type Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { Zone } from '../../kernel/config';
import { inTransaction } from '../../kernel/db/database';
import { httpErrors } from '../../kernel/http/problem';
import { orgErrors } from './errors';
import type { CreateOrgInput, Org, UpdateOrgInput } from './schemas';
import { orgStore, present, type OrgDb } from './store';

type OrgRow = Awaited<ReturnType<typeof orgStore.all>>[number];

/** Depth-first order, siblings by sort order then code: the order people expect to read a tree in. */
export function treeOrder(rows: OrgRow[]): OrgRow[] {
  const children = new Map<string | null, OrgRow[]>();
  for (const row of rows) {
    const list = children.get(row.parent_id) ?? [];
    list.push(row);
    children.set(row.parent_id, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));
  const out: OrgRow[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const row = stack.pop()!;
    out.push(row);
    const kids = children.get(row.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i]!);
  }
  return out;
}

function checkKind(kind: OrgKind, parentKind: OrgKind): void {
  const allowed = allowedChildKinds[parentKind];
  if (!allowed.includes(kind)) throw orgErrors.kindNotAllowed(kind, parentKind, [...allowed]);
}

/** Who changes the tree, from where: every change is checked against the actor's scope and audited. */
export interface OrgChange {
  actor: Actor;
  ip: string | null;
  zone: Zone;
}

function requireScope(change: OrgChange, path: readonly string[]): void {
  if (!can(change.actor, 'org:manage', { orgPath: path }, change.zone)) throw httpErrors.forbiddenScope('org:manage');
}

const audit = (change: OrgChange, action: string, objectId: string, details: Record<string, unknown>) => ({
  actorId: change.actor.accountId,
  actorName: change.actor.displayName,
  orgId: change.actor.orgId,
  ip: change.ip,
  action,
  objectType: 'org_unit',
  objectId,
  details,
});

export const orgService = {
  async list(db: OrgDb): Promise<Org[]> {
    return treeOrder(await orgStore.all(db)).map(present);
  },

  /** For modules that name organisations in their configuration (e.g. a case class's responsible unit). */
  async idByName(db: OrgDb, name: string): Promise<string | null> {
    return (await db.selectFrom('org_unit').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  },

  async get(db: OrgDb, id: string): Promise<Org> {
    const row = await orgStore.byId(db, id);
    if (!row) throw orgErrors.notFound(id);
    return present(row);
  },

  async create(db: OrgDb, change: OrgChange, input: CreateOrgInput): Promise<Org> {
    const name = input.name.trim();
    return inTransaction(db, async (tx) => {
      const parent = await orgStore.byIdForUpdate(tx, input.parentId);
      if (!parent) throw orgErrors.parentNotFound(input.parentId);
      requireScope(change, parent.path);
      checkKind(input.kind, parent.kind);
      if (await orgStore.byCode(tx, input.code)) throw orgErrors.codeTaken(input.code);
      if (await orgStore.siblingNamed(tx, parent.id, name)) throw orgErrors.nameTaken(name);
      const id = uuidv7();
      const row = await orgStore.insert(tx, {
        id,
        code: input.code,
        name,
        kind: input.kind,
        parent_id: parent.id,
        path: [...parent.path, id],
        sort_order: input.sortOrder ?? 0,
      });
      await appendAudit(tx, audit(change, 'org.create', id, { code: input.code, name, kind: input.kind, parentId: parent.id }));
      return present(row);
    });
  },

  async update(db: OrgDb, change: OrgChange, id: string, input: UpdateOrgInput): Promise<Org> {
    return inTransaction(db, async (tx) => {
      const row = await orgStore.byIdForUpdate(tx, id);
      if (!row) throw orgErrors.notFound(id);
      requireScope(change, row.path);
      const changes: { name?: string; sort_order?: number } = {};
      if (input.name !== undefined) {
        const name = input.name.trim();
        if (row.parent_id && (await orgStore.siblingNamed(tx, row.parent_id, name, id))) throw orgErrors.nameTaken(name);
        changes.name = name;
      }
      if (input.sortOrder !== undefined) changes.sort_order = input.sortOrder;
      const updated = present(await orgStore.update(tx, id, changes));
      await appendAudit(tx, audit(change, 'org.update', id, { before: { name: row.name, sortOrder: row.sort_order }, after: changes }));
      return updated;
    });
  },

  async move(db: OrgDb, change: OrgChange, id: string, parentId: string): Promise<Org> {
    return inTransaction(db, async (tx) => {
      // Moves are rare; serialising them makes the cycle check sound against concurrent moves.
      await orgStore.lockTreeForMove(tx);
      const row = await orgStore.byIdForUpdate(tx, id);
      if (!row) throw orgErrors.notFound(id);
      if (row.parent_id === null) throw orgErrors.rootImmutable();
      const parent = await orgStore.byIdForUpdate(tx, parentId);
      if (!parent) throw orgErrors.parentNotFound(parentId);
      requireScope(change, row.path);
      requireScope(change, parent.path);
      if (parent.path.includes(id)) throw orgErrors.moveIntoOwnSubtree();
      checkKind(row.kind, parent.kind);
      if (row.parent_id === parent.id) return present(row);
      if (await orgStore.siblingNamed(tx, parent.id, row.name, id)) throw orgErrors.nameTaken(row.name);
      // path[] is 1-based in SQL: the node itself sits at index path.length
      await orgStore.moveSubtree(tx, id, row.path.length, parent.id, parent.path);
      await appendAudit(tx, audit(change, 'org.move', id, { from: row.parent_id, to: parent.id }));
      return present((await orgStore.byId(tx, id))!);
    });
  },
};
