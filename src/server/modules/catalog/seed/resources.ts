import type { DataItem, ResourceFields } from '../tables';

/** Demo catalogue entries: obviously fictional figures, real-looking structure (编制指南 core metadata). */
export interface SeedResource extends Omit<ResourceFields, 'providerOrgId' | 'relatedCodes' | 'shareCondition' | 'shareBasis' | 'openCondition'> {
  key: string;
  provider: string;
  shareCondition?: string;
  shareBasis?: string;
  openCondition?: string;
  /** left as a draft (not yet submitted) */
  draft?: boolean;
}

const s = (name: string, length: number): DataItem => ({ name, type: 'string', length });
const d = (name: string): DataItem => ({ name, type: 'date' });
const n = (name: string): DataItem => ({ name, type: 'decimal' });
const i = (name: string): DataItem => ({ name, type: 'integer' });

const open = { shareType: 'unconditional' as const, shareMethods: ['api' as const, 'file' as const], openType: 'unconditional' as const, classification: 'public' as const };
const internalShared = { shareType: 'unconditional' as const, shareMethods: ['api' as const, 'table' as const], openType: 'none' as const, classification: 'internal' as const };

export const seedResources: SeedResource[] = [
  // 基础信息资源: shared unconditionally with every department (their base items)
  { key: 'persons', name: '自然人基础信息', catalogKind: 'base', classCode: '101001', provider: '区公安局', abstract: '全区户籍及常住人口的身份基础信息，作为各部门核验自然人身份的唯一基准。', format: 'database', items: [s('姓名', 50), s('公民身份号码', 18), s('性别', 1), d('出生日期'), s('户籍地址', 200), s('联系电话', 20), s('人员状态', 10)], ...internalShared, updateCycle: 'realtime' },
  { key: 'legal', name: '法人基础信息', catalogKind: 'base', classCode: '102001', provider: '区市场监管局', abstract: '在本区登记的企业、个体工商户、机关事业单位和社会组织的基础信息。', format: 'database', items: [s('名称', 200), s('统一社会信用代码', 18), s('法人类型', 20), s('法定代表人', 50), s('注册地址', 200), s('登记状态', 10), s('行业代码', 5), d('成立日期')], ...internalShared, updateCycle: 'daily' },
  { key: 'places', name: '地理空间基础信息（标准地址）', catalogKind: 'base', classCode: '103001', provider: '区规划自然资源局', abstract: '全区标准地址（区—街镇—社区—路—号）及其坐标、所属单元网格。', format: 'geo', items: [s('标准地址', 200), n('经度'), n('纬度'), s('单元网格编码', 15), s('所属街镇', 50)], ...internalShared, updateCycle: 'monthly' },
  { key: 'credit', name: '社会信用基础信息', catalogKind: 'base', classCode: '104001', provider: '区发展改革委', abstract: '法人和自然人的行政许可、行政处罚、守信激励与失信惩戒信息。', format: 'database', items: [s('主体名称', 200), s('统一社会信用代码', 18), s('信用信息类别', 20), s('决定文书号', 60), d('决定日期')], ...internalShared, updateCycle: 'daily' },
  { key: 'licences', name: '电子证照基础信息', catalogKind: 'base', classCode: '105001', provider: '区大数据发展局', abstract: '本区签发的电子证照目录及照面信息。', format: 'database', items: [s('证照名称', 100), s('证照编号', 60), s('持证主体', 200), s('持证主体代码', 18), d('签发日期'), d('有效期至')], ...internalShared, updateCycle: 'realtime' },
  // 主题信息资源
  { key: 'service-items', name: '政务服务事项目录', catalogKind: 'theme', classCode: '201001', provider: '区行政服务中心', abstract: '区级政务服务事项的名称、编码、实施主体、办理时限和办理地点。', format: 'database', items: [s('事项编码', 20), s('事项名称', 100), s('事项类型', 20), s('实施主体', 100), i('承诺时限（工作日）'), s('办理地点', 200)], ...open, updateCycle: 'weekly' },
  { key: 'ratings', name: '政务服务好差评统计', catalogKind: 'theme', classCode: '201002', provider: '区行政服务中心', abstract: '按月、按部门统计的政务服务评价数量及满意率。', format: 'spreadsheet', items: [s('统计月份', 7), s('部门', 50), i('评价总数'), i('差评数'), n('满意率')], ...open, updateCycle: 'monthly' },
  { key: 'toilets', name: '公共厕所分布信息', catalogKind: 'theme', classCode: '202002', provider: '区城市管理局', abstract: '城区公共厕所的位置、类别、开放时间和无障碍设施情况。', format: 'geo', items: [s('名称', 100), s('地址', 200), s('类别', 20), s('开放时间', 30), s('无障碍设施', 2), n('经度'), n('纬度')], ...open, updateCycle: 'quarterly' },
  { key: 'parts', name: '城市管理部件信息', catalogKind: 'theme', classCode: '202001', provider: '区城市管理局', abstract: '井盖、路灯、果皮箱等城市部件的普查信息（按 GB/T 30428）。', format: 'geo', items: [s('部件编码', 20), s('部件类别', 30), s('主管部门', 50), s('状态', 10), n('经度'), n('纬度')], ...internalShared, updateCycle: 'monthly' },
  { key: 'parking', name: '停车场信息', catalogKind: 'theme', classCode: '203001', provider: '区交通局', abstract: '公共停车场名称、地址、泊位数、收费标准及实时空余泊位。', format: 'api', items: [s('停车场名称', 100), s('地址', 200), i('总泊位'), i('空余泊位'), s('收费标准', 200), n('经度'), n('纬度')], ...open, updateCycle: 'realtime' },
  { key: 'bus', name: '公交线路信息', catalogKind: 'theme', classCode: '203002', provider: '区交通局', abstract: '城区公交线路的起讫站、首末班时间、票价和线路长度。', format: 'spreadsheet', items: [s('线路', 20), s('起点站', 50), s('终点站', 50), s('首班时间', 5), s('末班时间', 5), n('票价（元）'), n('线路长度（公里）')], ...open, updateCycle: 'monthly' },
  { key: 'charging', name: '新能源汽车充电桩分布', catalogKind: 'theme', classCode: '203003', provider: '区经济信息委', abstract: '公共充电站位置、运营单位和快慢充桩数量。', format: 'geo', items: [s('充电站名称', 100), s('运营单位', 100), i('快充桩'), i('慢充桩'), n('经度'), n('纬度')], ...open, updateCycle: 'monthly' },
  { key: 'medical', name: '医疗机构名录', catalogKind: 'theme', classCode: '204001', provider: '区卫生健康委', abstract: '全区医疗卫生机构的名称、类别、等级、地址和联系电话。', format: 'spreadsheet', items: [s('机构名称', 100), s('机构类别', 30), s('等级', 10), s('地址', 200), s('联系电话', 20), i('床位数')], ...open, updateCycle: 'quarterly' },
  { key: 'schools', name: '学校名录', catalogKind: 'theme', classCode: '205001', provider: '区教委', abstract: '全区中小学、幼儿园的名称、办学性质、学段和地址。', format: 'spreadsheet', items: [s('学校名称', 100), s('学段', 20), s('办学性质', 10), s('地址', 200), s('所属街镇', 50), i('班级数')], ...open, updateCycle: 'yearly' },
  { key: 'scenic', name: 'A级旅游景区信息', catalogKind: 'theme', classCode: '206001', provider: '区文化旅游委', abstract: '全区 A 级旅游景区的名称、等级、开放时间和门票价格。', format: 'file', items: [s('景区名称', 100), s('等级', 5), s('地址', 200), s('开放时间', 50), s('门票', 50)], ...open, updateCycle: 'yearly' },
  { key: 'air', name: '空气质量日报', catalogKind: 'theme', classCode: '207001', provider: '区生态环境局', abstract: '城区空气自动监测站每日空气质量指数及首要污染物。', format: 'spreadsheet', items: [d('日期'), s('监测站', 50), i('AQI'), s('质量等级', 10), s('首要污染物', 20), i('PM2.5')], ...open, updateCycle: 'daily' },
  { key: 'enterprises', name: '企业登记注册信息（公示）', catalogKind: 'theme', classCode: '208001', provider: '区市场监管局', abstract: '企业名称、统一社会信用代码、类型、成立日期和登记状态等公示信息。', format: 'database', items: [s('企业名称', 200), s('统一社会信用代码', 18), s('企业类型', 50), d('成立日期'), s('登记状态', 10), s('行业', 50)], shareType: 'unconditional', shareMethods: ['api', 'table'], openType: 'conditional', openCondition: '经实名认证并签署开放协议，仅用于研究和合法经营分析，不得用于营销推送。', classification: 'public', updateCycle: 'daily' },
  { key: 'elderly', name: '养老服务机构名录', catalogKind: 'theme', classCode: '209001', provider: '区民政局', abstract: '养老院、社区养老服务站的名称、性质、床位和地址。', format: 'spreadsheet', items: [s('机构名称', 100), s('机构性质', 20), i('床位数'), s('地址', 200), s('联系电话', 20)], ...open, updateCycle: 'quarterly' },
  { key: 'shelters', name: '应急避难场所', catalogKind: 'theme', classCode: '210001', provider: '区应急管理局', abstract: '应急避难场所的位置、类型、面积和可容纳人数。', format: 'geo', items: [s('场所名称', 100), s('类型', 20), n('面积（平方米）'), i('可容纳人数'), n('经度'), n('纬度')], ...open, updateCycle: 'yearly' },
  { key: 'rivers', name: '河长制河段信息', catalogKind: 'theme', classCode: '211001', provider: '区水利局', abstract: '区级、镇级河段的名称、长度、起止点和河长。', format: 'spreadsheet', items: [s('河段名称', 100), n('长度（公里）'), s('起点', 100), s('终点', 100), s('河长职务', 50)], ...open, updateCycle: 'yearly' },
  // 部门信息资源
  { key: 'subsistence', name: '最低生活保障对象信息', catalogKind: 'department', classCode: '301001', provider: '区民政局', abstract: '城乡低保对象的家庭成员、保障金额和保障期限。', format: 'database', items: [s('户主姓名', 50), s('公民身份号码', 18), i('保障人数'), n('月保障金额（元）'), d('保障起始日期')], shareType: 'conditional', shareCondition: '仅向承担社会救助资格核查职责的部门提供，用于核查。', shareBasis: '《社会救助暂行办法》第五十九条、第六十条', shareMethods: ['api'], openType: 'none', classification: 'internal', updateCycle: 'monthly' },
  { key: 'realestate', name: '不动产登记信息', catalogKind: 'department', classCode: '302001', provider: '区规划自然资源局', abstract: '不动产权利人、坐落、面积、用途和权利状态。', format: 'database', items: [s('不动产单元号', 28), s('权利人', 100), s('坐落', 200), n('面积（平方米）'), s('用途', 20), s('权利状态', 10)], shareType: 'conditional', shareCondition: '依法履行职责需要时，经申请核准后按字段提供。', shareBasis: '《不动产登记暂行条例》第二十七条', shareMethods: ['api'], openType: 'none', classification: 'internal', updateCycle: 'daily' },
  { key: 'social-insurance', name: '社会保险参保信息', catalogKind: 'department', classCode: '303001', provider: '区人力社保局', abstract: '养老、工伤、失业保险的参保人、参保状态和缴费基数。', format: 'database', items: [s('姓名', 50), s('公民身份号码', 18), s('险种', 20), s('参保状态', 10), n('缴费基数')], shareType: 'conditional', shareCondition: '用于政务服务办理中的参保状态核验。', shareBasis: '《中华人民共和国社会保险法》第八十一条', shareMethods: ['api'], openType: 'none', classification: 'internal', updateCycle: 'daily' },
  { key: 'medical-insurance', name: '医疗保障参保与结算信息', catalogKind: 'department', classCode: '304001', provider: '区医保局', abstract: '基本医疗保险参保及住院结算信息。', format: 'database', items: [s('姓名', 50), s('公民身份号码', 18), s('参保类型', 20), n('统筹支付金额'), d('结算日期')], shareType: 'conditional', shareCondition: '用于医疗救助和困难群众认定。', shareBasis: '《医疗保障基金使用监督管理条例》第二十五条', shareMethods: ['api'], openType: 'none', classification: 'internal', updateCycle: 'daily' },
  { key: 'hotline', name: '12345 热线工单信息', catalogKind: 'department', classCode: '305001', provider: '区政府办公室', abstract: '市民热线诉求工单的分类、承办单位、办理状态和满意度。', format: 'database', items: [s('工单编号', 20), s('诉求类别', 30), s('承办单位', 50), s('办理状态', 10), d('受理日期')], ...internalShared, updateCycle: 'realtime' },
  { key: 'city-cases', name: '数字城管案件信息', catalogKind: 'department', classCode: '306001', provider: '区城市管理局', abstract: '城市管理问题的上报、立案、派遣、处置和结案全过程信息。', format: 'database', items: [s('案件编号', 20), s('案件类别', 30), s('所在网格', 15), s('处置单位', 50), s('状态', 10), d('上报日期')], ...internalShared, updateCycle: 'realtime' },
  { key: 'permits', name: '建设工程施工许可信息', catalogKind: 'department', classCode: '307001', provider: '区住房城乡建委', abstract: '施工许可证号、项目名称、建设单位、合同价格和发证日期。', format: 'database', items: [s('施工许可证号', 30), s('项目名称', 200), s('建设单位', 200), n('合同价格（万元）'), d('发证日期')], ...open, updateCycle: 'weekly' },
  { key: 'penalties', name: '行政处罚决定信息（双公示）', catalogKind: 'department', classCode: '308001', provider: '区市场监管局', abstract: '行政处罚决定书文号、被处罚主体、违法事实和处罚内容。', format: 'database', items: [s('决定书文号', 60), s('被处罚主体', 200), s('统一社会信用代码', 18), s('处罚类别', 30), n('罚没金额（元）'), d('处罚日期')], ...open, updateCycle: 'weekly' },
  { key: 'petitions', name: '信访事项信息', catalogKind: 'department', classCode: '309001', provider: '区信访办', abstract: '信访事项的登记、交办、办理和答复信息。', format: 'database', items: [s('信访件编号', 20), s('信访人', 50), s('事项类别', 30), s('责任单位', 50), s('办理状态', 10)], shareType: 'none', shareBasis: '《信访工作条例》第四十四条（保护信访人隐私，不得泄露）', shareMethods: [], openType: 'none', classification: 'internal', updateCycle: 'realtime' },
  { key: 'budget', name: '财政预决算公开数据', catalogKind: 'department', classCode: '310001', provider: '区财政局', abstract: '区级一般公共预算收支预决算（按功能分类）。', format: 'spreadsheet', items: [s('年度', 4), s('科目', 100), n('预算数（万元）'), n('决算数（万元）')], ...open, updateCycle: 'yearly' },
  { key: 'land', name: '农村土地承包经营权信息', catalogKind: 'department', classCode: '312001', provider: '区农业农村委', abstract: '承包方、承包地块、面积和合同期限。', format: 'database', items: [s('承包方', 50), s('地块编码', 19), n('面积（亩）'), d('合同起始'), d('合同终止')], shareType: 'conditional', shareCondition: '用于农业补贴发放核验。', shareBasis: '《农村土地承包法》第二十四条', shareMethods: ['table'], openType: 'none', classification: 'internal', updateCycle: 'yearly', draft: true },
  { key: 'statistics', name: '统计年鉴主要指标', catalogKind: 'department', classCode: '314001', provider: '区统计局', abstract: '地区生产总值、常住人口、城乡居民收入等年度主要指标。', format: 'spreadsheet', items: [s('年度', 4), s('指标', 100), n('数值'), s('单位', 20)], ...open, updateCycle: 'yearly' },
];
