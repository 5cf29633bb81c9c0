import type { Readable } from 'node:stream';
import type { FieldError } from '../../kernel/http/problem';
import { findFile, type FileRecord, type FilesDb, type FileStore } from '../../kernel/files';
import { fieldError, serviceErrors } from './errors';
import type { ItemFields } from './schemas/input';
import type { ServicesDb } from './store';

/** Samples (样表) must be attachments that exist. */
export async function sampleErrors(db: ServicesDb, fields: ItemFields): Promise<FieldError[]> {
  const out: FieldError[] = [];
  for (const [i, m] of fields.materials.entries()) {
    if (m.sampleFileId && !(await findFile(db as unknown as FilesDb, m.sampleFileId))) {
      out.push(fieldError(`materials/${i}/sampleFileId`, 'file', '样表附件不存在', 'no such attachment'));
    }
  }
  return out;
}

/**
 * The sample of material `n` (1-based) of a published guide. A sample is part of the public guide,
 * so anyone may download it: only files that a published version names are served this way.
 */
export async function openSample(db: ServicesDb, store: FileStore, guide: { materials: Array<{ sampleFileId?: string | null }> }, n: number): Promise<{ file: FileRecord; content: Readable }> {
  const fileId = guide.materials[n - 1]?.sampleFileId;
  if (!fileId) throw serviceErrors.sampleNotFound();
  const file = await findFile(db as unknown as FilesDb, fileId);
  const content = file ? await store.get(file.sm3) : null;
  if (!file || !content) throw serviceErrors.sampleNotFound();
  return { file, content };
}
