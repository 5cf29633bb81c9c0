import { Button, Popconfirm, Table, Tag } from 'antd';
import type { ApiKey } from '../api/apiKeys';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';

interface Props {
  keys: ApiKey[];
  onRevoke: (id: string) => void;
}

/** My keys (prefix only; the secret is never shown again), each revocable while active. */
export function ApiKeyTable({ keys, onRevoke }: Props) {
  const { lang, t } = useI18n();
  return (
    <Table<ApiKey>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={keys}
      data-testid="apikey-list"
      columns={[
        { title: t('apikeys.name'), dataIndex: 'name' },
        { title: t('apikeys.prefix'), dataIndex: 'prefix', render: (prefix: string) => <code>{prefix}…</code> },
        {
          title: t('apikeys.permissions'),
          dataIndex: 'permissions',
          render: (permissions: string[]) => permissions.map((p) => <Tag key={p}>{p}</Tag>),
        },
        { title: t('apikeys.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
        {
          title: t('apikeys.lastUsedAt'),
          dataIndex: 'lastUsedAt',
          render: (v: string | null) => (v ? formatDateTime(v, lang) : t('apikeys.never')),
        },
        {
          title: t('apikeys.status'),
          key: 'status',
          render: (_: unknown, row) =>
            row.revokedAt ? (
              <Tag title={formatDateTime(row.revokedAt, lang)}>{t('apikeys.revokedAt')}</Tag>
            ) : (
              <Popconfirm title={t('apikeys.revokeConfirm')} onConfirm={() => onRevoke(row.id)} okButtonProps={{ danger: true }}>
                <Button size="small" danger data-testid="apikey-revoke">
                  {t('apikeys.revoke')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
