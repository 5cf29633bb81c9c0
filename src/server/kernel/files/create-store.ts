import { S3Store } from './s3-store';
import type { FileSettings } from './settings';
import { LocalDiskStore, type FileStore } from './store';

/** The S3-compatible store when it is configured (FILES_S3_*), else the local disk store under FILES_DIR. */
export function createFileStore(settings: FileSettings): FileStore {
  return settings.s3 ? new S3Store(settings.s3) : new LocalDiskStore(settings.root);
}
