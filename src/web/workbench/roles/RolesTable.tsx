import { Table, Tag } from 'antd';
import type { Role } from '../../api/admin';
import { useI18n } from '../../i18n';

/** Every role with its localized name and the permissions it carries. */
export function RolesTable({ roles }: { roles: Role[] }) {
  const { lang, t } = useI18n();
  return (
    <Table<Role>
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={roles}
      data-testid="roles-table"
      columns={[
        {
          title: t('roles.role'),
          key: 'name',
          width: 200,
          render: (_: unknown, role) => (
            <>
              {role.name[lang]}
              {role.adminKind && (
                <Tag color="gold" className="roles-admin-tag">
                  {t('roles.adminKind')}
                </Tag>
              )}
            </>
          ),
        },
        { title: t('roles.code'), dataIndex: 'code', width: 160 },
        {
          title: t('roles.permissions'),
          dataIndex: 'permissions',
          render: (permissions: string[]) => permissions.map((p) => <Tag key={p}>{p}</Tag>),
        },
      ]}
    />
  );
}
