import { common, complaints, duties, hall, hours, licenceFree, material, steps, type SeedItem } from './helpers';

const city = common({ department: '区城市管理局', implementer: '区城市管理局', implementingOrg: '区城市管理局', level: 'district', place: `${hall} 二楼 城市管理综合窗口`, hours, enquiryPhone: '023-49863312', complaintPhone: complaints, handlingKind: null, feeFen: 0, feeBasis: '不收费', targetUsers: ['natural', 'legal'], instant: false, online: true, visits: 0, onlineDepth: 4, topics: ['city-management'], type: 'licensing', responsibility: duties('licensing') });

const advert: SeedItem = {
  ...city,
  code: '010000600000',
  name: '户外广告设置许可',
  legalBasis: '《城市市容和环境卫生管理条例》第十一条：大型户外广告的设置必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定办理审批手续。《重庆市市容环境卫生管理条例》。',
  conditions: '设置地点符合户外广告设置规划；广告设施的结构、安全符合技术规范；不影响市容市貌和交通安全。',
  resultName: '户外广告设置许可决定书',
  steps: steps(['受理', 1, '网上申报，材料齐全的即时受理'], ['审查', 3, '审查设置方案，必要时现场踏勘'], ['决定', 1, '作出许可决定']),
  statutoryDays: 20,
  promisedDays: 5,
  lifeEvents: ['open-restaurant', 'start-business'],
  keywords: ['招牌', '店招', '广告牌', '门头', '设置大型户外广告'],
  materials: [material('户外广告设置申请表', { form: 'electronic', copies: 0 }), licenceFree('营业执照'), material('设置位置的场地使用证明'), material('广告设施设计效果图及结构安全说明')],
};

const road: SeedItem = {
  ...city,
  code: '010000700000',
  name: '城市道路占用挖掘许可',
  legalBasis: '《城市道路管理条例》第二十九条、第三十条、第三十一条：因特殊情况需要临时占用城市道路的，须经市政工程行政主管部门和公安交通管理部门批准；因工程建设需要挖掘城市道路的，应当持城市规划部门批准签发的文件和有关设计文件，经批准后方可按照规定挖掘。',
  conditions: '占用、挖掘城市道路确因特殊情况或者工程建设需要，有施工方案、交通组织方案和安全保障措施，按规定缴纳占道费或者修复费。',
  resultName: '城市道路占用（挖掘）许可决定书',
  steps: steps(['受理', 1, '网上申报'], ['会同公安交管审查', 3, '现场踏勘，联合审查'], ['决定', 1, '作出许可决定']),
  statutoryDays: 20,
  promisedDays: 5,
  lifeEvents: [],
  keywords: ['占道', '挖路', '开挖', '道路开挖', '临时占道'],
  materials: [material('城市道路占用挖掘申请表', { form: 'electronic', copies: 0 }), material('施工方案及交通组织方案'), material('安全保障措施承诺书')],
};
road.children = [
  { ...road, code: '010000700100', name: '临时占用城市道路许可', keywords: ['占道', '临时占道', '占道经营'], children: [] },
  { ...road, code: '010000700200', name: '挖掘城市道路许可', keywords: ['挖路', '开挖', '道路开挖'], children: [] },
];

const debris: SeedItem = {
  ...city,
  code: '010000800000',
  name: '城市建筑垃圾处置核准',
  legalBasis: '《国务院对确需保留的行政审批项目设定行政许可的决定》第101项；《城市建筑垃圾管理规定》（建设部令第139号）第七条：处置建筑垃圾的单位，应当向城市人民政府市容环境卫生主管部门提出申请，获得城市建筑垃圾处置核准后，方可处置。',
  conditions: '有建筑垃圾分类处置方案和资源化利用方案，有消纳场所的证明，运输车辆具备全密闭运输机械装置或密闭苫盖装置。',
  resultName: '城市建筑垃圾处置核准决定书',
  steps: steps(['受理', 1, '网上申报'], ['审查决定', 2, '审查处置方案，作出决定']),
  statutoryDays: 20,
  promisedDays: 3,
  lifeEvents: ['build-house'],
  topics: ['city-management', 'construction'],
  keywords: ['渣土', '建渣', '装修垃圾', '弃土'],
  materials: [material('建筑垃圾处置核准申请表', { form: 'electronic', copies: 0 }), material('建筑垃圾处置方案'), material('消纳场所证明'), material('运输单位及车辆信息')],
};

const roadPenalty: SeedItem = {
  ...city,
  code: '020000100000',
  name: '对擅自占用、挖掘城市道路的行政处罚',
  type: 'penalty',
  legalBasis: '《城市道路管理条例》第四十二条：未经批准，擅自占用或者挖掘城市道路的，由市政工程行政主管部门或者其他有关部门责令限期改正，可以处以 2 万元以下的罚款。',
  conditions: '依职权实施，不需申请。',
  resultName: '行政处罚决定书',
  steps: [],
  statutoryDays: null,
  promisedDays: 0,
  instant: true,
  online: false,
  visits: 1,
  onlineDepth: 1,
  lifeEvents: [],
  keywords: ['占道处罚', '罚款'],
  materials: [],
  responsibility: duties('penalty'),
};

export const cityItems: SeedItem[] = [advert, road, debris, roadPenalty];
