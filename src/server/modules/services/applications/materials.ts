import type { AnyTx } from '../../../kernel/audit/write';
import type { FilesDb } from '../../../kernel/files';
import { mediaTypes } from '../../../kernel/files';
import type { FieldError } from '../../../kernel/http/problem';
import type { Guide } from '../schemas/guide';
import { applicationErrors } from './errors';
import type { AppsDb } from './tables';

/** What a material may be: scans and electronic documents, judged by the content at upload (kernel files). */
export const materialTypes: readonly string[] = [mediaTypes.pdf, mediaTypes.ofd, mediaTypes.png, mediaTypes.jpeg, mediaTypes.webp];

export interface MaterialFile {
  /** 1-based place of the material in the version's list */
  seq: number;
  fileId: string;
}

export type Coverage = 'uploaded' | 'certificate' | 'shared' | 'form' | 'missing' | 'optional';

/**
 * The online form replaces the application form material (申请书/申请表 filled in online, 网上填报): the
 * catalogue lists it as an electronic material without paper copies.
 */
export const filledByForm = (m: Guide['materials'][number], guide: Guide) => guide.formFields.length > 0 && m.form === 'electronic' && m.copies === 0 && /申请(书|表)/.test(m.name);

/** How each material of the version is covered: a file, a held electronic certificate (免提交), shared data, the form. */
export function coverage(guide: Guide, files: ReadonlyArray<{ seq: number }>, heldTypes: ReadonlySet<string>): Array<{ seq: number; coverage: Coverage }> {
  return guide.materials.map((m, i) => {
    const seq = i + 1;
    let c: Coverage = m.required ? 'missing' : 'optional';
    if (files.some((f) => f.seq === seq)) c = 'uploaded';
    else if (m.certTypeCode && heldTypes.has(m.certTypeCode)) c = 'certificate';
    else if (m.sharedSource) c = 'shared';
    else if (filledByForm(m, guide)) c = 'form';
    return { seq, coverage: c };
  });
}

/** Every required material that nothing covers, as field errors (all at once). */
export function missingErrors(guide: Guide, cover: ReturnType<typeof coverage>): FieldError[] {
  return cover
    .filter((c) => c.coverage === 'missing')
    .map((c) => {
      const name = guide.materials[c.seq - 1]!.name;
      return { field: `/body/materials/${c.seq}`, code: 'missing', message: { zh: `缺少必须提交的材料：${name}`, en: `Missing required material: ${name}` } };
    });
}

/**
 * The files given for materials: each uploaded by `uploaderId` (kernel files, content-checked at upload)
 * and of a material type, each for a material of the version. Returns their names and types.
 */
export async function checkFiles(tx: AnyTx, guide: Guide, uploaderId: string, files: readonly MaterialFile[]) {
  const ids = [...new Set(files.map((f) => f.fileId))];
  const rows = ids.length === 0 ? [] : await (tx as FilesDb).selectFrom('file_object').select(['id', 'media_type', 'original_name', 'uploaded_by']).where('id', 'in', ids).execute();
  return files.map((f, i) => {
    const at = `/body/materials/${i}`;
    if (f.seq < 1 || f.seq > guide.materials.length) throw applicationErrors.badMaterial(at, `事项没有第 ${f.seq} 项材料`, `The item has no material ${f.seq}`);
    const row = rows.find((r) => r.id === f.fileId);
    if (!row || row.uploaded_by !== uploaderId) throw applicationErrors.badMaterial(at, '材料文件不存在', 'No such file');
    if (!materialTypes.includes(row.media_type)) {
      throw applicationErrors.badMaterial(at, `材料须为 PDF、OFD 或图片（此文件为 ${row.media_type}）`, `A material must be a PDF, OFD or image (this file is ${row.media_type})`);
    }
    return { seq: f.seq, file_id: row.id, file_name: row.original_name, media_type: row.media_type };
  });
}

/** Adds the files to the application (a file given twice for the same material is kept once). */
export async function addFiles(tx: AppsDb, applicationId: string, round: number, files: Awaited<ReturnType<typeof checkFiles>>): Promise<void> {
  if (files.length === 0) return;
  await tx
    .insertInto('service_application_material')
    .values(files.map((f) => ({ application_id: applicationId, round, ...f })))
    .onConflict((oc) => oc.columns(['application_id', 'seq', 'file_id']).doNothing())
    .execute();
}
