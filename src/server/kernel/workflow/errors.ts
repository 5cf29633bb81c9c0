import { AppError } from '../http/problem';
import type { Label } from './definition';

export const workflowErrors = {
  instanceNotFound: (id: string) => new AppError(404, 'WF_INSTANCE_NOT_FOUND', `流程不存在：${id}`, `No such process instance: ${id}`),
  invalidAction: (action: string, state: string, stateLabel: Label, allowed: string[]) =>
    new AppError(
      409,
      'WF_INVALID_ACTION',
      `当前环节“${stateLabel.zh}”不能执行“${action}”，可执行：${allowed.join('、') || '无'}`,
      `Action "${action}" is not possible in state "${state}"; allowed: ${allowed.join(', ') || 'none'}`,
      [],
      { allowed, state },
    ),
  notYours: () => new AppError(403, 'WF_NOT_ASSIGNEE', '您不是当前环节的办理人', 'You are not the assignee of the current step'),
  ended: () => new AppError(409, 'WF_ENDED', '流程已办结或已撤回', 'The process has ended or was withdrawn'),
  missingFields: (fields: string[]) =>
    new AppError(400, 'WF_FIELDS_REQUIRED', `缺少必填内容：${fields.join('、')}`, `Required fields missing: ${fields.join(', ')}`,
      fields.map((f) => ({ field: `/body/fields/${f}`, code: 'required', message: { zh: '必填', en: 'required' } }))),
  commentRequired: () =>
    new AppError(400, 'WF_COMMENT_REQUIRED', '请填写办理意见', 'A comment is required for this action', [
      { field: '/body/comment', code: 'required', message: { zh: '请填写意见', en: 'required' } },
    ]),
  cannotWithdraw: () => new AppError(409, 'WF_CANNOT_WITHDRAW', '已有人办理，不能撤回', 'Someone has already acted; the process cannot be withdrawn'),
  cannotHandOver: () =>
    new AppError(422, 'WF_CANNOT_HAND_OVER', '只能转办给有权办理该环节的其他同事', 'A step can only be handed to another colleague who may work on it', [
      { field: '/body/accountId', code: 'assignee', message: { zh: '该同事无权办理此环节', en: 'may not work on this step' } },
    ]),
  suspended: () => new AppError(409, 'WF_SUSPENDED', '流程已挂起，恢复后才能办理', 'The process is suspended; resume it first'),
  notSuspended: () => new AppError(409, 'WF_NOT_SUSPENDED', '流程未挂起', 'The process is not suspended'),
  attachmentsRequired: () =>
    new AppError(400, 'WF_ATTACHMENTS_REQUIRED', '此操作需要上传附件', 'This action needs attachments', [
      { field: '/body/attachments', code: 'required', message: { zh: '请上传附件', en: 'required' } },
    ]),
  tooManyAttachments: (max: number) =>
    new AppError(400, 'WF_TOO_MANY_ATTACHMENTS', `附件最多 ${max} 个`, `At most ${max} attachments`, [
      { field: '/body/attachments', code: 'max-items', message: { zh: `最多 ${max} 个`, en: `at most ${max}` } },
    ]),
  unknownAttachments: (ids: string[]) =>
    new AppError(400, 'WF_UNKNOWN_ATTACHMENTS', '附件不存在或不是您上传的', 'Attachments not found or not uploaded by you', ids.map((id) => ({ field: '/body/attachments', code: 'unknown-file', message: { zh: `附件 ${id} 不可用`, en: `file ${id} is not available` } }))),
  guardRefused: (reason: Label) => new AppError(409, 'WF_GUARD_REFUSED', reason.zh, reason.en),
  badReturnTarget: (state: string, allowed: string[]) =>
    new AppError(422, 'WF_BAD_RETURN_TARGET', `不能退回到“${state}”，可退回：${allowed.join('、') || '无'}`, `Cannot return to "${state}"; possible: ${allowed.join(', ') || 'none'}`, [
      { field: '/body/fields/state', code: 'return-target', message: { zh: '不是可退回的前序环节', en: 'not an earlier step' } },
    ], { allowed }),
  badCountersignOrgs: (field: string) =>
    new AppError(422, 'WF_BAD_COUNTERSIGN_ORGS', '会签单位应为 1 至 20 个不重复的机构', 'Countersigning organisations must be 1 to 20 distinct known organisations', [
      { field: `/body/fields/${field}`, code: 'orgs', message: { zh: '会签单位不正确', en: 'invalid organisations' } },
    ]),
  unknownOrg: (field: string) =>
    new AppError(422, 'WF_UNKNOWN_ORG', '所选单位不存在', 'No such organisation', [{ field: `/body/fields/${field}`, code: 'org', message: { zh: '单位不存在', en: 'unknown organisation' } }]),
  extensionPending: () => new AppError(409, 'WF_EXTENSION_PENDING', '该环节已有待审批的延期申请', 'An extension of this step is already awaiting approval'),
  noDeadline: () => new AppError(409, 'WF_NO_DEADLINE', '该环节没有办理时限，无需延期', 'This step has no time limit to extend'),
  cannotAssign: () =>
    new AppError(422, 'WF_CANNOT_ASSIGN', '只能指派给有权办理该环节的人员', 'A step can only be assigned to someone who may work on it', [
      { field: '/body/accountId', code: 'assignee', message: { zh: '该人员无权办理此环节', en: 'may not work on this step' } },
    ]),
  unknownDefinition: (key: string) => new AppError(500, 'WF_UNKNOWN_DEFINITION', `未注册的流程：${key}`, `Unregistered process definition: ${key}`),
};
