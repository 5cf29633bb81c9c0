import { AppError } from '../../kernel/http/problem';

const field = (path: string, code: string, zh: string, en: string) => ({ field: path, code, message: { zh, en } });

/** The disclosure module's own errors: stable codes, Chinese and English, the field at fault. */
export const disclosureErrors = {
  unknownCategory: (code: string) =>
    new AppError(422, 'DISCLOSURE_UNKNOWN_CATEGORY', `公开类别不存在：${code}`, `No such category: ${code}`, [field('/body/category', 'category', '类别不存在', 'unknown category')]),
  blank: (path: string) => new AppError(422, 'DISCLOSURE_BLANK', '内容不能为空', 'Must not be blank', [field(path, 'blank', '不能为空', 'must not be blank')]),
  noOrg: () => new AppError(403, 'DISCLOSURE_NO_ORG', '您的账号不属于任何单位，不能编辑信息公开', 'Your account belongs to no organisation'),
  notFound: (id: string) => new AppError(404, 'DISCLOSURE_NOT_FOUND', `信息不存在：${id}`, `No such item: ${id}`),
  notEditable: (status: string) => new AppError(409, 'DISCLOSURE_NOT_EDITABLE', `当前状态（${status}）不能修改或提交`, `Cannot change or submit in state ${status}`),
  cannotWithdraw: () => new AppError(409, 'DISCLOSURE_CANNOT_WITHDRAW', '只有已发布的信息可以撤回', 'Only published articles can be withdrawn'),
  badAttachment: (fileId: string) =>
    new AppError(422, 'DISCLOSURE_BAD_ATTACHMENT', '附件不存在或不是您上传的', 'An attachment is unknown or not your upload', [field('/body/attachments', 'file', `附件 ${fileId} 无效`, `file ${fileId} is not valid`)]),
  unknownOrg: (id: string) => new AppError(422, 'DISCLOSURE_UNKNOWN_ORG', `受理机关不存在：${id}`, `No such agency: ${id}`, [field('/body/org', 'org', '机关不存在', 'unknown agency')]),
  staffMayNotApply: () => new AppError(403, 'DISCLOSURE_STAFF_APPLY', '工作人员不能以个人账号提交依申请公开', 'Staff accounts do not file requests for disclosure'),
  badAnswerType: () =>
    new AppError(422, 'DISCLOSURE_BAD_ANSWER_TYPE', '答复类型不正确', 'Unknown answer type', [field('/body/fields/answerType', 'answer-type', '请选择答复类型', 'choose an answer type')]),
  reasonRequired: () =>
    new AppError(422, 'DISCLOSURE_REASON_REQUIRED', '部分公开、不予公开和非本机关负责须说明法律依据和理由', 'Partial disclosure, refusal and “not ours” need the legal basis and reason', [
      field('/body/fields/legalBasis', 'required', '请填写法律依据和理由', 'give the legal basis and reason'),
    ]),
  badAnswer: () => new AppError(422, 'DISCLOSURE_BAD_ANSWER', '答复内容须为 5 至 4000 字', 'The answer must be 5 to 4000 characters', [field('/body/fields/answer', 'answer', '请填写答复内容', 'write the answer')]),
};
