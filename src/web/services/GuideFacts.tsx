import { Descriptions } from 'antd';
import type { Guide } from '../api/services';
import { useI18n } from '../i18n';
import { daysText, depthLabel, feeText, levelLabel, targetLabel, typeLabel } from './labels';

const columns = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };

/** 时限、收费、地点、电话、跑动次数、网办深度: what a person needs before going. */
export function HandlingFacts({ guide: g }: { guide: Guide }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={columns} bordered className="services-facts" data-testid="guide-limits">
      <Descriptions.Item label={t('services.guide.statutory')}>
        <span data-testid="guide-statutory">{daysText(t, g.statutoryDays)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.promised')}>
        <span data-testid="guide-promised">{g.instant ? t('services.guide.instantItem') : `${daysText(t, g.promisedDays)}（${t('services.guide.promisedItem')}）`}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.fee')}>
        <span data-testid="guide-fee">{feeText(t, g.fee.fen)}</span>
        {g.fee.fen > 0 && g.fee.basis ? `（${g.fee.basis}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.visits')}>{t('services.guide.visitsN', { n: g.visits })}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.place')}>
        <span data-testid="guide-place">{g.place}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.hours')}>{g.hours}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.enquiry')}>
        <a href={`tel:${g.enquiryPhone}`} data-testid="guide-enquiry">
          {g.enquiryPhone}
        </a>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.complaint')}>
        <a href={`tel:${g.complaintPhone}`}>{g.complaintPhone}</a>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.depth')}>{depthLabel(t, g.onlineDepth)}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.result')}>{g.resultName || t('services.guide.none')}</Descriptions.Item>
    </Descriptions>
  );
}

/** The basic elements: codes, type, level, department, implementer, who it is for, legal basis. */
export function BasicFacts({ guide: g }: { guide: Guide }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={columns} bordered className="services-facts" data-testid="guide-basic">
      <Descriptions.Item label={t('services.guide.code')}>{g.code}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.implementationCode')}>
        <span className="services-code">{g.implementationCode}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.type')}>{typeLabel(t, g.type)}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.level')}>{levelLabel(t, g.level)}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.department')}>
        <span data-testid="guide-department">{g.department.name}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('services.guide.implementer')}>{g.implementer.name}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.targetUsers')}>{g.targetUsers.map((u) => targetLabel(t, u)).join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('services.guide.legalBasis')} span="filled">
        <span className="services-text" data-testid="guide-legal-basis">
          {g.legalBasis}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}
