export { fileRoutes, contentDisposition, type FileRouteOptions } from './routes';
export {
  READ_ALL_FILES,
  canRead,
  cleanFileName,
  fileErrors,
  filesLinkedTo,
  findFile,
  linkFile,
  openContent,
  readableFile,
  uploadFile,
  type FileLink,
  type FileRecord,
  type FilesDb,
  type FilesTables,
  type UploadInput,
} from './service';
export { LocalDiskStore, type FileStore } from './store';
export { S3Store } from './s3-store';
export { createFileStore } from './create-store';
export { fileVariables, loadFileSettings, type FileSettings, type S3Settings } from './settings';
export { defaultAllowedTypes, detectMediaType, detectableTypes, judgeUpload, mediaTypes, zipEntryNames, type Verdict } from './detect';
