import { complaints, duties, hall, hours, idCard, material, steps, type SeedItem } from './helpers';

/** 区交通局 */
const freight: SeedItem = {
  department: '区交通局',
  implementer: '区交通局',
  implementingOrg: '区交通局',
  level: 'district',
  place: `${hall} 二楼 交通运输窗口`,
  hours,
  enquiryPhone: '023-49869920',
  complaintPhone: complaints,
  handlingKind: null,
  feeFen: 0,
  feeBasis: '不收费',
  code: '010001100000',
  name: '道路货物运输经营许可',
  type: 'licensing',
  legalBasis: '《中华人民共和国道路运输条例》第二十一条、第二十四条：申请从事货运经营的，应当依法向市场监督管理部门办理有关登记手续后，向县级人民政府交通运输主管部门提出申请。使用总质量 4500 千克及以下普通货运车辆从事普通货运经营的，无需申请。',
  targetUsers: ['natural', 'legal'],
  conditions: '有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。',
  resultName: '道路运输经营许可证',
  steps: steps(['受理', 1, '网上申报'], ['审查', 3, '审查车辆和驾驶人员条件'], ['决定发证', 1, '核发许可证']),
  statutoryDays: 20,
  promisedDays: 5,
  instant: false,
  visits: 0,
  onlineDepth: 4,
  online: true,
  lifeEvents: ['start-business', 'transport'],
  topics: ['transport'],
  keywords: ['货运', '运输证', '道路运输经营许可证', '物流'],
  materials: [material('道路货物运输经营申请表', { form: 'electronic', copies: 0 }), idCard('负责人身份证件'), material('拟投入车辆承诺书'), material('驾驶人员从业资格证', { sharedSource: '全国道路运输从业人员信息系统' }), material('安全生产管理制度文本')],
  responsibility: duties('licensing'),
};

export const transportItems: SeedItem[] = [freight];
