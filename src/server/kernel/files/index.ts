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
export { fileVariables, loadFileSettings, type FileSettings } from './settings';
export { defaultAllowedTypes, detectMediaType, detectableTypes, judgeUpload, mediaTypes, zipEntryNames, type Verdict } from './detect';
