import { AppError, type FieldError } from '../../kernel/http/problem';

const field = (path: string, code: string, zh: string, en: string): FieldError => ({ field: path, code, message: { zh, en } });

/** The iot module's own errors: stable codes, Chinese and English, the field at fault. */
export const iotErrors = {
  typeNotFound: (code: string) => new AppError(404, 'IOT_TYPE_NOT_FOUND', `设备类型不存在：${code}`, `No such device type: ${code}`),
  unknownType: (code: string, at = '/body/typeCode') =>
    new AppError(422, 'IOT_UNKNOWN_TYPE', `设备类型不存在：${code}`, `No such device type: ${code}`, [field(at, 'type', '类型不存在', 'unknown type')]),
  typeExists: (code: string) =>
    new AppError(409, 'IOT_TYPE_EXISTS', `设备类型代码已存在：${code}`, `A device type with code ${code} exists`, [field('/body/code', 'taken', '代码已被使用', 'code is taken')]),
  typeInUse: (code: string) => new AppError(409, 'IOT_TYPE_IN_USE', `仍有设备属于类型 ${code}，不能删除`, `Devices of type ${code} exist; it cannot be deleted`),
  badQuantities: (errors: FieldError[]) => new AppError(422, 'IOT_BAD_QUANTITIES', '监测量定义不正确', 'The quantities are not valid', errors),
  deviceNotFound: (id: string) => new AppError(404, 'IOT_DEVICE_NOT_FOUND', `设备不存在：${id}`, `No such device: ${id}`),
  deviceExists: (id: string) =>
    new AppError(409, 'IOT_DEVICE_EXISTS', `设备编号已存在：${id}`, `A device with id ${id} exists`, [field('/body/id', 'taken', '编号已被使用', 'id is taken')]),
  deviceHasData: (id: string) =>
    new AppError(409, 'IOT_DEVICE_HAS_DATA', `设备 ${id} 已有监测数据，不能删除，请停用`, `Device ${id} has stored readings; disable it instead of deleting it`),
  unknownOwner: (owner: string, at = '/body/ownerOrgId') =>
    new AppError(422, 'IOT_UNKNOWN_OWNER', `权属单位不存在：${owner}`, `No such organisation: ${owner}`, [field(at, 'org', '单位不存在', 'unknown organisation')]),
  outsideChina: () =>
    new AppError(422, 'IOT_OUTSIDE_CHINA', '坐标不在中国境内（经度 73–136，纬度 3–54）', 'The coordinates are outside China (longitude 73–136, latitude 3–54)', [
      field('/body/lng', 'outside-china', '经度超出范围', 'longitude out of range'),
      field('/body/lat', 'outside-china', '纬度超出范围', 'latitude out of range'),
    ]),
  unknownQuantity: (key: string, type: string) =>
    new AppError(422, 'IOT_UNKNOWN_QUANTITY', `设备类型 ${type} 没有监测量 ${key}`, `Device type ${type} measures no ${key}`, [field('/querystring/quantity', 'quantity', '监测量不存在', 'unknown quantity')]),
  badPeriod: () =>
    new AppError(422, 'IOT_BAD_PERIOD', '时间段不正确：起始时间须早于结束时间', 'The period is invalid: from must be before to', [field('/querystring/from', 'period', '须早于结束时间', 'must be before to')]),
  badArea: () =>
    new AppError(422, 'IOT_BAD_AREA', '请给出区域代码（area）或经纬度范围（bbox），二选一', 'Give either an area code (area) or a bounding box (bbox)', [field('/querystring/area', 'area', '缺少或重复', 'missing or both given')]),
  badBbox: () =>
    new AppError(422, 'IOT_BAD_BBOX', 'bbox 应为 最小经度,最小纬度,最大经度,最大纬度', 'bbox must be minLng,minLat,maxLng,maxLat', [field('/querystring/bbox', 'bbox', '格式不正确', 'invalid bounding box')]),
  badCsv: (zh: string, en: string) => new AppError(400, 'IOT_BAD_CSV', `CSV 文件无法读取：${zh}`, `The CSV file cannot be read: ${en}`, [field('/body', 'csv', zh, en)]),
  importRejected: (errors: FieldError[], rows: number) =>
    new AppError(422, 'IOT_IMPORT_REJECTED', `导入未执行：${rows} 行中有错误，全部未导入（见 errors）`, `Nothing imported: rows have errors (see errors); ${rows} rows read`, errors),
  // ingestion
  badCredentials: () => new AppError(401, 'IOT_BAD_CREDENTIALS', '设备编号或令牌不正确', 'Unknown device or wrong token'),
  deviceDisabled: (id: string) => new AppError(403, 'IOT_DEVICE_DISABLED', `设备已停用：${id}`, `The device is disabled: ${id}`),
  malformedPayload: (en: string) =>
    new AppError(400, 'IOT_MALFORMED_PAYLOAD', '数据格式不正确（应为 JSON：{"ts", "values"} 或其数组）', `Malformed payload (JSON {"ts", "values"} or an array of them expected): ${en}`, [field('/body', 'malformed', '格式不正确', en)]),
  batchTooLarge: (max: number) =>
    new AppError(400, 'IOT_BATCH_TOO_LARGE', `一次最多提交 ${max} 条`, `At most ${max} messages per request`, [field('/body', 'maxItems', `最多 ${max} 条`, `at most ${max} items`)]),
  overloaded: () => new AppError(503, 'IOT_OVERLOADED', '数据接入繁忙，请稍后重试', 'Ingestion is busy; retry shortly'),
  storageUnavailable: () => new AppError(503, 'IOT_STORAGE_UNAVAILABLE', '数据暂时无法保存，请稍后重试', 'Readings cannot be stored right now; retry shortly'),
};
