import { AppError } from '../../../kernel/http/problem';

/** The ratings' errors: stable codes, Chinese and English, the field at fault. */
export const ratingErrors = {
  notRateable: () =>
    new AppError(422, 'RATING_NOT_RATEABLE', '只能由申请人在办结后评价本人的办件', 'Only the applicant rates their own application, after it is concluded', [
      { field: '/body/applicationId', code: 'not-rateable', message: { zh: '该办件不能评价', en: 'this application cannot be rated' } },
    ]),
  alreadyRated: () => new AppError(409, 'RATING_ALREADY_RATED', '该办件已评价（一事一评）', 'This application has already been rated (one rating per application)'),
  commentRequired: () =>
    new AppError(422, 'RATING_COMMENT_REQUIRED', '差评请说明不满意的原因', 'A bad review needs a reason', [
      { field: '/body/comment', code: 'required', message: { zh: '请填写不满意的原因', en: 'say what went wrong' } },
    ]),
  visitRequired: () =>
    new AppError(409, 'RATING_VISIT_REQUIRED', '实名差评必须先回访才能办结', 'A real-name bad review must have a return visit before it is closed'),
  badVisit: (field: string) =>
    new AppError(422, 'RATING_BAD_VISIT', '回访记录不完整或不正确', 'The return-visit record is incomplete or wrong', [
      { field: `/body/fields/${field}`, code: 'visit', message: { zh: '回访方式：电话、短信、上门、网上；回访结果：满意、基本满意（不满意请选“回访不满意，重新整改”）', en: 'method: phone, sms, visit, online; result: satisfied or basic (not satisfied: use “rectify again”)' } },
    ]),
  notFound: () => new AppError(404, 'RATING_NOT_FOUND', '评价不存在', 'No such rating'),
};
