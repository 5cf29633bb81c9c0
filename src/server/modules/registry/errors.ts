import { AppError } from '../../kernel/http/problem';

const field = (name: string, code: string, zh: string, en: string) => ({ field: name, code, message: { zh, en } });

/** The registry module's errors: stable codes, Chinese and English, the field at fault. */
export const registryErrors = {
  unknownRegister: (register: string) => new AppError(404, 'REGISTRY_UNKNOWN_REGISTER', `基础库不存在：${register}`, `No such register: ${register}`),
  notFound: (id: string) => new AppError(404, 'REGISTRY_NOT_FOUND', `记录不存在：${id}`, `No such record: ${id}`),
  invalid: (name: string, code: string, zh: string, en: string) =>
    new AppError(422, 'REGISTRY_INVALID_FIELD', `字段不符合要求：${zh}`, `Invalid field: ${en}`, [field(`/body/fields/${name}`, code, zh, en)]),
  duplicate: (name: string) =>
    new AppError(409, 'REGISTRY_DUPLICATE', '库中已有相同编码的记录', 'A record with this identifier already exists', [field(`/body/fields/${name}`, 'duplicate', '已存在', 'already registered')]),
  notWritable: (name: string) =>
    new AppError(422, 'REGISTRY_FIELD_NOT_WRITABLE', `该字段由系统生成，不能直接修改：${name}`, `This field is derived and cannot be written: ${name}`, [field(`/body/fields/${name}`, 'derived', '派生字段', 'derived field')]),
  notOwner: () => new AppError(403, 'REGISTRY_NOT_OWNER', '只有责任部门可以维护该基础库', 'Only the owning department maintains this register'),
  fieldNotGranted: (name: string) =>
    new AppError(403, 'REGISTRY_FIELD_NOT_GRANTED', `您的角色无权查看该字段：${name}`, `Your role may not see this field: ${name}`, [field('/body/field', 'not-granted', '未授权字段', 'field not granted')]),
  nothingToReveal: () => new AppError(403, 'REGISTRY_NOTHING_TO_REVEAL', '没有可以查看的个人信息字段', 'None of the personal fields is granted to your role'),
  staleVersion: (current: number) =>
    new AppError(409, 'REGISTRY_STALE_VERSION', `记录已被他人修改（当前版本 ${current}），请刷新后重试`, `The record changed meanwhile (now version ${current}); reload and retry`, [], { currentVersion: current }),
  objectionSameValue: () =>
    new AppError(422, 'REGISTRY_OBJECTION_SAME_VALUE', '建议值与现有值相同', 'The proposed value equals the current one', [field('/body/proposedValue', 'same', '与现有值相同', 'same as now')]),
  notImportable: (register: string) => new AppError(422, 'REGISTRY_NOT_IMPORTABLE', `该基础库不支持批量导入：${register}`, `This register has no CSV import: ${register}`),
  importTooLarge: (limit: number) =>
    new AppError(413, 'REGISTRY_IMPORT_TOO_LARGE', `文件超过 ${Math.round(limit / 1048576)} MB，请拆分后导入`, `The file is over ${Math.round(limit / 1048576)} MB: split it`, [field('/body', 'too-large', '文件过大', 'file too large')]),
  importHeader: (missing: string[]) =>
    new AppError(422, 'REGISTRY_IMPORT_HEADER', `CSV 表头缺少列：${missing.join('、')}`, `The CSV header lacks columns: ${missing.join(', ')}`, [field('/body', 'header', '表头不完整', 'incomplete header')]),
  unknownRole: (code: string) => new AppError(422, 'REGISTRY_UNKNOWN_ROLE', `角色不存在：${code}`, `No such role: ${code}`, [field('/body/roles', 'role', '角色不存在', 'unknown role')]),
  unknownField: (name: string) => new AppError(422, 'REGISTRY_UNKNOWN_FIELD', `字段不存在：${name}`, `No such field: ${name}`, [field('/body/field', 'field', '字段不存在', 'unknown field')]),
  objectionNotFound: (id: string) => new AppError(404, 'REGISTRY_OBJECTION_NOT_FOUND', `异议不存在：${id}`, `No such objection: ${id}`),
};
