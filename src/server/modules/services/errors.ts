import { AppError, type FieldError } from '../../kernel/http/problem';

/** A rule an item breaks, with the field at fault (JSON pointer under /body). */
export const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({ field: `/body/${field}`, code, message: { zh, en } });

/** The services module's own errors: stable codes, Chinese and English, the fields at fault. */
export const serviceErrors = {
  itemNotFound: (key: string) => new AppError(404, 'SERVICES_ITEM_NOT_FOUND', `事项不存在或未公布：${key}`, `No such item (or not published): ${key}`),
  versionNotFound: (version: number) => new AppError(404, 'SERVICES_VERSION_NOT_FOUND', `该事项没有第 ${version} 版`, `The item has no version ${version}`),
  sampleNotFound: () => new AppError(404, 'SERVICES_SAMPLE_NOT_FOUND', '该材料没有样表', 'This material has no sample'),
  invalid: (errors: FieldError[]) =>
    new AppError(422, 'SERVICES_INVALID_ITEM', '事项要素不符合规则，请检查标出的字段', 'The item breaks the catalogue rules; see errors', errors),
  codeTaken: (code: string) =>
    new AppError(409, 'SERVICES_CODE_TAKEN', `事项编码已被使用：${code}`, `The item code is taken: ${code}`, [fieldError('code', 'taken', '编码已被使用', 'already used')]),
  staleRevision: (current: number) =>
    new AppError(409, 'SERVICES_STALE_REVISION', `事项已被他人修改（当前修订 ${current}），请刷新后再编辑`, `Someone saved the item meanwhile (revision ${current}); reload and edit again`, [
      fieldError('revision', 'stale', '修订号已过期', 'stale revision'),
    ]),
  nothingToPublish: () => new AppError(409, 'SERVICES_NOTHING_TO_PUBLISH', '当前内容已发布，没有新的修改', 'The current content is already published'),
  parentNotPublished: (code: string) =>
    new AppError(409, 'SERVICES_PARENT_NOT_PUBLISHED', `请先发布上级事项 ${code}`, `Publish the parent item ${code} first`),
  hasPublishedChildren: (codes: string[]) =>
    new AppError(409, 'SERVICES_HAS_PUBLISHED_CHILDREN', `请先撤回下级事项：${codes.join('、')}`, `Withdraw its published children first: ${codes.join(', ')}`),
  notPublished: () => new AppError(409, 'SERVICES_NOT_PUBLISHED', '该事项当前未发布', 'The item is not published'),
};
