import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, idNumberCheckCharacter } from '../../../shared/validators';

/**
 * Demo records for Yongchuan: obviously fictional people and companies with valid check digits,
 * addresses in the district's streets and towns. A fixed pseudo-random sequence, so every
 * deployment (and every test database) gets the same records.
 */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const given = ['永川', '茶竹', '渝西', '卫星', '兴龙', '萱花', '文曲', '玉屏', '昌州', '红河', '汇龙', '凤凰', '青峰', '松溉', '来苏', '宝峰', '竹海', '临江', '朱沱', '板桥', '明', '华', '强', '敏', '静', '丽', '军', '杰', '娟', '涛', '燕', '勇', '艳', '磊', '芳'];

/** [street or town, community or village, roads] */
export const places: Array<[string, string, string[]]> = [
  ['中山路街道', '红河社区', ['红河大道', '中山路']],
  ['中山路街道', '萱花社区', ['萱花路', '人民大道']],
  ['中山路街道', '玉屏社区', ['玉屏路', '北山路']],
  ['胜利路街道', '兴龙湖社区', ['兴龙大道', '胜利路']],
  ['胜利路街道', '汇龙社区', ['汇龙大道', '昌州大道']],
  ['南大街街道', '渝西社区', ['南大街', '渝西大道']],
  ['茶山竹海街道', '茶山社区', ['茶竹大道', '竹海路']],
  ['大安街道', '凤凰湖社区', ['凤凰湖大道', '大安路']],
  ['卫星湖街道', '卫星湖社区', ['卫星湖路', '南华路']],
  ['朱沱镇', '朱沱社区', ['汉东路', '沱江街']],
  ['松溉镇', '松溉社区', ['松江街', '解放街']],
  ['来苏镇', '来苏社区', ['观音井路', '三合街']],
];

const industries = ['C1531', 'C1399', 'A0161', 'F5212', 'H6210', 'I6510', 'E4701', 'M7520', 'L7212', 'C3670', 'G5435', 'O8010'];
const trades: Array<[string, string]> = [['茶叶', 'C1531'], ['食品', 'C1399'], ['茶园种植', 'A0161'], ['商贸', 'F5212'], ['餐饮', 'H6210'], ['软件', 'I6510'], ['建筑', 'E4701'], ['科技', 'M7520'], ['咨询', 'L7212'], ['汽车零部件', 'C3670'], ['物流', 'G5435'], ['家政', 'O8010']];

export interface DemoPerson { name: string; idNumber: string; householdAddress: string; phone: string; status: string }
export interface DemoLegal { name: string; creditCode: string; legalRep: string; registeredAddress: string; status: string; industryCode: string; establishedOn: string }
export interface DemoPlace { street: string; community: string; road: string; houseNo: string; lng: number; lat: number }

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function personName(r: () => number): string {
  return pick(r, [...surnames]) + pick(r, given);
}

/** A valid 18-digit ID number (region 500118 Yongchuan, or 500383 from before 2006). */
export function demoIdNumber(r: () => number, year?: number): string {
  const y = year ?? 1940 + Math.floor(r() * 80);
  const first17 = `${r() < 0.85 ? '500118' : '500383'}${y}${pad(1 + Math.floor(r() * 12), 2)}${pad(1 + Math.floor(r() * 28), 2)}${pad(Math.floor(r() * 1000), 3)}`;
  return first17 + idNumberCheckCharacter(first17);
}

export function demoCreditCode(r: () => number, type = '91'): string {
  let org = '';
  for (let i = 0; i < 9; i += 1) org += CREDIT_CODE_ALPHABET[Math.floor(r() * CREDIT_CODE_ALPHABET.length)];
  const first17 = `${type}500118${org}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function address(r: () => number): string {
  const [street, community, roads] = pick(r, places);
  return `重庆市永川区${street}${community}${pick(r, roads)}${1 + Math.floor(r() * 300)}号`;
}

export function demoPersons(count: number, seed = 20261126): DemoPerson[] {
  const r = prng(seed);
  const seen = new Set<string>();
  const out: DemoPerson[] = [];
  while (out.length < count) {
    const idNumber = demoIdNumber(r);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    const status = r() < 0.93 ? '正常' : r() < 0.6 ? '迁出' : '死亡';
    out.push({ name: personName(r), idNumber, householdAddress: address(r), phone: `1${pick(r, ['3', '5', '7', '8', '9'])}${pad(Math.floor(r() * 1e9), 9)}`, status });
  }
  return out;
}

export function demoLegals(count: number, seed = 500118): DemoLegal[] {
  const r = prng(seed);
  const seen = new Set<string>();
  const out: DemoLegal[] = [];
  while (out.length < count) {
    const type = r() < 0.8 ? '91' : r() < 0.5 ? '92' : '93';
    const creditCode = demoCreditCode(r, type);
    if (seen.has(creditCode)) continue;
    seen.add(creditCode);
    const [trade, industry] = pick(r, trades);
    const brand = pick(r, given) + pick(r, given);
    const name = type === '92' ? `永川区${brand}${trade}店` : type === '93' ? `永川区${brand}${trade}专业合作社` : `重庆${brand}${trade}有限公司`;
    const y = 1995 + Math.floor(r() * 30);
    const status = r() < 0.88 ? '存续' : r() < 0.7 ? '注销' : '吊销';
    out.push({ name, creditCode, legalRep: personName(r), registeredAddress: address(r), status, industryCode: r() < 0.1 ? pick(r, industries) : industry, establishedOn: `${y}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}` });
  }
  return out;
}

/** Standard addresses around the centre of the city (demo coordinates, not survey data). */
export function demoPlaces(count: number, seed = 29355): DemoPlace[] {
  const r = prng(seed);
  const seen = new Set<string>();
  const out: DemoPlace[] = [];
  while (out.length < count) {
    const [street, community, roads] = pick(r, places.slice(0, 9));
    const road = pick(r, roads);
    const houseNo = `${1 + Math.floor(r() * 200)}号`;
    const key = `${street}${community}${road}${houseNo}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ street, community, road, houseNo, lng: 105.9 + r() * 0.06, lat: 29.33 + r() * 0.05 });
  }
  return out;
}
