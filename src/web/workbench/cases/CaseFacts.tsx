import { Descriptions, Tag } from 'antd';
import type { CaseDetail } from '../../api/cases';
import { StateTag } from '../../cases/StateTag';
import { formatDateTime } from '../../format';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n, type MessageKey } from '../../i18n';

const SOURCES = ['inspector', 'citizen', 'hotline', 'sensor', 'leader', 'open311'];

/** 案件信息: class with its filing and closure conditions, description, place and grid, times. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { lang, t } = useI18n();
  const orgs = useOrgs();
  const orgName = (id: string | null) => (id ? (orgs.data?.find((o) => o.id === id)?.name ?? '…') : '—');
  const when = (v: string | null) => (v ? formatDateTime(v, lang) : '—');
  const kind = detail.class.kind === 'event' ? t('cases.kind.event') : t('cases.kind.component');
  return (
    <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered data-testid="case-facts">
      <Descriptions.Item label={t('cases.caseNo')}>
        <span data-testid="case-no">{detail.caseNo}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.status')}>
        <StateTag state={detail.status} testId="case-state" />
        {detail.urgent && <Tag color="red">{t('cases.urgent')}</Tag>}
        {detail.hung && <Tag>{t('cases.hung')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.class')} span={2}>
        <span data-testid="case-class">
          {kind} · {detail.class.majorName} · {detail.class.name}（{detail.class.code}）
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.filingCondition')} span={2}>
        <span data-testid="case-filing">{detail.class.filingCondition}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.closureCondition')} span={2}>
        <span data-testid="case-closure">{detail.class.closureCondition}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.description')} span={2}>
        <span data-testid="case-description">{detail.description}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.address')}>{detail.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('cases.coords')}>
        {detail.lng.toFixed(6)}, {detail.lat.toFixed(6)}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.unitGrid')}>
        <span data-testid="case-grid">{detail.unitGridCode ?? t('cases.noGrid')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.source')}>{SOURCES.includes(detail.source) ? t(`cases.source.${detail.source}` as MessageKey) : detail.source}</Descriptions.Item>
      <Descriptions.Item label={t('cases.department')}>
        <span data-testid="case-department">{orgName(detail.departmentOrgId)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.reworkCount')}>{detail.reworkCount}</Descriptions.Item>
      <Descriptions.Item label={t('cases.reportedAt')}>{when(detail.reportedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.filedAt')}>{when(detail.filedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.dispatchedAt')}>{when(detail.dispatchedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.handledAt')}>{when(detail.handledAt)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.closedAt')}>{when(detail.closedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.rating')}>{detail.rating ? '★'.repeat(detail.rating) : '—'}</Descriptions.Item>
    </Descriptions>
  );
}
