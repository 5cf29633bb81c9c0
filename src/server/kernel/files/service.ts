import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../access';
import { appendAudit, type AnyTx } from '../audit/write';
import { sm3 } from '../crypto/sm3';
import { AppError } from '../http/problem';
import { judgeUpload } from './detect';
import type { FileSettings } from './settings';
import type { FileStore } from './store';

export interface FilesTables {
  file_object: {
    id: string;
    sm3: string;
    size: string | number;
    media_type: string;
    original_name: string;
    uploaded_by: string;
    created_at: Date;
    classification: 'public' | 'internal' | 'sensitive' | 'secret';
  };
  file_link: { file_id: string; owner_type: string; owner_id: string; created_at: Date };
}

export type FilesDb = Kysely<FilesTables>;

export interface FileRecord {
  id: string;
  sm3: string;
  size: number;
  mediaType: string;
  name: string;
  uploadedBy: string;
  createdAt: Date;
  classification: string;
}

/** Holders may read every attachment (e.g. a records office); not granted to any role by default. */
export const READ_ALL_FILES = 'files:read-all';

export const fileErrors = {
  empty: () => new AppError(400, 'FILE_EMPTY', '上传的文件为空', 'The uploaded file is empty'),
  badName: () =>
    new AppError(400, 'FILE_NAME_INVALID', '文件名不正确（X-File-Name 应为 URL 编码的 UTF-8）', 'Invalid file name (X-File-Name must be URL-encoded UTF-8)', [
      { field: '/headers/x-file-name', code: 'file-name', message: { zh: '文件名不正确', en: 'invalid file name' } },
    ]),
  notAllowed: (detected: string | null, allowed: readonly string[]) =>
    new AppError(
      415,
      'FILE_TYPE_NOT_ALLOWED',
      `不允许上传此类文件${detected ? `（${detected}）` : ''}`,
      `This kind of file may not be uploaded${detected ? ` (${detected})` : ''}`,
      [],
      { allowed: [...allowed] },
    ),
  mismatch: (declared: string, detected: string) =>
    new AppError(415, 'FILE_TYPE_MISMATCH', `文件内容（${detected}）与声明的类型（${declared}）不符`, `The content (${detected}) does not match the declared type (${declared})`),
  notFound: () => new AppError(404, 'FILE_NOT_FOUND', '文件不存在', 'No such file'),
};

/** URL-decoded, without folders or control characters, at most 255 characters. */
export function cleanFileName(header: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw fileErrors.badName();
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = decoded.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').split(/[/\\]/).pop()!.trim();
  if (base === '' || base === '.' || base === '..') throw fileErrors.badName();
  return [...base].slice(0, 255).join('');
}

const toRecord = (row: FilesTables['file_object']): FileRecord => ({
  id: row.id,
  sm3: row.sm3,
  size: Number(row.size),
  mediaType: row.media_type,
  name: row.original_name,
  uploadedBy: row.uploaded_by,
  createdAt: row.created_at,
  classification: row.classification,
});

export interface UploadInput {
  actor: Actor;
  ip: string | null;
  bytes: Uint8Array;
  /** the Content-Type the client declared */
  declaredType: string | undefined;
  /** already cleaned (cleanFileName) */
  name: string;
}

/**
 * Checks the content, then records and stores it in one transaction: the row (whose zone
 * trigger may still refuse it) comes first, the bytes next, the audit record last. If the
 * transaction fails after the bytes were written, they stay as an unreferenced blob,
 * never as a row without content.
 */
export async function uploadFile(db: FilesDb, store: FileStore, settings: FileSettings, input: UploadInput): Promise<FileRecord> {
  if (input.bytes.length === 0) throw fileErrors.empty();
  const verdict = judgeUpload(input.bytes, input.declaredType, settings.allowedTypes);
  if (!verdict.ok) {
    throw verdict.reason === 'mismatch' ? fileErrors.mismatch(verdict.declared, verdict.detected) : fileErrors.notAllowed(verdict.detected, settings.allowedTypes);
  }
  const hash = sm3(input.bytes);
  const row: FilesTables['file_object'] = {
    id: uuidv7(),
    sm3: hash,
    size: input.bytes.length,
    media_type: verdict.mediaType,
    original_name: input.name,
    uploaded_by: input.actor.accountId,
    created_at: new Date(),
    classification: 'internal',
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('file_object').values(row).execute();
    await store.put(hash, input.bytes);
    await appendAudit(tx, {
      actorId: input.actor.accountId,
      actorName: input.actor.displayName,
      orgId: input.actor.orgId,
      ip: input.ip,
      action: 'file.upload',
      objectType: 'file',
      objectId: row.id,
      details: { sm3: hash, size: row.size, mediaType: row.media_type, name: row.original_name },
    });
  });
  return toRecord(row);
}

export async function findFile(db: FilesDb, id: string): Promise<FileRecord | null> {
  const row = await db.selectFrom('file_object').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The uploader, or a holder of files:read-all. (Readers through a linked object: later, asked of its owner.) */
export function canRead(actor: Actor, file: FileRecord): boolean {
  return file.uploadedBy === actor.accountId || actor.permissions.has(READ_ALL_FILES);
}

/** The file if this actor may read it; otherwise "not found", so that its existence is not revealed. */
export async function readableFile(db: FilesDb, actor: Actor, id: string): Promise<FileRecord> {
  const file = await findFile(db, id);
  if (!file || !canRead(actor, file)) throw fileErrors.notFound();
  return file;
}

/** Opens the content; a download by anyone but the uploader is audited (attachments hold personal data). */
export async function openContent(db: FilesDb, store: FileStore, actor: Actor, file: FileRecord, ip: string | null): Promise<Readable> {
  const content = await store.get(file.sm3);
  if (!content) throw new Error(`file ${file.id}: content ${file.sm3} is missing from the store`);
  if (file.uploadedBy !== actor.accountId) {
    try {
      await db.transaction().execute((tx) =>
        appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'file.download', objectType: 'file', objectId: file.id, details: { sm3: file.sm3 } }),
      );
    } catch (error) {
      content.destroy();
      throw error;
    }
  }
  return content;
}

export interface FileLink {
  fileId: string;
  ownerType: string;
  ownerId: string;
}

/**
 * Links a file to an owner object (a workflow step, an application…) inside the owner's
 * transaction; linking twice is a no-op. The caller audits its own change.
 */
export async function linkFile(tx: AnyTx, link: FileLink): Promise<void> {
  await (tx as FilesDb)
    .insertInto('file_link')
    .values({ file_id: link.fileId, owner_type: link.ownerType, owner_id: link.ownerId, created_at: new Date() })
    .onConflict((oc) => oc.columns(['file_id', 'owner_type', 'owner_id']).doNothing())
    .execute();
}

/** The files linked to an owner object, oldest link first. */
export async function filesLinkedTo(db: AnyTx, ownerType: string, ownerId: string): Promise<FileRecord[]> {
  const rows = await (db as FilesDb)
    .selectFrom('file_link')
    .innerJoin('file_object', 'file_object.id', 'file_link.file_id')
    .selectAll('file_object')
    .where('file_link.owner_type', '=', ownerType)
    .where('file_link.owner_id', '=', ownerId)
    .orderBy('file_link.created_at')
    .orderBy('file_object.id')
    .execute();
  return rows.map(toRecord);
}
