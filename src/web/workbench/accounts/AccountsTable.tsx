import { Table, Tag } from 'antd';
import type { Account } from '../../api/admin';
import { useI18n } from '../../i18n';

interface Props {
  accounts: Account[];
  orgName: (id: string | null) => string;
}

/** Staff accounts with their roles, lock and authenticator state. */
export function AccountsTable({ accounts, orgName }: Props) {
  const { t } = useI18n();
  return (
    <Table<Account>
      rowKey="id"
      size="small"
      scroll={{ x: 800 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={accounts}
      data-testid="accounts-table"
      columns={[
        { title: t('accounts.username'), dataIndex: 'username' },
        { title: t('accounts.displayName'), dataIndex: 'displayName' },
        { title: t('accounts.org'), dataIndex: 'orgId', render: (id: string | null) => orgName(id) },
        {
          title: t('accounts.roles'),
          dataIndex: 'roles',
          render: (roles: Account['roles']) =>
            roles.map((role) => (
              <Tag key={`${role.code}/${role.orgId}/${role.scope}`} title={`${orgName(role.orgId)} · ${role.scope}`}>
                {role.code}
              </Tag>
            )),
        },
        {
          title: t('accounts.status'),
          key: 'status',
          render: (_: unknown, row) =>
            row.locked ? <Tag color="red">{t('accounts.locked')}</Tag> : <Tag color="green">{t('accounts.active')}</Tag>,
        },
        {
          title: t('accounts.totp'),
          dataIndex: 'totpEnabled',
          render: (on: boolean) => (on ? <Tag color="blue">{t('accounts.totpOn')}</Tag> : <Tag>{t('accounts.totpOff')}</Tag>),
        },
      ]}
    />
  );
}
