import { complaints, duties, hall, handling, hours, idCard, material, certs, steps, type SeedItem, common } from './helpers';

const department = '区市场监管局';
const window = `${hall} 一楼 市场准入综合窗口`;
const phone = '023-49861234';
const base = common({ department, implementer: department, implementingOrg: department, level: 'district', place: window, hours, enquiryPhone: phone, complaintPhone: complaints, handlingKind: null, feeFen: 0, feeBasis: '不收费' });

const food: SeedItem = {
  ...base,
  code: '010000100000',
  name: '食品经营许可',
  type: 'licensing',
  legalBasis: '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品销售和餐饮服务，应当依法取得许可。《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第四条、第十二条。',
  targetUsers: ['natural', 'legal'],
  conditions: '1. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离；2. 具有与经营的食品品种、数量相适应的经营设备或者设施；3. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；4. 具有合理的设备布局和工艺流程；5. 法律、法规规定的其他条件。',
  resultName: '食品经营许可证',
  steps: steps(['受理', 1, '窗口或网上申请，材料齐全、符合法定形式的当场受理'], ['审查', 2, '审查申请材料，必要时进行现场核查'], ['决定', 1, '作出准予或者不予许可的决定'], ['制证送达', 1, '制发食品经营许可证，可邮寄送达']),
  statutoryDays: 20,
  promisedDays: 5,
  instant: false,
  visits: 0,
  onlineDepth: 4,
  online: true,
  lifeEvents: ['open-restaurant', 'start-business'],
  topics: ['market-access'],
  keywords: ['餐饮', '饭店', '开餐馆', '小吃店', '食品店', '食品经营许可证', '餐饮服务许可'],
  materials: [
    material('食品经营许可申请书', { form: 'electronic', copies: 0, note: '网上填报或窗口领取' }),
    material('营业执照或者其他主体资格证明文件', { ...certs.businessLicence, note: '已领取电子营业执照的免提交' }),
    idCard('法定代表人（负责人）身份证明'),
    material('与食品经营相适应的主要设备设施、经营布局、操作流程等文件'),
    material('食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录'),
    material('委托代理人办理的授权委托书', { required: false, note: '委托他人办理时提供' }),
  ],
  responsibility: duties('licensing'),
};
food.children = [
  handling(food, 'new', {}),
  handling(food, 'change', {
    promisedDays: 3,
    steps: steps(['受理', 1, '材料齐全的当场受理'], ['审查决定', 1, '审查变更事项，作出决定'], ['换发证书', 1, '换发许可证，有效期不变']),
    materials: [material('食品经营许可变更申请书', { form: 'electronic', copies: 0 }), idCard('法定代表人（负责人）身份证明'), material('与变更食品经营许可事项有关的材料')],
  }),
  handling(food, 'renew', {
    conditions: '食品经营许可证有效期届满前 90 个工作日至 15 个工作日内提出延续申请，且仍符合许可条件。',
    materials: [material('食品经营许可延续申请书', { form: 'electronic', copies: 0 }), idCard('法定代表人（负责人）身份证明'), material('与延续食品经营许可事项有关的其他材料', { required: false })],
  }),
  handling(food, 'cancel', {
    conditions: '食品经营者终止食品经营，食品经营许可被撤回、撤销或者食品经营许可证被吊销的，应当在 30 个工作日内申请办理注销手续。',
    steps: steps(['受理并办结', 0, '材料齐全的当场办理注销']),
    promisedDays: 0,
    instant: true,
    materials: [material('食品经营许可注销申请书', { form: 'electronic', copies: 0 }), idCard('法定代表人（负责人）身份证明')],
  }),
];

const selfEmployed: SeedItem = {
  ...base,
  code: '010000200000',
  name: '个体工商户登记',
  type: 'licensing',
  legalBasis: '《中华人民共和国市场主体登记管理条例》第三条、第十九条；《促进个体工商户发展条例》第八条：个体工商户应当依法办理登记。',
  targetUsers: ['natural'],
  conditions: '有经营能力的自然人，有固定的经营场所，经营范围不属于法律、行政法规禁止的项目。',
  resultName: '营业执照（个体工商户）',
  steps: steps(['申请', null, '通过渝快办或窗口提交登记申请'], ['受理审查', 0, '材料齐全、符合法定形式的予以确认'], ['登记发照', 0, '当场登记，发放营业执照（可领取电子营业执照）']),
  statutoryDays: 3,
  promisedDays: 0,
  instant: true,
  visits: 0,
  onlineDepth: 4,
  online: true,
  lifeEvents: ['start-business', 'open-restaurant'],
  topics: ['market-access', 'employment'],
  keywords: ['营业执照', '开店', '个体户', '办执照', '工商登记'],
  materials: [
    material('个体工商户登记（备案）申请书', { form: 'electronic', copies: 0 }),
    idCard('经营者身份证明'),
    material('经营场所使用证明', { sharedSource: '不动产登记信息（自有房产免提交）', note: '租用场所提供租赁协议' }),
  ],
  responsibility: duties('licensing'),
};
selfEmployed.children = [
  handling(selfEmployed, 'new', { name: '个体工商户设立登记', keywords: [...selfEmployed.keywords, '设立登记'] }),
  handling(selfEmployed, 'change', { name: '个体工商户变更登记', materials: [material('个体工商户变更登记申请书', { form: 'electronic', copies: 0 }), idCard('经营者身份证明')] }),
  handling(selfEmployed, 'cancel', { name: '个体工商户注销登记', materials: [material('个体工商户注销登记申请书', { form: 'electronic', copies: 0 }), idCard('经营者身份证明')] }),
];

const equipment: SeedItem = {
  ...base,
  code: '010000300000',
  name: '特种设备使用登记',
  type: 'licensing',
  legalBasis: '《中华人民共和国特种设备安全法》第三十三条：特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内，向负责特种设备安全监督管理的部门办理使用登记。',
  targetUsers: ['legal'],
  conditions: '特种设备经监督检验合格，使用单位有相应的安全管理人员和作业人员。',
  resultName: '特种设备使用登记证',
  steps: steps(['受理', 1, '审查材料是否齐全'], ['审查', 2, '核对监督检验报告等'], ['发证', 1, '颁发使用登记证']),
  statutoryDays: 15,
  promisedDays: 5,
  instant: false,
  visits: 0,
  onlineDepth: 4,
  online: false,
  lifeEvents: [],
  topics: ['market-access'],
  keywords: ['电梯', '锅炉', '压力容器', '叉车'],
  materials: [material('特种设备使用登记表', { copies: 2 }), material('产品合格证'), material('监督检验证书')],
  responsibility: duties('licensing'),
};

const foodInspection: SeedItem = {
  ...base,
  code: '060000100000',
  name: '对食品经营者的监督检查',
  type: 'inspection',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条：县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责，有权进入生产经营场所实施现场检查。',
  targetUsers: ['natural', 'legal'],
  conditions: '依职权实施，不需申请。',
  resultName: '监督检查记录',
  steps: [],
  statutoryDays: null,
  promisedDays: 0,
  instant: true,
  visits: 1,
  onlineDepth: 1,
  online: false,
  lifeEvents: [],
  topics: ['market-access'],
  keywords: ['食品安全检查', '双随机'],
  materials: [],
  responsibility: duties('inspection'),
};

export const marketItems: SeedItem[] = [food, selfEmployed, equipment, foodInspection];
