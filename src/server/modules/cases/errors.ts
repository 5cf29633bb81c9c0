import { AppError } from '../../kernel/http/problem';

/** The cases module's own errors: stable codes, Chinese and English, the field at fault. */
export const caseErrors = {
  unknownClass: (code: string) =>
    new AppError(422, 'CASE_UNKNOWN_CLASS', `案件类别不存在或未开放：${code}`, `No such case class (or not open to this reporter): ${code}`, [
      { field: '/body/classCode', code: 'class', message: { zh: '类别不存在', en: 'unknown class' } },
    ]),
  outsideDistrict: () =>
    new AppError(422, 'CASE_OUTSIDE_DISTRICT', '位置不在永川区范围内', 'The location is outside Yongchuan District', [
      { field: '/body/lng', code: 'outside-district', message: { zh: '位置不在本区', en: 'outside the district' } },
      { field: '/body/lat', code: 'outside-district', message: { zh: '位置不在本区', en: 'outside the district' } },
    ]),
  notFound: (id: string) => new AppError(404, 'CASE_NOT_FOUND', `案件不存在：${id}`, `No such case: ${id}`),
  notAnImage: (fileId: string) =>
    new AppError(422, 'CASE_PHOTO_NOT_IMAGE', '照片必须是图片（JPEG、PNG）', 'Photos must be images (JPEG, PNG)', [
      { field: '/body/photos', code: 'image', message: { zh: `文件 ${fileId} 不是图片`, en: `file ${fileId} is not an image` } },
    ]),
  badMergeTarget: (caseNo: string) =>
    new AppError(422, 'CASE_BAD_MERGE_TARGET', `只能合并到同类别、未结案的其他案件：${caseNo}`, `Can only merge into another open case of the same class: ${caseNo}`, [
      { field: '/body/fields/into', code: 'merge-target', message: { zh: '目标案件不符合', en: 'not a valid target' } },
    ]),
  mayNotReport: () => new AppError(403, 'CASE_MAY_NOT_REPORT', '您的岗位不能上报案件', 'Your post may not report cases'),
  unknownDepartment: (name: string) =>
    new AppError(422, 'CASE_UNKNOWN_DEPARTMENT', `责任单位不存在：${name}`, `No such organisation: ${name}`, [
      { field: '/body/department', code: 'org', message: { zh: '单位不存在', en: 'unknown organisation' } },
    ]),
  cannotRate: () => new AppError(409, 'CASE_CANNOT_RATE', '只有上报人可以在结案后评价一次', 'Only the reporter rates, once, after closure'),
};
