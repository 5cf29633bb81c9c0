import { AppError } from '../../../kernel/http/problem';

const q = (name: string, code: string, zh: string, en: string) => [{ field: `/querystring/${name}`, code, message: { zh, en } }];

/** Why an exchange call is refused (nothing is sent; the refusal is audited). */
export const exchangeErrors = {
  keyRequired: () => new AppError(401, 'EXCHANGE_KEY_REQUIRED', '请在 Authorization: Bearer 中提供应用系统密钥', 'Give the system key as Authorization: Bearer <key>'),
  keyInvalid: () => new AppError(401, 'EXCHANGE_KEY_INVALID', '应用系统密钥无效或已吊销', 'The system key is unknown or revoked'),
  systemDisabled: () => new AppError(403, 'EXCHANGE_SYSTEM_DISABLED', '应用系统已停用', 'The system is disabled'),
  resourceNotFound: (id: string) => new AppError(404, 'EXCHANGE_RESOURCE_NOT_FOUND', `信息资源不存在或未发布：${id}`, `No such published resource: ${id}`),
  notShared: () => new AppError(403, 'EXCHANGE_NOT_SHARED', '该资源不予共享', 'The resource is not shared'),
  noApi: () => new AppError(403, 'EXCHANGE_NO_API', '该资源的共享方式不含接口或库表交换', 'The resource is not shared through the API or table exchange'),
  noGrant: () => new AppError(403, 'EXCHANGE_NO_GRANT', '有条件共享资源：本系统没有有效授权，请先提出共享申请', 'Conditionally shared: this system holds no grant; request one first'),
  grantExpired: (until: string) => new AppError(403, 'EXCHANGE_GRANT_EXPIRED', `授权已于 ${until} 到期`, `The grant ended on ${until}`),
  grantNotYet: (from: string) => new AppError(403, 'EXCHANGE_GRANT_NOT_YET', `授权自 ${from} 起生效`, `The grant starts on ${from}`),
  fieldsNotGranted: (names: string[]) =>
    new AppError(403, 'EXCHANGE_FIELD_NOT_GRANTED', `未授权的信息项：${names.join('、')}`, `Items not granted: ${names.join(', ')}`, q('fields', 'not-granted', `未授权：${names.join('、')}`, `not granted: ${names.join(', ')}`)),
  unknownItems: (names: string[]) => new AppError(400, 'EXCHANGE_UNKNOWN_ITEM', `资源没有这些信息项：${names.join('、')}`, `The resource has no items: ${names.join(', ')}`, q(names[0] ?? 'fields', 'unknown-item', '未知信息项', 'unknown item')),
  keyItemRequired: (item: string) => new AppError(400, 'EXCHANGE_KEY_REQUIRED_ITEM', `基础库按「${item}」逐条查询，请提供该参数`, `A base register is looked up one record at a time by "${item}"`, q(item, 'required', '必填', 'required')),
  badPaging: (name: string) => new AppError(400, 'EXCHANGE_BAD_PAGING', `${name} 不正确（limit 1–1000，offset ≥ 0）`, `Bad ${name} (limit 1–1000, offset ≥ 0)`, q(name, 'range', '超出范围', 'out of range')),
  noData: () => new AppError(409, 'EXCHANGE_NO_DATA', '提供部门尚未接入该资源的数据', 'The provider has not connected data to this resource yet'),
};
