import type { ItemFields } from '../schemas/input';
import { handlingKinds, type HandlingKind, type ItemType } from '../vocab';

type Material = ItemFields['materials'][number];
type Responsibility = NonNullable<ItemFields['responsibility']>;

/** A demo item: the elements of ItemFields with organisations by name; children inherit and override. */
export interface SeedItem extends Omit<ItemFields, 'competentOrgId' | 'implementingOrgId' | 'responsibility'> {
  code: string;
  type: ItemType;
  department: string;
  implementingOrg: string | null;
  handlingKind: HandlingKind | null;
  responsibility?: Responsibility | null;
  children?: SeedItem[];
}

export const hall = '永川区政务服务中心';
export const hours = '周一至周五 9:00—12:00，13:30—17:30（法定节假日除外）';
export const townCentre = '各镇人民政府、街道办事处便民服务中心';
export const villageStation = '各村（社区）便民服务站';
/** The district's 12345 government service hotline takes complaints about every item. */
export const complaints = '12345';

/** A material: required, one copy, paper or electronic, unless told otherwise. */
export function material(name: string, extra: Partial<Material> = {}): Material {
  return { name, required: true, copies: 1, form: 'either', note: '', sampleFileId: null, sharedSource: null, certTypeCode: null, certName: null, ...extra };
}

/** Electronic certificates that replace a paper one (type code: issuer's credit code + serial; illustrative). */
export const certs = {
  idCard: { certTypeCode: '11100000000013127D001', certName: '居民身份证' },
  businessLicence: { certTypeCode: '11100000MB0143028K001', certName: '营业执照' },
  householdRegister: { certTypeCode: '11100000000013127D002', certName: '居民户口簿' },
  planningPermit: { certTypeCode: '11100000MB1616584D003', certName: '建设工程规划许可证' },
  birthCertificate: { certTypeCode: '11100000MB0117236D001', certName: '出生医学证明' },
  marriageCertificate: { certTypeCode: '11100000000014016B001', certName: '结婚证' },
} as const;

/** A business licence, not needed where the electronic one exists. */
export const licenceFree = (name: string) => material(name, { ...certs.businessLicence, note: '已领取电子营业执照的免提交' });

export const idCard = (name = '申请人有效身份证件') => material(name, { ...certs.idCard, note: '现场核验原件' });

const stages: Record<'licensing' | 'benefit' | 'penalty' | 'inspection', Array<[string, string]>> = {
  licensing: [
    ['受理责任', '公示应当提交的材料，一次性告知补正材料；依法受理或者不予受理（不予受理的应当告知理由）。'],
    ['审查责任', '对申请材料进行审查，提出审查意见；需要现场核查的，指派两名以上工作人员进行核查。'],
    ['决定责任', '作出准予或者不予许可的决定；不予许可的，书面说明理由并告知申请人享有依法申请行政复议或者提起行政诉讼的权利。'],
    ['送达责任', '准予许可的，制作并送达许可证件，信息公开。'],
    ['事后监管责任', '建立实施监督检查的运行机制和管理制度，开展定期和不定期检查，依法采取相关处置措施。'],
  ],
  benefit: [
    ['受理责任', '公示办理条件和材料，一次性告知补正材料，依法受理或者不予受理。'],
    ['审查责任', '对申请材料进行审核，组织入户调查、信息核对或者公示。'],
    ['决定责任', '作出准予或者不予的决定，不予的书面说明理由。'],
    ['送达责任', '按规定发放待遇或者出具结果，并公开相关信息。'],
    ['事后监管责任', '开展动态管理和定期复核，发现不符合条件的依法停止并追回。'],
  ],
  penalty: [
    ['立案责任', '对发现或者举报的违法行为予以审查，决定是否立案。'],
    ['调查责任', '两名以上执法人员调查取证，出示执法证件，听取当事人陈述申辩。'],
    ['审查责任', '审查案件事实、证据、程序、法律适用和处罚种类幅度。'],
    ['告知责任', '作出处罚决定前告知当事人拟处罚的事实、理由、依据及依法享有的陈述、申辩和要求听证的权利。'],
    ['决定责任', '依法作出处罚决定，制作行政处罚决定书。'],
    ['送达及执行责任', '依法送达处罚决定书，监督当事人履行，依法申请强制执行。'],
  ],
  inspection: [
    ['检查责任', '制定检查计划，两名以上执法人员实施检查，出示执法证件，如实记录检查情况。'],
    ['处置责任', '对检查中发现的问题依法责令整改或者移交立案查处。'],
    ['信息公开责任', '依法公开检查结果。'],
  ],
};

const accountability: Record<keyof typeof stages, string> = {
  licensing: '因不履行或者不正确履行行政职责，有下列情形之一的，行政机关及其工作人员应当承担相应责任：1. 对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的；2. 对不符合法定条件的申请人准予许可或者超越法定职权作出准予决定的；3. 未一次性告知申请人必须补正的全部内容的；4. 擅自收费或者不按照法定项目和标准收费的；5. 索取或者收受他人财物、谋取其他利益的；6. 其他违反法律法规规章规定的行为。',
  benefit: '有下列情形之一的，依法追究相关人员责任：1. 对符合条件的申请不予受理或者不予批准的；2. 对不符合条件的申请人批准给予的；3. 截留、挤占、挪用、私分资金物资的；4. 泄露申请人个人信息的；5. 滥用职权、玩忽职守、徇私舞弊的。',
  penalty: '有下列情形之一的，依法追究相关人员责任：1. 没有法定依据或者擅自改变处罚种类、幅度的；2. 违反法定程序实施处罚的；3. 不使用或者使用非法定罚没票据的；4. 截留、私分或者变相私分罚款的；5. 玩忽职守、滥用职权、徇私舞弊的。',
  inspection: '有下列情形之一的，依法追究相关人员责任：1. 对应当检查的不检查或者检查中发现问题不依法处理的；2. 违反规定程序实施检查的；3. 利用检查谋取不正当利益的；4. 泄露检查中知悉的商业秘密的。',
};

/** The responsibility list entry of a power, from the standard stages of its kind. */
export function duties(kind: keyof typeof stages): Responsibility {
  return { duties: stages[kind].map(([stage, content]) => ({ stage, content })), accountability: accountability[kind] };
}

/** A handling item (新设/变更/延续/注销) of `parent`: its elements, its code and name, and the changes. */
export function handling(parent: SeedItem, kind: HandlingKind, changes: Partial<SeedItem>): SeedItem {
  const { children: _children, ...rest } = parent;
  return { ...rest, code: parent.code.slice(0, 10) + handlingKinds[kind].code, name: `${parent.name}（${handlingKinds[kind].zh}）`, handlingKind: kind, ...changes };
}

/** Steps as [name, working days or null, what happens]. */
export const steps = (...list: Array<[string, number | null, string]>) => list.map(([name, days, description]) => ({ name, days, description }));

/** Elements shared by a department's items (literal types kept, arrays mutable). */
export const common = <T extends Partial<SeedItem>>(elements: T): T => elements;
