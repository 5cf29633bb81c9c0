import { AppError, type FieldError } from '../../kernel/http/problem';

const field = (pointer: string, code: string, zh: string, en: string): FieldError => ({ field: pointer, code, message: { zh, en } });

/** Stable error codes of the grid module. */
export const gridErrors = {
  outsideDistrict: (lng: number, lat: number) =>
    new AppError(404, 'GRID_OUTSIDE_DISTRICT', `位置（${lng}, ${lat}）不在永川区范围内`, `The point (${lng}, ${lat}) is outside the district`, [
      field('/querystring/lng', 'district', '不在辖区范围内', 'outside the district'),
    ]),
  noUnitGrid: (lng: number, lat: number) =>
    new AppError(404, 'GRID_NO_UNIT_GRID', `位置（${lng}, ${lat}）不在任何单元网格内`, `The point (${lng}, ${lat}) is in no unit grid`, [
      field('/querystring/lng', 'grid', '不在任何单元网格内', 'in no unit grid'),
    ]),
  unitNotFound: (code: string) =>
    new AppError(404, 'GRID_UNIT_NOT_FOUND', `单元网格不存在：${code}`, `Unit grid not found: ${code}`, [
      field('/params/code', 'exists', '单元网格不存在', 'no such unit grid'),
    ]),
  communityNotFound: (code: string, pointer = '/querystring/community') =>
    new AppError(404, 'GRID_COMMUNITY_NOT_FOUND', `社区（村）不存在：${code}`, `Community or village not found: ${code}`, [
      field(pointer, 'exists', '社区（村）不存在', 'no such community or village'),
    ]),
  filterRequired: () =>
    new AppError(400, 'GRID_FILTER_REQUIRED', '请指定社区（community）或范围（bbox）', 'Give a community or a bbox', [
      field('/querystring/community', 'required', '需要 community 或 bbox', 'community or bbox is required'),
    ]),
  badBbox: (zh: string, en: string) =>
    new AppError(400, 'GRID_BAD_BBOX', `范围参数不正确：${zh}`, `Invalid bbox: ${en}`, [field('/querystring/bbox', 'bbox', zh, en)]),
  importRefused: (errors: FieldError[], features: number) =>
    new AppError(
      422,
      'GRID_IMPORT_REFUSED',
      `导入被拒绝：${features} 个要素有错误，未导入任何网格`,
      `Import refused: ${features} feature(s) have errors; nothing was imported`,
      errors,
    ),
  responsibilityNotFound: (id: string) =>
    new AppError(404, 'GRID_RESPONSIBILITY_NOT_FOUND', `责任网格不存在：${id}`, `Responsibility grid not found: ${id}`, [
      field('/params/id', 'exists', '责任网格不存在', 'no such responsibility grid'),
    ]),
  responsibilityNameTaken: (name: string) =>
    new AppError(409, 'GRID_RESPONSIBILITY_NAME_TAKEN', `已有名为“${name}”的责任网格`, `A responsibility grid named "${name}" exists`, [
      field('/body/name', 'unique', '名称已被使用', 'already used'),
    ]),
  unitsUnknown: (errors: FieldError[]) =>
    new AppError(422, 'GRID_UNITS_UNKNOWN', '部分单元网格不存在', 'Some unit grids do not exist', errors),
  unitsTaken: (errors: FieldError[]) =>
    new AppError(409, 'GRID_UNITS_TAKEN', '部分单元网格已属于其他责任网格', 'Some unit grids already belong to another responsibility grid', errors),
  inspectorNotFound: (id: string) =>
    new AppError(422, 'GRID_INSPECTOR_NOT_FOUND', `监督员账号不存在或未启用：${id}`, `No active staff account ${id}`, [
      field('/body/inspectorId', 'exists', '不是启用的工作人员账号', 'not an active staff account'),
    ]),
};

export { field as fieldError };
