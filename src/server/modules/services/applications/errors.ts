import { AppError, type FieldError } from '../../../kernel/http/problem';

const at = (field: string, code: string, zh: string, en: string): FieldError => ({ field, code, message: { zh, en } });

/** The applications' own errors: stable codes, Chinese and English, the field at fault. */
export const applicationErrors = {
  notFound: () => new AppError(404, 'SERVICES_APPLICATION_NOT_FOUND', '办件不存在', 'No such application'),
  /** the progress query: the same answer for an unknown number and a wrong ID number or phone (no oracle) */
  progressNotFound: () => new AppError(404, 'SERVICES_PROGRESS_NOT_FOUND', '未查到与该受理编号和证件号码（或手机号）相符的办件', 'No application matches this number and ID number (or phone)'),
  tooManyQueries: () => new AppError(429, 'SERVICES_TOO_MANY_QUERIES', '查询过于频繁，请一分钟后再试', 'Too many queries; try again in a minute'),
  itemNotOnline: (code: string) =>
    new AppError(422, 'SERVICES_ITEM_NOT_ONLINE', `事项 ${code} 未开通网上申报，请到窗口办理`, `Item ${code} cannot be applied for online; please apply at a window`, [at('/body/itemCode', 'not-online', '未开通网上申报', 'not online')]),
  itemNotPublished: (code: string) =>
    new AppError(422, 'SERVICES_ITEM_NOT_PUBLISHED', `事项 ${code} 不存在或未公布`, `Item ${code} does not exist or is not published`, [at('/body/itemCode', 'not-published', '事项未公布', 'not published')]),
  notApplicant: () => new AppError(403, 'SERVICES_NOT_APPLICANT', '只有申请人本人可以操作此办件', 'Only the applicant may do this'),
  applicantOnly: () => new AppError(403, 'SERVICES_APPLICANT_ACCOUNT_NEEDED', '请使用个人或法人账号在线申报', 'Apply online with a citizen or enterprise account'),
  notDraft: () => new AppError(409, 'SERVICES_APPLICATION_NOT_DRAFT', '办件已提交，不能再修改草稿', 'The application was submitted; the draft cannot change'),
  invalidAnswers: (errors: FieldError[]) => new AppError(422, 'SERVICES_INVALID_ANSWERS', '申请表填写有误，请检查标出的字段', 'The form has faults; see errors', errors),
  missingMaterials: (errors: FieldError[]) => new AppError(422, 'SERVICES_MISSING_MATERIALS', '缺少必须提交的申请材料', 'Required materials are missing', errors),
  badMaterial: (field: string, zh: string, en: string) => new AppError(422, 'SERVICES_BAD_MATERIAL', zh, en, [at(field, 'material', zh, en)]),
  idempotencyKeyNeeded: () =>
    new AppError(400, 'SERVICES_IDEMPOTENCY_KEY_REQUIRED', '提交申请需要 Idempotency-Key 请求头', 'Submitting needs an Idempotency-Key header', [at('/headers/idempotency-key', 'required', '必填', 'required')]),
  idempotencyKeyReused: () =>
    new AppError(409, 'SERVICES_IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一份申请', 'This Idempotency-Key was used for another application'),
  oneCorrectionNotice: () =>
    new AppError(409, 'SERVICES_CORRECTION_ALREADY_NOTIFIED', '补正告知只能一次性发出（已发出过补正告知）', 'Corrections are asked for once, in one notice; that notice was already sent'),
  correctionsNeeded: () =>
    new AppError(422, 'SERVICES_CORRECTIONS_REQUIRED', '补正告知须逐条列明需要补正的全部内容', 'The notice must list every correction', [at('/body/fields/corrections', 'required', '必填', 'required')]),
  notInstant: () => new AppError(409, 'SERVICES_NOT_INSTANT', '承诺件须先受理、审查后再作决定（即办件方可当场决定）', 'Only instant items are decided at acceptance; accept and review this one first'),
  decisionReasonNeeded: () => new AppError(422, 'SERVICES_DECISION_REASON_REQUIRED', '不予许可须说明理由', 'A refusal needs its reasons', [at('/body/comment', 'required', '必填', 'required')]),
  extensionRefused: (zh: string, en: string) => new AppError(409, 'SERVICES_EXTENSION_NOT_ALLOWED', zh, en),
  counterApplicant: (errors: FieldError[]) => new AppError(422, 'SERVICES_INVALID_APPLICANT', '申请人信息有误', 'The applicant’s details have faults', errors),
};
