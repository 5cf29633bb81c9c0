import { AppError, type FieldError } from '../../kernel/http/problem';

const field = (name: string, code: string, zh: string, en: string): FieldError => ({ field: `/body/${name}`, code, message: { zh, en } });

/** The catalogue's own errors: stable codes, Chinese and English, the field at fault. */
export const catalogErrors = {
  invalid: (errors: FieldError[]) => new AppError(422, 'CATALOG_INVALID', '资源目录信息不符合编制要求', 'The resource does not meet the catalogue rules', errors),
  notFound: (id: string) => new AppError(404, 'CATALOG_RESOURCE_NOT_FOUND', `信息资源不存在：${id}`, `No such resource: ${id}`),
  unknownProvider: () => new AppError(422, 'CATALOG_UNKNOWN_PROVIDER', '提供单位不存在', 'No such provider organisation', [field('providerOrgId', 'org', '单位不存在', 'unknown organisation')]),
  notEditable: (status: string) => new AppError(409, 'CATALOG_NOT_EDITABLE', '资源正在审核，不能修改', `The resource cannot change while ${status}`),
  staleRevision: () => new AppError(409, 'CATALOG_STALE_REVISION', '资源已被他人修改，请刷新后重试', 'Someone changed the resource meanwhile: reload and retry'),
  nothingToSubmit: () => new AppError(409, 'CATALOG_NOTHING_TO_SUBMIT', '资源已发布且无修改，或正在审核中', 'Already published unchanged, or under review'),
  notOpen: () => new AppError(422, 'CATALOG_NOT_OPEN', '只有已发布且开放类型允许的资源才能开放', 'Only a published resource whose open type allows it can become an open dataset', [field('resourceId', 'not-open', '资源未发布或不予开放', 'not published or not open')]),
  datasetNameTaken: (name: string) => new AppError(409, 'CATALOG_DATASET_NAME_TAKEN', `数据集标识已被使用：${name}`, `The dataset name is taken: ${name}`, [field('name', 'taken', '标识已被使用', 'taken')]),
  datasetNotFound: (id: string) => new AppError(404, 'OPENDATA_NOT_FOUND', `数据集或资源不存在：${id}`, `No such dataset or resource: ${id}`),
  agreementRequired: () => new AppError(403, 'OPENDATA_AGREEMENT_REQUIRED', '有条件开放数据：请登录并签署开放协议', 'Conditionally open data: sign in and accept the agreement'),
  notConditional: () => new AppError(409, 'OPENDATA_NOT_CONDITIONAL', '该数据集无条件开放，无需签署协议', 'The dataset is open without conditions: no agreement needed'),
};
