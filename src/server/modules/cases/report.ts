import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../kernel/access';
import { encryptField } from '../../kernel/crypto';
import type { FilesDb } from '../../kernel/files';
import type { Kernel } from '../../kernel/module';
import { nextBusinessNumber } from '../../kernel/workflow';
import { classStore } from './classes';
import { nearbyOpenCases } from './duplicates';
import { caseErrors } from './errors';
import type { Locate } from './location';
import { cityCaseProcess } from './process';
import type { CaseSource, CasesDb } from './store';

export interface ReportInput {
  classCode: string;
  description: string;
  lng: number;
  lat: number;
  address?: string | undefined;
  urgent?: boolean | undefined;
  source: CaseSource;
  /** ids of images the reporter uploaded */
  photos?: string[] | undefined;
  /** a reporter without an account (hotline, Open311): kept encrypted */
  contact?: { name?: string | undefined; phone?: string | undefined; email?: string | undefined } | undefined;
  mediaUrl?: string | undefined;
  apiKeyId?: string | undefined;
}

export interface CaseDeps {
  kernel: Kernel;
  db: CasesDb;
  locate: Locate;
  /** the supervision centre (监督指挥中心) whose process every case is */
  centreOrgId: () => Promise<string>;
}

/** Sources that are not the centre's own inspectors: their reports are open to the public classes only. */
const publicSources: CaseSource[] = ['citizen', 'open311'];

/**
 * 信息收集: records a report with its location, grid, class and photos and starts the case
 * process, in one transaction. Reports close to an open case of the same class come back as
 * possible duplicates for the operator to merge.
 */
export async function reportCase(deps: CaseDeps, actor: Actor, input: ReportInput) {
  const { kernel, db } = deps;
  const cls = await classStore.byCode(db, input.classCode);
  if (!cls || !cls.active || (publicSources.includes(input.source) && !cls.public)) throw caseErrors.unknownClass(input.classCode);
  const where = await deps.locate(input.lng, input.lat);
  if (!where) throw caseErrors.outsideDistrict();
  const photos = [...new Set(input.photos ?? [])];
  if (photos.length > 0) {
    const files = await (db as unknown as FilesDb).selectFrom('file_object').select(['id', 'media_type']).where('id', 'in', photos).where('uploaded_by', '=', actor.accountId).execute();
    for (const id of photos) {
      const f = files.find((x) => x.id === id);
      if (!f || !f.media_type.startsWith('image/')) throw caseErrors.notAnImage(id);
    }
  }
  const contact = input.contact && Object.values(input.contact).some((v) => v) ? encryptField(kernel.keys.encryptionKey, JSON.stringify(input.contact), 'city_case.reporter_contact') : null;
  const centre = await deps.centreOrgId();
  const caseNo = await nextBusinessNumber(db, 'CG');
  const id = uuidv7();
  const instanceId = uuidv7();
  const duplicates = await nearbyOpenCases(db, { classCode: cls.code, lng: input.lng, lat: input.lat });
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('city_case')
      .values({
        id,
        case_no: caseNo,
        class_code: cls.code,
        source: input.source,
        urgent: input.urgent ?? false,
        description: input.description,
        address: input.address ?? null,
        lng: input.lng,
        lat: input.lat,
        unit_grid_code: where.unitGridCode,
        community_code: where.communityCode,
        street_code: where.streetCode,
        street_org_id: where.streetOrgId,
        reporter_id: actor.accountId,
        reporter_contact: contact,
        department_org_id: null,
        duplicate_of: null,
        instance_id: instanceId,
        filed_at: null,
        dispatched_at: null,
        handled_at: null,
        closed_at: null,
        rating: null,
        open311_api_key: input.apiKeyId ?? null,
        media_url: input.mediaUrl ?? null,
      })
      .execute();
    if (photos.length > 0) await tx.insertInto('case_photo').values(photos.map((file_id) => ({ case_id: id, file_id, phase: 'report' as const }))).execute();
    // starting the process appends the audit record: it comes last
    await kernel.workflow.start(tx, actor, {
      instanceId,
      definition: cityCaseProcess.key,
      businessModule: 'cases',
      businessId: id,
      businessNo: caseNo,
      title: `${cls.name}：${input.address?.trim() || where.streetCode || ''}`.replace(/：$/, ''),
      orgId: centre,
    });
  });
  return { id, caseNo, instanceId, unitGridCode: where.unitGridCode, possibleDuplicates: duplicates.map((d) => d.case_no) };
}
