import { AppError } from '../../kernel/http/problem';

/** Stable error codes of the org module. */
export const orgErrors = {
  notFound: (id: string) => new AppError(404, 'ORG_NOT_FOUND', `组织机构不存在：${id}`, `Organisation not found: ${id}`),
  parentNotFound: (id: string) =>
    new AppError(422, 'ORG_PARENT_NOT_FOUND', `上级机构不存在：${id}`, `Parent organisation not found: ${id}`, [
      { field: '/body/parentId', code: 'exists', message: { zh: '上级机构不存在', en: 'no such organisation' } },
    ]),
  codeTaken: (code: string) =>
    new AppError(409, 'ORG_CODE_TAKEN', `机构代码 ${code} 已被使用`, `Organisation code ${code} is already used`, [
      { field: '/body/code', code: 'unique', message: { zh: '代码已被使用', en: 'already used' } },
    ]),
  nameTaken: (name: string) =>
    new AppError(409, 'ORG_NAME_TAKEN', `同一上级下已有名为“${name}”的机构`, `The parent already has an organisation named "${name}"`, [
      { field: '/body/name', code: 'unique', message: { zh: '同级名称重复', en: 'a sibling has this name' } },
    ]),
  kindNotAllowed: (kind: string, parentKind: string, allowed: string[]) =>
    new AppError(
      422,
      'ORG_KIND_NOT_ALLOWED',
      `不能在“${parentKind}”类机构下设立“${kind}”类机构`,
      `A ${kind} cannot be placed under a ${parentKind}`,
      [{ field: '/body/kind', code: 'hierarchy', message: { zh: '机构层级不符', en: 'does not fit the hierarchy' } }],
      { allowed },
    ),
  moveIntoOwnSubtree: () =>
    new AppError(409, 'ORG_MOVE_CYCLE', '不能把机构移到它自己或它的下级之下', 'An organisation cannot move under itself or its own subtree', [
      { field: '/body/parentId', code: 'cycle', message: { zh: '不能移到自身下级', en: 'inside its own subtree' } },
    ]),
  rootImmutable: () => new AppError(409, 'ORG_ROOT_IMMUTABLE', '区县根节点不能移动', 'The district root cannot be moved'),
};
