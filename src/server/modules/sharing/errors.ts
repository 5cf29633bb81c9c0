import { AppError, type FieldError } from '../../kernel/http/problem';

const field = (name: string, code: string, zh: string, en: string): FieldError => ({ field: `/body/${name}`, code, message: { zh, en } });

/** The sharing module's own errors: stable codes, Chinese and English, the field at fault. */
export const sharingErrors = {
  systemNotFound: (id: string) => new AppError(404, 'SHARING_SYSTEM_NOT_FOUND', `应用系统不存在：${id}`, `No such system: ${id}`),
  systemNameTaken: () => new AppError(409, 'SHARING_SYSTEM_NAME_TAKEN', '本部门已有同名应用系统', 'Your department already has a system of that name', [field('name', 'taken', '名称已被使用', 'taken')]),
  keyNotFound: (id: string) => new AppError(404, 'SHARING_KEY_NOT_FOUND', `密钥不存在或已吊销：${id}`, `No such active key: ${id}`),
  resourceNotFound: (id: string) => new AppError(404, 'SHARING_RESOURCE_NOT_FOUND', `信息资源不存在或未发布：${id}`, `No such published resource: ${id}`),
  notShared: () => new AppError(409, 'SHARING_NOT_SHARED', '该资源为不予共享，不能申请或调用', 'The resource is not shared (不予共享)'),
  noRequestNeeded: () =>
    new AppError(409, 'SHARING_UNCONDITIONAL', '无条件共享资源无需申请，已授权的应用系统可直接调用', 'An unconditionally shared resource needs no request: authorised systems call it directly'),
  unknownFields: (names: string[], at = 'fields') =>
    new AppError(422, 'SHARING_UNKNOWN_FIELDS', `资源没有这些信息项：${names.join('、')}`, `The resource has no items: ${names.join(', ')}`, [field(at, 'unknown-item', `未知信息项：${names.join('、')}`, `unknown items: ${names.join(', ')}`)]),
  badPeriod: () => new AppError(422, 'SHARING_BAD_PERIOD', '使用期限不正确：起始日期不能早于今天，截止日期不能早于起始日期，期限不超过 3 年', 'Bad period: it starts today or later, ends after it starts, and lasts at most 3 years', [field('periodTo', 'period', '期限不正确', 'bad period')]),
  ownResource: () => new AppError(409, 'SHARING_OWN_RESOURCE', '本部门的资源无需申请共享', 'A department need not request its own resource', [field('resourceId', 'own', '本部门资源', 'own resource')]),
  requestNotFound: (id: string) => new AppError(404, 'SHARING_REQUEST_NOT_FOUND', `共享申请不存在：${id}`, `No such share request: ${id}`),
  wrongStage: (status: string) => new AppError(409, 'SHARING_WRONG_STAGE', `共享申请当前不在此环节（${status}）`, `The request is not at this stage (${status})`),
  reasonRequired: () => new AppError(422, 'SHARING_REASON_REQUIRED', '不予共享须说明理由', 'A refusal needs its reasons', [field('comment', 'required', '请填写理由', 'give the reasons')]),
  grantNotFound: (id: string) => new AppError(404, 'SHARING_GRANT_NOT_FOUND', `授权不存在：${id}`, `No such grant: ${id}`),
  sourceRefused: () => new AppError(409, 'SHARING_SOURCE_FIXED', '基础库资源的数据来自基础库，不能上传', 'A base-register resource is served from its register: rows cannot be uploaded'),
  badRows: (errors: FieldError[]) => new AppError(422, 'SHARING_BAD_ROWS', '数据不符合资源的信息项', 'The rows do not match the resource’s items', errors),
  exchangeNotFound: (id: string) => new AppError(404, 'SHARING_EXCHANGE_NOT_FOUND', `交换记录不存在：${id}`, `No such exchange: ${id}`),
};
