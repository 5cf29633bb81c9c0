import { AppError, httpErrors } from '../http/problem';

const field = (name: string, zh: string, en: string) => [{ field: `/body/${name}`, code: 'invalid', message: { zh, en } }];

/** Stable error codes of identity and access. */
export const identityErrors = {
  badCredentials: () =>
    new AppError(401, 'LOGIN_FAILED', '用户名或密码错误', 'Wrong user name or password'),
  locked: (until: Date) =>
    new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${until.toISOString()}`, `Too many failed logins; the account is locked until ${until.toISOString()}`, [], { lockedUntil: until.toISOString() }),
  disabled: () => new AppError(403, 'ACCOUNT_DISABLED', '账号已停用', 'The account is disabled'),
  tooManyAttempts: () => new AppError(429, 'TOO_MANY_ATTEMPTS', '尝试过于频繁，请稍后再试', 'Too many attempts; try again later'),
  mfaRequired: () => httpErrors.mfaRequired(),
  badTotp: () => new AppError(401, 'TOTP_INVALID', '动态口令错误或已使用', 'The one-time code is wrong or was already used', field('code', '动态口令不正确', 'wrong code')),
  totpNotEnrolled: () => new AppError(409, 'TOTP_NOT_ENROLLED', '尚未绑定动态口令', 'No authenticator is enrolled yet'),
  weakPassword: (reasons: Array<{ zh: string; en: string }>) =>
    new AppError(400, 'WEAK_PASSWORD', `密码不符合要求：${reasons.map((r) => r.zh).join('；')}`, `The password is too weak: ${reasons.map((r) => r.en).join('; ')}`,
      reasons.map((r) => ({ field: '/body/password', code: 'strength', message: r }))),
  wrongPassword: () => new AppError(400, 'WRONG_PASSWORD', '当前密码不正确', 'The current password is wrong', field('currentPassword', '当前密码不正确', 'wrong password')),
  usernameTaken: () => new AppError(409, 'USERNAME_TAKEN', '用户名已被使用', 'The user name is taken', field('username', '已被使用', 'taken')),
  idNumberInvalid: (reason: string) =>
    new AppError(400, 'ID_NUMBER_INVALID', '身份证号码不正确', `The resident ID number is invalid (${reason})`, field('idNumber', '身份证号码校验不通过', `invalid: ${reason}`)),
  idNumberTaken: () => new AppError(409, 'ID_NUMBER_REGISTERED', '该身份证号码已注册', 'This ID number is already registered', field('idNumber', '已注册', 'already registered')),
  phoneInvalid: () => new AppError(400, 'PHONE_INVALID', '手机号码不正确', 'The mobile number is invalid', field('phone', '手机号码不正确', 'invalid mobile number')),
  phoneTaken: () => new AppError(409, 'PHONE_REGISTERED', '该手机号码已注册', 'This mobile number is already registered', field('phone', '已注册', 'already registered')),
  creditCodeInvalid: (reason: string) =>
    new AppError(400, 'CREDIT_CODE_INVALID', '统一社会信用代码不正确', `The unified social credit code is invalid (${reason})`, field('creditCode', '信用代码校验不通过', `invalid: ${reason}`)),
  creditCodeTaken: () => new AppError(409, 'CREDIT_CODE_REGISTERED', '该统一社会信用代码已注册', 'This credit code is already registered', field('creditCode', '已注册', 'already registered')),
  orgNotFound: (id: string) => new AppError(422, 'ORG_NOT_FOUND', `组织机构不存在：${id}`, `No such organisation: ${id}`, field('orgId', '机构不存在', 'no such organisation')),
  accountNotFound: (id: string) => new AppError(404, 'ACCOUNT_NOT_FOUND', `账号不存在：${id}`, `No such account: ${id}`),
  roleNotFound: (code: string) => new AppError(422, 'ROLE_NOT_FOUND', `角色不存在：${code}`, `No such role: ${code}`, field('roleCode', '角色不存在', 'no such role')),
  ownRoles: () => new AppError(403, 'OWN_ROLES', '不能变更自己账号的角色', 'You cannot change the roles of your own account'),
  adminConflict: () =>
    new AppError(409, 'ADMIN_ROLES_EXCLUSIVE', '三员分立：系统、安全、审计管理员角色不能由同一账号兼任', 'Separation of duties: one account cannot hold two of the system, security and audit administrator roles'),
  staffOnly: () => new AppError(422, 'STAFF_ONLY', '只有工作人员账号可以授予角色', 'Roles are granted to civil-servant accounts only'),
  outOfScope: () => new AppError(403, 'OUT_OF_SCOPE', '目标不在您的管理范围内', 'The target is outside the scope of your role'),
  sessionNotFound: () => new AppError(404, 'SESSION_NOT_FOUND', '会话不存在', 'No such session'),
};
