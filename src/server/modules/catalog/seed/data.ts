/**
 * Small demo data for the open datasets: fictional values that look like Yongchuan's
 * (street names, coordinates around the urban area 105.93°E 29.35°N). Deterministic.
 */
const streets = ['中山路街道', '胜利路街道', '南大街街道', '茶山竹海街道', '大安街道', '陈食街道', '卫星湖街道'];
const roads = ['人民大道', '兴龙大道', '昌州大道', '红河大道', '汇龙大道', '北山路', '萱花路', '文昌路', '玉屏路', '渝西大道'];
let state = 20261126;
const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const lng = () => Number((105.90 + rand() * 0.06).toFixed(6));
const lat = () => Number((29.32 + rand() * 0.05).toFixed(6));
const address = () => `永川区${pick(streets)}${pick(roads)}${1 + Math.floor(rand() * 300)}号`;

const feature = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng(), lat()] }, properties });
const collection = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', name: 'yongchuan', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features }, null, 1);

export function toiletsGeoJson(): string {
  const kinds = ['独立式', '附建式', '活动式'];
  return collection(Array.from({ length: 24 }, (_, i) => feature({ 名称: `${pick(roads)}公厕${i + 1}号`, 地址: address(), 类别: pick(kinds), 开放时间: i % 3 === 0 ? '24小时' : '06:00-23:00', 无障碍设施: i % 2 === 0 ? '有' : '无' })));
}

export function chargingGeoJson(): string {
  const operators = ['永川城投新能源公司（示例）', '渝西充电科技公司（示例）', '国网永川供电（示例）'];
  return collection(Array.from({ length: 12 }, (_, i) => feature({ 充电站名称: `${pick(roads)}充电站${i + 1}`, 运营单位: pick(operators), 快充桩: 2 + Math.floor(rand() * 10), 慢充桩: Math.floor(rand() * 12) })));
}

export function sheltersGeoJson(): string {
  const kinds = ['公园绿地', '学校操场', '体育场馆', '广场'];
  const names = ['兴龙湖公园', '神女湖公园', '永川体育中心', '萱花广场', '茶山竹海游客中心', '凤凰湖公园', '永川中学操场', '北山中学操场'];
  return collection(names.map((n) => feature({ 场所名称: `${n}应急避难场所`, 类型: pick(kinds), '面积（平方米）': 5000 + Math.floor(rand() * 60000), 可容纳人数: 2000 + Math.floor(rand() * 20000) })));
}

export function scenicJson(): string {
  const spots = [['茶山竹海国家森林公园', '4A'], ['乐和乐都主题公园', '4A'], ['松溉古镇', '4A'], ['黄瓜山乡村旅游区', '3A'], ['神女湖景区', '3A'], ['野生动物世界', '4A'], ['朱沱古镇', '2A'], ['兴龙湖景区', '3A']];
  return JSON.stringify(spots.map(([name, level]) => ({ 景区名称: name, 等级: level, 地址: address(), 开放时间: '08:30-17:30', 门票: level === '4A' ? '以景区公示为准' : '免费' })), null, 1);
}

