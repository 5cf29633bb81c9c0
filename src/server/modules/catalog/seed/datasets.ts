import { budgetCsv, chargingGeoJson, elderlyCsv, scenicJson, sheltersGeoJson, tables, toiletsGeoJson } from './data';

export interface SeedDistribution {
  name: string;
  file?: { format: 'CSV' | 'JSON' | 'GeoJSON'; content: () => string };
  table?: () => Array<Record<string, string | number>>;
}
export interface SeedDataset {
  name: string;
  /** key of the seed resource it derives from */
  resource: string;
  title: string;
  notes: string;
  license: string;
  tags: string[];
  groups: string[];
  distributions: SeedDistribution[];
}

export const seedGroups = [
  { name: 'transport', title: '交通出行', description: '公交、停车、充电等出行数据' },
  { name: 'health', title: '医疗卫生', description: '医疗机构、公共卫生数据' },
  { name: 'education', title: '教育科技', description: '学校、教育资源数据' },
  { name: 'urban', title: '城建住房', description: '市政设施、工程建设数据' },
  { name: 'government', title: '政务服务', description: '事项、评价、财政等政务数据' },
  { name: 'environment', title: '资源环境', description: '空气、水、生态数据' },
  { name: 'economy', title: '经济产业', description: '企业、市场、统计数据' },
  { name: 'society', title: '社会民生', description: '养老、救助、应急数据' },
  { name: 'culture', title: '文化旅游', description: '景区、文化设施数据' },
];

export const seedDatasets: SeedDataset[] = [
  { name: 'yongchuan-public-toilets', resource: 'toilets', title: '永川区公共厕所分布', notes: '城区公共厕所的位置、类别、开放时间和无障碍设施（示例数据）。', license: 'cc-by', tags: ['公共厕所', '市政设施', '地图'], groups: ['urban'], distributions: [{ name: '公共厕所分布（GeoJSON）', file: { format: 'GeoJSON', content: toiletsGeoJson } }] },
  { name: 'yongchuan-service-items', resource: 'service-items', title: '永川区政务服务事项目录', notes: '区级政务服务事项及其实施主体、承诺时限、办理地点（示例数据）。', license: 'yc-open', tags: ['政务服务', '办事指南'], groups: ['government'], distributions: [{ name: '政务服务事项（实时表）', table: tables.serviceItems }] },
  { name: 'yongchuan-bus-routes', resource: 'bus', title: '永川区公交线路', notes: '城区公交线路的起讫站、首末班时间和票价（示例数据）。', license: 'cc-by', tags: ['公交', '出行'], groups: ['transport'], distributions: [{ name: '公交线路（实时表）', table: tables.bus }] },
  { name: 'yongchuan-parking-lots', resource: 'parking', title: '永川区公共停车场', notes: '公共停车场泊位数、收费标准和空余泊位（示例数据）。', license: 'cc-by', tags: ['停车', '出行', '地图'], groups: ['transport'], distributions: [{ name: '停车场（实时表）', table: tables.parking }] },
  { name: 'yongchuan-charging-stations', resource: 'charging', title: '永川区新能源汽车充电站', notes: '公共充电站位置与快慢充桩数量（示例数据）。', license: 'cc-by', tags: ['充电桩', '新能源', '地图'], groups: ['transport'], distributions: [{ name: '充电站分布（GeoJSON）', file: { format: 'GeoJSON', content: chargingGeoJson } }] },
  { name: 'yongchuan-medical-institutions', resource: 'medical', title: '永川区医疗机构名录', notes: '医院、社区卫生服务中心和乡镇卫生院名录（示例数据）。', license: 'yc-open', tags: ['医疗', '卫生'], groups: ['health'], distributions: [{ name: '医疗机构（实时表）', table: tables.medical }] },
  { name: 'yongchuan-schools', resource: 'schools', title: '永川区学校名录', notes: '中小学、幼儿园名称、学段、办学性质和地址（示例数据）。', license: 'yc-open', tags: ['教育', '学校'], groups: ['education'], distributions: [{ name: '学校名录（实时表）', table: tables.schools }] },
  { name: 'yongchuan-scenic-spots', resource: 'scenic', title: '永川区A级旅游景区', notes: 'A 级旅游景区名称、等级、开放时间（示例数据）。', license: 'cc-by', tags: ['旅游', '景区'], groups: ['culture'], distributions: [{ name: 'A级景区（JSON）', file: { format: 'JSON', content: scenicJson } }] },
  { name: 'yongchuan-air-quality', resource: 'air', title: '永川区空气质量日报', notes: '城区空气自动监测站每日 AQI 与首要污染物（示例数据）。', license: 'cc-zero', tags: ['空气质量', '环境'], groups: ['environment'], distributions: [{ name: '空气质量日报（实时表）', table: tables.air }] },
  { name: 'yongchuan-enterprise-registrations', resource: 'enterprises', title: '永川区企业登记注册信息', notes: '企业登记公示信息；有条件开放：实名登录并签署开放协议后可预览和下载（示例数据）。', license: 'yc-conditional', tags: ['企业', '市场主体'], groups: ['economy'], distributions: [{ name: '企业登记信息（实时表）', table: tables.enterprises }] },
  { name: 'yongchuan-elderly-care', resource: 'elderly', title: '永川区养老服务机构名录', notes: '养老院、社区养老服务站名录（示例数据）。', license: 'yc-open', tags: ['养老', '民生'], groups: ['society'], distributions: [{ name: '养老服务机构（CSV）', file: { format: 'CSV', content: elderlyCsv } }] },
  { name: 'yongchuan-service-ratings', resource: 'ratings', title: '永川区政务服务好差评统计', notes: '按月、按部门统计的评价数量与满意率（示例数据）。', license: 'yc-open', tags: ['好差评', '政务服务'], groups: ['government'], distributions: [{ name: '好差评统计（实时表）', table: tables.ratings }] },
  { name: 'yongchuan-construction-permits', resource: 'permits', title: '永川区建设工程施工许可', notes: '施工许可证发证信息（示例数据）。', license: 'yc-open', tags: ['施工许可', '工程建设'], groups: ['urban'], distributions: [{ name: '施工许可（实时表）', table: tables.permits }] },
  { name: 'yongchuan-administrative-penalties', resource: 'penalties', title: '永川区行政处罚决定（双公示）', notes: '市场监管领域行政处罚决定公示（示例数据）。', license: 'yc-open', tags: ['双公示', '信用'], groups: ['economy'], distributions: [{ name: '行政处罚（实时表）', table: tables.penalties }] },
  { name: 'yongchuan-budget', resource: 'budget', title: '永川区一般公共预算支出', notes: '区级一般公共预算支出预决算（按功能分类，示例数据）。', license: 'cc-by', tags: ['财政', '预决算'], groups: ['government'], distributions: [{ name: '预决算（CSV）', file: { format: 'CSV', content: budgetCsv } }] },
  { name: 'yongchuan-emergency-shelters', resource: 'shelters', title: '永川区应急避难场所', notes: '应急避难场所位置、类型和可容纳人数（示例数据）。', license: 'cc-by', tags: ['应急', '避难场所', '地图'], groups: ['society'], distributions: [{ name: '应急避难场所（GeoJSON）', file: { format: 'GeoJSON', content: sheltersGeoJson } }] },
  { name: 'yongchuan-statistics', resource: 'statistics', title: '永川区国民经济主要指标', notes: '统计年鉴主要指标（示例数据）。', license: 'cc-by', tags: ['统计', '经济'], groups: ['economy'], distributions: [{ name: '主要指标（实时表）', table: tables.statistics }] },
];
