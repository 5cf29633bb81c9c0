import { AppError } from '../../kernel/http/problem';

const field = (path: string, code: string, zh: string, en: string) => ({ field: path, code, message: { zh, en } });

/** The interaction module's own errors: stable codes, Chinese and English, the field at fault. */
export const interactionErrors = {
  unknownKind: (code: string, path = '/body/kind') =>
    new AppError(422, 'INTERACTION_UNKNOWN_KIND', `诉求类型不存在或已停用：${code}`, `No such kind of ticket (or closed): ${code}`, [field(path, 'kind', '类型不存在', 'unknown kind')]),
  phoneRequired: () =>
    new AppError(422, 'INTERACTION_PHONE_REQUIRED', '匿名来信须留下手机号码，以便答复', 'An anonymous letter needs a mobile number for the reply', [field('/body/phone', 'required', '请填写手机号码', 'a mobile number is required')]),
  badPhone: () => new AppError(422, 'INTERACTION_BAD_PHONE', '手机号码格式不正确', 'Not a mainland mobile number', [field('/body/phone', 'phone', '手机号码格式不正确', 'not a mobile number')]),
  blankContent: (path: string) => new AppError(422, 'INTERACTION_BLANK', '标题和内容不能为空', 'The title and the content must not be blank', [field(path, 'blank', '不能为空', 'must not be blank')]),
  unknownDepartment: (id: string) =>
    new AppError(422, 'INTERACTION_UNKNOWN_DEPARTMENT', `收信部门不存在：${id}`, `No such department: ${id}`, [field('/body/department', 'org', '部门不存在', 'unknown department')]),
  badAttachment: (fileId: string) =>
    new AppError(422, 'INTERACTION_BAD_ATTACHMENT', '附件不存在或不是您上传的', 'An attachment is unknown or not your upload', [field('/body/attachments', 'file', `附件 ${fileId} 无效`, `file ${fileId} is not valid`)]),
  tooMany: () => new AppError(429, 'INTERACTION_TOO_MANY', '该号码提交过于频繁，请稍后再试', 'Too many letters from this number: try again later'),
  mayNotWrite: () => new AppError(403, 'INTERACTION_STAFF_REGISTER', '工作人员请通过“登记来电”录入群众诉求', 'Staff enter citizens’ requests through “register a call”'),
  notFound: (id: string) => new AppError(404, 'INTERACTION_NOT_FOUND', `工单不存在：${id}`, `No such ticket: ${id}`),
  badReply: () =>
    new AppError(422, 'INTERACTION_BAD_REPLY', '答复内容须为 5 至 4000 字', 'The reply must be 5 to 4000 characters', [field('/body/fields/reply', 'reply', '请填写答复内容（5–4000 字）', 'write the reply (5–4000 characters)')]),
  cannotPublish: () => new AppError(409, 'INTERACTION_CANNOT_PUBLISH', '只有来信人同意公开且已办结的工单可以审核公开，且只审核一次', 'Only closed tickets whose writer agreed can be approved for publication, once'),
  cannotChase: () => new AppError(409, 'INTERACTION_CANNOT_CHASE', '只有承办单位正在办理的工单可以催办', 'Only tickets being handled by a department can be chased'),
};
