import { certs, complaints, duties, hall, hours, idCard, material, steps, townCentre, villageStation, type SeedItem, common } from './helpers';

const civil = common({ department: '区民政局', implementer: '区民政局', implementingOrg: '区民政局', level: 'district', hours, enquiryPhone: '023-49865501', complaintPhone: complaints, handlingKind: null, feeFen: 0, feeBasis: '不收费', targetUsers: ['natural'] });

const subsistence: SeedItem = {
  ...civil,
  code: '050000100000',
  name: '最低生活保障审批',
  type: 'payment',
  place: `${hall} 三楼 社会救助窗口`,
  legalBasis: '《社会救助暂行办法》第九条、第十一条：申请最低生活保障，由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请；县级人民政府民政部门经审查，对符合条件的申请予以批准。《最低生活保障审核确认办法》（民发〔2021〕57号）。',
  conditions: '持有本区户籍，共同生活的家庭成员人均收入低于本区最低生活保障标准，且家庭财产状况符合规定。',
  resultName: '最低生活保障金发放',
  steps: steps(['镇街受理初审', null, '镇街受理并入户调查、信息核对'], ['民主评议与公示', null, '在村（社区）公示 7 天'], ['区民政局审批', 10, '审查镇街报送材料，作出审批决定']),
  statutoryDays: 30,
  promisedDays: 10,
  instant: false,
  visits: 1,
  onlineDepth: 3,
  online: false,
  lifeEvents: ['hardship'],
  topics: ['social-assistance'],
  keywords: ['低保', '困难补助', '救助', '最低生活保障金'],
  materials: [
    material('最低生活保障申请书', { note: '可由村（社区）代写代办' }),
    idCard('家庭成员身份证件'),
    material('居民户口簿', { ...certs.householdRegister }),
    material('家庭经济状况核对授权书'),
    material('家庭收入和财产状况说明'),
  ],
  responsibility: duties('benefit'),
};
subsistence.children = [
  {
    ...subsistence,
    code: '050000100100',
    name: '最低生活保障申请受理及初审',
    implementer: townCentre,
    implementingOrg: null,
    level: 'town',
    place: `${townCentre} 社会事务窗口`,
    steps: steps(['受理', 1, '材料齐全的当场受理'], ['入户调查', 10, '两名以上工作人员入户调查'], ['经济状况核对与评议', 9, '信息核对、民主评议，结果公示']),
    statutoryDays: 30,
    promisedDays: 20,
    children: [],
  },
];

const subsistenceAgency: SeedItem = {
  ...subsistence,
  code: '200000500000',
  name: '最低生活保障申请代办',
  type: 'public_service',
  implementer: '各村民委员会、社区居民委员会',
  implementingOrg: null,
  level: 'village',
  place: villageStation,
  legalBasis: '《社会救助暂行办法》第十一条：村民委员会、居民委员会协助做好有关工作。',
  conditions: '行动不便或者不熟悉办理流程的困难群众，可委托村（社区）代为申请。',
  resultName: '代办申请材料转交镇街',
  steps: steps(['代写代办', 0, '村（社区）工作人员帮助填写申请、收集材料并转交镇街']),
  statutoryDays: null,
  promisedDays: 0,
  instant: true,
  onlineDepth: 1,
  keywords: ['低保', '代办', '帮办'],
  responsibility: null,
  children: [],
};

const marriage: SeedItem = {
  ...civil,
  code: '070000200000',
  name: '内地居民结婚登记',
  type: 'confirmation',
  place: '永川区婚姻登记处',
  legalBasis: '《中华人民共和国民法典》第一千零四十九条：要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。《婚姻登记条例》第四条、第五条、第七条。',
  conditions: '男女双方完全自愿，男年满二十二周岁、女年满二十周岁，双方均无配偶，没有直系血亲和三代以内旁系血亲关系。',
  resultName: '结婚证',
  steps: steps(['预约', null, '渝快办或电话预约'], ['审查并登记', 0, '双方亲自到场，当场审查、登记、颁证']),
  statutoryDays: null,
  promisedDays: 0,
  instant: true,
  visits: 1,
  onlineDepth: 2,
  online: false,
  lifeEvents: ['marriage'],
  topics: ['civil-affairs'],
  keywords: ['结婚', '领证', '结婚证', '婚姻登记'],
  materials: [
    idCard('双方本人有效身份证件'),
    material('双方本人户口簿', { ...certs.householdRegister, note: '全国通办试点地区可免提交' }),
    material('双方近期半身免冠合影照片', { copies: 3, form: 'paper' }),
    material('本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', { form: 'paper', note: '现场签署' }),
  ],
  responsibility: duties('benefit'),
};

export const socialItems: SeedItem[] = [subsistence, subsistenceAgency, marriage];
