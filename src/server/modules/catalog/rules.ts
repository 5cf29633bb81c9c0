import type { FieldError } from '../../kernel/http/problem';
import type { Zone } from '../../kernel/config';
import { httpErrors } from '../../kernel/http/problem';
import type { ResourceFields } from './tables';
import { kindDigit } from './vocab';

const at = (name: string, code: string, zh: string, en: string): FieldError => ({ field: `/body/${name}`, code, message: { zh, en } });

/**
 * The catalogue rules (cn-domain §3, 国发〔2016〕51号): the class code belongs to the kind; the base
 * catalogues are shared unconditionally; conditional and not-shared resources need a legal basis,
 * conditional ones their condition; a shared resource names how; open data is public data; and
 * 涉密进内网 — the extranet refuses secret resources whoever asks.
 */
export function resourceErrors(f: ResourceFields, zone: Zone): FieldError[] {
  if (f.classification === 'secret' && zone === 'extranet') throw httpErrors.secretOnExtranet();
  const errors: FieldError[] = [];
  if (!f.classCode.startsWith(kindDigit[f.catalogKind])) {
    errors.push(at('classCode', 'class-kind', `分类代码的第一位必须为 ${kindDigit[f.catalogKind]}`, `the class code must start with ${kindDigit[f.catalogKind]} for this kind`));
  }
  if (f.catalogKind === 'base' && f.shareType !== 'unconditional') {
    errors.push(at('shareType', 'base-unconditional', '基础信息资源的基础信息项必须无条件共享', 'base resources are shared unconditionally'));
  }
  if (f.shareType !== 'unconditional' && f.shareBasis.trim() === '') {
    errors.push(at('shareBasis', 'required', '有条件共享和不予共享须注明法律法规或政策依据', 'conditional and not-shared resources need their legal basis'));
  }
  if (f.shareType === 'conditional' && f.shareCondition.trim() === '') {
    errors.push(at('shareCondition', 'required', '有条件共享须注明共享条件', 'conditional sharing needs its condition'));
  }
  if (f.shareType !== 'none' && f.shareMethods.length === 0) {
    errors.push(at('shareMethods', 'required', '共享资源须注明共享方式', 'a shared resource needs a share method'));
  }
  if (f.shareType === 'none' && f.shareMethods.length > 0) {
    errors.push(at('shareMethods', 'not-shared', '不予共享的资源不设共享方式', 'a resource that is not shared has no share method'));
  }
  if (f.openType === 'conditional' && f.openCondition.trim() === '') {
    errors.push(at('openCondition', 'required', '有条件开放须注明开放条件', 'conditional opening needs its condition'));
  }
  if (f.openType !== 'none' && f.classification !== 'public') {
    errors.push(at('openType', 'not-public', '只有公开级别的资源可以向社会开放', 'only public resources can be opened to society'));
  }
  if (f.items.length === 0) errors.push(at('items', 'required', '至少需要一个信息项', 'at least one data item'));
  const seen = new Set<string>();
  f.items.forEach((item, i) => {
    if (seen.has(item.name)) errors.push(at(`items/${i}/name`, 'duplicate', `信息项重复：${item.name}`, `duplicate item: ${item.name}`));
    seen.add(item.name);
    if (item.type === 'string' && !item.length) errors.push(at(`items/${i}/length`, 'required', '字符型信息项须注明长度', 'string items need a length'));
  });
  return errors;
}
