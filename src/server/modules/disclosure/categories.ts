/**
 * Categories of 主动公开 (政府信息公开条例 Art. 19–20 and the usual 政府信息公开目录): code,
 * Chinese and English names. In code, not a table: the portal's sections follow the regulation.
 */
export const categories = [
  { code: 'policy', zh: '政策文件', en: 'Policy documents' },
  { code: 'interpretation', zh: '政策解读', en: 'Policy interpretation' },
  { code: 'notice', zh: '通知公告', en: 'Notices' },
  { code: 'budget', zh: '财政预决算', en: 'Budgets and final accounts' },
  { code: 'personnel', zh: '人事信息', en: 'Personnel' },
  { code: 'plan', zh: '规划计划', en: 'Plans and programmes' },
  { code: 'report', zh: '工作报告', en: 'Work reports' },
] as const;

export type CategoryCode = (typeof categories)[number]['code'];

export const isCategory = (code: string): code is CategoryCode => categories.some((c) => c.code === code);

export const categoryName = (code: string) => categories.find((c) => c.code === code) ?? { code, zh: code, en: code };

/** The answers to a request (条例 Art. 36) and whether a legal reason must be given. */
export const answerTypes = [
  { code: 'disclose', zh: '予以公开', en: 'Disclosed', reason: false },
  { code: 'partial', zh: '部分公开', en: 'Partly disclosed', reason: true },
  { code: 'refuse', zh: '不予公开', en: 'Not disclosed', reason: true },
  { code: 'not_exist', zh: '信息不存在', en: 'The information does not exist', reason: false },
  { code: 'not_ours', zh: '非本机关负责公开', en: 'Not this agency’s to disclose', reason: true },
  { code: 'not_government_info', zh: '不属于政府信息', en: 'Not government information', reason: false },
] as const;