export function elderlyCsv(): string {
  const rows = Array.from({ length: 15 }, (_, i) => [`永川区${pick(streets).replace('街道', '')}养老服务中心${i + 1}`, i % 3 === 0 ? '公办' : '民办', String(40 + Math.floor(rand() * 200)), address(), `023-4985${String(1000 + i).slice(-4)}`]);
  return `\uFEFF机构名称,机构性质,床位数,地址,联系电话\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

export function budgetCsv(): string {
  const subjects = ['一般公共服务支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出'];
  const rows = subjects.map((s) => { const b = 10000 + Math.floor(rand() * 90000); return ['2025', s, String(b), String(Math.round(b * (0.9 + rand() * 0.15)))]; });
  return `\uFEFF年度,科目,"预算数（万元）","决算数（万元）"\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

export const tables = {
  serviceItems: () => {
    const items = [['食品经营许可', '行政许可', '区市场监管局', 10], ['建筑工程施工许可证核发', '行政许可', '区住房城乡建委', 7], ['最低生活保障审核确认', '行政确认', '区民政局', 20], ['医师执业注册', '行政许可', '区卫生健康委', 20], ['道路运输经营许可', '行政许可', '区交通局', 15], ['取水许可', '行政许可', '区水利局', 20], ['公共场所卫生许可', '行政许可', '区卫生健康委', 10], ['个体工商户设立登记', '行政许可', '区市场监管局', 1], ['城镇污水排入排水管网许可', '行政许可', '区城市管理局', 7], ['民办非企业单位成立登记', '行政许可', '区民政局', 30], ['社会保障卡申领', '公共服务', '区人力社保局', 0], ['生育登记', '公共服务', '区卫生健康委', 0]] as const;
    return items.map(([name, type, dept, days], i) => ({ 事项编码: `5001180${String(100000 + i * 37).slice(-6)}`, 事项名称: name, 事项类型: type, 实施主体: dept, 承诺时限: days, 办理地点: '永川区行政服务中心（人民大道 1 号）' }));
  },
  bus: () => Array.from({ length: 18 }, (_, i) => ({ 线路: `${i + 1}路`, 起点站: pick(['汽车北站', '火车站', '职教城', '兴龙湖', '凤凰湖', '神女湖']), 终点站: pick(['高铁站', '大安', '卫星湖', '红河', '萱花', '陈食']), 首班时间: '06:30', 末班时间: i % 4 === 0 ? '22:30' : '21:00', 票价: i % 5 === 0 ? 2 : 1, 线路长度: Number((8 + rand() * 20).toFixed(1)) })),
  medical: () => {
    const names = [['永川区人民医院', '综合医院', '三级甲等', 1200], ['永川区中医院', '中医医院', '三级甲等', 900], ['永川区妇幼保健院', '妇幼保健院', '二级甲等', 300], ['永川区精神卫生中心', '专科医院', '二级', 260], ['中山路街道社区卫生服务中心', '社区卫生服务中心', '一级', 40], ['胜利路街道社区卫生服务中心', '社区卫生服务中心', '一级', 35], ['南大街街道社区卫生服务中心', '社区卫生服务中心', '一级', 30], ['朱沱镇卫生院', '乡镇卫生院', '一级', 60], ['松溉镇卫生院', '乡镇卫生院', '一级', 45], ['何埂镇卫生院', '乡镇卫生院', '一级', 40], ['来苏镇中心卫生院', '乡镇卫生院', '二级', 120], ['青峰镇卫生院', '乡镇卫生院', '一级', 30]] as const;
    return names.map(([n, k, g, beds], i) => ({ 机构名称: n, 机构类别: k, 等级: g, 地址: address(), 联系电话: `023-4981${String(2000 + i).slice(-4)}`, 床位数: beds }));
  },
  schools: () => {
    const list = [['永川中学', '高中'], ['北山中学', '高中'], ['萱花中学', '初中'], ['红河小学', '小学'], ['中山路小学', '小学'], ['汇龙小学', '小学'], ['凤凰湖小学', '小学'], ['永川区实验幼儿园', '幼儿园'], ['胜利路幼儿园', '幼儿园'], ['卫星湖中学', '初中'], ['大安小学', '小学'], ['陈食中学', '初中'], ['双石小学', '小学'], ['临江中学', '初中']] as const;
    return list.map(([n, stage], i) => ({ 学校名称: n, 学段: stage, 办学性质: i % 6 === 5 ? '民办' : '公办', 地址: address(), 所属街镇: pick(streets), 班级数: 6 + Math.floor(rand() * 40) }));
  },
  parking: () => Array.from({ length: 16 }, (_, i) => {
    const total = 50 + Math.floor(rand() * 600);
    return { 停车场名称: `${pick(roads)}${pick(['公共停车场', '地下停车库', '临时停车场'])}${i + 1}`, 地址: address(), 总泊位: total, 空余泊位: Math.floor(rand() * total), 收费标准: i % 4 === 0 ? '免费' : '首小时 3 元，之后每小时 2 元', 经度: lng(), 纬度: lat() };
  }),
  air: () => Array.from({ length: 30 }, (_, i) => {
    const aqi = 25 + Math.floor(rand() * 110);
    const day = new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
    return { 日期: day, 监测站: pick(['永川区环境监测站', '职教中心站', '凤凰湖站']), AQI: aqi, 质量等级: aqi <= 50 ? '优' : aqi <= 100 ? '良' : '轻度污染', 首要污染物: aqi <= 50 ? '—' : pick(['PM2.5', 'PM10', 'O3']), 'PM2.5': Math.round(aqi * 0.6) };
  }),
  enterprises: () => Array.from({ length: 20 }, (_, i) => ({ 企业名称: `重庆永川${pick(['茶竹', '渝西', '兴龙', '昌州', '萱花'])}${pick(['科技', '食品', '物流', '建材', '文化'])}有限公司（示例${i + 1}）`, 统一社会信用代码: `91500118MA${String(6000000 + i * 7919).slice(-7)}X`, 企业类型: '有限责任公司', 成立日期: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, 登记状态: i % 7 === 0 ? '注销' : '存续', 行业: pick(['制造业', '批发和零售业', '信息传输、软件和信息技术服务业', '交通运输、仓储和邮政业']) })),
  ratings: () => ['区市场监管局', '区人力社保局', '区住房城乡建委', '区卫生健康委', '区交通局', '区民政局'].flatMap((dept) => ['2026-08', '2026-09', '2026-10'].map((m) => {
    const total = 200 + Math.floor(rand() * 2000);
    const bad = Math.floor(rand() * 8);
    return { 统计月份: m, 部门: dept, 评价总数: total, 差评数: bad, 满意率: Number((100 * (1 - bad / total)).toFixed(2)) };
  })),
  permits: () => Array.from({ length: 12 }, (_, i) => ({ 施工许可证号: `500118202610${String(100 + i)}0101`, 项目名称: `${pick(['凤凰湖', '兴龙湖', '职教城', '高铁新城'])}${pick(['安置房', '产业园标准厂房', '学校', '市政道路'])}工程（示例）`, 建设单位: `永川区${pick(['城投', '港桥', '兴永'])}建设公司（示例）`, 合同价格: Math.round(500 + rand() * 20000), 发证日期: `2026-${String(1 + (i % 10)).padStart(2, '0')}-15` })),
  penalties: () => Array.from({ length: 10 }, (_, i) => ({ 决定书文号: `永市监处罚〔2026〕${100 + i}号`, 被处罚主体: `永川区示例餐饮店${i + 1}`, 统一社会信用代码: `92500118MA${String(7000000 + i * 613).slice(-7)}P`, 处罚类别: pick(['警告', '罚款', '没收违法所得']), 罚没金额: i % 3 === 0 ? 0 : 500 * (1 + (i % 6)), 处罚日期: `2026-${String(1 + (i % 10)).padStart(2, '0')}-2${i % 9}` })),
  statistics: () => ([['地区生产总值', 1370.2, '亿元'], ['常住人口', 116.5, '万人'], ['城镇居民人均可支配收入', 47360, '元'], ['农村居民人均可支配收入', 24620, '元'], ['社会消费品零售总额', 520.8, '亿元'], ['规模以上工业增加值增速', 7.9, '%']] as Array<[string, number, string]>).map(([k, v, u]) => ({ 年度: '2025', 指标: k, 数值: v, 单位: u })),
};
