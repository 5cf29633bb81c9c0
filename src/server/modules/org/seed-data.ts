import type { OrgKind } from '../../../shared/org';

/**
 * The administrative tree of Yongchuan District (重庆市永川区, division code 500118):
 * 7 streets and 16 towns with a few of their communities (社区, codes 001–199)
 * and villages (村, codes 200–399) as in GB/T 10114, and the district departments.
 * Town and village codes follow the national pattern; check them against the
 * statistics bureau's list before relying on them for reporting.
 */
export interface SeedOrg {
  code: string;
  name: string;
  kind: OrgKind;
  children?: SeedOrg[];
}

const departments: Array<[string, string]> = [
  ['区政府办公室', 'B01'], ['区发展改革委', 'B02'], ['区教委', 'B03'], ['区科技局', 'B04'], ['区经济信息委', 'B05'],
  ['区公安局', 'B06'], ['区民政局', 'B07'], ['区司法局', 'B08'], ['区财政局', 'B09'], ['区人力社保局', 'B10'],
  ['区规划自然资源局', 'B11'], ['区生态环境局', 'B12'], ['区住房城乡建委', 'B13'], ['区城市管理局', 'B14'], ['区交通局', 'B15'],
  ['区水利局', 'B16'], ['区农业农村委', 'B17'], ['区商务委', 'B18'], ['区文化旅游委', 'B19'], ['区卫生健康委', 'B20'],
  ['区退役军人事务局', 'B21'], ['区应急管理局', 'B22'], ['区审计局', 'B23'], ['区市场监管局', 'B24'], ['区统计局', 'B25'],
  ['区医保局', 'B26'], ['区信访办', 'B27'], ['区大数据发展局', 'B28'], ['区行政服务中心', 'B29'],
];

/** [name, communities, villages] per street (街道, codes 001–007) and town (镇, codes 101–116). */
const streets: Array<[string, string[], string[]]> = [
  ['中山路街道', ['红河社区', '萱花社区', '文曲社区', '玉屏社区'], []],
  ['胜利路街道', ['胜利社区', '兴龙湖社区', '汇龙社区'], ['永兴村']],
  ['南大街街道', ['南大街社区', '渝西社区'], ['黄瓜山村']],
  ['茶山竹海街道', ['茶山社区', '竹海社区'], ['石梁村', '薄刀岭村']],
  ['大安街道', ['大安社区', '凤凰湖社区'], ['云雾村']],
  ['陈食街道', ['陈食社区'], ['凤凰村', '板栗村']],
  ['卫星湖街道', ['卫星湖社区'], ['南华村', '石龟寺村']],
];

const towns: Array<[string, string[], string[]]> = [
  ['青峰镇', ['青峰社区'], ['高峰村', '双河村']],
  ['金龙镇', ['金龙社区'], ['大佛村', '普安村']],
  ['临江镇', ['临江社区'], ['昌州村', '河岸村']],
  ['何埂镇', ['何埂社区'], ['石梯村', '新胜村']],
  ['松溉镇', ['松溉社区'], ['松江村', '解放村']],
  ['仙龙镇', ['仙龙社区'], ['狮子村', '四方村']],
  ['吉安镇', ['吉安社区'], ['大沟村', '吉星村']],
  ['五间镇', ['五间社区'], ['麻柳村', '双桥村']],
  ['来苏镇', ['来苏社区'], ['观音井村', '三合村']],
  ['宝峰镇', ['宝峰社区'], ['龙凤桥村', '临江河村']],
  ['双石镇', ['双石社区'], ['三星村', '石院村']],
  ['红炉镇', ['红炉社区'], ['龙井口村', '乐和村']],
  ['永荣镇', ['永荣社区'], ['石庙村', '双凤村']],
  ['三教镇', ['三教社区'], ['仙鹤村', '红旗村']],
  ['板桥镇', ['板桥社区'], ['高洞村', '花桥村']],
  ['朱沱镇', ['朱沱社区'], ['汉东村', '涨谷村']],
];

const pad = (n: number, width = 3) => String(n).padStart(width, '0');

function grassroots(parentCode: string, communities: string[], villages: string[]): SeedOrg[] {
  return [
    ...communities.map((name, i) => ({ code: `${parentCode}${pad(i + 1)}`, name, kind: 'community' as const })),
    ...villages.map((name, i) => ({ code: `${parentCode}${pad(200 + i + 1)}`, name, kind: 'village' as const })),
  ];
}

export const district = '500118';

export const yongchuanTree: SeedOrg = {
  code: district,
  name: '重庆市永川区',
  kind: 'district',
  children: [
    ...departments.map(([name, suffix]) => ({ code: `${district}${suffix}`, name, kind: 'department' as const })),
    ...streets.map(([name, c, v], i) => {
      const code = `${district}${pad(i + 1)}`;
      return { code, name, kind: 'street' as const, children: grassroots(code, c, v) };
    }),
    ...towns.map(([name, c, v], i) => {
      const code = `${district}${pad(101 + i)}`;
      return { code, name, kind: 'town' as const, children: grassroots(code, c, v) };
    }),
  ],
};
