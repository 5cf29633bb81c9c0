import type { FieldError } from '../../kernel/http/problem';
import type { OrgKind } from '../../../shared/org';
import type { OrgNode } from './deps';
import { fieldError as fe } from './errors';
import type { ItemFields } from './schemas/input';
import { applicationTypes, itemTypes, lifeEvents, topics, type ItemType, type Level, type Tier } from './vocab';

/** Which organisations may implement an item of each level (三级: 区 → 镇街 → 村社区). */
const implementerKinds: Record<Level, readonly OrgKind[]> = { district: ['department', 'district'], town: ['street', 'town'], village: ['community', 'village'] };

export interface RuleContext {
  type: ItemType;
  tier: Tier;
  orgs: Map<string, OrgNode>;
  parent: { type: ItemType; tier: Tier; competentOrgId: string } | null;
}

function orgRules(f: ItemFields, ctx: RuleContext): FieldError[] {
  const out: FieldError[] = [];
  const competent = ctx.orgs.get(f.competentOrgId);
  if (!competent || competent.kind !== 'department') out.push(fe('competentOrgId', 'department', '主管部门应为区级部门', 'must be a department'));
  if (ctx.parent && ctx.parent.competentOrgId !== f.competentOrgId) out.push(fe('competentOrgId', 'parent', '应与上级事项的主管部门相同', 'must be the parent’s department'));
  if (f.implementingOrgId) {
    const body = ctx.orgs.get(f.implementingOrgId);
    if (!body || !implementerKinds[f.level].includes(body.kind)) out.push(fe('implementingOrgId', 'level', '实施主体与行使层级不符', 'does not fit the level'));
  }
  return out;
}

function limitRules(f: ItemFields): FieldError[] {
  const out: FieldError[] = [];
  if (f.instant && f.promisedDays !== 0) out.push(fe('promisedDays', 'instant', '即办件的承诺时限应为 0', 'an instant item promises 0 days'));
  if (!f.instant && f.promisedDays < 1) out.push(fe('promisedDays', 'promised', '承诺件的承诺时限至少 1 个工作日', 'a promised item needs at least 1 working day'));
  if (f.statutoryDays !== null && f.promisedDays > f.statutoryDays) out.push(fe('promisedDays', 'statutory', '承诺时限不能超过法定时限', 'cannot exceed the statutory limit'));
  const stepDays = f.steps.reduce((sum, s) => sum + (s.days ?? 0), 0);
  if (stepDays > f.promisedDays) out.push(fe('steps', 'days', `各环节时限之和（${stepDays}）超过承诺时限`, `the steps take ${stepDays} days, more than promised`));
  if (f.onlineDepth === 4 && f.visits !== 0) out.push(fe('visits', 'online', '全程网办的事项到现场次数应为 0', 'a fully online item needs no visit'));
  if (f.online && f.onlineDepth < 3) out.push(fe('online', 'depth', '可在线申报的事项网办深度至少为三级', 'online application needs depth 3 or more'));
  if (f.feeFen > 0 && f.feeBasis.trim().length < 2) out.push(fe('feeBasis', 'required', '收费事项应写明收费依据', 'a fee needs its basis'));
  return out;
}

function contentRules(f: ItemFields, type: ItemType): FieldError[] {
  const out: FieldError[] = [];
  f.lifeEvents.forEach((e, i) => lifeEvents[e] ?? out.push(fe(`lifeEvents/${i}`, 'vocabulary', `未知的一件事：${e}`, `unknown life event: ${e}`)));
  f.topics.forEach((t, i) => topics[t] ?? out.push(fe(`topics/${i}`, 'vocabulary', `未知的主题：${t}`, `unknown topic: ${t}`)));
  f.materials.forEach((m, i) => {
    if ((m.certTypeCode === null) !== (m.certName === null)) out.push(fe(`materials/${i}/certName`, 'cert', '电子证照类型代码与名称应同时填写', 'certificate code and name go together'));
    if (m.form === 'paper' && m.copies < 1) out.push(fe(`materials/${i}/copies`, 'copies', '纸质材料至少 1 份', 'paper needs at least one copy'));
  });
  if (type !== 'public_service' && !f.responsibility) out.push(fe('responsibility', 'required', `${itemTypes[type].zh}事项应有责任清单`, 'a power needs its responsibilities'));
  if (applicationTypes.has(type) && f.steps.length === 0) out.push(fe('steps', 'required', '依申请事项至少有一个办理环节', 'an application item needs its steps'));
  return out;
}

function hierarchyRules(ctx: RuleContext): FieldError[] {
  if (!ctx.parent) return [];
  const out: FieldError[] = [];
  if (ctx.parent.type !== ctx.type) out.push(fe('type', 'parent', '应与上级事项类型相同', 'must be the parent’s type'));
  if (ctx.tier === 'sub' && ctx.parent.tier !== 'main') out.push(fe('parentId', 'tier', '子项的上级应为主项', 'a sub-item belongs to a main item'));
  if (ctx.tier === 'handling' && ctx.parent.tier === 'handling') out.push(fe('parentId', 'tier', '办理项的上级应为主项或子项', 'a handling item belongs to a main or sub-item'));
  return out;
}

/** Every catalogue rule the item breaks (all at once, so that the form can mark them together). */
export function ruleErrors(f: ItemFields, ctx: RuleContext): FieldError[] {
  return [...hierarchyRules(ctx), ...orgRules(f, ctx), ...limitRules(f), ...contentRules(f, ctx.type)];
}
