import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import type { FieldError } from '../../kernel/http/problem';
import { areaStore } from './area-store';
import { reloadAfterChange, type GridContext } from './context';
import { auditEntry, requireScope, type GridChange } from './change';
import { fieldError, gridErrors } from './errors';
import type { BBox } from './geometry';
import { checkFeatures } from './import-check';
import { areasOfTree, listOrgs } from './org-link';
import { present } from './present';
import { maxListed, type ImportBodyInput, type ImportResult } from './schemas';
import type { GridDb } from './tables';
import { unitStore } from './unit-store';
import { versionStore } from './version-store';

/** `minLng,minLat,maxLng,maxLat` → a box, or a 400 naming what is wrong. */
export function parseBbox(text: string): BBox {
  const parts = text.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw gridErrors.badBbox('应为 4 个数：最小经度,最小纬度,最大经度,最大纬度', 'expected 4 numbers: minLng,minLat,maxLng,maxLat');
  const [minLng, minLat, maxLng, maxLat] = parts as [number, number, number, number];
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) throw gridErrors.badBbox('经纬度超出范围', 'coordinates out of range');
  if (minLng > maxLng || minLat > maxLat) throw gridErrors.badBbox('最小值大于最大值', 'a minimum exceeds its maximum');
  return { minLng, minLat, maxLng, maxLat };
}

async function requireCommunity(db: GridDb, code: string) {
  const area = await areaStore.byCode(db, code);
  if (!area || area.level !== 'community') throw gridErrors.communityNotFound(code);
  return area;
}

export const unitService = {
  async list(db: GridDb, query: { community?: string; bbox?: string; limit?: number }) {
    if (!query.community && !query.bbox) throw gridErrors.filterRequired();
    const limit = query.limit ?? maxListed;
    const box = query.bbox ? parseBbox(query.bbox) : null;
    if (query.community) await requireCommunity(db, query.community);
    const rows = box ? await unitStore.meeting(db, box, limit + 1, query.community) : await unitStore.byCommunity(db, query.community!, limit + 1);
    return { type: 'FeatureCollection' as const, features: rows.slice(0, limit).map(present.unit), truncated: rows.length > limit };
  },

  async get(db: GridDb, code: string) {
    const row = await unitStore.byCode(db, code);
    if (!row) throw gridErrors.unitNotFound(code);
    return present.unit(row);
  },

  /** A community's unit grids in the import format (at most 999 by the code rule, so never cut short). */
  async export(db: GridDb, community: string) {
    await requireCommunity(db, community);
    return { type: 'FeatureCollection' as const, features: (await unitStore.byCommunity(db, community, 1000)).map(present.exported) };
  },

  /**
   * All or nothing: every feature is checked (form, code rule, community, organisation) and any
   * fault refuses the whole collection with the list of faults. Grids are created or replaced
   * by code; grids not in the collection stay as they are.
   */
  async import(ctx: GridContext, change: GridChange, body: ImportBodyInput): Promise<ImportResult> {
    const { checked, errors } = checkFeatures(body.features);
    const tree = await listOrgs(ctx.kernel);
    const result = await inTransaction(ctx.db, async (tx) => {
      await versionStore.lockWrites(tx);
      // communities added to the organisation tree since start-up count too
      await areaStore.sync(tx, areasOfTree(tree));
      const prefixes = [...new Set(checked.map((f) => f.code.slice(0, 12)))];
      const communities = new Map((await areaStore.communities(tx, prefixes)).map((c) => [c.code, c]));
      const more: FieldError[] = [];
      for (const f of checked) {
        const at = `/body/features/${f.index}/properties`;
        if (!communities.has(f.code.slice(0, 12))) {
          more.push(fieldError(`${at}/code`, 'community', `前 12 位 ${f.code.slice(0, 12)} 不是已有的社区（村）代码`, `the first 12 digits ${f.code.slice(0, 12)} are not an existing community or village`));
        }
        if (f.orgId && !(await ctx.kernel.orgs.pathOf(f.orgId))) {
          more.push(fieldError(`${at}/orgId`, 'exists', '责任单位（组织机构）不存在', 'no such organisation'));
        }
      }
      const all = [...errors, ...more].sort((a, b) => featureIndex(a) - featureIndex(b));
      if (all.length > 0) throw gridErrors.importRefused(all, new Set(all.map(featureIndex)).size);
      await requireScope(ctx.kernel.orgs, change, prefixes.map((p) => communities.get(p)!.org_id));
      const written = await unitStore.upsert(
        tx,
        checked.map((f) => ({ code: f.code, name: f.name, communityCode: f.code.slice(0, 12), geometry: f.geometry, bbox: f.bbox, orgId: f.orgId })),
        false,
      );
      const version = await versionStore.bump(tx);
      await appendAudit(tx, auditEntry(change, 'grid.import', 'grid_unit', prefixes.length === 1 ? prefixes[0]! : 'batch', { ...written, communities: prefixes, version }));
      return { imported: checked.length, ...written, communities: prefixes.sort(), version };
    });
    await reloadAfterChange(ctx);
    return result;
  },
};

const featureIndex = (e: FieldError) => Number(/^\/body\/features\/(\d+)/.exec(e.field)?.[1] ?? -1);
