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
  unknownDefinition: (key: string) => new AppError(500, 'WF_UNKNOWN_DEFINITION', `未注册的流程：${key}`, `Unregistered process definition: ${key}`),
};
