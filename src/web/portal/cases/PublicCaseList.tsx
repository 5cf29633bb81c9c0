import { List, Typography } from 'antd';
import type { PublicCase } from '../../api/cases';
import { StateTag } from '../../cases/StateTag';
import { useI18n } from '../../i18n';

const SHOWN = 50;

/** The map's cases as text (also for screen readers): class, state, day — nothing personal. */
export function PublicCaseList({ items }: { items: PublicCase[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('cases.portal.recent', { count: items.length })}</Typography.Text>}
      dataSource={items.slice(0, SHOWN)}
      locale={{ emptyText: t('cases.portal.noRecent') }}
      renderItem={(c) => (
        <List.Item data-testid={`public-case-${c.caseNo}`}>
          <span>
            {c.className} <Typography.Text type="secondary">{c.caseNo}</Typography.Text>
          </span>
          <span>
            <StateTag state={c.status} testId={`public-case-state-${c.caseNo}`} /> {c.reportedOn}
          </span>
        </List.Item>
      )}
      data-testid="public-case-list"
    />
  );
}
