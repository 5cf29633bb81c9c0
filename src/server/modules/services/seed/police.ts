import { certs, common, complaints, duties, hall, hours, idCard, material, steps, type SeedItem } from './helpers';

const police = common({ department: '区公安局', hours, enquiryPhone: '023-49868810', complaintPhone: complaints, handlingKind: null, feeFen: 0, feeBasis: '不收费', targetUsers: ['natural'], topics: ['public-security'] });

const birthHukou: SeedItem = {
  ...police,
  code: '070000100000',
  name: '出生登记',
  type: 'confirmation',
  implementer: '区公安局各派出所户籍窗口',
  implementingOrg: null,
  level: 'town',
  place: '新生儿常住地派出所户籍窗口',
  legalBasis: '《中华人民共和国户口登记条例》第七条：婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。',
  conditions: '新生儿随父或者随母在本区申报常住户口。',
  resultName: '居民户口簿（新生儿登记）',
  steps: steps(['申报', null, '父母一方持材料申报'], ['审核并登记', 0, '当场登记']),
  statutoryDays: null,
  promisedDays: 0,
  instant: true,
  visits: 1,
  onlineDepth: 3,
  online: false,
  lifeEvents: ['birth'],
  keywords: ['上户口', '新生儿落户', '报户口'],
  materials: [material('出生医学证明', { ...certs.birthCertificate }), idCard('父母双方身份证件'), material('居民户口簿', { ...certs.householdRegister }), material('结婚证', { required: false, ...certs.marriageCertificate })],
  responsibility: duties('benefit'),
};

const noRecord: SeedItem = {
  ...police,
  code: '200000400000',
  name: '无犯罪记录证明开具',
  type: 'public_service',
  implementer: '区公安局',
  implementingOrg: '区公安局',
  level: 'district',
  place: `${hall} 一楼 公安综合窗口`,
  legalBasis: '《公安机关办理犯罪记录查询工作规定》（公通字〔2021〕19号）第二条、第八条。',
  conditions: '本区户籍人员或者在本区居住的人员，因就业、入学等需要查询本人有无犯罪记录。',
  resultName: '无犯罪记录证明',
  steps: steps(['申请', null, '网上或窗口申请'], ['查询出具', 3, '查询犯罪人员信息库后出具证明']),
  statutoryDays: null,
  promisedDays: 3,
  instant: false,
  visits: 0,
  onlineDepth: 4,
  online: true,
  lifeEvents: ['employment'],
  keywords: ['无犯罪证明', '犯罪记录查询', '良民证'],
  materials: [idCard('本人身份证件')],
  responsibility: null,
};

export const policeItems: SeedItem[] = [birthHukou, noRecord];
