import { handlingKinds, itemTypes, levels, type HandlingKind, type ItemType, type Level, type Tier } from './vocab';

/**
 * 事项编码, 12 digits, in the spirit of GB/T 39554.1-2020 (README § Codes):
 *
 *   TT MMMMM SSS HH
 *   TT     type: 01 行政许可 … 10 其他行政权力, 20 公共服务
 *   MMMMM  main item number within the type
 *   SSS    sub-item number; 000 on a main item and on its own handling items
 *   HH     handling item: 00 none, 01 新设, 02 变更, 03 延续, 04 注销
 *
 * 实施编码 = the implementing body's organisation code (where the national scheme has its unified
 * social credit code) + the level digit (1 区 2 镇街 3 村社区) + the 12-digit item code.
 */
export const codePattern = '^(0[1-9]|10|20)[0-9]{10}$';

export interface CodeParts {
  type: string;
  main: string;
  sub: string;
  handling: string;
}

export function splitCode(code: string): CodeParts {
  return { type: code.slice(0, 2), main: code.slice(2, 7), sub: code.slice(7, 10), handling: code.slice(10, 12) };
}

interface CodeContext {
  type: ItemType;
  tier: Tier;
  handlingKind: HandlingKind | null;
  parentCode: string | null;
}

/** Why `code` does not fit the item's type, tier and parent; null when it fits. */
export function codeProblem(code: string, item: CodeContext): { zh: string; en: string } | null {
  const p = splitCode(code);
  if (p.type !== itemTypes[item.type].code) return { zh: `编码前两位应为事项类型代码 ${itemTypes[item.type].code}`, en: `must start with the type code ${itemTypes[item.type].code}` };
  if (p.main === '00000') return { zh: '主项序号不能为 00000', en: 'the main item number cannot be 00000' };
  const parent = item.parentCode ? splitCode(item.parentCode) : null;
  if (item.tier === 'main') {
    if (p.sub !== '000' || p.handling !== '00') return { zh: '主项编码的子项位和办理项位应为 000、00', en: 'a main item ends in 00000' };
    return null;
  }
  if (!parent || parent.type !== p.type || parent.main !== p.main) return { zh: '编码应以上级事项的类型和主项序号开头', en: 'must share the type and main number of its parent' };
  if (item.tier === 'sub') {
    if (p.sub === '000' || p.handling !== '00') return { zh: '子项编码应有非 000 的子项位、办理项位 00', en: 'a sub-item has a non-zero sub number and ends in 00' };
    return null;
  }
  if (p.sub !== parent.sub) return { zh: '办理项编码的子项位应与上级相同', en: 'a handling item keeps its parent’s sub number' };
  const kind = item.handlingKind ? handlingKinds[item.handlingKind].code : '00';
  if (p.handling !== kind) return { zh: `办理项编码应以 ${kind} 结尾`, en: `a handling item ends in ${kind}` };
  return null;
}

/** The next free code for a new item: the next main number in its type, the next sub number, or the handling suffix. */
export function nextCode(item: CodeContext, taken: readonly string[]): string {
  const typeCode = itemTypes[item.type].code;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  if (item.tier === 'main') {
    const max = Math.max(0, ...taken.filter((c) => c.startsWith(typeCode)).map((c) => Number(splitCode(c).main)));
    return `${typeCode}${pad(max + 1, 5)}00000`;
  }
  const parent = splitCode(item.parentCode!);
  if (item.tier === 'sub') {
    const prefix = `${parent.type}${parent.main}`;
    const max = Math.max(0, ...taken.filter((c) => c.startsWith(prefix)).map((c) => Number(splitCode(c).sub)));
    return `${prefix}${pad(max + 1, 3)}00`;
  }
  return `${parent.type}${parent.main}${parent.sub}${handlingKinds[item.handlingKind!].code}`;
}

/** 实施编码: see the comment at the top. `orgCode` is the implementing body's (or the district's, for every town or village). */
export function implementationCode(orgCode: string, level: Level, code: string): string {
  return `${orgCode}${levels[level].digit}${code}`;
}
