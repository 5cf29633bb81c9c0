import { Alert, Card, message, Modal } from 'antd';
import { useMemo } from 'react';
import { fetchAccounts, fetchRoles, revokeRole, type GrantScope } from '../../api/admin';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';
import { GrantForm } from './GrantForm';
import { RolesTable } from './RolesTable';
import { StaffRolesTable, type GrantedRole } from './StaffRolesTable';

/** `/work/roles` (identity:role.manage): roles, staff with their roles, granting and revoking. */
export function RolesPage() {
  const { lang, t } = useI18n();
  const roles = useApi(fetchRoles, []);
  const accounts = useApi(fetchAccounts, []);
  const orgs = useOrgs();
  const orgNames = useMemo(() => new Map((orgs.data ?? []).map((org) => [org.id, org.name])), [orgs.data]);
  const roleNames = useMemo(() => new Map((roles.data ?? []).map((role) => [role.code, role.name[lang]])), [roles.data, lang]);
  const orgName = (id: string | null) => (id ? (orgNames.get(id) ?? id) : '—');
  const roleName = (code: string) => roleNames.get(code) ?? code;
  // Without identity:account.manage the list may be refused (403): granting then has no accounts to offer.
  const accountsForbidden = accounts.problem?.status === 403;
  const staff = (accounts.data ?? []).filter((a) => a.kind === 'staff');

  const onRevoke = ({ account, role }: GrantedRole) => {
    Modal.confirm({
      title: t('roles.revoke'),
      content: t('roles.revokeConfirm', { name: account.displayName, role: roleName(role.code), org: orgName(role.orgId) }),
      okButtonProps: { danger: true, 'data-testid': 'revoke-confirm' },
      onOk: async () => {
        try {
          await revokeRole(account.id, { roleCode: role.code, orgId: role.orgId, scope: role.scope as GrantScope });
          void message.success(t('roles.revoked'));
          accounts.reload();
        } catch (error) {
          void message.error(problemText(problemOf(error), lang, t));
        }
      },
    });
  };

  return (
    <div className="work-stack" data-testid="roles-page">
      <Card title={t('roles.grantsTitle')}>
        {accountsForbidden ? (
          <Alert type="info" showIcon message={t('roles.noAccountList')} />
        ) : (
          <AsyncView state={accounts}>
            {() => <StaffRolesTable accounts={staff} roleName={roleName} orgName={orgName} onRevoke={onRevoke} />}
          </AsyncView>
        )}
      </Card>
      <Card title={t('roles.grantTitle')}>
        <AsyncView state={roles}>
          {(roleList) => (
            <AsyncView state={orgs}>
              {(orgList) => <GrantForm accounts={staff} roles={roleList} orgs={orgList} onGranted={accounts.reload} />}
            </AsyncView>
          )}
        </AsyncView>
      </Card>
      <Card title={t('roles.rolesTitle')}>
        <AsyncView state={roles}>{(list) => <RolesTable roles={list} />}</AsyncView>
      </Card>
    </div>
  );
}
