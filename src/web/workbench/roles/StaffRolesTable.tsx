import { Table, Tag } from 'antd';
import type { Account } from '../../api/admin';
import { useI18n } from '../../i18n';
import { scopeLabel } from './scope';

export interface GrantedRole {
  account: Account;
  role: Account['roles'][number];
}

interface Props {
  accounts: Account[];
  roleName: (code: string) => string;
  orgName: (id: string | null) => string;
  onRevoke: (grant: GrantedRole) => void;
}

/** Staff accounts with their current roles; each role tag can be revoked. */
export function StaffRolesTable({ accounts, roleName, orgName, onRevoke }: Props) {
  const { t } = useI18n();
  return (
    <Table<Account>
      rowKey="id"
      size="small"
      scroll={{ x: 720 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={accounts}
      data-testid="staff-roles-table"
      columns={[
        { title: t('accounts.username'), dataIndex: 'username', width: 140 },
        { title: t('accounts.displayName'), dataIndex: 'displayName', width: 160 },
        {
          title: t('accounts.roles'),
          key: 'roles',
          render: (_: unknown, account) =>
            account.roles.map((role) => (
              <Tag
                key={`${role.code}/${role.orgId}`}
                className="roles-grant-tag"
                closable
                closeIcon={<span aria-label={t('roles.revoke')} data-testid="grant-revoke">×</span>}
                onClose={(event) => {
                  // the tag stays until the server confirms and the list reloads
                  event.preventDefault();
                  onRevoke({ account, role });
                }}
                data-testid={`grant-${account.username}-${role.code}`}
              >
                {roleName(role.code)} · {orgName(role.orgId)} · {scopeLabel(t, role.scope)}
              </Tag>
            )),
        },
      ]}
    />
  );
}
