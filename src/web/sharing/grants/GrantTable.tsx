import { Button, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import type { Grant, GrantRole } from '../api';
import { GrantStatusTag, itemList } from '../labels';

interface Props {
  role: GrantRole;
  grants: Grant[];
  /** the provider's 撤销; absent for the consumer */
  onRevoke?: (grant: Grant) => void;
}

/** Grants as a table: the other party by role, the items, the period, the status (and why it was revoked). */
export function GrantTable({ role, grants, onRevoke }: Props) {
  const { t } = useI18n();
  return (
    <Table<Grant>
      rowKey="id"
      size="small"
      dataSource={grants}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: true }}
      data-testid={`sharing-grants-${role}`}
      columns={[
        { key: 'resource', title: t('sharing.common.resource'), render: (_, g) => g.resource.name },
        role === 'consumer'
          ? { key: 'provider', title: t('sharing.common.provider'), dataIndex: 'providerName' }
          : { key: 'consumer', title: t('sharing.common.consumer'), dataIndex: 'consumerName' },
        { key: 'system', title: t('sharing.common.system'), render: (_, g) => g.system.name },
        { key: 'items', title: t('sharing.common.items'), render: (_, g) => <span className="sharing-items">{itemList(g.fields)}</span> },
        { key: 'valid', title: t('sharing.grants.valid'), render: (_, g) => `${g.validFrom} ~ ${g.validUntil}` },
        {
          key: 'status',
          title: t('sharing.common.status'),
          render: (_, g) => (
            <>
              <GrantStatusTag status={g.status} />
              {g.revokedReason && <Typography.Text type="secondary">{t('sharing.grants.revokedReason', { reason: g.revokedReason })}</Typography.Text>}
            </>
          ),
        },
        {
          key: 'act',
          title: '',
          render: (_, g) => (
            <>
              {g.requestId && <Link to={`/work/sharing/requests/${g.requestId}`}>{t('sharing.form.title')}</Link>}
              {onRevoke && (g.status === 'active' || g.status === 'pending') && (
                <Button type="link" danger size="small" onClick={() => onRevoke(g)} data-testid={`sharing-grant-revoke-${g.id}`}>{t('sharing.grants.revoke')}</Button>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
